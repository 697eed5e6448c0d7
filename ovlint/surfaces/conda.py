"""conda environment files: the `pip:` list (conda's own specs are not PEP 508), and the OpenVINO
release conda's own list pins."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern
from ovlint.surfaces import REQUIREMENT, FileKind, Sniff, whole
from ovlint.surfaces.requirement import PINNED_PACKAGES, Requirement, from_pep508

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
    for item, start, line, in_pip in _items(text):
        req = from_pep508(item, start, "conda", removal=line) if in_pip else None
        if req:
            found.append(req)
    return found


def conda_pins(text: str) -> list[Requirement]:
    """The OpenVINO packages of an environment's conda dependencies (`openvino=2024.4.0`, from
    conda-forge), as PEP 508 says what they allow: for the release they pin, not for rules, which
    would write PEP 508 into conda's list."""
    found = []
    for item, start, _, in_pip in _items(text):
        spec = None if in_pip else _CONDA_SPEC.match(item)
        if spec is None or spec.group(1).lower() not in PINNED_PACKAGES or "|" in item:
            continue
        version = spec.group(2).strip().split(" ")[0]  # a build string after the version is no part of it
        operator = version[:len(version) - len(version.lstrip("=<>!~"))]
        version = operator + version[len(operator):].split("=")[0]  # ... nor after `=` (`=2022.3.0=py39h..._0`)
        if version[:1].isdigit() or operator == "=":
            # `=2024.4.0` and `2024.4.0` match every version that begins so
            version = "==" + version.lstrip("=") + ("" if version.endswith("*") else ".*")
        req = from_pep508(spec.group(1) + version, start, "conda")
        if req:
            found.append(req)
    return found


# a conda match spec: a channel, the package, its version (`conda-forge::openvino=2024.4.0`)
_CONDA_SPEC = pattern(r"^(?:[\w.-]+::)?([A-Za-z0-9_.-]+)[ \t]*(.*)$")


def _items(text: str):
    """(item, its offset, its line's span, whether it is in the `pip:` list) for each item of the
    file's lists."""
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
        if item[:1] in "\"'" and item[-1:] == item[:1]:
            item = item[1:-1]
        if not item:
            continue
        yield item, start + body.index(item, len(m.group(1)) + 1), (start, pos), pip_indent is not None


KIND = FileKind(
    name="conda", label="conda environment",
    recognise=lambda path, name, suffix: suffix in (".yml", ".yaml") and bool(_NAMES.match(name)),
    read=lambda text: whole(text, requirements=from_conda(text)), facts=(REQUIREMENT,), rank=30, fence="yaml",
    sniff=Sniff(names=lambda name: name.lower().endswith((".yml", ".yaml")), head=looks_like_conda, executable=False,
                size=32768),
)
