"""Pipfile: the `[packages]` and `[dev-packages]` tables."""
from __future__ import annotations

from ovlint.surfaces import REQUIREMENT, FileKind, tomlspan
from ovlint.surfaces.requirement import Requirement, from_toml_key


def from_pipfile(text: str) -> list[Requirement]:
    found = []
    for entry in tomlspan.entries(text):
        if len(entry.path) == 2 and entry.path[0] in ("packages", "dev-packages"):
            found.extend(from_toml_key(text, entry, "pipfile"))
    return found


KIND = FileKind(
    name="pipfile", label="Pipfile", recognise=lambda path, name, suffix: name == "pipfile",
    read=lambda text: tomlspan.document(text, from_pipfile), facts=(REQUIREMENT,), rank=10, fence="toml",
    multiline=tomlspan.string_spans,
)
