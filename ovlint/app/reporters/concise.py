"""One line per finding: `path:row:col: CODE [*] message` (`cell N:` inside notebooks)."""
from __future__ import annotations

from ovlint.app.reporters.safe_text import terminal


def location(diag) -> str:
    cell = f"cell {diag.cell + 1}:" if diag.cell is not None else ""
    return f"{terminal(diag.path)}:{cell}{diag.row}:{diag.column}"


def marker(diag, show_fix_hints: bool) -> str:
    if not show_fix_hints or diag.fix is None:
        return ""
    return "[*] " if diag.fix.applicability.value == "safe" else "[-] "


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    for diag in diagnostics:
        stream.write(f"{location(diag)}: {diag.code} {marker(diag, show_fix_hints)}{terminal(diag.message)}\n")
