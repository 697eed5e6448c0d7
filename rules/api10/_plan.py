"""The OV1xx migration plan: every finding the family proposes in one unit, and the fixes they
share.

API 1.0 objects are migrated a part at a time (`_parts`): a half-migrated part works on neither
API (an `ov.Core` has no `read_network`; an IENetwork has no `get_friendly_name`), so every OV1xx
diagnostic of a part carries the same fix, all the rewrites proposed in that part applied
together. A part with a use that has no rewrite gets no fix at all, and its findings say which use
holds it back; the fix is unsafe as soon as one rewrite is unsafe. There is no fix unless every
OV1xx rule runs (a rule left out would leave its uses behind).
"""
from __future__ import annotations

import ast
import bisect
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Optional

from ovlint.base import depends
from ovlint.base.diagnostics import Applicability, Edit, EditIndex, Fix
from ovlint.base.files import ReadError, read_head, repository_root
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import PROBE_NOTE, deleted_line, fresh_name, indentation, line_end, probes_import
from ovlint.rulekit.python_imports import caught, dotted, standard_library
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._parts import Parts
from ovlint.surfaces.notebook import WRITEFILE
from ovlint.rules.api10._types import (
    BLOB, CLASS_NAMES, CONTAINER, CORE, EXECUTABLE, NETWORK, PLUGIN, PUT, REQUEST, TUPLE, Types, in_import, legacy_class,
)
from ovlint.rules.openvino_dev._tools import DEV_COMMANDS, DEV_PACKAGES

FIX_GROUP = "api10"  # the OV1xx Python rules, whose fixes apply only together
# the rule of the import reports the uses of the module's names that no other rule handles
LEFTOVER_CODE = "OV101"
REQUIRES = DEPRECATIONS["python-api-1"].since  # `openvino.Core`, `openvino.Tensor`, ... at the top level

