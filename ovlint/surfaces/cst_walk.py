"""Walking a LibCST tree without rebuilding it.

LibCST's `CSTNode.visit` rebuilds (and validates) every node it passes, because a transformer may
return new children; a read-only visitor throws the copies away. Its scope and expression-context
analysis and our own traversals only read, so they walk the tree here instead: the same hooks, in
the same order, on the same nodes, at a fraction of the cost. The order of a node's children is
the one LibCST's own `_visit_and_replace_children` uses, recorded once per node type.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from types import FunctionType
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


# what a field value is, by its type: not a node, whitespace or punctuation (whitespace, comments,
# operators and brackets: nodes with nothing but more of them below), or any other node
OTHER, TRIVIA, SYNTAX = 0, 1, 2
_TRIVIA_MODULES = ("libcst._nodes.whitespace", "libcst._nodes.op")
_BRACKETS = {"LeftParen", "RightParen", "LeftSquareBracket", "RightSquareBracket", "LeftCurlyBrace", "RightCurlyBrace"}


class _Kinds(dict):
    """Type -> OTHER, TRIVIA or SYNTAX, worked out the first time a type is seen: a walk asks about
    millions of values, and `isinstance` on LibCST's abstract classes costs more than the rest of it."""

    def __missing__(self, kind: type) -> int:
        from libcst import CSTNode

        if not issubclass(kind, CSTNode):
            found = OTHER
        elif kind.__module__ in _TRIVIA_MODULES or (
                kind.__module__ == "libcst._nodes.expression" and kind.__name__ in _BRACKETS):
            found = TRIVIA
        else:
            found = SYNTAX
        self[kind] = found
        return found


KINDS = _Kinds()


def syntax_only(kinds: tuple, asker: str) -> None:
    """Raise TypeError when one of `kinds` is whitespace or punctuation, which the node index and
    the walks leave out: `asker` would silently find none."""
    for kind in kinds:
        if KINDS[kind] == TRIVIA:
            raise TypeError(f"{asker}: {kind.__name__} is whitespace or punctuation, which is not shown as "
                            "nodes; read it from the node that holds it")


def preorder(root) -> tuple[list, dict]:
    """Every node under `root` (itself included) but whitespace and punctuation, in LibCST's
    visiting order, and each one's parent by the node's `id` (the root's is not there). Nothing
    reads whitespace or punctuation as nodes, and they are most of a tree's nodes."""
    nodes: list = []
    parents: dict = {}
    _preorder(root, nodes, parents)
    return nodes, parents


def _preorder(node, nodes: list, parents: dict) -> None:
    # a module-level function rather than a closure: a recursive closure refers to itself, and
    # that cycle would keep the module's whole tree alive until the cyclic collector runs
    nodes.append(node)
    names = _FIELDS.get(type(node))
    for name in fields(node) if names is None else names:
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            for item in value:
                if KINDS[type(item)] == SYNTAX:
                    parents[id(item)] = node
                    _preorder(item, nodes, parents)
        elif KINDS[kind] == SYNTAX:
            parents[id(value)] = node
            _preorder(value, nodes, parents)


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
                elif KINDS[value_type] != OTHER:
                    walk_visitor(value, visitor, hooked)
                if hook:
                    visitor.on_leave_attribute(node, name)
        visitor.on_leave(node)

    def walk_methods(node, visitor, methods: dict, enter: int) -> None:
        """The same, for a visitor whose hooks are CSTVisitor's own, which call its `visit_<Type>`,
        `leave_<Type>` and `visit_<Type>_<attribute>` methods: those are looked up once per node type
        (`methods`: node type -> _Methods), where CSTVisitor looks each up by name on every node.
        `enter`: SYNTAX to leave out whitespace and punctuation, TRIVIA to walk every node."""
        kind = type(node)
        found = methods.get(kind)
        if found is None:
            found = methods[kind] = _Methods.of(type(visitor), kind)
        if found.visit is None or found.visit(visitor, node) is not False:
            around = found.around
            names = _FIELDS.get(kind)
            for name in fields(node) if names is None else names:
                value = getattr(node, name)
                hooks = around.get(name) if around else None
                if hooks is not None and value is None and _VISITED_WHEN_SET.get(kind.__name__) == name:
                    hooks = None
                if hooks is not None and hooks[0] is not None:
                    hooks[0](visitor, node)
                value_type = type(value)
                if value_type is tuple or value_type is list:
                    for item in value:
                        if KINDS[type(item)] >= enter:
                            walk_methods(item, visitor, methods, enter)
                elif KINDS[value_type] >= enter:
                    walk_methods(value, visitor, methods, enter)
                if hooks is not None and hooks[1] is not None:
                    hooks[1](visitor, node)
        if found.leave is not None:
            found.leave(visitor, node)

    def visit(self, visitor):
        walked = _METHODS_BY_CLASS.get(type(visitor))
        if walked is not None:
            walk_methods(self, visitor, *walked)
        elif not isinstance(visitor, CSTVisitor):
            return rebuild(self, visitor)
        elif _module_only(visitor):
            # scope and expression-context analysis do all their work in `visit_Module` with a
            # visitor of their own; the batch that calls it would then pass every node for nothing
            visitor.on_visit(self)
            visitor.on_leave(self)
        elif _own_hooks(type(visitor)):
            walked = _METHODS_BY_CLASS[type(visitor)] = ({}, SYNTAX if _blind_to_trivia(type(visitor)) else TRIVIA)
            walk_methods(self, visitor, *walked)
        else:
            walk_visitor(self, visitor, _attribute_hooks(visitor))
        return self

    visit._ovlint_walk = True
    CSTNode.visit = visit
    _count_assignments_by_type()
    _look_up_typing_only_where_spelt()
    _hash_by_identity_in_c()
    _check_instances_in_c()


