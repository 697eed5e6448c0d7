"""One line per finding: `path:row:col: CODE [*] message` (`cell N:` inside notebooks); `[*]` marks
a fix `--fix` would apply, `[-]` one that needs `--unsafe-fixes`."""
from __future__ import annotations

from ovlint.app.reporters.safe_text import terminal


def location(diag) -> str:
    cell = f"cell {diag.cell + 1}:" if diag.cell is not None else ""
    return f"{terminal(diag.path)}:{cell}{diag.row}:{diag.column}"


def pin_step(diag) -> str:
    """The upgrade step a finding breaks at, from the project's pin, in a few words."""
    if diag.floor is None or diag.removed_in is None:
        return ""
    return f" [breaks at {diag.removed_in}, pinned {diag.floor.release}]"


def render(diagnostics, stream, *, fixability) -> None:
    for diag in diagnostics:
        stream.write(f"{location(diag)}: {diag.code} {fixability.marker(diag)}{terminal(diag.message)}{pin_step(diag)}\n")