@dataclass
class Proposal:
    code: str
    where: object
    message: str
    edits: Optional[tuple[Edit, ...]]  # None: no mechanical rewrite; (): nothing to change
    unsafe: bool
    fix_message: str = ""
    fix: Optional[Fix] = None
    # no object flow the model can follow leads here: the part may reach further than it can tell
    untraced: bool = False


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
        self.types = Types.of_unit(ctx)
        self._star_importers: dict = {}  # name -> `_star_importer(name)`
        self.proposals: list[Proposal] = []
        self.imports: list[_ImportUse] = []
        self._ov_alias: Optional[str] = None
        self._ov_bound = False
        self._ov_sites: list = []
        self._finished = False
        self._request_users: Optional[set] = None
        self._request_names: dict = {}
        self._late_checks: list = []

    @staticmethod
    def of(ctx) -> "Plan":
        return ctx.memo("api10-plan", lambda: Plan(ctx))

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
                # a name of the module, or one a function binds (`ov = overlap(a, b)`, and its own `import
                # openvino as ov`, after which a use the fix adds before it would be unbound), where a use may go
                taken = self.ctx.imports.global_names() | {a.name for scope in self.ctx.scopes() for a in scope.assignments}
                name = "ov"
                while name in taken:
                    name += "_"
                self._ov_alias = name
        self._ov_sites.append(at)
        return self._ov_alias

    def request_users(self) -> set:
        """The variables holding an ExecutableNetwork whose `requests` or `start_async` are used."""
        if self._request_users is None:
            users = set()
            for node in self.ctx.nodes((cst.Attribute,)):
                if node.attr.value in ("requests", "start_async"):
                    value = self.types.of(node.value)
                    key = self.types.binding_key(node.value) if value and value.kind == EXECUTABLE else None
                    if key is not None:
                        users.add(key)
            self._request_users = users
        return self._request_users

    def requests_name(self, expr) -> Optional[str]:
        """What replaces `<expr>.requests`: the list of requests the fix creates beside the
        variable assigned once from `load_network` in a plain statement, or the requests the fix
        keeps on the compiled model itself (see `keeps_requests`); None when there is neither."""
        if self.keeps_requests():
            return f"{self.ctx.source(expr)}.requests"
        return self._list_name(expr)

    def keeps_requests(self) -> bool:
        """Whether the fix keeps each compiled model's requests on the object, `compiled.requests =
        [...]`: where the module reads the requests of compiled models it hands on (to functions,
        containers, callbacks), beside no variable a list could follow. It needs every
        `load_network` of the module in an assignment or a `return`, where the attribute is set."""
        return self.ctx.memo("api10-keeps-requests", self._keeps_requests)

    def _keeps_requests(self) -> bool:
        types = self.types
        unnamed = False
        for node in self.ctx.nodes((cst.Attribute,)):
            if node.attr.value in ("requests", "start_async"):
                value = types.of(node.value)
                if value is not None and value.kind == EXECUTABLE and value.legacy and self._list_name(node.value) is None:
                    unnamed = True
        if not unnamed:
            return False
        for call in self.ctx.nodes((cst.Call,)):
            if loads_network(types, call):
                parent = self.ctx.parent(call)
                if isinstance(parent, cst.Element) and isinstance(self.ctx.parent(parent), cst.Tuple):
                    parent = self.ctx.parent(self.ctx.parent(parent))  # `return call, x`
                if not (isinstance(parent, cst.Return) or (isinstance(parent, cst.Assign) and len(parent.targets) == 1)):
                    return False
        return True

    def assigned_attributes(self) -> set:
        """The attribute names the module sets on objects (`x.tag = ...`)."""
        return self.ctx.memo("api10-assigned-attributes", lambda: {
            t.target.attr.value for t in self.ctx.nodes((cst.AssignTarget,)) if isinstance(t.target, cst.Attribute)})

    def _list_name(self, expr) -> Optional[str]:
        key = self.types.binding_key(expr)
        if key is None or key not in self.request_users():
            return None
        if key not in self._request_names:
            self._request_names[key] = self._name_requests(key)
        name = self._request_names[key]
        if name is not None and isinstance(expr, cst.Attribute):  # `self.x` or `obj.x`
            return f"{self.ctx.source(expr.value)}.{name}"
        return name

    def _name_requests(self, key) -> Optional[str]:
        ctx = self.ctx
        if isinstance(key, tuple):
            # every assignment of the attribute compiles a network (or clears it): each is
            # followed by the list of its requests
            values = [v for v in self.types.assignments(key) if not _is_none(v)]
            if not values or not all(loads_network(self.types, v) for v in values):
                return None
            return f"{key[1]}_requests"
        parent = ctx.parent(key)
        assign = ctx.parent(parent) if isinstance(parent, cst.AssignTarget) else None
        if not isinstance(assign, cst.Assign) or not loads_network(self.types, assign.value):
            return None
        if len([a for a in ctx.scope(key).assignments[key.value]]) != 1:
            return None
        return fresh_name(ctx, key, f"{key.value}_requests")

    def propose(self, code, where, message, edits=None, unsafe=True, fix_message="", untraced=False) -> None:
        """`edits` may be a function, called once every rule has proposed (for rewrites that
        gather several statements); None: the use has no rewrite, which holds its part back."""
        if edits is not None and not callable(edits):
            edits = tuple(edits)
        guessed = self._guessed(where)
        if guessed is not None:
            owner, value = guessed
            unsafe = True
            message += (f" (`{excerpt(self.ctx, owner)}` is taken for an API 1.0 `{CLASS_NAMES[value.kind]}` from the "
                        f"attributes used on it: {', '.join(f'`{n}`' for n in value.evidence)})")
        self.proposals.append(Proposal(code, where, message, edits, unsafe, fix_message, untraced=untraced))

    def _guessed(self, where):
        """(the object, its value) when `where` is an attribute of an object typed from evidence."""
        parent = self.ctx.parent(where)
        node = parent if isinstance(parent, cst.Attribute) and parent.attr is where else where
        if isinstance(node, cst.Attribute):
            value = self.types.of(node.value)
            if value is not None and value.evidence:
                return node.value, value
        return None

    def legacy_import(self, code, statement, message) -> None:
        self.imports.append(_ImportUse(code, statement, message))

    def late_check(self, check) -> None:
        """`check(covered)` runs once every rule has proposed; `covered(node)` says whether a
        proposal already points at `node` or rewrites it, so a check reports only what is left."""
        self._late_checks.append(check)

    def finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        complete = FIX_GROUP in self.ctx.complete_fix_groups
        ctx = self.ctx
        if complete:
            for proposal in self.proposals:
                if callable(proposal.edits):
                    made = proposal.edits()
                    proposal.edits = None if made is None else tuple(made)
            self._report_leftovers()
            self._report_handed_on()
            self._report_handed_to_unknown()
            kept = self._classes_keeping()
            self._report_subclassed_elsewhere(kept)
            self._report_derived_from_legacy()
            self._report_read_elsewhere(kept)
        covered = self._covered()
        for check in self._late_checks:
            check(covered)
        if not complete or not (self.proposals or self.imports):
            return  # nothing to fix, so no parts to work out
        if ctx.partial:  # the rest of the program may use what a fix would change or remove here
            note = f" (not migrated: {ctx.partial}; the migration changes the whole program at once)"
            for proposal in self.proposals:
                if proposal.edits:
                    proposal.message += note
            for use in self.imports:
                use.message += note
            return
        _drop_deleted(self.proposals)
        self._note_star_importers()
        for proposal in self.proposals:
            if proposal.edits:
                proposal.edits = ctx.requoted(proposal.edits)
                if proposal.edits is None:  # it holds its part back
                    proposal.message += ctx.FSTRING_QUOTES
        parts = Parts(ctx, self.types, [p.where for p in self.proposals if p.untraced])
        by_part: dict = {}
        for proposal in sorted(self.proposals, key=lambda p: ctx.span(p.where)):
            by_part.setdefault(parts.part(proposal.where), []).append(proposal)
        choices = []
        for proposals in by_part.values():
            choice = self._choose(proposals)
            if choice is not None:
                choices.append((choice, [s for s in self._ov_sites if parts.part(s) is parts.part(proposals[0].where)]))
        # when several parts bind `openvino` at module level, each binds it by one identical
        # insertion (not in place of a legacy import), so that fixing them all binds it once
        binding = sum(1 for (_, taken, _), sites in choices if self._import_edits(taken, sites)[2])
        for choice, sites in choices:
            self._fix_part(*choice, sites, in_place=binding < 2)
        # legacy imports nothing uses go on their own; one that keeps names in use is left whole,
        # as trimming it would resolve nothing its finding is about. While a finding of the family
        # stays unfixed, the last of them stays too: it marks what is left as API 1.0, to its
        # reader and to ovlint (a module that no longer spells `openvino` is not looked at again)
        edits, touched, _ = self._import_edits([], [], trim=False)
        if any(p.fix is None for p in self.proposals) and all(use.statement in touched for use in self.imports):
            return
        # a name another module imports from this one (`from app.compat import IECore`) goes with the
        # import: that module would fail to import it
        taken = next(((name, importer) for use in self.imports if use.statement in touched
                      for name in _bound_names(use.statement) for importer in _takers(ctx, name)), None)
        if taken is not None:
            name, importer = taken
            for use in self.imports:
                if use.statement in touched:
                    where = os.path.relpath(importer, os.path.dirname(os.path.abspath(ctx.path)))
                    use.message += f" (the import stays while `{where}` imports `{name}` from this module: migrate it too)"
            return
        for use in self.imports:
            if use.statement in touched and use.fix is None:
                use.fix = Fix(tuple(sorted(edits)), Applicability.SAFE, touched[use.statement], REQUIRES)

    def _covered(self):
        """Whether a proposal points at a node (or overlaps it), or a rewrite replaces it."""
        ctx = self.ctx
        spans = [ctx.span(p.where) for p in self.proposals]
        spans += [(e.start, e.end) for p in self.proposals if isinstance(p.edits, tuple) for e in p.edits
                  if e.end > e.start]

        def covered(node) -> bool:
            start, end = ctx.span(node)
            return any(s < end and start < e for s, e in spans)
        return covered

    def _report_leftovers(self) -> None:
        """A use of an `openvino.inference_engine` name that no rule proposed anything for has no
        rewrite: it holds its part back (and keeps the import) instead of going unmentioned."""
        ctx = self.ctx
        covered = self._covered()
        for node in ctx.nodes((cst.Name, cst.Attribute)):
            name = legacy_class(ctx, node)
            parent = ctx.parent(node)
            if name is None or in_import(ctx, node) or (
                    isinstance(parent, cst.Attribute) and parent.value is node and legacy_class(ctx, parent)):
                continue
            if not covered(node):
                self.propose(LEFTOVER_CODE, node, f"`{name}` of `openvino.inference_engine` is API 1.0 (removed in "
                                                  f"OpenVINO {DEPRECATIONS['python-api-1'].removed}) and has no rewrite")

    def _report_handed_on(self) -> None:
        """An API 1.0 object passed to a function or class another module of the program defines
        (see `_imported_names`): ovlint does not follow it there, where it may still be used as API
        1.0, so migrating its part alone would hand that code an API 2.0 object. It holds its part
        back until that module is migrated too. Such a function handed on with the object (to
        `partial`, `Thread(target=..., args=(...))`, `executor.submit`) counts as called with it."""
        ctx = self.ctx
        imported = _imported_names(ctx)
        if not imported:
            return
        for call in ctx.nodes((cst.Call,)):
            values = [a.value for a in call.args]
            if _root(call.func) in imported:
                callee, handed = call.func, values
            else:  # a function handed on with the object; a constant of that module beside it is none
                at = next((i for i, v in enumerate(values) if _root(v) in imported and not _imported_constant(ctx, v)),
                          None)
                if at is None:
                    continue
                callee, handed = values[at], values[:at] + values[at + 1:]
            module = None
            for value in _spread(handed):
                if type(value).__name__ not in _HANDLES:
                    continue
                typed = self.types.of(value)
                held = typed.items if typed is not None and typed.kind == CONTAINER else typed
                if held is None or not held.legacy or held.kind not in HANDED_ON:
                    continue
                module = module or _imported_from(ctx, callee) or ""
                if not module:
                    break
                what = f"an API 1.0 `{HANDED_ON[held.kind]}`" + (" (in a container)" if held is not typed else "")
                source = _module_file(ctx.path, module)
                if source is not None and _names(source, _IMPORTS_OPENVINO) and not _names(source, _NAMES_API_1) \
                        and not _names(source, _READS_API_1):
                    break  # a module of API 2.0 (migrated in this run, perhaps): it takes API 2.0 objects
                silent = source is not None and not _names(source, _NAMES_OPENVINO)
                self.propose(LEFTOVER_CODE, value, (
                    f"`{excerpt(ctx, value)}`, {what}, is handed to `{excerpt(ctx, callee)}` from `{module}`, "
                    "which ovlint does not follow into: migrated, it would get an API 2.0 object there. Migrate "
                    f"`{module}` too" + (" (by hand: it names no OpenVINO module, so ovlint reports nothing there)"
                                         if silent else "")
                    + f", then mark this line `# noqa: {LEFTOVER_CODE}` to let this part's fix apply"))

    def _report_handed_to_unknown(self) -> None:
        """A core, network or compiled model passed to a method of an object the module cannot
        tell the class of (`plugin.load(network=net)`, `plugin` a parameter): that method may use it
        as API 1.0, and its own result (the compiled model it returns) goes untraced. Migrating the
        part would hand it an API 2.0 object and leave its API 1.0 calls, so it holds the part."""
        ctx = self.ctx
        covered = followed = None  # asked only of a call that hands such an object (positions cost)
        for call in ctx.nodes((cst.Call,)):
            func = call.func
            if not isinstance(func, cst.Attribute) or not call.args or func.attr.value in PUT | _NOT_HANDING \
                    or _root(func.value) in (None, "self", "cls") or _imported_root(ctx, func.value) \
                    or self.types.of(func.value) is not None or _made_by_a_library(ctx, func.value):
                continue  # a module's function, an imported class's, or an object the module follows
            held = next(((value, typed) for value in _spread([a.value for a in call.args])
                         if type(value).__name__ in _HANDLES and (typed := self.types.of(value)) is not None
                         and typed.legacy and typed.kind in (CORE, NETWORK, EXECUTABLE)), None)
            if held is None:
                continue
            if followed is None:
                covered = self._covered()
                followed = {id(site.node) for site, _ in self.types.calls.everything()}  # `pool.submit(worker, ...)`
            if id(call) in followed or covered(func.attr):
                continue
            value, typed = held
            self.propose(LEFTOVER_CODE, value, (
                f"`{excerpt(ctx, value)}`, an API 1.0 `{HANDED_ON[typed.kind]}`, is handed to "
                f"`{excerpt(ctx, func)}`, whose class ovlint cannot tell: migrated, that method would get an "
                "API 2.0 object, and what it returns is not followed. Rewrite that call by hand, then mark "
                f"this line `# noqa: {LEFTOVER_CODE}` to let this part's fix apply"))

    def _classes_keeping(self) -> dict:
        """The module's classes keeping API 1.0 objects in attributes (`self.exec_net =
        ie.load_network(...)`): class -> such an attribute."""
        ctx = self.ctx
        kept: dict = {}
        # every `self.x` the object model types (however assigned: a tuple, an annotation)
        for node in ctx.nodes((cst.Attribute,)):
            if not (isinstance(node.value, cst.Name) and node.value.value == "self"):
                continue
            value = self.types.of(node)
            if value is None or not value.legacy or value.kind not in HANDED_ON:
                continue
            owner = self.types.enclosing(node, cst.ClassDef)
            if owner is not None and ctx.parent(owner) is ctx.module:
                kept.setdefault(owner, node)
        return kept

    def _report_read_elsewhere(self, kept: dict) -> None:
        """API 1.0 objects another module of the program takes from this one: what a function it
        imports returns, the attributes of a class it imports (`kept`), a value it imports. Where
        that module reads them as API 1.0 (`net.input_info`, `exec_net.requests`), which ovlint
        does not follow, it would get API 2.0 objects: the part is held back until that module is
        migrated too."""
        ctx = self.ctx
        base, written = _module_base(ctx)
        # a notebook's `%%writefile` module is imported by the notebook's own cells too
        program = _program_around(ctx.path)
        importers = sorted((importer, names) for importer, names in program.importers.get(base, {}).items()
                           if (written or not _same_file(importer, ctx.path))
                           and not _imports_its_own(importer, base, ctx.path))
        exposed = self._exposed(kept) if importers else {}
        # the functions handing out API 1.0 objects and the names holding them (not the classes)
        handed = {name for name, (node, _) in exposed.items()
                  if node.value == name and not isinstance(ctx.parent(node), cst.ClassDef)}
        readers: dict = {}  # name -> the modules that import it and read API 1.0 attributes
        for importer, names in importers:
            taken = [name for name in exposed if name in names or "*" in names]
            depends.note_file(importer)  # its own fix can end its reading API 1.0
            if taken and (importer in program.reads_api_1 or _reads_what_it_takes(
                    importer, {alias for name in taken if name in handed
                               for alias in (name, *program.aliases.get(name, ()))})):
                where = "the notebook's other cells" if _same_file(importer, ctx.path) else \
                    f"`{os.path.relpath(importer, os.path.dirname(os.path.abspath(ctx.path)))}`"
                for name in taken:
                    readers.setdefault(name, []).append(where)
        for name, modules in readers.items():
            node, what = exposed[name]
            where = ", ".join(modules[:-1]) + " and " + modules[-1] if len(modules) > 1 else modules[0]
            verbs = "import it and use" if len(modules) > 1 or modules[0].startswith("the notebook") else "imports it and uses"
            self.propose(LEFTOVER_CODE, node, (
                f"{what}, and {where} {verbs} API 1.0 attributes; ovlint does not follow the objects there, where "
                f"they would be API 2.0 ones. Migrate {where} too, then mark this line `# noqa: {LEFTOVER_CODE}` "
                "to let this part's fix apply"))

    def _exposed(self, kept: dict) -> dict:
        """name -> (the node that defines it, what it holds) for the module's top-level functions
        returning API 1.0 objects, classes keeping them and names holding them."""
        ctx = self.ctx
        found: dict = {}
        for statement in ctx.module.body:
            if isinstance(statement, cst.FunctionDef):
                held = _api_1_object(self.types.returns(statement))
                if held:
                    found[statement.name.value] = (statement.name, f"`{statement.name.value}` returns an API 1.0 `{held}`")
            elif isinstance(statement, cst.ClassDef) and statement in kept:
                found[statement.name.value] = (statement.name, f"`{statement.name.value}` keeps API 1.0 objects "
                                                               f"(`{excerpt(ctx, kept[statement])}`)")
            elif isinstance(statement, cst.ClassDef):
                # a method handing out an API 1.0 object it keeps nowhere (`Loader().read(path)`)
                for method in ctx.within(statement, (cst.FunctionDef,)):
                    held = _api_1_object(self.types.returns(method))
                    if held:
                        found[statement.name.value] = (method.name, f"`{statement.name.value}.{method.name.value}` "
                                                                    f"returns an API 1.0 `{held}`")
                        break
            elif isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
                        held = _api_1_object(self.types.of(small.targets[0].target))
                        if held:
                            name = small.targets[0].target.value
                            found[name] = (small.targets[0].target, f"`{name}` holds an API 1.0 `{held}`")
        return found

    def _report_subclassed_elsewhere(self, kept: dict) -> None:
        """A class keeping API 1.0 objects in attributes that another module of the program
        subclasses: the subclass's methods may use those objects as API 1.0
        (`self.exec_net.infer(...)`), where ovlint does not follow them, and its module may not
        even mention OpenVINO. The class's part is held back until that module is migrated too."""
        ctx = self.ctx
        if not kept:
            return
        program = _program_around(ctx.path)
        module = re.compile(r"\b%s\b" % re.escape(os.path.splitext(os.path.basename(ctx.path))[0]))
        for cls, attribute in kept.items():
            names = {cls.name.value} | program.aliases.get(cls.name.value, set())  # `import Detector as Base`
            elsewhere = sorted(p for name in names for p in program.subclassed.get(name, ())
                               if not _same_file(p, ctx.path) and _names(p, module))
            if elsewhere:
                here = os.path.dirname(os.path.abspath(ctx.path))
                where = "`, `".join(os.path.relpath(p, here) for p in dict.fromkeys(elsewhere))
                self.propose(LEFTOVER_CODE, cls.name, (
                    f"`{cls.name.value}` keeps API 1.0 objects (`{excerpt(ctx, attribute)}`) and `{where}` subclass"
                    f"{'es' if len(set(elsewhere)) == 1 else ''} it; ovlint does not follow them into those modules, "
                    "whose methods may use them as API 1.0 objects and would get API 2.0 ones, and reports no such "
                    "use there (the objects come from this class). Migrate their uses by hand too, then mark this "
                    f"line `# noqa: {LEFTOVER_CODE}` to let this part's fix apply"))

    def _report_derived_from_legacy(self) -> None:
        """A class deriving from a class of another module of the program that still uses API 1.0
        (`class Classifier(Model)`, `Model` of `base_model.py`): the base's methods may use the
        objects the subclass's methods make (`self.ie`, `self.exec_net`) as API 1.0, and ovlint
        does not follow them there; migrated alone, this part would hand them API 2.0 objects. It is
        held back until that module is migrated too (whose part waits for this one likewise)."""
        ctx = self.ctx
        for cls in ctx.nodes((cst.ClassDef,)):
            for base in cls.bases:
                module = _imported_from(ctx, base.value) if base.keyword is None else None
                source = _module_file(ctx.path, module) if module else None
                if source is None or _same_file(source, ctx.path) or not (
                        _names(source, _IMPORTS_API_1) or _names(source, _READS_API_1_ONLY)):
                    continue
                self.propose(LEFTOVER_CODE, cls.name, (
                    f"`{cls.name.value}` derives from `{excerpt(ctx, base.value)}` of `{module}`, which still uses "
                    "API 1.0: its methods may use the objects this class's methods make as API 1.0 objects, and "
                    "ovlint does not follow them there, so this part is not migrated alone. Migrate both by hand "
                    f"(the base class's part waits for this module likewise), then mark this line "
                    f"`# noqa: {LEFTOVER_CODE}` to let this part's fix apply"))
                break

    def _choose(self, proposals: list[Proposal]):
        """(the proposals a part's fix applies, their edits, whether it is unsafe); None when a
        use of the part has no rewrite, which the part's findings then name."""
        ctx = self.ctx
        suppressed = [p for p in proposals if ctx.suppressed(p.code, *ctx.span(p.where))]
        held = next((p for p in proposals if p.edits is None and p not in suppressed), None)
        if held is not None:
            start, end = ctx.span(held.where)
            where = ctx.line_name(start)
            for proposal in proposals:
                if not proposal.edits:
                    continue
                inside = start <= ctx.span(proposal.where)[0] < end
                proposal.message += (
                    f" (not migrated yet: the {held.code} finding at {where}, on this code, says why)" if inside else
                    f" (not migrated yet: this part of the module also uses `{excerpt(ctx, held.where)}` at {where}, "
                    f"which is left as it is: its finding says why)")
            return None
        unsafe = bool(suppressed)
        chosen: list[Proposal] = []
        taken = EditIndex()
        for proposal in proposals:
            if proposal in suppressed:
                continue
            if any(taken.clashes(e, touching=False) for e in proposal.edits):
                unsafe = True  # it comes back in the next round of fixes
                continue
            unsafe = unsafe or proposal.unsafe
            for edit in proposal.edits:
                taken.add(edit)
            chosen.append(proposal)
        return chosen, taken.edits, unsafe

    def _fix_part(self, chosen: list[Proposal], taken: list[Edit], unsafe: bool, ov_sites: list, in_place: bool) -> None:
        """One fix for every proposal of a part."""
        import_edits, touched, _ = self._import_edits(taken, ov_sites, in_place)
        edits = tuple(sorted(set(taken) | set(import_edits)))
        if not edits:
            return
        applicability = Applicability.UNSAFE if unsafe else Applicability.SAFE
        for proposal in chosen:
            proposal.fix = Fix(edits, applicability, proposal.fix_message or "Migrate this module to API 2.0", REQUIRES)
        for use in self.imports:
            if use.statement in touched and use.fix is None:
                use.fix = Fix(edits, applicability, touched[use.statement], REQUIRES)

    def _import_edits(self, edits: list[Edit], ov_sites: list, in_place: bool = True, trim: bool = True):
        """Drop the legacy imports nothing refers to once `edits` are applied (and, `trim`, the
        names nothing refers to from those still in use), and bind `openvino` where an edit uses it:
        in place of a legacy import (a function's own import stays local, so an optional dependency
        stays optional; at module level only `in_place`), or else after the module's imports. Also
        says whether the edits bind `openvino` at module level."""
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
        need = bool(ov_sites) and not self._ov_bound
        bound: set[int] = set()  # scopes where the fix binds `openvino`
        blocks: set[int] = set()  # the statement lists it is bound in (each branch of an `if` or `try` binds it)
        guarded = None  # a kept module-level legacy import in a `try` that catches ImportError
        for use in self.imports:
            statement = use.statement
            kept = self._names_still_used(statement, consumed)
            line = ctx.parent(statement)
            if kept is None or not isinstance(line, cst.SimpleStatementLine):
                continue
            scope = ctx.scope(statement)
            block = ctx.parent(line)
            binds = (need and id(block) not in blocks and (in_place or scope is not ctx.scope(ctx.module))
                     and not self._used_before(statement, scope))
            trimmed = trim and isinstance(statement, cst.ImportFrom) and 0 < len(kept) < len(statement.names)
            if kept and not (binds and trimmed) and guarded is None and scope is ctx.scope(ctx.module) \
                    and _guards_imports(ctx.parent(block), block):
                guarded = line  # it stays, binding nothing
            if need and len(kept) < len(statement.names):
                # the same names imported elsewhere (another branch of a try or an if): `openvino`
                # must be bound there too, or the migrated uses fail when that branch runs
                result.extend(self._bind_beside(statement, binding))
            if not kept and not binds and probes_import(ctx, statement):
                if PROBE_NOTE not in use.message:
                    use.message += PROBE_NOTE
                continue
            if not kept:
                if binds:
                    result.append(ctx.replace(statement, binding))
                    bound.add(id(scope))
                    blocks.add(id(block))
                    touched[statement] = f"Import `openvino as {self._ov_alias}` instead"
                    continue
                result.extend(deleted_line(ctx, line) if len(line.body) == 1 else [_deleted_statement(ctx, line, statement)])
                touched[statement] = "Remove the import"
            elif trimmed:
                names = ", ".join(ctx.source(alias.name) + (f" as {alias.asname.name.value}" if alias.asname else "")
                                  for alias in kept)
                text = f"from {ctx.source(statement.module)} import {names}"
                if binds:
                    text += (ctx.newline + indentation(ctx, line) if len(line.body) == 1 else "; ") + binding
                    bound.add(id(scope))
                    blocks.add(id(block))
                result.append(ctx.replace(statement, text))
                touched[statement] = "Import only what is still used"
        module = ctx.scope(ctx.module)
        if need and guarded is not None and not all(self._visible(site, bound) for site in ov_sites) \
                and all(ctx.span(site)[0] >= line_end(ctx, guarded) for site in ov_sites):
            # beside it, so that without OpenVINO the module still fails with its own message
            end = line_end(ctx, guarded)
            result.append(Edit(end, end, f"{indentation(ctx, guarded)}{binding}{ctx.newline}"))
            bound.add(id(module))
        inserted = need and not all(self._visible(site, bound) for site in ov_sites)
        if inserted:
            result.append(ctx.imports.insert_statement(binding))
        return result, touched, inserted or id(module) in bound

    def _bind_beside(self, statement, binding: str) -> list[Edit]:
        """Insertions binding `openvino` after the other imports of `statement`'s names in its
        scope (a vendor's copy of the legacy module, imported in another branch)."""
        ctx = self.ctx
        scope = ctx.scope(statement)
        legacy = {use.statement for use in self.imports}
        others = []
        for alias in statement.names:
            name = alias.evaluated_alias or alias.evaluated_name
            for assignment in scope.assignments[name]:
                node = getattr(assignment, "node", None)
                if isinstance(node, (cst.Import, cst.ImportFrom)) and node not in legacy and node not in others:
                    others.append(node)
        edits = []
        for other in others:
            line = ctx.parent(other)
            if isinstance(line, cst.SimpleStatementLine):
                end = line_end(ctx, line)
                edits.append(Edit(end, end, f"{indentation(ctx, line)}{binding}{ctx.newline}"))
        return edits

    def _used_before(self, statement, scope) -> bool:
        """Whether a migrated use of `openvino` in `scope` can run before `statement`: binding it there
        would make the name the scope's own, unbound at that use (in a function, a use in a nested
        function or class counts too, though it may run later; one in another branch of an `if` or
        `try` that holds the statement does not). The binding then goes to the module."""
        ctx = self.ctx
        start = ctx.span(statement)[0]
        module = scope is ctx.scope(ctx.module)
        enclosing = set()
        node = statement
        while node is not None:
            enclosing.add(id(node))
            node = ctx.parent(node)
        for site in self._ov_sites:
            if ctx.span(site)[0] >= start or not (ctx.scope(site) is scope if module else self._visible(site, {id(scope)})):
                continue
            node = site
            while id(ctx.parent(node)) not in enclosing:
                node = ctx.parent(node)
            if isinstance(node, cst.BaseStatement):  # not a branch of a statement that holds this one
                return True
        return False

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
            if any(not consumed(ref.node) for ref in refs) or (
                    scope is self.ctx.scope(self.ctx.module) and self._star_importer(bound)):
                kept.append(alias)
        return kept

    def _note_star_importers(self) -> None:
        """A module-level legacy import another module takes every name of stays (`_star_importer`): its finding says why."""
        ctx = self.ctx
        for use in self.imports:
            names = getattr(use.statement, "names", None)
            if isinstance(names, cst.ImportStar) or ctx.scope(use.statement) is not ctx.scope(ctx.module):
                continue
            for alias in names:
                name = alias.evaluated_alias or alias.evaluated_name
                importer = self._star_importer(name)
                if importer:
                    where = os.path.relpath(importer, os.path.dirname(os.path.abspath(ctx.path)))
                    use.message += (f" (it stays: `{where}` imports every name of this module and spells `{name}`, "
                                    "which it may use from here; migrate that module too)")
                    break

    def _star_importer(self, name: str) -> Optional[str]:
        """Another module of the program that imports every name of this one (`from detector
        import *`) and spells `name`: it may use the legacy name bound here, so the import stays."""
        found = self._star_importers.get(name, False)
        if found is False:
            ctx = self.ctx
            base, written = _module_base(ctx)
            found = self._star_importers[name] = next(
                (importer for importer in sorted(_program_around(ctx.path).star_importers.get(base, ()))
                 if (written or not _same_file(importer, ctx.path)) and name in _code_names(importer)), None)
        return found

    def report(self, rule) -> None:
        self.finish()
        for proposal in self.proposals:
            if proposal.code == rule.code:
                rule.report(proposal.where, proposal.message, proposal.fix)
        for use in self.imports:
            if use.code == rule.code:
                rule.report(use.statement, use.message, use.fix)


