"""Suppression comments: `# noqa`, `# noqa: OV101,OV2` (and `// noqa: ...` in C/C++) on the
flagged line, and a file-level `# ovlint: noqa` with optional codes."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern

_LINE = pattern(r"(?:#|//)\s*noqa(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?", re.I)
_FILE = pattern(r"^\s*(?:#|//)\s*ovlint:\s*noqa(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?\s*$",
                re.I | re.M)


def _codes(group: str | None) -> frozenset[str] | None:
    if not group:
        return None
    return frozenset(c.upper() for c in re.split(r"[\s,]+", group) if c)


def _covers(codes: frozenset[str] | None, code: str) -> bool:
    return codes is None or any(code.startswith(c) for c in codes)


def file_exemption(text: str) -> frozenset[str] | None | bool:
    """False when the file has no `ovlint: noqa`; None when it exempts every code; else the codes."""
    if "ovlint" not in text:
        return False
    m = _FILE.search(text)
    if not m:
        return False
    return _codes(m.group("codes"))


def is_suppressed(code: str, lines: list[str], file_codes) -> bool:
    """`lines`: the source lines the diagnostic starts and ends on."""
    if file_codes is not False and _covers(file_codes, code):
        return True
    for line in lines:
        if "noqa" not in line.lower():
            continue
        for m in _LINE.finditer(line):
            if _covers(_codes(m.group("codes")), code):
                return True
    return False
