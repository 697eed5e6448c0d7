"""Windows batch files (`*.bat`, `*.cmd`): their commands are read, and reported, but not
rewritten: cmd quotes, escapes (`^`) and continues lines its own way, and `\\` is a path separator
there, so a rewrite made for a POSIX shell could change what runs."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern
from ovlint.surfaces import RUNS_PYTHON, FileKind, whole
from ovlint.surfaces.shell import Command, Word

FOREIGN = "the script runs in `cmd`, not a POSIX shell"
# a line cmd runs: up to a line break that no `^` escapes
_LINE = pattern(r"(?:[^\r\n^]|\^(?:\r?\n|.))*")
# a comment line, a label, or `@echo off`
_NOT_A_COMMAND = pattern(r"(?i)^[ \t@]*(?:rem(?:[ \t]|$)|::|:\w|echo[ \t]+o(?:n|ff)[ \t]*$)")
# what ends one command and starts the next on a line: `&`, `&&`, `||`, `|`
_SEPARATOR = pattern(r"&&?|\|\|?")
# a word: quoted parts, escaped characters (a `^` before a line break continues the line instead)
_WORD = pattern(r'(?:"[^"\r\n]*"?|\^[^\r\n]|[^\s"&|<>^])+')


# a variable's value in a word: `%NAME%` (`%%f` is a loop's)
_REFERENCE = pattern(r"%(\w+)%")


def commands(text: str) -> list[Command]:
    found = []
    variables: dict = {}  # NAME (upper case, as cmd ignores case) -> its value, as `set NAME=value` gave it
    for line in _LINE.finditer(text):
        if not line.group().strip() or _NOT_A_COMMAND.match(line.group()):
            continue
        start = line.start()
        for part in _parts(line.group()):
            words = [Word(_value(m.group()), start + m.start(), start + m.end(), expanded="%" in m.group(),
                          quoted='"' in m.group(), value_start=_value_start(m.group(), start + m.start()))
                     for m in _WORD.finditer(line.group(), *part)]
            words = _run(words)
            if not (words and words[0].value):
                continue
            for word in words:
                if word.expanded:
                    word.resolved = _REFERENCE.sub(lambda m: variables.get(m.group(1).upper(), m.group()), word.value)
            if words[0].value.lower() == "set" and len(words) > 1 and "=" in words[1].value:
                name, _, value = (words[1].resolved or words[1].value).partition("=")
                variables[name.strip().upper()] = " ".join([value] + [w.resolved or w.value for w in words[2:]])
            found.append(Command(words, carrier="cmd", origin="batch", foreign=FOREIGN))
    return found


# the conditions `if` takes before its command (`if exist x.xml mo ...`, `if not defined VAR ...`)
_CONDITION_WORDS = {"exist": 2, "defined": 2, "errorlevel": 2, "cmdextversion": 2}
_COMPARISONS = {"==", "equ", "neq", "lss", "leq", "gtr", "geq"}


def _run(words: list) -> list:
    """The words of the command a line runs: after `@` (not echoed), `call`, `if <condition>`,
    `for ... do` and `start ["title"] [/options]`, and a block's `(`."""
    while words:
        first = words[0].value.lower()
        if first.startswith("@"):
            words[0].value = words[0].value[1:]
            first = first[1:]
        if first.startswith("(") and first != "(":
            words[0].value = words[0].value[1:]
            first = first[1:]
        if first in ("call", "("):
            words = words[1:]
        elif first.startswith(")"):  # a block's end, `) else (`
            return []
        elif first == "if":
            rest = words[1:]
            while rest and rest[0].value.lower() in ("/i", "not"):
                rest = rest[1:]
            if rest and rest[0].value.lower() in _CONDITION_WORDS:
                rest = rest[_CONDITION_WORDS[rest[0].value.lower()]:]
            elif len(rest) > 2 and rest[1].value.lower() in _COMPARISONS:
                rest = rest[3:]
            else:
                rest = rest[1:]  # `"%A%"=="1"`, one word
            words = rest
        elif first == "for":
            at = next((i for i, w in enumerate(words) if w.value.lower() == "do"), None)
            words = words[at + 1:] if at is not None else []
        elif first == "start":
            rest = words[1:]
            if rest and rest[0].quoted and rest[0].value_start is not None:
                rest = rest[1:]  # the window's title
            while rest and rest[0].value.startswith("/"):
                rest = rest[1:]
            words = rest
        else:
            return words
    return words


def _parts(line: str) -> list[tuple[int, int]]:
    """The spans of the commands of one line, split at separators outside double quotes."""
    parts, begin, quoted = [], 0, False
    position = 0
    while position < len(line):
        char = line[position]
        if char == '"':
            quoted = not quoted
        elif char == "^":
            position += 1  # the next character is taken as it is
        elif not quoted:
            separator = _SEPARATOR.match(line, position)
            if separator:
                parts.append((begin, position))
                begin = position = separator.end()
                continue
        position += 1
    parts.append((begin, len(line)))
    return parts


def _value_start(raw: str, start: int):
    """Where the word's value stands in the text verbatim: a plain word, or one quoted whole."""
    if "^" in raw:
        return None
    if '"' not in raw:
        return start
    return start + 1 if len(raw) > 1 and raw[0] == raw[-1] == '"' and raw.count('"') == 2 else None


def _value(raw: str) -> str:
    """A word as the program gets it: quotes removed, `^` escapes resolved."""
    return re.sub(r"\^(.)", r"\1", raw).replace('"', "")


KIND = FileKind(
    name="batch", label="Windows batch",
    recognise=lambda path, name, suffix: suffix in (".bat", ".cmd"),
    read=lambda text: whole(text, commands=commands(text)),
    **RUNS_PYTHON, comment=None, bytewise=True, fence="bat",
)
