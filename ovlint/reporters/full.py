"""Each finding with its source line, a caret under the flagged span, and the fix."""
from __future__ import annotations

from ovlint.reporters.concise import location, marker


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    if not diagnostics:
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for diag in diagnostics:
        head = Text()
        head.append(location(diag), style="bold")
        head.append(": ")
        head.append(diag.code, style="bold red")
        head.append(f" {marker(diag, show_fix_hints)}{diag.message}")
        console.print(head)
        if diag.source_line:
            gutter = f"{diag.row:>5} | "
            console.print(Text(gutter, style="blue") + Text(diag.source_line.expandtabs(1)))
            width = (diag.end_column - diag.column) if diag.end_row == diag.row else len(diag.source_line) - diag.column + 1
            caret = " " * (diag.column - 1) + "^" * max(1, width)
            console.print(Text(" " * (len(gutter) - 2) + "| ", style="blue") + Text(caret, style="bold red"))
        if diag.fix is not None:
            kind = "fix" if diag.fix.applicability.value == "safe" else "unsafe fix (--unsafe-fixes)"
            console.print(Text(f"  = {kind}: {diag.fix.message}", style="green" if kind == "fix" else "yellow"))
        console.print()