# what an object handed on is written as: a name (`ie`, `self.exec_net`), a call (`IECore()`) or an
# item (`exec_net.requests[0]`)
_HANDLES = ("Name", "Attribute", "Call", "Subscript")


def _root(node) -> Optional[str]:
    """`a` for `a`, `a.b.c` (the name a dotted expression starts from); None for anything else."""
    while type(node).__name__ == "Attribute":
        node = node.value
    return node.value if type(node).__name__ == "Name" else None


# methods of containers, strings and loggers that keep or show an object without using it
_NOT_HANDING = {"extend", "extendleft", "update", "format", "format_map", "join", "debug", "info", "warning", "warn",
                "error", "exception", "critical", "log"}


def _made_by_a_library(ctx, node) -> bool:
    """Whether the name `node` is bound only to what a call of an imported module's function or
    class returns (`logger = logging.getLogger(...)`, `pool = ThreadPoolExecutor()`): a library's
    object, whose methods are the library's."""
    scope = ctx.scope(node) if isinstance(node, cst.Name) else None
    assignments = list(scope[node.value]) if scope is not None else []
    values = [ctx.parent(ctx.parent(a.node)) for a in assignments if isinstance(getattr(a, "node", None), cst.Name)]
    return bool(values) and all(isinstance(v, cst.Assign) and isinstance(v.value, cst.Call)
                                and _imported_root(ctx, v.value.func) for v in values)


