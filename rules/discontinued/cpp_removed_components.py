"""C++ uses of removed components: `PerformanceMode::UNDEFINED`, GNA, `element::undefined`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._native import names, span
from ovlint.rules.discontinued._devices import REMOVED_DEVICES, removed_devices
from ovlint.base.versions import at_least


# where `LSTMSequence` names the opset1 operation that 2025.0 removed
LSTM_V0_NAMESPACES = {"v0", "opset1", "opset2", "opset3"}


class RemovedComponentsCpp(NativeRule):
    code = "OV507"
    name = "cpp-removed-components"
    summary = "This C++ API was removed"
    rationale = (
        "`ov::hint::PerformanceMode::UNDEFINED` went in 2024.0 (choose LATENCY, THROUGHPUT or "
        "CUMULATIVE_THROUGHPUT, or omit the hint), the GNA plugin and `ov::intel_gna` properties in 2024.0, "
        "MYRIAD and HDDL in 2023.0; `ov::op::v0::LSTMSequence` (also as `ov::opset1`-`opset3::LSTMSequence`) "
        "in 2025.0, for `ov::op::v5::LSTMSequence`, which has no peephole input and no `weights_format` or "
        "`input_forget` parameters; `ov::element::undefined` was removed in 2026.0 and is "
        "`ov::element::dynamic` (fixed in place)."
    )
    fix = Applicability.SAFE
    deprecated_in = "2023.0"
    removed_in = "2026.0"
    needles = ("PerformanceMode::UNDEFINED", "intel_gna", "::undefined", "MYRIAD", "HDDL", '"GNA', ":GNA",
               "LSTMSequence")
    examples = (
        Example("auto t = ov::element::undefined;\n", "auto t = ov::element::dynamic;\n", filename="a.cpp"),
        Example("core.set_property(ov::hint::performance_mode(ov::hint::PerformanceMode::UNDEFINED));\n",
                filename="a.cpp"),
        Example("auto compiled = core.compile_model(model, \"MYRIAD\");\n", filename="a.cpp"),
        Example("auto lstm = std::make_shared<ov::opset3::LSTMSequence>(x, h, c, lens, w, r, b, p, 128, dir);\n",
                filename="a.cpp"),
    )
    valid = (Valid("auto t = ov::element::dynamic;\nconst char* d = \"CPU\"; // not MYRIAD\n"
                   "auto lstm = std::make_shared<ov::op::v5::LSTMSequence>(x, h, c, lens, w, r, b, 128, dir);\n",
                   filename="a.cpp"),)

    def check_native(self, unit) -> None:
        for first, parts, past in names(unit):
            where = span(unit, first, past)
            if parts[:1] == ["ov"] and parts[-2:] in (["element", "undefined"], ["Type_t", "undefined"]):
                last = unit.code[past - 1]
                self.report(where, "`element::undefined` was removed in 2026.0: use `element::dynamic`",
                            self.make_fix(self.ctx.replace((last.start, last.end), "dynamic"), "Use `dynamic`"))
            elif parts[-2:] == ["PerformanceMode", "UNDEFINED"]:
                self.report(where, "`PerformanceMode::UNDEFINED` was removed in 2024.0: use LATENCY, THROUGHPUT or "
                                   "CUMULATIVE_THROUGHPUT, or omit the hint")
            elif parts[-1] == "LSTMSequence" and parts[:1] == ["ov"] and parts[-2] in LSTM_V0_NAMESPACES \
                    and at_least(self.ctx.target_version, "2025.0"):
                self.report(where, "`ov::op::v0::LSTMSequence` was removed in 2025.0: use `ov::op::v5::LSTMSequence`, "
                                   "which has no peephole input `P` and no `weights_format` or `input_forget` "
                                   "parameters (check the gate order of `W`, `R` and `B`)")
            elif parts[:2] == ["ov", "intel_gna"]:
                self.report(where, "`ov::intel_gna` properties went with the GNA plugin (removed in 2024.0)")
        for token in unit.code:
            if token.kind == "string" and token.text.startswith('"'):
                found = removed_devices(token.text[1:-1])
                if found:
                    devices = ", ".join(f"{d} (removed in {REMOVED_DEVICES[d]})" for d in found)
                    self.report((token.start, token.end), f"This device plugin was removed: {devices}; use CPU, GPU or NPU")
