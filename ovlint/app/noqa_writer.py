"""`--add-noqa`: a `noqa` comment on every line that has findings, so a large legacy tree can
adopt ovlint now and clear its findings over time."""
from __future__ import annotations

import bisect
import itertools
import re

from ovlint.base.diagnostics import Edit

_EXISTING = re.compile(r"(?P<mark>(?:#|//)\s*noqa)(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?", re.I)


def edits(kind, text: str, diagnostics) -> tuple[list[Edit], int]:
    """One edit per flagged line of a file of `kind` (a FileKind): append `# noqa: CODES` in the
    kind's comment syntax, or extend the codes already there; and the number of findings left
    without one. A line that ends inside a value (a multi-line string, bracket argument or quoted
    word, what the kind says cannot take a comment) or is continued is left alone: a comment there
    would change the value, or end the line."""
    marker = kind.comment
    wanted = [d for d in diagnostics if not d.code.startswith("OV0")]
    if marker is None:  # JSON, notebooks, INI
        return [], len(wanted)
    by_row: dict[int, set[str]] = {}
    counts: dict[int, int] = {}  # findings per row: those a skipped row leaves without a comment
    left = 0
    for diag in wanted:
        if diag.cell is None:
            by_row.setdefault(diag.row, set()).add(diag.code)
            counts[diag.row] = counts.get(diag.row, 0) + 1
        else:
            left += 1
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    inside = _Values(kind, text)
    result = []
    for row, codes in sorted(by_row.items()):
        if row > len(starts):
            continue
        start = starts[row - 1]
        end = starts[row] if row < len(starts) else len(text)
        line = text[start:end].rstrip("\r\n")
        if line.rstrip().endswith("\\") or inside.holds(start + len(line)):
            left += counts[row]
            continue
        existing = _EXISTING.search(line)
        if existing and existing.group("codes") is None:
            continue  # a bare `noqa` covers every code already
        if existing:
            have = {c.upper() for c in re.split(r"[\s,]+", existing.group("codes"))}
            new = ", ".join(sorted(have | codes))
            result.append(Edit(start + existing.start(), start + existing.end(), f"{existing.group('mark')}: {new}"))
        else:
            result.append(Edit(start + len(line), start + len(line), f"  {marker} noqa: {', '.join(sorted(codes))}"))
    return result, left


class _Values:
    """The spans of a text's values that can hold a line break: what the kind says (strings,
    bracket arguments), and the words of its commands and its requirements."""

    def __init__(self, kind, text: str):
        spans = list(kind.multiline(text)) if kind.multiline else []
        for unit in kind.read(text).units:
            spans += [(word.start, word.end) for command in unit.commands for word in command.words]
            spans += [(req.start, req.end) for req in unit.requirements]
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max))  # furthest end so far

    def holds(self, offset: int) -> bool:
        """Whether `offset` lies strictly inside one of the spans."""
        before = bisect.bisect_left(self.starts, offset)
        return before > 0 and self.reach[before - 1] > offset
