"""What the OV1xx rules share: which values of a module are API 1.0 objects, and one migration
plan per unit.

API 1.0 objects are migrated as a whole. A half-migrated program works on neither API (an
`ov.Core` has no `read_network`; an IENetwork has no `get_friendly_name`), so every OV1xx
diagnostic of a unit carries the same fix: all the rewrites proposed in that unit, applied
together. The fix is unsafe as soon as one rewrite is unsafe or one use has no rewrite, and there
is no fix at all unless every OV1xx rule runs (a rule left out would leave its uses behind).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from ovlint import noqa
from ovlint.diagnostics import Applicability, Edit, Fix
from ovlint.lazy import cst
from ovlint.python_edits import argument, collect, fresh_name, indentation, newline, rename, walk, whole_lines
from ovlint.python_imports import dotted
from ovlint.rule import PythonRule
from ovlint.versions import at_least

IE = "openvino.inference_engine"
NGRAPH = "ngraph"
# first release with `openvino.Core`, `openvino.Tensor`, ... at the top level of `openvino`
FIX_SINCE = "2023.1"

# kinds of values
CORE, NETWORK, EXECUTABLE, REQUEST, PLUGIN = "core", "network", "executable", "request", "plugin"
REQUESTS = "requests"  # ExecutableNetwork.requests
INPUTS, OUTPUTS, DATA_INPUTS = "input-map", "output-map", "data-input-map"  # dicts keyed by layer name
INPUT_BLOBS, OUTPUT_BLOBS = "input-blob-map", "output-blob-map"
INPUT_INFO, DATA, BLOB, DESC = "input-info", "data", "blob", "tensor-desc"

LEGACY_CLASSES = {
    "IECore": CORE, "IENetwork": NETWORK, "ExecutableNetwork": EXECUTABLE, "InferRequest": REQUEST,
    "IEPlugin": PLUGIN, "Blob": BLOB, "TensorDesc": DESC, "DataPtr": DATA, "CDataPtr": DATA,
    "InputInfoPtr": INPUT_INFO, "InputInfoCPtr": INPUT_INFO,
}
MODERN_CLASSES = {"Core": CORE, "Model": NETWORK, "CompiledModel": EXECUTABLE, "InferRequest": REQUEST}
MODERN_MODULES = ("openvino", "openvino.runtime", "openvino.runtime.ie_api")

# method -> (kind of the result, whether the result is an API 1.0 object)
RETURNS = {
    CORE: {"read_network": (NETWORK, True), "load_network": (EXECUTABLE, True),
           "import_network": (EXECUTABLE, True), "read_model": (NETWORK, False),
           "compile_model": (EXECUTABLE, False), "import_model": (EXECUTABLE, False)},
    PLUGIN: {"load": (EXECUTABLE, True)},
    EXECUTABLE: {"create_infer_request": (REQUEST, False)},
}
# attribute -> kind, on API 1.0 objects
ATTRIBUTES = {
    NETWORK: {"input_info": INPUTS, "inputs": DATA_INPUTS, "outputs": OUTPUTS},
    EXECUTABLE: {"input_info": INPUTS, "outputs": OUTPUTS, "requests": REQUESTS},
    REQUEST: {"input_blobs": INPUT_BLOBS, "output_blobs": OUTPUT_BLOBS},
    INPUT_INFO: {"input_data": DATA},
}
# attributes that do not exist in API 2.0: found on objects of either API (a partial migration)
UNAMBIGUOUS = {"input_info", "requests", "input_blobs", "output_blobs"}
ITEMS = {REQUESTS: REQUEST, INPUTS: INPUT_INFO, OUTPUTS: DATA, DATA_INPUTS: DATA,
         INPUT_BLOBS: BLOB, OUTPUT_BLOBS: BLOB}


INSTANCE = "instance"  # an object of a class defined in the module


@dataclass(frozen=True)
class Value:
    kind: str
    legacy: bool = True
    cls: object = field(default=None, compare=False)  # the ClassDef of an INSTANCE


def class_name(ctx, node, module: str) -> Optional[str]:
    """`IECore` when `node` names `<module>.IECore` (or `<module>.ie_api.IECore`)."""
    for name in ctx.qualified_names(node):
        if name.startswith(module + "."):
            rest = name[len(module) + 1:]
            if rest.startswith("ie_api."):
                rest = rest[len("ie_api."):]
            if "." not in rest:
                return rest
    return None


def legacy_class(ctx, node) -> Optional[str]:
    return class_name(ctx, node, IE)


def _modern_class(ctx, node) -> Optional[str]:
    names = ctx.qualified_names(node)
    for module in MODERN_MODULES:
        for cls in MODERN_CLASSES:
            if f"{module}.{cls}" in names:
                return cls
    return None


def in_import(ctx, node) -> bool:
    parent = ctx.parent(node)
    while isinstance(parent, (cst.Attribute, cst.Name)):
        parent = ctx.parent(parent)
    return isinstance(parent, (cst.ImportAlias, cst.ImportFrom, cst.Import))


def legacy_reference(ctx, node) -> Optional[str]:
    """The API 1.0 class `node` names (`IECore`, `ie.IECore`), outside imports; else None."""
    cls = legacy_class(ctx, node)
    if cls is None or in_import(ctx, node):
        return None
    parent = ctx.parent(node)
    if isinstance(parent, cst.Attribute) and parent.value is node:
        return None  # `IECore.x`: reported once, at the outer node
    return cls


def in_annotation(ctx, node) -> bool:
    parent = ctx.parent(node)
    while parent is not None and not isinstance(parent, (cst.Annotation, cst.BaseStatement, cst.Call)):
        parent = ctx.parent(parent)
    return isinstance(parent, cst.Annotation)


# API 1.0 classes used in annotations -> their API 2.0 twin in `openvino`
ANNOTATION_TWINS = {"IECore": "Core", "IENetwork": "Model", "ExecutableNetwork": "CompiledModel",
                    "InferRequest": "InferRequest", "Blob": "Tensor"}


def propose_class_reference(rule, node, cls, call_edits=None, call_message="") -> None:
    """A reference to an API 1.0 class: its API 2.0 twin in an annotation; a constructor call
    with `call_edits`; anything else is reported without a fix."""
    ctx = rule.ctx
    parent = ctx.parent(node)
    twin = ANNOTATION_TWINS.get(cls)
    if isinstance(parent, cst.Call) and parent.func is node and call_message:
        rule.propose(node, call_message, call_edits, unsafe=call_edits is None or cls != "IECore",
                     fix_message=f"Use `ov.{twin}`" if twin else "Rewrite the call")
    elif twin and in_annotation(ctx, node):
        rule.propose(node, f"`{cls}` is `ov.{twin}` in API 2.0", [ctx.replace(node, f"{rule.plan.ov(node)}.{twin}")],
                     unsafe=False, fix_message=f"Use `ov.{twin}`")
    else:
        message = f"`{cls}` is API 1.0, removed in OpenVINO 2024.0"
        rule.propose(node, message + (f": its API 2.0 counterpart is `ov.{twin}`" if twin else ""))


class Types:
    """What each expression of a module holds, as far as API 1.0 objects are concerned: followed
    through names, `self.x` attributes, helper return values, loops and annotations."""

    def __init__(self, ctx):
        self.ctx = ctx
        self._values: dict = {}
        self._bindings: dict = {}
        self._accesses: Optional[dict] = None
        self._classes: dict = {}
        self._calls: Optional[dict] = None

    def of(self, node) -> Optional[Value]:
        if node in self._values:
            return self._values[node]
        self._values[node] = None  # a cycle (x = x.y) resolves to "unknown"
        value = self._infer(node)
        self._values[node] = value
        return value

    def _infer(self, node) -> Optional[Value]:
        ctx = self.ctx
        if isinstance(node, cst.Call):
            legacy = legacy_class(ctx, node.func)
            if legacy in LEGACY_CLASSES:
                return Value(LEGACY_CLASSES[legacy])
            modern = _modern_class(ctx, node.func)
            if modern:
                return Value(MODERN_CLASSES[modern], False)
            if isinstance(node.func, cst.Attribute):
                owner = self.of(node.func.value)
                if owner is not None:
                    result = RETURNS.get(owner.kind, {}).get(node.func.attr.value)
                    return Value(*result) if result else None
            if isinstance(node.func, cst.Name):
                cls = next((a.node for a in self.referents(node.func) if isinstance(a.node, cst.ClassDef)), None)
                if cls is not None:
                    return Value(INSTANCE, False, cls)
            function = self.function(node.func)
            return self._returns(function) if function is not None else None
        if isinstance(node, cst.Attribute):
            if self.is_self(node.value):
                return self._self_attribute(node)
            owner = self.of(node.value)
            if owner is not None and owner.kind == INSTANCE:
                return self._attribute_of(owner.cls, node.attr.value)
            if owner is not None and (owner.legacy or node.attr.value in UNAMBIGUOUS):
                kind = ATTRIBUTES.get(owner.kind, {}).get(node.attr.value)
                return Value(kind, owner.legacy) if kind else None
            return None
        if isinstance(node, cst.Subscript):
            owner = self.of(node.value)
            if owner is not None and owner.kind in ITEMS and len(node.slice) == 1:
                return Value(ITEMS[owner.kind], owner.legacy)
            return None
        if isinstance(node, cst.Name):
            values = [v for v in (self.binding(a.node) for a in self.referents(node)) if v is not None]
            if not values:
                return None
            # a name bound to API 1.0 and API 2.0 objects (a partial migration) counts as API 2.0,
            # so that only the attributes API 2.0 lacks are still reported on it
            return replace(values[0], legacy=all(v.legacy for v in values))
        return None

    # names and bindings

    def referents(self, name) -> list:
        if self._accesses is None:
            self._accesses = {}
            for scope in self.ctx.scopes():
                for access in scope.accesses:
                    self._accesses[access.node] = access
        access = self._accesses.get(name)
        if access is None:
            return []
        found = [a for a in access.referents if hasattr(a, "node")]
        return sorted(found, key=lambda a: self.ctx.span(a.node)[0] if isinstance(a.node, cst.CSTNode) else 0)

    def binding(self, node) -> Optional[Value]:
        """The value bound by an assignment's node (a target name, a parameter, a loop target)."""
        if node not in self._bindings:
            self._bindings[node] = None
            self._bindings[node] = self._bind(node)
        return self._bindings[node]

    def _bind(self, node) -> Optional[Value]:
        ctx = self.ctx
        parent = ctx.parent(node)
        if isinstance(parent, cst.AssignTarget) and parent.target is node:
            return self.of(ctx.parent(parent).value)
        if isinstance(parent, cst.AnnAssign) and parent.target is node:
            return self._annotation(parent.annotation) or (self.of(parent.value) if parent.value else None)
        if isinstance(node, cst.Param):
            return self._annotation(node.annotation) if node.annotation else self._argument(node)
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.target is node:
            return self._item(parent.iter)
        if isinstance(parent, cst.Element):
            pair = ctx.parent(parent)
            loop = ctx.parent(pair)
            if isinstance(pair, cst.Tuple) and isinstance(loop, (cst.For, cst.CompFor)) and loop.target is pair:
                return self._unpacked(loop.iter, list(pair.elements).index(parent))
        return None

    def _item(self, iterated) -> Optional[Value]:
        """What iterating `iterated` yields: requests from `exec_net.requests`."""
        value = self.of(iterated)
        return Value(REQUEST, value.legacy) if value and value.kind == REQUESTS else None

    def _unpacked(self, iterated, index: int) -> Optional[Value]:
        """Element `index` of `for a, b in ...` over `m.items()`, `enumerate(x)` or `zip(x, y)`."""
        if not isinstance(iterated, cst.Call):
            return None
        func = iterated.func
        if isinstance(func, cst.Attribute) and func.attr.value == "items" and not iterated.args and index == 1:
            owner = self.of(func.value)
            if owner and owner.kind in ITEMS and owner.kind != REQUESTS:
                return Value(ITEMS[owner.kind], owner.legacy)
        elif isinstance(func, cst.Name) and func.value == "enumerate" and iterated.args and index == 1:
            return self._item(iterated.args[0].value)
        elif isinstance(func, cst.Name) and func.value == "zip" and index < len(iterated.args):
            return self._item(iterated.args[index].value)
        return None

    def _argument(self, param) -> Optional[Value]:
        """An unannotated parameter of a module's own function: what every call passes it, when
        the calls that can be told agree."""
        ctx = self.ctx
        params = ctx.parent(param)
        function = ctx.parent(params) if isinstance(params, cst.Parameters) else None
        if not isinstance(function, cst.FunctionDef) or param not in params.params:
            return None
        position = list(params.params).index(param)
        values = []
        for call in self._calls_to(function):
            offset = 1 if isinstance(call.func, cst.Attribute) else 0  # `self.method(...)` binds self
            arg = argument(call, position - offset, param.name.value) if position >= offset else None
            value = self.of(arg.value) if arg is not None else None
            if value is not None:
                values.append(value)
        if not values or any(v.kind != values[0].kind for v in values):
            return None
        return replace(values[0], legacy=all(v.legacy for v in values))

    def _calls_to(self, function) -> list:
        if self._calls is None:
            self._calls = {}
            for call in walk(self.ctx.module, (cst.Call,)):
                if isinstance(call.func, (cst.Name, cst.Attribute)):
                    target = self.function(call.func)
                    if target is not None:
                        self._calls.setdefault(target, []).append(call)
        return self._calls.get(function, [])

    def _annotation(self, annotation) -> Optional[Value]:
        expr = annotation.annotation
        legacy = legacy_class(self.ctx, expr)
        if legacy in LEGACY_CLASSES:
            return Value(LEGACY_CLASSES[legacy])
        modern = _modern_class(self.ctx, expr)
        return Value(MODERN_CLASSES[modern], False) if modern else None

    # functions and classes

    def function(self, func):
        """The FunctionDef a call goes to, when it is defined in this module."""
        if isinstance(func, cst.Name):
            for assignment in self.referents(func):
                if isinstance(assignment.node, cst.FunctionDef):
                    return assignment.node
        elif isinstance(func, cst.Attribute) and self.is_self(func.value):
            cls = self._enclosing(func, cst.ClassDef)
            if cls is not None:
                return self._class(cls)[1].get(func.attr.value)
        return None

    def _returns(self, function) -> Optional[Value]:
        for ret in collect(function, (cst.Return,)):
            if ret.value is not None:
                value = self.of(ret.value)
                if value is not None:
                    return value
        return None

    def is_self(self, node) -> bool:
        return isinstance(node, cst.Name) and node.value == "self"

    def _self_attribute(self, node) -> Optional[Value]:
        cls = self._enclosing(node, cst.ClassDef)
        return self._attribute_of(cls, node.attr.value) if cls is not None else None

    def _attribute_of(self, cls, attribute) -> Optional[Value]:
        for value in self._class(cls)[0].get(attribute, ()):
            found = self.of(value)
            if found is not None:
                return found
        return None

    def self_key(self, node):
        """A hashable identity for `self.x` (or `obj.x`, obj an instance of a module's class)."""
        if self.is_self(node.value):
            cls = self._enclosing(node, cst.ClassDef)
        else:
            owner = self.of(node.value)
            cls = owner.cls if owner is not None and owner.kind == INSTANCE else None
        return (cls, node.attr.value) if cls is not None else None

    def _enclosing(self, node, kind):
        parent = self.ctx.parent(node)
        while parent is not None and not isinstance(parent, kind):
            parent = self.ctx.parent(parent)
        return parent

    def _class(self, cls):
        """(attribute -> values assigned to self.<attribute>, method name -> FunctionDef)."""
        if cls not in self._classes:
            attributes: dict[str, list] = {}
            methods = {}
            for stmt in cls.body.body:
                if isinstance(stmt, cst.FunctionDef):
                    methods[stmt.name.value] = stmt
                    for assign in collect(stmt, (cst.Assign,)):
                        for target in assign.targets:
                            t = target.target
                            if isinstance(t, cst.Attribute) and self.is_self(t.value):
                                attributes.setdefault(t.attr.value, []).append(assign.value)
            self._classes[cls] = (attributes, methods)
        return self._classes[cls]

    def binding_key(self, expr):
        """What identifies the variable `expr` reads (a name's binding, or a class attribute)."""
        if isinstance(expr, cst.Attribute):
            return self.self_key(expr)
        if isinstance(expr, cst.Name):
            parent = self.ctx.parent(expr)
            if isinstance(parent, cst.AssignTarget):
                return expr
            for assignment in self.referents(expr):
                if self.binding(assignment.node) is not None:
                    return assignment.node
        return None


