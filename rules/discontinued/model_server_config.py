"""OpenVINO Model Server `config.json`: deprecated and removed settings."""
from __future__ import annotations

import json

from ovlint.base.diagnostics import Applicability
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, JsonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10.legacy_config_key import lookup
from ovlint.rules.cpu_pinning._pinning import KEYS as PINNING_KEYS
from ovlint.rules.discontinued._devices import REMOVED_DEVICES, describe, removed_devices

AUTO_SHAPE, DAG_PIPELINES, STATEFUL_MODELS, API_1, UNDEFINED_MODE, CONFIG_KEYS = (
    DEPRECATIONS[k] for k in ("ovms-auto-shape", "ovms-dag-pipelines", "ovms-stateful", "python-api-1",
                              "performance-mode-undefined", "api-1-config-keys"))

# plugin_config keys of API 1.0 -> the property they became
PLUGIN_KEYS = {"CPU_THROUGHPUT_STREAMS": "NUM_STREAMS", "GPU_THROUGHPUT_STREAMS": "NUM_STREAMS",
               "CPU_THREADS_NUM": "INFERENCE_NUM_THREADS"}
STREAM_VALUES = {"CPU_THROUGHPUT_AUTO": "AUTO", "GPU_THROUGHPUT_AUTO": "AUTO", "CPU_THROUGHPUT_NUMA": "NUMA"}
STATEFUL = ("stateful", "low_latency_transformation", "idle_sequence_cleanup", "max_sequence_number",
            "sequence_cleaner_poll_wait_minutes")


def _nodes(node, key=None):
    """Every (key, node) pair below `node`."""
    yield key, node
    for child in node.items:
        yield from _nodes(child)
    for name, (_, value) in node.members.items():
        yield from _nodes(value, name)


class ModelServerConfig(JsonRule):
    code = "OV505"
    name = "model-server-config"
    summary = "Deprecated or removed OpenVINO Model Server setting"
    rationale = (
        "Model Server settings that went away with OpenVINO's changes: `\"shape\": \"auto\"` and "
        f"`\"batch_size\": \"auto\"` (deprecated in {AUTO_SHAPE.deprecated}; reshaping on each request is gone, give the shape "
        "or use a dynamic dimension `-1`), API 1.0 `plugin_config` keys (`CPU_THROUGHPUT_STREAMS` is "
        "`NUM_STREAMS`, `CPU_THREADS_NUM` is `INFERENCE_NUM_THREADS`; fixed in place), MYRIAD, HDDL and GNA "
        f"`target_device` values, and, deprecated in {DAG_PIPELINES.deprecated}, DAG pipelines (`pipeline_config_list`, use "
        "MediaPipe graphs) and stateful-model options."
    )
    fix = Applicability.SAFE
    deprecation = AUTO_SHAPE
    needles = ("model_config_list", "pipeline_config_list", "plugin_config")
    examples = (
        Example('{"model_config_list": [{"config": {"name": "m", "base_path": "/m", "shape": "auto",\n'
                '  "target_device": "MYRIAD"}}]}\n', filename="config.json",
                message=(('`"shape": "auto"` is deprecated: give the shape (a dimension of -1 makes it '
                          "dynamic)"),
                         "`target_device` names a removed plugin: MYRIAD (removed in 2023.0)")),
        Example('{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"CPU_THROUGHPUT_STREAMS": "CPU_THROUGHPUT_AUTO"}}}]}\n',
                '{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"NUM_STREAMS": "AUTO"}}}]}\n', filename="config.json"),
        Example('{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"ENFORCE_BF16": "NO", "PERFORMANCE_HINT": "UNDEFINED"}}}]}\n', filename="config.json",
                message=("`ENFORCE_BF16` is not an OpenVINO property any more: use `INFERENCE_PRECISION_HINT` "
                         "(`INFERENCE_PRECISION_HINT` also governs other precisions)",
                         "`\"PERFORMANCE_HINT\": \"UNDEFINED\"` was removed in 2024.0: use `LATENCY`, `THROUGHPUT` or "
                         "`CUMULATIVE_THROUGHPUT`, or no hint")),
    )
    valid = (Valid('{"model_config_list": [{"config": {"name": "m", "base_path": "/m", "shape": "(1,3,224,224)",\n'
                   '  "plugin_config": {"NUM_STREAMS": "1"}}}]}\n', filename="config.json"),)

    def check_json(self, root) -> None:
        target = self.ctx.target_version
        for key, node in _nodes(root):
            value = node.value if isinstance(node.value, str) else None
            if key in ("shape", "batch_size") and value == "auto":
                self.report(node, f"`\"{key}\": \"auto\"` is deprecated: give the {key.replace('_', ' ')} "
                                  "(a dimension of -1 makes it dynamic)", deprecation=AUTO_SHAPE)
            elif key == "shape" and node.members and any(v.value == "auto" for _, v in node.members.values()):
                self.report(node, "`\"auto\"` input shapes are deprecated: give each shape (-1 for a dynamic "
                                  "dimension)", deprecation=AUTO_SHAPE)
            elif key == "target_device" and value and removed_devices(value):
                found = removed_devices(value)
                self.report(node, f"`target_device` names a removed plugin: {describe(found)}",
                            deprecation=REMOVED_DEVICES[found[0]])
            elif key == "plugin_config" and node.members:
                self._plugin_config(node)
            elif key == "pipeline_config_list" and at_least(target, DAG_PIPELINES.deprecated):
                self.report(node, f"DAG pipelines are deprecated since {DAG_PIPELINES.deprecated}: use MediaPipe "
                                  "graphs (`mediapipe_config_list`)", deprecation=DAG_PIPELINES)
            elif key in STATEFUL and at_least(target, STATEFUL_MODELS.deprecated):
                self.report(node, f"`{key}`: stateful models in the Model Server are deprecated since "
                                  f"{STATEFUL_MODELS.deprecated}", deprecation=STATEFUL_MODELS)

    def _plugin_config(self, config) -> None:
        for name in sorted(config.members.keys() - PLUGIN_KEYS.keys() - PINNING_KEYS.keys()):
            key_node, value_node = config.members[name]
            legacy = lookup(name)
            if legacy is not None:
                instead = f"use `{legacy.new}`" if legacy.new else "no property replaces it"
                note = f" ({legacy.note})" if legacy.note else ""
                self.report((key_node.start, key_node.end), f"`{name}` is not an OpenVINO property any more: "
                                                            f"{instead}{note}", deprecation=API_1)
            elif name == "PERFORMANCE_HINT" and value_node.value == "UNDEFINED":
                self.report((value_node.start, value_node.end), f"`\"PERFORMANCE_HINT\": \"UNDEFINED\"` was removed in "
                                                                f"{UNDEFINED_MODE.removed}: use "
                                                                f"{UNDEFINED_MODE.replacement}",
                            deprecation=UNDEFINED_MODE)
        for name in PLUGIN_KEYS.keys() & config.members.keys():
            key_node, value_node = config.members[name]
            edits = [self.ctx.replace((key_node.start, key_node.end), json.dumps(PLUGIN_KEYS[name]))]
            if value_node.value in STREAM_VALUES:
                edits.append(self.ctx.replace((value_node.start, value_node.end),
                                              json.dumps(STREAM_VALUES[value_node.value])))
            self.report((key_node.start, key_node.end), f"`{name}` is an API 1.0 key: use `{PLUGIN_KEYS[name]}`",
                        self.make_fix(edits, f"Use {PLUGIN_KEYS[name]}", requires=CONFIG_KEYS.since), deprecation=API_1)
