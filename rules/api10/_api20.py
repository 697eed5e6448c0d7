"""The API 2.0 classes of the releases a migration targets, as the wheels define them
(`inventory/api20-<release>.json`, written by tools/api_inventory.py): which attributes an
`ov.Core`, `ov.Model`, `ov.CompiledModel` or `ov.InferRequest` has in a release."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ovlint.base.versions import at_least, parse

INVENTORY = Path(__file__).parent / "inventory"


@lru_cache(maxsize=None)
def _releases() -> tuple[str, ...]:
    found = [p.stem[len("api20-"):] for p in INVENTORY.glob("api20-*.json")]
    return tuple(sorted(found, key=parse))


def inventory_for(target: str) -> Optional[str]:
    """The newest inventoried release not newer than `target` (its API is the target's, as far as
    a class's attributes go: releases add members, and the removals ovlint knows of are inventoried)."""
    fitting = [r for r in _releases() if at_least(target, r)]
    return fitting[-1] if fitting else None


@lru_cache(maxsize=None)
def _data(release: str) -> dict:
    return json.loads((INVENTORY / f"api20-{release}.json").read_text(encoding="utf-8"))


def names(release: str, module: str) -> Optional[frozenset]:
    """The public names of the module `module` (`openvino.opset8`) in `release`, or None."""
    found = _data(release)["modules"].get(module)
    return frozenset(found) if found is not None else None


@lru_cache(maxsize=None)
def members(release: str, name: str) -> Optional[frozenset]:
    """The attributes of `openvino.<name>` (`Core`, `op.Constant`) in `release`, with its bases',
    or None if it has no such class."""
    data = _data(release)
    module, _, cls = f"openvino.{name}".rpartition(".")
    entry = data["modules"].get(module, {}).get(cls)
    if not isinstance(entry, dict) or "class" not in entry:
        return None
    found, pending = set(), [entry["class"]]
    while pending:
        cls = data["classes"].get(pending.pop())
        if cls is not None:
            found |= set(cls["members"])
            pending += cls.get("bases") or []
    return frozenset(found)


# the API 1.0 and nGraph classes (inventory/legacy-*.json) each API 2.0 class took over
REPLACED = {
    "Core": ("openvino.inference_engine.ie_api.IECore",),
    "Model": ("openvino.inference_engine.ie_api.IENetwork", "_pyngraph.Function"),
    "CompiledModel": ("openvino.inference_engine.ie_api.ExecutableNetwork",),
    "InferRequest": ("openvino.inference_engine.ie_api.InferRequest",),
    "Tensor": ("openvino.inference_engine.ie_api.Blob",),
    "Output": ("openvino.inference_engine.ie_api.DataPtr", "openvino.inference_engine.ie_api.CDataPtr",
               "_pyngraph.Output"),
    "Node": ("_pyngraph.Node",),
    "op.Constant": ("_pyngraph.op.Constant",),
    "op.Parameter": ("_pyngraph.op.Parameter",),
}


@lru_cache(maxsize=None)
def _legacy_classes() -> dict:
    inventory = next(INVENTORY.glob("legacy-*.json"))  # API 1.0 and nGraph as their last release had them
    return json.loads(inventory.read_text(encoding="utf-8"))["classes"]


@lru_cache(maxsize=None)
def former_members(name: str) -> frozenset:
    """What code written for an older OpenVINO can use on an `openvino.<name>`: the attributes of
    the API 1.0 and nGraph classes it took over, and its own in every inventoried release."""
    found = {m for cls in REPLACED[name] for m in _legacy_classes().get(cls, {}).get("members", ())}
    for release in _releases():
        found |= members(release, name) or frozenset()
    return frozenset(m for m in found if not m.startswith("_"))


def removed_somewhere() -> frozenset:
    """The former members of the classes of REPLACED that some inventoried release lacks: the
    attribute names a finding on an API 2.0 object can have."""
    found = set()
    for name in REPLACED:
        present = [members(release, name) for release in _releases()]
        found |= former_members(name) - frozenset.intersection(*(p for p in present if p is not None))
    return frozenset(found)
