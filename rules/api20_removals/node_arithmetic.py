"""Arithmetic operators on graph nodes."""
from __future__ import annotations

import re

from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.surfaces.python import assigned_value

OPS = re.compile(r"^(?:openvino(?:\.runtime)?|ngraph)\.opset\d+\.\w+$")
ARITHMETIC = DEPRECATIONS["node-arithmetic"]
OPERATORS = {"Add": "add", "Subtract": "subtract", "Multiply": "multiply", "Divide": "divide", "Power": "power"}


class NodeArithmetic(PythonRule):
    code = "OV604"
    name = "node-arithmetic"
    summary = f"Arithmetic operators on graph nodes were removed in OpenVINO {ARITHMETIC.removed}"
    rationale = (
        "`node_a + node_b` (and `-`, `*`, `/`, `**`) on nodes built with `opsetN` functions used to create "
        f"the matching operation; {ARITHMETIC.removed} removed these overloads. Call the operation explicitly: "
        "`ops.add(a, b)`, `ops.subtract`, `ops.multiply`, `ops.divide`, `ops.power`."
    )
    deprecation = ARITHMETIC
    needles = (r"\bopset",)
    context_needles = ("openvino", "ngraph")
    examples = (Example("import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\n"
                        "y = ops.relu(x) * ops.constant([2.0])\n",
                        message=("Arithmetic operators on graph nodes were removed in OpenVINO 2025.0: use "
                                 "`ops.multiply(a, b)`")),)
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
