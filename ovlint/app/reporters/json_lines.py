"""One JSON object per line (the `json` format's objects), for streaming consumers."""
from __future__ import annotations

import json


def render(diagnostics, stream, *, fixability) -> None:
    for diag in diagnostics:
        stream.write(json.dumps(diag.to_dict()) + "\n")
