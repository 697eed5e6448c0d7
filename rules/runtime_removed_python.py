"""Smaller Python API removals of 2025-2026: `Type.undefined`, `openvino.offline_transformations`,
and arithmetic operators on graph nodes."""
from __future__ import annotations

import re

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import argument
from ovlint.surfaces.python import assigned_value
from ovlint.rulekit.python_imports import dotted
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


class OfflineTransformations(PythonRule):
    code = "OV603"
    name = "offline-transformations"
    summary = "`openvino.offline_transformations` is gone: its functions are in the private `openvino._offline_transformations`"
    rationale = (
        "The public module became private (`openvino._offline_transformations`) with the 2023 namespace "
        "redesign. Its functions (`apply_low_latency_transformation`, `apply_make_stateful_transformation`, "
        "`apply_pruning_transformation`, `compress_model_transformation`...) are still there, but a private "
        "module can change in any release, so the rewrite is unsafe; `openvino.passes` and "
        "`ov.save_model(..., compress_to_fp16=...)` cover the common uses."
    )
    fix = Applicability.UNSAFE
    deprecated_in = "2023.1"
    removed_in = "2024.0"
    needles = ("openvino",)
    examples = (Example("from openvino.offline_transformations import apply_moc_transformations\n",
                        "from openvino._offline_transformations import apply_moc_transformations\n", unsafe=True),)
    valid = (Valid("from openvino._offline_transformations import apply_moc_transformations\n"),)

    def _module(self, node, name) -> None:
        for prefix in ("openvino.runtime.offline_transformations", "openvino.offline_transformations"):
            if dotted(name) == prefix or dotted(name).startswith(prefix + "."):
                new = "openvino._offline_transformations" + dotted(name)[len(prefix):]
                self.report(node, fix=self.make_fix(self.ctx.replace(name, new), "Use the private module",
                                                    unsafe=True))
                return

    def visit_ImportFrom(self, node) -> None:
        if node.module is not None and not node.relative:
            self._module(node, node.module)

    def visit_Import(self, node) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self._module(node, alias.name)


OPS = re.compile(r"^(?:openvino(?:\.runtime)?|ngraph)\.opset\d+\.\w+$")
OPERATORS = {"Add": "add", "Subtract": "subtract", "Multiply": "multiply", "Divide": "divide", "Power": "power"}


class NodeArithmetic(PythonRule):
    code = "OV604"
    name = "node-arithmetic"
    summary = "Arithmetic operators on graph nodes were removed in OpenVINO 2025.0"
    rationale = (
        "`node_a + node_b` (and `-`, `*`, `/`, `**`) on nodes built with `opsetN` functions used to create "
        "the matching operation; 2025.0 removed these overloads. Call the operation explicitly: "
        "`ops.add(a, b)`, `ops.subtract`, `ops.multiply`, `ops.divide`, `ops.power`."
    )
    deprecated_in = "2024.0"
    removed_in = "2025.0"
    needles = ("openvino", "ngraph")
    examples = (Example("import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\n"
                        "y = ops.relu(x) * ops.constant([2.0])\n"),)
    valid = (Valid("import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\n"
                   "y = ops.multiply(ops.relu(x), ops.constant([2.0]))\nscale = 2 * 3\n"),)

    def visit_BinaryOperation(self, node) -> None:
        op = OPERATORS.get(type(node.operator).__name__)
        if op and (self._is_node(node.left) or self._is_node(node.right)):
            self.report(node, f"{self.summary}: use `ops.{op}(a, b)`")

    def _is_node(self, expr, depth: int = 0) -> bool:
        """An opset call, or a name assigned once from one."""
        if isinstance(expr, cst.Call):
            return any(OPS.match(n) for n in self.ctx.qualified_names(expr.func))
        if isinstance(expr, cst.Name) and depth == 0:
            value = assigned_value(self.ctx, expr)
            return value is not None and self._is_node(value, 1)
        return False


