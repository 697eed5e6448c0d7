"""What the OV1xx rules share: their base class, and helpers for class references and for the
dicts API 1.0 kept by layer name. The type model is `_api10_types`, the shared fix `_api10_plan`."""
from __future__ import annotations

from typing import Optional

from ovlint.base.diagnostics import Applicability, Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import rename, walk
from ovlint.rulekit.rule import PythonRule
from ovlint.surfaces.python import assigned_value
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._plan import FIX_GROUP, Plan, foreign_module
from ovlint.rules.api10._types import (  # noqa: F401  (the names the family's rules use)
    BLOB, CLASS_NAMES, CORE, DATA, DATA_INPUTS, EXECUTABLE, IE, INPUT_BLOBS, INPUT_INFO, INPUTS, NETWORK, OUTPUT_BLOBS,
    OUTPUTS, PLUGIN, REQUEST, Types, in_import, legacy_class, mentions,
)

API_1 = DEPRECATIONS["python-api-1"]
# what a module must spell for `legacy_class` to find any class there: a hook that only looks for
# such names declares it as its needles
SPELLS_IE = (IE.rsplit(".", 1)[-1],)
# the attributes an API 2.0 object can be found using that it lacks in some release: those of the
# API 1.0 and nGraph classes it took over, and its own in earlier releases (`_api20.removed_somewhere`,
# checked by the tests)
LEGACY_ATTRIBUTES = (
    "async_infer", "batch_size", "buffer", "create_context", "export", "from_capsule", "get_config",
    "get_default_context", "get_exec_graph_info", "get_idle_request_id", "get_metric",
    "get_ov_name_for_tensor", "get_perf_counts", "get_sink_index", "import_network", "infer", "initialized",
    "input_blobs", "input_info", "inputs", "layout", "load_network", "name", "output_blobs", "outputs",
    "precision", "preprocess_info", "query_network", "query_state", "read_network", "release_memory",
    "requests", "reset_state", "serialize", "set_blob", "set_completion_callback", "set_config", "set_rt_info",
    "start_async", "tensor_desc", "to_capsule", "unregister_plugin", "validate", "wait",
)
# a module where a rule of the family can report holds an API 1.0 or nGraph import, or uses one
# of those attributes
FAMILY_NEEDLES = ("inference_engine", "ngraph", *(fr".{name}\b" for name in LEGACY_ATTRIBUTES))
_LEGACY = frozenset(LEGACY_ATTRIBUTES)
# API 1.0 precisions -> `ov.Type` members
PRECISIONS = {"FP32": "f32", "FP16": "f16", "BF16": "bf16", "FP64": "f64", "U8": "u8", "I8": "i8",
              "U16": "u16", "I16": "i16", "U32": "u32", "I32": "i32", "U64": "u64", "I64": "i64",
              "BOOL": "boolean"}
# an element type's name (`f32`, `bf16`, `boolean`, `u8`) as API 1.0 spelt the precision (`FP32`, `BF16`, `BOOL`, `U8`)
LEGACY_SPELLING = '.upper().replace("F", "FP").replace("BFP", "BF").replace("BOOLEAN", "BOOL")'


def legacy_reference(ctx, node) -> Optional[str]:
    """The API 1.0 class `node` names (`IECore`, `ie.IECore`), outside imports; else None."""
    known = ctx.memo("legacy-reference", dict)
    found = known.get(id(node), known)
    if found is not known:
        return found
    found = known[id(node)] = _legacy_reference(ctx, node)
    return found


def _legacy_reference(ctx, node) -> Optional[str]:
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


