"""What an argument of a call is known to hold before the program runs: literals, containers of
them, and names bound once to such a value, each with the code that evaluates to it where the
call is (`MEAN`, `MEAN["data"]`), so that a fix can reuse the program's own names."""
from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from typing import Any, Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import parenthesized, string_value

SCALAR, LIST, TUPLE, DICT, CALL, OTHER = "scalar", "list", "tuple", "dict", "call", "other"


@dataclass
class Value:
    kind: str
    source: str  # code that evaluates to the value where the call is
    node: Any = None  # the expression (for CALL and OTHER: to look it up further)
    value: Any = None  # SCALAR: the str, int, float, bool or None
    items: Any = field(default=None)  # LIST/TUPLE: list of Value; DICT: dict of str -> Value

    @property
    def sequence(self) -> bool:
        return self.kind in (LIST, TUPLE)

    def is_(self, *types) -> bool:
        """A scalar of one of `types` (bool is not an int here)."""
        return self.kind == SCALAR and type(self.value) in types

    def numbers(self) -> Optional[list]:
        """The numbers of a list or tuple of numbers."""
        if self.sequence and all(i.is_(int, float) for i in self.items):
            return [i.value for i in self.items]
        return None


def static(ctx, node, seen=()) -> Value:
    """The value of expression `node`; kind OTHER when nothing is known of it."""
    source = ctx.text[slice(*parenthesized(ctx, node))]  # a tuple's parentheses too: `(1, 2, 3)`
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        text = _string(node)
        return Value(SCALAR, source, node, text) if text is not None else Value(OTHER, source, node)
    if isinstance(node, (cst.Integer, cst.Float)) or (
            isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus)
            and isinstance(node.expression, (cst.Integer, cst.Float))):
        return Value(SCALAR, source, node, ast.literal_eval(source.replace("_", "")))
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return Value(SCALAR, source, node, {"True": True, "False": False, "None": None}[node.value])
    if isinstance(node, (cst.List, cst.Tuple)):
        if any(isinstance(e, cst.StarredElement) for e in node.elements):
            return Value(OTHER, source, node)
        return Value(LIST if isinstance(node, cst.List) else TUPLE, source, node,
                     items=[static(ctx, e.value, seen) for e in node.elements])
    if isinstance(node, cst.Dict):
        items = {}
        for element in node.elements:
            key = string_value(element.key) if isinstance(element, cst.DictElement) else None
            if key is None:
                return Value(OTHER, source, node)
            items[key] = static(ctx, element.value, seen)
        return Value(DICT, source, node, items=items)
    if isinstance(node, cst.Call):
        return Value(CALL, source, node)
    if isinstance(node, cst.Name) and node not in seen:
        bound = bound_once(ctx, node)
        if bound is not None:
            return _renamed(static(ctx, bound, (*seen, node)), node.value)
    return Value(OTHER, source, node)


def bound_once(ctx, name):
    """The value of `name = <value>` when that is the only binding of the name it refers to."""
    scope = ctx.scope(name)
    if scope is None:
        return None
    assignments = [a for a in scope[name.value] if hasattr(a, "node")]
    if len(assignments) != 1:
        return None
    target = ctx.parent(assignments[0].node)
    assign = ctx.parent(target) if isinstance(target, cst.AssignTarget) else None
    if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
        return assign.value
    return None


def _renamed(value: Value, source: str) -> Value:
    """`value` reached through a name: its parts through subscripts of the name."""
    if value.kind in (LIST, TUPLE):
        items = [_renamed(item, f"{source}[{i}]") for i, item in enumerate(value.items)]
    elif value.kind == DICT:
        items = {key: _renamed(item, f"{source}[{json.dumps(key)}]") for key, item in value.items.items()}
    else:
        items = value.items
    return Value(value.kind, source, value.node, value.value, items)


def _string(node) -> Optional[str]:
    if isinstance(node, cst.ConcatenatedString):
        left, right = _string(node.left), _string(node.right)
        return None if left is None or right is None else left + right
    return string_value(node)


PURE_CALLS = {"openvino.Layout", "openvino.runtime.Layout", "openvino.PartialShape", "openvino.runtime.PartialShape",
              "openvino.Shape", "openvino.runtime.Shape", "openvino.Dimension", "openvino.runtime.Dimension",
              "numpy.array", "numpy.asarray", "numpy.float32", "float", "int", "list", "tuple",
              "openvino.tools.mo.LayoutMap", "openvino.tools.mo.InputCutInfo"}


def pure(ctx, node) -> bool:
    """Whether evaluating `node` later than where it is written can give nothing else: names,
    attributes, literals and containers of them, and a few constructors."""
    if isinstance(node, (cst.Name, cst.Integer, cst.Float, cst.SimpleString, cst.Ellipsis)):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return pure(ctx, node.left) and pure(ctx, node.right)
    if isinstance(node, cst.Attribute):
        return pure(ctx, node.value)
    if isinstance(node, cst.UnaryOperation):
        return pure(ctx, node.expression)
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return all(not isinstance(e, cst.StarredElement) and pure(ctx, e.value) for e in node.elements)
    if isinstance(node, cst.Dict):
        return all(isinstance(e, cst.DictElement) and pure(ctx, e.key) and pure(ctx, e.value) for e in node.elements)
    if isinstance(node, cst.Subscript):
        return pure(ctx, node.value) and all(
            isinstance(s.slice, cst.Index) and pure(ctx, s.slice.value) for s in node.slice)
    if isinstance(node, cst.Comparison):
        return pure(ctx, node.left) and all(pure(ctx, c.comparator) for c in node.comparisons)
    if isinstance(node, cst.BooleanOperation):
        return pure(ctx, node.left) and pure(ctx, node.right)
    if isinstance(node, cst.Call):
        return (bool(ctx.qualified_names(node.func) & PURE_CALLS)
                and all(pure(ctx, a.value) for a in node.args if not a.star))
    return False
