"""The OV1xx type model: which expressions of a module hold API 1.0 objects (an IECore, a
network, an executable network, its requests, their dicts and blobs), followed through names,
`self.x` attributes, instances of the module's classes, helper functions, loops and annotations."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import argument, collect, walk

IE = "openvino.inference_engine"

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
    if not ctx.memo(f"mentions-{module}", lambda: module.rsplit(".", 1)[-1] in ctx.text):
        return None  # a qualified name comes from names the module spells: no need to resolve scopes
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
        """What iterating `iterated` yields: requests from `exec_net.requests`, and the values of
        an API 1.0 dict from `m.values()` (iterating the dict itself yields names)."""
        if (isinstance(iterated, cst.Call) and isinstance(iterated.func, cst.Attribute)
                and iterated.func.attr.value == "values" and not iterated.args):
            owner = self.of(iterated.func.value)
            if owner and owner.kind in ITEMS and owner.kind != REQUESTS:
                return Value(ITEMS[owner.kind], owner.legacy)
            return None
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