POSTPONED_CONSTANT = {"openvino.utils.postponed_constant.PostponedConstant"}


def _required_positional(function, skip_self: bool) -> int:
    params = list(function.params.posonly_params) + list(function.params.params)
    if skip_self:
        params = params[1:]
    return sum(1 for p in params if p.default is None)


class PostponedConstantMaker(PythonRule):
    code = "OV605"
    name = "postponed-constant-maker"
    summary = "The `PostponedConstant` maker takes no argument and returns the tensor since OpenVINO 2026.0"
    rationale = (
        "`openvino.utils.postponed_constant.PostponedConstant(element_type, shape, maker, name)` came in "
        "2025.1 with a maker that fills the tensor it is given (`maker(tensor) -> None`). 2026.0 calls "
        "`maker()` and uses the tensor it returns, so a one-argument maker fails with \"missing 1 required "
        "positional argument\" when the model is saved. Create the tensor inside the maker, fill it, and "
        "return it. Makers ovlint can see (a lambda, a function or a class with `__call__` defined in the "
        "module) are checked; others are left alone."
    )
    deprecated_in = "2025.4"
    removed_in = "2026.0"
    applies_from = "2026.0"
    needles = ("PostponedConstant",)
    examples = (Example(
        "import openvino as ov\nfrom openvino.utils.postponed_constant import PostponedConstant\n\n\n"
        "def fill(tensor):\n    tensor.data[:] = 1.0\n\n\n"
        "weights = PostponedConstant(ov.Type.f32, ov.Shape([4]), fill, 'weights')\n"),)
    valid = (Valid(
        "import numpy as np\nimport openvino as ov\nfrom openvino.utils.postponed_constant import PostponedConstant\n\n\n"
        "def make():\n    return ov.Tensor(np.ones(4, np.float32))\n\n\n"
        "weights = PostponedConstant(ov.Type.f32, ov.Shape([4]), make, 'weights')\n"),
        Valid("from openvino.utils.postponed_constant import PostponedConstant\n\n"
              "weights = PostponedConstant(kind, shape, lambda t: t.data.fill(1))\n", target="2025.2"))

    def visit_Call(self, node) -> None:
        if not self.ctx.qualified_names(node.func) & POSTPONED_CONSTANT:
            return
        maker, kind, shape = (argument(node, 2, "maker"), argument(node, 0, "element_type"),
                              argument(node, 1, "shape"))
        if maker is None or not self._fills_its_argument(maker.value):
            return
        create = (f"`tensor = ov.Tensor({self.ctx.source(kind.value)}, {self.ctx.source(shape.value)})`"
                  if kind is not None and shape is not None else "`tensor = ov.Tensor(element_type, shape)`")
        self.report(maker.value, f"{self.summary}: inside the maker create the tensor ({create}), fill it, "
                                 "and `return tensor`")

    def _fills_its_argument(self, maker) -> bool:
        """A maker that takes one argument: `lambda t: ...`, a function, or an instance of a class
        whose `__call__` takes one."""
        if isinstance(maker, cst.Lambda):
            return _required_positional(maker, skip_self=False) == 1
        if isinstance(maker, cst.Call) and isinstance(maker.func, cst.Name):
            cls = self._definition(maker.func, cst.ClassDef)
            call = next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__call__"),
                        None) if cls is not None else None
            return call is not None and _required_positional(call, skip_self=True) == 1
        if isinstance(maker, cst.Name):
            function = self._definition(maker, cst.FunctionDef)
            return function is not None and _required_positional(function, skip_self=False) == 1
        return False

    def _definition(self, name, kind):
        """The one `def`/`class` statement `name` refers to, if that is its only binding."""
        scope = self.ctx.scope(name)
        if scope is None:
            return None
        bindings = [a.node for a in scope[name.value] if hasattr(a, "node")]
        return bindings[0] if len(bindings) == 1 and isinstance(bindings[0], kind) else None
