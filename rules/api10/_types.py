"""The OV1xx type model: which expressions of a module hold API 1.0 objects (an IECore, a
network, an executable network, its requests, their dicts and blobs), followed through names,
`self.x` attributes, instances of the module's classes, helper functions, loops and annotations."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import int_value, string_value
from ovlint.rulekit.python_imports import dotted
from ovlint.rules.api10._calls import Calls
from ovlint.rules.api10._classes import Classes
from ovlint.rules.api10._ngraph_ops import OPS

IE = "openvino.inference_engine"

# kinds of values
CORE, NETWORK, EXECUTABLE, REQUEST, PLUGIN = "core", "network", "executable", "request", "plugin"
REQUESTS = "requests"  # ExecutableNetwork.requests
INPUTS, OUTPUTS, DATA_INPUTS = "input-map", "output-map", "data-input-map"  # dicts keyed by layer name
INPUT_BLOBS, OUTPUT_BLOBS = "input-blob-map", "output-blob-map"
INPUT_INFO, DATA, BLOB, DESC = "input-info", "data", "blob", "tensor-desc"
STATES, STATE = "variable-states", "variable-state"  # InferRequest.query_state() and its items
PREPROCESS, CHANNEL = "preprocess-info", "preprocess-channel"  # InputInfoPtr.preprocess_info, and its [c]

LEGACY_CLASSES = {
    "IECore": CORE, "IENetwork": NETWORK, "ExecutableNetwork": EXECUTABLE, "InferRequest": REQUEST,
    "IEPlugin": PLUGIN, "Blob": BLOB, "TensorDesc": DESC, "DataPtr": DATA, "CDataPtr": DATA,
    "InputInfoPtr": INPUT_INFO, "InputInfoCPtr": INPUT_INFO,
}
MODERN_CLASSES = {"Core": CORE, "Model": NETWORK, "CompiledModel": EXECUTABLE, "InferRequest": REQUEST}
MODERN_MODULES = ("openvino", "openvino.runtime", "openvino.runtime.ie_api")
# functions (by qualified name) whose call returns an API 1.0 object
LEGACY_FUNCTIONS = {"ngraph.function_to_cnn": NETWORK, "ngraph.helpers.function_to_cnn": NETWORK}

# method -> (kind of the result, whether the result is an API 1.0 object)
RETURNS = {
    CORE: {"read_network": (NETWORK, True), "load_network": (EXECUTABLE, True),
           "import_network": (EXECUTABLE, True), "read_model": (NETWORK, False),
           "compile_model": (EXECUTABLE, False), "import_model": (EXECUTABLE, False)},
    PLUGIN: {"load": (EXECUTABLE, True)},
    EXECUTABLE: {"create_infer_request": (REQUEST, False), "start_async": (REQUEST, True)},
    REQUEST: {"query_state": (STATES, True), "get_tensor": (BLOB, False), "get_input_tensor": (BLOB, False),
              "get_output_tensor": (BLOB, False)},
}
# attribute -> kind, on API 1.0 objects
ATTRIBUTES = {
    NETWORK: {"input_info": INPUTS, "inputs": DATA_INPUTS, "outputs": OUTPUTS},
    EXECUTABLE: {"input_info": INPUTS, "outputs": OUTPUTS, "requests": REQUESTS},
    REQUEST: {"input_blobs": INPUT_BLOBS, "output_blobs": OUTPUT_BLOBS},
    INPUT_INFO: {"input_data": DATA, "preprocess_info": PREPROCESS},
    STATE: {"state": BLOB},
}
# attributes that do not exist in API 2.0: found on objects of either API (a partial migration)
UNAMBIGUOUS = {"input_info", "requests", "input_blobs", "output_blobs"}
ITEMS = {REQUESTS: REQUEST, INPUTS: INPUT_INFO, OUTPUTS: DATA, DATA_INPUTS: DATA,
         INPUT_BLOBS: BLOB, OUTPUT_BLOBS: BLOB, STATES: STATE, PREPROCESS: CHANNEL}


# attributes only an API 1.0 class has (no API 2.0 class, no other API 1.0 class): what a
# parameter nobody in the module passes an object to is taken for, from the attributes used on it
EVIDENCE = {
    CORE: {"read_network", "load_network", "import_network", "query_network"},
    NETWORK: {"batch_size", "layers", "get_ov_name_for_tensor"},
    EXECUTABLE: {"requests", "get_exec_graph_info"},
    REQUEST: {"input_blobs", "output_blobs", "async_infer", "set_blob", "get_perf_counts", "set_completion_callback"},
}
CLASS_NAMES = {CORE: "IECore", NETWORK: "IENetwork", EXECUTABLE: "ExecutableNetwork", REQUEST: "InferRequest"}

# what an op function of nGraph (or of `openvino.opsetN`) makes: the same classes in API 2.0
NODE, CONSTANT, PARAMETER = "node", "constant-node", "parameter-node"
_NODE_KINDS = {"constant": CONSTANT, "parameter": PARAMETER}
_OP_FUNCTION = re.compile(r"^(?:ngraph|openvino|openvino\.runtime)\.(?:opset\d+\.)?(?:ops\.)?([a-z][a-z_0-9]*)$")

INSTANCE = "instance"  # an object of a class defined in the module
LEGACY_MODULE = "legacy-module"  # `openvino.inference_engine` itself, kept in a variable
# what holds API objects: a list or dict of them, a dict literal with string keys, a tuple
CONTAINER, RECORD, TUPLE = "container", "record", "tuple"


@dataclass(frozen=True)
class Value:
    kind: str
    legacy: bool = True
    cls: object = field(default=None, compare=False, repr=False)  # the ClassDef of an INSTANCE
    items: Optional["Value"] = field(default=None, compare=False)  # what a CONTAINER holds
    keyed: bool = field(default=False, compare=False)  # a CONTAINER that is a dict: iterating it yields keys
    # RECORD: ((key, value), ...); TUPLE: its values in order (None: no API object)
    parts: tuple = field(default=(), compare=False)
    # known from an annotation only: the program may hand in something else (`isinstance` tells)
    declared: bool = field(default=False, compare=False)
    # taken from the attributes used on it (`EVIDENCE`): the names that told
    evidence: tuple = field(default=(), compare=False)
    # a BLOB of `request.output_blobs`: its `buffer` held that inference's values
    output: bool = field(default=False, compare=False)


def container(items: Value, keyed: bool) -> Value:
    return Value(CONTAINER, items.legacy, items=items, keyed=keyed)


def _agreeing(values) -> Optional[Value]:
    """The value every typed one of `values` has, when they agree on the kind."""
    typed = [v for v in values if v is not None]
    if not typed or any(v.kind != typed[0].kind for v in typed):
        return None
    return replace(typed[0], legacy=all(v.legacy for v in typed))


def _item_of(value: Value) -> Optional[Value]:
    """What one item of a list value holds: a request of `exec_net.requests`, a state of
    `request.query_state()`, or a list's items."""
    if value.kind == REQUESTS:
        return Value(REQUEST, value.legacy)
    if value.kind == STATES:
        return Value(STATE, value.legacy)
    return value.items if value.kind == CONTAINER and not value.keyed else None


