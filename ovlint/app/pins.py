"""The OpenVINO release a project pins, read from its own dependency files: the floor, the oldest
release its code must keep running on until the pin moves. A fix is offered only when what it
writes exists in the floor release as well as in the target."""
from __future__ import annotations

import os
import re
from typing import Optional

from ovlint.base import versions
from ovlint.base.versions import Floor

# the kinds of file that state a folder's pins (any requirements or constraints file,
# `requirements-gpu.txt` too, and conda environments under any name, `openvino.yml`), and the
# Dockerfiles that build the folder's code into an image: what they install or start `FROM`
DEPENDENCY_KINDS = ("requirements", "pyproject", "setup-cfg", "pipfile", "conda", "dockerfile")


def pinned_floor(directory: str) -> Optional[Floor]:
    """The lowest release the folder's dependency files allow, if they pin OpenVINO at all (with
    the requirements files they include, `-r base.txt`); where they pin nothing, the lowest its
    Dockerfiles run the code on."""
    found, images = [], []
    pending, seen = _dependency_files(directory), set()
    while pending:
        path, kind = pending.pop()
        real = os.path.realpath(path)
        if real in seen or len(seen) >= MOST_INCLUDED:
            continue
        seen.add(real)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        for release, start in _pins(kind, text):
            line = text.count("\n", 0, start) + 1
            (images if kind.name == "dockerfile" else found).append(
                (versions.parse(release), release, f"{os.path.relpath(path)}:{line}"))
        if kind.name == "requirements":
            pending += [(os.path.join(os.path.dirname(path), name), kind) for name in _INCLUDED.findall(text)]
    found = found or images  # a file that states the pin outweighs an image that may be a leftover
    if not found:
        return None
    _, release, origin = min(found)
    return Floor(release, origin)


def _pins(kind, text: str) -> list[tuple[str, int]]:
    """(release, offset) of the lowest pin of a dependency file; for a Dockerfile, the release its
    last stage (the image that runs the code) installs with pip, or else starts `FROM`."""
    # imported only where there are dependency files to read
    from ovlint.surfaces.release_named import heredoc_bodies, lowest_named, lowest_stated

    found = []
    for unit in kind.read(text).units:
        if kind.name != "dockerfile":
            found.append(lowest_stated(unit.requirements, unit.commands))
            continue
        bodies = heredoc_bodies(unit.text)  # a `FROM` there is another file's
        stages = [m.start() for m in _FROM.finditer(unit.text) if not any(a <= m.start() < b for a, b in bodies)]
        last = stages[-1] if len(stages) > 1 else 0  # one stage: its `ARG`s before `FROM` too
        commands = [c for c in unit.commands if c.words and c.words[0].start >= last]
        # the earlier stages blanked, every offset kept
        stage = re.sub(r"[^\n]", " ", unit.text[:last]) + unit.text[last:]
        found.append(lowest_stated([], commands) or lowest_named(stage, commands))
    return [f for f in found if f]


_FROM = re.compile(r"(?im)^[ \t]*FROM[ \t]")


# the files a requirements file includes, as pip reads them: `-r base.txt`, `--requirement=base.txt`,
# and constraints, `-c constraints.txt` (a URL is not followed)
_INCLUDED = re.compile(r"(?m)^[ \t]*(?:-r|-c|--requirement|--constraint)(?:[ \t]+|[ \t]*=[ \t]*|(?=[^ \t=-]))"
                       r"(?![a-z][a-z0-9+.-]*://)([^ \t\r\n#]+)")
MOST_INCLUDED = 50  # files read for one folder's pins, includes and all


# the endings of the names of such files (most files of a folder are not worth asking about)
_SUFFIXES = (".txt", ".in", ".toml", ".cfg", ".yml", ".yaml")


def _dependency_files(directory: str) -> list:
    """(path, kind) of each of the folder's files of DEPENDENCY_KINDS, by name, or for a YAML file
    by its first bytes (a conda environment under another name)."""
    try:
        with os.scandir(directory) as entries:
            names = sorted(e.name for e in entries if e.is_file())
    except OSError:
        return []
    from ovlint.surfaces import kind_from_head, kind_of

    found = []
    for name in names:
        lowered = name.lower()
        if not lowered.endswith(_SUFFIXES) and lowered != "pipfile" and "dockerfile" not in lowered \
                and "containerfile" not in lowered:
            continue
        path = os.path.join(directory, name)
        kind = kind_of(name)
        if kind is None and name.lower().endswith((".yml", ".yaml")):
            kind = kind_from_head(name, _head(path, name), executable=False)
        if kind is not None and kind.name in DEPENDENCY_KINDS:
            found.append((path, kind))
    return found


def _head(path: str, name: str) -> bytes:
    from ovlint.surfaces import head_size

    try:
        with open(path, "rb") as handle:
            return handle.read(head_size(name))
    except OSError:
        return b""