@dataclass
class Proposal:
    code: str
    where: object
    message: str
    edits: Optional[tuple[Edit, ...]]  # None: no mechanical rewrite; (): nothing to change
    unsafe: bool
    fix_message: str = ""
    fix: Optional[Fix] = None


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
        return at_least(self.ctx.target_version, FIX_SINCE)

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

    def propose(self, code, where, message, edits=None, unsafe=True, fix_message="") -> None:
        """`edits` may be a function, called once every rule has proposed (for rewrites that
        gather several statements)."""
        if edits is not None and not callable(edits):
            edits = tuple(edits)
        self.proposals.append(Proposal(code, where, message, edits, unsafe, fix_message))

    def legacy_import(self, code, statement, message) -> None:
        self.imports.append(_ImportUse(code, statement, message))

    def finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        from ovlint import registry

        family = {r.code for r in registry.all_rules() if issubclass(r, Api10Rule)}
        if not family <= self.ctx.enabled_codes or not self.fixable():
            return
        ctx = self.ctx
        file_codes = noqa.file_exemption(ctx.text)
        unsafe = False
        chosen: list[Proposal] = []
        taken: list[Edit] = []
        for proposal in self.proposals:
            if callable(proposal.edits):
                made = proposal.edits()
                proposal.edits = None if made is None else tuple(made)
        _drop_deleted(self.proposals)
        for proposal in sorted(self.proposals, key=lambda p: ctx.span(p.where)):
            start, end = ctx.span(proposal.where)
            lines = {ctx.lines.line(ctx.lines.position(start)[0]), ctx.lines.line(ctx.lines.position(end)[0])}
            if proposal.edits is None or noqa.is_suppressed(proposal.code, list(lines), file_codes):
                unsafe = True
                continue
            if any(_overlap(e, t) for e in proposal.edits for t in taken):
                unsafe = True
                continue
            unsafe = unsafe or proposal.unsafe
            taken.extend(proposal.edits)
            chosen.append(proposal)
        import_edits, touched = self._import_edits(taken)
        edits = tuple(sorted(set(taken) | set(import_edits)))
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
        replaced = [e for e in edits if e.end > e.start]

        def consumed(node) -> bool:
            start, end = ctx.span(node)
            return any(e.start <= start and end <= e.end for e in replaced)

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
                    text += newline(ctx) + indentation(ctx, line) + binding
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