def mentions(ctx, module: str) -> bool:
    """Whether the unit spells the last part of `module`'s name: no name of it can be used without."""
    known = ctx.memo("mentions", dict)
    found = known.get(module)
    if found is None:
        found = known[module] = module.rsplit(".", 1)[-1] in ctx.text
    return found


def class_name(ctx, node, module: str) -> Optional[str]:
    """`IECore` when `node` names `<module>.IECore` (or `<module>.ie_api.IECore`)."""
    if not mentions(ctx, module):
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
    """`IECore` for `IECore`, `ie.IECore` (any import of it) and `self.ie.IECore` (the module
    kept in a variable)."""
    # the family's rules ask about every name they visit: what the names say is kept per node;
    # what the object model says is asked again (it keeps its own answers, but not those it
    # gives inside a cycle). A module that never spells `inference_engine` names no class of it.
    known = ctx.memo("legacy-class", lambda: {} if mentions(ctx, IE) else None)
    if known is None:
        return None
    key = id(node)  # the unit's nodes live as long as these answers
    found = known.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        found = class_name(ctx, node, IE)
        if found is None and type(node) is cst.Attribute:
            found = _OWNER_DECIDES
        known[key] = found
    if found is _OWNER_DECIDES:
        owner = Types.of_unit(ctx).of(node.value)
        return node.attr.value if owner is not None and owner.kind == LEGACY_MODULE else None
    return found


