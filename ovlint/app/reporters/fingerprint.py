"""An identity for a finding that survives lines moving: the code, the file, the flagged text and
how many times that same text was flagged before it in the file."""
from __future__ import annotations


def fingerprint(diag, occurrence: int = 0) -> str:
    import hashlib  # imported only by runs that fingerprint findings

    flagged = diag.source_line.strip()
    key = "\0".join((diag.code, diag.path, "" if diag.cell is None else str(diag.cell), flagged, str(occurrence)))
    # a file name's undecodable bytes are surrogates: encoded back to those bytes
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def fingerprints(diagnostics) -> list[str]:
    """Fingerprints of a list, numbering repeated identical findings so each stays distinct."""
    seen: dict[tuple, int] = {}
    result = []
    for diag in diagnostics:
        key = (diag.code, diag.path, diag.cell, diag.source_line.strip())
        result.append(fingerprint(diag, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return result
