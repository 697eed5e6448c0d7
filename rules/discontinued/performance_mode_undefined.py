"""`PerformanceMode.UNDEFINED` in Python code."""
from __future__ import annotations

from ovlint.rulekit.property_settings import settings
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

UNDEFINED = DEPRECATIONS["performance-mode-undefined"]

UNDEFINED_MODES = {f"{m}.properties.hint.PerformanceMode.UNDEFINED" for m in ("openvino", "openvino.runtime")}


class PerformanceModeUndefined(PythonRule):
    code = "OV502"
    name = "performance-mode-undefined"
    summary = f"`PerformanceMode.UNDEFINED` was removed in OpenVINO {UNDEFINED.removed}"
    rationale = (
        "The performance hint has no 'undefined' value any more: choose `LATENCY`, `THROUGHPUT` or "
        "`CUMULATIVE_THROUGHPUT`, or leave the hint out to get the device default. There is no "
        "mechanical rewrite, because which mode the code wanted is a decision."
    )
    deprecation = UNDEFINED
    needles = ("UNDEFINED",)
    context_needles = ("openvino",)
    examples = (
        Example("import openvino.properties.hint as hints\n\nconfig = {hints.performance_mode: "
                "hints.PerformanceMode.UNDEFINED}\n",
                message=("`PerformanceMode.UNDEFINED` was removed in OpenVINO 2024.0: use LATENCY, "
                         "THROUGHPUT or CUMULATIVE_THROUGHPUT, or omit the hint")),
        Example("import openvino as ov\n\nov.Core().compile_model('m.xml', 'CPU', {'PERFORMANCE_HINT': 'UNDEFINED'})\n",
                message=('`PerformanceMode.UNDEFINED` was removed in OpenVINO 2024.0: use "LATENCY", '
                         '"THROUGHPUT" or "CUMULATIVE_THROUGHPUT", or omit the key')),
    )
    valid = (Valid("import openvino.properties.hint as hints\n\nmode = hints.PerformanceMode.LATENCY\n"),)

    def visit_Attribute(self, node) -> None:
        if node.attr.value == "UNDEFINED" and self.ctx.qualified_names(node) & UNDEFINED_MODES:
            self.report(node, self.summary + ": use LATENCY, THROUGHPUT or CUMULATIVE_THROUGHPUT, or omit the hint")

    def visit_Module(self, node) -> None:
        for setting in settings(self.ctx):
            if setting.key == "PERFORMANCE_HINT" and setting.value_string == "UNDEFINED":
                self.report(setting.key_node, self.summary + ": use \"LATENCY\", \"THROUGHPUT\" or "
                                                             "\"CUMULATIVE_THROUGHPUT\", or omit the key")
