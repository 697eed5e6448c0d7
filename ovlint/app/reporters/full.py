"""Each finding with its source line, a caret under the flagged span, and the fix."""
from __future__ import annotations

from ovlint.app import terminal
from ovlint.app.reporters.concise import location
from ovlint.app.reporters.safe_text import terminal as shown


def render(diagnostics, stream, *, fixability) -> None:
    if not diagnostics:
        return
    from rich.text import Text

    # one Text for the whole report: printing it once is far cheaper than a print per line
    report = Text()
    for diag in diagnostics:
        _append(report, diag, fixability, Text)
    if terminal.styled(stream):
        terminal.console(stream).print(report, end="")
    else:
        stream.write(report.plain)


def _append(report, diag, fixability, Text) -> None:
    report.append(location(diag), style="bold")
    report.append(": ")
    report.append(diag.code, style="bold red")
    report.append(f" {fixability.marker(diag)}{shown(diag.message)}\n")
    if diag.source_line:
        gutter = f"{diag.row:>5} | "
        line = diag.source_line.expandtabs(1)
        start = diag.column - 1
        end = diag.end_column - 1 if diag.end_row == diag.row else len(line)
        report.append(gutter, style="blue")
        report.append(shown(line) + "\n")
        # the caret under the flagged text as shown, escapes included
        before, flagged = len(shown(line[:start])), len(shown(line[start:end]))
        report.append(" " * (len(gutter) - 2) + "| ", style="blue")
        report.append(" " * before + "^" * max(1, flagged) + "\n", style="bold red")
    if diag.fix is not None:
        kind = "fix" if diag.fix.applicability.value == "safe" else "unsafe fix (--unsafe-fixes)"
        report.append(f"  = {kind}: {shown(diag.fix.message)}\n", style="green" if kind == "fix" else "yellow")
    note = diag.pin_note()
    if note:
        report.append(f"  = pin: {shown(note)}\n", style="cyan")
    report.append("\n")