def _check_instances_in_c() -> None:
    """LibCST's node classes are abstract-base-class instances, so `isinstance(node, cst.Call)` runs
    `ABCMeta.__instancecheck__`, a Python function, whenever the answer is no: the rules ask it
    millions of times a run. A class no virtual subclass is registered on answers as its hierarchy
    does, which `type` tells in C: such node classes get a metaclass of their own that asks `type`.
    (LibCST registers none; a class registered on later would not be seen.)"""
    import abc

    from libcst import CSTNode

    class NodeClass(abc.ABCMeta):
        __instancecheck__ = type.__instancecheck__
        __subclasscheck__ = type.__subclasscheck__

    registered = getattr(abc, "_get_dump", None)  # (registry, caches..., version), of the C `_abc`
    if registered is None:
        return
    classes = [CSTNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if type(cls) is abc.ABCMeta and not registered(cls)[0] and not cls.__dict__.get("__subclasshook__"):
            try:
                cls.__class__ = NodeClass
            except TypeError:  # a Python that does not allow it: the checks stay as they are
                return


def _hash_by_identity_in_c() -> None:
    """LibCST nodes are equal only to themselves and hash as `id(node)`, in a Python method called
    for every dictionary of nodes (metadata, positions: millions of calls a module).
    `object.__hash__` is an identity hash too, computed in C. Another LibCST's hash is kept."""
    from libcst import CSTNode

    identity = CSTNode.__hash__
    if getattr(identity, "__code__", None) is None or identity.__code__.co_names != ("id",):
        return
    classes = [CSTNode]
    while classes:
        cls = classes.pop()
        if cls.__dict__.get("__hash__") is identity:
            cls.__hash__ = object.__hash__
        classes.extend(cls.__subclasses__())


# the global names LibCST's `ScopeVisitor.on_leave` uses, in the releases whose code this replaces
_SCOPE_LEAVE_NAMES = ('provider', 'set_metadata', 'scope', 'isinstance', '_ASSIGNMENT_LIKE_NODES',
                      '_assignment_count', 'super', 'on_leave')


def _count_assignments_by_type() -> None:
    """Scope analysis asks `isinstance(node, <15 node classes>)` as it leaves each node; LibCST's
    node classes are abstract-base-class instances, so that is 15 slow checks a node (a third of the
    analysis). The same question is answered here once per node type. Another LibCST's
    `on_leave` is kept as it is."""
    from libcst.metadata import scope_provider

    visitor = scope_provider.ScopeVisitor
    if visitor.on_leave.__code__.co_names != _SCOPE_LEAVE_NAMES:
        return
    assignment_like = scope_provider._ASSIGNMENT_LIKE_NODES
    by_type: dict[type, tuple] = {}  # node type -> (whether it counts as an assignment, its `leave_` method)

    def on_leave(self, original_node) -> None:
        self.provider.set_metadata(original_node, self.scope)
        kind = type(original_node)
        found = by_type.get(kind)
        if found is None:
            # what CSTVisitor's `on_leave` calls, looked up by name on every node
            leave = getattr(visitor, f"leave_{kind.__name__}", None)
            found = by_type[kind] = (issubclass(kind, assignment_like),
                                     None if getattr(leave, "_is_no_op", False) else leave)
        if found[0]:
            self.scope._assignment_count += 1
        if found[1] is not None:
            found[1](self, original_node)

    on_leave.records_scopes = True
    visitor.on_leave = on_leave


# the names a module spells (every Name of its tree), while LibCST's scope analysis runs on it
_SPELT: list = []
_TYPING_MODULES = frozenset({"typing", "typing_extensions"})
_TYPING_CALLS = frozenset({"NewType", "TypeVar", "cast"})


def resolve_scopes(wrapper, by_type: dict):
    """LibCST's ScopeProvider on `wrapper`'s module, whose nodes of each type are `by_type`: told
    which names the module spells (see below), and given the names it stores (see `_stored_names`)."""
    from libcst import Name
    from libcst.metadata import ExpressionContext, ExpressionContextProvider, ScopeProvider
    from libcst.metadata.scope_provider import ScopeVisitor

    metadata = getattr(wrapper, "_metadata", None)
    if (type(metadata) is dict and ExpressionContextProvider not in metadata
            and ScopeVisitor.visit_Name.__code__.co_names == _SCOPE_NAME_NAMES):
        stored = _stored_names(by_type)
        if stored is not None:
            metadata[ExpressionContextProvider] = dict.fromkeys(stored, ExpressionContext.STORE)
    with _spelling(frozenset(name.value for name in by_type.get(Name, ()))):
        return wrapper.resolve(ScopeProvider)


@contextmanager
def _spelling(names: frozenset):
    """Tell the scope analysis run inside which names its module spells (see below)."""
    _SPELT.append(names)
    try:
        yield
    finally:
        _SPELT.pop()


# the global names of LibCST's `ScopeVisitor.visit_Name` in the releases whose use of expression
# contexts `_stored_names` stands in for: a name it is told is stored is assigned, any other accessed
_SCOPE_NAME_NAMES = ('provider', 'get_metadata', 'ExpressionContextProvider', 'ExpressionContext', 'STORE', 'scope',
                     'record_assignment', 'value', 'LOAD', 'DEL', 'Access', 'bool', '_ScopeVisitor__in_annotation_stack',
                     '_ScopeVisitor__ignore_annotation', '_ScopeVisitor__in_type_hint_stack',
                     '_ScopeVisitor__deferred_accesses', 'append', 'DeferredAccess',
                     '_ScopeVisitor__top_level_attribute_stack', '_ScopeVisitor__last_string_annotation')
# the nodes whose part (this attribute) LibCST's expression-context analysis marks as stored,
# whatever the context they are in
_STORING = {"AssignTarget": "target", "AnnAssign": "target", "AugAssign": "target", "NamedExpr": "target",
            "For": "target", "CompFor": "target", "AsName": "name", "Param": "name", "FunctionDef": "name",
            "ClassDef": "name"}


def _stored_names(by_type: dict) -> Optional[list]:
    """The names LibCST's ExpressionContextProvider marks STORE, which is all the scope analysis asks
    of it (a walk of the whole module, a fifth of the analysis): those of the targets of the
    `_STORING` nodes, through tuples, lists and starred elements, not into an attribute or a
    subscript (whose parts are loaded). None for a target of another kind, where that analysis
    must run."""
    found: list = []
    for kind, nodes in by_type.items():
        part = _STORING.get(kind.__name__)
        if part is None:
            continue
        pending = [getattr(node, part) for node in nodes]
        while pending:
            node = pending.pop()
            kind = type(node).__name__
            if kind == "Name":
                found.append(node)
            elif kind in ("Tuple", "List"):
                pending += node.elements
            elif kind in ("Element", "StarredElement"):
                pending.append(node.value)
            elif kind not in ("Attribute", "Subscript"):
                return None
    return found


def _look_up_typing_only_where_spelt() -> None:
    """Scope analysis works out the qualified names of every call and subscript, to find
    `typing.cast(...)`, `TypeVar(...)`, `NewType(...)` and `typing` generics (whose arguments are
    type hints): a tenth of the analysis. A qualified name of `typing` comes from an import, so a
    module that spells no `typing` (or `typing_extensions`), or none of those three calls, has no
    such call or subscript: there the lookup is skipped, and the rest done as LibCST does it.
    Another LibCST's methods are kept as they are."""
    from libcst.metadata.scope_provider import ScopeVisitor

    call, subscript = ScopeVisitor.visit_Call, ScopeVisitor.visit_Subscript
    if call.__code__.co_names != _SCOPE_CALL_NAMES or subscript.__code__.co_names != _SCOPE_SUBSCRIPT_NAMES:
        return

    def visit_Call(self, node):
        if _SPELT and (_SPELT[-1].isdisjoint(_TYPING_MODULES) or _SPELT[-1].isdisjoint(_TYPING_CALLS)):
            self._ScopeVisitor__top_level_attribute_stack.append(None)
            self._ScopeVisitor__in_type_hint_stack.append(False)
            return True
        return call(self, node)

    def visit_Subscript(self, node):
        if _SPELT and _SPELT[-1].isdisjoint(_TYPING_MODULES):
            self._ScopeVisitor__in_type_hint_stack.append(False)
            return True
        return subscript(self, node)

    ScopeVisitor.visit_Call, ScopeVisitor.visit_Subscript = visit_Call, visit_Subscript


# the global names of LibCST's `ScopeVisitor.visit_Call` and `visit_Subscript` in the releases
# whose code the methods above stand in for
_SCOPE_CALL_NAMES = ('_ScopeVisitor__top_level_attribute_stack', 'append', '_ScopeVisitor__in_type_hint_stack',
                     'scope', 'get_qualified_names_for', 'func', 'visit', 'args', 'len', 'pop')
_SCOPE_SUBSCRIPT_NAMES = ('isinstance', 'value', 'cst', 'Name', 'scope', 'get_qualified_names_for', 'any',
                          '_ScopeVisitor__in_ignored_subscript', 'add', '_ScopeVisitor__in_type_hint_stack', 'append')


def _blind_to_trivia(cls) -> bool:
    """Whether walking whitespace and punctuation is lost on a visitor of `cls`: none of its methods
    is about them, and its `on_leave` is CSTVisitor's, which calls only those, or the scope
    analysis's, which records each node's scope (nothing asks for the scope of a space or a comma)."""
    import libcst

    if cls.on_leave is not libcst.CSTVisitor.on_leave and not getattr(cls.on_leave, "records_scopes", False):
        return False
    for name in dir(cls):
        if name.startswith(("visit_", "leave_")) and not getattr(getattr(cls, name), "_is_no_op", False):
            node_type = getattr(libcst, name.split("_")[1], None)
            if isinstance(node_type, type) and KINDS[node_type] == TRIVIA:
                return False
    return True


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


# visitor class -> (node type -> its methods, the level of nodes it enters: see `walk_methods`),
# for visitors whose hooks are CSTVisitor's
_METHODS_BY_CLASS: dict[type, tuple] = {}


def _own_hooks(cls) -> bool:
    """Whether the visitor class `cls` calls its methods through CSTVisitor's hooks (its `on_leave`
    may be its own: it is called as it is), each method a plain function of the class."""
    from libcst import CSTVisitor

    if (cls.on_visit, cls.on_visit_attribute, cls.on_leave_attribute) != (
            CSTVisitor.on_visit, CSTVisitor.on_visit_attribute, CSTVisitor.on_leave_attribute):
        return False
    return all(_defined(cls, name) is not None for name in dir(cls) if name.startswith(("visit_", "leave_")))


def _defined(cls, name: str):
    """The function `name` of `cls` (a plain function, as a class statement makes it), else None."""
    for base in cls.__mro__:
        if name in vars(base):
            value = vars(base)[name]
            return value if isinstance(value, FunctionType) else None
    return None


@dataclass(frozen=True)
class _Methods:
    """What CSTVisitor's hooks call on one type of node: `visit_<Type>`, then around each attribute
    (name -> (`visit_<Type>_<attribute>`, `leave_<Type>_<attribute>`)), then the class's `on_leave`
    (CSTVisitor's calls `leave_<Type>`). Methods LibCST marks as empty stubs are left out."""

    visit: Optional[Callable]
    around: dict
    leave: Optional[Callable]

    @staticmethod
    def of(cls, kind: type) -> "_Methods":
        from libcst import CSTVisitor

        def method(name: str):
            found = _defined(cls, name)
            return None if found is None or getattr(found, "_is_no_op", False) else found

        type_name = kind.__name__
        around: dict = {}
        for attribute in _attribute_methods(cls).get(type_name, ()):
            hooks = (method(f"visit_{type_name}_{attribute}"), method(f"leave_{type_name}_{attribute}"))
            if hooks != (None, None):
                around[attribute] = hooks
        leave = method(f"leave_{type_name}") if cls.on_leave is CSTVisitor.on_leave else cls.on_leave
        return _Methods(method(f"visit_{type_name}"), around, leave)


@lru_cache(maxsize=None)
def _attribute_methods(cls) -> dict[str, set[str]]:
    """Node type name -> the attributes `cls` has `visit_<Type>_<attribute>` or `leave_...` methods for."""
    found: dict[str, set[str]] = {}
    for name in dir(cls):
        parts = name.split("_", 2)
        if len(parts) == 3 and parts[0] in ("visit", "leave"):
            found.setdefault(parts[1], set()).add(parts[2])
    return found


def _module_only(visitor) -> bool:
    """Whether `visitor` is a batch of metadata providers that does something only on a module."""
    from libcst._batched_visitor import _BatchedCSTVisitor

    return (type(visitor) is _BatchedCSTVisitor and visitor.before_visit is None and visitor.after_leave is None
            and set(visitor.visitor_methods) <= {"visit_Module", "leave_Module"})


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
