"""`Type.undefined`, removed in favour of `Type.dynamic`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, PythonRule, Valid

UNDEFINED = {"openvino.Type.undefined", "openvino.runtime.Type.undefined"}


class TypeUndefined(PythonRule):
    code = "OV602"
    name = "type-undefined"
    summary = "`Type.undefined` was removed in OpenVINO 2026.0: use `Type.dynamic`"
    rationale = (
        "`openvino.Type.undefined` was deprecated in 2025.1 and removed in 2026.0; `Type.dynamic` is the "
        "element type that is not known yet, and it exists in every release."
    )
    fix = Applicability.SAFE
    deprecated_in = "2025.1"
    removed_in = "2026.0"
    needles = ("openvino",)
    examples = (Example("import openvino as ov\n\nkind = ov.Type.undefined\n",
                        "import openvino as ov\n\nkind = ov.Type.dynamic\n"),)
    valid = (Valid("import openvino as ov\n\nkind = ov.Type.dynamic\nundefined = None\n"),)

    def visit_Attribute(self, node) -> None:
        if node.attr.value == "undefined" and self.ctx.qualified_names(node) & UNDEFINED:
            self.report(node, fix=self.make_fix(self.ctx.replace(node.attr, "dynamic"), "Use `Type.dynamic`"))
