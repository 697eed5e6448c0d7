"""The OpenVINO release a project pins, read from its own dependency files: the floor, the oldest
release its code must keep running on until the pin moves. A fix is offered only when what it
writes exists in the floor release as well as in the target."""
from __future__ import annotations

import os
from typing import Optional

from ovlint.base import versions
from ovlint.base.versions import Floor

# the dependency files of a folder that state its pins
DEPENDENCY_FILES = ("requirements.txt", "requirements.in", "constraints.txt", "pyproject.toml", "setup.cfg",
                    "Pipfile", "environment.yml", "environment.yaml")


def pinned_floor(directory: str) -> Optional[Floor]:
    """The lowest release the folder's dependency files allow, if they pin OpenVINO at all."""
    found = []
    for name in DEPENDENCY_FILES:
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        # imported only where there are dependency files to read
        from ovlint.surfaces import kind_of
        from ovlint.surfaces.requirement import lowest_pin

        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        pin = lowest_pin(r for unit in kind_of(name).read(text).units for r in unit.requirements)
        if pin is not None:
            release, req = pin
            line = text.count("\n", 0, req.start) + 1
            found.append((versions.parse(release), release, f"{os.path.relpath(path)}:{line}"))
    if not found:
        return None
    _, release, origin = min(found)
    return Floor(release, origin)
