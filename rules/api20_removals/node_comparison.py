"""Comparison operators on graph nodes."""
from __future__ import annotations

import re
from typing import Optional

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.surfaces.python import assigned_value

OPS = re.compile(r"^(?:openvino(?:\.runtime)?|ngraph)\.opset\d+\.\w+$")
COMPARISON = DEPRECATIONS["node-comparison"]
# comparison operators -> the opset function that made the node
OPERATIONS = {"Equal": "equal", "NotEqual": "not_equal", "LessThan": "less", "LessThanEqual": "less_equal",
              "GreaterThan": "greater", "GreaterThanEqual": "greater_equal"}
# where a comparison's value is only tested for truth (as these statements' or expressions' test,
# in `and`/`or`, under `not`): there the old node was always true
_TESTED = (cst.If, cst.While, cst.Assert, cst.IfExp, cst.CompIf)


class NodeComparison(PythonRule):
    code = "OV604"
    name = "node-comparison"
    summary = f"Comparison operators on graph nodes were removed in OpenVINO {COMPARISON.removed}"
    rationale = (
        "`node_a == node_b` (and `!=`, `<`, `<=`, `>`, `>=`) on nodes built with `opsetN` functions used to "
        f"create the matching operation (`Equal`, `Less`, ...); {COMPARISON.deprecated} deprecated these overloads "
        f"and {COMPARISON.removed} removed them. Since then `<`, `<=`, `>` and `>=` raise TypeError, and `==` "
        "and `!=` compare the Python objects and return a bool, so graph-building code goes on silently "
        "with a bool where a node was. The fix calls the operation through the opset module the nodes come "
        "from (`ops.equal(a, b)`, `ops.less(a, b)`, ...), whose values are the old node's (where Python "
        "asked the right operand first, a Constant on the right, the old overload built the mirrored "
        "operation, `b <= a` for `a >= b`: the same values). Arithmetic operators (`+`, `-`, `*`, `/`) still "
        "make `Add`, `Subtract`, `Multiply` and `Divide` nodes and are left alone. A comparison whose result "
        "is only tested for truth (`if a == b:`) got an always-true node from the old overload, so the code "
        "most likely meant to compare the objects: that fix is unsafe."
    )
    deprecation = COMPARISON
    fix = Applicability.SAFE
    safe_when = "the comparison's result is used as a node, not only tested for truth"
    needles = (r"\bopset",)
    context_needles = ("openvino", "ngraph")
    examples = (
        Example("import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\n"
                "mask = ops.relu(x) >= ops.constant([0.5])\n",
                "import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\n"
                "mask = ops.greater_equal(ops.relu(x), ops.constant([0.5]))\n"),
        Example("import openvino.runtime.opset8 as ov8\n\n\ndef check(a, b):\n    if ov8.relu(a) == b:\n        return 1\n",
                "import openvino.runtime.opset8 as ov8\n\n\ndef check(a, b):\n    if ov8.equal(ov8.relu(a), b):\n"
                "        return 1\n", unsafe=True,
                message=("Comparison operators on graph nodes were removed in OpenVINO 2025.0: `==` now compares the "
                         "Python objects, which is most likely what this test meant (the old operator made a node, "
                         "always true here): keep it and mark the line `# noqa: OV604`; `ov8.equal(a, b)` keeps the "
                         "old always-true result")),
        Example("import openvino as ov\n\n\ndef build(x):\n    return ov.opset13.relu(x) < x\n",
                "import openvino as ov\n\n\ndef build(x):\n    return ov.opset13.less(ov.opset13.relu(x), x)\n"),
    )
    valid = (Valid("import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\n"
                   "y = ops.relu(x) * ops.constant([2.0]) + x\nz = ops.equal(x, y)\nassert 2 * 3 == 6\n"),
             Valid("import openvino.opset13 as ops\n\nx = ops.parameter([2], name='x')\nmissing = ops.relu(x) == None\n"))

    def visit_Comparison(self, node) -> None:
        if len(node.comparisons) != 1:
            return
        target = node.comparisons[0]
        operation = OPERATIONS.get(type(target.operator).__name__)
        if operation is None:
            return
        if any(isinstance(side, cst.Name) and side.value == "None" for side in (node.left, target.comparator)):
            return  # `node == None` asks whether there is a node; no operation takes None
        alias = self._opset(node.left) or self._opset(target.comparator)
        if alias is None:
            return
        spelt = target.operator.__class__.__name__
        objects = spelt in ("Equal", "NotEqual")
        what = f"`{'==' if spelt == 'Equal' else '!='}` now compares the Python objects" if objects else \
            "the operator now raises TypeError"
        tested = self._tested(node)
        if tested and objects:
            # the old node was always true: the test most likely meant what the operator does now
            message = (f"{self.summary}: {what}, which is most likely what this test meant (the old operator "
                       f"made a node, always true here): keep it and mark the line `# noqa: {self.code}`; "
                       f"`{alias}.{operation}(a, b)` keeps the old always-true result")
        else:
            message = f"{self.summary}: {what}; use `{alias}.{operation}(a, b)`" + (
                " (the old operator made a node, always true in this test)" if tested else "")
        fix = None
        ctx = self.ctx
        if self._visible(alias, node) and "#" not in ctx.source(node):  # a comment between the operands stays
            text = f"{alias}.{operation}({ctx.source(node.left)}, {ctx.source(target.comparator)})"
            fix = self.make_fix(ctx.replace(node, text), f"Use `{alias}.{operation}`", unsafe=tested)
        self.report(node, message, fix)

    def _tested(self, node) -> bool:
        """Whether the comparison's value is only tested for truth."""
        parent = self.ctx.parent(node)
        if isinstance(parent, (cst.BooleanOperation, cst.UnaryOperation)):
            return isinstance(parent, cst.BooleanOperation) or isinstance(parent.operator, cst.Not)
        return isinstance(parent, _TESTED) and getattr(parent, "test", None) is node

    def _opset(self, expr, depth: int = 0) -> Optional[str]:
        """How the opset module `expr` was made with is spelt (`ops` in `ops.relu(x)`, `ov.opset13`),
        for an opset call or a name assigned once from one."""
        if isinstance(expr, cst.Call):
            func = expr.func
            module = dotted(func.value) if isinstance(func, cst.Attribute) else ""
            return module if module and any(OPS.match(n) for n in self.ctx.qualified_names(func)) else None
        if isinstance(expr, cst.Name) and depth == 0:
            value = assigned_value(self.ctx, expr)
            return self._opset(value, 1) if value is not None else None
        return None

    def _visible(self, module: str, node) -> bool:
        """Whether the name `module` starts with is bound by imports alone where `node` is."""
        head = module.split(".", 1)[0]
        scope = self.ctx.scope(node)
        while scope is not None:
            found = scope.assignments[head]
            if found:
                return all(isinstance(getattr(a, "node", None), (cst.Import, cst.ImportFrom)) for a in found)
            if scope is scope.globals:
                return False
            scope = scope.parent
        return False