def _imported_root(ctx, node) -> bool:
    """Whether the dotted expression `node` starts from a name an import binds (`np.copy`)."""
    while isinstance(node, cst.Attribute):
        node = node.value
    scope = ctx.scope(node) if isinstance(node, cst.Name) else None
    return scope is not None and any(isinstance(getattr(a, "node", None), (cst.Import, cst.ImportFrom))
                                     for a in scope[node.value])


def _spread(values: list) -> list:
    """The values, with the items of tuple and list literals among them (`args=(ie,)`, `*[ie, net]`)."""
    spread = []
    for value in values:
        if type(value).__name__ in ("Tuple", "List"):
            spread += _spread([element.value for element in value.elements])
        else:
            spread.append(value)
    return spread


# the API 1.0 objects whose methods another module may call
HANDED_ON = {CORE: "IECore", NETWORK: "IENetwork", EXECUTABLE: "ExecutableNetwork", REQUEST: "InferRequest",
             BLOB: "Blob", PLUGIN: "IEPlugin"}


# what only API 1.0 objects have: a module reading one of these reads the objects as API 1.0
# attributes only API 1.0 objects have
_API_1_ATTRIBUTES = ("input_info|input_blobs|output_blobs|tensor_desc|preprocess_info|async_infer|get_idle_request_id"
                     "|set_blob|read_network|load_network|query_network")
