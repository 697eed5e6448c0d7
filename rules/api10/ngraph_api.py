"""The nGraph Python API (`import ngraph`)."""
from __future__ import annotations

import re

from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._base import DATA, NETWORK, Api10Rule, in_import, mentions
from ovlint.rules.api10._types import INSTANCE
from ovlint.rules.api10._api20 import inventory_for, names
from ovlint.rules.api10._ngraph_ops import OPS
from ovlint.rules.api10._ngraph import (
    BODY_OPS, LOST_MEMBERS, capsule_of, function_argument, network_of_function,
)
from ovlint.rules.api10._plan import excerpt, program_module

OPSET = re.compile(r"^ngraph\.(?:impl\.)?(opset\d+)(\.|$)")
NGRAPH = DEPRECATIONS["ngraph-python"]
GRAPH_NAMES = DEPRECATIONS["openvino-graph-names"]  # `openvino.opsetN`, `openvino.Node`, ...
RUNTIME = DEPRECATIONS["openvino-runtime"]
OPSETS_SINCE = GRAPH_NAMES.since
# ngraph (or ngraph.impl) name -> (openvino name, first release exporting it from `openvino`)
CLASSES = {"Function": ("Model", NGRAPH.since), "PartialShape": ("PartialShape", NGRAPH.since),
           "Shape": ("Shape", NGRAPH.since), "Dimension": ("Dimension", NGRAPH.since), "Type": ("Type", NGRAPH.since),
           "Strides": ("Strides", NGRAPH.since),
           **{name: (name, GRAPH_NAMES.since) for name in (
               "Node", "Input", "Output", "AxisSet", "AxisVector", "Coordinate", "CoordinateDiff", "DiscreteTypeInfo")}}
# private methods of nGraph's `Node` (its own public names call them) -> API 2.0's `Node` method
PRIVATE_MEMBERS = {"_get_attributes": "get_attributes", "_set_attribute": "set_attribute"}
IMPL_OPS = ("Constant", "Parameter")  # `ngraph.impl.op.X` is `openvino.op.X`
MODULES = ("exceptions", "helpers", "opset_utils", "util", "utils", "__version__")  # the rest of its top level
NOT_HERE = ("; ovlint rewrites it where the call is the value of an assignment or its graph is a variable, "
            "in a statement of its own, not in a comprehension or a conditional expression")
NETWORK_NOTE = (" (the network and the graph are one object now: reshaping or adding outputs to one changes the "
                "other)")
# markers of Intel's nGraph: the unrelated PyPI package `ngraph` has none of them (its `Function`
# as nGraph spells it, not the word in a string: `help='Loss Function'`; its op API's typed
# parameters, `ng.parameter(shape, dtype=np.float32)`, where Nervana's graph has placeholders)
INTEL = re.compile(r"openvino|inference_engine|opset\d|function_(?:from|to)_cnn|to_capsule|"
                   r"\w\.parameter\([^)\n]*\bdtype[ \t]*=|"
                   r"\w\.Function\b|\bfrom[ \t]+ngraph[\w.]*[ \t]+import[ \t]*(?:\([^)]*|[^\n(]*)\bFunction\b|"
                   r"\.impl\.(?:" + "|".join(CLASSES) + r"|op)\b")


