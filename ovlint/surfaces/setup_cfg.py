"""setup.cfg: `[options]` install, setup and test requirements, `python_requires`, and extras."""
from __future__ import annotations

from ovlint.surfaces import REQUIREMENT, FileKind, whole
from ovlint.surfaces.requirement import Requirement, from_pep508, python_version


def from_setup_cfg(text: str) -> list[Requirement]:
    found = []
    section = ""
    key = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section, key = stripped[1:-1].strip(), None
            continue
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if not body[0].isspace():
            name, sep, value = body.partition("=")
            if not sep:
                name, sep, value = body.partition(":")
            key = name.strip() if sep else None
            if key is None:
                continue
            value_start = start + len(name) + 1
            if section == "options" and key == "python_requires" and value.strip():
                lead = len(value) - len(value.lstrip())
                found.append(python_version(value.strip(), value_start + lead, "setup-cfg"))
                continue
            if not _is_dependency_key(section, key):
                continue
            body, start = value, value_start
        elif key is None or not _is_dependency_key(section, key):
            continue
        item = body.split(" #", 1)[0].split(";#", 1)[0]
        lead = len(item) - len(item.lstrip())
        req = from_pep508(item.strip(), start + lead, "setup-cfg", removal=(pos - len(line), pos), group=(section, key))
        if req:
            found.append(req)
    return found


def _is_dependency_key(section: str, key: str) -> bool:
    if section == "options":
        return key in ("install_requires", "setup_requires", "tests_require")
    return section == "options.extras_require"


KIND = FileKind(
    name="setup-cfg", label="setup.cfg", recognise=lambda path, name, suffix: name == "setup.cfg",
    read=lambda text: whole(text, requirements=from_setup_cfg(text)), facts=(REQUIREMENT,), rank=10, fence="ini",
    comment=None,  # INI has no comment at the end of a line: `#` there is part of the value
)
