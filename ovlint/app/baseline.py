"""A baseline: the findings a legacy repository has today, by fingerprint (code, file, flagged
line's text, and its occurrence), so CI fails only on findings added later, wherever lines move."""
from __future__ import annotations

import json

from ovlint.app.reporters.fingerprint import fingerprints
from ovlint.base.files import STATE_LIMIT, ReadError, read_text
from ovlint.engine.writer import WriteError, write_output

FORMAT = "ovlint-baseline/1"


class BaselineError(ValueError):
    pass


def write(path: str, diagnostics, projects: list[str]) -> int:
    """Write the baseline (see `writer.write_output` for `projects`); the number of findings."""
    entries = sorted({f"{d.code} {print_}": None for d, print_ in zip(diagnostics, fingerprints(diagnostics))})
    try:
        write_output(path, (json.dumps({"format": FORMAT, "findings": entries}, indent=1) + "\n").encode(), projects)
    except WriteError as exc:
        raise BaselineError(str(exc)) from None
    return len(entries)


def read(path: str) -> set[str]:
    try:
        data = json.loads(read_text(path, STATE_LIMIT))
    except ReadError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc})") from None
    except (ValueError, RecursionError) as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list) \
            or not all(isinstance(entry, str) for entry in data["findings"]):
        raise BaselineError(f"{path}: not an ovlint baseline (expected format {FORMAT!r}, a list of strings)")
    return set(data["findings"])


def new_findings(diagnostics, known: set[str]) -> list:
    """The findings not in the baseline (engine diagnostics always count)."""
    return [d for d, print_ in zip(diagnostics, fingerprints(diagnostics))
            if d.code.startswith("OV0") or f"{d.code} {print_}" not in known]
