"""GitLab Code Quality: a JSON array of issues with stable fingerprints."""
from __future__ import annotations

import json

from ovlint.app.reporters.fingerprint import fingerprint


def render(diagnostics, stream, *, fixability) -> None:
    issues = [{
        "description": f"{diag.code} {diag.message}",
        "check_name": diag.code,
        "fingerprint": fingerprint(diag),
        "severity": "major",
        "location": {"path": diag.path, "lines": {"begin": diag.row, "end": diag.end_row}},
    } for diag in diagnostics]
    json.dump(issues, stream, indent=2)
    stream.write("\n")