def _class_level(function) -> bool:
    """Whether a method is called through its class: a `staticmethod` or `classmethod`."""
    return any(isinstance(d.decorator, cst.Name) and d.decorator.value in ("staticmethod", "classmethod")
               for d in function.decorators)


_UNKNOWN = object()
_OWNER_DECIDES = object()  # an attribute of what may hold the `inference_engine` module


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


# builtins and collections that copy an iterable into a sequence of the same items
_SEQUENCES = {"builtins.list", "builtins.tuple", "builtins.sorted", "builtins.reversed", "builtins.iter",
              "collections.deque", "builtins.set", "builtins.frozenset"}
# methods taking one item out of a container
_TAKE = {"pop", "popleft", "get", "get_nowait"}
# methods putting the last argument into a container (`append(x)`, `insert(i, x)`, `d.setdefault(k, x)`)
PUT = {"append", "appendleft", "add", "insert", "setdefault", "put", "put_nowait"}
_KEYED = {"builtins.dict", "collections.OrderedDict", "collections.defaultdict"}


class Types:
    """What each expression of a module holds, as far as API 1.0 objects are concerned: followed
    through names, attributes of the module's classes (and their bases), arguments at every call
    site (constructors and callbacks too), return values, containers, loops and annotations."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.classes = Classes(self)
        self.calls = Calls(self)
        self._values: dict = {}
        self._bindings: dict = {}
        self._active: dict = {}  # what is being worked out -> its depth
        self._path: list = []  # the same, in depth order
        self._lowest = 0
        # what was worked out inside a cycle -> (its value, the depth of the cycle's outermost member),
        # and that member -> what it holds: kept while the member is worked out (see `_solve`)
        self._tentative: dict = {}
        self._tied: dict = {}
        self._accesses: Optional[dict] = None
        self._puts: Optional[dict] = None
        self._writes: Optional[dict] = None
        self._class_names: Optional[frozenset] = None

    @staticmethod
    def of_unit(ctx) -> "Types":
        return ctx.memo("api10-types", lambda: Types(ctx))

    def of(self, node) -> Optional[Value]:
        return self._solve(self._values, node, self._infer)

    def _solve(self, known: dict, node, infer) -> Optional[Value]:
        """`infer(node)`, kept in `known`. A value that needs itself (`x = x.y`, a parameter
        passed on to the function it belongs to) is unknown there; what was worked out inside
        such a cycle may change once the cycle is left, so it is kept only while the cycle's
        outermost member is being worked out (asked again meanwhile, the answer would be the same
        work again: programs with hundreds of `tensors[a] = f(tensors[b])` made that exponential)."""
        if node in known:
            return known[node]
        key = (id(known), node)
        if key in self._active:
            self._lowest = min(self._lowest, self._active[key])
            return None
        tentative = self._tentative.get(key)
        if tentative is not None:
            self._lowest = min(self._lowest, tentative[1])
            return tentative[0]
        depth = len(self._active)
        self._active[key] = depth
        self._path.append(key)
        outer, self._lowest = self._lowest, depth
        try:
            value = infer(node)
        finally:
            del self._active[key]
            self._path.pop()
            for held in self._tied.pop(key, ()):
                del self._tentative[held]
        if self._lowest >= depth:
            known[node] = value
            self._lowest = outer
        else:
            self._tentative[key] = (value, self._lowest)
            self._tied.setdefault(self._path[self._lowest], []).append(key)
            self._lowest = min(outer, self._lowest)
        return value

    def holds_request(self, node) -> bool:
        value = self.of(node)
        return value is not None and value.kind == REQUEST

    def instance_class(self, node):
        value = self.of(node)
        return value.cls if value is not None and value.kind == INSTANCE else None

    def _infer(self, node) -> Optional[Value]:
        if isinstance(node, cst.Call):
            return self._call(node)
        if isinstance(node, cst.Attribute):
            if _unpacked_into(self.ctx, node):  # `self.a, *self.b = f()`
                return self._target(node)
            if self.is_self(node.value):
                cls = self.enclosing(node, cst.ClassDef)
                return self._attribute_of(cls, node.attr.value) if cls is not None else None
            owner = self.of(node.value)
            if owner is not None and owner.kind == INSTANCE:
                return self._attribute_of(owner.cls, node.attr.value)
            if owner is not None and (owner.legacy or node.attr.value in UNAMBIGUOUS):
                kind = ATTRIBUTES.get(owner.kind, {}).get(node.attr.value)
                return Value(kind, owner.legacy) if kind else None
            return None
        if isinstance(node, cst.Subscript):
            return self._subscript(node)
        if isinstance(node, cst.IfExp):
            # `IECore() if USE_OPENVINO else None`: the object, where there is one
            branches = [b for b in (node.body, node.orelse) if not (isinstance(b, cst.Name) and b.value == "None")]
            values = [self.of(b) for b in branches]
            if len(values) == 1 or (len(values) == 2 and None not in values and _agreeing(values) == values[0]):
                return values[0]
            return None
        if isinstance(node, cst.Name):
            if self.ctx.qualified_names(node) == {IE}:
                return Value(LEGACY_MODULE)
            referents = self.referents(node)
            if not referents:  # an assignment's own target (an attribute copied from `locals()`)
                return self.binding(node)
            last = self._rebound_before(node, referents)
            if last is not None:  # `blob = blob.buffer.reshape(...)` just before: that value alone
                return self.binding(last.node)
            values = [v for v in (self.binding(a.node) for a in referents) if v is not None]
            if not values:
                return None
            # a name bound to API 1.0 and API 2.0 objects (a partial migration) counts as API 2.0,
            # so that only the attributes API 2.0 lacks are still reported on it
            return replace(values[0], legacy=all(v.legacy for v in values))
        return self._literal(node)

    def _call(self, node) -> Optional[Value]:
        ctx = self.ctx
        legacy = legacy_class(ctx, node.func)
        if legacy in LEGACY_CLASSES:
            return Value(LEGACY_CLASSES[legacy])
        if legacy == "read_network":  # the module's function
            return Value(NETWORK)
        names = ctx.qualified_names(node.func)
        made = next((LEGACY_FUNCTIONS[n] for n in names if n in LEGACY_FUNCTIONS), None)
        if made is not None:
            return Value(made)
        op = next((m.group(1) for n in names if (m := _OP_FUNCTION.match(n)) and m.group(1) in OPS), None)
        if op is not None:
            return Value(_NODE_KINDS.get(op, NODE), False)
        modern = _modern_class(ctx, node.func)
        if modern:
            return Value(MODERN_CLASSES[modern], False)
        if isinstance(node.func, cst.Attribute):
            owner = self.of(node.func.value)
            method = node.func.attr.value
            if owner is None:
                # `Loader.read(path)`: a static or class method called through its class
                cls = self.class_named(node.func.value) if isinstance(node.func.value, cst.Name) else None
                found = self.classes.method(cls, method) if cls is not None else None
                return self.returns(found) if found is not None and _class_level(found) else None
            if owner.kind == INSTANCE:
                found = self.classes.method(owner.cls, method)
                result = self.returns(found) if found is not None else None
                if result is not None and result.kind == INSTANCE and result.cls in self.classes.lineage(owner.cls):
                    return owner  # `return self`: the object the method was called on
                return result
            if method in ("items", "values") and not node.args:  # a view of a dict's values, or of its (name, value) pairs
                item = self._item(node)
                return container(item, keyed=False) if item is not None else None
            if owner.kind == CONTAINER:
                return owner.items if method in _TAKE else owner if method == "copy" else None
            result = RETURNS.get(owner.kind, {}).get(method)
            return Value(*result) if result else None
        if isinstance(node.func, cst.Name):
            cls = self.class_named(node.func)
            if cls is not None:
                return Value(INSTANCE, False, cls)
            if names & _SEQUENCES and len(node.args) == 1 and not node.args[0].keyword:
                items = self._item(node.args[0].value)
                return container(items, keyed=False) if items is not None else None
            if "builtins.next" in names and node.args and not node.args[0].keyword:  # `next(iter(net.input_info.items()))`
                return self._item(node.args[0].value)
        function = self.function(node.func)
        return self.returns(function) if function is not None else None

    def _subscript(self, node) -> Optional[Value]:
        owner = self.of(node.value)
        if owner is None or len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            return None
        key = node.slice[0].slice.value
        if owner.kind in ITEMS:
            return Value(ITEMS[owner.kind], owner.legacy, output=owner.kind == OUTPUT_BLOBS)
        if owner.kind == CONTAINER:
            return owner.items
        if owner.kind == RECORD:
            name = string_value(key)
            return next((v for k, v in owner.parts if k == name), None)
        if owner.kind == TUPLE:
            index = int_value(key)
            return owner.parts[index] if index is not None and -len(owner.parts) <= index < len(owner.parts) else None
        return None

    def _literal(self, node) -> Optional[Value]:
        """Dicts, lists, tuples and comprehensions holding API objects."""
        if isinstance(node, cst.Dict):
            pairs = [(e.key, e.value) for e in node.elements if isinstance(e, cst.DictElement)]
            if len(pairs) != len(node.elements) or not pairs:
                return None
            keys = [string_value(k) for k, _ in pairs]
            values = [self.of(v) for _, v in pairs]
            if all(v is None for v in values):
                return None
            if all(k is not None for k in keys):
                return Value(RECORD, all(v.legacy for v in values if v), parts=tuple(zip(keys, values)))
            items = _agreeing(values)
            return container(items, keyed=True) if items is not None else None
        if isinstance(node, cst.Tuple):
            parts = tuple(None if isinstance(e, cst.StarredElement) else self.of(e.value) for e in node.elements)
            if all(p is None for p in parts):
                return None
            return Value(TUPLE, all(p.legacy for p in parts if p), parts=parts)
        if isinstance(node, (cst.List, cst.Set)):
            items = _agreeing(self.of(e.value) for e in node.elements if isinstance(e, cst.Element))
            return container(items, keyed=False) if items is not None else None
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            items = self.of(node.elt)
            return container(items, keyed=False) if items is not None else None
        if isinstance(node, cst.DictComp):
            items = self.of(node.value)
            return container(items, keyed=True) if items is not None else None
        return None

    # names and bindings

    def _rebound_before(self, name, referents):
        """The assignment of `name` that every run reaches it from: the last in the code (none
        after it, which a loop could bring round), a plain `name = value` statement before the use
        in the block `name` is used in; None otherwise. Found through parents, not positions:
        working positions out costs a code generation of the block."""
        ctx = self.ctx
        statement, suite = name, ctx.parent(name)
        while suite is not None and not isinstance(suite, (cst.IndentedBlock, cst.Module)):
            statement, suite = suite, ctx.parent(suite)
        last = referents[-1]
        if suite is None or not isinstance(last.node, cst.CSTNode):
            return None
        holder, parent = last.node, ctx.parent(last.node)
        while parent is not None and parent is not suite:
            holder, parent = parent, ctx.parent(parent)
        order = {id(s): i for i, s in enumerate(suite.body)}
        if parent is None or order.get(id(holder), len(order)) >= order.get(id(statement), -1):
            return None
        simple = isinstance(holder, cst.SimpleStatementLine) and len(holder.body) == 1 \
            and isinstance(holder.body[0], cst.Assign) and len(holder.body[0].targets) == 1 \
            and holder.body[0].targets[0].target is last.node
        return last if simple else None

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
        return sorted(found, key=lambda a: self.ctx.order(a.node) if isinstance(a.node, cst.CSTNode) else 0)

    def class_named(self, name):
        """The class of the module the Name `name` refers to, if any. Only a module that defines a
        class of that name needs its scopes worked out to tell."""
        if self._class_names is None:
            self._class_names = frozenset(c.name.value for c in self.ctx.nodes((cst.ClassDef,)))
        if name.value not in self._class_names:
            return None
        return next((a.node for a in self.referents(name) if isinstance(a.node, cst.ClassDef)), None)

    def assigned_value(self, node):
        """The expression `node` (an assignment target) is assigned, in `node = value`."""
        parent = self.ctx.parent(node)
        if isinstance(parent, cst.AssignTarget) and parent.target is node:
            return self.ctx.parent(parent).value
        if isinstance(parent, cst.AnnAssign) and parent.target is node:
            return parent.value
        return None

    def binding(self, node) -> Optional[Value]:
        """The value bound by an assignment's node (a target name, a parameter, a loop target)."""
        return self._solve(self._bindings, node, self._bind)

    def _bind(self, node) -> Optional[Value]:
        ctx = self.ctx
        parent = ctx.parent(node)
        if isinstance(parent, cst.AsName):
            alias = ctx.parent(parent)
            return Value(LEGACY_MODULE) if isinstance(alias, cst.ImportAlias) and dotted(alias.name) == IE else None
        if isinstance(parent, cst.AnnAssign) and parent.target is node:
            annotated = self._annotation(parent.annotation)
            if annotated is not None:
                return annotated
        value = self.assigned_value(node)
        if value is not None:
            return self.of(value) or (self._filled(node, value) if _empty_container(ctx, value) else None)
        if isinstance(node, cst.Param):
            if node.annotation:
                return self._annotation(node.annotation)
            # what every call site passes it, when they agree; the attributes used on it tell its class
            # only where the module passes it nothing (an argparse namespace has a `batch_size` too)
            receiver = self._receiver(node)
            if receiver is not None:
                return receiver
            passed = self._passed(node)
            return _agreeing(self.of(arg) for arg in passed) or (None if passed else self._evidence(node))
        return self._target(node)

    def _target(self, node) -> Optional[Value]:
        """What a loop target, or a name unpacked from a tuple (`for i, (a, b) in ...`), holds."""
        ctx = self.ctx
        parent = ctx.parent(node)
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.target is node:
            return self._item(parent.iter)
        if isinstance(parent, cst.AssignTarget) and parent.target is node:
            return self.of(ctx.parent(parent).value)
        if isinstance(parent, (cst.Element, cst.StarredElement)):
            pair = ctx.parent(parent)
            if isinstance(pair, (cst.Tuple, cst.List)):
                whole = self._target(pair)
                if whole is not None and whole.kind != TUPLE:
                    # `first, second = exec_net.requests`: each name takes an item, a starred one a list
                    item = _item_of(whole)
                    if item is None:
                        return None
                    return container(item, keyed=False) if isinstance(parent, cst.StarredElement) else item
                if whole is None:
                    return None
                elements = list(pair.elements)
                at = elements.index(parent)
                starred = next((i for i, e in enumerate(elements) if isinstance(e, cst.StarredElement)), None)
                if starred is None:
                    return whole.parts[at] if len(whole.parts) == len(elements) else None
                after = len(elements) - starred - 1  # `a, *rest, b = t`: rest takes what a and b leave
                if len(whole.parts) < len(elements) - 1:
                    return None
                if at < starred:
                    return whole.parts[at]
                if at > starred:
                    return whole.parts[len(whole.parts) - (len(elements) - at)]
                rest = whole.parts[starred:len(whole.parts) - after]
                items = _agreeing(rest)
                return container(items, keyed=False) if items is not None and None not in rest else None
        return None

    def _receiver(self, param) -> Optional[Value]:
        """`self`: the first parameter of a method is an instance of its class."""
        params = self.ctx.parent(param)
        function = self.ctx.parent(params) if isinstance(params, cst.Parameters) else None
        if not isinstance(function, cst.FunctionDef) or not params.params or params.params[0] is not param:
            return None
        cls = self.ctx.parent(self.ctx.parent(function))
        if not isinstance(cls, cst.ClassDef) or any(
                isinstance(d.decorator, cst.Name) and d.decorator.value in ("staticmethod", "classmethod")
                for d in function.decorators):
            return None
        return Value(INSTANCE, False, cls)

    def _item(self, iterated) -> Optional[Value]:
        """What iterating `iterated` yields: requests from `exec_net.requests`, the items of a list,
        the values of a dict from `m.values()` (iterating the dict itself yields names), and
        tuples from `m.items()`, `enumerate` and `zip` (also wrapped in `sorted`, `list`, ...)."""
        if isinstance(iterated, cst.Call):
            func = iterated.func
            if self.ctx.qualified_names(func) & _SEQUENCES and len(iterated.args) == 1:
                return self._item(iterated.args[0].value)
            if isinstance(func, cst.Attribute) and func.attr.value in ("values", "items") and not iterated.args:
                values = self._values_of(func.value)
                return values if func.attr.value == "values" or values is None else Value(TUPLE, values.legacy, parts=(None, values))
            if isinstance(func, cst.Name) and func.value in ("enumerate", "zip") and iterated.args:
                parts = [self._item(a.value) for a in iterated.args[:1 if func.value == "enumerate" else None]]
                parts = [None, *parts] if func.value == "enumerate" else parts
                if all(p is None for p in parts):
                    return None
                return Value(TUPLE, all(p.legacy for p in parts if p), parts=tuple(parts))
        value = self.of(iterated)
        if value is None:
            return None
        return _agreeing(value.parts) if value.kind == TUPLE else _item_of(value)

    def _values_of(self, mapping) -> Optional[Value]:
        """The values of a dict keyed by name (an API 1.0 one, or a dict of the program's)."""
        owner = self.of(mapping)
        if owner and owner.kind in ITEMS and owner.kind != REQUESTS:
            return Value(ITEMS[owner.kind], owner.legacy, output=owner.kind == OUTPUT_BLOBS)
        return owner.items if owner and owner.kind == CONTAINER and owner.keyed else None

    def _passed(self, param) -> list:
        """What the call sites in the module pass a parameter of a module's own function (`main(args)`)."""
        ctx = self.ctx
        params = ctx.parent(param)
        function = ctx.parent(params) if isinstance(params, cst.Parameters) else None
        if not isinstance(function, cst.FunctionDef) or param not in params.params:
            return []
        position = list(params.params).index(param)
        passed = (site.argument(position, param.name.value) for site in self.calls.of(function))
        return [arg for arg in passed if arg is not None]

    def _evidence(self, param) -> Optional[Value]:
        """A parameter no call site in the module types, in a module importing API 1.0: the API
        1.0 class whose own attributes are used on it, when they all point to one class."""
        if not self.ctx.memo("imports-api-1", lambda: IE in self.ctx.text):
            return None
        scope = self.ctx.scope(param)
        used = set()
        for assignment in getattr(scope, "assignments", {})[param.name.value] if scope is not None else ():
            if assignment.node is param.name or assignment.node is param:
                for reference in assignment.references:
                    parent = self.ctx.parent(reference.node)
                    if isinstance(parent, cst.Attribute) and parent.value is reference.node:
                        used.add(parent.attr.value)
        kinds = {kind for kind, names in EVIDENCE.items() if used & names}
        if len(kinds) != 1:
            return None
        kind = kinds.pop()
        return Value(kind, evidence=tuple(sorted(used & EVIDENCE[kind])))

    def _annotation(self, annotation) -> Optional[Value]:
        expr = annotation.annotation
        legacy = legacy_class(self.ctx, expr)
        if legacy in LEGACY_CLASSES:
            return Value(LEGACY_CLASSES[legacy], declared=True)
        modern = _modern_class(self.ctx, expr)
        return Value(MODERN_CLASSES[modern], False, declared=True) if modern else None

    # containers filled after they are made: `nets = {}` then `nets[name] = net`, `pool.append(r)`

    def _filled(self, key, placeholder) -> Optional[Value]:
        items = _agreeing(self.of(value) for value in self._put_into().get(key, ()))
        return container(items, keyed=_keyed(self.ctx, placeholder)) if items is not None else None

    def _put_into(self) -> dict:
        """variable (see `_variable`) -> the values put into the container it holds."""
        if self._puts is None:
            self._puts = {}
            for target in self.ctx.nodes((cst.AssignTarget,)):
                if isinstance(target.target, cst.Subscript):
                    key = self._variable(target.target.value)
                    if key is not None:
                        self._puts.setdefault(key, []).append(self.ctx.parent(target).value)
            for call in self.ctx.nodes((cst.Call,)):
                func = call.func
                if isinstance(func, cst.Attribute) and func.attr.value in PUT and call.args and not call.args[-1].keyword:
                    key = self._variable(func.value)
                    if key is not None:
                        self._puts.setdefault(key, []).append(call.args[-1].value)
        return self._puts

    def _variable(self, expr):
        """What identifies the variable `expr` names, read from the code alone: the target node of
        its (first) assignment, or (class, attribute) for `self.x`."""
        if isinstance(expr, cst.Attribute) and self.is_self(expr.value):
            return self.self_key(expr)
        if isinstance(expr, cst.Name):
            found = [a.node for a in self.referents(expr) if isinstance(a.node, cst.Name)]
            return found[0] if found else None
        return None

    # functions and classes

    def function(self, func):
        """The FunctionDef a call goes to, when it is defined in this module."""
        target = self.calls.callee(func)
        return target[0] if target is not None and not isinstance(func, cst.Call) else None

    def returns(self, function) -> Optional[Value]:
        for ret in self.ctx.within(function, (cst.Return,)):
            if ret.value is not None:
                value = self.of(ret.value)
                if value is not None:
                    return value
        return None

    def is_self(self, node) -> bool:
        return isinstance(node, cst.Name) and node.value == "self"

    def _attribute_of(self, cls, attribute) -> Optional[Value]:
        key = (self.classes.defining(cls, attribute), attribute)
        values = self.assignments(key)
        for value in values:
            found = self.of(value)
            if found is not None:
                return found
        placeholder = next((v for v in values if _empty_container(self.ctx, v)), None)
        return self._filled(key, placeholder) if placeholder is not None else None

    def assignments(self, key) -> list:
        """Every value assigned to the attribute `key` ((class, attribute)): in the methods of the
        class, its bases and subclasses, then through instances elsewhere."""
        cls, attribute = key
        return self.classes.values(cls, attribute) + self._written(key)

    def _written(self, key) -> list:
        """The values assigned to `obj.attribute` outside the methods of the class, `obj` an
        instance of it; `key` is (class, attribute)."""
        if self._writes is None:
            self._writes = {}
            for target in self.ctx.nodes((cst.AssignTarget,)):
                node = target.target
                if isinstance(node, cst.Attribute) and not self.is_self(node.value):
                    self._writes.setdefault(node.attr.value, []).append(node)
        return [self.assigned_value(node) for node in self._writes.get(key[1], ()) if self.self_key(node) == key]

    def self_key(self, node):
        """A hashable identity for `self.x` (or `obj.x`, obj an instance of a module's class): the
        class whose methods assign `x`, and `x`."""
        if self.is_self(node.value):
            cls = self.enclosing(node, cst.ClassDef)
        else:
            cls = self.instance_class(node.value)
        return (self.classes.defining(cls, node.attr.value), node.attr.value) if cls is not None else None

    def enclosing(self, node, kind):
        parent = self.ctx.parent(node)
        while parent is not None and not isinstance(parent, kind):
            parent = self.ctx.parent(parent)
        return parent

    def binding_key(self, expr):
        """What identifies the variable `expr` reads (a name's binding, or a class attribute; an
        attribute copied from a local by `self.__dict__.update(locals())` is that local)."""
        if isinstance(expr, cst.Attribute):
            key = self.self_key(expr)
            values = self.assignments(key) if key is not None else []
            if len(values) == 1 and isinstance(values[0], cst.Name) and not self.referents(values[0]):
                return values[0]
            return key
        if isinstance(expr, cst.Name):
            parent = self.ctx.parent(expr)
            if isinstance(parent, cst.AssignTarget):
                return expr
            for assignment in self.referents(expr):
                if self.binding(assignment.node) is not None:
                    return assignment.node
        return None


