"""A JSON list of findings, one object each (`Diagnostic.to_dict`), with 1-based locations and fixes."""
from __future__ import annotations

import json


def render(diagnostics, stream, *, fixability) -> None:
    json.dump([d.to_dict() for d in diagnostics], stream, indent=2)
    stream.write("\n")
