"""Python API 1.0: `ExecutableNetwork` (what `load_network` returns)."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument, rename
from ovlint.rules.api10._base import (
    API_1, EXECUTABLE, INPUTS, OUTPUTS, Api10Rule, legacy_reference, propose_class_reference, propose_map_use,
)

QUEUE_HOWTO = ("use `ov.AsyncInferQueue(compiled_model, jobs=N)`: `queue.set_callback(fn)`, "
               "`queue.start_async(inputs, userdata)`, `queue.wait_all()`")
PROPERTY_METHODS = {"get_config": "get_property", "get_metric": "get_property", "set_config": "set_property"}


class ExecutableNetworkUse(Api10Rule):
    code = "OV104"
    name = "executable-network"
    summary = f"`ExecutableNetwork` is API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "`load_network` returned an `ExecutableNetwork` holding pre-created infer requests; "
        "`compile_model` returns an `ov.CompiledModel`, which creates them on demand. "
        "`exec_net.infer(inputs)` is `compiled.infer_new_request(inputs)` (the result is indexed by "
        "output tensor name or port), `exec_net.requests[i]` is the i-th of the requests the fix creates "
        "next to `compile_model`, and `exec_net.start_async(request_id=i, inputs=x)` is "
        "`requests[i].start_async(x)`. `get_config`/`get_metric`/`set_config` are `get_property`/"
        "`set_property`, and `get_exec_graph_info()` is `get_runtime_model()`. Pools that call "
        "`exec_net.wait()` or `get_idle_request_id()` are reported without a fix: API 2.0 has "
        "`ov.AsyncInferQueue` for them. `export(path)` is `export_model()`, which returns the bytes."
    )
    fix = Applicability.UNSAFE
    needles = Api10Rule.needles + ("input_info", r"\brequests\b", r"\binfer\b", "start_async", r"\bwait\b",
                                   "get_idle_request_id", *PROPERTY_METHODS, "get_exec_graph_info", r"\bexport\b")
    examples = (
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "exec_net = ie.load_network(ie.read_network(\"m.xml\"), \"CPU\")\n"
            "result = exec_net.infer({\"data\": frame})\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "exec_net = ie.compile_model(ie.read_model(\"m.xml\"), \"CPU\")\n"
            "result = exec_net.infer_new_request({\"data\": frame})\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "exec_net = ie.load_network(ie.read_network(\"m.xml\"), \"CPU\", num_requests=2)\n"
            "exec_net.start_async(request_id=1, inputs={\"data\": frame})\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "exec_net = ie.compile_model(ie.read_model(\"m.xml\"), \"CPU\")\n"
            "exec_net_requests = [exec_net.create_infer_request() for _ in range(2)]\n"
            "exec_net_requests[1].start_async({\"data\": frame})\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "exec_net = ie.load_network(ie.read_network(\"m.xml\"), \"CPU\", num_requests=0)\n"
            "request_id = exec_net.get_idle_request_id()\n",
                message=("`exec_net.get_idle_request_id()` manages API 1.0 request pools: use "
                         "`ov.AsyncInferQueue(compiled_model, jobs=N)`: `queue.set_callback(fn)`, "
                         "`queue.start_async(inputs, userdata)`, `queue.wait_all()`")),
    )
    valid = (
        Valid("import openvino as ov\n\ncompiled = ov.Core().compile_model(\"m.xml\")\n"
              "request = compiled.create_infer_request()\nrequest.start_async({0: frame})\n"),
        Valid("class Pool:\n    requests = []\n\n\nprint(Pool().requests)\n"),
    )

    def visit_Name(self, node) -> None:
        if legacy_reference(self.ctx, node) == "ExecutableNetwork":
            propose_class_reference(self, node, "ExecutableNetwork")

    def visit_Attribute(self, node) -> None:
        self.visit_Name(node)
        owner = self.types.of(node.value)
        if owner is None or owner.kind != EXECUTABLE:
            return
        attr = node.attr.value
        if attr == "input_info" or (owner.legacy and attr == "outputs"):
            propose_map_use(self, node, INPUTS if attr == "input_info" else OUTPUTS)
        elif attr == "requests":
            name = self.plan.requests_name(node.value)
            self.propose(node.attr, "`exec_net.requests` is API 1.0: API 2.0 creates requests with "
                                    "`compiled_model.create_infer_request()`",
                         [self.ctx.replace(node, name)] if name else None, fix_message="Use a list of requests")

    def visit_Call(self, node) -> None:
        """`ov.CompiledModel` has none of these methods, so they are reported on it too."""
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        owner = self.types.of(func.value)
        if owner is None and func.attr.value == "get_idle_request_id":
            self.untraced(func.attr, "`get_idle_request_id()`")
        if owner is None or owner.kind != EXECUTABLE:
            return
        ctx = self.ctx
        method = func.attr.value
        if method == "infer":
            self._infer(node, func)
        elif method == "start_async":
            self._start_async(node, func)
        elif method in ("wait", "get_idle_request_id"):
            self.propose(func.attr, f"`exec_net.{method}()` manages API 1.0 request pools: {QUEUE_HOWTO}")
        elif method in PROPERTY_METHODS:
            new = PROPERTY_METHODS[method]
            self.propose(func.attr, f"`{method}` is `{new}` in API 2.0 (OV107 renames legacy keys)",
                         [rename(ctx, func, new)], fix_message=f"Use `{new}`")
        elif method == "get_exec_graph_info":
            self.propose(func.attr, "`get_exec_graph_info()` is `get_runtime_model()` in API 2.0",
                         [rename(ctx, func, "get_runtime_model")], fix_message="Use `get_runtime_model`")
        elif method == "export":
            self.propose(func.attr, "`exec_net.export(path)` is API 1.0: write `compiled_model.export_model()` "
                                    "to the file yourself (`with open(path, \"wb\") as f: f.write(...)`)")

    def _infer(self, call, func) -> None:
        """The result was a dict keyed by output name (sorted); API 2.0 returns an `OVDict` keyed by
        port that also accepts names. Only subscripts treat both alike: other uses get a real dict."""
        ctx = self.ctx
        edits = [rename(ctx, func, "infer_new_request")]
        if not self._only_subscripted(call):
            start, end = ctx.span(call)
            edits += [ctx.replace((start, start), "{port.get_any_name(): value for port, value in sorted("),
                      ctx.replace((end, end), ".items(), key=lambda item: item[0].get_any_name())}")]
        self.propose(func.attr, "`exec_net.infer(inputs)` is `compiled_model.infer_new_request(inputs)` in "
                                "API 2.0; its result is keyed by output port (names work as subscripts)",
                     edits, fix_message="Use `infer_new_request`")

    def _only_subscripted(self, call) -> bool:
        ctx = self.ctx
        assign = ctx.parent(call)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1
                and isinstance(assign.targets[0].target, cst.Name)):
            return isinstance(assign, cst.Subscript) and assign.value is call
        target = assign.targets[0].target
        references = [ref.node for a in ctx.scope(assign).assignments[target.value]
                      if getattr(a, "node", None) is target for ref in a.references]
        return all(isinstance(ctx.parent(r), cst.Subscript) and ctx.parent(r).value is r for r in references)

    def _start_async(self, call, func) -> None:
        ctx = self.ctx
        message = ("`exec_net.start_async(request_id, inputs)` is API 1.0: start the request itself, "
                   "`requests[request_id].start_async(inputs)`, or " + QUEUE_HOWTO)
        request_id = argument(call, 0, "request_id")
        inputs = argument(call, 1, "inputs")
        name = self.plan.requests_name(func.value)
        if request_id is None or name is None or len(call.args) > 2:
            self.propose(func.attr, message)
            return
        text = f"{name}[{ctx.source(request_id.value)}].start_async({ctx.source(inputs.value) if inputs else ''})"
        self.propose(func.attr, message, [ctx.replace(call, text)], fix_message="Start the request itself")
