"""`Type.undefined`, removed in favour of `Type.dynamic`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

UNDEFINED = {"openvino.Type.undefined", "openvino.runtime.Type.undefined"}


UNDEFINED_TYPE = DEPRECATIONS["type-undefined"]


class TypeUndefined(PythonRule):
    code = "OV602"
    name = "type-undefined"
    summary = f"`Type.undefined` was removed in OpenVINO {UNDEFINED_TYPE.removed}: use `Type.dynamic`"
    rationale = (
        f"`openvino.Type.undefined` was deprecated in {UNDEFINED_TYPE.deprecated} and removed in "
        f"{UNDEFINED_TYPE.removed}; `Type.dynamic` is the element type that is not known yet. From "
        f"{UNDEFINED_TYPE.since} `undefined` is another name of `dynamic`; in older releases they are two types "
        "(`Type.undefined != Type.dynamic`, and only `dynamic` says it is dynamic), so the fix is withheld where the "
        f"project pins a release before {UNDEFINED_TYPE.since}."
    )
    fix = Applicability.SAFE
    deprecation = UNDEFINED_TYPE
    needles = (r"\bundefined\b",)
    context_needles = ("openvino",)
    examples = (Example("import openvino as ov\n\nkind = ov.Type.undefined\n",
                        "import openvino as ov\n\nkind = ov.Type.dynamic\n"),)
    valid = (Valid("import openvino as ov\n\nkind = ov.Type.dynamic\nundefined = None\n"),)

    def visit_Attribute(self, node) -> None:
        if node.attr.value == "undefined" and self.ctx.qualified_names(node) & UNDEFINED:
            self.report(node, fix=self.make_fix(self.ctx.replace(node.attr, "dynamic"), "Use `Type.dynamic`"))
