"""One JSON object per line (the `json` format's objects), for streaming consumers."""
from __future__ import annotations

import json


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    for diag in diagnostics:
        stream.write(json.dumps(diag.to_dict()) + "\n")