def _class_tested(ctx, node) -> bool:
    """`isinstance(x, IENetwork)` (or `issubclass`, or the class in a tuple there): the object the
    migration makes is an instance of the twin."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Element) and isinstance(ctx.parent(parent), cst.Tuple):
        parent = ctx.parent(ctx.parent(parent))
    call = ctx.parent(parent) if isinstance(parent, cst.Arg) else None
    return (isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value in ("isinstance", "issubclass")
            and len(call.args) == 2 and call.args[1] is parent)


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
    elif twin and _class_tested(ctx, node):
        # code that tells the APIs apart (`isinstance(x, IENetwork)` to reject API 1.0 objects) would
        # then reject what the migration makes
        rule.propose(node, f"`{cls}` is `ov.{twin}` in API 2.0 (the test is rewritten with it: check what the "
                           "program does when it holds, if it tells the two APIs apart)",
                     [ctx.replace(node, f"{rule.plan.ov(node)}.{twin}")], unsafe=True, fix_message=f"Use `ov.{twin}`")
    else:
        message = f"`{cls}` is API 1.0, removed in OpenVINO {API_1.removed}"
        rule.propose(node, message + (f": its API 2.0 counterpart is `ov.{twin}`" if twin else ""))


class Api10Rule(PythonRule):
    """An OV1xx rule: proposes findings to the unit's plan, and reports them when the module ends."""

    deprecation = API_1
    # the findings that must change together share one fix (`_plan.py`)
    fix = Applicability.SAFE
    safe_when = ("every API 1.0 rewrite that goes with it is safe (the OV1xx findings that must change together "
                 "share one fix, which one unsafe rewrite makes unsafe for all of them)")
    # the family runs as one, its findings sharing fixes
    needles = FAMILY_NEEDLES
    # every way to reach API 1.0 or nGraph goes through an import naming one of them
    context_needles = ("openvino", "ngraph")
    fix_group = FIX_GROUP

    @property
    def plan(self) -> Plan:
        return Plan.of(self.ctx)

    def may_concern(self, attribute: str) -> bool:
        """Whether a finding can be about `attribute` here. A module that spells no API 1.0 or nGraph
        name, nor a legacy method that makes API 1.0 objects, holds API 2.0 objects only, and on
        those only the attributes older code used and API 2.0 lacks can be wrong (as the family's
        needles say): the others need no object model."""
        return attribute in _LEGACY or self.ctx.memo("api10-spells-legacy", lambda: any(
            mentions(self.ctx, word) for word in ("inference_engine", "ngraph", "read_network", "load_network",
                                                  "import_network")))

    @property
    def types(self) -> Types:
        return self.plan.types

    def propose(self, where, message, edits=None, unsafe=True, fix_message="", untraced=False) -> None:
        self.plan.propose(self.code, where, message, edits, unsafe, fix_message, untraced)

    def leave_Module(self, node) -> None:
        self.plan.report(self)

    def untraced(self, node, what: str) -> None:
        """`what` on an object the model could not follow (set through `setattr`, passed in
        untyped, ...): reported without a fix in code that mentions `openvino`, unless the object
        comes from a look-alike of an API 1.0 class that another package exports."""
        owner = self.ctx.parent(node)
        if mentions(self.ctx, "openvino") and not (
                isinstance(owner, cst.Attribute) and _made_by_look_alike(self.ctx, owner.value)):
            self.propose(node, f"{what} looks like API 1.0 (removed in OpenVINO {API_1.removed}); the object could not "
                               "be traced, so it is not rewritten", untraced=True)


def _made_by_look_alike(ctx, node, depth: int = 0) -> bool:
    """Whether `node` is a name assigned an instance of a class named as API 1.0's that another
    package exports (`from pyopenvino.inference_engine import IECore`), or a module of the program
    that names no OpenVINO module, or what a method of one returned (`net = ie.read_network(...)`)."""
    value = assigned_value(ctx, node) if isinstance(node, cst.Name) and depth < 8 else None
    if not isinstance(value, cst.Call):
        return False
    if isinstance(value.func, cst.Attribute):
        return _made_by_look_alike(ctx, value.func.value, depth + 1)
    names = ctx.qualified_names(value.func)
    return bool(names) and all(name.rpartition(".")[0] and name.rpartition(".")[2] in _CLASSES
                               and foreign_module(ctx.path, name.rpartition(".")[0]) for name in names)


_CLASSES = frozenset(CLASS_NAMES.values()) | {"IEPlugin"}


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
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value == "zip":
            return [ctx.replace(attribute, names)]  # zipped with other sequences: the names, in order
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
MAP_FIXED = (": the fix keys and orders them by tensor name, which is the layer name in IRs the Model Optimizer "
             "wrote, but can differ in others (compare each port's `get_any_name()` with the names the program used)")
# a use no rewrite covers (the dict kept in a tuple, handed to a function of another module, ...)
MAP_BY_HAND = ("; ovlint does not rewrite this use of the whole dict: build one by hand, keyed by each port's "
               "`get_any_name()` in name order, and its part of the module follows")


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
    ambiguous = attribute.attr.value in ("inputs", "outputs")  # API 2.0 has them too, as lists of ports
    if edits is not None:
        message += MAP_FIXED
    elif ambiguous:
        message += "; migrate this use by hand first: ovlint cannot rewrite it, and after a migration it would go unnoticed"
    else:
        message += MAP_BY_HAND
    rule.propose(attribute.attr, message, edits, fix_message=f"Use `{ports}` / `{accessor}(name)`")


def value_span(ctx, arg) -> tuple[int, int]:
    """The span of an argument's value with its parentheses (`(a, b)` in `f(x=(a, b))`), which the
    value's own span leaves out."""
    start, end = ctx.span(arg)
    if arg.keyword is not None:
        start = ctx.text.index("=", ctx.span(arg.keyword)[1]) + 1
        while ctx.text[start] in " \t\r\n":
            start += 1
    return start, end
