"""Decoding a file into text and encoding it back byte for byte.

Offsets everywhere in ovlint are character offsets into the decoded text. Decoding never
translates line endings, so re-encoding text that no fix touched gives back the same bytes.
"""
from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass

from ovlint.base.lazy import pattern

_COOKIE = pattern(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
# what must not reach a terminal or a log as it is: C0 and C1 controls but tab, DEL, the
# bidirectional controls that reorder what is shown ("Trojan source"), and the surrogates a file
# name's undecodable bytes become
UNPRINTABLE = pattern("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_NEWLINE = pattern(r"\r\n|\r|\n")


class DecodeError(Exception):
    """The bytes are not text in the encoding the file declares (or UTF-8)."""


# byte-order marks, UTF-32 before UTF-16 (whose little-endian mark begins UTF-32's)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


# a byte above ASCII, then a backslash before a quote or a line break: in GBK or Shift JIS the
# backslash may be the character's second byte, where read byte for byte it escapes what follows
_ESCAPING_TRAIL = pattern(rb"[\x80-\xff]\\[\"'\r\n]")


@dataclass(frozen=True)
class SourceText:
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""  # the byte-order mark the file starts with, written back as it was

    def encode(self, text: str | None = None) -> bytes:
        return self.bom + (self.text if text is None else text).encode(self.encoding)


def python_encoding(data: bytes) -> str:
    """The PEP 263 encoding of Python source: a coding cookie on line 1 or 2, else UTF-8."""
    for line in data.split(b"\n", 2)[:2]:
        match = _COOKIE.match(line)
        if match:
            name = match.group(1).decode("ascii", "replace")
            try:
                codec = codecs.lookup(name)
            except LookupError:
                raise DecodeError(f"unknown encoding {name!r} in the coding cookie") from None
            if not getattr(codec, "_is_text_encoding", True):  # rot13, base64, zlib: bytes to bytes
                raise DecodeError(f"{name!r} in the coding cookie is not a text encoding")
            # the mark itself was read already: its absence must not make one appear on writing
            return "utf-8" if codec.name in ("utf-8", "utf-8-sig") else codec.name
        if line.strip() and not line.lstrip().startswith(b"#"):
            break
    return "utf-8"


def decode(data: bytes, *, python: bool = False, bytewise: bool = False) -> SourceText:
    """Decode file bytes; raises DecodeError for binary data, invalid text, and text that would
    not encode back to the same bytes (so an untouched file is always written back unchanged).
    A UTF-16 or UTF-32 byte-order mark is honoured, except in Python, which reads no such file.
    `bytewise`: text that is not UTF-8 is read as Latin-1, a character per byte, which encodes
    back to the same bytes whatever the file's real encoding (its columns then count bytes)."""
    bom, encoding = next(((mark, name) for mark, name in _BOMS if data.startswith(mark)), (b"", "utf-8"))
    if python and bom and encoding != "utf-8":
        raise DecodeError(f"{encoding[:6].upper()} text; Python source must be UTF-8 or in an ASCII-based encoding")
    body = data[len(bom):]
    if encoding == "utf-8" and b"\x00" in body:
        raise DecodeError("binary file (contains NUL bytes)")
    if python and not bom:
        encoding = python_encoding(body)
    try:
        text = body.decode(encoding)
        if encoding != "utf-8" and text.encode(encoding) != body:
            raise DecodeError(f"{encoding} text that does not encode back to the same bytes")
    except UnicodeDecodeError as exc:
        if bytewise and encoding == "utf-8" and not bom:
            ambiguous = _ESCAPING_TRAIL.search(body)
            if ambiguous is None:
                return SourceText(body.decode("latin-1"), "latin-1")
            raise DecodeError(f"not valid utf-8 text (byte {exc.start}), and not readable byte for byte: the "
                              f"backslash at byte {ambiguous.start() + 1} may end a character (GBK, Shift JIS) "
                              "or escape the quote or line break after it; save the file as UTF-8") from None
        raise DecodeError(f"not valid {encoding} text (byte {exc.start + len(bom)})") from None
    except UnicodeError:  # codecs such as punycode raise the base class
        raise DecodeError(f"not valid {encoding} text") from None
    return SourceText(text, encoding, bom)


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
