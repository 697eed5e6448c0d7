"""One JSON object per line (the `json` format's objects), for streaming consumers."""
from __future__ import annotations

import json

from ovlint.app.reporters.json import as_dict


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    for diag in diagnostics:
        stream.write(json.dumps(as_dict(diag)) + "\n")
