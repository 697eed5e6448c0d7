"""Derive the property keys OpenVINO stopped accepting from the wheels themselves, and write them to
`rules/property_keys.toml`, which OV107 reads.

For each release it asks every plugin that loads without a device (CPU, AUTO, MULTI, HETERO,
BATCH) for `SUPPORTED_PROPERTIES`, and the oldest release also for API 1.0's
`SUPPORTED_CONFIG_KEYS` and `SUPPORTED_METRICS`. A key the oldest release knew and the newest does
not list is kept only if the newest release rejects it: `compile_model` of a one-operation model
on the plugin (over CPU for the virtual ones) raises for a setting, given the value the oldest
release reported (`set_property` alone only stores it), and `get_property` raises for a metric. Each kept key records the plugins that knew it, the last probed release
that accepted it and the first that rejected it.

    python tools/removed_property_keys.py            # the releases of tests/ovenvs.py
    python tools/removed_property_keys.py --check    # exit 1 when the checked-in file differs

The releases come from the cached test environments (`tests/ovenvs.py` builds them on first use).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "rules" / "property_keys.toml"
RELEASES = ("api1", "lts2024", "v2025_1", "current")  # keys of tests/ovenvs.RELEASES, oldest first
PLUGINS = ("CPU", "AUTO", "MULTI", "HETERO", "BATCH")

# runs inside each release: what every plugin lists, and the value of each API 1.0 config key
LIST = r"""
import json, sys
import openvino as ov
core = ov.Core()
found = {"version": ov.get_version().split("-")[0], "plugins": {}}
for device in sys.argv[1:]:
    lists = {}
    for name in ("SUPPORTED_PROPERTIES", "SUPPORTED_CONFIG_KEYS", "SUPPORTED_METRICS"):
        try:
            lists[name] = sorted(str(k) for k in core.get_property(device, name))
        except Exception:
            pass
    values = {}
    for key in set(lists.get("SUPPORTED_CONFIG_KEYS", ())) | set(lists.get("SUPPORTED_PROPERTIES", ())):
        try:  # an enum prints as `Affinity.CORE`: the property takes `CORE`
            values[key] = str(core.get_property(device, key)).rpartition(".")[2]
            continue
        except Exception:
            pass
        try:  # API 1.0 reads its own keys (the 2023 CPU plugin's get_property does not)
            from openvino.inference_engine import IECore
            values[key] = str(IECore().get_config(device, key))
        except Exception:
            pass
    if lists:
        found["plugins"][device] = {"lists": lists, "values": values}
print(json.dumps(found))
"""

# runs inside a release: which (device, key, value, kind) it rejects
REJECTS = r"""
import json, sys
import openvino as ov
try:
    from openvino import opset8 as ops
except ImportError:  # before 2025.0
    from openvino.runtime import opset8 as ops
core = ov.Core()
parameter = ops.parameter([1, 4], ov.Type.f32)
model = ov.Model([ops.relu(parameter)], [parameter], "probe")
rejected = []
for device, key, value, kind in json.loads(sys.argv[1]):
    try:
        if kind == "metric":
            core.get_property(device, key)
        else:  # set_property only stores a setting; compiling hands it to the plugin
            target = device if device == "CPU" else f"{device}:CPU"
            ov.Core().compile_model(model, target, {key: value})
    except Exception:
        rejected.append([device, key])
print(json.dumps(rejected))
"""


def interpreter(release: str) -> str:
    sys.path.insert(0, str(ROOT / "tests"))
    import ovenvs

    return str(ovenvs.python(release))


def run(python: str, code: str, *args: str):
    out = subprocess.run([python, "-c", code, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def derive() -> str:
    pythons = {release: interpreter(release) for release in RELEASES}
    listed = {release: run(python, LIST, *PLUGINS) for release, python in pythons.items()}
    oldest, newest = listed[RELEASES[0]], listed[RELEASES[-1]]
    candidates = []  # (device, key, value, kind)
    for device, info in oldest["plugins"].items():
        new = newest["plugins"].get(device, {}).get("lists", {}).get("SUPPORTED_PROPERTIES", [])
        lists = info["lists"]
        metrics = set(lists.get("SUPPORTED_METRICS", ()))
        for key in sorted(set().union(*lists.values()) - set(new)):
            kind = "metric" if key in metrics else "setting"
            candidates.append((device, key, info["values"].get(key, ""), kind))
    rejected_by = {release: {tuple(r) for r in run(python, REJECTS, json.dumps(candidates))}
                   for release, python in pythons.items()}
    keys: dict[str, dict] = {}
    for device, key, _, kind in candidates:
        if (device, key) not in rejected_by[RELEASES[-1]]:
            continue  # the newest release still takes it (handled by the core, or renamed in place)
        first = len(RELEASES) - 1  # the first release of the run of releases that reject it
        while first > 0 and (device, key) in rejected_by[RELEASES[first - 1]]:
            first -= 1
        if first == 0:
            continue  # even the oldest rejects the probe: it tells nothing
        entry = keys.setdefault(key, {"plugins": [], "kind": kind, "accepted": listed[RELEASES[first - 1]]["version"],
                                      "rejected": listed[RELEASES[first]]["version"]})
        entry["plugins"].append(device)
    lines = [
        "# Property keys that OpenVINO stopped accepting, derived from the wheels by",
        "# tools/removed_property_keys.py (do not edit by hand: run it again).",
        "#",
        "#   plugins   the plugins of the oldest probed release that listed the key",
        "#   kind      setting (SUPPORTED_CONFIG_KEYS / SUPPORTED_PROPERTIES) or metric (read-only)",
        "#   accepted  the last probed release that accepted it",
        "#   rejected  the first probed release whose compile_model (get_property for a metric)",
        "#             raises for it",
        f"# probed: {', '.join(listed[r]['version'] for r in RELEASES)}",
        "",
    ]
    for key in sorted(keys):
        entry = keys[key]
        lines += [f"[{key}]", f"plugins = {json.dumps(entry['plugins'])}", f"kind = \"{entry['kind']}\"",
                  f"accepted = \"{entry['accepted']}\"", f"rejected = \"{entry['rejected']}\"", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the checked-in file instead of writing it")
    args = parser.parse_args()
    text = derive()
    if args.check:
        same = OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUTPUT} differs from the wheels")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
