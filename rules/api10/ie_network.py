"""Python API 1.0: `IENetwork` and what hangs off it (`input_info`, `outputs`, `batch_size`,
input precision and layout, `DataPtr`)."""
from __future__ import annotations

from typing import Optional

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import (
    argument, fresh_name, indentation, rename, statement_of, string_value, walk, whole_lines,
)
from ovlint.rules.api10._base import (
    API_1, CORE, DATA, INPUT_INFO, INPUTS, NETWORK, OUTPUTS, DATA_INPUTS, Api10Rule, legacy_reference,
    propose_class_reference, propose_map_use,
)

PRECISIONS = {"FP32": "f32", "FP16": "f16", "BF16": "bf16", "FP64": "f64", "U8": "u8", "I8": "i8",
              "U16": "u16", "I16": "i16", "U32": "u32", "I32": "i32", "U64": "u64", "I64": "i64",
              "BOOL": "boolean"}
PPP_MESSAGE = ("`{what}` on an API 1.0 {side} is set with `openvino.preprocess.PrePostProcessor` in API 2.0: "
               "`ppp.{side}(name).tensor().{setter}(...)`, then compile `ppp.build()`")


class IENetworkUse(Api10Rule):
    code = "OV103"
    name = "ie-network"
    summary = f"`IENetwork` and its attributes are API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "`read_network` now returns an `ov.Model`. Its `input_info` and `outputs` were dicts keyed by "
        "layer name and sorted by name; `model.inputs` and `model.outputs` are lists of ports in model "
        "order, so the fix sorts names wherever the order can show (`next(iter(net.input_info))` "
        "becomes the smallest input name). `input_info[name].input_data.shape` is `model.input(name).shape`, "
        "`net.name` is `model.get_friendly_name()` (`model.name` is a unique id such as `Model3`), "
        "`net.batch_size` is the first dimension of the first input, and setting it reshapes every input. "
        "Input and output `precision` and `layout` settings took effect when the network was loaded; "
        "the fix moves them into a `PrePostProcessor` built on a copy of the model right where it is "
        "compiled, so shapes read in between are unchanged. API 2.0 addresses ports by tensor name "
        "where API 1.0 used layer names; for IRs from the Model Optimizer they agree."
    )
    fix = Applicability.UNSAFE
    needles = Api10Rule.needles + ("input_info",)
    examples = (
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "net = ie.read_network(\"m.xml\")\n"
            "input_name = next(iter(net.input_info))\n"
            "n, c, h, w = net.input_info[input_name].input_data.shape\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "net = ie.read_model(\"m.xml\")\n"
            "input_name = min(port.get_any_name() for port in net.inputs)\n"
            "n, c, h, w = net.input(input_name).shape\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "net = ie.read_network(\"m.xml\")\n"
            "net.input_info[\"data\"].precision = \"U8\"\n"
            "exec_net = ie.load_network(net, \"CPU\")\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "net = ie.read_model(\"m.xml\")\n"
            "ppp = ov.preprocess.PrePostProcessor(net.clone())\n"
            "ppp.input(\"data\").tensor().set_element_type(ov.Type.u8)\n"
            "exec_net = ie.compile_model(ppp.build(), \"CPU\")\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IENetwork\n\n\n"
            "def describe(net: IENetwork):\n    return net.name, net.batch_size, list(net.outputs.keys())\n",
            "import openvino as ov\n\n\n"
            "def describe(net: ov.Model):\n    return net.get_friendly_name(), "
            "net.inputs[0].get_partial_shape()[0].get_length(), "
            "list(sorted(port.get_any_name() for port in net.outputs))\n",
            unsafe=True,
        ),
        Example("from openvino.inference_engine import IECore\n\nnet = IECore().read_network(\"m.xml\")\n"
                "for layer in net.layers.values():\n    print(layer.type)\n",
                message=("`net.layers` is API 1.0: walk `model.get_ordered_ops()` (each op has "
                         "`get_type_name()`, `get_friendly_name()`, `get_attributes()`)")),
    )
    valid = (
        Valid("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\n"
              "print(model.outputs[0].get_any_name(), model.name)\n"),
        Valid("class Net:\n    input_info = {}\n\n\nnet = Net()\nprint(net.input_info)\n"),
    )

    def visit_Name(self, node) -> None:
        self._constructor(node)

    def visit_Attribute(self, node) -> None:
        self._constructor(node)
        owner = self.types.of(node.value)
        if owner is None:
            return
        if owner.kind == NETWORK:
            self._network_attribute(node, owner)
        elif owner.kind in (INPUT_INFO, DATA) and owner.legacy:
            self._port_attribute(node, owner)

    def _constructor(self, node) -> None:
        if legacy_reference(self.ctx, node) != "IENetwork":
            return
        call = self.ctx.parent(node)
        edits = None
        if isinstance(call, cst.Call) and call.func is node and argument(call, 0, "model") is not None:
            edits = [self.ctx.replace(node, f"{self.plan.ov(node)}.Core().read_model")]
        propose_class_reference(self, node, "IENetwork", edits,
                                "The `IENetwork(model, weights)` constructor is API 1.0: use "
                                "`ov.Core().read_model(model, weights)`")

    def _network_attribute(self, node, owner) -> None:
        ctx = self.ctx
        attr = node.attr.value
        kind = {"input_info": INPUTS, "inputs": DATA_INPUTS, "outputs": OUTPUTS}.get(attr)
        if kind is not None and (owner.legacy or attr == "input_info"):
            propose_map_use(self, node, kind)
            return
        if not owner.legacy:
            return
        parent = ctx.parent(node)
        called = isinstance(parent, cst.Call) and parent.func is node
        if attr == "name" and not called:
            self.propose(node.attr, "`net.name` is `model.get_friendly_name()` in API 2.0 "
                                    "(`model.name` is a unique id such as `Model3`)",
                         [rename(ctx, node, "get_friendly_name()")], fix_message="Use `get_friendly_name()`")
        elif attr == "batch_size":
            self._batch_size(node, parent)
        elif attr == "reshape" and called:
            self.propose(node.attr, "`model.reshape` takes the same dict in API 2.0; its keys are tensor names, "
                                    "indices or ports", (), fix_message="Keep `reshape`")
        elif attr == "serialize" and called and parent.args:
            first = ctx.span(parent.args[0].value if parent.args[0].keyword is None else parent.args[0])[0]
            edits = [ctx.replace(node, f"{self.plan.ov(node)}.serialize"),
                     ctx.replace((first, first), ctx.source(node.value) + ", ")]
            self.propose(node.attr, "`net.serialize(xml, bin)` is `ov.serialize(model, xml, bin)` in API 2.0 "
                                    "(`ov.save_model` compresses weights to FP16 unless told not to)",
                         edits, fix_message="Use `ov.serialize`")
        elif attr == "layers":
            self.propose(node.attr, "`net.layers` is API 1.0: walk `model.get_ordered_ops()` (each op has "
                                    "`get_type_name()`, `get_friendly_name()`, `get_attributes()`)")
        elif attr == "add_outputs" and called:
            self.propose(node.attr, "`net.add_outputs(layer)` is API 1.0: `model.add_outputs(...)` takes "
                                    "tensor names or ports, not layer names")

    def _batch_size(self, node, parent) -> None:
        ctx = self.ctx
        owner = ctx.source(node.value)
        if isinstance(parent, cst.AssignTarget):
            assign = ctx.parent(parent)
            line = statement_of(ctx, assign)
            edits = None
            if line is not None and len(assign.targets) == 1:
                batch = ctx.source(assign.value)
                edits = [ctx.replace(assign, f"{owner}.reshape({{port.get_any_name(): [{batch}] + "
                                             f"list(port.get_shape())[1:] for port in {owner}.inputs}})")]
            self.propose(node.attr, "Setting `net.batch_size` is API 1.0: reshape the model's inputs "
                                    "(`model.reshape`) or set a layout and call `ov.set_batch(model, n)`",
                         edits, fix_message="Reshape the inputs")
            return
        self.propose(node.attr, "`net.batch_size` is API 1.0: read the first dimension of the input, "
                                "`model.inputs[0].get_partial_shape()[0]`",
                     [ctx.replace((ctx.span(node.value)[1], ctx.span(node)[1]),
                                  ".inputs[0].get_partial_shape()[0].get_length()")],
                     fix_message="Read the input's first dimension")

    def _port_attribute(self, node, owner) -> None:
        ctx = self.ctx
        attr = node.attr.value
        parent = ctx.parent(node)
        side = "input" if owner.kind == INPUT_INFO else "output"
        if attr == "input_data" and owner.kind == INPUT_INFO:
            self.propose(node.attr, "`input_info[name].input_data` is API 1.0: the port `model.input(name)` "
                                    "has the shape", [ctx.replace((ctx.span(node.value)[1], ctx.span(node)[1]), "")],
                         fix_message="Use the port")
        elif attr == "tensor_desc":
            dims = ctx.parent(node)
            if isinstance(dims, cst.Attribute) and dims.value is node and dims.attr.value == "dims":
                edits = [ctx.replace((ctx.span(node.value)[1], ctx.span(dims)[1]), ".shape")]
            else:
                edits = None
            self.propose(node.attr, "`tensor_desc` is API 1.0: the port's `shape` and `get_element_type()` "
                                    "describe the tensor", edits, fix_message="Use the port's `shape`")
        elif attr == "name" and not (isinstance(parent, cst.Call) and parent.func is node):
            self.propose(node.attr, f"`{attr}` of an API 1.0 {side} is the port's `get_any_name()`",
                         [rename(ctx, node, "get_any_name()")], fix_message="Use `get_any_name()`")
        elif attr == "shape" and owner.kind == DATA:
            self._shape(node, parent)
        elif attr in ("precision", "layout"):
            self._preprocessing(node, owner, side)
        elif attr == "preprocess_info":
            self.propose(node.attr, "`preprocess_info` is API 1.0: mean, scale, resize and color conversion are "
                                    "steps of `PrePostProcessor(model).input(name).preprocess()`")

    def _shape(self, node, parent) -> None:
        """API 1.0 shapes were lists; a port's `shape` is an `ov.Shape`. Unpacking, indexing, `len`
        and `list(...)` treat both alike; elsewhere (JSON, `==`, `+`) the fix makes a list."""
        ctx = self.ctx
        grand = ctx.parent(parent)
        if isinstance(parent, (cst.AssignTarget, cst.Subscript)) or (
                isinstance(parent, cst.Arg) and isinstance(grand, cst.Call) and isinstance(grand.func, cst.Name)
                and grand.func.value in ("list", "tuple", "len") and len(grand.args) == 1):
            return
        if (isinstance(parent, cst.Assign) and parent.value is node
                and all(isinstance(t.target, (cst.Tuple, cst.List)) for t in parent.targets)):
            return
        start, end = ctx.span(node)
        self.propose(node.attr, "An API 1.0 shape was a list; the port's `shape` is an `ov.Shape`",
                     [ctx.replace((start, start), "list("), ctx.replace((end, end), ")")], unsafe=False,
                     fix_message="Make it a list")

    def _preprocessing(self, node, owner, side) -> None:
        ctx = self.ctx
        attr = node.attr.value
        setter = "set_element_type" if attr == "precision" else "set_layout"
        message = PPP_MESSAGE.format(what=attr, side=side, setter=setter)
        target = ctx.parent(node)
        if not isinstance(target, cst.AssignTarget):
            self.propose(node.attr, message)
            return
        self.propose(node.attr, message, self._move_to_ppp(node, side), fix_message="Use a PrePostProcessor")

    def _move_to_ppp(self, node, side) -> Optional[list]:
        """Delete `net.input_info[name].precision = "U8"` and build the same preprocessing on a copy
        of the model where `load_network` compiles it."""
        ctx = self.ctx
        assign = ctx.parent(ctx.parent(node))
        line = statement_of(ctx, assign)
        subscript = node.value
        if (line is None or len(assign.targets) != 1 or not isinstance(subscript, cst.Subscript)
                or not isinstance(subscript.value, cst.Attribute)):
            return None
        steps = self._steps(node.attr.value, side, ctx.source(subscript.slice[0].slice.value), assign.value)
        if steps is None:
            return None
        site = self._site(subscript.value.value, line)
        if site is None:
            return None
        site.steps.append((ctx.span(line)[0], steps))
        start, end = whole_lines(ctx, line)
        return lambda: [ctx.replace((start, end), ""), *site.edits(self)]

    def _site(self, network, line) -> Optional["PppSite"]:
        """The `load_network` call compiling `network`, in a later statement of the same block."""
        ctx = self.ctx
        block = ctx.parent(line)
        body = list(getattr(block, "body", ()))
        wanted = ctx.source(network)
        sites = ctx.memo("ppp-sites", dict)
        for stmt in body[body.index(line) + 1:]:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for call in walk(stmt, (cst.Call,)):
                func = call.func
                if not (isinstance(func, cst.Attribute) and func.attr.value == "load_network"):
                    continue
                owner = self.types.of(func.value)
                arg = argument(call, 0, "network")
                if owner is None or owner.kind != CORE or arg is None or ctx.source(arg.value) != wanted:
                    continue
                if call not in sites:
                    sites[call] = PppSite(ctx, stmt, arg.value, fresh_name(ctx, line, "ppp"))
                return sites[call]
        return None

    def _steps(self, attr, side, name, value) -> Optional[list[str]]:
        literal = string_value(value)
        ov = self.plan.ov(value)
        if attr == "precision":
            if literal not in PRECISIONS:
                return None
            return [f".{side}({name}).tensor().set_element_type({ov}.Type.{PRECISIONS[literal]})"]
        if side != "input" or literal not in ("NCHW", "NHWC"):
            return None
        if literal == "NCHW":
            return []  # what API 1.0 assumed for a 4D input anyway
        return [f".input({name}).tensor().set_layout({ov}.Layout(\"NHWC\"))",
                f".input({name}).model().set_layout({ov}.Layout(\"NCHW\"))"]


class PppSite:
    """Where one network is compiled, and the preprocessing steps moved there."""

    def __init__(self, ctx, load_line, network_arg, name):
        self.ctx, self.load_line, self.network_arg, self.name = ctx, load_line, network_arg, name
        self.steps: list = []

    def edits(self, rule) -> list:
        ctx = self.ctx
        indent = indentation(ctx, self.load_line)
        nl = ctx.newline
        ov = rule.plan.ov(self.load_line)
        lines = [f"{indent}{self.name} = {ov}.preprocess.PrePostProcessor({ctx.source(self.network_arg)}.clone()){nl}"]
        for _, steps in sorted(self.steps, key=lambda s: s[0]):
            lines.extend(f"{indent}{self.name}{step}{nl}" for step in steps)
        start = ctx.lines.line_span(ctx.span(self.load_line)[0])[0]
        return [ctx.replace((start, start), "".join(lines)), ctx.replace(self.network_arg, f"{self.name}.build()")]
