"""OpenVINO Model Server `plugin_config` with "AFFINITY" or "CPU_BIND_THREAD"."""
from __future__ import annotations

import json

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, JsonRule, Valid
from ovlint.rules.cpu_pinning._pinning import AFFINITY, KEYS, SETS_EXACT, message, pinning


def _objects(node):
    yield node
    for child in node.items:
        yield from _objects(child)
    for _, value in node.members.values():
        yield from _objects(value)


class ModelServerAffinity(JsonRule):
    code = "OV303"
    name = "model-server-affinity"
    summary = f"`AFFINITY` in a Model Server `plugin_config` was removed in OpenVINO {AFFINITY.removed}"
    rationale = (
        "OpenVINO Model Server passes `plugin_config` to the device plugin, so the removed affinity keys "
        "fail model loading just as they do in code: `\"AFFINITY\": \"CORE\"` (or `CPU_BIND_THREAD: YES`) is "
        "`\"ENABLE_CPU_PINNING\": \"YES\"`, `NONE`/`NO` is `\"NO\"` (the strings every release reads); `HYBRID_AWARE` and `NUMA` get the "
        "closest setting with an unsafe fix."
    )
    fix = Applicability.SAFE
    safe_when = SETS_EXACT + " (HYBRID_AWARE and NUMA only have a closest one)"
    deprecation = AFFINITY
    needles = ("plugin_config",)
    examples = (
        Example('{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"AFFINITY": "NONE", "NUM_STREAMS": "2"}}}]}\n',
                '{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"ENABLE_CPU_PINNING": "NO", "NUM_STREAMS": "2"}}}]}\n',
                filename="config.json"),
        Example('{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"CPU_BIND_THREAD": "NUMA"}}}]}\n',
                '{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
                '  "plugin_config": {"ENABLE_CPU_PINNING": "NO"}}}]}\n',
                filename="config.json", unsafe=True),
    )
    valid = (Valid('{"plugin_config": {"ENABLE_CPU_PINNING": "True"}, "AFFINITY": "CORE"}\n', filename="config.json"),)

    def check_json(self, root) -> None:
        for node in _objects(root):
            config = node.get("plugin_config") if node.members else None
            if config is None or not config.members:
                continue
            present = sorted(config.members.keys() & (KEYS.keys() | {"ENABLE_CPU_PINNING"}))
            for key in sorted(KEYS.keys() & config.members.keys()):
                key_node, value_node = config.members[key]
                value = value_node.value if isinstance(value_node.value, str) else None
                found = pinning(value)
                fix = None
                others = [k for k in present if k != key]
                if found is not None and others:
                    # a second ENABLE_CPU_PINNING key would leave the server to pick one
                    self.report((key_node.start, key_node.end), message(key, str(value), found) + (
                        f" (not renamed: the same `plugin_config` also sets `{others[0]}`; keep one setting)"),
                        None, deprecation=KEYS[key])
                    continue
                if found is not None:
                    edits = [self.ctx.replace((key_node.start, key_node.end), '"ENABLE_CPU_PINNING"'),
                             self.ctx.replace((value_node.start, value_node.end), json.dumps(found.word))]
                    fix = self.make_fix(edits, "Use ENABLE_CPU_PINNING", unsafe=not found.exact)
                self.report((key_node.start, key_node.end), message(key, str(value), found), fix, deprecation=KEYS[key])
