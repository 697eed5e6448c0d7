"""The property keys a Python module sets or reads, followed through the dicts that hold them.

OpenVINO takes properties as a dict (`compile_model(model, "CPU", config)`, `set_property("CPU",
{...})`, API 1.0 `load_network(..., config=...)` and `set_config(...)`) and reads one key back
(`get_property("CPU", "KEY")`). Real code builds the dict a step away from the call: a literal
assigned to a name, `config["KEY"] = value`, `config[device]["KEY"] = value`,
`config.update(...)`, `dict(KEY=value)`, then passes the name on, or returns it to a caller.
`settings(ctx)` lists every key set or read in these ways, with the nodes a fix edits and how far
its dict is known to travel. Calls are recognised by method name, not by the type of their
object: the keys the rules look for are OpenVINO's own spellings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import string_value
from ovlint.rulekit.python_imports import caught

# calls that take a dict of properties (any argument), and calls that read one key back
TAKES_PROPERTIES = {"compile_model", "load_network", "set_property", "set_config", "query_model",
                    "query_network", "import_model", "import_network"}
READS_PROPERTY = {"get_property", "get_config", "get_metric"}
MERGES = {"update", "setdefault"}  # methods of the dict that add keys to it
# calls that only look at a dict: passing it to them does not hand it on
LOOKS = {"print", "len", "repr", "str", "bool", "isinstance", "sorted", "format", "pprint", "dumps", "debug",
         "info", "warning", "warn", "error", "exception", "critical"}


@dataclass(frozen=True)
class Setting:
    key: str
    key_node: object  # the string literal, or the keyword's Name in `dict(KEY=...)`
    value: Optional[object]  # the value expression; None for a key read back
    reaches: bool  # the dict is passed to an OpenVINO property call in this module
    escapes: bool  # the dict leaves its function: returned, passed to a call, kept on an object
    reading: bool = False
    # the dict the key is in (the same for each of its keys); None when that is not known
    group: object = field(default=None, compare=False)
    # set only where the device says it supports the key (`if "KEY" in supported: ...`): code
    # that tolerates a release without it
    guarded: bool = False

    def passed(self, ctx) -> bool:
        """Whether the key reaches OpenVINO: by a property call here, or by a dict handed on from
        a module that makes property calls or names OpenVINO."""
        return self.reaches or (self.escapes and openvino_module(ctx))

    @property
    def value_string(self) -> Optional[str]:
        return string_value(self.value) if self.value is not None else None


def settings(ctx) -> list[Setting]:
    """Every property key of the unit (computed once per unit)."""
    return ctx.memo("property-settings", lambda: _Finder(ctx).run())


def rename_key(ctx, setting: Setting, new: str) -> Edit:
    node = setting.key_node
    if isinstance(node, cst.Name):
        return ctx.replace(node, new)
    return ctx.replace(node, f"{node.prefix}{node.quote}{new}{node.quote}")


def strings_in(value) -> list:
    """The string literals a value can evaluate to: itself, or the branches of `a if c else b`."""
    if isinstance(value, cst.IfExp):
        return strings_in(value.body) + strings_in(value.orelse)
    return [value] if string_value(value) is not None else []


def replace_string(ctx, node, new: str) -> Edit:
    return ctx.replace(node, f"{node.prefix}{node.quote}{new}{node.quote}")


def _method(call) -> Optional[str]:
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    if isinstance(func, cst.Name):
        return func.value
    return None


# property keys OpenVINO's plugins read, now or in API 1.0, that programs set beside others: with
# one of them, a dict is OpenVINO's configuration wherever it is built
OPENVINO_KEYS = {"CPU_THREADS_NUM", "CPU_THROUGHPUT_STREAMS", "PERF_COUNT", "EXCLUSIVE_ASYNC_REQUESTS", "ENFORCE_BF16",
                 "DYN_BATCH_ENABLED", "PERFORMANCE_HINT", "PERFORMANCE_HINT_NUM_REQUESTS", "NUM_STREAMS",
                 "INFERENCE_NUM_THREADS", "INFERENCE_PRECISION_HINT", "ENABLE_CPU_PINNING", "ENABLE_HYPER_THREADING",
                 "SCHEDULING_CORE_TYPE", "CPU_DENORMALS_OPTIMIZATION", "CACHE_DIR", "GPU_THROUGHPUT_STREAMS",
                 "CPU_BIND_THREAD"}


# the API 1.0 metrics that list the keys a device takes, by their API 1.0 names
LEGACY_KEY_LISTS = {"SUPPORTED_CONFIG_KEYS", "SUPPORTED_METRICS"}


def lists_legacy_keys(ctx, expr) -> bool:
    """Whether `expr` is API 1.0's list of the keys a device takes (`get_metric(device,
    "SUPPORTED_CONFIG_KEYS")`), or a name assigned one once: the migration makes it API 2.0's
    `SUPPORTED_PROPERTIES`, which names the keys as API 2.0 does."""
    from ovlint.surfaces.python import assigned_value

    if isinstance(expr, cst.Name):
        expr = assigned_value(ctx, expr) or expr
    return isinstance(expr, cst.Call) and _method(expr) in READS_PROPERTY and any(
        string_value(arg.value) in LEGACY_KEY_LISTS for arg in expr.args)


def beside_openvino_keys(ctx, setting) -> bool:
    """Whether the setting's dict also holds another key OpenVINO reads: a configuration built where
    nothing names OpenVINO (`{"CPU_BIND_THREAD": "NO", "CPU_THREADS_NUM": "4"}`, returned for a caller)."""
    return setting.group is not None and any(
        other.group == setting.group and other.key != setting.key and other.key in OPENVINO_KEYS
        for other in settings(ctx))


def openvino_module(ctx) -> bool:
    """Whether the module names OpenVINO or makes a property call."""
    def find():
        text = ctx.text
        if "openvino" in text or "inference_engine" in text:
            return True
        return any(f".{name}(" in text for name in TAKES_PROPERTIES)
    return ctx.memo("property-settings-openvino", find)


class _Finder:
    def __init__(self, ctx):
        self.ctx = ctx
        self.fates: dict = {}  # holder -> (reaches, escapes)

    def run(self) -> list[Setting]:
        ctx = self.ctx
        found = []
        for node in ctx.nodes((cst.Dict, cst.Call, cst.Assign)):
            if isinstance(node, cst.Dict):
                holder = self._holder_of_value(node)
                # a literal is its own dict, but for one a variable names (whose later
                # `config["K"] = v` add to it); a per-device dict inside another is its own
                nested = isinstance(ctx.parent(node), cst.DictElement)
                group = ("dict", id(node)) if nested or holder[0] != "name" else None
                for element in node.elements:
                    if isinstance(element, cst.DictElement) and string_value(element.key) is not None:
                        found.append(self._setting(string_value(element.key), element.key, element.value, holder,
                                                   group=group))
            elif isinstance(node, cst.Assign):
                for target in node.targets:
                    subscript = target.target
                    if isinstance(subscript, cst.Subscript) and len(subscript.slice) == 1:
                        index = subscript.slice[0].slice
                        key = string_value(index.value) if isinstance(index, cst.Index) else None
                        if key is not None:
                            found.append(self._setting(key, index.value, node.value, self._base(subscript.value)))
            else:
                found.extend(self._call(node))
        return found

    def _call(self, call) -> list[Setting]:
        name = _method(call)
        found = []
        if name in READS_PROPERTY and call.args:
            last = call.args[-1].value
            # API 1.0's `get_config`/`get_metric` took every key of its time: a `try` around one is not
            # about a release without the key, which its migration to `get_property` brings
            if string_value(last) is not None and not (name == "get_property" and self._tolerated(call)):
                found.append(Setting(string_value(last), last, None, True, False, reading=True))
        elif name == "dict" or (name in MERGES and isinstance(call.func, cst.Attribute)):
            holder = self._holder_of_value(call) if name == "dict" else self._base(call.func.value)
            group = ("dict", id(call)) if name == "dict" and holder[0] != "name" else None
            for arg in call.args:
                if arg.keyword is not None:
                    found.append(self._setting(arg.keyword.value, arg.keyword, arg.value, holder, group=group))
            if name == "setdefault" and len(call.args) == 2 and string_value(call.args[0].value) is not None:
                found.append(self._setting(string_value(call.args[0].value), call.args[0].value, call.args[1].value,
                                           holder))
        return found

    def _tolerated(self, node) -> bool:
        """Whether `node` is in a `try` whose handler catches what a removed key raises: code
        that reads a property only if the release still has it."""
        ctx = self.ctx
        parent = ctx.parent(node)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Module)):
            if isinstance(parent, cst.Try) and any(_catches_runtime_error(h) for h in parent.handlers):
                return True
            parent = ctx.parent(parent)
        return False

    def _setting(self, key, key_node, value, holder, group=None) -> Setting:
        reaches, escapes = self._fate(holder)
        if group is None and holder[0] in ("name", "attribute", "call"):
            group = holder[:3] if holder[0] == "name" else (holder[0], id(holder[1]) if holder[0] == "call" else holder[1])
        elif group is None:
            group = ("dict", id(key_node))  # a dict of its own, known by nothing else
        return Setting(key, key_node, value, reaches, escapes, group=group, guarded=self._guarded(key, key_node))

    def _guarded(self, key: str, node) -> bool:
        """Whether `node` is in the body of an `if` that asks the device whether it supports the key:
        `"<key>" in` what a property call returned, or a value named for supported properties."""
        ctx = self.ctx
        child, parent = node, ctx.parent(node)
        while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Module)):
            if isinstance(parent, cst.If) and child is parent.body:
                test = parent.test
                if (isinstance(test, cst.Comparison) and len(test.comparisons) == 1
                        and isinstance(test.comparisons[0].operator, cst.In) and string_value(test.left) == key
                        and self._lists_supported(test.comparisons[0].comparator)):
                    return True
            child, parent = parent, ctx.parent(parent)
        return False

    def _lists_supported(self, expr) -> bool:
        """Whether `expr` is what the device says it supports: a property call, or a name or
        attribute that says `supported` (`supported_properties`, `self.supported`)."""
        if lists_legacy_keys(self.ctx, expr):
            return False  # API 1.0's list, which the migration makes API 2.0's: the test changes with it
        if isinstance(expr, cst.Call):
            return _method(expr) in READS_PROPERTY
        return "supported" in self.ctx.source(expr).lower()

    # -- where a dict goes ------------------------------------------------------------------------

    def _holder_of_value(self, node):
        """What holds a dict made at `node`: a variable, an attribute, a call it is passed to,
        or ("escapes",) / ("stays",)."""
        ctx = self.ctx
        parent = ctx.parent(node)
        while isinstance(parent, (cst.DictElement, cst.Dict)):  # nested per-device dicts
            node, parent = parent, ctx.parent(parent)
        if isinstance(parent, cst.Arg):
            call = ctx.parent(parent)
            name = _method(call) if isinstance(call, cst.Call) else None
            if name in MERGES and isinstance(call.func, cst.Attribute):
                return self._base(call.func.value)
            return ("call", call)
        if isinstance(parent, cst.Assign) and parent.value is node:
            targets = [t.target for t in parent.targets]
            return self._base(targets[0]) if len(targets) == 1 else ("escapes",)
        if isinstance(parent, (cst.AnnAssign,)) and parent.value is node:
            return self._base(parent.target)
        if isinstance(parent, (cst.Return, cst.Yield)):
            return ("escapes",)
        return ("escapes",)

    def _base(self, node):
        """The variable or attribute a target or value expression is rooted in (`cfg` of
        `cfg[device]`, `self.config` of `self.config["K"]`)."""
        while isinstance(node, cst.Subscript):
            node = node.value
        if isinstance(node, cst.Name):
            scope = self.ctx.scope(node)
            if scope is None:
                return ("escapes",)
            defining = next((s for s in _chain(scope) if node.value in s.assignments), scope)
            return ("name", id(defining), node.value, defining)
        if isinstance(node, cst.Attribute):
            return ("attribute", node.attr.value)
        return ("escapes",)

    def _fate(self, holder) -> tuple[bool, bool]:
        key = holder[:3] if holder[0] == "name" else holder
        if key not in self.fates:
            self.fates[key] = (False, True)  # a cycle resolves to "handed on"
            self.fates[key] = self._compute(holder)
        return self.fates[key]

    def _compute(self, holder) -> tuple[bool, bool]:
        kind = holder[0]
        if kind == "call":
            return (_method(holder[1]) in TAKES_PROPERTIES, True)
        if kind == "stays":
            return (False, False)
        if kind == "escapes":
            return (False, True)
        if kind == "attribute":
            return (any(self._use(node)[0] for node in self._attribute_uses(holder[1])), True)
        scope, name = holder[3], holder[2]
        reaches = escapes = False
        for assignment in scope.assignments[name]:
            for access in assignment.references:
                r, e = self._use(access.node)
                reaches, escapes = reaches or r, escapes or e
        return reaches, escapes

    def _attribute_uses(self, attr: str) -> list:
        return [n for n in self.ctx.nodes((cst.Attribute,)) if n.attr.value == attr]

    def _use(self, node) -> tuple[bool, bool]:
        """(reaches, escapes) for one use of a dict variable."""
        ctx = self.ctx
        parent = ctx.parent(node)
        while isinstance(parent, cst.Subscript) and parent.value is node:  # config[device]
            node, parent = parent, ctx.parent(parent)
        if isinstance(parent, cst.Arg):
            call = ctx.parent(parent)
            name = _method(call) if isinstance(call, cst.Call) else None
            return (name in TAKES_PROPERTIES, name not in LOOKS)
        if isinstance(parent, (cst.Return, cst.Yield, cst.Element, cst.DictElement)):
            return (False, True)
        if isinstance(parent, cst.Assign) and parent.value is node:
            return (False, True)  # kept on an object, or under another name
        return (False, False)


def _catches_runtime_error(handler) -> bool:
    return handler.type is None or any(name.rpartition(".")[2] in ("RuntimeError", "Exception", "BaseException")
                                       for name in caught(handler))


def _chain(scope):
    seen = set()
    while scope is not None and id(scope) not in seen:
        seen.add(id(scope))
        yield scope
        scope = getattr(scope, "parent", None)