class NgraphUse(Api10Rule):
    code = "OV108"
    # its visit_Name/visit_Attribute look only for names of `ngraph`
    hook_needles = {"visit_Name": ("ngraph",), "visit_Attribute": ("ngraph",)}
    name = "ngraph-api"
    deprecation = NGRAPH
    summary = f"The nGraph Python API (`ngraph`) was removed in OpenVINO {NGRAPH.removed}"
    rationale = (
        f"`import ngraph` fails on every release since {NGRAPH.removed}. Graph construction moved to `openvino`: "
        "`ng.Function` is `ov.Model`, `ng.opsetN.<op>` is `openvino.opsetN.<op>` (at the top level since "
        f"{GRAPH_NAMES.since}), and the op functions at the top level of `ngraph` (`ng.relu`, `ng.softmax`) are those "
        "of the opset that defines each in the last nGraph (`ov.opset1.relu`, `ov.opset8.softmax`). "
        "`Shape`/`PartialShape`/`Dimension`/`Type` (also under `ngraph.impl`) are `ov.*`, their members unchanged. "
        "API 2.0 compiles the graph itself, so `ng.function_from_cnn(net)` is the model `core.read_model` returned, "
        "and `IENetwork(ng.Function.to_capsule(f))` and `ng.function_to_cnn(f)` are `f`: as an IENetwork named each "
        "output after the layer producing it, the fix gives the outputs those names. Walking a graph "
        "(`get_ordered_ops`, `get_output_op`, `get_attributes`, `inputs()`, `get_data`, ...) needs no change. "
        "nGraph objects are not followed from function to function, so the nGraph uses of a module are migrated "
        "together, or not at all while one has no rewrite: `ng.loop`, `ng.tensor_iterator` and `ng.if_op` took "
        "their bodies from `ngraph.utils`, and are classes configured after construction in API 2.0. No spelling of "
        f"the opsets runs on every release from {NGRAPH.since} to the newest (`openvino.runtime.opsetN` is gone in "
        f"{RUNTIME.removed}), so a project pinned below {GRAPH_NAMES.since} keeps its graph building until the pin is "
        "raised. An `import ngraph` is flagged "
        "only in code that shows it is Intel's nGraph (the PyPI package `ngraph` is an unrelated project)."
    )
    examples = (
        Example(
            "import ngraph as ng\nimport numpy as np\n\n"
            "param = ng.opset8.parameter([1, 3], np.float32, name=\"x\")\n"
            "model = ng.Function([ng.opset8.relu(param)], [param], \"net\")\n",
            "import openvino as ov\nimport numpy as np\n\n"
            "param = ov.opset8.parameter([1, 3], np.float32, name=\"x\")\n"
            "model = ov.Model([ov.opset8.relu(param)], [param], \"net\")\n",
        ),
        Example(
            "import ngraph as ng\nimport numpy as np\n\n"
            "x = ng.parameter([1, 3], np.float32, name=\"x\")\n"
            "y = ng.softmax(ng.relu(x), 1, name=\"y\")\n"
            "same = y.get_output_element_type(0) == ng.impl.Type.f32\n",
            "import openvino as ov\nimport numpy as np\n\n"
            "x = ov.opset1.parameter([1, 3], np.float32, name=\"x\")\n"
            "y = ov.opset8.softmax(ov.opset1.relu(x), 1, name=\"y\")\n"
            "same = y.get_output_element_type(0) == ov.Type.f32\n",
        ),
        Example(
            "import ngraph as ng\nfrom openvino.inference_engine import IECore\n\n"
            "net = IECore().read_network(\"m.xml\")\nops = ng.function_from_cnn(net).get_ordered_ops()\n",
            "import openvino as ov\n\n"
            "net = ov.Core().read_model(\"m.xml\")\nops = net.get_ordered_ops()\n",
            unsafe=True,
        ),
        Example(
            "import ngraph as ng\nfrom openvino.inference_engine import IECore, IENetwork\n\n"
            "net = IENetwork(ng.Function.to_capsule(function))\n"
            "exec_net = IECore().load_network(net, \"CPU\")\n",
            "import openvino as ov\n\n"
            "net = function\n"
            "for result_node in net.get_results():  # name the outputs as IENetwork did\n"
            "    producer = result_node.input_value(0)\n"
            "    result_node.output(0).get_tensor().set_names({producer.get_node().get_friendly_name() + (\n"
            "        f\".{producer.get_index()}\" if producer.get_node().get_output_size() > 1 else \"\")})\n"
            "exec_net = ov.Core().compile_model(net, \"CPU\")\n",
            unsafe=True,
        ),
        Example("from ngraph.opset8 import parameter\n", "from openvino.opset8 import parameter\n"),
        Example("import ngraph as ng\n\ncapsule = ng.Function.to_capsule(function)\n",
                message=("The nGraph Python API (`ngraph`) was removed in OpenVINO 2024.0",
                         ("`Function.to_capsule(f)` handed an nGraph graph to API 1.0 (`IENetwork(capsule)`): "
                          "API 2.0 compiles the `ov.Model` itself, so use the model where the network was used"))),
    )
    valid = (
        Valid("import ngraph\n\ngraph = ngraph.Graph()  # the unrelated PyPI package\n"),
        Valid("import openvino.opset8 as ops\n\nparam = ops.parameter([1], name=\"x\")\n"),
    )

    def _is_intel(self) -> bool:
        """Whether `ngraph` here is Intel's: the code shows it, and the program has no `ngraph`
        module of its own (a package beside the file or in a folder above it)."""
        return self.ctx.memo("ngraph-is-intel", lambda: bool(INTEL.search(self.ctx.text))
                             and not program_module(self.ctx.path, "ngraph", python_only=True))

    def visit_Import(self, node) -> None:
        for alias in node.names:
            module = dotted(alias.name)
            if module.split(".")[0] == "ngraph" and self._is_intel():
                if OPSET.match(module) and alias.asname is not None and len(node.names) == 1:
                    self._opset_module(alias.name, module)
                else:
                    self.plan.legacy_import(self.code, node, self.summary)
                return

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None:
            return
        module = dotted(node.module)
        if module.split(".")[0] != "ngraph" or not self._is_intel():
            return
        names = [] if isinstance(node.names, cst.ImportStar) else [a.evaluated_name for a in node.names]
        if module == "ngraph" and names and all(re.fullmatch(r"opset\d+", n) for n in names):
            # `from ngraph import opset8 as ops`: the opsets are modules of `openvino` too
            message = (f"`ngraph.{names[0]}` is `openvino.{names[0]}` in API 2.0" + self.ctx.cannot_write(OPSETS_SINCE, NGRAPH.removed))
            edits = [self.ctx.replace(node.module, "openvino")] if self.ctx.can_write(OPSETS_SINCE) else None
            self.propose(node.module, message, edits, unsafe=False, fix_message="Import the opsets of `openvino`")
        elif OPSET.match(module):
            opset = OPSET.match(module).group(1)
            gone = [a for a in ([] if isinstance(node.names, cst.ImportStar) else node.names)
                    if module == f"ngraph.{opset}" and not self._exists(opset, a.evaluated_name)]
            for alias in gone:
                self._gone(alias.name, opset, alias.evaluated_name)
            if not gone:
                self._opset_module(node.module, module)
        else:
            self.plan.legacy_import(self.code, node, self.summary)

    def _opset_module(self, node, module) -> None:
        opset = OPSET.match(module).group(1)
        message = f"`{module}` is `openvino.{opset}` in API 2.0" + self.ctx.cannot_write(OPSETS_SINCE, NGRAPH.removed)
        edits = None
        if self.ctx.can_write(OPSETS_SINCE):
            edits = [self.ctx.replace(node, f"openvino.{opset}" + module[OPSET.match(module).end(1):])]
        self.propose(node, message, edits, unsafe=False, fix_message=f"Import `openvino.{opset}`")

    def propose(self, where, message, edits=None, unsafe=True, fix_message="", untraced=True) -> None:
        """nGraph objects are not followed between functions, so a module's nGraph uses migrate
        together: one without a rewrite holds back the others, wherever they are; and each joins
        the part of every function it calls or is called by (a graph built in a function and
        handed to `IENetwork` elsewhere migrates with it, safely or not)."""
        blockers = self.ctx.memo("ngraph-blockers", list)
        if edits is None:
            # a rewrite the target or the pinned release keeps back says so at its end (`cannot_write`)
            pinned = self.ctx.cannot_write(OPSETS_SINCE, NGRAPH.removed)
            blockers.append((where, "needs a newer release to be rewritten (see its finding)" if pinned and message.endswith(pinned)
                             else "has no rewrite"))
            super().propose(where, message, None, unsafe, fix_message, untraced)
            return
        edits = tuple(edits)

        def made():
            ctx = self.ctx
            blocker, why = next(((b, w) for b, w in blockers if not ctx.suppressed(self.code, *ctx.span(b))),
                                (None, ""))
            if blocker is None:
                return edits
            where = ctx.line_name(ctx.span(blocker)[0])
            proposal.message += (f" (not migrated yet: the module also uses `{excerpt(ctx, blocker)}` at {where}, "
                                 f"which {why}, and its nGraph uses migrate together)")
            return None

        super().propose(where, message, made, unsafe, fix_message, untraced)
        proposal = self.plan.proposals[-1]

    def visit_Name(self, node) -> None:
        self._reference(node)

    def visit_Attribute(self, node) -> None:
        if node.attr.value in PRIVATE_MEMBERS:
            self._private_member(node)
        self._reference(node)

    def _private_member(self, node) -> None:
        """`node._get_attributes()`: nGraph's nodes had it, API 2.0's have only the public name. The
        object is an nGraph node in a module that imports nGraph, unless it is one of the module's own."""
        ctx = self.ctx
        name = node.attr.value
        owner = self.types.of(node.value)
        if (not self._imports_ngraph() or (owner is not None and owner.kind == INSTANCE)
                or any(f.name.value == name for f in ctx.nodes((cst.FunctionDef,)))):
            return
        new = PRIVATE_MEMBERS[name]
        self.propose(node.attr, f"`{name}` is a private method of nGraph's `Node`: API 2.0's `ov.Node` has `{new}` "
                                "(the object is taken for an nGraph node, as the module imports nGraph)",
                     [ctx.replace(node.attr, new)], fix_message=f"Use `{new}`")

    def _imports_ngraph(self) -> bool:
        def imported() -> bool:
            modules = [dotted(alias.name) for statement in self.ctx.nodes((cst.Import,)) for alias in statement.names]
            modules += [dotted(statement.module) for statement in self.ctx.nodes((cst.ImportFrom,))
                        if statement.module is not None and not statement.relative]
            return self._is_intel() and any(module.split(".")[0] == "ngraph" for module in modules)
        return self.ctx.memo("imports-ngraph", imported)

    def _reference(self, node) -> None:
        """Uses of `ngraph` names, handled at the longest dotted name that is still ngraph's."""
        ctx = self.ctx
        if not mentions(ctx, "ngraph") or not _dotted_name(node):
            return  # `ng.f(x).attr` is an attribute of what a call returned, not a name of ngraph
        names = sorted(n for n in ctx.qualified_names(node) if n == "ngraph" or n.startswith("ngraph."))
        if not names or in_import(ctx, node) or not self._is_intel():
            return
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node and ctx.qualified_names(parent):
            return
        name = names[0]
        opset = OPSET.match(name)
        if opset:
            self._opset_use(node, opset, name)
            return
        rest = name.split(".")[1:]
        impl = rest[:1] == ["impl"]
        rest = rest[1:] if impl else rest
        called = parent if isinstance(parent, cst.Call) and parent.func is node else None
        if not rest:
            if isinstance(node, cst.Attribute):
                self._removed(node, name)
        elif rest[0] in CLASSES:
            self._class_use(node, name, rest, impl)
        elif impl and rest[0] == "op" and len(rest) > 1 and rest[1] in IMPL_OPS:
            self._rename(node, f"ngraph.impl.op.{rest[1]}", f"op.{rest[1]}", GRAPH_NAMES.since)
        elif impl:
            self._removed(node, name)
        elif rest[0] in OPS and len(rest) == 1:
            self._op_function(node, rest[0])
        elif rest == ["function_from_cnn"] and called is not None:
            self._function_from_cnn(node, called)
        elif rest == ["function_to_cnn"]:
            function = function_argument(called, "ng_function") if called is not None else None
            edits = network_of_function(ctx, called, function) if function is not None else None
            self.propose(node, "`ng.function_to_cnn(f)` is API 1.0: an `ov.Model` is compiled directly; the fix uses "
                               "the model, its outputs named after the layers producing them as the IENetwork "
                               "named them" + NETWORK_NOTE + ("" if edits is not None else NOT_HERE), edits,
                         fix_message="Use the model")
        elif rest == ["partial_shape_from_data"]:
            self._partial_shape(node, called)
        elif rest[0] in MODULES:
            self._removed(node, name)
        else:
            self.propose(node, f"`{name}` is no name of the nGraph Python API (as of its last release), so ovlint cannot tell "
                               "what it does: replace it by hand")

    def _removed(self, node, name) -> None:
        self.propose(node, f"`{name}` is part of the removed nGraph API: build graphs with `openvino.opsetN` "
                           "functions and `ov.Model`")

    def _rename(self, node, name, new, since) -> None:
        ctx = self.ctx
        edits = [ctx.replace(node, f"{self.plan.ov(node)}.{new}")] if ctx.can_write(since) else None
        self.propose(node, f"`{name}` is `openvino.{new}` in API 2.0" + ctx.cannot_write(since, NGRAPH.removed), edits, unsafe=False,
                     fix_message=f"Use `openvino.{new}`")

    def _class_use(self, node, name, rest, impl) -> None:
        """`ng.Function(...)`, `ng.impl.Type.f32`: the class is API 2.0's twin, its members too but for
        the capsules that handed graphs to API 1.0."""
        cls = rest[0]
        if len(rest) > 1 and rest[1] in LOST_MEMBERS.get(cls, ()):
            if rest[1] == "to_capsule":
                self._capsule(node)
            else:
                self._removed(node, name)
            return
        spelled = "ngraph." + ("impl." if impl else "") + cls
        while isinstance(node, cst.Attribute) and spelled not in self.ctx.qualified_names(node):
            node = node.value
        new, since = CLASSES[cls]
        self._rename(node, spelled, new, since)

    def _capsule(self, node) -> None:
        """`IENetwork(ng.Function.to_capsule(f))` is the graph `f` itself in API 2.0."""
        ctx = self.ctx
        call = ctx.parent(node)
        arg = ctx.parent(call)
        network = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
        function = capsule_of(ctx, network) if isinstance(call, cst.Call) and call.func is node else None
        if function is None:
            self.propose(node, "`Function.to_capsule(f)` handed an nGraph graph to API 1.0 (`IENetwork(capsule)`): "
                               "API 2.0 compiles the `ov.Model` itself, so use the model where the network was used")
            return
        edits = network_of_function(ctx, network, function)
        self.propose(node, "`IENetwork(ng.Function.to_capsule(f))` is the model `f` itself in API 2.0; the fix names "
                           "its outputs after the layers producing them, as the IENetwork named them" + NETWORK_NOTE
                     + ("" if edits is not None else NOT_HERE), edits, fix_message="Use the model")

    def _op_function(self, node, op) -> None:
        """`ng.relu`: the top level of nGraph re-exports each op from one opset."""
        opset = OPS[op]
        if op in BODY_OPS:
            self._body_op(node, f"ngraph.{op}", opset, op)
            return
        self._rename(node, f"ngraph.{op}", f"{opset}.{op}", OPSETS_SINCE)

    def _body_op(self, node, name, opset, op) -> None:
        self.propose(node, f"`{name}` took its bodies and port descriptions from `ngraph.utils.tensor_iterator_types`; "
                           f"in API 2.0 `openvino.{opset}.{op}` is the `{BODY_OPS[op]}` class: construct it, then "
                           "`set_function(body)` and `set_sliced_input` / `set_merged_input` / `set_invariant_input`, "
                           "and `get_iter_value` / `get_concatenated_slices` for its outputs")

    def _function_from_cnn(self, node, call) -> None:
        network = argument(call, 0, "cnn_network")
        value = self.types.of(network.value) if network is not None else None
        message = ("`ng.function_from_cnn(net)` is not needed in API 2.0: `core.read_model` returns the "
                   "`ov.Model` itself")
        edits = None
        if value is not None and value.kind == NETWORK and len(call.args) == 1:
            edits = [self.ctx.replace(call, self.ctx.source(network.value))]
        self.propose(node, message, edits, fix_message="Use the model")

    def _partial_shape(self, node, call) -> None:
        """`ng.partial_shape_from_data(data)` (nGraph before 2022.1) is the port's `get_partial_shape()`."""
        ctx = self.ctx
        data = function_argument(call, "data") if call is not None else None
        value = self.types.of(data) if data is not None else None
        edits = None
        if value is not None and value.kind == DATA:
            atom = isinstance(data, (cst.Name, cst.Attribute, cst.Call, cst.Subscript))
            (start, end), (first, last) = ctx.span(call), ctx.span(data)
            edits = [ctx.replace((start, first), "" if atom else "("),
                     ctx.replace((last, end), ".get_partial_shape()" if atom else ").get_partial_shape()")]
        self.propose(node, "`ng.partial_shape_from_data(data)` is the port's `get_partial_shape()` in API 2.0", edits,
                     unsafe=False, fix_message="Use `get_partial_shape()`")

    def _opset_use(self, node, opset, name) -> None:
        ctx = self.ctx
        op = name[opset.end():].split(".")[0]
        if op in BODY_OPS:
            self._body_op(node, name, opset.group(1), op)
            return
        module_node = node
        # find the node spelling `ngraph.opsetN` itself inside `ng.opsetN.op`
        while isinstance(module_node, cst.Attribute) and not any(
                OPSET.match(n) and OPSET.match(n).end() == len(n) for n in ctx.qualified_names(module_node)):
            module_node = module_node.value
        if op and isinstance(node, cst.Attribute) and not self._exists(opset.group(1), op):
            self._gone(node, opset.group(1), op)  # `ops.lstm_sequence`, the module imported under a name too
            return
        if isinstance(module_node, cst.Name):
            return  # a name imported from `ngraph.opsetN`, or the module under a name: its import is reported
        edits = None
        if ctx.can_write(OPSETS_SINCE):
            edits = [ctx.replace(module_node, f"{self.plan.ov(node)}.{opset.group(1)}")]
        self.propose(node, f"`ngraph.{opset.group(1)}` is `openvino.{opset.group(1)}` in API 2.0"
                     + ctx.cannot_write(OPSETS_SINCE, NGRAPH.removed), edits,
                     unsafe=False, fix_message=f"Use `openvino.{opset.group(1)}`")


    def _exists(self, opset: str, op: str) -> bool:
        """Whether `openvino.<opset>` of the target release has `op` (opsets shed some ops in 2025.0)."""
        release = inventory_for(self.ctx.target_version)
        available = names(release, f"openvino.{opset}") if release is not None else None
        return available is None or op in available

    def _gone(self, node, opset: str, op: str) -> None:
        release = inventory_for(self.ctx.target_version)
        newer = next((f"opset{n}" for n in range(int(opset[len("opset"):]) + 1, 100)
                      if op in (names(release, f"openvino.opset{n}") or ())), None)
        instead = f": the nearest is `openvino.{newer}.{op}` (check its arguments)" if newer else ""
        self.propose(node, f"`ngraph.{opset}.{op}` has no counterpart in `openvino.{opset}` of OpenVINO {release}{instead}")


def _dotted_name(node) -> bool:
    """Whether `node` is a plain dotted name (`a.b.c`)."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)