_READS_API_1_ONLY = re.compile(rf"\.(?:{_API_1_ATTRIBUTES})\b")
# ... and `.requests`, which other code has too (`self.requests = queue.Queue()`)
_READS_API_1 = re.compile(rf"\.(?:requests|{_API_1_ATTRIBUTES})\b")


def _module_base(ctx) -> tuple[str, Optional[str]]:
    """(the name other modules import the unit's module by, the file a notebook cell writes or None)."""
    written = _written_by(ctx.path, ctx.cell) if ctx.path.endswith(".ipynb") and ctx.cell is not None else None
    base, _ = os.path.splitext(os.path.basename(written or ctx.path))
    if base == "__init__":  # a package's: imported by its folder's name
        base = os.path.basename(os.path.dirname(written) if written else os.path.dirname(os.path.abspath(ctx.path)))
    return base, written


def _api_1_object(value) -> Optional[str]:
    """The API 1.0 class of the object `value` holds, or one of its parts or items holds."""
    if value is None or not value.legacy:
        return None
    if value.kind in HANDED_ON:
        return HANDED_ON[value.kind]
    inner = [value.items] if value.kind == CONTAINER else list(value.parts) if value.kind == TUPLE else []
    return next((found for part in inner if (found := _api_1_object(part))), None)


def _imported_names(ctx) -> set:
    """The names the module's imports of the program's own modules bind (`a` for `import a.b`):
    relative imports, and modules whose file or package is beside the module or in a folder above
    it (a library installed elsewhere, `numpy` or `loguru`, is not the program's to migrate, nor
    are the standard library and OpenVINO, whose own rules handle it)."""
    names = set()
    for statement in ctx.nodes((cst.Import, cst.ImportFrom)):
        if isinstance(statement.names, cst.ImportStar):
            continue
        module = dotted(statement.module) if isinstance(statement, cst.ImportFrom) and statement.module else ""
        relative = isinstance(statement, cst.ImportFrom) and bool(statement.relative)
        for alias in statement.names:
            top = (module if isinstance(statement, cst.ImportFrom) else dotted(alias.name)).split(".")[0]
            if not relative and (top in ("openvino", "ngraph") or top in standard_library() or not program_module(ctx.path, top)):
                continue
            names.add(alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name)
                      else dotted(alias.name).split(".")[0])
    return names


_NAMES_OPENVINO = re.compile(r"openvino|ngraph")
_NAMES_API_1 = re.compile(r"inference_engine|\bngraph\b")
# an import of API 1.0 or nGraph (a module naming them in a comment or a string uses neither)
_IMPORTS_API_1 = re.compile(r"(?m)^[ \t]*(?:from[ \t]+(?:openvino\.inference_engine|ngraph)\b|import[ \t]+"
                            r"(?:openvino\.inference_engine|ngraph)\b|from[ \t]+openvino[ \t]+import[ \t][^\n]*\binference_engine\b)")
# an import of a package only `openvino-dev` installs, or a notebook line running one of its tools
_DEV_RUNS = "|".join(sorted(map(re.escape, DEV_COMMANDS), key=len, reverse=True))
_DEV_IMPORTED = "|".join(map(re.escape, DEV_PACKAGES))
_DEV_TOOL_USE = re.compile(rf"(?m)^[ \t]*(?:(?:from|import)[ \t]+(?P<package>{_DEV_IMPORTED})\b"
                           r"|from[ \t]+openvino\.tools[ \t]+import[ \t]+(?P<tool>mo|pot|accuracy_checker)\b"
                           rf"|![ \t]*(?:python3?[ \t]+-m[ \t]+(?P<module>{_DEV_IMPORTED})|(?P<run>{_DEV_RUNS}))\b)")
_DEV_HINT = re.compile(rf"{_DEV_IMPORTED}|openvino\.tools|[\"'](?:{_DEV_RUNS})[\"']|![ \t]*(?:{_DEV_RUNS})\b")


def _dev_tool_use(path: str, text: str) -> Optional[str]:
    """What a module or notebook uses of `openvino-dev`'s tools (`imports `openvino.tools.mo``,
    `runs `omz_downloader``): an import, a notebook's `!` line, or a Python command list naming one
    (`subprocess.run(["omz_downloader", ...])`); read with CPython's parser where it parses, so an
    example in a docstring is none."""
    if not _DEV_HINT.search(text):
        return None
    if not path.endswith(".py"):
        found = _DEV_TOOL_USE.search(text)
        return None if found is None else (f"runs `{found.group('run')}`" if found.group("run") else
                                           f"imports `{found.group('package') or found.group('module') or 'openvino.tools.' + found.group('tool')}`")
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, (ast.List, ast.Tuple)) and node.elts and isinstance(node.elts[0], ast.Constant) \
                and node.elts[0].value in DEV_COMMANDS:
            return f"runs `{node.elts[0].value}`"
        else:
            continue
        package = next((p for name in names for p in DEV_PACKAGES if name == p or name.startswith(p + ".")), None)
        if package:
            return f"imports `{package}`"
    return None