def _overlap(a: Edit, b: Edit) -> bool:
    """Whether two edits of one fix cannot both apply: an insertion strictly inside a replaced
    range, or two different replacements of intersecting ranges."""
    if a == b:
        return False
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


class Api10Rule(PythonRule):
    """An OV1xx rule: proposes findings to the unit's plan, and reports them when the module ends."""

    deprecated_in = "2023.0"
    removed_in = "2024.0"
    # every way to reach API 1.0 or nGraph goes through an import naming one of them
    needles = ("openvino", "ngraph")

    @classmethod
    def fix_together(cls) -> tuple:
        from ovlint import registry

        return tuple(r for r in registry.all_rules() if issubclass(r, Api10Rule))

    @property
    def plan(self) -> Plan:
        return Plan.of(self.ctx)

    @property
    def types(self) -> Types:
        return self.plan.types

    def propose(self, where, message, edits=None, unsafe=True, fix_message="") -> None:
        self.plan.propose(self.code, where, message, edits, unsafe, fix_message)

    def leave_Module(self, node) -> None:
        self.plan.report(self)

    def untraced(self, node, what: str, marker: str = "openvino") -> None:
        """`what` on an object the model could not follow (set through `setattr`, passed in
        untyped, ...): reported without a fix in code that mentions `marker`."""
        if self.ctx.memo(f"mentions-{marker}", lambda: marker in self.ctx.text):
            self.propose(node, f"{what} looks like API 1.0 (removed in OpenVINO 2024.0); the object could not "
                               "be traced, so it is not rewritten")


