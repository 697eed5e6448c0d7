"""C and C++ as tokens with spans.

A lexer, not a parser: rules look for spellings (`InferenceEngine::Core`, `#include <ie_core.hpp>`,
`ov::affinity(...)`) and must never see them inside comments or string literals, so the lexer
knows `//` and `/* */` comments, string and character literals with their prefixes, raw strings
(`R"x(...)x"`), digit separators (`1'000`) and preprocessor lines. It needs no include paths and no
build configuration, and does not fail on code it cannot compile. A full parser (tree-sitter) would
add a compiled dependency for no finding this needs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ovlint.base.lazy import pattern
from ovlint.surfaces import FileKind, whole

_IDENT = pattern(r"[^\W\d]\w*")  # C and C++ take letters of any script
_NUMBER = pattern(r"\.?\d(?:[\w.]|'(?=\w)|[eEpP][+-])*")
_STRING_PREFIX = pattern(r"(?:u8|u|U|L)?R?(?=[\"'])")
_INCLUDE = pattern(r"#\s*include\s*([<\"])([^>\"\n]*)[>\"]")


@dataclass(frozen=True)
class Token:
    kind: str  # ident, number, string, char, punct, comment, directive
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Include:
    path: str
    start: int  # span of the path, without its <> or ""
    end: int
    line_start: int  # span of the whole directive
    line_end: int


class Native:
    """The tokens of one translation unit, with what rules ask of them."""

    def __init__(self, text: str):
        self.text = text
        self.tokens: list[Token] = []
        self.includes: list[Include] = []
        _Lexer(text, self).run()
        self.code = [t for t in self.tokens if t.kind not in ("comment", "directive")]

    def qualified(self, index: int) -> Optional[tuple[list[str], int]]:
        """The `a::b::c` name starting at code token `index` (its parts, the index past it)."""
        tokens = self.code
        if tokens[index].kind != "ident":
            return None
        parts = [tokens[index].text]
        i = index + 1
        while i + 1 < len(tokens) and tokens[i].text == "::" and tokens[i + 1].kind == "ident":
            parts.append(tokens[i + 1].text)
            i += 2
        return parts, i

    def starts_name(self, index: int) -> bool:
        """Whether code token `index` begins a name (it does not follow `::`, `.` or `->`)."""
        return index == 0 or self.code[index - 1].text not in ("::", ".", "->")


class _Lexer:
    def __init__(self, text: str, out: Native):
        self.text, self.out, self.i = text, out, 0
        self.line_start = True

    def add(self, kind: str, start: int) -> None:
        self.out.tokens.append(Token(kind, self.text[start:self.i], start, self.i))

    def run(self) -> None:
        text = self.text
        n = len(text)
        while self.i < n:
            ch = text[self.i]
            start = self.i
            if ch == "\n":
                self.i += 1
                self.line_start = True
                continue
            if ch in " \t\r\f\v" or (ch == "\\" and text.startswith("\n", self.i + 1)):
                self.i += 2 if ch == "\\" else 1
                continue
            if ch == "#" and self.line_start:
                self.directive()
                continue
            self.line_start = False
            if text.startswith("//", self.i):
                end = text.find("\n", self.i)
                self.i = n if end < 0 else end
                self.add("comment", start)
            elif text.startswith("/*", self.i):
                end = text.find("*/", self.i + 2)
                self.i = n if end < 0 else end + 2
                self.add("comment", start)
            elif _STRING_PREFIX.match(text, self.i) and _STRING_PREFIX.match(text, self.i).end() < n:
                self.literal()
            elif ch.isdecimal() or (ch == "." and self.i + 1 < n and text[self.i + 1].isdecimal()):
                self.i = _NUMBER.match(text, self.i).end()
                self.add("number", start)
            elif ch.isalpha() or ch == "_":
                self.i = _IDENT.match(text, self.i).end()
                self.add("ident", start)
            elif text.startswith("::", self.i) or text.startswith("->", self.i):
                self.i += 2
                self.add("punct", start)
            else:
                self.i += 1
                self.add("punct", start)

    def literal(self) -> None:
        """A string or character literal with an optional encoding prefix; raw strings too."""
        text, start = self.text, self.i
        prefix = _STRING_PREFIX.match(text, self.i).group()
        self.i += len(prefix)
        quote = text[self.i]
        if "R" in prefix and quote == '"':
            open_paren = text.find("(", self.i)
            delimiter = text[self.i + 1:open_paren] if open_paren >= 0 else ""
            close = text.find(")" + delimiter + '"', open_paren + 1) if open_paren >= 0 else -1
            self.i = len(text) if close < 0 else close + len(delimiter) + 2
            self.add("string", start)
            return
        self.i += 1
        while self.i < len(text) and text[self.i] != quote and text[self.i] != "\n":
            self.i += 2 if text[self.i] == "\\" else 1
        self.i = min(self.i + 1, len(text))
        self.add("string" if quote == '"' else "char", start)

    def directive(self) -> None:
        """A preprocessor line (with continuations); `#include` paths are kept, and the rest of
        the line is lexed as code so that `#define X InferenceEngine::Core` is still seen."""
        text, start = self.text, self.i
        end = self.i
        while True:
            newline = text.find("\n", end)
            if newline < 0:
                end = len(text)
                break
            if newline > 0 and text[newline - 1] == "\\":
                end = newline + 1
                continue
            end = newline
            break
        match = _INCLUDE.match(text, start, end)
        if match:
            self.out.includes.append(Include(match.group(2), match.start(2), match.end(2), start, end))
            self.i = end
            self.add("directive", start)
            return
        word = re.match(r"#\s*\w*", text[start:end]).group()
        self.i = start + len(word)
        self.add("directive", start)
        self.line_start = False


_SUFFIXES = {".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".inl", ".tpp"}
NATIVE = "native"

KIND = FileKind(
    name="cpp", label="C/C++", recognise=lambda path, name, suffix: suffix in _SUFFIXES,
    read=lambda text: whole(text, tree=Native(text)), facts=(NATIVE,), comment="//", rank=60, fence="cpp", bytewise=True,
    multiline=lambda text: [(t.start, t.end) for t in Native(text).tokens if t.kind in ("string", "char")],
)