_IMPORTS_OPENVINO = re.compile(r"(?m)^[ \t]*(?:import[ \t]+openvino\b|from[ \t]+openvino\b)")


def _module_file(path: str, module: str) -> Optional[str]:
    """The file of the program's module `module` (`a.b`: `a/b.py` or `a/b/__init__.py`) in the
    folder of `path` or one of the three above it (`_folders_around`); None when there is none."""
    if module.startswith("."):  # `from .base_model import Model`: the package's own folder, or one above
        dots = len(module) - len(module.lstrip("."))
        folder = os.path.dirname(os.path.abspath(path))
        for _ in range(dots - 1):
            folder = os.path.dirname(folder)
        relative = os.path.join(folder, module[dots:].replace(".", os.sep))
        candidates = (relative + ".py", os.path.join(relative, "__init__.py"))
        return next((c for c in candidates if _probed(c, depends.is_file)), None)
    relative = module.replace(".", os.sep)
    return next((candidate for folder in _folders_around(path)
                 for candidate in (os.path.join(folder, relative + ".py"), os.path.join(folder, relative, "__init__.py"))
                 if _probed(candidate, depends.is_file)), None) or _on_added_path(path, module)


# `sys.path.append("retinaface")`, `sys.path.insert(0, str(Path(__file__).parent / "common"))`: a
# folder of the program's own, written out (`sys.path.insert(0, str(model_dir))` may be anywhere)
_ADDS_FOLDER = re.compile(r"sys\.path\.(?:append|insert)\([^\n]*[\"']")


def _on_added_path(path: str, module: str) -> Optional[str]:
    """For a module that adds a folder it spells out to `sys.path` (`sys.path.append("retinaface")`,
    then `from detector import Detector`), the file of `module` anywhere in the program's tree:
    which folder it adds is not followed, so a module of that name there counts as the one imported
    (the first in the order of their paths); None for a module that adds none, or a tree without one."""
    try:
        if not _ADDS_FOLDER.search(_program_text(path)):
            return None
    except ReadError:
        return None
    tails = tuple(os.sep + module.replace(".", os.sep) + end for end in (".py", os.sep + "__init__.py"))
    # the result depends on every module of the tree
    return next((p for p in _program_around(path).modules if p.endswith(tails)), None)


def program_module(path: str, module: str, python_only: bool = False) -> bool:
    """Whether `module` is a file or package in the folder of `path` or one of the three above it
    (`_folders_around`); `python_only`: a package only with its `__init__.py` (a folder of C++
    named so is none)."""
    package = os.path.join(module, "__init__.py") if python_only else module
    if path.endswith(".ipynb") and module in _written_modules(path):
        return True
    return any(_probed(os.path.join(folder, module + ".py"), depends.is_file)
               or _probed(os.path.join(folder, package), depends.exists) for folder in _folders_around(path)) \
        or _on_added_path(path, module) is not None


def _probed(candidate: str, test) -> bool:
    """`test(candidate)`; the unit's result depends on the answer, so the candidate is noted: a
    probe needs no more of the program than that (reading its whole tree for it was most of a
    one-file run)."""
    depends.note_file(candidate)
    return test(candidate)


def _folders_around(path: str):
    """The folder of `path` and the three above it, nearest first, within its repository (or,
    outside one, the folder ovlint runs in, when it is there): a module elsewhere is no program's."""
    folder = os.path.dirname(os.path.abspath(path))
    top = _outermost(folder, os.getcwd())
    for _ in range(4):
        yield folder
        folder, below = os.path.dirname(folder), folder
        if folder == below or below == top:
            return


@lru_cache(maxsize=256)
def _outermost(folder: str, cwd: str) -> Optional[str]:
    """The folder a program's modules are looked for up to: the repository's root, or outside
    one the folder ovlint runs in when `folder` is in it (see `_folders_around`)."""
    here = os.path.abspath(cwd)
    return repository_root(folder) or (here if folder == here or folder.startswith(os.path.join(here, "")) else None)


_CLASS_WITH_BASES = re.compile(r"(?m)^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)")
# each `as` followed by a name, which the regular expression engine finds ten times as fast as
# `\b(\w+)[ \t]+as[ \t]+(\w+)`: a pattern that starts with a word is tried at every character
_AS_NAME = re.compile(r"as(?=[ \t]+(\w+))")


def _imported_as(text: str) -> list:
    """(name, the name it is imported as) for each `name as alias` of `text`: the matches of
    `\\b(\\w+)[ \\t]+as[ \\t]+(\\w+)`, each found from its `as` by looking back for the name."""
    found, end = [], 0
    for match in _AS_NAME.finditer(text):
        start = match.start()
        if start <= end or text[start - 1] not in " \t":
            continue
        name_end = start - 1
        while name_end > end and text[name_end - 1] in " \t":
            name_end -= 1
        name_start = name_end
        while name_start > end and _word_character(text[name_start - 1]):
            name_start -= 1
        if name_start == name_end or (name_start == end and end > 0 and _word_character(text[end - 1])):
            continue
        found.append((text[name_start:name_end], match.group(1)))
        end = match.end(1)
    return found


def _word_character(character: str) -> bool:
    """Whether `character` is one `\\w` matches."""
    return character.isalnum() or character == "_"


def _guards_imports(statement, block) -> bool:
    """Whether `block` is the body of the `try` statement `statement`, which catches ImportError."""
    return isinstance(statement, cst.Try) and statement.body is block and any(
        caught(handler) & {"ImportError", "ModuleNotFoundError", "Exception", ""} for handler in statement.handlers)


class Program(NamedTuple):
    """What the program's modules around a module say of it (`_program_around`)."""

    subclassed: dict  # base class name (its last dotted part) -> the files that derive a class from it
    aliases: dict  # a name imported under another one -> those names
    importers: dict  # module (its last dotted part) -> {file importing it: the names it imports, `*` the module}
    reads_api_1: set  # the files that use attributes only API 1.0 objects have (`_READS_API_1`)
    star_importers: dict  # module (its last dotted part) -> the files that import every name of it (`*`)
    # the files that import a tool only `openvino-dev` installs, or run one in a notebook's `!` line
    dev_tool_users: dict  # file -> what it uses (`openvino.tools.mo`)
    modules: tuple  # the modules read, in the order of their paths
    root: str
    stamp: str  # what the modules read were (`depends.tree_stamp`)


def _program_around(path: str) -> Program:
    """See `_program_root`; the unit's result depends on it (`depends.note_tree`)."""
    program = _program_under(_program_root(path, os.getcwd()), depends.generation())
    depends.note_tree(program.root, program.stamp)
    return program


@lru_cache(maxsize=256)
def _program_root(path: str, cwd: str) -> str:
    """The program's modules around `path`: in a repository, under the folder two above that of
    `path` (a `common/` beside the program's folder), or its root if nearer; outside a repository
    (a project unpacked from an archive), the same within the project ovlint runs in, `cwd` (see
    `_project_around`), and elsewhere in the folder of `path`."""
    folder = os.path.dirname(os.path.abspath(path))
    top = folder
    for _ in range(2):
        if os.path.exists(os.path.join(top, ".git")):
            return top
        above = os.path.dirname(top)
        if above == top:
            break
        top = above
    if repository_root(top):
        return top
    bound = _project_around(folder, cwd)
    within = [f for f in (top, os.path.dirname(folder), folder)
              if bound is not None and (f == bound or f.startswith(os.path.join(bound, "")))]
    return within[0] if within else folder


