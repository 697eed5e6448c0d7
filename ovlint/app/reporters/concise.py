"""One line per finding: `path:row:col: CODE [*] message` (`cell N:` inside notebooks)."""
from __future__ import annotations


def location(diag) -> str:
    cell = f"cell {diag.cell + 1}:" if diag.cell is not None else ""
    return f"{diag.path}:{cell}{diag.row}:{diag.column}"


def marker(diag, show_fix_hints: bool) -> str:
    if not show_fix_hints or diag.fix is None:
        return ""
    return "[*] " if diag.fix.applicability.value == "safe" else "[-] "


def pin_step(diag) -> str:
    """The upgrade step a finding breaks at, from the project's pin, in a few words."""
    if diag.floor is None or diag.removed_in is None:
        return ""
    return f" [breaks at {diag.removed_in}, pinned {diag.floor.release}]"


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    for diag in diagnostics:
        stream.write(f"{location(diag)}: {diag.code} {marker(diag, show_fix_hints)}{diag.message}{pin_step(diag)}\n")
