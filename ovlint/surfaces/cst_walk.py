"""Walking a LibCST tree without rebuilding it.

LibCST's `CSTNode.visit` rebuilds (and validates) every node it passes, because a transformer may
return new children; a read-only visitor throws the copies away. Its scope and expression-context
analysis and our own traversals only read, so they walk the tree here instead: the same hooks, in
the same order, on the same nodes, at a fraction of the cost. The order of a node's children is
the one LibCST's own `_visit_and_replace_children` uses, recorded once per node type.
"""
from __future__ import annotations

from typing import Callable, Optional

_FIELDS: dict[type, tuple[str, ...]] = {}
# LibCST passes these attributes to a visitor only when they are set, where it passes every other
# one, None or not; each is the last attribute its node visits
_VISITED_WHEN_SET = {"FormattedStringExpression": "format_spec", "TemplatedStringExpression": "format_spec"}


def fields(node) -> tuple[str, ...]:
    """The attributes of `node` that hold children, in the order LibCST visits them."""
    found = _FIELDS.get(type(node))
    if found is None:
        recorder = _field_recorder()
        node._visit_and_replace_children(recorder)
        last = _VISITED_WHEN_SET.get(type(node).__name__)
        if last is not None and last not in recorder.fields:
            recorder.fields.append(last)
        found = _FIELDS[type(node)] = tuple(recorder.fields)
    return found


# the types of field values seen so far, by whether they are LibCST nodes: a walk asks about
# millions of values, and `isinstance` on LibCST's abstract classes costs more than the rest of it
NODE_TYPES: set = set()
OTHER_TYPES: set = set()


def is_node_type(kind: type) -> bool:
    """Whether objects of `kind` are LibCST nodes, noted in NODE_TYPES or OTHER_TYPES (loops test
    `kind in NODE_TYPES or (kind not in OTHER_TYPES and is_node_type(kind))`)."""
    from libcst import CSTNode

    node = issubclass(kind, CSTNode)
    (NODE_TYPES if node else OTHER_TYPES).add(kind)
    return node


def walk(root, enter: Callable, leave: Optional[Callable] = None) -> None:
    """Call `enter(node)` on every node under `root` (itself included) in LibCST's visiting order,
    and `leave(node)` once its children are done; the children of a node whose `enter` returns
    False are skipped."""

    def go(node) -> None:
        if enter(node) is not False:
            names = _FIELDS.get(type(node))
            for name in fields(node) if names is None else names:
                value = getattr(node, name)
                kind = type(value)
                if kind is tuple or kind is list:
                    for item in value:
                        go(item)
                elif kind in NODE_TYPES or (kind not in OTHER_TYPES and is_node_type(kind)):
                    go(value)
        if leave is not None:
            leave(node)

    go(root)


def install() -> None:
    """Make `CSTNode.visit` walk instead of rebuild when the visitor only reads (a `CSTVisitor`):
    LibCST's metadata providers visit through it. Transformers keep LibCST's own visit."""
    from libcst import CSTNode, CSTVisitor

    if getattr(CSTNode.visit, "_ovlint_walk", False):
        return
    rebuild = CSTNode.visit

    def walk_visitor(node, visitor, hooked) -> None:
        """LibCST's visit of a read-only visitor, hook for hook; `hooked`: the node types whose
        attribute hooks can do something (None: all of them)."""
        if visitor.on_visit(node):
            kind = type(node).__name__
            hooks = hooked is None or kind in hooked
            names = _FIELDS.get(type(node))
            for name in fields(node) if names is None else names:
                value = getattr(node, name)
                hook = hooks and (value is not None or _VISITED_WHEN_SET.get(kind) != name)
                if hook:
                    visitor.on_visit_attribute(node, name)
                value_type = type(value)
                if value_type is tuple or value_type is list:
                    for item in value:
                        walk_visitor(item, visitor, hooked)
                elif value_type in NODE_TYPES or (value_type not in OTHER_TYPES and is_node_type(value_type)):
                    walk_visitor(value, visitor, hooked)
                if hook:
                    visitor.on_leave_attribute(node, name)
        visitor.on_leave(node)

    def visit(self, visitor):
        if not isinstance(visitor, CSTVisitor):
            return rebuild(self, visitor)
        walk_visitor(self, visitor, _attribute_hooks(visitor))
        return self

    visit._ovlint_walk = True
    CSTNode.visit = visit


def _attribute_hooks(visitor) -> Optional[frozenset]:
    """The node types `visit_<Type>_<attribute>` methods exist for, when the visitor's attribute
    hooks are LibCST's, which call only those; None when they are its own."""
    from libcst import CSTVisitor
    from libcst._batched_visitor import _BatchedCSTVisitor

    cls = type(visitor)
    hooks = (cls.on_visit_attribute, cls.on_leave_attribute)
    if hooks == (CSTVisitor.on_visit_attribute, CSTVisitor.on_leave_attribute):
        # a class's methods do not change: worked out once (scope analysis visits ~100 times a module)
        if cls not in _HOOKED_BY_CLASS:
            _HOOKED_BY_CLASS[cls] = _hooked([n for n in dir(cls) if n.startswith(("visit_", "leave_"))])
        return _HOOKED_BY_CLASS[cls]
    if hooks == (_BatchedCSTVisitor.on_visit_attribute, _BatchedCSTVisitor.on_leave_attribute):
        return _hooked(visitor.visitor_methods)
    return None


_HOOKED_BY_CLASS: dict[type, frozenset] = {}


def _hooked(method_names) -> frozenset:
    return frozenset(n.split("_")[1] for n in method_names if n.count("_") >= 2)


def _field_recorder():
    from libcst import CSTVisitor

    class FieldRecorder(CSTVisitor):
        """Notes the attributes a node visits, without descending into them."""

        def __init__(self):
            super().__init__()
            self.fields: list[str] = []

        def on_visit(self, node) -> bool:
            return False

        def on_leave(self, original_node) -> None:
            pass

        def on_visit_attribute(self, node, attribute) -> None:
            self.fields.append(attribute)

        def on_leave_attribute(self, original_node, attribute) -> None:
            pass

    return FieldRecorder()
