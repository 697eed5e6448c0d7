"""Python API 1.0: `IENetwork` and what hangs off it (`input_info`, `outputs`, `batch_size`,
input precision and layout, `DataPtr`)."""
from __future__ import annotations

import builtins

from typing import Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import (
    argument, deleted_line, fresh_name, indentation, line_end, rename, statement_of, string_value, walk,
)
from ovlint.base.diagnostics import Edit
from ovlint.rules.api10._base import (
    API_1, DATA, DATA_INPUTS, INPUTS, INPUT_INFO, LEGACY_SPELLING, NETWORK, OUTPUTS, PRECISIONS, SPELLS_IE,
    Api10Rule, legacy_reference, propose_class_reference, propose_map_use,
)
from ovlint.rules.api10._ngraph import capsule_of, holds_capsule
from ovlint.rules.api10._preprocess import (
    COLOR_FORMATS, NCHW, RESIZE_ALGORITHMS, InPlace, atomic, bound_value, compile_sites, enum_member,
    replaced, resolve, simple, statement_line,
)
from ovlint.rules.api10._types import CHANNEL, EXECUTABLE, IE, PREPROCESS, mentions

LAYOUT_MESSAGE = ("An API 1.0 `layout` (`\"NCHW\"`, ...) has no API 2.0 counterpart to read: a port's layout is "
                  "empty unless set (`ov.layout_helpers.get_layout(port)`, or `PrePostProcessor` "
                  "`ppp.input(name).model().set_layout(...)`); API 1.0 assumed one from the rank")
PREPROCESS_MESSAGE = ("`preprocess_info` is API 1.0: mean, scale, resize and color conversion are steps of "
                      "`ov.preprocess.PrePostProcessor(model)`: `ppp.input(name).preprocess().mean(...)`, "
                      "`.resize(...)`, `.convert_color(...)`, then compile `ppp.build()`")
MEAN_MESSAGE = ("Mean and scale values in `preprocess_info` are API 1.0: they are "
                "`ppp.input(name).preprocess().mean(means).scale(scales)` of an `ov.preprocess.PrePostProcessor`")
COLOR_MESSAGE = ("`preprocess_info.color_format` is API 1.0: declare the input's color format with "
                 "`ppp.input(name).tensor().set_color_format(...)` and convert it to the model's BGR with "
                 "`ppp.input(name).preprocess().convert_color(ov.preprocess.ColorFormat.BGR)`")
RESIZE_MESSAGE = ("`preprocess_info.resize_algorithm` is API 1.0: with a `PrePostProcessor`, "
                  "`ppp.input(name).tensor().set_spatial_dynamic_shape()` and `ppp.input(name).preprocess().resize(...)`, "
                  "with the model's layout declared; the fix does it on a copy of the model where it is compiled (the "
                  "compiled model's input then takes any height and width: API 1.0 still reported the model's own)")
IN_PLACE_NOTE = ("; the fix makes it a step of a `PrePostProcessor` on the model, in API 1.0's order (mean and scale, "
                 "then the color conversion) with the NCHW layout API 1.0 assumed, built after the last setting (API 1.0 "
                 "applied it when the network was loaded, and `serialize` left it out)")
PPP_MESSAGE = ("`{what}` on an API 1.0 {side} is set with `openvino.preprocess.PrePostProcessor` in API 2.0: "
               "`ppp.{side}(name).tensor().{setter}(...)`, then compile `ppp.build()`")


LAYERS_HOWTO = ("`net.layers` is API 1.0: walk `model.get_ordered_ops()` (each op has `get_type_name()`, "
                "`get_friendly_name()`, `get_attributes()`)")
LAYERS_CHECKED = ("`net.layers` is API 1.0; the names of its layers, checked against what the device supports, are "
                  "the friendly names of the model's ops (`model.get_ordered_ops()`), which `query_model` gives: "
                  "API 2.0 lists parameters, constants, conversions and results among them, and the CPU reports "
                  "all of those supported")


def _tests_membership(test, name: str) -> bool:
    """Whether `test` is `name in X` or `name not in X`."""
    return (isinstance(test, cst.Comparison) and isinstance(test.left, cst.Name) and test.left.value == name
            and len(test.comparisons) == 1 and isinstance(test.comparisons[0].operator, (cst.In, cst.NotIn)))


