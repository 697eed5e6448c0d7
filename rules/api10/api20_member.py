"""API 2.0 objects used with attributes their class lacks in the target release."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rules.api10._api20 import inventory_for, members
from ovlint.rules.api10._base import API_1, CORE, EXECUTABLE, NETWORK, REQUEST, Api10Rule

# kinds of the type model -> their class in `openvino`
CLASSES = {CORE: "Core", NETWORK: "Model", EXECUTABLE: "CompiledModel", REQUEST: "InferRequest"}


class Api20Member(Api10Rule):
    code = "OV109"
    name = "api20-member"
    summary = "This attribute does not exist on the API 2.0 class in the target release"
    fix = None
    safe_when = None
    rationale = (
        "Code migrated by hand, or half migrated, often keeps an API 1.0 habit on an API 2.0 object: "
        "`model.layers`, `compiled.requests`, `request.latency_ms`. Those fail with an AttributeError at "
        f"run time (API 1.0 was removed in OpenVINO {API_1.removed}). ovlint follows `ov.Core`, `ov.Model`, "
        "`ov.CompiledModel` and `ov.InferRequest` objects through the module and checks each attribute "
        "used on them against the class as the target release's wheel defines it (the inventory in "
        "`rules/api10/inventory/`), so what a migration left behind stays reported until a person "
        "resolves it. Attributes the program sets itself, and objects known only from an annotation "
        "(the program may hand in another class), are not checked."
    )
    examples = (
        Example("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\nfor layer in model.layers:\n"
                "    print(layer)\n",
                message="`model.layers`: `openvino.Model` has no attribute `layers` in OpenVINO 2026.4.1"),
    )
    valid = (
        Valid("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\nprint(model.get_ordered_ops())\n"),
        Valid("import openvino as ov\n\ncompiled = ov.Core().compile_model(\"m.xml\")\ncompiled.tag = \"a\"\n"),
    )

    def visit_Module(self, node) -> None:
        self._candidates = []
        self.plan.late_check(self._report)

    def visit_Attribute(self, node) -> None:
        attribute = node.attr.value
        if attribute.startswith("__") or self._assigned(node):
            return
        owner = self.types.of(node.value)
        if owner is not None and not owner.legacy and not owner.declared and owner.kind in CLASSES:
            self._candidates.append((node, CLASSES[owner.kind]))

    def _assigned(self, node) -> bool:
        parent = self.ctx.parent(node)
        return isinstance(parent, (cst.AssignTarget, cst.Del)) or (
            isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node)

    def _report(self, covered) -> None:
        release = inventory_for(self.ctx.target_version)
        if release is None:
            return
        for node, cls in self._candidates:
            known = members(release, cls)
            if known is not None and node.attr.value not in known and not covered(node):
                self.propose(node.attr, f"`{self.ctx.source(node.value)}.{node.attr.value}`: `openvino.{cls}` has no "
                                        f"attribute `{node.attr.value}` in OpenVINO {release}")
