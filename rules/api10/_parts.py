"""The parts of a module that migrate apart: its top-level functions and classes, and its own
statements, joined wherever API 1.0 objects can flow between them.

A part is migrated whole or not at all: a half-migrated part would hand API 2.0 objects to code
that still expects API 1.0 ones. Parts that share no object (a helper whose objects never leave
it, a class nobody hands an object to) migrate on their own, so one use without a rewrite holds
back only the part it is in."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rules.api10._types import INSTANCE

MODULE = "module"  # the owner of the module's own statements


class Parts:
    def __init__(self, ctx, types, unknown_flow=()):
        """`unknown_flow`: nodes whose objects could not be traced; their owners join every owner
        they call or are called by, since the objects may come from any of them."""
        self.ctx = ctx
        self.types = types
        self._leader: dict = {}
        self._owners: dict = {}
        unknown = {self.owner(node) for node in unknown_flow}
        for here, there, carries in self._edges():
            if here is not there and (carries or here in unknown or there in unknown):
                self._join(here, there)

    def owner(self, node):
        """The top-level function or class `node` is in, or MODULE for the module's statements."""
        found = self._owners.get(node)
        if found is None:
            ctx = self.ctx
            top, parent = node, ctx.parent(node)
            while parent is not None and parent is not ctx.module:
                top, parent = parent, ctx.parent(parent)
            found = top if isinstance(top, (cst.FunctionDef, cst.ClassDef)) else MODULE
            self._owners[node] = found
        return found

    def part(self, node):
        """An identity shared by every node of one part."""
        return self._find(self.owner(node))

    def _edges(self):
        """(owner, owner, whether an API object flows between them) for each call between two
        owners (a constructor or a registered callback too), each use of a name another owner
        binds, and each class and its bases."""
        types = self.types
        for site, function in types.calls.everything():
            carries = any(arg is not None and types.of(arg) is not None
                          for arg in [*site.positional, *site.keywords.values()]) or types.returns(function) is not None
            yield self.owner(site.node), self.owner(function), carries
        for cls in self.ctx.nodes((cst.ClassDef,)):
            for base in types.classes.lineage(cls)[1:]:
                yield self.owner(cls), self.owner(base), True
        for name in self.ctx.nodes((cst.Name,)):
            for assignment in types.referents(name):
                node = assignment.node
                if isinstance(node, cst.CSTNode) and not isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                    yield self.owner(name), self.owner(node), types.binding(node) is not None
        for attribute in self.ctx.nodes((cst.Attribute,)):
            value = types.of(attribute.value)
            if value is not None and value.kind == INSTANCE and types.of(attribute) is not None:
                yield self.owner(attribute), self.owner(value.cls), True

    def _find(self, owner):
        leader = self._leader.get(owner, owner)
        if leader is not owner:
            leader = self._find(leader)
            self._leader[owner] = leader
        return leader

    def _join(self, a, b) -> None:
        a, b = self._find(a), self._find(b)
        if a is not b:
            self._leader[a] = b
