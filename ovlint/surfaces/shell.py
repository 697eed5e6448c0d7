"""Shell commands as argv words with spans.

The lexer knows quoting, backslash-newline continuations, comments, command separators
(`;`, `&&`, `||`, `|`, `&`, newlines), redirections, here-documents, compound-command keywords
and leading variable assignments. It does not run anything: a word holding `$VAR` or `$(...)`
keeps its raw text and is marked `expanded`; where the file gave the variable a value earlier
(`MO=.../mo.py`, `export`, a Dockerfile `ENV`, a Makefile `MO := ...`), the word also carries
that value (`resolved`), so rules can tell what runs, and leave the word itself alone.

A command run through a wrapper (`sudo`, `env`, `nohup`, `bash -c "..."`, `docker run IMAGE
...`) is also read as the command it runs.
"""
from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from typing import Optional

from ovlint.base.lazy import pattern
from ovlint.surfaces.release_named import image_release

_KEYWORDS_BEFORE = {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"}
_KEYWORDS_END = {"fi", "done", "esac", "}"}
_ASSIGNMENT = pattern(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
_SEPARATORS = ("&&", "||", ";;", ";", "|", "&", "(", ")")
# letters of any script too: no shell, YAML or Python string treats them specially
_SAFE_WORD = pattern(r"^[\w@%+=:,./~^-]+$")


@dataclass
class Word:
    value: str  # the word after quote removal (raw text where it could not be resolved)
    start: int
    end: int
    expanded: bool = False  # holds a parameter or command expansion
    quoted: bool = False
    # where `value` stands in the text verbatim (a plain word, or one quoted segment); None otherwise
    value_start: Optional[int] = None
    resolved: Optional[str] = None  # the value with the variables the file set substituted

    @property
    def through(self) -> str:
        """For a message about what the word's variables hold: ` (through `$OV`)`."""
        return " (through `" + "`, `".join(dict.fromkeys(_ANY_REFERENCE.findall(self.value))) + "`)"


_ANY_REFERENCE = pattern(r"\$\{\w+\}|\$\(\w+\)|\$\w+|%\w+%")  # `%NAME%`: cmd's


@dataclass
class Command:
    words: list[Word]
    # how words are written in the carrier: "shell" text, a Python "list" literal, a notebook line …
    carrier: str = "shell"
    origin: str = "shell"  # shell, dockerfile, makefile, ci-yaml, notebook, python
    # the `NAME=value` words before the command name (`LD_LIBRARY_PATH=... ./app`)
    assignments: list[Word] = field(default_factory=list)
    # the files its redirections name (`patch -p1 < fix.patch`), not here-document delimiters
    redirections: list[Word] = field(default_factory=list)
    # why its findings are not fixed: it runs in a shell that is not read as such (PowerShell, cmd)
    foreign: str = ""
    # the release of the OpenVINO image a wrapper runs it in (`docker run openvino/ubuntu20_dev:2022.2.0
    # mo ...`), and the offset of the image's name: what it runs is that release's
    runs_on: Optional[tuple[str, int]] = None

    @property
    def argv(self) -> list[str]:
        return [w.value for w in self.words]

    @property
    def resolved_argv(self) -> list[str]:
        """The argv as it runs where the file's own variables are known (`$MO --input_model m` is
        `python3 /opt/mo.py --input_model m` after `MO="python3 /opt/mo.py"`); words may split."""
        argv = []
        for word in self.words:
            if word.resolved is None:
                argv.append(word.value)
            else:
                argv.extend(_split_value(word.resolved) or [word.resolved])
        return argv

    @property
    def resolved(self) -> bool:
        """Whether some word's value came from a variable."""
        return any(w.resolved is not None for w in self.words)

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end


class Variables:
    """Values a file gives its variables, in file order, for the words that use them."""

    def __init__(self, make: bool = False):
        self.make = make  # Makefile syntax: `$(NAME)` is a variable, not a command substitution
        self.values: dict[str, list[tuple[int, str, tuple]]] = {}  # name -> (offset, value, branch)

    def define(self, offset: int, name: str, value: str, joined: Optional[str] = None, branch: tuple = ()) -> None:
        """`name` holds `value` from `offset` on; with `joined` (empty in a shell, a space in Make),
        `value` is appended to what it held before, joined by that (`CMD+=" --x"`, `FLAGS += --x`).
        `branch`: which branch of each `if` around it the assignment is in: one appends to what was
        set where it runs too, not in another branch (`else PARAMS+=...` after `then PARAMS+=...`)."""
        before = self.lookup(name, offset, branch) if joined is not None else None
        if before:
            value = before + joined + value
        self.values.setdefault(name, []).append((offset, value, branch))

    def lookup(self, name: str, before: int, branch: Optional[tuple] = None) -> Optional[str]:
        """The value last set before `before`; with `branch`, the last set where that branch runs,
        if any (else the last set at all: `if ...; then CMD="mo ..."; else CMD="mo"; fi`)."""
        found = [(value, branch is None or branch[:len(where)] == where)
                 for offset, value, where in self.values.get(name, ()) if offset < before]
        enclosing = [value for value, runs in found if runs]
        return enclosing[-1] if enclosing else found[-1][0] if found else None

    def expand(self, text: str, before: int, depth: int = 0) -> Optional[str]:
        """`text` with the variables known before offset `before` substituted; None if none is."""
        pattern = _MAKE_REFERENCE if self.make else _REFERENCE
        changed = False

        def substitute(match):
            nonlocal changed
            name = next(g for g in match.groups() if g)
            value = self.lookup(name, before)
            if value is None:
                return match.group()
            changed = True
            return (self.expand(value, before, depth + 1) or value) if depth < 3 else value

        result = pattern.sub(substitute, text)
        return result if changed else None


_REFERENCE = pattern(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")
_MAKE_REFERENCE = pattern(r"\$\(([A-Za-z_][A-Za-z0-9_.]*)\)|\$\{([A-Za-z_][A-Za-z0-9_.]*)\}|\$([A-Za-z_])")
_DECLARATIONS = {"export", "readonly", "declare", "local", "typeset"}


def _split_value(value: str) -> list[str]:
    try:
        return shlex.split(value)
    except ValueError:
        return value.split()


def quote(value: str) -> str:
    """Shell-quote a value only when it needs it."""
    return value if _SAFE_WORD.match(value) else shlex.quote(value)


class _Lexer:
    def __init__(self, text: str, start: int, end: int, folds: frozenset = frozenset()):
        self.text, self.i, self.end = text, start, end
        self.folds = folds  # offsets of line breaks that stand for a space (YAML folds them)
        # (assignments, words, redirections, the branch it is in: see `finish`)
        self.commands: list[tuple[list[Word], list[Word], list[Word], tuple]] = []
        # for each `if` open, (which `if` of the text it is, which of its branches the text is in)
        self.branches: list[tuple[int, int]] = []
        self.conditionals = 0
        self.current: list[Word] = []
        self.redirections: list[Word] = []
        self.heredocs: list[tuple[str, bool]] = []
        # the text of each command substitution, `$(...)` or backquoted: commands of their own
        self.substitutions: list[tuple[int, int]] = []

    def run(self) -> list[tuple[list[Word], list[Word], list[Word]]]:
        text, end = self.text, self.end
        while self.i < end:
            ch = text[self.i]
            if ch == "\\" and text.startswith("\n", self.i + 1):
                self.i += 2
            elif ch == "\\" and text.startswith("\r\n", self.i + 1):
                self.i += 3
            elif ch in " \t\r" or (ch == "\n" and self.i in self.folds):
                self.i += 1
            elif ch == "\n":
                self.i += 1
                self.finish()
                self.skip_heredocs()
            elif ch == "#":
                while self.i < end and text[self.i] != "\n":
                    self.i += 1
            elif ch in "<>" or (ch == "&" and text.startswith("&>", self.i)):
                self.redirect()
            elif self.separator():
                self.finish()
            else:
                self.word()
        self.finish()
        return self.commands

    def separator(self) -> bool:
        for sep in _SEPARATORS:
            if self.text.startswith(sep, self.i) and self.i + len(sep) <= self.end:
                self.i += len(sep)
                return True
        return False

    def finish(self) -> None:
        words, redirections = self.current, self.redirections
        self.current, self.redirections = [], []
        while words and (words[0].value in _KEYWORDS_BEFORE or words[0].value in _KEYWORDS_END):
            keyword = words[0].value
            if keyword == "if":
                self.conditionals += 1
                self.branches.append((self.conditionals, 0))
            elif keyword in ("elif", "else") and self.branches:
                self.branches[-1] = (self.branches[-1][0], self.branches[-1][1] + 1)
            elif keyword == "fi" and self.branches:
                self.branches.pop()
            words = words[1:]
        assignments = []
        # `NAME=value` with the name unquoted is an assignment, whatever quotes the value has
        while words and _ASSIGNMENT.match(self.text, words[0].start):
            assignments.append(words[0])
            words = words[1:]
        if words or assignments:
            self.commands.append((assignments, words, redirections, tuple(self.branches)))

    def redirect(self) -> None:
        text = self.text
        if self.current and self.current[-1].value.isdigit() and self.current[-1].end == self.i:
            self.current.pop()  # "2>" names a file descriptor
        heredoc = text.startswith("<<", self.i) and not text.startswith("<<<", self.i)
        strip_tabs = text.startswith("<<-", self.i)
        operator = self.i
        while self.i < self.end and text[self.i] in "<>&|-":
            self.i += 1
            if heredoc and text[self.i - 1] == "-":
                break
        operator = text[operator:self.i]
        while self.i < self.end and text[self.i] in " \t":
            self.i += 1
        before = len(self.current)
        if self.i < self.end and text[self.i] not in "\n;|&":
            self.word()
        target = self.current[before:]
        del self.current[before:]
        if heredoc and target:
            self.heredocs.append((target[0].value, strip_tabs))
        elif not operator.endswith("&") and not operator.startswith("<<<"):  # a file, not `2>&1` or a string
            self.redirections.extend(target)

    def skip_heredocs(self) -> None:
        text = self.text
        for delimiter, strip_tabs in self.heredocs:
            while self.i < self.end:
                line_end = text.find("\n", self.i, self.end)
                line_end = self.end if line_end < 0 else line_end
                line = text[self.i:line_end].rstrip("\r")
                self.i = min(line_end + 1, self.end)
                if ends_here_document(line, delimiter, strip_tabs):
                    break
        self.heredocs = []

    def word(self) -> None:
        text, end = self.text, self.end
        start = self.i
        value: list[str] = []
        expanded = quoted = False
        while self.i < end:
            ch = text[self.i]
            if ch in " \t\r\n" or ch in ";|&()<>":
                break
            if ch == "\\":
                if text.startswith("\n", self.i + 1):
                    self.i += 2
                    continue
                if self.i + 1 < end:
                    value.append(text[self.i + 1])
                self.i += 2
                quoted = True
            elif ch == "'":
                close = text.find("'", self.i + 1, end)
                close = end if close < 0 else close
                value.append(text[self.i + 1:close])
                self.i = close + 1
                quoted = True
            elif ch == '"':
                self.i += 1
                quoted = True
                while self.i < end and text[self.i] != '"':
                    c = text[self.i]
                    if c == "\\" and self.i + 1 < end and text[self.i + 1] in '$`"\\\n':
                        if text[self.i + 1] != "\n":
                            value.append(text[self.i + 1])
                        self.i += 2
                        continue
                    if c in "$`":
                        expanded = True
                        value.append(self.expansion())
                        continue
                    value.append(c)
                    self.i += 1
                self.i += 1
            elif ch in "$`":
                expanded = True
                value.append(self.expansion())
            else:
                value.append(ch)
                self.i += 1
        self.i = min(self.i, end)
        if self.i > start:
            joined = "".join(value)
            raw = text[start:self.i]
            if raw == joined:
                value_start = start
            elif len(raw) == len(joined) + 2 and raw[0] in "'\"" and raw[-1] == raw[0] and raw[1:-1] == joined:
                value_start = start + 1
            else:
                value_start = None
            self.current.append(Word(joined, start, self.i, expanded, quoted, value_start))

    def expansion(self) -> str:
        """Consume `$x`, `${...}`, `$(...)`, `$((...))` or a backquoted command; return its raw text."""
        text, end, start = self.text, self.end, self.i
        if text[self.i] == "`":
            close = text.find("`", self.i + 1, end)
            self.i = end if close < 0 else close + 1
            if close >= 0:
                self.substitutions.append((start + 1, close))
            return text[start:self.i]
        self.i += 1
        if self.i < end and text[self.i] in "({":
            opener = text[self.i]
            closer = ")" if opener == "(" else "}"
            depth = 0
            while self.i < end:
                c = text[self.i]
                if c == opener:
                    depth += 1
                elif c == closer:
                    depth -= 1
                    if depth == 0:
                        self.i += 1
                        if opener == "(" and not text.startswith("((", start + 1):  # not arithmetic
                            self.substitutions.append((start + 2, self.i - 1))
                        break
                elif c in "'\"":
                    close = text.find(c, self.i + 1, end)
                    self.i = end if close < 0 else close
                self.i += 1
        elif self.i < end and text[self.i] in "@*#?$!-<^+%|":
            self.i += 1  # special parameters, and Make's automatic variables ($<, $^) in recipes
        else:
            while self.i < end and (text[self.i].isalnum() or text[self.i] == "_"):
                self.i += 1
        return text[start:self.i]


def ends_here_document(line: str, delimiter: str, strip_tabs: bool) -> bool:
    """Whether `line` (without its line break) ends a here-document (`<<-` strips leading tabs)."""
    return (line.lstrip("\t") if strip_tabs else line) == delimiter


def split_commands(text: str, start: int = 0, end: int | None = None, origin: str = "shell",
                   variables: Optional[Variables] = None, carrier: str = "shell",
                   wrappers: bool = True, folds: frozenset = frozenset()) -> list[Command]:
    """Every simple command in text[start:end] (and the commands wrappers run); word spans are
    offsets into `text`. `variables` carries the values set so far in the file, and gets the
    ones set here. `folds`: offsets of line breaks that are spaces in the text the shell gets."""
    end = len(text) if end is None else end
    variables = Variables() if variables is None else variables
    found = []
    lexer = _Lexer(text, start, end, folds)
    for assignments, words, redirections, branch in lexer.run():
        for word in assignments + words:
            if word.expanded:
                word.resolved = variables.expand(word.value, word.start)
        if not words or words[0].value in _DECLARATIONS:
            for word in (assignments if not words else words[1:]):
                name, eq, value = word.value.partition("=")
                if eq and _ASSIGNMENT.match(word.value):
                    variables.define(word.end, name.rstrip("+"), word.resolved.partition("=")[2]
                                     if word.resolved is not None else value, "" if name.endswith("+") else None,
                                     branch)
        if words:
            command = Command(words, carrier, origin, assignments, redirections)
            found.extend(unwrap(command, variables) if wrappers else [command])
    if not variables.make:  # in a Makefile, `$(NAME)` is a variable
        for inner_start, inner_end in lexer.substitutions:
            # a lone word is left alone: Azure Pipelines' `$(name)` is a variable, and a tool run
            # without arguments is not what rules look for
            if re.fullmatch(r"\s*[\w.-]+\s*", text[inner_start:inner_end]) is None:
                found.extend(split_commands(text, inner_start, inner_end, origin, variables, carrier, wrappers, folds))
    return found


_WRAPPER_OPTIONS = {  # wrapper -> its options that take a value
    "sudo": {"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"}, "env": {"-u", "-C", "-S"},
    "nohup": set(), "exec": {"-a"}, "nice": {"-n"}, "timeout": {"-s", "-k"}, "stdbuf": {"-i", "-o", "-e"},
}
# xargs's options that take a value (as a word of its own)
_XARGS_OPTIONS = {"-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args",
                  "--max-procs", "--max-lines", "--max-chars"}
SHELLS = {"sh", "bash", "dash", "zsh", "ksh"}
_DOCKER_VALUE_OPTIONS = {
    "-v", "--volume", "-e", "--env", "--env-file", "-w", "--workdir", "-p", "--publish", "--name", "--network",
    "--net", "-u", "--user", "--entrypoint", "--device", "--gpus", "--mount", "--shm-size", "--ipc", "--cpus",
    "-m", "--memory", "-l", "--label", "--add-host", "--cap-add", "--cap-drop", "--security-opt", "--group-add",
    "--runtime", "--platform", "--pid", "-h", "--hostname", "--restart", "--ulimit", "--log-driver", "--log-opt",
    "--tmpfs", "--volumes-from", "--cidfile", "--dns", "--expose", "--device-cgroup-rule", "--cpuset-cpus",
    "--pull", "--stop-signal", "--stop-timeout", "--health-cmd", "--memory-swap", "--cpu-shares", "-c",
    "--cgroupns", "--userns", "--uts", "--attach", "-a", "--mac-address", "--ip", "--storage-opt", "--sysctl",
}


def unwrap(command: Command, variables: Optional[Variables] = None) -> list[Command]:
    """The command, and the command its wrapper runs: `sudo -E X`, `env A=1 X`, `nohup X`,
    `bash -c "X"`, `docker run [options] IMAGE X` (X is the image's entrypoint's arguments when it
    starts with `-`), `xargs X` and `find ... -exec X {} ;` (not to be rewritten: their arguments are
    not all in the text). The wrapper keeps its own words (a `docker run` its options and image)."""
    words = command.words
    name = os.path.basename(words[0].value)
    inner = None
    if name == "xargs":
        i = 1
        while i < len(words) and words[i].value.startswith("-"):
            i += 2 if words[i].value in _XARGS_OPTIONS else 1
        if i < len(words):
            return [Command(words[:i], command.carrier, command.origin, command.assignments)] + unwrap(Command(
                words[i:], command.carrier, command.origin, [], foreign=command.foreign or (
                    "xargs adds arguments it reads from its input")), variables)
        return [command]
    if name == "find":
        found, values, i = [], [w.value for w in words], 1
        while i < len(words):
            if values[i] not in ("-exec", "-execdir", "-ok", "-okdir"):
                i += 1
                continue
            if not found:  # find keeps its own words, up to its first command
                found.append(Command(words[:i], command.carrier, command.origin, command.assignments))
            end = next((j for j in range(i + 1, len(words)) if values[j] in (";", "+")), len(words))
            if end > i + 1:
                found += unwrap(Command(words[i + 1:end], command.carrier, command.origin, [],
                                        foreign=command.foreign or "find runs it on each file it finds"), variables)
            i = end + 1
        return found or [command]
    if name in _WRAPPER_OPTIONS:
        i = 1
        while i < len(words) and (words[i].value.startswith("-") or (name == "env" and "=" in words[i].value)):
            i += 2 if words[i].value in _WRAPPER_OPTIONS[name] else 1
        if name == "timeout" and i < len(words):
            i += 1  # the duration
        if i < len(words):
            return unwrap(Command(words[i:], command.carrier, command.origin, command.assignments + words[1:i]
                                  if name == "env" else command.assignments, command.redirections), variables)
        return [command]
    if name in SHELLS and len(words) > 2 and re.fullmatch(r"-[a-z]*c", words[1].value):
        script = words[2]
        if script.value_start is not None and not script.expanded:
            start = script.value_start
            shell = command.carrier in ("shell", "notebook-magic")
            inner = split_commands(script.value, 0, None, command.origin, None) if not shell else None
            if shell:
                return [Command(words[:2], command.carrier, command.origin, command.assignments)] + split_commands(
                    _blank_outside(script, start), start, start + len(script.value), command.origin, variables)
            return [Command(words[:2], command.carrier, command.origin, command.assignments)] + [
                Command([_moved(w, start) for w in c.words], "python-string", command.origin,
                        [_moved(w, start) for w in c.assignments], runs_on=_moved_release(c, start)) for c in inner]
        return [command]
    if name in ("docker", "podman", "nvidia-docker"):
        i = 1
        if i < len(words) and words[i].value == "container":
            i += 1
        if i < len(words) and words[i].value in ("run", "exec", "create"):
            i += 1
            while i < len(words) and words[i].value.startswith("-"):
                i += 2 if words[i].value in _DOCKER_VALUE_OPTIONS else 1
            if i + 1 < len(words):
                first = i if words[i + 1].value.startswith("-") else i + 1
                inner = unwrap(Command(words[first:], command.carrier, command.origin, []), variables)
                release = image_release(words[i].resolved or words[i].value)
                for found in inner:
                    found.runs_on = found.runs_on or command.runs_on or (release and (release, words[i].start))
                return [Command(words[:first], command.carrier, command.origin, command.assignments), *inner]
    return [command]


def _blank_outside(word: Word, start: int) -> str:
    """A text in which only the word's verbatim value stands at its offsets (for re-lexing it)."""
    return " " * start + word.value


def _moved(word: Word, offset: int) -> Word:
    return Word(word.value, word.start + offset, word.end + offset, word.expanded, word.quoted,
                None if word.value_start is None else word.value_start + offset, word.resolved)


# `python`, `python3`, `python3.11`, `/usr/bin/python3`, `python.exe`
_INTERPRETER = pattern(r"python(?:\d+(?:\.\d+)*)?(?:\.exe)?")


def is_python(word: str) -> bool:
    """Whether a command word runs the Python interpreter (in a Python argument list, also
    `sys.executable`; in a notebook's `!` line, IPython's `{sys.executable}`, the kernel's own)."""
    return bool(_INTERPRETER.fullmatch(os.path.basename(word))) or word in ("sys.executable", "{sys.executable}")


def render(values: list[str]) -> str:
    return " ".join(quote(v) for v in values)


# Edits of single words, for any carrier. Every carrier reports word spans without the quotes of
# a Python or JSON string literal, so a plain value can be written in place.


def can_write(command: Command, value: str) -> bool:
    """Whether `value` can stand in `command`'s carrier without quoting or escaping."""
    return bool(_SAFE_WORD.match(value)) or (command.carrier in ("shell", "notebook-magic") and "'" not in value)


def value_span(text: str, word: Word, start: int, end: int) -> Optional[tuple[int, int]]:
    """Where value[start:end] of a word stands in `text`, when it stands there verbatim (inside one
    quoted or unquoted segment: `NAME="a b"` has `a b` at its quotes); None where quoting, escapes or
    command substitutions make the value and the text differ there."""
    if word.value_start is not None:
        return word.value_start + start, word.value_start + end
    raw = text[word.start:word.end]
    if "\\" in raw or "$(" in raw or "`" in raw:
        return None
    offsets, quote = [], ""
    for i, ch in enumerate(raw):
        if ch == quote:
            quote = ""
        elif not quote and ch in "'\"":
            quote = ch
        else:
            offsets.append(word.start + i)
    piece = offsets[start:end]
    if len(piece) != end - start or (piece and piece[-1] - piece[0] != end - start - 1):
        return None
    return (piece[0], piece[-1] + 1) if piece else None


def replace_word(command: Command, index: int, value: str):
    """An edit giving word `index` the value `value`, or None if the carrier cannot hold it."""
    from ovlint.base.diagnostics import Edit

    word = command.words[index]
    if word.expanded or not can_write(command, value):
        return None
    text = value if command.carrier not in ("shell", "notebook-magic") else quote(value)
    return Edit(word.start, word.end, text)


def delete_words(command: Command, first: int, last: int):
    """An edit removing words first..last (inclusive) and the blank (or continuation) before them."""
    from ovlint.base.diagnostics import Edit

    if command.carrier == "python-concatenated":
        return None  # the blank before a word can be the gap between two literals
    if command.carrier in ("python-string", "python-fstring") and any(
            w.expanded for w in command.words[first:last + 1]):
        return None  # masked code in a Python string cannot be cut out as text
    start = command.words[first - 1].end if first > 0 else command.words[first].start
    end = command.words[last].end
    if first == 0 and last + 1 < len(command.words):
        end = command.words[last + 1].start
    return Edit(start, end, "")


def append_to_word(command: Command, index: int, suffix: str):
    """An edit appending `suffix` to a word's value, inside its quotes; None if it cannot."""
    from ovlint.base.diagnostics import Edit

    word = command.words[index]
    shell = command.carrier in ("shell", "notebook-magic")
    if not _SAFE_WORD.match(suffix):
        return None
    if word.expanded and command.carrier == "python-fstring" and word.value.startswith("$"):
        return Edit(word.end, word.end, suffix)  # right after an f-string field, inside the literal
    if word.expanded and not shell:
        return None
    if word.value_start is not None:
        end = word.value_start + len(word.value)
        return Edit(end, end, suffix)
    return None if shell else Edit(word.end, word.end, suffix)  # shell: mixed quoting


def from_python_string(value: str, start: int, carrier: str = "python-string",
                       spans: Optional[list[tuple[int, int]]] = None, split: bool = False) -> list[Command]:
    """Commands in a Python string literal whose text starts at `start` (no escapes in it), or in
    the given (start, end) spans of its value. Code spliced into the string (f-string fields, `+`
    operands) arrives masked as `$___` of the same length, so it reads as an expansion and every
    span still points at the file. `split`: the program splits the string into words at any
    blank (`str.split()`, `shlex.split`), so its line breaks are blanks, not command ends."""
    folds = frozenset(i for i, ch in enumerate(value) if ch == "\n") if split else frozenset()

    def moved(words):
        return [Word(w.value, w.start + start, w.end + start, w.expanded, w.quoted,
                     None if w.value_start is None else w.value_start + start) for w in words]

    return [Command(moved(c.words), carrier, "python", moved(c.assignments), runs_on=_moved_release(c, start))
            for first, last in (spans if spans is not None else [(0, len(value))])
            for c in split_commands(value, first, last, folds=folds)]


def _moved_release(command: Command, offset: int) -> Optional[tuple[str, int]]:
    """The command's `runs_on`, its offset moved by `offset` (a command read out of a string)."""
    return None if command.runs_on is None else (command.runs_on[0], command.runs_on[1] + offset)
