"""conda environment files: the `pip:` list (conda's own specs are not PEP 508)."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern
from ovlint.surfaces import REQUIREMENT, FileKind, Sniff, whole
from ovlint.surfaces.requirement import Requirement, from_pep508

_NAMES = pattern(r"(environment|conda)([-_.][\w.-]*)?\.ya?ml$")
# an environment under another name (`openvino.yml`, for `conda env create -f openvino.yml`): a
# top-level `dependencies:` with conda's `channels:` or a `- pip:` list (a Helm chart has neither)
_DEPENDENCIES = pattern(rb"(?m)^dependencies:[ \t]*\r?$")
_CONDA_SIGNS = pattern(rb"(?m)^channels:|^[ \t]+-[ \t]+pip:[ \t]*\r?$")


def looks_like_conda(head: bytes) -> bool:
    return bool(_DEPENDENCIES.search(head) and _CONDA_SIGNS.search(head))


def from_conda(text: str) -> list[Requirement]:
    """The `pip:` list of a conda environment file (conda specs themselves are not PEP 508)."""
    found = []
    pip_indent = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        m = re.match(r"^(\s*)-\s+(.*)$", body)
        indent = len(body) - len(body.lstrip())
        if pip_indent is not None and body.strip() and indent <= pip_indent:
            pip_indent = None
        if not m:
            continue
        item = m.group(2).split(" #", 1)[0].strip()
        if item.rstrip(":") == "pip" and item.endswith(":"):
            pip_indent = indent
            continue
        if pip_indent is None:
            continue
        if item[:1] in "\"'" and item[-1:] == item[:1]:
            item = item[1:-1]
        item_start = start + body.index(item, len(m.group(1)) + 1)
        req = from_pep508(item, item_start, "conda", removal=(start, pos))
        if req:
            found.append(req)
    return found


KIND = FileKind(
    name="conda", label="conda environment",
    recognise=lambda path, name, suffix: suffix in (".yml", ".yaml") and bool(_NAMES.match(name)),
    read=lambda text: whole(text, requirements=from_conda(text)), facts=(REQUIREMENT,), rank=30, fence="yaml",
    sniff=Sniff(names=lambda name: name.lower().endswith((".yml", ".yaml")), head=looks_like_conda, executable=False,
                size=32768),
)
