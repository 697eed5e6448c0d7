"""Deprecation facts as data: what went away, in which releases, and what replaces it.

The table is a TOML file (the rules keep theirs in `rules/deprecations.toml`); a rule names its
entry in `Rule.deprecation`, and its messages, the docs, SARIF and the migration report take their
releases from it, so a release number is written once."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ovlint.base import versions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIELDS = ("subject", "product", "deprecated", "removed", "replacement", "since", "last", "docs")


@dataclass(frozen=True)
class Deprecation:
    key: str
    subject: str
    product: str = "OpenVINO"
    deprecated: Optional[str] = None  # the release that first warned, or announced the removal
    removed: Optional[str] = None  # the first release without it
    replacement: Optional[str] = None
    since: Optional[str] = None  # the first release with the replacement as fixes write it
    last: Optional[str] = None  # the last version published (a package)
    docs: Optional[str] = None


def load(path: Path) -> dict[str, Deprecation]:
    """The table in `path`; raises ValueError for a field it does not know or a release that
    ovlint does not know, so a typo fails every test."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    found = {}
    for key, entry in table.items():
        unknown = set(entry) - set(FIELDS)
        if unknown:
            raise ValueError(f"{path}: [{key}] has unknown fields {sorted(unknown)}")
        for field in ("deprecated", "removed", "since"):
            if entry.get(field) is not None:
                versions.normalize(entry[field])
        found[key] = Deprecation(key, **entry)
    return found
