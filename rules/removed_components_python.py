"""Python code that selects removed components: `PerformanceMode.UNDEFINED`, and the GNA, MYRIAD
and HDDL devices."""
from __future__ import annotations

import re

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import string_value
from ovlint.rulekit.rule import Example, PythonRule, Valid

UNDEFINED_MODES = {f"{m}.properties.hint.PerformanceMode.UNDEFINED" for m in ("openvino", "openvino.runtime")}
DEVICE_CALLS = {"compile_model", "load_network", "set_property", "get_property", "set_config", "get_config",
                "get_metric", "query_model", "query_network", "import_model", "import_network", "get_versions"}
REMOVED_DEVICES = {"MYRIAD": "2023.0", "HDDL": "2023.0", "GNA": "2024.0"}
GNA_KEY = re.compile(r"^GNA_[A-Z0-9]")  # a GNA setting (`GNA_DEVICE_MODE`), not the bare prefix
DEVICE = re.compile(r"^(?:(?:HETERO|MULTI|AUTO|BATCH):)?[A-Z0-9_.,:()-]+$")


def removed_devices(text: str) -> list[str]:
    if not DEVICE.match(text):
        return []
    return [d for d in REMOVED_DEVICES if re.search(rf"(?:^|[:,]){d}(?:\.\d+)?(?:\(\d+\))?(?:$|,)", text)]


class PerformanceModeUndefined(PythonRule):
    code = "OV502"
    name = "performance-mode-undefined"
    summary = "`PerformanceMode.UNDEFINED` was removed in OpenVINO 2024.0"
    rationale = (
        "The performance hint has no 'undefined' value any more: choose `LATENCY`, `THROUGHPUT` or "
        "`CUMULATIVE_THROUGHPUT`, or leave the hint out to get the device default. There is no "
        "mechanical rewrite, because which mode the code wanted is a decision."
    )
    deprecated_in = "2023.0"
    removed_in = "2024.0"
    needles = ("openvino",)
    examples = (
        Example("import openvino.properties.hint as hints\n\nconfig = {hints.performance_mode: "
                "hints.PerformanceMode.UNDEFINED}\n"),
        Example("import openvino as ov\n\nov.Core().compile_model('m.xml', 'CPU', {'PERFORMANCE_HINT': 'UNDEFINED'})\n"),
    )
    valid = (Valid("import openvino.properties.hint as hints\n\nmode = hints.PerformanceMode.LATENCY\n"),)

    def visit_Attribute(self, node) -> None:
        if node.attr.value == "UNDEFINED" and self.ctx.qualified_names(node) & UNDEFINED_MODES:
            self.report(node, self.summary + ": use LATENCY, THROUGHPUT or CUMULATIVE_THROUGHPUT, or omit the hint")

    def visit_DictElement(self, node) -> None:
        if string_value(node.key) == "PERFORMANCE_HINT" and string_value(node.value) == "UNDEFINED":
            self.report(node, self.summary + ": use \"LATENCY\", \"THROUGHPUT\" or \"CUMULATIVE_THROUGHPUT\", or omit the key")


class RemovedDevice(PythonRule):
    code = "OV503"
    name = "removed-device"
    summary = "This device plugin was removed"
    rationale = (
        "The MYRIAD (Neural Compute Stick 2) and HDDL (Vision Accelerator) plugins were removed in 2023.0 "
        "and the GNA plugin in 2024.0 (with its `GNA_*` keys and `intel_gna` properties). A device string "
        "naming one of them, also inside `HETERO:`, `MULTI:` or `AUTO:`, fails on current releases: run on "
        "`CPU`, `GPU` or `NPU`, or stay on the last release with the plugin (2022.3 LTS for MYRIAD and HDDL, "
        "2023.3 LTS for GNA)."
    )
    deprecated_in = "2023.0"
    removed_in = "2024.0"
    needles = ("openvino",)
    examples = (
        Example("import openvino as ov\n\ncompiled = ov.Core().compile_model('m.xml', 'MYRIAD')\n"),
        Example("import openvino.properties as props\n\nmode = props.intel_gna.execution_mode\n"),
        Example("import openvino as ov\n\nov.Core().compile_model(model, device_name='HETERO:GNA,CPU')\n"),
        Example("import openvino as ov\n\nconfig = {'GNA_DEVICE_MODE': 'GNA_SW_EXACT'}\n"),
    )
    valid = (
        Valid("import openvino as ov\n\nov.Core().compile_model('m.xml', 'AUTO:GPU,CPU')\nprint('MYRIAD')\n"),
        Valid("import openvino as ov\n\nPREFIXES = {'GNA_': 'keys of the removed GNA plugin'}\n"),
    )

    def visit_Attribute(self, node) -> None:
        """`props.intel_gna.*`: the properties of the removed GNA plugin."""
        names = self.ctx.qualified_names(node)
        if node.attr.value == "intel_gna" and any(n.endswith("properties.intel_gna") for n in names):
            self.report(node, f"{self.summary}: GNA (removed in 2024.0) and its `intel_gna` properties; "
                              "use CPU, GPU or NPU")

    def visit_DictElement(self, node) -> None:
        key = string_value(node.key)
        if key and GNA_KEY.match(key) and "openvino" in self.ctx.text:
            self.report(node.key, f"{self.summary}: `{key}` configures GNA (removed in 2024.0)")

    def visit_Call(self, node) -> None:
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in DEVICE_CALLS):
            return
        for arg in node.args:
            text = string_value(arg.value)
            found = removed_devices(text) if text else []
            if found:
                names = ", ".join(f"{d} (removed in {REMOVED_DEVICES[d]})" for d in found)
                self.report(arg.value, f"{self.summary}: {names}; use CPU, GPU or NPU")
