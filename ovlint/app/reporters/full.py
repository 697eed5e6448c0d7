"""Each finding with its source line, a caret under the flagged span, and the fix."""
from __future__ import annotations

from ovlint.app.reporters.concise import location, marker
from ovlint.app.reporters.safe_text import terminal


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    if not diagnostics:
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    colour = console.is_terminal  # FORCE_COLOR counts as a terminal for rich
    # one Text for the whole report: printing it once is far cheaper than a print per line
    report = Text()
    for diag in diagnostics:
        _append(report, diag, show_fix_hints, Text)
    if colour:
        console.print(report, end="")
    else:
        stream.write(report.plain)


def _append(report, diag, show_fix_hints: bool, Text) -> None:
    report.append(location(diag), style="bold")
    report.append(": ")
    report.append(diag.code, style="bold red")
    report.append(f" {marker(diag, show_fix_hints)}{terminal(diag.message)}\n")
    if diag.source_line:
        gutter = f"{diag.row:>5} | "
        line = diag.source_line.expandtabs(1)
        start = diag.column - 1
        end = diag.end_column - 1 if diag.end_row == diag.row else len(line)
        report.append(gutter, style="blue")
        report.append(terminal(line) + "\n")
        # the caret under the flagged text as shown, escapes included
        before, flagged = len(terminal(line[:start])), len(terminal(line[start:end]))
        report.append(" " * (len(gutter) - 2) + "| ", style="blue")
        report.append(" " * before + "^" * max(1, flagged) + "\n", style="bold red")
    if diag.fix is not None:
        kind = "fix" if diag.fix.applicability.value == "safe" else "unsafe fix (--unsafe-fixes)"
        report.append(f"  = {kind}: {terminal(diag.fix.message)}\n", style="green" if kind == "fix" else "yellow")
    report.append("\n")