def _project_around(folder: str, cwd: str) -> Optional[str]:
    """Outside a repository, the folder bounding the program `folder` belongs to: the one ovlint
    runs in when that holds a program itself (a module, a notebook, a project file), else the
    folder below it holding `folder` (a folder of several projects is no program); None when
    `folder` is not within it."""
    here = os.path.abspath(cwd)
    if folder != here and not folder.startswith(os.path.join(here, "")):
        return None
    if _holds_program(here) or folder == here:
        return here
    return os.path.join(here, os.path.relpath(folder, here).split(os.sep)[0])


@lru_cache(maxsize=16)
def _holds_program(folder: str) -> bool:
    """Whether `folder` is a program's: it has a project file, or modules of its own and no two
    folders that are projects (a scratch script beside projects does not make them one)."""
    names, folders = _entries(folder)
    if any(_project_file(n) for n in names):
        return True
    return any(n.endswith((".py", ".ipynb")) for n in names) and \
        sum(1 for f in folders if any(_project_file(n) for n in _entries(os.path.join(folder, f))[0])) < 2


def _project_file(name: str) -> bool:
    return name in ("pyproject.toml", "setup.py", "setup.cfg") or (name.startswith("requirements") and name.endswith(".txt"))


def _entries(folder: str) -> tuple[list, list]:
    """(file names, folder names) of `folder`; none when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.is_dir()) for e in entries]
    except OSError:
        return [], []
    return [n for n, d in found if not d], [n for n, d in found if d and not n.startswith(".")]


@lru_cache(maxsize=16)
def _program_under(root: str, generation: int) -> Program:
    """See `_program_around`: the modules of `depends.program_tree(root)`, read once per process
    for each folder and `depends.generation()`."""
    paths = depends.program_tree(root)
    program = Program({}, {}, {}, set(), {}, {}, tuple(sorted(paths)), root, depends.tree_stamp(root, paths))
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:  # a file gone
            continue
        facts = _module_facts(path, generation, stat.st_size, stat.st_mtime_ns)
        if facts is None:  # a FIFO, a device
            continue
        for base in facts.bases:
            program.subclassed.setdefault(base, set()).add(path)
        for name, alias in facts.aliases:
            program.aliases.setdefault(name, set()).add(alias)
        for module, imported in facts.imports:
            program.importers.setdefault(module, {}).setdefault(path, set()).update(imported)
        for module in facts.star_imports:
            program.star_importers.setdefault(module, set()).add(path)
        if facts.reads_api_1:
            program.reads_api_1.add(path)
        if facts.dev_tool_use:
            program.dev_tool_users[path] = facts.dev_tool_use
    return program


class _ModuleFacts(NamedTuple):
    """What `Program` takes from one module."""

    bases: list  # the last dotted part of each base class
    aliases: list  # (name, the name it is imported as)
    imports: list  # (module, the names imported of it)
    star_imports: list  # the last dotted part of each module it imports every name of
    reads_api_1: bool
    dev_tool_use: Optional[str]


@lru_cache(maxsize=4096)
def _module_facts(path: str, generation: int, size: int, modified: int) -> Optional[_ModuleFacts]:
    """A module's part of `Program`, read once per process for each of its contents (its size and
    modification time, and `depends.generation()`): the programs around the modules of a tree
    overlap (each is under the folder two above a module's), and reading each module again for
    each of them was a tenth of linting the real tree; None when it cannot be read."""
    try:
        text = _program_text(path)
    except ReadError:
        return None
    return _ModuleFacts(
        [base.strip().rpartition(".")[2] for match in _CLASS_WITH_BASES.finditer(text) for base in match.group(1).split(",")],
        _imported_as(text),
        list(_imports_in(text)),
        [match.group(1).rpartition(".")[2] for match in _STAR_IMPORT.finditer(text)],
        bool(_READS_API_1.search(text)),
        _dev_tool_use(path, text))


def dev_tool_users(path: str) -> dict:
    """The modules and notebooks of the program around `path` that use a tool only `openvino-dev`
    installs -> what they use (the result depends on them: `depends.note_tree`)."""
    return _program_around(path).dev_tool_users


def _program_text(path: str) -> str:
    """The code of a module of the program: a Python file's first MiB, or a notebook's code
    cells (a notebook is read whole, as JSON must be); ReadError when it cannot be read."""
    if path.endswith(".ipynb"):
        return _notebook_code(depends.content(path, 64 << 20).decode("utf-8", "replace"))
    return depends.content(path, 1 << 20).decode("utf-8", "replace")


def _notebook_code(text: str) -> str:
    """The code cells of a notebook's JSON, one after the other, but those that write a file
    (`%%writefile`: a module of their own); "" for anything else."""
    return "\n".join(source for source in _code_cells(text)
                     if source is not None and not source.lstrip().startswith("%%writefile"))


@lru_cache(maxsize=8)
def _notebook_cells(path: str, mtime: int, size: int) -> list:
    """`_code_cells` of the notebook at `path`, read once for each of its versions (a notebook read
    cell by cell asks for each cell)."""
    try:
        return _code_cells(read_head(path, 64 << 20).decode("utf-8", "replace"))
    except ReadError:
        return []


def _code_cells(text: str) -> list:
    """The sources of a notebook's code cells (None for a cell of another kind); [] when it is no notebook."""
    import json

    try:
        cells = json.loads(text.lstrip("\ufeff")).get("cells", [])
        return [("".join(c["source"]) if isinstance(c.get("source"), list) else str(c.get("source", "")))
                if isinstance(c, dict) and c.get("cell_type") == "code" else None for c in cells]
    except (ValueError, AttributeError, TypeError, KeyError, RecursionError):
        return []


def _written_by(path: str, cell: int) -> Optional[str]:
    """The file the notebook's cell `cell` writes (`%%writefile net_utils.py`), or None."""
    cells = _cells_of(path)
    match = WRITEFILE.match(cells[cell] or "") if 0 <= cell < len(cells) else None
    return match.group("name") if match else None


def _written_modules(path: str) -> set:
    """The modules the notebook's cells write (`net_utils` for `%%writefile net_utils.py`, `utils`
    for `utils/net.py`), which its other cells import as the program's own."""
    found = set()
    for source in _cells_of(path):
        match = WRITEFILE.match(source or "")
        written = match.group("name").replace("\\", "/").lstrip("./") if match else ""
        if written.endswith(".py"):
            top = written.split("/")[0]
            found.add(top[:-3] if top.endswith(".py") else top)
    return found


def _cells_of(path: str) -> list:
    try:
        stat = os.stat(path)
    except OSError:
        return []
    return _notebook_cells(path, stat.st_mtime_ns, stat.st_size)


_STAR_IMPORT = re.compile(r"(?m)^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+\*")
_FROM_IMPORT = re.compile(r"(?m)^[ \t]*from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)")
_IMPORT = re.compile(r"(?m)^[ \t]*import[ \t]+([^\n#;]+)")


def _imports_in(text: str):
    """(module, names) for each module a Python text imports (its last dotted part), the names
    imported from it, `*` for the module itself; `from . import m` imports the module `m`."""
    for match in _FROM_IMPORT.finditer(text):
        module = match.group(1).rpartition(".")[2]
        names = {part.split()[0] for part in match.group(2).strip("()").replace("\\", " ").split(",") if part.split()}
        if module:
            yield module, names
        for name in names:  # `from package import module`
            yield name, {"*"}
    for match in _IMPORT.finditer(text):
        for part in match.group(1).split(","):
            if part.split():
                yield part.split()[0].rpartition(".")[2], {"*"}


def _code_names(path: str) -> frozenset:
    """The names the code of the module at `path` spells (not in its comments or strings)."""
    depends.note_file(path)
    try:
        st = os.stat(path)
    except OSError:
        return frozenset()
    return _tokenized_names(path, st.st_size, st.st_mtime_ns, depends.generation())


@lru_cache(maxsize=64)
def _tokenized_names(path: str, size: int, mtime: int, generation: int) -> frozenset:
    """See `_code_names`: tokenized once per process for each version of a module."""
    import io
    import tokenize

    try:
        text = _program_text(path)
    except ReadError:
        return frozenset()
    names = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NAME:
                names.add(token.string)
    except (tokenize.TokenError, SyntaxError, ValueError):  # what it read up to there counts
        pass
    return frozenset(names)


def _names(path: str, word) -> bool:
    """Whether the file at `path` holds a match of `word` (a pattern)."""
    try:
        depends.note_file(path)
        return bool(word.search(_program_text(path)))
    except ReadError:
        return False


def foreign_module(path: str, module: str) -> bool:
    """Whether `module`, as the module at `path` imports it, is another package's, or a module of
    the program that names no OpenVINO module: what it exports is not OpenVINO's (a re-export of
    `openvino.inference_engine`'s classes names it)."""
    if module.split(".")[0] in ("openvino", "ngraph"):
        return False
    source = _module_file(path, module)
    return source is None or not _names(source, _NAMES_OPENVINO)


def imported_elsewhere(ctx, name: str) -> bool:
    """Whether another module of the program around the unit imports `name` from it, or the whole
    module (`import helpers`, `from helpers import *`)."""
    base, _ = os.path.splitext(os.path.basename(ctx.path))
    if base == "__init__":  # a package's: imported by its folder's name
        base = os.path.basename(os.path.dirname(os.path.abspath(ctx.path)))
    importers = _program_around(ctx.path).importers.get(base, {})
    return any(name in names or "*" in names for importer, names in importers.items() if not _same_file(importer, ctx.path))


def _takers(ctx, name: str) -> list:
    """The other modules of the program that take `name` from the unit's module: by name, or as an
    attribute of the module they import (`import helpers`, `helpers.IECore`); those that take
    every name (`from helpers import *`) are `_note_star_importers`'."""
    base, _ = _module_base(ctx)
    program = _program_around(ctx.path)
    found = []
    for importer, names in sorted(program.importers.get(base, {}).items()):
        if _same_file(importer, ctx.path):
            continue
        if name in names or ("*" in names and importer not in program.star_importers.get(base, ())
                             and _names(importer, re.compile(rf"\.{re.escape(name)}\b"))):
            found.append(importer)
    return found


def _bound_names(statement) -> list:
    """The names an import statement binds (`IECore`, `ie` for `... as ie`)."""
    if isinstance(statement.names, cst.ImportStar):
        return []
    return [(alias.asname.name.value if alias.asname else dotted(alias.name).split(".")[0])
            if isinstance(statement, cst.Import) or alias.asname else alias.name.value for alias in statement.names]


def _imports_its_own(importer: str, module: str, path: str) -> bool:
    """Whether the module `importer` imports a module named `module` of its own folder, not the
    one at `path`: Python looks in a script's folder first, and a relative import names a sibling
    (`app.py` beside its own `inference.py`). An import with a package (`from pkg.inference
    import ...`) may name either: it counts."""
    folder = os.path.dirname(os.path.abspath(importer))
    own = [p for p in (os.path.join(folder, module + ".py"), os.path.join(folder, module, "__init__.py"))
           if depends.is_file(p)]
    if not own or any(_same_file(p, path) for p in own):
        return False
    try:
        text = _program_text(importer)
    except ReadError:
        return False
    dotted = rf"[\w.]*\w\.{re.escape(module)}\b"
    return re.search(rf"(?m)^[ \t]*(?:from[ \t]+{dotted}|import[ \t]+(?:[^#\n]*,[ \t]*)?{dotted})", text) is None


def _reads_what_it_takes(path: str, names: set) -> bool:
    """Whether the module at `path` uses an attribute of a name it imports from the module linted
    (`names`: functions returning API 1.0 objects and names holding them), of a call of one, or of
    a name it binds to such a call (`exec_net, blob = load(...)`), anywhere in it: the functions it hands the
    object to mostly call it by the same name. Every attribute of an API 1.0 object is API 1.0's
    (even `inputs` and `outputs` change meaning), so such a module reads the object as API 1.0."""
    if not names:
        return False
    try:
        text = _program_text(path)
    except ReadError:
        return False
    called = "|".join(map(re.escape, sorted(names)))
    bound = set(names)
    for match in re.finditer(rf"(?m)^[ \t]*\(?([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*)\)?[ \t]*=[ \t]*(?:[\w.]+\.)?(?:{called})[ \t]*\(",
                             text):
        bound.update(re.findall(r"[A-Za-z_][\w.]*", match.group(1)))
    # `exec_net.infer`, `loader.ie.get_metric`, and what a call hands out used at once: `load(xml).requests`
    return re.search(rf"(?<![\w.])(?:\w+\.)?(?:{'|'.join(map(re.escape, sorted(bound)))})\.[A-Za-z_]"
                     rf"|(?<![\w.])(?:\w+\.)?(?:{called})[ \t]*\([^()]*\)\.[A-Za-z_]", text) is not None


def _same_file(a: str, b: str) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)


