"""A JSON list of findings, one object each, with 1-based locations and fixes."""
from __future__ import annotations

import json


def as_dict(diag) -> dict:
    fix = None
    if diag.fix is not None:
        fix = {
            "applicability": diag.fix.applicability.value,
            "message": diag.fix.message,
            "edits": diag.edit_locations,
        }
    return {
        "code": diag.code,
        "message": diag.message,
        "filename": diag.path,
        "location": {"row": diag.row, "column": diag.column},
        "end_location": {"row": diag.end_row, "column": diag.end_column},
        "cell": None if diag.cell is None else diag.cell + 1,
        "fix": fix,
        "url": diag.url,
    }


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    json.dump([as_dict(d) for d in diagnostics], stream, indent=2)
    stream.write("\n")