class IENetworkUse(Api10Rule):
    code = "OV103"
    # its visit_Name/visit_Attribute look only for names of `openvino.inference_engine`
    hook_needles = {"visit_Name": SPELLS_IE}
    name = "ie-network"
    summary = f"`IENetwork` and its attributes are API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "`read_network` now returns an `ov.Model`. Its `input_info` and `outputs` were dicts keyed by "
        "layer name and sorted by name; `model.inputs` and `model.outputs` are lists of ports in model "
        "order, so the fix sorts names wherever the order can show (`next(iter(net.input_info))` "
        "becomes the smallest input name). `input_info[name].input_data.shape` is `model.input(name).shape`, "
        "`tensor_desc.dims` the port's shape and `precision` its element type (spelt as API 1.0 did where "
        "the name is used), `net.name` is `model.get_friendly_name()` (`model.name` is a unique id such as "
        "`Model3`), `net.batch_size` is the first dimension of the first input, and setting it reshapes "
        "every input. API 1.0 applied preprocessing when the network was loaded, in a fixed order: "
        "precision, layout and resize, then mean and scale, then the color conversion to the network's BGR. "
        "The fix moves precision, layout and resize, which change what the model's input looks like, into "
        "a `PrePostProcessor` built on a copy of the model where it is compiled (also in a caller, when a "
        "function returns the network), so shapes read in between are unchanged; mean and scale values "
        "(per channel, in a loop or not) and a color format become steps of a `PrePostProcessor` on the "
        "model itself, built after the last setting. `RESIZE_AREA` becomes `RESIZE_NEAREST`, which is what "
        "the last API 1.0 releases did. `net.add_outputs(layer)` took layer names and named each new output "
        "after its layer; API 2.0 takes `(operation, port)` pairs and names it after its Result, so the fix "
        "names the new outputs after their layers again. The check of what a device supports, "
        "`[l for l in net.layers.keys() if l not in ie.query_network(net, device)]`, lists the friendly names of "
        "`model.get_ordered_ops()`, which `query_model` reports (other uses of `net.layers` are left to a person: "
        "API 2.0's ops are not API 1.0's layers one for one). API 2.0 addresses ports by tensor name where API 1.0 "
        "used layer names (`get_ov_name_for_tensor(name)` is the name itself); for IRs from the Model "
        "Optimizer they agree."
    )
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
        Example(
            "from openvino.inference_engine import IECore, MeanVariant\n\nie = IECore()\n"
            "net = ie.read_network(\"m.xml\")\n"
            "info = net.input_info[\"data\"].preprocess_info\n"
            "info.init(3)\n"
            "for c in range(3):\n    info[c].mean_value = MEAN[c]\n"
            "info.mean_variant = MeanVariant.MEAN_VALUE\n"
            "exec_net = ie.load_network(net, \"CPU\")\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "net = ie.read_model(\"m.xml\")\n"
            "ppp = ov.preprocess.PrePostProcessor(net)\n"
            "info = ppp.input(\"data\")\n"
            "info.tensor().set_layout(ov.Layout(\"NCHW\"))\n"
            "info.model().set_layout(ov.Layout(\"NCHW\"))\n"
            "info_mean = [0.0] * 3\n"
            "info_scale = [1.0] * len(info_mean)\n"
            "for c in range(3):\n    info_mean[c] = MEAN[c]\n"
            "info.preprocess().mean(info_mean).scale(info_scale)\n"
            "ppp.build()\n"
            "exec_net = ie.compile_model(net, \"CPU\")\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore, ResizeAlgorithm\n\nie = IECore()\n"
            "net = ie.read_network(\"m.xml\")\n"
            "net.input_info[\"data\"].precision = \"U8\"\n"
            "net.input_info[\"data\"].preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR\n"
            "exec_net = ie.load_network(net, \"CPU\")\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "net = ie.read_model(\"m.xml\")\n"
            "ppp = ov.preprocess.PrePostProcessor(net.clone())\n"
            "ppp.input(\"data\").tensor().set_element_type(ov.Type.u8)\n"
            "ppp.input(\"data\").tensor().set_spatial_dynamic_shape()\n"
            "ppp.input(\"data\").preprocess().resize(ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR)\n"
            "ppp.input(\"data\").model().set_layout(ov.Layout(\"NCHW\"))\n"
            "exec_net = ie.compile_model(ppp.build(), \"CPU\")\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\nnet = IECore().read_network(\"m.xml\")\n"
            "net.add_outputs(\"conv1\")\n",
            "import openvino as ov\n\nnet = ov.Core().read_model(\"m.xml\")\n"
            "for output in net.add_outputs([(\"conv1\", 0)]):\n"
            "    layer = output.get_node().input_value(0)\n"
            "    name = layer.get_node().get_friendly_name() + "
            "(f\".{layer.get_index()}\" if layer.get_node().get_output_size() > 1 else \"\")\n"
            "    output.get_node().set_friendly_name(name)\n"
            "    output.get_tensor().set_names({name})\n",
            unsafe=True,
        ),
        Example("from openvino.inference_engine import IECore\n\nnet = IECore().read_network(\"m.xml\")\n"
                "for layer in net.layers.values():\n    print(layer.type)\n",
                message=("`net.layers` is API 1.0: walk `model.get_ordered_ops()` (each op has "
                         "`get_type_name()`, `get_friendly_name()`, `get_attributes()`)")),
        Example("from openvino.inference_engine import IECore\n\nie = IECore()\nnet = ie.read_network(\"m.xml\")\n"
                "supported = ie.query_network(net, \"CPU\")\n"
                "missing = [layer for layer in net.layers.keys() if layer not in supported]\n",
                "import openvino as ov\n\nie = ov.Core()\nnet = ie.read_model(\"m.xml\")\n"
                "supported = ie.query_model(net, \"CPU\")\n"
                "missing = [layer for layer in [op.get_friendly_name() for op in net.get_ordered_ops()] "
                "if layer not in supported]\n",
                unsafe=True),
        Example("from openvino.inference_engine import IENetwork\n\n\ndef inputs(net: IENetwork):\n    return net\n",
                "import openvino as ov\n\n\ndef inputs(net: ov.Model):\n    return net\n"),
    )
    valid = (
        Valid("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\n"
              "print(model.outputs[0].get_any_name(), model.name)\n"),
        Valid("class Net:\n    input_info = {}\n\n\nnet = Net()\nprint(net.input_info)\n"),
        Valid("import openvino as ov\n\nmodel = ov.Core().read_model(\"m.xml\")\n"
              "model.add_outputs([(\"conv1\", 0)])\nppp = ov.preprocess.PrePostProcessor(model)\n"
              "ppp.input(\"data\").preprocess().resize(ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR)\n"),
    )

    def visit_Name(self, node) -> None:
        self._constructor(node)

    def visit_Attribute(self, node) -> None:
        self._constructor(node)
        member = enum_member(self.ctx, node)
        if member is not None:
            self._enum(node, *member)
        owner = self.types.of(node.value) if self.may_concern(node.attr.value) else None
        if owner is None:
            # no API 2.0 object has it; other libraries' configs do (NNCF's list of dicts): only a dict
            # keyed by input name, in a module naming API 1.0, is taken for API 1.0's
            if node.attr.value == "input_info" and mentions(self.ctx, IE) and _used_as_name_dict(self.ctx, node):
                self.untraced(node.attr, "`input_info`")
            return
        if owner.kind == NETWORK:
            self._network_attribute(node, owner)
        elif owner.kind in (INPUT_INFO, DATA) and owner.legacy:
            self._port_attribute(node, owner)
        elif owner.kind == PREPROCESS and owner.legacy:
            self._preprocess_use(node)
        elif owner.kind == CHANNEL and owner.legacy:
            self._channel_use(node)

    def _constructor(self, node) -> None:
        if legacy_reference(self.ctx, node) != "IENetwork":
            return
        call = self.ctx.parent(node)
        if capsule_of(self.ctx, call) is not None:
            return  # `IENetwork(ng.Function.to_capsule(f))`: OV108 makes it the model `f`
        edits = None
        model = argument(call, 0, "model") if isinstance(call, cst.Call) and call.func is node else None
        if model is not None and holds_capsule(self.ctx, model.value):
            self.propose(node, "`IENetwork(capsule)` is API 1.0: the nGraph function the capsule holds is the "
                               "`ov.Model` itself in API 2.0, so use it where the network was used")
            return
        if model is not None:
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
            edits = self._checked_layer_names(node)
            self.propose(node.attr, LAYERS_CHECKED if edits else LAYERS_HOWTO, edits,
                         fix_message="List the names of the model's ops")
        elif attr == "add_outputs" and called:
            self._add_outputs(node, parent)
        elif attr == "get_ov_name_for_tensor" and called and len(parent.args) == 1 and parent.args[0].keyword is None:
            value = parent.args[0].value
            start, end = ctx.span(value)
            bracket = ("", "") if atomic(value) else ("(", ")")
            self.propose(node.attr, "`net.get_ov_name_for_tensor(name)` is API 1.0: API 2.0 addresses inputs and "
                                    "outputs by the tensor name itself (API 1.0 gave the layer name, the same for "
                                    "IRs from the Model Optimizer, and raised for a name no input or output has)",
                         [*replaced(ctx, (ctx.span(parent)[0], start), bracket[0]),
                          *replaced(ctx, (end, ctx.span(parent)[1]), bracket[1])], fix_message="Use the tensor name")

    def _checked_layer_names(self, node) -> Optional[list]:
        """`[l for l in net.layers.keys() if l not in supported]`, the check of what a device supports
        (`query_network`): the layer names become the ops' friendly names, which `query_model` gives.
        Other uses of the names (printed, counted) would show other names than API 1.0 did: None."""
        ctx = self.ctx
        names = node
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value == "keys":
            call = ctx.parent(parent)
            if not (isinstance(call, cst.Call) and call.func is parent and not call.args):
                return None
            names = call
        loop = ctx.parent(names)
        if not (isinstance(loop, cst.CompFor) and loop.iter is names and isinstance(loop.target, cst.Name)
                and loop.ifs and all(_tests_membership(test.test, loop.target.value) for test in loop.ifs)):
            return None
        return [ctx.replace(names, f"[op.get_friendly_name() for op in {ctx.source(node.value)}.get_ordered_ops()]")]

    def _add_outputs(self, node, call) -> None:
        """`net.add_outputs(layers)`: API 1.0 took layer names or `(layer, port)` pairs and named each
        new output after its layer (`layer.port` for a layer with several outputs); API 2.0 takes
        tensor names or `(operation, port)` pairs and names the new output after its Result."""
        ctx = self.ctx
        message = ("`net.add_outputs(layer)` is API 1.0: `model.add_outputs` takes tensor names or "
                   "`(operation name, port)` pairs, and API 2.0 names the new output after its Result, "
                   "not after the layer")
        line = statement_of(ctx, call)
        layers = call.args[0] if len(call.args) == 1 and call.args[0].keyword is None else None
        pairs = self._layer_pairs(layers.value) if layers is not None else None
        if line is None or not isinstance(ctx.parent(call), cst.Expr) or pairs is None:
            self.propose(node.attr, message + ": add `(layer, port)` pairs and set each new output's tensor names "
                                              "to the layer name")
            return
        nl, indent = ctx.newline, indentation(ctx, line)
        inner = indent + "    "
        output, layer, name = (fresh_name(ctx, line, base) for base in ("output", "layer", "name"))
        network = ctx.source(node.value)
        text = (f"for {output} in {network}.add_outputs({pairs}):{nl}"
                f"{inner}{layer} = {output}.get_node().input_value(0){nl}"
                f"{inner}{name} = {layer}.get_node().get_friendly_name() + "
                f"(f\".{{{layer}.get_index()}}\" if {layer}.get_node().get_output_size() > 1 else \"\"){nl}"
                f"{inner}{output}.get_node().set_friendly_name({name}){nl}"
                f"{inner}{output}.get_tensor().set_names({{{name}}})")
        self.propose(node.attr, message + "; the fix adds `(layer, port)` pairs and names each new output after "
                                          "its layer, as API 1.0 did (replacing the tensor names the layer's output "
                                          "had, which API 1.0 did not use)",
                     [ctx.replace(line.body[0], text)], fix_message="Add the outputs by layer and name them")

    def _layer_pairs(self, value) -> Optional[str]:
        """An expression for the `(layer, port)` pairs API 1.0's `add_outputs` read from `value`: a
        name, a pair, or a list of names and pairs (a lone name or pair counted as a list of one)."""
        ctx = self.ctx
        if string_value(value) is not None or _is_pair(value):
            return f"[{self._pair(value)}]"
        if isinstance(value, cst.List):
            items = [self._pair(element.value) for element in value.elements
                     if not isinstance(element, cst.StarredElement)]
            return None if None in items or len(items) != len(value.elements) else f"[{', '.join(items)}]"
        if not isinstance(value, (cst.Name, cst.Attribute)) or walk(value, (cst.Call, cst.Subscript)):
            return None
        text = ctx.source(value)
        item = fresh_name(ctx, value, "item")
        if isinstance(value, cst.Name):
            bound = [bound_value(ctx, a.node) for a in self.types.referents(value)]
            if bound and all(b is not None and string_value(b) is not None for b in bound):
                return f"[({text}, 0)]"
            if bound and all(isinstance(b, (cst.List, cst.ListComp)) for b in bound):
                return f"[({item}, 0) if isinstance({item}, str) else {item} for {item} in {text}]"
        return (f"[({item}, 0) if isinstance({item}, str) else {item} "
                f"for {item} in ({text} if isinstance({text}, list) else [{text}])]")

    def _pair(self, value) -> Optional[str]:
        ctx = self.ctx
        if string_value(value) is not None:
            return f"({ctx.source(value)}, 0)"
        if _is_pair(value):
            return f"({ctx.source(value.elements[0].value)}, {ctx.source(value.elements[1].value)})"
        return None

    def _batch_size(self, node, parent) -> None:
        ctx = self.ctx
        owner = ctx.source(node.value)
        if isinstance(parent, cst.AssignTarget):
            assign = ctx.parent(parent)
            line = statement_of(ctx, assign)
            edits = None
            if line is not None and len(assign.targets) == 1:
                batch = ctx.source(assign.value)
                edits = [ctx.replace(assign, f"{owner}.reshape({{port: [{batch}] + "
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
            self._tensor_desc(node, parent)
        elif attr == "name" and not (isinstance(parent, cst.Call) and parent.func is node):
            self.propose(node.attr, f"`{attr}` of an API 1.0 {side} is the port's `get_any_name()`",
                         [rename(ctx, node, "get_any_name()")], fix_message="Use `get_any_name()`")
        elif attr == "shape" and owner.kind == DATA:
            self._shape(node, (ctx.span(node.value)[1], ctx.span(node)[1]), ".shape")
        elif attr in ("precision", "layout") and isinstance(parent, cst.AssignTarget):
            self._preprocessing(node, owner, side)
        elif attr == "precision":
            self._precision(node, (ctx.span(node.value)[1], ctx.span(node)[1]))
        elif attr == "layout":
            self.propose(node.attr, LAYOUT_MESSAGE)
        elif attr == "preprocess_info":
            self._preprocess_info(node)

    def _tensor_desc(self, node, parent) -> None:
        """`info.tensor_desc.dims` is the port's shape and `.precision` its element type."""
        ctx = self.ctx
        field = parent.attr.value if isinstance(parent, cst.Attribute) and parent.value is node else None
        tail = (ctx.span(node.value)[1], ctx.span(parent)[1]) if field else None
        if field == "dims" and self._resized_compiled_input(node.value):
            self.propose(node.attr, "`tensor_desc.dims` of a compiled model's input: with the resize the fix adds "
                                    "(a `PrePostProcessor` step), the input takes any height and width, so its "
                                    "shape cannot be read; API 1.0 reported the model's own: read "
                                    "`model.input(name).shape` before compiling instead")
        elif field == "dims":
            self._shape(parent, tail, ".shape", where=node.attr)
        elif field == "precision":
            self._precision(parent, tail, where=node.attr)
        elif field == "layout":
            self.propose(node.attr, LAYOUT_MESSAGE)
        else:
            self.propose(node.attr, "`tensor_desc` is API 1.0: the port's `shape` and `get_element_type()` "
                                    "describe the tensor")

    def _resized_compiled_input(self, info) -> bool:
        """Whether `info` is `exec_net.input_info[...]` in a module that sets an input's
        `resize_algorithm`, which the fix makes a resize from any spatial size."""
        if "resize_algorithm" not in self.plan.assigned_attributes():
            return False
        while isinstance(info, (cst.Subscript, cst.Attribute)) and not (
                isinstance(info, cst.Attribute) and info.attr.value == "input_info"):
            info = info.value
        owner = self.types.of(info.value) if isinstance(info, cst.Attribute) else None
        return owner is not None and owner.kind == EXECUTABLE

    def _shape(self, node, tail, replacement, where=None) -> None:
        """API 1.0 shapes were lists; a port's `shape` is an `ov.Shape`. Unpacking, indexing, `len`
        and `list(...)` treat both alike; elsewhere (JSON, `==`, `+`) the fix makes a list.
        `tail` (the text from the end of the port to the end of `node`) becomes `replacement`."""
        ctx = self.ctx
        parent = ctx.parent(node)
        grand = ctx.parent(parent)
        edits = [] if replacement == ctx.text[tail[0]:tail[1]] else [ctx.replace(tail, replacement)]
        as_list = not (isinstance(parent, (cst.AssignTarget, cst.Subscript)) or (
            isinstance(parent, cst.Arg) and isinstance(grand, cst.Call) and isinstance(grand.func, cst.Name)
            and grand.func.value in ("list", "tuple", "len") and len(grand.args) == 1) or (
            isinstance(parent, cst.Assign) and parent.value is node
            and all(isinstance(t.target, (cst.Tuple, cst.List)) for t in parent.targets)))
        if as_list:
            start, end = ctx.span(node)
            edits = [ctx.replace((start, start), "list(")] + edits + [ctx.replace((end, end), ")")]
        if not edits:
            return
        if where is None:
            self.propose(node.attr, "An API 1.0 shape was a list; the port's `shape` is an `ov.Shape`", edits,
                         unsafe=False, fix_message="Make it a list")
        else:
            self.propose(where, "`tensor_desc` is API 1.0: `tensor_desc.dims` is the port's `shape`"
                                + (" (an `ov.Shape`, made a list where a list was used)" if as_list else ""),
                         edits, unsafe=False, fix_message="Use the port's `shape`")

    def _precision(self, node, tail, where=None) -> None:
        """A precision read: API 1.0 named it `"FP32"`, `"U8"`, ...; API 2.0 ports have an element type.
        Compared with a precision name, the types are compared; elsewhere the name is rebuilt."""
        ctx = self.ctx
        where = where or node.attr
        message = ("An API 1.0 `precision` (`\"FP32\"`, `\"U8\"`, ...) is the port's `get_element_type()` "
                   "(`ov.Type.f32`, ...) in API 2.0; API 1.0 converted FP16 inputs and outputs to FP32, I64 outputs "
                   "to I32 and BOOL outputs to FP32, and reported those, and a network input read back the "
                   "precision set on it, which the fix sets on a copy of the model")
        parent = ctx.parent(node)
        other = None
        if isinstance(parent, cst.Comparison) and len(parent.comparisons) == 1 and parent.left is node:
            target = parent.comparisons[0]
            if isinstance(target.operator, (cst.Equal, cst.NotEqual)):
                other = target.comparator
        elif isinstance(parent, cst.ComparisonTarget) and parent.comparator is node and isinstance(
                parent.operator, (cst.Equal, cst.NotEqual)) and len(ctx.parent(parent).comparisons) == 1:
            other = ctx.parent(parent).left
        if _unpacked_into(ctx, node):
            self.propose(where, "A precision set in a tuple assignment (`a.precision, b.precision = ...`) has no "
                                "rewrite: set each in a statement of its own, which the fix moves to a `PrePostProcessor`")
            return
        if ctx.memo("api10-sets-precision", lambda: _sets_precision(ctx)):
            # the fix sets those on a copy of the model, at the load: what the model says is not what was set
            self.propose(where, message + "; this module sets precisions, so read back they are not the "
                                          "model's element types: use the value the module sets")
            return
        if other is not None and string_value(other) in PRECISIONS:
            edits = [ctx.replace(tail, ".get_element_type()"),
                     ctx.replace(other, f"{self.plan.ov(node)}.Type.{PRECISIONS[string_value(other)]}")]
            self.propose(where, message, edits, fix_message="Compare element types")
            return
        self.propose(where, message + "; the fix spells the type's name as API 1.0 did",
                     [ctx.replace(tail, f".get_element_type().get_type_name(){LEGACY_SPELLING}")],
                     fix_message="Spell the element type")

    def _preprocessing(self, node, owner, side) -> None:
        ctx = self.ctx
        attr = node.attr.value
        ref = resolve(self, node.value)
        side = ref.side if ref is not None else side  # `net.inputs[name]` is a DataPtr of an input
        setter = "set_element_type" if attr == "precision" else "set_layout"
        message = PPP_MESSAGE.format(what=attr, side=side, setter=setter)
        assign = ctx.parent(ctx.parent(node))
        layout = string_value(assign.value) if isinstance(assign, cst.Assign) else None
        if attr == "layout" and side == "input" and layout not in (None, "NCHW", "ANY", "CHW", "NC", "C"):
            # API 1.0 kept a blob's dims in the model's order whatever its memory's layout
            message += (f"; API 1.0 took arrays shaped in the model's order (N, C, H, W) with their memory in "
                        f"{layout}, API 2.0 takes them shaped as {layout} says: reshape what the program feeds "
                        "(`x.reshape(n, h, w, c)`, not a transpose)")
        edits = self._move_to_site(node.value, assign, attr, side)
        if edits is None and ref is not None and self._loaded_before_only(node, ref.network):
            message += (" (here it comes after every `load_network` of the network, so API 1.0 never applied it: a "
                        "`PrePostProcessor` step would add what the program never had; drop the setting instead)")
        self.propose(node.attr, message, edits, fix_message="Use a PrePostProcessor")

    def _loaded_before_only(self, node, network) -> bool:
        """Whether the network is loaded (`load_network(network, ...)`) before `node`, and nowhere after."""
        ctx = self.ctx
        here, source = ctx.span(node)[0], ctx.source(network)
        # a network of the same name in another function is another network
        owner = self.types.enclosing(node, cst.FunctionDef)
        loads = [ctx.span(call)[0] for call in ctx.nodes((cst.Call,))
                 if isinstance(call.func, cst.Attribute) and call.func.attr.value == "load_network"
                 and any(ctx.source(a.value) == source for a in call.args)
                 and self.types.enclosing(call, cst.FunctionDef) is owner]
        return bool(loads) and max(loads) < here

    def _move_to_site(self, owner, assign, attr, side) -> Optional[list]:
        """Delete `net.input_info[name].precision = "U8"` and build the same preprocessing on a copy
        of the model where `load_network` compiles it."""
        ctx = self.ctx
        line = statement_of(ctx, assign)
        ref = resolve(self, owner)
        if line is None or len(assign.targets) != 1 or ref is None or ref.side != side:
            return None
        if self._steps(attr, side, "name", assign.value) is None:
            return None
        sites = compile_sites(self, ref, line)
        if sites is None:
            return None
        for site, key in sites:
            site.steps.append((ctx.span(line)[0], self._steps(attr, side, key, assign.value)))
        return lambda: [*deleted_line(ctx, line), *(e for site in {id(s): s for s, _ in sites}.values()
                                                       for e in site.edits(self))]

    def _steps(self, attr, side, name, value) -> Optional[list[str]]:
        literal = string_value(value)
        ov = self.plan.ov(value)
        if attr == "resize_algorithm":
            member = enum_member(self.ctx, value)
            if member is None or member[0] != "ResizeAlgorithm" or member[1] not in RESIZE_ALGORITHMS and member[1] != "NO_RESIZE":
                return None
            if member[1] == "NO_RESIZE":
                return []
            return [f".input({name}).tensor().set_spatial_dynamic_shape()",
                    f".input({name}).preprocess().resize({ov}.preprocess.ResizeAlgorithm.{RESIZE_ALGORITHMS[member[1]]})",
                    f".input({name}).model().set_layout({ov}.{NCHW})"]
        if attr == "precision":
            if literal not in PRECISIONS:
                return None
            return [f".{side}({name}).tensor().set_element_type({ov}.Type.{PRECISIONS[literal]})"]
        if side != "input" or literal not in ("NCHW", "NHWC"):
            return None
        if literal == "NCHW":
            return []  # what API 1.0 assumed for a 4D input anyway
        return [f".input({name}).tensor().set_layout({ov}.Layout(\"NHWC\"))",
                f".input({name}).model().set_layout({ov}.{NCHW})"]

    # preprocess_info

    def _preprocess_info(self, node) -> None:
        """`input_info[name].preprocess_info` itself: inline before a use (reported there), or kept
        in a variable, which then holds the `PrePostProcessor` input for the name."""
        ctx = self.ctx
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return  # reported with the attribute used
        if isinstance(parent, cst.Subscript) and parent.value is node and self._role(node):
            return  # `[c].mean_value = ...`, reported there
        target = parent.targets[0].target if isinstance(parent, cst.Assign) and len(parent.targets) == 1 else None
        line = statement_of(ctx, parent) if target is not None else None
        if not isinstance(target, cst.Name) or line is None:
            self.propose(node.attr, PREPROCESS_MESSAGE)
            return
        references = self._references(target)
        roles = [self._role(r) for r in references]
        if None in roles:
            where = ctx.line_name(ctx.span(references[roles.index(None)])[0])
            self.propose(node.attr, PREPROCESS_MESSAGE + f" (not rewritten: `{target.value}`, which keeps it, is used at "
                                                         f"{where} otherwise than to make a setting the fix turns into "
                                                         "a step, such as reading one back, which a `PrePostProcessor` "
                                                         "cannot answer)")
            return
        ref = resolve(self, node)
        group = InPlace.of(self, ref.network) if ref is not None else None
        if ref is None or group is None or not simple(ref.key):
            self.propose(node.attr, PREPROCESS_MESSAGE)
            return
        if not set(roles) & IN_PLACE:
            self.propose(node.attr, PREPROCESS_MESSAGE, deleted_line(ctx, line), fix_message="Use a PrePostProcessor")
            return
        blocked = group.blocked(line)
        if blocked:
            self.propose(node.attr, PREPROCESS_MESSAGE + f" (not rewritten: {blocked})")
            return
        group.uses.append(line)

        def edits():
            frame = group.frame()
            if frame is None:
                return None
            ov, nl, indent = self.plan.ov(node), ctx.newline, indentation(ctx, line)
            name = target.value
            layouts = "".join(f"{indent}{name}.{part}().set_layout({ov}.{NCHW}){nl}" for part in ("tensor", "model"))
            end = line_end(ctx, line)
            return [*replaced(ctx, parent.value, group.port(ref)), Edit(end, end, layouts), *frame]
        self.propose(node.attr, PREPROCESS_MESSAGE + IN_PLACE_NOTE, edits, fix_message="Use a PrePostProcessor")

    def _references(self, name) -> list:
        scope = self.ctx.scope(name)
        return [ref.node for a in scope.assignments[name.value] if getattr(a, "node", None) is name
                for ref in a.references] if scope is not None else []

    def _role(self, info) -> Optional[str]:
        """What a use of a `preprocess_info` (`info`) does: a setting the fix can move, a value read
        back, or None."""
        ctx = self.ctx
        parent = ctx.parent(info)
        if isinstance(parent, cst.Attribute) and parent.value is info:
            attr = parent.attr.value
            grand = ctx.parent(parent)
            if isinstance(grand, cst.Call) and grand.func is parent:
                if attr == "init" and isinstance(ctx.parent(grand), cst.Expr) and statement_line(ctx, grand) \
                        and len(grand.args) == 1 and grand.args[0].keyword is None:
                    return "init"
                return "channels" if attr == "get_number_of_channels" and not grand.args else None
            if isinstance(grand, cst.AssignTarget):
                if statement_line(ctx, grand) is None or len(ctx.parent(grand).targets) != 1:
                    return None
                return {"mean_variant": "mean_variant", "color_format": "color", "resize_algorithm": "resize"}.get(attr)
            return "read-resize" if attr == "resize_algorithm" else None
        if isinstance(parent, cst.Subscript) and parent.value is info and len(parent.slice) == 1:
            field = ctx.parent(parent)
            if (isinstance(field, cst.Attribute) and field.value is parent and field.attr.value in ("mean_value", "std_scale")
                    and isinstance(ctx.parent(field), cst.AssignTarget) and statement_line(ctx, field) is not None):
                return "channel"
        return None

    def _preprocess_use(self, node) -> None:
        """`info.<attr>` on a `preprocess_info` (`info`): the settings and reads `_role` names."""
        ctx = self.ctx
        info = node.value
        role = self._role(info)
        attr = node.attr.value
        if role is None:
            if attr in ("set_mean_image", "set_mean_image_for_channel"):
                self.propose(node.attr, f"`{attr}` is API 1.0: subtract a mean image with a `Subtract` node in the "
                                        "model, or from the input before inference")
            else:
                self.propose(node.attr, PREPROCESS_MESSAGE)
            return
        if role == "resize":
            assign = ctx.parent(ctx.parent(node))
            self.propose(node.attr, RESIZE_MESSAGE, self._move_to_site(info, assign, "resize_algorithm", "input"),
                         fix_message="Use a PrePostProcessor")
        elif role in ("channels", "read-resize"):
            self._read_back(node, role)
        elif role != "channel":
            self._in_place(node, info, role)

    def _channel_use(self, node) -> None:
        """`info[c].mean_value = v` / `.std_scale = v`: an item of the list of means or scales."""
        ctx = self.ctx
        item = node.value
        info = item.value
        if self._role(info) != "channel":
            self.propose(node.attr, PREPROCESS_MESSAGE)
            return
        ref = resolve(self, info)
        group = InPlace.of(self, ref.network) if ref is not None else None
        blocked = group.blocked(node) if group is not None else ""
        if group is None or blocked:
            self.propose(node.attr, MEAN_MESSAGE + (f" (not rewritten: {blocked})" if blocked else ""))
            return
        group.uses.append(node)
        key = self._list_key(info, ref)
        index = 0 if node.attr.value == "mean_value" else 1

        def edits():
            names = group.lists.get(key)
            frame = group.frame()
            if names is None or frame is None or group.inits[key] > ctx.span(node)[0]:
                return None
            return [*replaced(ctx, info, names[index]), *replaced(ctx, (ctx.span(item)[1], ctx.span(node)[1]), ""),
                    *frame]
        self.propose(node.attr, MEAN_MESSAGE + IN_PLACE_NOTE, edits, fix_message="Use a PrePostProcessor")

    def _list_key(self, info, ref):
        """What identifies one preprocess_info: its variable's binding, or the port's text."""
        if isinstance(info, cst.Name):
            found = self.types.referents(info)
            return found[0].node if len(found) == 1 else None
        return f"{self.ctx.source(ref.network)}[{self.ctx.source(ref.key)}]"

    def _in_place(self, node, info, role) -> None:
        """`info.init(n)`, `info.mean_variant = ...` and `info.color_format = ...` as steps of the
        `PrePostProcessor` on the model."""
        ctx = self.ctx
        ref = resolve(self, info)
        group = InPlace.of(self, ref.network) if ref is not None and ref.side == "input" else None
        line = statement_line(ctx, node)
        message = MEAN_MESSAGE if role in ("init", "mean_variant") else COLOR_MESSAGE
        blocked = group.blocked(line) if group is not None and line is not None else ""
        if group is None or line is None or not simple(ref.key) or blocked:
            self.propose(node.attr, message + (f" (not rewritten: {blocked})" if blocked else ""))
            return
        key = self._list_key(info, ref)
        statement = line.body[0]
        value = statement.value if isinstance(statement, cst.Assign) else None
        member = enum_member(ctx, value) if value is not None else None
        if role == "mean_variant" and (member is None or member[1] not in ("MEAN_VALUE", "NONE")):
            self.propose(node.attr, MEAN_MESSAGE + ": only `MeanVariant.MEAN_VALUE` (mean and scale values) has "
                                                  "a rewrite; a mean image is a `Subtract` node in the model")
            return
        if role == "color" and member is not None and member[1] not in COLOR_FORMATS and member[1] != "RAW":
            self.propose(node.attr, COLOR_MESSAGE + f": `ColorFormat.{member[1]}` changes the input's channel count, "
                                                    "which the fix does not do for you")
            return
        if (role, member and member[1]) in (("mean_variant", "NONE"), ("color", "RAW")):
            self.propose(node.attr, message, deleted_line(ctx, line), fix_message="Drop the default")
            return
        group.uses.append(line)
        if role != "init" and not isinstance(info, cst.Name):
            group.steps.append((ctx.source(ref.key), line))
        if role == "init":
            base = info.value if isinstance(info, cst.Name) else "preprocess"
            group.list_names(key, base, line)
            group.inits[key] = min(group.inits.get(key, ctx.span(line)[0]), ctx.span(line)[0])

        def edits():
            frame = group.frame()
            names = group.lists.get(key)
            if frame is None or role != "color" and (names is None or group.inits[key] > ctx.span(line)[0]):
                return None
            ov, nl, indent = self.plan.ov(node), ctx.newline, indentation(ctx, line)
            port = info.value if isinstance(info, cst.Name) else group.port(ref)
            start, end = ctx.span(statement)
            if role == "init":
                count = statement.value.args[0].value
                means, scales = names
                opening = f"{means} = [0.0] * " + ("" if atomic(count) else "(")
                closing = ("" if atomic(count) else ")") + f"{nl}{indent}{scales} = [1.0] * len({means})"
                return [*replaced(ctx, (start, ctx.span(count)[0]), opening),
                        *replaced(ctx, (ctx.span(count)[1], end), closing), *frame]
            layouts = "" if not group.needs_layout(port, line) else "".join(
                f"{port}.{part}().set_layout({ov}.{NCHW}){nl}{indent}" for part in ("tensor", "model"))
            prefix = [] if isinstance(info, cst.Name) else replaced(ctx, info, layouts + port)
            if role == "mean_variant":
                means, scales = names
                return [*prefix, *replaced(ctx, (ctx.span(info)[1], end), f".preprocess().mean({means}).scale({scales})"),
                        *frame]
            color = [] if member is None else replaced(ctx, value, f"{ov}.preprocess.ColorFormat.{COLOR_FORMATS[member[1]]}")
            return [*prefix, *replaced(ctx, (ctx.span(info)[1], ctx.span(value)[0]), ".tensor().set_color_format("),
                    *color, *replaced(ctx, (ctx.span(value)[1], end),
                                      f"){nl}{indent}{port}.preprocess().convert_color({ov}.preprocess.ColorFormat.BGR)"),
                    *frame]
        self.propose(node.attr, message + IN_PLACE_NOTE, edits, fix_message="Use a PrePostProcessor")

    def _read_back(self, node, role) -> None:
        """`info.get_number_of_channels()` and `info.resize_algorithm` read back what the module
        set: the fix writes the value, when the module sets one value only."""
        ctx = self.ctx
        ov = self.plan.ov(node)
        settings = self._settings()
        if role == "channels":
            counts = {ctx.source(c): c for c in settings["init"]}
            count = next(iter(counts.values())) if len(counts) == 1 else None
            if count is None or not self._portable(count, node):
                self.propose(node.attr, "`get_number_of_channels()` is API 1.0: it read back the `n` of `init(n)`, "
                                        "which API 2.0 does not keep: use the value you passed")
                return
            text = ctx.source(count) if atomic(count) else f"({ctx.source(count)})"
            self.propose(node.attr, "`get_number_of_channels()` is API 1.0: it read back the `n` of `init(n)`; the fix "
                                    f"writes the module's only one, `{ctx.source(count)}` (an input never `init`-ed "
                                    "gave 0)", replaced(ctx, ctx.parent(node), text), fix_message="Use the value set")
            return
        members = {enum_member(ctx, v) for v in settings["resize"]}
        member = next(iter(members)) if len(members) == 1 else None
        if member is None or member[1] not in RESIZE_ALGORITHMS:
            self.propose(node.attr, "Reading `resize_algorithm` is API 1.0: API 2.0 keeps no preprocessing settings "
                                    "to read back: use the value you set")
            return
        mapped = RESIZE_ALGORITHMS[member[1]]
        self.propose(node.attr, "Reading `resize_algorithm` is API 1.0: API 2.0 keeps no preprocessing settings to "
                                f"read back; the fix writes `ResizeAlgorithm.{mapped}`, for the module's only setting, "
                                f"`{member[1]}` (an input it was not set on read `NO_RESIZE`)",
                     replaced(ctx, node, f"{ov}.preprocess.ResizeAlgorithm.{mapped}"), fix_message="Use the value set")

    def _settings(self) -> dict:
        """The `init(n)` arguments and the `resize_algorithm` values the module sets."""
        def collect_settings():
            found = {"init": [], "resize": []}
            for node in self.ctx.nodes((cst.Attribute,)):
                owner = self.types.of(node.value)
                if owner is None or owner.kind != PREPROCESS or not owner.legacy:
                    continue
                role = self._role(node.value)
                if role == "init":
                    found["init"].append(self.ctx.parent(node).args[0].value)
                elif role == "resize":
                    found["resize"].append(self.ctx.parent(self.ctx.parent(node)).value)
            return found
        return self.ctx.memo("ppp-settings", collect_settings)

    def _portable(self, expr, at) -> bool:
        """Whether `expr` means the same at `at`: literals, builtins, and names of the module's
        globals that the function around `at` does not assign."""
        ctx = self.ctx
        module, scope = ctx.scope(ctx.module), ctx.scope(at)
        for name in walk(expr, (cst.Name,)):
            found = [a.node for a in self.types.referents(name)]
            if not found and hasattr(builtins, name.value):
                continue
            if not found or any(not isinstance(n, cst.CSTNode) or ctx.scope(n) is not module for n in found):
                return False
            if scope is not None and scope is not module and name.value in scope.assignments:
                return False
        return True

    def _enum(self, node, cls, member) -> None:
        """A reference to an API 1.0 preprocessing enum outside the settings the fix moves."""
        ctx = self.ctx
        parent = ctx.parent(node)
        if isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, cst.Attribute) and target.attr.value in ("mean_variant", "color_format", "resize_algorithm"):
                owner = self.types.of(target.value)
                if owner is not None and owner.kind == PREPROCESS:
                    return  # the setting's own finding rewrites it
        mapped = {"ColorFormat": COLOR_FORMATS, "ResizeAlgorithm": RESIZE_ALGORITHMS}.get(cls, {}).get(member)
        twin = "ColorFormat" if cls == "ColorFormat" else "ResizeAlgorithm"
        if mapped is None:
            self.propose(node, f"`{cls}.{member}` is API 1.0 and has no `openvino.preprocess` twin the fix can write")
            return
        note = " (the last API 1.0 releases resized with RESIZE_NEAREST when asked for RESIZE_AREA)" if member == "RESIZE_AREA" else ""
        self.propose(node, f"`{cls}.{member}` is `ov.preprocess.{twin}.{mapped}` in API 2.0{note}",
                     [ctx.replace(node, f"{self.plan.ov(node)}.preprocess.{twin}.{mapped}")],
                     unsafe=member == "RESIZE_AREA", fix_message=f"Use `ov.preprocess.{twin}`")


IN_PLACE = {"init", "channel", "mean_variant", "color"}


def _is_pair(value) -> bool:
    """`("layer", 1)`: a layer name and a port, as literals."""
    return (isinstance(value, cst.Tuple) and len(value.elements) == 2
            and string_value(value.elements[0].value) is not None and isinstance(value.elements[1].value, cst.Integer))


def _sets_precision(ctx) -> bool:
    """Whether the module sets a precision (`net.input_info[name].precision = "U8"`, also unpacked)."""
    def targets(node):
        if isinstance(node, (cst.Tuple, cst.List)):
            return [t for e in node.elements for t in targets(e.value)]
        return [node]
    return any(isinstance(t, cst.Attribute) and t.attr.value == "precision"
               for node in ctx.nodes((cst.Assign,)) for target in node.targets for t in targets(target.target))


def _unpacked_into(ctx, node) -> bool:
    """Whether `node` is an element of a tuple or list an assignment unpacks into."""
    parent = ctx.parent(node)
    while isinstance(parent, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        parent = ctx.parent(parent)
        if isinstance(parent, cst.AssignTarget):
            return True
    return False


def _used_as_name_dict(ctx, node) -> bool:
    """Whether `x.input_info` is read as a dict: subscripted, or its `items()`, `keys()`, `values()`."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Subscript) and parent.value is node:
        return True
    return isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in ("items", "keys", "values") \
        and isinstance(ctx.parent(parent), cst.Call)
