"""Pipfile: the `[packages]` and `[dev-packages]` tables."""
from __future__ import annotations

import sys

from ovlint.surfaces import REQUIREMENT, Document, FileKind, whole
from ovlint.surfaces.requirement import Requirement, from_toml_key
from ovlint.surfaces import tomlspan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def from_pipfile(text: str) -> list[Requirement]:
    tomllib.loads(text)
    found = []
    for entry in tomlspan.entries(text):
        if len(entry.path) == 2 and entry.path[0] in ("packages", "dev-packages"):
            found.extend(from_toml_key(text, entry, "pipfile"))
    return found




def read(text: str) -> Document:
    try:
        return whole(text, requirements=from_pipfile(text))
    except tomllib.TOMLDecodeError as exc:
        return whole(text, error=f"invalid TOML: {exc}")


KIND = FileKind(
    name="pipfile", label="Pipfile", recognise=lambda path, name, suffix: name == "pipfile",
    read=read, facts=(REQUIREMENT,), rank=10, fence="toml",
)
