"""The classes a module defines, as the type model sees them: the values each assigns to
`self.<attribute>`, its methods, and the classes of the module it derives from or that derive
from it (an attribute set in a base `__init__` is read in a subclass method, and the other way)."""
from __future__ import annotations

import weakref

from ovlint.base.lazy import cst


def _copies_locals(ctx, function) -> bool:
    """Whether the method runs `self.__dict__.update(locals())`."""
    for call in ctx.within(function, (cst.Call,)):
        func = call.func
        if (isinstance(func, cst.Attribute) and func.attr.value == "update" and isinstance(func.value, cst.Attribute)
                and func.value.attr.value == "__dict__" and len(call.args) == 1
                and isinstance(call.args[0].value, cst.Call) and isinstance(call.args[0].value.func, cst.Name)
                and call.args[0].value.func.value == "locals"):
            return True
    return False


class Classes:
    def __init__(self, types):
        self.types = weakref.proxy(types)  # owned by `types`: a strong link back would be a cycle
        self._own: dict = {}
        self._bases: dict = {}
        self._subclasses: dict = None

    def own(self, cls):
        """(attribute -> values assigned to `self.<attribute>` in its methods, or to the name in the
        class's own body, name -> method)."""
        if cls not in self._own:
            attributes: dict[str, list] = {}
            methods = {}
            for stmt in cls.body.body:
                if isinstance(stmt, cst.SimpleStatementLine):  # `core = IECore()` in the class: `self.core`
                    for assign in stmt.body:
                        targets = [t.target for t in assign.targets] if isinstance(assign, cst.Assign) else \
                            [assign.target] if isinstance(assign, cst.AnnAssign) and assign.value is not None else []
                        for target in targets:
                            if isinstance(target, cst.Name):
                                attributes.setdefault(target.value, []).append(assign.value)
                if isinstance(stmt, cst.FunctionDef):
                    methods[stmt.name.value] = stmt
                    if _copies_locals(self.types.ctx, stmt):
                        for name, target in self._locals(stmt):
                            attributes.setdefault(name, []).append(target)
                    for assign in self.types.ctx.within(stmt, (cst.Assign, cst.AnnAssign)):
                        targets = [t.target for t in assign.targets] if isinstance(assign, cst.Assign) else [assign.target]
                        for target in targets:
                            if (isinstance(target, cst.Attribute) and self.types.is_self(target.value)
                                    and assign.value is not None):
                                attributes.setdefault(target.attr.value, []).append(assign.value)
                            elif isinstance(target, (cst.Tuple, cst.List)):
                                # `self.a, self.b = f()`: the target itself stands for what it receives
                                for unpacked in _unpacked(target):
                                    if isinstance(unpacked, cst.Attribute) and self.types.is_self(unpacked.value):
                                        attributes.setdefault(unpacked.attr.value, []).append(unpacked)
            self._own[cls] = (attributes, methods)
        return self._own[cls]

    def _locals(self, function):
        """(name, target node) for each local of `function`: what `self.__dict__.update(locals())`
        turns into attributes."""
        scope = self.types.ctx.scope(function.body)
        found = []
        for assignment in getattr(scope, "assignments", ()):
            node = assignment.node
            if isinstance(node, cst.Name):
                found.append((assignment.name, node))
            elif isinstance(node, (cst.Import, cst.ImportFrom)) and not isinstance(node.names, cst.ImportStar):
                for alias in node.names:
                    if alias.asname is not None and alias.evaluated_alias == assignment.name:
                        found.append((assignment.name, alias.asname.name))
        return found

    def lineage(self, cls) -> list:
        """`cls` and the module's classes it derives from, nearest first."""
        found = [cls]
        for base in self._direct_bases(cls):
            for ancestor in self.lineage(base):
                if ancestor not in found:
                    found.append(ancestor)
        return found

    def subclasses(self, cls) -> list:
        if self._subclasses is None:
            self._subclasses = {}
            for other in self.types.ctx.nodes((cst.ClassDef,)):
                for ancestor in self.lineage(other)[1:]:
                    self._subclasses.setdefault(ancestor, []).append(other)
        return self._subclasses.get(cls, [])

    def method(self, cls, name: str):
        return next((m for c in self.lineage(cls) if (m := self.own(c)[1].get(name)) is not None), None)

    def method_of_bases(self, cls, name: str):
        return next((m for c in self.lineage(cls)[1:] if (m := self.own(c)[1].get(name)) is not None), None)

    def values(self, cls, attribute: str) -> list:
        """What `self.<attribute>` may hold in `cls`: assigned by it, its bases or its subclasses."""
        return [value for c in self._related(cls) for value in self.own(c)[0].get(attribute, ())]

    def defining(self, cls, attribute: str):
        """The class whose methods assign `attribute`, seen from `cls`: one name for the attribute
        however the class hierarchy reaches it, the furthest base that assigns it first (a subclass
        that assigns it again, overriding the method that did, sets the same attribute)."""
        return next((c for c in self._related(cls) if attribute in self.own(c)[0]), cls)

    def _related(self, cls) -> list:
        return self.lineage(cls)[::-1] + [c for c in self.subclasses(cls) if c is not cls]

    def _direct_bases(self, cls) -> list:
        if cls not in self._bases:
            self._bases[cls] = []  # a cycle (class A(A)) ends here
            found = []
            for base in cls.bases:
                if isinstance(base.value, cst.Name):
                    node = self.types.class_named(base.value)
                    if node is not None and node is not cls:
                        found.append(node)
            self._bases[cls] = found
        return self._bases[cls]


def _unpacked(target) -> list:
    """The targets a tuple or list target unpacks into, nested ones included."""
    found = []
    for element in target.elements:
        value = element.value
        found += _unpacked(value) if isinstance(value, (cst.Tuple, cst.List)) else [value]
    return found
