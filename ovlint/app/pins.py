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
# openvino-genai and openvino-tokenizers are released with openvino and numbered alike
PACKAGES = {"openvino", "openvino-dev", "openvino-genai", "openvino-tokenizers"}
LOWER_BOUNDS = {"==", "===", "~=", ">="}


def pinned_floor(directory: str) -> Optional[Floor]:
    """The lowest release the folder's dependency files allow, if they pin OpenVINO at all."""
    found = []
    for name in DEPENDENCY_FILES:
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        # imported only where there are dependency files to read
        from packaging.specifiers import InvalidSpecifier, SpecifierSet

        from ovlint.surfaces import kind_of
        from ovlint.surfaces.requirement import as_pep440

        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        for req in (r for unit in kind_of(name).read(text).units for r in unit.requirements):
            if req.name not in PACKAGES or not req.specifier:
                continue
            try:
                specs = SpecifierSet(as_pep440(req.specifier))
            except InvalidSpecifier:
                continue
            for spec in specs:
                release = _release(spec.version) if spec.operator in LOWER_BOUNDS else None
                if release:
                    line = text.count("\n", 0, req.start) + 1
                    found.append((versions.parse(release), release, f"{os.path.relpath(path)}:{line}"))
    if not found:
        return None
    _, release, origin = min(found)
    return Floor(release, origin)


def _release(version: str) -> Optional[str]:
    """The known release a pinned version falls in; one older than ovlint knows counts as the
    oldest known (every fix needs a newer release anyway); None for one newer than it knows."""
    try:
        year, minor = versions.parse(version)
    except ValueError:
        return None
    oldest = versions.KNOWN_RELEASES[0]
    if (year, minor) < versions.parse(oldest):
        return oldest
    try:
        return versions.normalize(version)
    except ValueError:
        return None
