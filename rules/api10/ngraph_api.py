"""The nGraph Python API (`import ngraph`)."""
from __future__ import annotations

import re

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._base import NETWORK, Api10Rule, in_import

OPSET = re.compile(r"^ngraph\.(?:impl\.)?(opset\d+)(\.|$)")
NGRAPH = DEPRECATIONS["ngraph-python"]
GRAPH_NAMES = DEPRECATIONS["openvino-graph-names"]  # `openvino.opsetN`, `openvino.Node`, ...
OPSETS_SINCE = GRAPH_NAMES.since
# ngraph (or ngraph.impl) name -> (openvino name, first release exporting it from `openvino`)
CLASSES = {"Function": ("Model", NGRAPH.since), "PartialShape": ("PartialShape", NGRAPH.since),
           "Shape": ("Shape", NGRAPH.since), "Dimension": ("Dimension", NGRAPH.since), "Type": ("Type", NGRAPH.since),
           "Node": ("Node", GRAPH_NAMES.since)}
# markers of Intel's nGraph: the unrelated PyPI package `ngraph` has none of them
INTEL = re.compile(r"openvino|inference_engine|opset\d|function_from_cnn|ngraph\.impl|\bFunction\b")


class NgraphUse(Api10Rule):
    code = "OV108"
    name = "ngraph-api"
    deprecation = NGRAPH
    summary = f"The nGraph Python API (`ngraph`) was removed in OpenVINO {NGRAPH.removed}"
    rationale = (
        f"`import ngraph` fails on every release since {NGRAPH.removed}. Graph construction moved to `openvino`: "
        "`ng.Function` is `ov.Model`, `ng.opsetN.<op>` is `openvino.opsetN.<op>` (at the top level since "
        f"{GRAPH_NAMES.since}), and `Shape`/`PartialShape`/`Dimension`/`Type` are `ov.*`. `ng.function_from_cnn(net)` "
        "has no counterpart because `core.read_model` already returns the graph: the fix uses the "
        "model itself. An `import ngraph` is flagged only in code that shows it is Intel's nGraph (the "
        "PyPI package `ngraph` is an unrelated project)."
    )
    fix = Applicability.UNSAFE
    needles = ("ngraph",)
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
            "import ngraph as ng\nfrom openvino.inference_engine import IECore\n\n"
            "net = IECore().read_network(\"m.xml\")\nops = ng.function_from_cnn(net).get_ordered_ops()\n",
            "import openvino as ov\n\n"
            "net = ov.Core().read_model(\"m.xml\")\nops = net.get_ordered_ops()\n",
            unsafe=True,
        ),
        Example("from ngraph.opset8 import parameter\n", "from openvino.opset8 import parameter\n"),
        Example("import ngraph as ng\n\ncapsule = ng.Function.to_capsule(function)\n",
                message=("The nGraph Python API (`ngraph`) was removed in OpenVINO 2024.0",
                         ("`ngraph.Function.to_capsule` is part of the removed nGraph API: build graphs with "
                          "`openvino.opsetN` functions and `ov.Model`"))),
    )
    valid = (
        Valid("import ngraph\n\ngraph = ngraph.Graph()  # the unrelated PyPI package\n"),
        Valid("import openvino.opset8 as ops\n\nparam = ops.parameter([1], name=\"x\")\n"),
    )

    def _is_intel(self) -> bool:
        return self.ctx.memo("ngraph-is-intel", lambda: bool(INTEL.search(self.ctx.text)))

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
        if OPSET.match(module):
            self._opset_module(node.module, module)
        else:
            self.plan.legacy_import(self.code, node, self.summary)

    def _opset_module(self, node, module) -> None:
        opset = OPSET.match(module).group(1)
        message = f"`{module}` is `openvino.{opset}` in API 2.0" + self.ctx.cannot_write(OPSETS_SINCE)
        edits = None
        if self.ctx.can_write(OPSETS_SINCE):
            edits = [self.ctx.replace(node, f"openvino.{opset}" + module[OPSET.match(module).end(1):])]
        # nGraph's nodes do not mix with openvino's in one graph: the module migrates whole or not at all
        self.propose(node, message, edits, unsafe=False, fix_message=f"Import `openvino.{opset}`", blocks=True)

    def visit_Name(self, node) -> None:
        self._reference(node)

    def visit_Attribute(self, node) -> None:
        self._reference(node)

    def _reference(self, node) -> None:
        """Uses of `ngraph` names, handled at the longest dotted name that is still ngraph's."""
        ctx = self.ctx
        names = [n for n in ctx.qualified_names(node) if n == "ngraph" or n.startswith("ngraph.")]
        if not names or in_import(ctx, node) or not self._is_intel():
            return
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node and ctx.qualified_names(parent):
            return
        name = names[0]
        opset = OPSET.match(name)
        if opset:
            self._opset_use(node, opset)
            return
        short = name.rsplit(".", 1)[-1]
        if name in (f"ngraph.{short}", f"ngraph.impl.{short}") and short in CLASSES:
            new, since = CLASSES[short]
            edits = None
            if ctx.can_write(since):
                edits = [ctx.replace(node, f"{self.plan.ov(node)}.{new}")]
            self.propose(node, f"`{name}` is `openvino.{new}` in API 2.0" + ctx.cannot_write(since), edits, unsafe=False,
                         fix_message=f"Use `openvino.{new}`", blocks=True)
        elif name == "ngraph.function_from_cnn" and isinstance(parent, cst.Call) and parent.func is node:
            network = argument(parent, 0, "cnn_network")
            value = self.types.of(network.value) if network is not None else None
            message = ("`ng.function_from_cnn(net)` is not needed in API 2.0: `core.read_model` returns the "
                       "`ov.Model` itself")
            edits = None
            if value is not None and value.kind == NETWORK and len(parent.args) == 1:
                edits = [ctx.replace(parent, ctx.source(network.value))]
            self.propose(node, message, edits, fix_message="Use the model")
        elif name in ("ngraph.function_to_cnn",):
            self.propose(node, "`ng.function_to_cnn` is API 1.0: an `ov.Model` is compiled directly "
                               "with `core.compile_model(model)`")
        elif isinstance(node, cst.Attribute) or name != "ngraph":
            self.propose(node, f"`{name}` is part of the removed nGraph API: build graphs with "
                               "`openvino.opsetN` functions and `ov.Model`")

    def _opset_use(self, node, opset) -> None:
        ctx = self.ctx
        module_node = node
        # find the node spelling `ngraph.opsetN` itself inside `ng.opsetN.op`
        while isinstance(module_node, cst.Attribute) and not any(
                OPSET.match(n) and OPSET.match(n).end() == len(n) for n in ctx.qualified_names(module_node)):
            module_node = module_node.value
        if isinstance(module_node, cst.Name):
            return  # a name imported from `ngraph.opsetN`: its import is reported
        edits = None
        if ctx.can_write(OPSETS_SINCE):
            edits = [ctx.replace(module_node, f"{self.plan.ov(node)}.{opset.group(1)}")]
        self.propose(node, f"`ngraph.{opset.group(1)}` is `openvino.{opset.group(1)}` in API 2.0"
                     + ctx.cannot_write(OPSETS_SINCE), edits,
                     unsafe=False, fix_message=f"Use `openvino.{opset.group(1)}`", blocks=True)
