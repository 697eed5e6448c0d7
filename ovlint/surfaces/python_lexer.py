"""A Python lexer: how deeply nested and how large code is, measured before LibCST parses it,
and where its strings lie.

LibCST's native parser recurses once per level of the tree it builds, and a chain of operators
(`not not ... 1`, `a.a.a...`, `-(-(...))`, `lambda: lambda: ...`) is as deep as it is long, so a
file can overflow any stack. The lexer bounds the depth from above: every token of an expression
counts one level, a bracket, an f-string or one of its fields opens a level that its contents
count from (a closing bracket counts one more), and only a comma or semicolon, which separates siblings, or the end of a statement
resets the count. Strings (f-strings with their fields, as Python 3.12 reads them) and comments
are read as such, so that a `#` or a comma inside them is not taken for code."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern

MAX_BRACKETS = 200  # brackets nested inside each other: CPython's own limit
# levels as counted here: LibCST's scope analysis stops at Python's recursion limit at about 320
# levels of a chain, which is 1,300 as counted here for the costliest; nothing is lost above it,
# and LibCST takes time growing with the square of a postfix chain (`a[0][0]...`)
MAX_DEPTH = 1500
MAX_TOKENS = 250_000  # LibCST takes about 2 KB of memory and 50 microseconds per token (a round of fixes)

_STRING_START = r"(?P<prefix>(?i:rb|br|fr|rf|tr|rt|[rbuft])?)(?P<quote>'''|\"\"\"|'|\")"
_SPACE = r"(?:[ \t\f]|\\\r?\n|\\\r)"
# a token that can only count one level: a word that is not a string's prefix, or a character
# that opens, closes or separates nothing (`:` can start an f-string field's format spec)
_PLAIN = r"""(?:\w+\b(?!['"])|[^\w\s'"\#()\[\]{},;:\\])"""
# a token and the space after it are read in one match where the space cannot matter (not after
# a closing brace, which can end an f-string's field); a line break with the next line's indentation
_CODE = pattern(r"""
    (?P<run>""" + _PLAIN + "(?:" + _SPACE + "*" + _PLAIN + ")*)" + _SPACE + r"""*
  | (?P<space>""" + _SPACE + r"""+)
  | (?P<newline>\r\n|\r|\n)[ \t\f]*
  | (?P<comment>\#[^\r\n]*)
  | """ + _STRING_START + r"""
  | (?P<word>\w+)
  | (?P<open>[(\[{])""" + _SPACE + r"""*
  | (?P<close>[)\]}])
  | (?P<separator>[,;])""" + _SPACE + r"""*
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
# the end of a string that is not an f-string, by its quote; a backslash escapes what follows,
# and a triple-quoted string holds its quote character alone or in pairs
_END = {q: pattern(r"[^\\%s]*(?:(?:\\.|%s(?!%s))[^\\%s]*)*%s" % (q[0], q[0], q[:2], q[0], q) if len(q) == 3
                   else r"[^\\%s\r\n]*(?:\\(?:\r\n|.)[^\\%s\r\n]*)*%s" % (q, q, q), re.DOTALL)
        for q in ("'''", '"""', "'", '"')}
# the literal text of an f-string up to its next brace, quote, backslash or line end
_LITERAL = pattern(r"(?:[^{}\\'\"\r\n]|\{\{|\}\})*")
_PLAIN_TOKEN = pattern(_PLAIN)
_NAMED_ESCAPE = pattern(r"\\N\{[^}\r\n]*\}")


class TooDeep(ValueError):
    """Code nested deeper than Python or LibCST's native parser can take."""


class TooLarge(ValueError):
    """Code with more tokens than LibCST can parse in bounded time and memory."""


def check(text: str) -> None:
    """Raise TooDeep or TooLarge when `text` must not be given to LibCST."""
    _Lexer(text).run()


def string_spans(text: str) -> list[tuple[int, int]]:
    """The span of every string literal (f-strings whole, fields included), in order."""
    lexer = _Lexer(text, limited=False)
    lexer.run()
    return sorted(lexer.strings)


class _Lexer:
    def __init__(self, text: str, limited: bool = True):
        self.text = text
        self.limited = limited  # raise at the limits
        self.strings: list[tuple[int, int]] = []
        self.depth = 0  # the level the next token is at
        self.base = 0  # the level the current statement starts at: its indentation
        self.tokens = 0
        # open brackets, f-strings and fields: (kind, the depth to return to, an f-string's quote
        # and "r" when it is raw)
        self.stack: list[tuple[str, int, str]] = []
        self.opened: list[int] = []  # where each open f-string's quote is

    def run(self) -> None:
        text, size, stack = self.text, len(self.text), self.stack
        match, plain_tokens = _CODE.match, _PLAIN_TOKEN.findall
        pos = 0
        while pos < size:
            if stack and stack[-1][0] in ("fstring", "spec"):
                pos = self.literal(pos)
                continue
            # the commonest tokens here, the rest in `code`: this loop runs once per token
            found = match(text, pos)
            kind = found.lastgroup
            if kind == "run":  # plain tokens in a row: each one level deeper than the one before
                count = len(plain_tokens(text, pos, found.end("run")))
                self.depth += count
                self.tokens += count
                if self.limited and (self.depth > MAX_DEPTH or self.tokens > MAX_TOKENS):
                    self.token(0)
            elif kind == "newline":
                if not stack:  # a statement ends; the next one is as deep as its block is
                    self.base = self.depth = found.end() - found.end("newline")
            elif kind == "separator":  # siblings: each starts where the first did
                start = stack[-1][1] if stack else self.base
                self.depth = start if not stack and found.group("separator") == ";" else start + 1
            elif kind not in ("space", "comment"):
                pos = self.code(found)
                continue
            pos = found.end()

    def token(self, count: int = 1) -> None:
        self.depth += count
        self.tokens += count
        if not self.limited:
            return
        if self.depth > MAX_DEPTH:
            raise TooDeep(f"an expression too deeply nested to parse safely (a chain of more than {MAX_DEPTH} "
                          "operators and operands); the file was not parsed")
        if self.tokens > MAX_TOKENS:
            raise TooLarge(f"more than {MAX_TOKENS:,} tokens, the most ovlint parses; the file was not parsed")

    def push(self, kind: str, quote: str = "") -> None:
        brackets = sum(1 for frame in self.stack if frame[0] in ("bracket", "field"))
        if kind in ("bracket", "field") and brackets >= MAX_BRACKETS and self.limited:
            raise TooDeep(f"brackets nested more than {MAX_BRACKETS} deep; Python itself rejects this, "
                          "so the file was not parsed")
        self.stack.append((kind, self.depth, quote))

    def code(self, match) -> int:
        """Where the code token `match` found (a string, bracket, separator or other) ends."""
        kind, end = match.lastgroup, match.end()
        in_field = bool(self.stack) and self.stack[-1][0] == "field"
        if kind == "quote":
            self.token()
            quote, prefix = match.group("quote"), match.group("prefix").lower()
            if "f" in prefix or "t" in prefix:
                self.push("fstring", quote + ("r" if "r" in prefix else ""))
                self.opened.append(end - len(quote))
                return end
            closing = _END[quote].match(self.text, end)
            close = closing.end() if closing else len(self.text)  # unterminated: LibCST rejects it
            self.strings.append((end - len(quote), close))
            return close
        if kind == "open":
            self.token()
            self.push("bracket")
            return end
        if kind == "close":
            if in_field and match.group() == "}":
                self.depth = self.stack.pop()[1]  # back in the f-string's literal text
                return end
            if self.stack and self.stack[-1][0] == "bracket":
                self.depth = self.stack.pop()[1]
                self.token()  # a group after a group nests (`a()()`, `a[0][0]`): both brackets count
            return end
        if in_field and match.group() == ":":
            _, depth, quote = self.stack.pop()
            self.stack.append(("spec", depth, quote))  # a format spec: literal text and fields
            return end
        self.token()
        return end

    def close_fstring(self, end: int) -> None:
        self.depth = self.stack.pop()[1]
        self.strings.append((self.opened.pop(), end))

    def literal(self, pos: int) -> int:
        """The literal text of an f-string or of a format spec, up to what ends it or opens a field."""
        text = self.text
        kind, depth, _ = self.stack[-1]
        quote = next(q for k, _, q in reversed(self.stack) if k == "fstring")
        raw = quote.endswith("r")
        quote = quote.rstrip("r")
        pos = _LITERAL.match(text, pos).end()
        if pos >= len(text):
            return pos
        char = text[pos]
        if char == "\\":
            named = None if raw else _NAMED_ESCAPE.match(text, pos)
            if named:
                return named.end()
            # a backslash keeps a quote from ending the string, but a brace after it opens a field
            return pos + 1 if text[pos + 1:pos + 2] in ("{", "}") else pos + 2
        if char == "{":
            self.push("field")
            self.token()
            return pos + 1
        if char == "}":
            if kind == "spec":  # the end of the field the spec belongs to
                self.stack.pop()
                self.depth = depth
            return pos + 1
        if text.startswith(quote, pos):
            if kind == "spec":  # a quote cannot end a spec: LibCST rejects it; close both
                self.stack.pop()
            self.close_fstring(pos + len(quote))
            return pos + len(quote)
        if char in "\r\n" and len(quote) == 1:
            self.close_fstring(pos)  # unterminated: LibCST rejects it
            return pos
        return pos + 1
