"""`--add-noqa`: a `noqa` comment on every line that has findings, so a large legacy tree can
adopt ovlint now and clear its findings over time."""
from __future__ import annotations

import bisect
import itertools
import re

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import pattern

_CONDA = pattern(r"\s*%*(?:conda|mamba|micromamba)\b")
_EXISTING = pattern(r"(?P<mark>(?:#|//)\s*noqa)(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?", re.I)


def edits(kind, text: str, diagnostics) -> tuple[list[Edit], int, int]:
    """The edits that comment every flagged line of a file of `kind` (a FileKind): append
    `# noqa: CODES` in the kind's comment syntax, or extend the codes already there; the number of
    comments, and the number of findings left without one (the engine's own, OV0xx, take none). A
    line that ends inside a value (a multi-line string, bracket argument or quoted word, what the
    kind says cannot take a comment) or is continued is left alone: a comment there would change
    the value, or end the line. A notebook's code cells take Python comments, as does a line of
    shell in them (`!mo ...`, a `%%bash` cell): their sources are edited."""
    wanted = [d for d in diagnostics if not d.code.startswith("OV0")]
    engine = len(diagnostics) - len(wanted)
    if kind.name == "notebook":
        made, added, left = _notebook(text, wanted)
        return made, added, left + engine
    if kind.comment is None:  # JSON, INI
        return [], 0, len(wanted) + engine
    made, left = _commented(kind, text, *_by_row(wanted))
    return made, len(made), left + engine


def _by_row(diagnostics) -> tuple[dict, dict]:
    """The codes found on each row, and the number of findings on each (those a row left alone
    leaves without a comment)."""
    codes: dict[int, set[str]] = {}
    counts: dict[int, int] = {}
    for diag in diagnostics:
        codes.setdefault(diag.row, set()).add(diag.code)
        counts[diag.row] = counts.get(diag.row, 0) + 1
    return codes, counts


def _notebook(text: str, wanted: list) -> tuple[list[Edit], int, int]:
    """The edits of a notebook's code cells' sources, the comments they add, and the findings
    left without one (in Markdown cells, or on lines a comment cannot end)."""
    from ovlint.engine.fixer import apply_edits
    from ovlint.surfaces import notebook, python

    try:
        nb = notebook.parse(text)
    except notebook.NotebookError:
        return [], 0, len(wanted)
    cells = {c.index: c for c in nb.cells}
    by_cell: dict[int, list] = {}
    left = 0
    for diag in wanted:
        if diag.cell in cells:
            by_cell.setdefault(diag.cell, []).append(diag)
        else:
            left += 1
    sources, added = {}, 0
    for index, found in by_cell.items():
        cell = cells[index]
        lines = cell.text.splitlines()
        # `%conda install x  # noqa` hands conda the comment as arguments
        kept = [d for d in found if not (d.row <= len(lines) and _CONDA.match(lines[d.row - 1]))]
        left += len(found) - len(kept)
        made, skipped = _commented(python.KIND, cell.text, *_by_row(kept), cell.python or cell.module)
        left += skipped
        if made:
            sources[index] = apply_edits(cell.text, made)
            added += len(made)
    if not sources:
        return [], 0, left
    return [Edit(0, len(text), notebook.replace_sources(text, nb, sources))], added, left


def _commented(kind, text: str, by_row: dict, counts: dict, python: str | None = None) -> tuple[list[Edit], int]:
    """The edits commenting the rows of `by_row` (row -> codes) of `text`, and the findings
    (`counts`: per row) on rows left alone. `python`: the text read as Python (a notebook cell's,
    its IPython syntax masked), for where its strings lie."""
    marker = kind.comment
    left = 0
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    inside = _Values(kind, text if python is None else python)
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
