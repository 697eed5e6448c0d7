"""Python API 1.0 configuration and metric keys passed to Core / ExecutableNetwork calls."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument, string_value
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._base import CORE, EXECUTABLE, Api10Rule


@dataclass(frozen=True)
class Key:
    new: Optional[str]  # None: no API 2.0 property does this
    values: Optional[dict] = None  # old value -> new value; a value not listed has no rewrite
    keep_other_values: bool = False  # values not listed pass through unchanged
    unsafe: bool = False
    note: str = ""


KEYS = {
    "CPU_THREADS_NUM": Key("INFERENCE_NUM_THREADS", keep_other_values=True),
    "CPU_THROUGHPUT_STREAMS": Key("NUM_STREAMS", {"CPU_THROUGHPUT_AUTO": "AUTO", "CPU_THROUGHPUT_NUMA": "NUMA"},
                                  keep_other_values=True),
    "GPU_THROUGHPUT_STREAMS": Key("NUM_STREAMS", {"GPU_THROUGHPUT_AUTO": "AUTO"}, keep_other_values=True),
    "ENFORCE_BF16": Key("INFERENCE_PRECISION_HINT", {"YES": "bf16", "NO": "f32"}, unsafe=True,
                        note="`INFERENCE_PRECISION_HINT` also governs other precisions"),
    "SUPPORTED_METRICS": Key("SUPPORTED_PROPERTIES", unsafe=True, note="it lists metrics and config keys together"),
    "SUPPORTED_CONFIG_KEYS": Key("SUPPORTED_PROPERTIES", unsafe=True, note="it lists metrics and config keys together"),
    "DYN_BATCH_ENABLED": Key(None, note="use dynamic shapes (`model.reshape` with `-1`) instead"),
    "DYN_BATCH_LIMIT": Key(None, note="use dynamic shapes (`model.reshape` with `-1`) instead"),
    "EXCLUSIVE_ASYNC_REQUESTS": Key(None, note="it is internal in API 2.0"),
    "GPU_PLUGIN_PRIORITY": Key(None, note="see `GPU_QUEUE_PRIORITY` (`ov::intel_gpu::hint::queue_priority`)"),
    "GPU_PLUGIN_THROTTLE": Key(None, note="see `GPU_QUEUE_THROTTLE` (`ov::intel_gpu::hint::queue_throttle`)"),
}
PREFIXES = {"CLDNN_": "the GPU plugin's API 2.0 properties (`ov::intel_gpu::*`)",
            "GNA_": f"nothing: the GNA plugin was removed in {DEPRECATIONS['gna'].removed}"}

# method -> where its config dict or key is: (position, keyword) per owner kind
DICT_ARGUMENTS = {
    (CORE, "set_config"): (0, "config"), (CORE, "set_property"): (1, "properties"),
    (CORE, "load_network"): (2, "config"), (CORE, "compile_model"): (2, "config"),
    (CORE, "query_network"): (2, "config"), (CORE, "query_model"): (2, "config"),
    (CORE, "import_network"): (2, "config"), (EXECUTABLE, "set_config"): (0, "config"),
    (EXECUTABLE, "set_property"): (0, "properties"),
}
KEY_ARGUMENTS = {
    (CORE, "get_config"): (1, "config_name"), (CORE, "get_metric"): (1, "metric_name"),
    (CORE, "get_property"): (1, "property"), (EXECUTABLE, "get_config"): (0, "config_name"),
    (EXECUTABLE, "get_metric"): (0, "metric_name"), (EXECUTABLE, "get_property"): (0, "property"),
}


def _lookup(key: str) -> Optional[Key]:
    if key in KEYS:
        return KEYS[key]
    for prefix, where in PREFIXES.items():
        if key.startswith(prefix):
            return Key(None, note=f"its API 2.0 counterpart is {where}")
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
        "`INFERENCE_PRECISION_HINT`. Others have no counterpart (`DYN_BATCH_ENABLED`, `GNA_*`). Keys are "
        "checked where they reach Core or compiled-model calls: config dicts and property names."
    )
    fix = Applicability.SAFE
    needles = (*KEYS, *PREFIXES)
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
        Example("import openvino as ov\n\nov.Core().set_property(\"GPU\", {\"DYN_BATCH_ENABLED\": \"YES\"})\n",
                message=("`DYN_BATCH_ENABLED` has no API 2.0 counterpart: use dynamic shapes "
                         "(`model.reshape` with `-1`) instead")),
    )
    valid = (
        Valid("import openvino as ov\n\nov.Core().set_property(\"CPU\", {\"PERF_COUNT\": \"YES\"})\n"),
        Valid("settings = {\"CPU_THREADS_NUM\": 2}  # not passed to OpenVINO\n"),
    )

    def visit_Call(self, node) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        owner = self.types.of(func.value)
        if owner is None:
            return
        where = DICT_ARGUMENTS.get((owner.kind, func.attr.value))
        if where is not None:
            arg = argument(node, *where)
            if arg is not None and isinstance(arg.value, cst.Dict):
                for element in arg.value.elements:
                    if isinstance(element, cst.DictElement):
                        self._key(element.key, element.value)
            return
        where = KEY_ARGUMENTS.get((owner.kind, func.attr.value))
        if where is not None:
            arg = argument(node, *where)
            if arg is not None:
                self._key(arg.value, None, reading=True)

    def _key(self, node, value, reading: bool = False) -> None:
        old = string_value(node)
        key = _lookup(old) if old is not None else None
        if key is None:
            return
        ctx = self.ctx
        if key.new is None:
            self.propose(node, f"`{old}` has no API 2.0 counterpart: {key.note}")
            return
        message = f"`{old}` is `{key.new}` in API 2.0" + (f"; {key.note}" if key.note else "")
        quote = node.quote
        edits = [ctx.replace(node, f"{node.prefix}{quote}{key.new}{quote}")]
        if value is not None and key.values is not None:
            literal = string_value(value)
            if literal in key.values:
                edits.append(ctx.replace(value, f"{value.prefix}{value.quote}{key.values[literal]}{value.quote}"))
            elif not key.keep_other_values:
                self.propose(node, message)
                return
        # a value read back has the property's type (an int for NUM_STREAMS) where API 1.0 gave a string
        self.propose(node, message, edits, unsafe=key.unsafe or reading, fix_message=f"Use `{key.new}`")
