"""Smaller Python API removals of 2025-2026: `Type.undefined`, `openvino.offline_transformations`,
and arithmetic operators on graph nodes."""
from __future__ import annotations

import re

from ovlint.diagnostics import Applicability
from ovlint.lazy import cst
from ovlint.python_edits import assigned_value
from ovlint.python_imports import dotted
from ovlint.rule import Example, PythonRule, Valid

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
