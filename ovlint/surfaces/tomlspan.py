"""Locates string values and keys in TOML text with their spans.

Validity is checked with tomllib first; this scanner only finds where things are. It yields an
`Entry` for every `key = value` with the table it belongs to, and for arrays the string items.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from ovlint.base.lazy import pattern

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_BARE_KEY = pattern(r"[A-Za-z0-9_-]+")
_WS = pattern(r"[ \t]*")


@dataclass
class StringToken:
    value: str
    start: int  # span of the value inside its quotes
    end: int
    outer_start: int  # span including quotes
    outer_end: int


@dataclass
class Entry:
    path: tuple[str, ...]  # table path + key path
    key_start: int
    key_end: int  # span of the last key segment (bare or quoted, without quotes)
    value_start: int
    value_end: int
    strings: list[StringToken] = field(default_factory=list)  # strings directly in the value (array items)
    inline: dict[str, "Entry"] = field(default_factory=dict)  # members of an inline table


class _Scanner:
    def __init__(self, text: str):
        self.text, self.i = text, 0

    def skip(self, newlines: bool = True) -> None:
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                while self.i < len(text) and text[self.i] != "\n":
                    self.i += 1
            else:
                break

    def key(self) -> tuple[list[str], int, int]:
        parts, start, end = [], self.i, self.i
        while True:
            self.i = _WS.match(self.text, self.i).end()
            ch = self.text[self.i:self.i + 1]
            if ch in ('"', "'"):
                tok = self.string()
                parts.append(tok.value)
                start, end = tok.start, tok.end
            else:
                m = _BARE_KEY.match(self.text, self.i)
                if not m:
                    break
                parts.append(m.group())
                start, end = m.start(), m.end()
                self.i = m.end()
            self.i = _WS.match(self.text, self.i).end()
            if self.text.startswith(".", self.i):
                self.i += 1
                continue
            break
        return parts, start, end

    def string(self) -> StringToken:
        text, start = self.text, self.i
        for quote in ('"""', "'''"):
            if text.startswith(quote, start):
                close = text.find(quote, start + 3)
                while close >= 0 and quote == '"""' and _escaped(text, close):
                    close = text.find(quote, close + 1)
                close = len(text) if close < 0 else close
                while text.startswith(quote[0], close + 3):
                    close += 1
                self.i = close + 3
                raw = text[start + 3:close]
                return StringToken(raw, start + 3, close, start, self.i)
        quote = text[start]
        j = start + 1
        while j < len(text) and text[j] != quote and text[j] != "\n":
            j += 2 if (quote == '"' and text[j] == "\\") else 1
        self.i = j + 1
        raw = text[start + 1:j]
        value = raw
        if quote == '"' and "\\" in raw:
            import json
            try:
                value = json.loads('"' + raw + '"')
            except ValueError:
                value = raw
        return StringToken(value, start + 1, j, start, self.i)

    def value(self, entry: Entry) -> None:
        text = self.text
        ch = text[self.i:self.i + 1]
        if ch in ('"', "'"):
            entry.strings.append(self.string())
        elif ch == "[":
            self.i += 1
            depth = 1
            while self.i < len(text) and depth:
                self.skip()
                c = text[self.i:self.i + 1]
                if c in ('"', "'"):
                    tok = self.string()
                    if depth == 1:
                        entry.strings.append(tok)
                elif c == "[":
                    depth += 1
                    self.i += 1
                elif c == "]":
                    depth -= 1
                    self.i += 1
                elif c == "{":
                    self.inline_table(Entry((), 0, 0, self.i, self.i))
                else:
                    self.i += 1
        elif ch == "{":
            self.inline_table(entry)
        else:
            while self.i < len(text) and text[self.i] not in "\n#,}]":
                self.i += 1
        entry.value_end = self.i

    def inline_table(self, entry: Entry) -> None:
        self.i += 1
        while self.i < len(self.text):
            self.skip()
            if self.text.startswith("}", self.i):
                self.i += 1
                return
            if self.text.startswith(",", self.i):
                self.i += 1
                continue
            parts, ks, ke = self.key()
            if not parts or not self.text.startswith("=", self.i):
                self.i += 1
                continue
            self.i += 1
            self.skip(newlines=False)
            member = Entry(entry.path + tuple(parts), ks, ke, self.i, self.i)
            self.value(member)
            entry.inline[".".join(parts)] = member


_TOKEN = pattern(r'''#[^\n]*|"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*\'''', re.DOTALL)


def string_spans(text: str) -> list[tuple[int, int]]:
    """The span of every string of a TOML text, multi-line ones included."""
    return [m.span() for m in _TOKEN.finditer(text) if m.group()[0] != "#"]


def _escaped(text: str, index: int) -> bool:
    count = 0
    while index - 1 - count >= 0 and text[index - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


def document(text: str, requirements):
    """A TOML file as one unit holding `requirements(text)`, or an OV001 when it is not TOML."""
    from ovlint.surfaces import whole

    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return whole(text, error=f"invalid TOML: {exc}")
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        return whole(text, error="TOML nested too deeply to read")
    return whole(text, requirements=requirements(text))


def entries(text: str):
    """Every top-level `key = value` of every table, in order."""
    scanner = _Scanner(text)
    table: tuple[str, ...] = ()
    while True:
        scanner.skip()
        if scanner.i >= len(text):
            return
        if text.startswith("[", scanner.i):
            array_table = text.startswith("[[", scanner.i)
            scanner.i += 2 if array_table else 1
            parts, _, _ = scanner.key()
            table = tuple(parts)
            end = text.find("\n", scanner.i)
            scanner.i = len(text) if end < 0 else end
            continue
        parts, ks, ke = scanner.key()
        if not parts or not text.startswith("=", scanner.i):
            end = text.find("\n", scanner.i)
            scanner.i = len(text) if end < 0 else end + 1
            continue
        scanner.i += 1
        scanner.skip(newlines=False)
        entry = Entry(table + tuple(parts), ks, ke, scanner.i, scanner.i)
        scanner.value(entry)
        yield entry
