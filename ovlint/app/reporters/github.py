"""GitHub Actions workflow commands: one `::error` annotation per finding."""
from __future__ import annotations

from ovlint.app.reporters.safe_text import terminal


def _escape(text: str, property_value: bool = False) -> str:
    text = terminal(text).replace("%", "%25")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def render(diagnostics, stream, *, fixability) -> None:
    for diag in diagnostics:
        where = f" (cell {diag.cell + 1})" if diag.cell is not None else ""
        properties = ",".join(f"{key}={_escape(str(value), True)}" for key, value in (
            ("title", f"ovlint ({diag.code})"), ("file", diag.path), ("line", diag.row), ("col", diag.column),
            ("endLine", diag.end_row), ("endColumn", diag.end_column)))
        stream.write(f"::error {properties}::{_escape(f'{diag.code} {diag.message}{where}')}\n")
