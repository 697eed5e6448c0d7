"""The OpenVINO release a project pins, read from its own dependency files: the default target
when neither the command line nor a config file names one."""
from __future__ import annotations

import os
from typing import Optional

from ovlint.base import versions

# the dependency files of a folder that state its pins
DEPENDENCY_FILES = ("requirements.txt", "requirements.in", "constraints.txt", "pyproject.toml", "setup.cfg",
                    "Pipfile", "environment.yml", "environment.yaml")
# openvino-genai and openvino-tokenizers are released with openvino and numbered alike
PACKAGES = {"openvino", "openvino-dev", "openvino-genai", "openvino-tokenizers"}
LOWER_BOUNDS = {"==", "===", "~=", ">="}


def pinned_release(directory: str) -> Optional[tuple[str, str]]:
    """(release, file) for the lowest release the folder's dependency files allow, if they pin one."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    from ovlint.surfaces import kind_of
    from ovlint.surfaces.requirement import as_pep440

    found = []
    for name in DEPENDENCY_FILES:
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                reqs = [r for unit in kind_of(name).read(handle.read()).units for r in unit.requirements]
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        for req in reqs:
            if req.name not in PACKAGES or not req.specifier:
                continue
            try:
                specs = SpecifierSet(as_pep440(req.specifier))
            except InvalidSpecifier:
                continue
            for spec in specs:
                release = _release(spec.version) if spec.operator in LOWER_BOUNDS else None
                if release:
                    found.append((versions.parse(release), release, name))
    return (min(found)[1], min(found)[2]) if found else None


def _release(version: str) -> Optional[str]:
    try:
        return versions.normalize(version)
    except ValueError:
        return None