# dict-of-names attributes -> (API 2.0 list of ports, API 2.0 accessor by name)
_PORT_LISTS = {INPUTS: ("inputs", "input"), DATA_INPUTS: ("inputs", "input"), OUTPUTS: ("outputs", "output"),
               INPUT_BLOBS: ("model_inputs", "get_tensor"), OUTPUT_BLOBS: ("model_outputs", "get_tensor")}
_NAME_CONSUMERS = ("iter", "list", "sorted", "tuple", "set", "enumerate", "frozenset")


def map_rewrite(ctx, attribute, kind) -> Optional[list]:
    """Edits for one use of an API 1.0 dict keyed by layer name (`net.input_info`,
    `net.outputs`, `request.output_blobs`, ...), or None when the use cannot be rewritten.

    API 1.0 sorted these dicts by name; API 2.0 lists ports in model order. Wherever the order
    can show, the rewrite sorts the names, so the program sees the same sequence as before."""
    owner = ctx.source(attribute.value)
    ports, accessor = _PORT_LISTS[kind]
    blobs = kind in (INPUT_BLOBS, OUTPUT_BLOBS)
    var = "port" if "port" not in owner else "port_"
    names = f"sorted({var}.get_any_name() for {var} in {owner}.{ports})"
    item = f"{owner}.get_tensor({var})" if blobs else var
    parent = ctx.parent(attribute)
    if isinstance(parent, cst.Subscript) and parent.value is attribute and len(parent.slice) == 1:
        opening = ctx.text.index("[", ctx.span(attribute)[1])
        closing = ctx.span(parent)[1] - 1
        return [rename(ctx, attribute, accessor), Edit(opening, opening + 1, "("), Edit(closing, closing + 1, ")")]
    if isinstance(parent, cst.Attribute) and parent.value is attribute:
        call = ctx.parent(parent)
        if not (isinstance(call, cst.Call) and call.func is parent and not call.args):
            return None
        method = parent.attr.value
        if method == "keys":
            return [ctx.replace(call, names)]
        if method == "items":
            return [ctx.replace(call, f"sorted(({var}.get_any_name(), {item}) for {var} in {owner}.{ports})")]
        if method == "values":
            ordered = f"sorted({owner}.{ports}, key=lambda {var}: {var}.get_any_name())"
            return [ctx.replace(call, f"[{item} for {var} in {ordered}]" if blobs else ordered)]
        return None
    if isinstance(parent, cst.Arg) and parent.value is attribute and parent.keyword is None:
        call = ctx.parent(parent)
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and len(call.args) == 1:
            function = call.func.value
            if function == "len":
                return [rename(ctx, attribute, ports)] if attribute.attr.value != ports else []
            outer_arg = ctx.parent(call)
            outer = ctx.parent(outer_arg) if isinstance(outer_arg, cst.Arg) else None
            if (function == "iter" and isinstance(outer, cst.Call) and isinstance(outer.func, cst.Name)
                    and outer.func.value == "next" and len(outer.args) == 1):
                return [ctx.replace(outer, f"min({var}.get_any_name() for {var} in {owner}.{ports})")]
            if function in _NAME_CONSUMERS:
                return [ctx.replace(attribute, names)]
        return None
    if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is attribute:
        return [ctx.replace(attribute, names)]
    if (isinstance(parent, cst.ComparisonTarget) and parent.comparator is attribute
            and isinstance(parent.operator, (cst.In, cst.NotIn))):
        return [ctx.replace(attribute, names)]
    return None


