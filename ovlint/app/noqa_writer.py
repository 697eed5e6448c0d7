"""`--add-noqa`: a `noqa` comment on every line that has findings, so a large legacy tree can
adopt ovlint now and clear its findings over time."""
from __future__ import annotations

import re

from ovlint.base.diagnostics import Edit

_EXISTING = re.compile(r"(?P<mark>(?:#|//)\s*noqa)(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?", re.I)


def edits(kind, text: str, diagnostics) -> list[Edit]:
    """One edit per flagged line of a file of `kind` (a FileKind): append `# noqa: CODES` in the
    kind's comment syntax, or extend the codes already there."""
    marker = kind.comment
    if marker is None:  # JSON, notebooks
        return []
    by_row: dict[int, set[str]] = {}
    for diag in diagnostics:
        if not diag.code.startswith("OV0") and diag.cell is None:
            by_row.setdefault(diag.row, set()).add(diag.code)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    result = []
    for row, codes in sorted(by_row.items()):
        if row > len(starts):
            continue
        start = starts[row - 1]
        end = starts[row] if row < len(starts) else len(text)
        line = text[start:end].rstrip("\r\n")
        if line.rstrip().endswith("\\"):
            continue  # a comment would end the continued line
        existing = _EXISTING.search(line)
        if existing and existing.group("codes") is None:
            continue  # a bare `noqa` covers every code already
        if existing:
            have = {c.upper() for c in re.split(r"[\s,]+", existing.group("codes"))}
            new = ", ".join(sorted(have | codes))
            result.append(Edit(start + existing.start(), start + existing.end(), f"{existing.group('mark')}: {new}"))
        else:
            result.append(Edit(start + len(line), start + len(line), f"  {marker} noqa: {', '.join(sorted(codes))}"))
    return result
