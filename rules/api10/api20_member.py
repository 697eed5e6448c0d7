"""API 2.0 objects used with attributes their class lacks in the target release."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import string_value
from ovlint.rulekit.rule import Example, Valid
from ovlint.rules.api10._api20 import former_members, inventory_for, members
from ovlint.rules.api10._plan import excerpt
from ovlint.rules.api10._base import API_1, BLOB, CORE, DATA, EXECUTABLE, NETWORK, REQUEST, Api10Rule
from ovlint.rules.api10._types import CONSTANT, INSTANCE, NODE, PARAMETER

# kinds of the type model -> their class in `openvino` (an API 1.0 object's: what the migration
# makes of it; a network's port dicts hold ports, `ov.Output`)
CLASSES = {CORE: "Core", NETWORK: "Model", EXECUTABLE: "CompiledModel", REQUEST: "InferRequest", NODE: "Node",
           CONSTANT: "op.Constant", PARAMETER: "op.Parameter", BLOB: "Tensor", DATA: "Output"}


# what API 2.0 offers for an attribute older code used: (class, attribute), or (None, attribute)
# for any class
INSTEAD = {
    ("InferRequest", "outputs"): "read `request.results` (keyed by output port, names work as subscripts) or "
                                 "`request.get_output_tensor(i).data`",
    ("InferRequest", "inputs"): "read `request.input_tensors` or `request.get_input_tensor(i).data`",
    ("Model", "batch_size"): "read the batch from an input's shape (`model.input(name).get_partial_shape()[0]`) "
                             "or `ov.get_batch(model)` once an input has a layout with `N`",
    ("CompiledModel", "requests"): "create requests with `compiled_model.create_infer_request()` and keep them",
    ("Output", "precision"): "read `port.get_element_type()`",
    ("Output", "layout"): "read `ov.layout_helpers.get_layout(port)`",
    ("Output", "name"): "read `port.get_any_name()` (a tensor name) or `port.get_node().get_friendly_name()`",
    ("Tensor", "buffer"): "read `tensor.data`",
    ("Tensor", "tensor_desc"): "read `tensor.get_element_type()` and `tensor.shape`",
    (None, "name"): "read `get_friendly_name()`",
}


class Api20Member(Api10Rule):
    code = "OV109"
    name = "api20-member"
    summary = "This attribute does not exist on the API 2.0 class in the target release"
    fix = None
    safe_when = None
    rationale = (
        "Code migrated by hand, or half migrated, often keeps an API 1.0 habit on an API 2.0 object: "
        "`model.batch_size`, `compiled.requests`, `output.precision`. Those fail with an AttributeError at "
        f"run time (API 1.0 was removed in OpenVINO {API_1.removed}). ovlint follows `ov.Core`, `ov.Model`, "
        "`ov.CompiledModel` and `ov.InferRequest` objects through the module and checks each attribute "
        "used on them against the class as the target release's wheel defines it (the inventory in "
        "`rules/api10/inventory/`), so what a migration left behind stays reported until a person "
        "resolves it. Checked are the attributes older code can have used: those of the API 1.0 or nGraph "
        "class the API 2.0 class took over, and the class's own in earlier releases (a name no release "
        "ever had is a typo, not a migration). The same check covers API 1.0 objects: an attribute no rule rewrites and that the "
        "API 2.0 class the object becomes lacks (`ie.unregister_plugin`, `data.initialized`) is reported "
        "without a fix, so it holds back the migration of its part of the module instead of being left "
        "behind. Attributes the program sets itself or asks about (`hasattr`), and objects known only from an annotation naming an "
        "API 2.0 class (the program may hand in another class), are not checked. Asked of an API 1.0 object, "
        "`hasattr(request, \"output_blobs\")` or `getattr(...)` of such an attribute is reported: its answer changes "
        "with the migration, so it holds back its part of the module for a person to rewrite."
    )
    examples = (
        Example("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\nprint(model.batch_size)\n",
                message=("`model.batch_size`: `openvino.Model` has no attribute `batch_size` in OpenVINO 2026.4.1; "
                         "instead read the batch from an input's shape (`model.input(name).get_partial_shape()[0]`) "
                         "or `ov.get_batch(model)` once an input has a layout with `N`")),
    )
    valid = (
        Valid("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\nprint(model.get_ordered_ops())\n"),
        Valid("import openvino as ov\n\ncompiled = ov.Core().compile_model(\"m.xml\")\ncompiled.tag = \"a\"\n"),
        Valid("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\n"
              "size = model.batch_size if hasattr(model, \"batch_size\") else 1\n"),
    )

    def visit_Module(self, node) -> None:
        self._candidates = []
        self._probes = []  # (call, attribute, class): `hasattr`/`getattr` of an API 1.0 object's attribute
        self._set = set()  # attributes the program sets on objects, or asks whether they have
        self.plan.late_check(self._report)

    def visit_Call(self, node) -> None:
        """`hasattr(obj, "name")`: code that asks tolerates a class without the attribute. Asked of
        an API 1.0 object, the answer changes with the migration."""
        function = node.func.value if isinstance(node.func, cst.Name) else None
        if function not in ("hasattr", "getattr") or len(node.args) < 2 or any(a.keyword or a.star for a in node.args):
            return
        name = string_value(node.args[1].value)
        if name is None:
            return
        if function == "hasattr":
            self._set.add(name)
        owner = self.types.of(node.args[0].value)
        if owner is not None and owner.legacy and owner.kind in CLASSES:
            self._probes.append((node, name, CLASSES[owner.kind]))

    def visit_Attribute(self, node) -> None:
        attribute = node.attr.value
        if self._assigned(node):
            owner = self.types.of(node.value)
            if owner is None or owner.kind != INSTANCE:  # not an attribute of the program's own objects
                self._set.add(attribute)
            return
        if attribute.startswith("__") or not self.may_concern(attribute):
            return
        owner = self.types.of(node.value)
        # an annotation naming an API 2.0 class may be wrong (the program hands in another); one
        # naming an API 1.0 class says what the migration turns the object into
        if owner is not None and owner.kind in CLASSES and (owner.legacy or not owner.declared):
            self._candidates.append((node, CLASSES[owner.kind], owner.legacy))

    def _assigned(self, node) -> bool:
        parent = self.ctx.parent(node)
        return isinstance(parent, (cst.AssignTarget, cst.Del)) or (
            isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node)

    def _report(self, covered) -> None:
        release = inventory_for(self.ctx.target_version)
        if release is None:
            return
        # only with every rule of the family can it tell that no rule rewrites an API 1.0 use
        complete = self.fix_group in self.ctx.complete_fix_groups
        if complete:
            for call, attribute, cls in self._probes:
                known = members(release, cls)
                if known is not None and attribute not in known and attribute in former_members(cls):
                    self.propose(call, f"`{excerpt(self.ctx, call)}` asks an API 1.0 object for `{attribute}`: it becomes "
                                       f"an `openvino.{cls}`, which has no attribute `{attribute}` in OpenVINO {release}, "
                                       "so after the migration the answer changes (no attribute): rewrite what depends "
                                       "on it by hand")
        for node, cls, legacy in self._candidates:
            known = members(release, cls)
            attribute = node.attr.value
            if (known is None or attribute in known or attribute in self._set or covered(node.attr)
                    or (legacy and not complete) or (not legacy and attribute not in former_members(cls))):
                continue
            use = f"`{excerpt(self.ctx, node.value)}.{attribute}`"
            howto = INSTEAD.get((cls, attribute)) or INSTEAD.get((None, attribute))
            instead = f"; instead {howto}" if howto else ""
            if legacy:
                self.propose(node.attr, f"{use}: API 1.0's object becomes an `openvino.{cls}`, which has no attribute "
                                        f"`{attribute}` in OpenVINO {release}, and no rule rewrites it{instead}")
            else:
                self.propose(node.attr, f"{use}: `openvino.{cls}` has no attribute `{attribute}` in OpenVINO "
                                        f"{release}{instead}")
