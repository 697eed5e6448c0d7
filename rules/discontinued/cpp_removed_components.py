"""C++ uses of removed components: `PerformanceMode::UNDEFINED`, GNA, `element::undefined`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules._native import names, span
from ovlint.rules.discontinued._devices import REMOVED_DEVICES, describe, removed_devices

UNDEFINED_MODE, GNA, LSTM_V0, ELEMENT_UNDEFINED = (
    DEPRECATIONS[k] for k in ("performance-mode-undefined", "gna", "lstm-sequence-v0", "element-undefined"))
# where `LSTMSequence` names the opset1 operation that `LSTM_V0.removed` removed
LSTM_V0_NAMESPACES = {"v0", "opset1", "opset2", "opset3"}


class RemovedComponentsCpp(NativeRule):
    code = "OV507"
    name = "cpp-removed-components"
    summary = "This C++ API was removed"
    rationale = (
        f"`ov::hint::PerformanceMode::UNDEFINED` went in {UNDEFINED_MODE.removed} (choose LATENCY, THROUGHPUT or "
        f"CUMULATIVE_THROUGHPUT, or omit the hint), the GNA plugin and `ov::intel_gna` properties in {GNA.removed}, "
        f"MYRIAD and HDDL in {REMOVED_DEVICES['MYRIAD'].removed}; `ov::op::v0::LSTMSequence` (also as "
        f"`ov::opset1`-`opset3::LSTMSequence`) in {LSTM_V0.removed}, for `ov::op::v5::LSTMSequence`, which has "
        "no peephole input and no `weights_format` or `input_forget` parameters; `ov::element::undefined` was "
        f"removed in {ELEMENT_UNDEFINED.removed} and is "
        f"`ov::element::dynamic` (fixed in place where the project pins {ELEMENT_UNDEFINED.since} or newer: before, "
        "the two are different types)."
    )
    fix = Applicability.SAFE
    deprecated_in = UNDEFINED_MODE.deprecated
    removed_in = ELEMENT_UNDEFINED.removed
    needles = ("PerformanceMode::UNDEFINED", "intel_gna", "::undefined", "MYRIAD", "HDDL", '"GNA', ":GNA",
               "LSTMSequence")
    examples = (
        Example("auto t = ov::element::undefined;\n", "auto t = ov::element::dynamic;\n", filename="a.cpp"),
        Example("core.set_property(ov::hint::performance_mode(ov::hint::PerformanceMode::UNDEFINED));\n",
                filename="a.cpp",
                message=("`PerformanceMode::UNDEFINED` was removed in 2024.0: use LATENCY, THROUGHPUT or "
                         "CUMULATIVE_THROUGHPUT, or omit the hint")),
        Example("auto compiled = core.compile_model(model, \"MYRIAD\");\n", filename="a.cpp",
                message=("This device plugin was removed: MYRIAD (removed in 2023.0); use CPU, GPU or NPU")),
        Example("auto lstm = std::make_shared<ov::opset3::LSTMSequence>(x, h, c, lens, w, r, b, p, 128, dir);\n",
                filename="a.cpp",
                message=("`ov::op::v0::LSTMSequence` was removed in 2025.0: use `ov::op::v5::LSTMSequence`, "
                         "which has no peephole input `P` and no `weights_format` or `input_forget` "
                         "parameters (check the gate order of `W`, `R` and `B`)")),
    )
    valid = (Valid("auto t = ov::element::dynamic;\nconst char* d = \"CPU\"; // not MYRIAD\n"
                   "auto lstm = std::make_shared<ov::op::v5::LSTMSequence>(x, h, c, lens, w, r, b, 128, dir);\n",
                   filename="a.cpp"),
             # a device the program tells apart to skip it
             Valid("for (auto d : core.get_available_devices()) {\n    if (d.find(\"GNA\") != std::string::npos) continue;\n"
                   "    if (d == \"MYRIAD\") continue;\n}\n", filename="a.cpp"))

    def check_native(self, unit) -> None:
        for first, parts, past in names(unit):
            where = span(unit, first, past)
            if parts[:1] == ["ov"] and parts[-2:] in (["element", "undefined"], ["Type_t", "undefined"]):
                last = unit.code[past - 1]
                self.report(where, f"`element::undefined` was removed in {ELEMENT_UNDEFINED.removed}: use "
                                   "`element::dynamic`",
                            self.make_fix(self.ctx.replace((last.start, last.end), "dynamic"), "Use `dynamic`",
                                          requires=ELEMENT_UNDEFINED.since),
                            deprecation=ELEMENT_UNDEFINED)
            elif parts[-2:] == ["PerformanceMode", "UNDEFINED"]:
                self.report(where, f"`PerformanceMode::UNDEFINED` was removed in {UNDEFINED_MODE.removed}: use "
                                   "LATENCY, THROUGHPUT or CUMULATIVE_THROUGHPUT, or omit the hint",
                            deprecation=UNDEFINED_MODE)
            elif parts[-1] == "LSTMSequence" and parts[:1] == ["ov"] and parts[-2] in LSTM_V0_NAMESPACES \
                    and at_least(self.ctx.target_version, LSTM_V0.removed):
                self.report(where, f"`ov::op::v0::LSTMSequence` was removed in {LSTM_V0.removed}: use "
                                   "`ov::op::v5::LSTMSequence`, which has no peephole input `P` and no "
                                   "`weights_format` or `input_forget` parameters (check the gate order of `W`, `R` "
                                   "and `B`)", deprecation=LSTM_V0)
            elif parts[:2] == ["ov", "intel_gna"]:
                self.report(where, f"`ov::intel_gna` properties went with the GNA plugin (removed in {GNA.removed})",
                            deprecation=GNA)
        code = unit.code
        for index, token in enumerate(code):
            if token.kind == "string" and token.text.startswith('"') and not _compared(code, index):
                found = removed_devices(token.text[1:-1])
                if found:
                    self.report((token.start, token.end), f"This device plugin was removed: {describe(found)}; use "
                                                         "CPU, GPU or NPU", deprecation=REMOVED_DEVICES[found[0]])


# what a device list is searched with: a name compared there is one the program tells apart (and
# skips), not one it selects
_SEARCHES = {"find", "rfind", "compare", "starts_with", "ends_with", "count", "contains", "find_first_of"}


def _compared(code: list, index: int) -> bool:
    """Whether the string token at `index` is compared (`d == "GNA"`, `d.find("GNA")`)."""
    # the tokens are single characters: `==` is two of them
    before = "".join(t.text for t in code[max(index - 2, 0):index])
    after = "".join(t.text for t in code[index + 1:index + 3])
    if before in ("==", "!=") or after in ("==", "!="):
        return True
    return index > 1 and code[index - 1].text == "(" and code[index - 2].text in _SEARCHES