def imported_strings(ctx, name) -> list:
    """The strings of the list, tuple or set literal that a module of the program assigns, once at
    its top level, to what the Name `name` imports (`from settings import METRICS`); [] otherwise."""
    import ast

    value = _imported_assignment(ctx, name)
    if not isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return []
    return [e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def _imported_constant(ctx, node) -> bool:
    """Whether `node` names what a module of the program assigns a literal (`settings.DEVICE`,
    `DEVICE = "CPU"` there): a value, not a function anything could be handed to."""
    import ast

    return isinstance(_imported_assignment(ctx, node), (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict))


def _imported_assignment(ctx, node):
    """The value (a Python `ast` node) a module of the program assigns once, at its top level, to
    what the Name or Attribute `node` imports from it; None when that is not known."""
    from libcst.metadata import QualifiedNameSource

    scope = ctx.scope(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
    found = [q.name for q in scope.get_qualified_names_for(node) if q.source is QualifiedNameSource.IMPORT] if scope else []
    module, _, attribute = found[0].lstrip(".").rpartition(".") if len(found) == 1 else ("", "", "")
    source = _module_file(ctx.path, module) if module else None  # `from .settings import X`: beside
    if source is None:
        return None
    depends.note_file(source)
    return _top_level_assignments(source, depends.generation()).get(attribute)


@lru_cache(maxsize=64)
def _top_level_assignments(path: str, generation: int) -> dict:
    """Name -> the value (an `ast` node) the module at `path` assigns it once at its top level
    (read once per process for each module, as the program around is)."""
    import ast

    try:
        tree = ast.parse(_program_text(path))
    except (ReadError, SyntaxError, ValueError, RecursionError):
        return {}
    values: dict = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(statement.value)
    return {name: found[0] for name, found in values.items() if len(found) == 1}


def _imported_from(ctx, func) -> Optional[str]:
    """The module a called name was imported from; None where the name is bound otherwise (a
    local variable of the same name as an import)."""
    from libcst.metadata import QualifiedNameSource

    scope = ctx.scope(func) if isinstance(func, (cst.Name, cst.Attribute)) else None
    names = [q.name for q in scope.get_qualified_names_for(func) if q.source is QualifiedNameSource.IMPORT] if scope else []
    return (names[0].rpartition(".")[0] or names[0]) if names else None


def _drop_deleted(proposals) -> None:
    """Edits inside text another proposal deletes (a statement moved elsewhere) are moot; lines
    inserted where deleted lines begin or end are not inside them."""
    deletions = [e for p in proposals if p.edits for e in p.edits if e.end > e.start and not e.content]
    if not deletions:
        return

    def inside(e, d) -> bool:
        if e.start == e.end and e.content.endswith("\n") and e.start in (d.start, d.end):
            return False
        return d.start <= e.start and e.end <= d.end and d != e

    for proposal in proposals:
        if proposal.edits:
            proposal.edits = tuple(
                e for e in proposal.edits
                if not any(inside(e, d) and d not in proposal.edits for d in deletions))


def _is_none(node) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def loads_network(types, value) -> bool:
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
            and value.func.attr.value in ("load_network", "import_network")):
        return False
    owner = types.of(value.func.value)
    return owner is not None and owner.kind == CORE


def excerpt(ctx, node, width: int = 40) -> str:
    text = " ".join(ctx.source(node).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _deleted_statement(ctx, line, statement) -> Edit:
    """Delete one statement of a line of several (`import a; run()`), with the `;` that parts it
    from the next one (or, the last, from the one before)."""
    at = line.body.index(statement)
    if at + 1 < len(line.body):
        return Edit(ctx.span(statement)[0], ctx.span(line.body[at + 1])[0], "")
    return Edit(ctx.span(line.body[at - 1])[1], ctx.span(statement)[1], "")
