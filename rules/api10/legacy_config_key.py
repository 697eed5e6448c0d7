"""Python API 1.0 configuration and metric keys passed to Core / ExecutableNetwork calls."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ovlint.base.lazy import cst
from ovlint.rulekit.property_settings import (
    LEGACY_KEY_LISTS, beside_openvino_keys, lists_legacy_keys, rename_key, replace_string, settings, strings_in,
)
from ovlint.rulekit.python_edits import string_value
from ovlint.rulekit.rule import Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._base import Api10Rule
from ovlint.rules.cpu_pinning._pinning import KEYS as PINNING_KEYS

PINNING = "ENABLE_CPU_PINNING"  # what the pinning keys became (OV301 rewrites their settings)


@dataclass(frozen=True)
class Key:
    new: Optional[str]  # None: no API 2.0 property does this
    values: Optional[dict] = None  # old value -> new value; a value not listed has no rewrite
    keep_other_values: bool = False  # values not listed pass through unchanged
    unsafe: bool = False
    note: str = ""


LISTS_PROPERTIES = ("it lists metrics and config keys together, by their API 2.0 names (`NUM_STREAMS`, not "
                    "`CPU_THROUGHPUT_STREAMS`), in a dict of each name's access (`RO`, `RW`) where API 1.0 gave a list "
                    "(`in` and iteration work alike, `.count()` and indexing do not): a key the program looks for in "
                    "it is renamed where it is a literal")
# the GPU plugin's queue settings: their successors take a priority, not the old numbers
QUEUE_HINT = "its successor is `{key}` (`ov::intel_gpu::hint::{hint}`), which takes `LOW`, `MEDIUM` or `HIGH`: set it by hand"
KEYS = {
    "CPU_THREADS_NUM": Key("INFERENCE_NUM_THREADS", keep_other_values=True),
    "CPU_THROUGHPUT_STREAMS": Key("NUM_STREAMS", {"CPU_THROUGHPUT_AUTO": "AUTO", "CPU_THROUGHPUT_NUMA": "NUMA"},
                                  keep_other_values=True),
    "GPU_THROUGHPUT_STREAMS": Key("NUM_STREAMS", {"GPU_THROUGHPUT_AUTO": "AUTO"}, keep_other_values=True),
    "ENFORCE_BF16": Key("INFERENCE_PRECISION_HINT", {"YES": "bf16", "NO": "f32"}, unsafe=True,
                        note="`INFERENCE_PRECISION_HINT` also governs other precisions"),
    "SUPPORTED_METRICS": Key("SUPPORTED_PROPERTIES", unsafe=True, note=LISTS_PROPERTIES),
    "SUPPORTED_CONFIG_KEYS": Key("SUPPORTED_PROPERTIES", unsafe=True, note=LISTS_PROPERTIES),
    "DYN_BATCH_ENABLED": Key(None, note="use dynamic shapes (`model.reshape` with `-1`) instead"),
    "DYN_BATCH_LIMIT": Key(None, note="use dynamic shapes (`model.reshape` with `-1`) instead"),
    "GPU_PLUGIN_PRIORITY": Key(None, note=QUEUE_HINT.format(key="GPU_QUEUE_PRIORITY", hint="queue_priority")),
    "GPU_PLUGIN_THROTTLE": Key(None, note=QUEUE_HINT.format(key="GPU_QUEUE_THROTTLE", hint="queue_throttle")),
    # the names those two had before
    "CLDNN_PLUGIN_PRIORITY": Key(None, note=QUEUE_HINT.format(key="GPU_QUEUE_PRIORITY", hint="queue_priority")),
    "CLDNN_PLUGIN_THROTTLE": Key(None, note=QUEUE_HINT.format(key="GPU_QUEUE_THROTTLE", hint="queue_throttle")),
}
PREFIXES = {"CLDNN_": "look among the GPU plugin's API 2.0 properties (`ov::intel_gpu::*`) for what it did",
            "GNA_": f"the GNA plugin was removed in {DEPRECATIONS['gna'].removed}"}


def _removed_keys() -> dict[str, Key]:
    """The keys the wheels show OpenVINO stopped accepting (`rules/property_keys.toml`, derived by
    `tools/removed_property_keys.py`), for those the table above does not map."""
    table = tomllib.loads(Path(__file__).parent.parent.joinpath("property_keys.toml").read_text(encoding="utf-8"))
    return {key: Key(None, note=f"OpenVINO {entry['rejected']} and later reject it (the {', '.join(entry['plugins'])} "
                                f"plugin {'reported' if entry['kind'] == 'metric' else 'took'} it up to "
                                f"{entry['accepted']})")
            for key, entry in table.items() if key not in PINNING_KEYS}  # those are OV301's


REMOVED = _removed_keys()


def lookup(key: str) -> Optional[Key]:
    if key in KEYS:
        return KEYS[key]
    if key in REMOVED:
        return REMOVED[key]
    for prefix, where in PREFIXES.items():
        if key.startswith(prefix):
            return Key(None, note=where)
    return None


class LegacyConfigKey(Api10Rule):
    code = "OV107"
    name = "legacy-config-key"
    summary = "API 1.0 configuration key"
    rationale = (
        "API 2.0 properties kept most API 1.0 key strings (`PERF_COUNT`, `CACHE_DIR`, `PERFORMANCE_HINT`, "
        "`FULL_DEVICE_NAME`, ...) but renamed some: `CPU_THREADS_NUM` is `INFERENCE_NUM_THREADS`, "
        "`CPU_THROUGHPUT_STREAMS` and `GPU_THROUGHPUT_STREAMS` are `NUM_STREAMS` (`CPU_THROUGHPUT_AUTO` is "
        "`AUTO`), `ENFORCE_BF16` is "
        "`INFERENCE_PRECISION_HINT`. Others have no counterpart (`DYN_BATCH_ENABLED`, `GNA_*`, and the keys the "
        "wheels show current releases reject: `rules/property_keys.toml`, derived by "
        "`tools/removed_property_keys.py` from each plugin's supported keys, from the last release with API 1.0 "
        "to the newest). Keys are "
        "checked where they reach OpenVINO: in property names read back, and in config dicts followed through "
        "variables (`config[\"KEY\"] = ...`, `config.update(...)`) to a `compile_model`, `load_network`, "
        "`set_property` or `set_config` call, or handed on (returned, passed) by a module that makes such calls, "
        "and in a dict that holds another key OpenVINO reads, wherever it is built (as for OV301)."
    )
    needles = (*KEYS, *PREFIXES, *REMOVED)
    context_needles = ()  # a configuration is often built where nothing names OpenVINO
    examples = (
        Example(
            "import openvino as ov\n\ncore = ov.Core()\n"
            "core.set_property(\"CPU\", {\"CPU_THREADS_NUM\": \"2\"})\n",
            "import openvino as ov\n\ncore = ov.Core()\n"
            "core.set_property(\"CPU\", {\"INFERENCE_NUM_THREADS\": \"2\"})\n",
        ),
        Example(
            "import openvino as ov\n\ncompiled = ov.Core().compile_model(\"m.xml\", \"CPU\")\n"
            "print(compiled.get_property(\"CPU_THROUGHPUT_STREAMS\"))\n",
            "import openvino as ov\n\ncompiled = ov.Core().compile_model(\"m.xml\", \"CPU\")\n"
            "print(compiled.get_property(\"NUM_STREAMS\"))\n",
            unsafe=True,
        ),
        Example("import openvino as ov\n\nconfig = {\"CPU_THROUGHPUT_STREAMS\": \"CPU_THROUGHPUT_AUTO\"}\n"
                "compiled = ov.Core().compile_model(\"m.xml\", \"CPU\", config)\n",
                "import openvino as ov\n\nconfig = {\"NUM_STREAMS\": \"AUTO\"}\n"
                "compiled = ov.Core().compile_model(\"m.xml\", \"CPU\", config)\n"),
        Example("def plugin_config(threads, streams):\n    config = {}\n    config['CPU_THREADS_NUM'] = str(threads)\n"
                "    config['GPU_THROUGHPUT_STREAMS'] = streams if streams else 'GPU_THROUGHPUT_AUTO'\n"
                "    return config\n\n\ndef load(ie, net):\n    return ie.load_network(net, 'CPU', plugin_config(2, 0))\n",
                "def plugin_config(threads, streams):\n    config = {}\n    config['INFERENCE_NUM_THREADS'] = str(threads)\n"
                "    config['NUM_STREAMS'] = streams if streams else 'AUTO'\n"
                "    return config\n\n\ndef load(ie, net):\n    return ie.load_network(net, 'CPU', plugin_config(2, 0))\n"),
        Example("import openvino as ov\n\ncompiled = ov.Core().compile_model(\"m.xml\", \"CPU\", {\"DUMP_EXEC_GRAPH_AS_DOT\": \"g\"})\n",
                message=("`DUMP_EXEC_GRAPH_AS_DOT` is not an API 2.0 key: OpenVINO 2024.6.0 and later reject it "
                         "(the CPU plugin took it up to 2023.3.0)")),
        Example("import openvino as ov\n\nov.Core().set_property(\"GPU\", {\"DYN_BATCH_ENABLED\": \"YES\"})\n",
                message=("`DYN_BATCH_ENABLED` is not an API 2.0 key: use dynamic shapes "
                         "(`model.reshape` with `-1`) instead")),
    )
    valid = (
        Valid("import openvino as ov\n\ncore = ov.Core()\nconfig = {}\n"
              "if \"CPU_THROUGHPUT_STREAMS\" in core.get_property(\"CPU\", \"SUPPORTED_PROPERTIES\"):\n"
              "    config[\"CPU_THROUGHPUT_STREAMS\"] = \"CPU_THROUGHPUT_AUTO\"\nelse:\n    config[\"NUM_STREAMS\"] = \"AUTO\"\n"
              "core.compile_model(\"m.xml\", \"CPU\", config)\n"),
        Valid("import openvino as ov\n\nov.Core().set_property(\"CPU\", {\"PERF_COUNT\": \"YES\"})\n"),
        Valid("def log_threads(compiled, log):\n    try:\n        log(compiled.get_property('CPU_THREADS_NUM'))\n"
              "    except RuntimeError:\n        pass  # releases without the key\n"),
        Valid("settings = {\"CPU_THREADS_NUM\": 2}  # not passed to OpenVINO\n"),
    )

    def visit_Module(self, node) -> None:
        # proposed before any OV1xx rule leaves the module, where the family's shared fix is made
        for setting in settings(self.ctx):
            key = lookup(setting.key)
            if key is not None and not setting.guarded and (
                    setting.reading or setting.passed(self.ctx) or beside_openvino_keys(self.ctx, setting)):
                self._key(setting, key)

    def visit_Comparison(self, node) -> None:
        """`"CPU_THROUGHPUT_STREAMS" in supported_keys`, asked of API 1.0's list of the keys a device
        takes: the migration makes the list API 2.0's, which names the key `NUM_STREAMS`, so the
        key is renamed with it; a key API 2.0 lacks holds the test back."""
        if len(node.comparisons) != 1 or not isinstance(node.comparisons[0].operator, (cst.In, cst.NotIn)):
            return
        old = string_value(node.left)
        key = lookup(old) if old is not None else None
        if old in PINNING_KEYS:
            key = Key(PINNING)
        if key is None or not lists_legacy_keys(self.ctx, node.comparisons[0].comparator):
            return
        asked = "asked of API 1.0's list of supported keys, which becomes `SUPPORTED_PROPERTIES`"
        if key.new is None:
            self.propose(node.left, f"`{old}` is not an API 2.0 key ({asked}): {key.note}")
            return
        self.propose(node.left, f"`{old}` is `{key.new}` in API 2.0 ({asked}, under API 2.0 names)",
                     [replace_string(self.ctx, node.left, key.new)], fix_message=f"Ask for `{key.new}`")

    def _only_asked(self, key_node) -> bool:
        """Whether the list a `get_metric(device, "SUPPORTED_CONFIG_KEYS")` call at `key_node` gives
        is only asked whether it holds a key spelt out (`"PERF_COUNT" in keys`): at once, or
        through a name assigned it once. The renamed keys answer alike; anything else the program
        does with the list sees API 2.0's names."""
        ctx = self.ctx
        call = ctx.parent(ctx.parent(key_node))
        holder = ctx.parent(call)
        if _asked(ctx, call):
            return True
        if not (isinstance(holder, cst.Assign) and len(holder.targets) == 1 and isinstance(holder.targets[0].target, cst.Name)):
            return False
        scope = ctx.scope(holder)
        name = holder.targets[0].target.value
        reads = [access.node for access in (scope.accesses[name] if scope else ())]
        return bool(reads) and all(_asked(ctx, node) for node in reads)

    def _key(self, setting, key: Key) -> None:
        ctx, old = self.ctx, setting.key
        if key.new is None:
            self.propose(setting.key_node, f"`{old}` is not an API 2.0 key: {key.note}")
            return
        message = f"`{old}` is `{key.new}` in API 2.0" + (f"; {key.note}" if key.note else "")
        if old in LEGACY_KEY_LISTS and setting.reading and not self._only_asked(setting.key_node):
            self.propose(setting.key_node, message + " (not rewritten: the program reads the list itself here, not "
                                                     "only whether it holds a key, and what it reads changes)")
            return
        if setting.group is not None and not setting.reading and any(
                other.group == setting.group and other.key == key.new for other in settings(ctx)):
            # renamed, it would write over (or, in a literal, repeat) the value the program gave that key
            self.propose(setting.key_node, message + f" (not rewritten: the same settings give `{key.new}` a value "
                                                     "too; keep one of the two)")
            return
        edits = [rename_key(ctx, setting, key.new)]
        if setting.value is not None and key.values is not None:
            for literal in strings_in(setting.value):
                value = string_value(literal)
                if value in key.values:
                    edits.append(replace_string(ctx, literal, key.values[value]))
                elif not key.keep_other_values:
                    self.propose(setting.key_node, message)
                    return
        # a value read back has the property's type (an int for NUM_STREAMS) where API 1.0 gave a string
        self.propose(setting.key_node, message, edits, unsafe=key.unsafe or setting.reading,
                     fix_message=f"Use `{key.new}`")


def _asked(ctx, node) -> bool:
    """Whether `node` is what `"KEY" in node` (or `not in`) asks, with the key spelt out."""
    target = ctx.parent(node)
    comparison = ctx.parent(target)
    return (isinstance(target, cst.ComparisonTarget) and target.comparator is node
            and isinstance(target.operator, (cst.In, cst.NotIn)) and isinstance(comparison, cst.Comparison)
            and len(comparison.comparisons) == 1 and string_value(comparison.left) is not None)