def _empty_container(ctx, node) -> bool:
    """`{}`, `[]`, `dict()`, `deque()`, `[None] * n`, ...: a container filled later."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply):
        return any(isinstance(side, cst.List) and _nones(side) for side in (node.left, node.right))
    if isinstance(node, cst.List) and _nones(node):
        return True
    if isinstance(node, (cst.Dict, cst.List, cst.Set)):
        return not node.elements
    return (isinstance(node, cst.Call) and not node.args
            and bool(ctx.qualified_names(node.func) & (_SEQUENCES | _KEYED)))


def _nones(node) -> bool:
    """`[None]`, `[None, None]`: a list of places to fill."""
    return bool(node.elements) and all(isinstance(e, cst.Element) and isinstance(e.value, cst.Name)
                                       and e.value.value == "None" for e in node.elements)


def _keyed(ctx, node) -> bool:
    return isinstance(node, cst.Dict) or (isinstance(node, cst.Call) and bool(ctx.qualified_names(node.func) & _KEYED))


def _unpacked_into(ctx, node) -> bool:
    """Whether `node` is an item of a tuple or list an assignment or a loop unpacks into
    (`self.a, *self.b = f()`), not of one that is read (`results[i] = (i, request.output_blobs)`)."""
    child, parent = node, ctx.parent(node)
    if not isinstance(parent, (cst.Element, cst.StarredElement)):
        return False
    while isinstance(parent, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        child, parent = parent, ctx.parent(parent)
    return (isinstance(parent, cst.AssignTarget) or (isinstance(parent, (cst.For, cst.CompFor)))) \
        and parent.target is child
