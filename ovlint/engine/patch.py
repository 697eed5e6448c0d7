"""`--diff` output: a unified diff that `patch` and `git apply` apply to the file as it is on disk,
byte for byte."""
from __future__ import annotations

import difflib

from ovlint.base.lazy import pattern
from ovlint.base.text import UNPRINTABLE, SourceText

_LINE = pattern(r"[^\n]*\n|[^\n]+\Z")  # patch ends a line at LF only: a form feed or CR is inside it
_NO_NEWLINE = b"\n\\ No newline at end of file\n"
_GIT_ESCAPES = {"\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r", '"': '"', "\\": "\\"}


def unified_diff(source: SourceText, after: str, name: str) -> bytes:
    """The diff from `source` to the text `after`, in the file's encoding."""
    mark = "\ufeff" if source.bom else ""  # the byte-order mark is part of the first line on disk
    before_lines, after_lines = _LINE.findall(mark + source.text), _LINE.findall(mark + after)
    label = quote_name(name)
    if " " in label:
        label += "\t"  # where GNU patch ends a name, as git writes it
    out = []
    for number, line in enumerate(difflib.unified_diff(before_lines, after_lines, label, label)):
        if number < 2 or line.startswith("@@"):
            out.append(line.encode("utf-8", "surrogateescape"))
            continue
        data = line[0].encode("ascii") + line[1:].encode(source.encoding)
        out.append(data if line.endswith("\n") else data + _NO_NEWLINE)
    return b"".join(out)


def quote_name(name: str) -> str:
    """`name` as git writes it in a diff header: in double quotes with C escapes when it holds a
    quote, a backslash, a control character or a byte that is not UTF-8."""
    if not UNPRINTABLE.search(name) and '"' not in name and "\\" not in name and "\t" not in name:
        return name
    data = name.encode("utf-8", "surrogateescape")
    out = []
    for char in data.decode("latin-1"):
        if char in _GIT_ESCAPES:
            out.append("\\" + _GIT_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) >= 0x7F:
            out.append(f"\\{ord(char):03o}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