MAP_MESSAGE = ("`{attr}` is an API 1.0 dict keyed by layer name (sorted by name); API 2.0 `{ports}` is a "
               "list of ports in model order, addressed by tensor name (`{accessor}(name)`)")


def _iterates_ports(ctx, attribute) -> bool:
    """`... for port in model.outputs` with `port.get_any_name()` in the element, or
    `sorted(model.outputs, key=lambda port: port.get_any_name())`: already API 2.0 code."""
    parent = ctx.parent(attribute)
    if isinstance(parent, cst.CompFor) and parent.iter is attribute and isinstance(parent.target, cst.Name):
        comprehension = ctx.parent(parent)
        element = getattr(comprehension, "elt", None)
        var = parent.target.value
        return element is not None and any(
            isinstance(c.func, cst.Attribute) and c.func.attr.value == "get_any_name"
            and isinstance(c.func.value, cst.Name) and c.func.value.value == var
            for c in walk(element, (cst.Call,)))
    if isinstance(parent, cst.Arg):
        call = ctx.parent(parent)
        return (isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == "sorted"
                and any(a.keyword is not None and a.keyword.value == "key" for a in call.args))
    return False


def propose_map_use(rule, attribute, kind) -> None:
    if attribute.attr.value in ("inputs", "outputs") and _iterates_ports(rule.ctx, attribute):
        return
    ports, accessor = _PORT_LISTS[kind]
    message = MAP_MESSAGE.format(attr=attribute.attr.value, ports=ports, accessor=accessor)
    edits = map_rewrite(rule.ctx, attribute, kind)
    if edits == []:
        return  # a use that means the same in both APIs (`len(net.outputs)`)
    rule.propose(attribute.attr, message, edits, fix_message=f"Use `{ports}` / `{accessor}(name)`")
