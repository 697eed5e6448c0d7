"""The OV1xx migration plan: every finding the family proposes in one unit, and the one fix
they share.

API 1.0 objects are migrated as a whole. A half-migrated program works on neither API (an
`ov.Core` has no `read_network`; an IENetwork has no `get_friendly_name`), so every OV1xx
diagnostic of a unit carries the same fix: all the rewrites proposed in that unit, applied
together. The fix is unsafe as soon as one rewrite is unsafe or one use has no rewrite, and there
is no fix at all unless every OV1xx rule runs (a rule left out would leave its uses behind).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ovlint.base.diagnostics import Applicability, Edit, EditIndex, Fix
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import fresh_name, indentation, walk, whole_lines
from ovlint.rulekit.python_imports import dotted
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._types import CORE, EXECUTABLE, Types
from ovlint.base.versions import at_least

FIX_GROUP = "api10"  # the OV1xx Python rules, whose fixes apply only together

@dataclass
class Proposal:
    code: str
    where: object
    message: str
    edits: Optional[tuple[Edit, ...]]  # None: no mechanical rewrite; (): nothing to change
    unsafe: bool
    fix_message: str = ""
    fix: Optional[Fix] = None
    # a use that API 2.0 spells the same with another meaning: left unfixed, the migrated code
    # would run it silently and no later check could tell
    hidden_after_fix: bool = False


@dataclass
class _ImportUse:
    code: str
    statement: object  # the Import / ImportFrom node
    message: str
    fix: Optional[Fix] = None


class Plan:
    """Every OV1xx finding of one unit and the fix they share."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.types = Types(ctx)
        self.proposals: list[Proposal] = []
        self.imports: list[_ImportUse] = []
        self._ov_alias: Optional[str] = None
        self._ov_bound = False
        self._ov_sites: list = []
        self._finished = False
        self._request_users: Optional[set] = None
        self._request_names: dict = {}

    @staticmethod
    def of(ctx) -> "Plan":
        return ctx.memo("api10-plan", lambda: Plan(ctx))

    def fixable(self) -> bool:
        return at_least(self.ctx.target_version, DEPRECATIONS["python-api-1"].since)

    def ov(self, at) -> str:
        """The name `openvino` is (or will be) bound to where `at` (a node) uses it."""
        if self._ov_alias is None:
            for stmt in self.ctx.module.body:
                for small in getattr(stmt, "body", ()) if isinstance(stmt, cst.SimpleStatementLine) else ():
                    if isinstance(small, cst.Import):
                        for alias in small.names:
                            if dotted(alias.name) == "openvino":
                                self._ov_alias = alias.asname.name.value if alias.asname else "openvino"
                                self._ov_bound = True
            if self._ov_alias is None:
                name = "ov"
                while name in self.ctx.imports.global_names():
                    name += "_"
                self._ov_alias = name
        self._ov_sites.append(at)
        return self._ov_alias

    def request_users(self) -> set:
        """The variables holding an ExecutableNetwork whose `requests` or `start_async` are used."""
        if self._request_users is None:
            users = set()
            for node in walk(self.ctx.module, (cst.Attribute,)):
                if node.attr.value in ("requests", "start_async"):
                    value = self.types.of(node.value)
                    key = self.types.binding_key(node.value) if value and value.kind == EXECUTABLE else None
                    if key is not None:
                        users.add(key)
            self._request_users = users
        return self._request_users

    def requests_name(self, expr) -> Optional[str]:
        """The list replacing `<expr>.requests`, where `expr` is a variable assigned once from
        `load_network` in a plain statement; None when there is no such list."""
        key = self.types.binding_key(expr)
        if key is None or key not in self.request_users():
            return None
        if key not in self._request_names:
            self._request_names[key] = self._name_requests(key)
        name = self._request_names[key]
        if name is not None and isinstance(key, tuple):  # an attribute: `self.x` or `obj.x`
            return f"{self.ctx.source(expr.value)}.{name}"
        return name

    def _name_requests(self, key) -> Optional[str]:
        ctx = self.ctx
        if isinstance(key, tuple):
            cls, attribute = key
            values = self.types._class(cls)[0].get(attribute, [])
            if len(values) != 1 or not _loads_network(self.types, values[0]):
                return None
            return f"{attribute}_requests"
        parent = ctx.parent(key)
        assign = ctx.parent(parent) if isinstance(parent, cst.AssignTarget) else None
        if not isinstance(assign, cst.Assign) or not _loads_network(self.types, assign.value):
            return None
        if len([a for a in ctx.scope(key).assignments[key.value]]) != 1:
            return None
        return fresh_name(ctx, key, f"{key.value}_requests")

    def propose(self, code, where, message, edits=None, unsafe=True, fix_message="", hidden_after_fix=False) -> None:
        """`edits` may be a function, called once every rule has proposed (for rewrites that
        gather several statements)."""
        if edits is not None and not callable(edits):
            edits = tuple(edits)
        self.proposals.append(Proposal(code, where, message, edits, unsafe, fix_message, hidden_after_fix=hidden_after_fix))

    def legacy_import(self, code, statement, message) -> None:
        self.imports.append(_ImportUse(code, statement, message))

    def finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        if FIX_GROUP not in self.ctx.complete_fix_groups or not self.fixable():
            return
        ctx = self.ctx
        unsafe = False
        chosen: list[Proposal] = []
        taken = EditIndex()
        for proposal in self.proposals:
            if callable(proposal.edits):
                made = proposal.edits()
                proposal.edits = None if made is None else tuple(made)
        _drop_deleted(self.proposals)
        for proposal in sorted(self.proposals, key=lambda p: ctx.span(p.where)):
            if proposal.edits is None and proposal.hidden_after_fix:
                return  # migrating the rest would hide this use: no fix for the unit
            if proposal.edits is None or ctx.suppressed(proposal.code, *ctx.span(proposal.where)):
                unsafe = True
                continue
            if any(taken.clashes(e, touching=False) for e in proposal.edits):
                unsafe = True
                continue
            unsafe = unsafe or proposal.unsafe
            for edit in proposal.edits:
                taken.add(edit)
            chosen.append(proposal)
        import_edits, touched = self._import_edits(taken.edits)
        edits = tuple(sorted(set(taken.edits) | set(import_edits)))
        if not edits:
            return
        applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        for proposal in chosen:
            proposal.fix = Fix(edits, applicability, proposal.fix_message or "Migrate this module to API 2.0")
        for use in self.imports:
            if use.statement in touched:
                use.fix = Fix(edits, applicability, touched[use.statement])

    def _import_edits(self, edits: list[Edit]):
        """Drop the legacy imports nothing refers to once `edits` are applied, and bind `openvino`
        where an edit uses it: in place of a legacy import (a function's own import stays local,
        so an optional dependency stays optional), or else after the module's imports."""
        ctx = self.ctx
        replaced = sorted(e for e in edits if e.end > e.start)  # they do not overlap
        starts = [e.start for e in replaced]

        def consumed(node) -> bool:
            start, end = ctx.span(node)
            at = bisect.bisect_right(starts, start) - 1  # the only edit that can hold the node
            return at >= 0 and end <= replaced[at].end

        result: list[Edit] = []
        touched: dict = {}
        binding = f"import openvino as {self._ov_alias}"
        need = bool(self._ov_sites) and not self._ov_bound
        bound: set[int] = set()  # scopes where the fix binds `openvino`
        for use in self.imports:
            statement = use.statement
            kept = self._names_still_used(statement, consumed)
            line = ctx.parent(statement)
            if kept is None or not (isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1):
                continue
            scope = ctx.scope(statement)
            binds = need and id(scope) not in bound
            if not kept:
                if binds:
                    result.append(ctx.replace(statement, binding))
                    bound.add(id(scope))
                    touched[statement] = f"Import `openvino as {self._ov_alias}` instead"
                    continue
                if ctx.parent(line) is not ctx.module and len(getattr(ctx.parent(line), "body", ())) == 1:
                    result.append(ctx.replace(statement, "pass"))  # the block would be left empty
                else:
                    result.append(Edit(*whole_lines(ctx, line), ""))
                touched[statement] = "Remove the import"
            elif isinstance(statement, cst.ImportFrom) and len(kept) < len(statement.names):
                names = ", ".join(ctx.source(alias.name) + (f" as {alias.asname.name.value}" if alias.asname else "")
                                  for alias in kept)
                text = f"from {ctx.source(statement.module)} import {names}"
                if binds:
                    text += ctx.newline + indentation(ctx, line) + binding
                    bound.add(id(scope))
                result.append(ctx.replace(statement, text))
                touched[statement] = "Import only what is still used"
        if need and not all(self._visible(site, bound) for site in self._ov_sites):
            result.append(ctx.imports.insert_statement(binding))
        return result, touched

    def _visible(self, node, bound: set[int]) -> bool:
        scope = self.ctx.scope(node)
        seen = set()
        while scope is not None and id(scope) not in seen:
            if id(scope) in bound:
                return True
            seen.add(id(scope))
            scope = getattr(scope, "parent", None)
        return False

    def _names_still_used(self, statement, consumed):
        """The aliases of `statement` something still refers to; None if that cannot be told."""
        scope = self.ctx.scope(statement)
        if scope is None or isinstance(getattr(statement, "names", None), cst.ImportStar):
            return None
        kept = []
        for alias in statement.names:
            bound = alias.evaluated_alias or alias.evaluated_name
            if isinstance(statement, cst.Import) and alias.asname is None and "." in bound:
                return None  # `import a.b` binds `a`, shared with other imports
            refs = [ref for a in scope.assignments[bound] if getattr(a, "node", None) is statement
                    for ref in a.references]
            if any(not consumed(ref.node) for ref in refs):
                kept.append(alias)
        return kept

    def report(self, rule) -> None:
        self.finish()
        for proposal in self.proposals:
            if proposal.code == rule.code:
                rule.report(proposal.where, proposal.message, proposal.fix)
        for use in self.imports:
            if use.code == rule.code:
                rule.report(use.statement, use.message, use.fix)


def _drop_deleted(proposals) -> None:
    """Edits inside text another proposal deletes (a statement moved elsewhere) are moot."""
    deletions = [e for p in proposals if p.edits for e in p.edits if e.end > e.start and not e.content]
    if not deletions:
        return
    for proposal in proposals:
        if proposal.edits:
            proposal.edits = tuple(
                e for e in proposal.edits
                if not any(d.start <= e.start and e.end <= d.end and d != e and d not in proposal.edits
                           for d in deletions))


def _loads_network(types, value) -> bool:
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "load_network"):
        return False
    owner = types.of(value.func.value)
    return owner is not None and owner.kind == CORE
