"""CMake files as commands with argument spans: `name(arg "quoted arg" [[bracket arg]])`.

Comments (`# ...` and `#[[ ... ]]`) and the insides of quoted and bracket arguments are never
read as commands; `${VAR}` references are found inside unquoted and quoted arguments."""
from __future__ import annotations

from dataclasses import dataclass, field

from ovlint.base.lazy import pattern
from ovlint.surfaces import FileKind, whole

_NAME = pattern(r"[A-Za-z_][A-Za-z0-9_]*")
_BRACKET_OPEN = pattern(r"\[(=*)\[")
_VARIABLE = pattern(r"\$\{([A-Za-z0-9_./+-]+)\}")


@dataclass(frozen=True)
class Argument:
    value: str  # as written, without the quotes or brackets
    start: int  # span of the argument as written (quotes included)
    end: int
    kind: str  # unquoted, quoted, bracket


@dataclass
class Invocation:
    name: str
    start: int  # of the command name
    end: int  # past the closing parenthesis
    open_paren: int
    arguments: list[Argument] = field(default_factory=list)

    @property
    def lower(self) -> str:
        return self.name.lower()


_ENVIRONMENT = pattern(r"\$ENV\{([A-Za-z0-9_]+)\}")


def environment_variables(argument: Argument):
    """(name, start, end) of each `$ENV{NAME}` reference in an argument (not in bracket arguments)."""
    return _references(argument, _ENVIRONMENT)


def variables(argument: Argument):
    """(name, start, end) of each `${NAME}` reference in an argument (not in bracket arguments)."""
    return _references(argument, _VARIABLE)


def _references(argument: Argument, pattern):
    if argument.kind == "bracket":
        return
    offset = argument.start + (1 if argument.kind == "quoted" else 0)
    for match in pattern.finditer(argument.value):
        yield match.group(1), offset + match.start(), offset + match.end()


def expanded(commands: list[Invocation]):
    """Each command with its arguments' values, `${NAME}` replaced by what an earlier
    `set(NAME value)` of the file gave it (also with `CACHE ...` or `PARENT_SCOPE`; a list, or a
    variable set elsewhere, stays as written)."""
    values: dict[str, str] = {}

    def expand(value: str, depth: int = 0) -> str:
        result = _VARIABLE.sub(lambda m: values.get(m.group(1), m.group()), value)
        return expand(result, depth + 1) if result != value and depth < 3 else result

    for command in commands:
        yield command, [expand(a.value) if a.kind != "bracket" else a.value for a in command.arguments]
        arguments = command.arguments
        if command.lower == "set" and (len(arguments) == 2 or len(arguments) > 2 and arguments[2].value in
                                       ("CACHE", "PARENT_SCOPE")):
            values[arguments[0].value] = expand(arguments[1].value)


_OPENERS = {"if", "foreach", "while", "function", "macro", "block"}
_CLOSERS = {"endif", "endforeach", "endwhile", "endfunction", "endmacro", "endblock"}
CONDITIONS = {"if", "elseif", "while"}


def branches(commands: list[Invocation]) -> list[tuple]:
    """For each command, the branch it runs in: a path of (block, branch) pairs, so that two
    commands are siblings when their paths are equal, and a command runs wherever a command whose
    path is a prefix of its own does. `if`, `elseif` and `else` head their branch's block."""
    paths, stack, opened = [], [], 0
    for command in commands:
        name = command.lower
        if name in ("elseif", "else") and stack:
            block, branch = stack.pop()
            stack.append((block, branch + 1))
        elif name in _CLOSERS and stack:
            stack.pop()
        paths.append(tuple(stack))
        if name in _OPENERS:
            opened += 1
            stack.append((opened, 0))
    return paths


def parse(text: str) -> list[Invocation]:
    commands: list[Invocation] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            i = _skip_comment(text, i)
        elif (ch.isalpha() or ch == "_") and _NAME.match(text, i):  # a command's name is ASCII
            match = _NAME.match(text, i)
            j = match.end()
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j] == "(":
                command = Invocation(match.group(), i, j, j)
                i = _arguments(text, j + 1, command)
                commands.append(command)
            else:
                i = match.end()
        elif ch == '"':
            i = _quoted_end(text, i)
        elif ch == "[" and _BRACKET_OPEN.match(text, i):
            i = _bracket_end(text, i)
        else:
            i += 1
    return commands


def _skip_comment(text: str, i: int) -> int:
    bracket = _BRACKET_OPEN.match(text, i + 1)
    if bracket:
        return _bracket_end(text, i + 1)
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _bracket_end(text: str, i: int) -> int:
    match = _BRACKET_OPEN.match(text, i)
    close = text.find("]" + match.group(1) + "]", match.end())
    return len(text) if close < 0 else close + len(match.group(1)) + 2


def _quoted_end(text: str, i: int) -> int:
    j = i + 1
    while j < len(text) and text[j] != '"':
        j += 2 if text[j] == "\\" else 1
    return min(j + 1, len(text))


def _arguments(text: str, i: int, command: Invocation) -> int:
    """Read arguments up to the matching `)`; return the offset past it."""
    n = len(text)
    depth = 0
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
        elif ch == "#":
            i = _skip_comment(text, i)
        elif ch == "(":
            depth += 1
            i += 1
        elif ch == ")":
            if depth == 0:
                command.end = i + 1
                return i + 1
            depth -= 1
            i += 1
        elif ch == '"':
            end = _quoted_end(text, i)
            command.arguments.append(Argument(text[i + 1:end - 1], i, end, "quoted"))
            i = end
        elif ch == "[" and _BRACKET_OPEN.match(text, i):
            match = _BRACKET_OPEN.match(text, i)
            end = _bracket_end(text, i)
            inner_end = end - len(match.group(1)) - 2
            command.arguments.append(Argument(text[match.end():inner_end], i, end, "bracket"))
            i = end
        else:
            j = i
            while j < n and text[j] not in " \t\r\n()#\"":
                if text.startswith("${", j):
                    close = text.find("}", j)
                    j = n if close < 0 else close + 1
                else:
                    j += 2 if text[j] == "\\" else 1
            command.arguments.append(Argument(text[i:j], i, j, "unquoted"))
            i = j
    command.end = n
    return n


CMAKE = "cmake"

KIND = FileKind(
    name="cmake", label="CMake",
    recognise=lambda path, name, suffix: name == "cmakelists.txt" or suffix == ".cmake",
    read=lambda text: whole(text, tree=parse(text)), facts=(CMAKE,), rank=60, fence="cmake", bytewise=True,
    multiline=lambda text: [(a.start, a.end) for command in parse(text) for a in command.arguments],
)
