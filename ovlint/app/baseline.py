"""A baseline: the findings a legacy repository has today, by fingerprint (code, file, flagged
line's text, and its occurrence), so CI fails only on findings added later, wherever lines move."""
from __future__ import annotations

import json

from ovlint.app.reporters.fingerprint import fingerprints

FORMAT = "ovlint-baseline/1"


class BaselineError(ValueError):
    pass


def write(path: str, diagnostics) -> int:
    entries = sorted({f"{d.code} {print_}": None for d, print_ in zip(diagnostics, fingerprints(diagnostics))})
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"format": FORMAT, "findings": entries}, handle, indent=1)
        handle.write("\n")
    return len(entries)


def read(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not an ovlint baseline (expected format {FORMAT!r})")
    return set(data["findings"])


def new_findings(diagnostics, known: set[str]) -> list:
    """The findings not in the baseline (engine diagnostics always count)."""
    return [d for d, print_ in zip(diagnostics, fingerprints(diagnostics))
            if d.code.startswith("OV0") or f"{d.code} {print_}" not in known]
