"""Decoding a file into text and encoding it back byte for byte.

Offsets everywhere in ovlint are character offsets into the decoded text. Decoding never
translates line endings, so re-encoding text that no fix touched gives back the same bytes.
"""
from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass

_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_NEWLINE = re.compile(r"\r\n|\r|\n")


class DecodeError(Exception):
    """The bytes are not text in the encoding the file declares (or UTF-8)."""


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str = "utf-8"
    bom: bool = False

    def encode(self, text: str | None = None) -> bytes:
        body = (self.text if text is None else text).encode(self.encoding)
        return (codecs.BOM_UTF8 + body) if self.bom else body


def python_encoding(data: bytes) -> str:
    """The PEP 263 encoding of Python source: a coding cookie on line 1 or 2, else UTF-8."""
    for line in data.split(b"\n", 2)[:2]:
        match = _COOKIE.match(line)
        if match:
            name = match.group(1).decode("ascii", "replace")
            try:
                return codecs.lookup(name).name
            except LookupError:
                raise DecodeError(f"unknown encoding {name!r} in the coding cookie") from None
        if line.strip() and not line.lstrip().startswith(b"#"):
            break
    return "utf-8"


def decode(data: bytes, *, python: bool = False) -> SourceText:
    """Decode file bytes; raises DecodeError for binary data or invalid text."""
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    encoding = python_encoding(data) if python and not bom else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding} text (byte {exc.start})") from None
    return SourceText(text, "utf-8" if encoding == "utf_8" else encoding, bom)


def newline_of(text: str) -> str:
    """The line ending a text uses (its first one: CRLF, CR or LF); LF when it has none."""
    match = _NEWLINE.search(text)
    return match.group() if match else "\n"


class LineIndex:
    """Maps character offsets to 1-based (row, column) and back; CR, LF and CRLF all end a line."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1

    def offset(self, row: int, column: int) -> int:
        """Offset of a 1-based row and 0-based column (LibCST's convention)."""
        return self.starts[row - 1] + column

    def line(self, row: int) -> str:
        start = self.starts[row - 1]
        end = self.starts[row] if row < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def line_span(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[row + 1] if row + 1 < len(self.starts) else len(self.text)
        return self.starts[row], end
