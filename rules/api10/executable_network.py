"""Python API 1.0: `ExecutableNetwork` (what `load_network` returns)."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument, drop_attribute, fresh_name, indentation, rename, statement_of, walk
from ovlint.rules.api10._base import (
    API_1, EXECUTABLE, INPUTS, OUTPUTS, SPELLS_IE, Api10Rule, legacy_reference, propose_class_reference,
    propose_map_use, value_span,
)
from ovlint.rules.api10._config_values import propose_get_property, propose_renamed
from ovlint.rules.api10._inputs import (
    SHAPE_NOTE, axisless_input, axisless_input_message, list_input_message, listed_input,
)

KEPT_REQUESTS = ("; this module hands compiled models on and reads their requests elsewhere, so the fix keeps them "
                 "on the object where it is compiled, `compiled.requests = [...]` (a plain Python attribute, not API "
                 "2.0's: `ov.AsyncInferQueue` is the API 2.0 way to keep a pool)")
QUEUE_HOWTO = ("use `ov.AsyncInferQueue(compiled_model, jobs=N)`: `queue.set_callback(fn)`, "
               "`queue.start_async(inputs, userdata)`, `queue.wait_all()`")
POOL_HOWTO = ("API 1.0 kept its own list of idle requests (every request idle at first, busy from its start, idle "
              "again once its callback returned or `wait()` saw it done, the longest idle first), and API 2.0 has "
              "no such list: `request.wait_for(0)` is False for a request never started, so no expression rebuilds "
              "it. Keep the pool with `ov.AsyncInferQueue(compiled_model, jobs=N)`: `queue.is_ready()` is "
              "`get_idle_request_id() >= 0`, `queue.get_idle_request_id()` waits for an idle request, "
              "`queue.start_async(inputs, userdata)` starts it, `queue.wait_all()` waits for every request and "
              "`queue.set_callback(fn)` calls `fn(request, userdata)`; or keep a `collections.deque` of idle "
              "indices yourself")
PROPERTY_METHODS = {"get_config": "get_property", "get_metric": "get_property", "set_config": "set_property"}
PROPERTY_KEYWORDS = {"get_config": ("config_name",), "get_metric": ("metric_name",), "set_config": ("config",)}


class ExecutableNetworkUse(Api10Rule):
    code = "OV104"
    # its visit_Name/visit_Attribute look only for names of `openvino.inference_engine`
    hook_needles = {"visit_Name": SPELLS_IE}
    name = "executable-network"
    summary = f"`ExecutableNetwork` is API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "`load_network` returned an `ExecutableNetwork` holding pre-created infer requests; "
        "`compile_model` returns an `ov.CompiledModel`, which creates them on demand. "
        "`exec_net.requests[i]` is the i-th of the requests the fix creates next to `compile_model`. "
        "`exec_net.infer(inputs)` ran `requests[0]`: it becomes `requests[0].infer(inputs)` where the program "
        "uses those requests, else `compiled(inputs)`: calling the compiled model runs one request it keeps, "
        "so a stateful model keeps its state from call to call as it did (the result is indexed by output port, "
        "or by name in a subscript). API 1.0 copied each input array into its blob, so an image without the "
        "batch axis ran; API 2.0 raises for it, so a call fed an image whose channels a call moved first "
        "(`np.moveaxis(image, -1, 0)`, `image.transpose((2, 0, 1))`) and that no assignment gives a batch axis "
        "is left for a person to add the axis. "
        "`exec_net.start_async(request_id=i, inputs=x)` is "
        "`requests[i].start_async(x)` (API 1.0 also returned the request: `handle = exec_net.start_async(...)` "
        "becomes `handle = requests[i]` before the start). `get_config`/`get_metric`/`set_config` are "
        "`get_property`/`set_property`, and `get_exec_graph_info()` is `get_runtime_model()`. "
        "`export(path)` wrote the file; `export_model()` returns the blob (bytes in older releases, an "
        "`io.BytesIO` in newer ones), so the fix writes what `export_model(stream)` puts in an `io.BytesIO`, "
        "which every release does. Pools driven by `exec_net.wait()` or `get_idle_request_id()` are reported without "
        "a fix: API 1.0 kept a list of idle requests that API 2.0 cannot rebuild (`wait_for(0)` is False "
        "for a request never started); `ov.AsyncInferQueue` keeps such a pool."
    )
    examples = (
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "exec_net = ie.load_network(ie.read_network(\"m.xml\"), \"CPU\")\n"
            "result = exec_net.infer({\"data\": frame})\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "exec_net = ie.compile_model(ie.read_model(\"m.xml\"), \"CPU\")\n"
            "result = exec_net({\"data\": frame})\n",
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
            message="`exec_net.get_idle_request_id()` manages an API 1.0 request pool: " + POOL_HOWTO),
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "exec_net = ie.load_network(ie.read_network(\"m.xml\"), \"CPU\", num_requests=2)\n"
            "handle = exec_net.start_async(request_id=0, inputs={\"data\": frame})\n"
            "exec_net.export(\"m.blob\")\n",
            "import openvino as ov\nimport io\n\nie = ov.Core()\n"
            "exec_net = ie.compile_model(ie.read_model(\"m.xml\"), \"CPU\")\n"
            "exec_net_requests = [exec_net.create_infer_request() for _ in range(2)]\n"
            "handle = exec_net_requests[0]\nhandle.start_async({\"data\": frame})\n"
            "with open(\"m.blob\", \"wb\") as model_file, io.BytesIO() as model_stream:\n"
            "    exec_net.export_model(model_stream)\n    model_file.write(model_stream.getvalue())\n",
            unsafe=True,
        ),
        # API 1.0 copied a list into the blob; API 2.0 refuses it (tests/test_runtime_inputs.py)
        Example("from openvino.inference_engine import IECore\n\n"
                "exec_net = IECore().load_network(\"m.xml\", \"CPU\")\nresult = exec_net.infer({\"data\": [frame]})\n",
                message=list_input_message("exec_net.infer(inputs)", "[frame]")),
        Example("from openvino.inference_engine import ExecutableNetwork\n\n\n"
                "def infer(compiled: ExecutableNetwork):\n    return compiled\n",
                "import openvino as ov\n\n\ndef infer(compiled: ov.CompiledModel):\n    return compiled\n"),
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
        if not self.may_concern(node.attr.value):
            return
        owner = self.types.of(node.value)
        if owner is None or owner.kind != EXECUTABLE:
            return
        attr = node.attr.value
        if attr == "input_info" or (owner.legacy and attr == "outputs"):
            propose_map_use(self, node, INPUTS if attr == "input_info" else OUTPUTS)
        elif attr == "requests":
            if not owner.legacy and "requests" in self.plan.assigned_attributes():
                return  # the requests a fix (or the program) keeps on the compiled model
            name = self.plan.requests_name(node.value)
            message = "`exec_net.requests` is API 1.0: API 2.0 creates requests with `compiled_model.create_infer_request()`"
            if name == self.ctx.source(node):
                message += KEPT_REQUESTS
            self.propose(node.attr, message, None if name is None else () if name == self.ctx.source(node)
                         else [self.ctx.replace(node, name)], fix_message="Use a list of requests")

    def visit_Call(self, node) -> None:
        """`ov.CompiledModel` has none of these methods, so they are reported on it too."""
        func = node.func
        if not isinstance(func, cst.Attribute) or not self.may_concern(func.attr.value):
            return
        owner = self.types.of(func.value)
        if owner is None and func.attr.value == "get_idle_request_id" and "AsyncInferQueue" not in self.ctx.text:
            self.untraced(func.attr, "`get_idle_request_id()`")  # API 2.0 queues have one too
        if owner is None or owner.kind != EXECUTABLE:
            return
        ctx = self.ctx
        method = func.attr.value
        if method == "infer":
            self._infer(node, func)
        elif method == "start_async":
            self._start_async(node, func)
        elif method in ("wait", "get_idle_request_id"):
            self.propose(func.attr, f"`exec_net.{method}()` manages an API 1.0 request pool: {POOL_HOWTO}")
        elif method == "get_config" and owner.legacy:
            propose_get_property(self, node, func, compiled=True)
        elif method in PROPERTY_METHODS:
            propose_renamed(self, node, func, PROPERTY_METHODS[method], PROPERTY_KEYWORDS[method],
                            f"`{method}` is `{PROPERTY_METHODS[method]}` in API 2.0 (OV107 renames legacy keys)",
                            unsafe=True)
        elif method == "get_exec_graph_info":
            self.propose(func.attr, "`get_exec_graph_info()` is `get_runtime_model()` in API 2.0",
                         [rename(ctx, func, "get_runtime_model")], fix_message="Use `get_runtime_model`")
        elif method == "export":
            self._export(node, func)

    def _infer(self, call, func) -> None:
        """The result was a dict keyed by output name (sorted); API 2.0 returns an `OVDict` keyed by
        port that also accepts names. Only subscripts treat both alike: other uses get a real dict.
        API 1.0 ran `requests[0]`: where the program reads those requests (their outputs, states or
        counters), the fix runs the first of its list; elsewhere a new request per call."""
        ctx = self.ctx
        listed = listed_input(ctx, argument(call, 0, "inputs"))
        if listed is not None:
            self.propose(func.attr, list_input_message("exec_net.infer(inputs)", listed))
            return
        axisless = axisless_input(ctx, argument(call, 0, "inputs"))
        if axisless is not None:
            self.propose(func.attr, axisless_input_message("exec_net.infer(inputs)", axisless))
            return
        requests = self.plan.requests_name(func.value)
        if requests is not None:
            edits = [ctx.replace(func, f"{requests}[0].infer")]
            fix_message = "Run `requests[0]`"
            message = ("`exec_net.infer(inputs)` ran `exec_net.requests[0]`, which API 2.0 does not have: the fix runs "
                       "the first request of the list it creates, `requests[0].infer(inputs)`, whose result is keyed "
                       "by output port (names work as subscripts)")
        else:
            edits = [drop_attribute(ctx, func)]
            fix_message = "Call the compiled model"
            message = ("`exec_net.infer(inputs)` is `compiled_model(inputs)` in API 2.0, which runs one request the "
                       "compiled model keeps, as API 1.0 ran `requests[0]` (a stateful model keeps its state from call "
                       "to call); its result is keyed by output port (names work as subscripts)")
        if not self._only_subscripted(call) and not isinstance(ctx.parent(call), cst.Expr):  # a result not discarded
            start, end = ctx.span(call)
            # a space keeps the dict's braces apart from those of an f-string's field (`{{` is a brace)
            before = " " if ctx.text[start - 1:start] == "{" else ""
            after = " " if ctx.text[end:end + 1] == "}" else ""
            edits += [ctx.replace((start, start), before + "{port.get_any_name(): value for port, value in sorted("),
                      ctx.replace((end, end), ".items(), key=lambda item: item[0].get_any_name())}" + after)]
            message += ("; the result is used as a dict, so the fix builds one keyed by each output's "
                        "`get_any_name()`, which for an output with several tensor names can be another name than "
                        "the layer name API 1.0 used (compare with `[o.get_names() for o in compiled_model.outputs]`)")
        if argument(call, 0, "inputs") is not None:
            message += SHAPE_NOTE
        self.propose(func.attr, message, edits, fix_message=fix_message)

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
        """`requests[i].start_async(inputs)`; API 1.0 also returned the request, so `handle =
        exec_net.start_async(...)` becomes `handle = requests[i]` and `handle.start_async(inputs)`."""
        ctx = self.ctx
        message = ("`exec_net.start_async(request_id, inputs)` is API 1.0: start the request itself, "
                   "`requests[request_id].start_async(inputs)` (which returns None where API 1.0 returned the "
                   "request), or " + QUEUE_HOWTO)
        request_id = argument(call, 0, "request_id")
        inputs = argument(call, 1, "inputs")
        name = self.plan.requests_name(func.value)
        listed = listed_input(ctx, inputs) if inputs is not None else None
        axisless = axisless_input(ctx, inputs) if inputs is not None and listed is None else None
        if listed is not None:
            message = list_input_message("exec_net.start_async(request_id, inputs)", listed)
        elif axisless is not None:
            message = axisless_input_message("exec_net.start_async(request_id, inputs)", axisless)
        elif inputs is not None:
            message += SHAPE_NOTE
        if request_id is None or name is None or len(call.args) > 2 or any(a.star for a in call.args) or listed \
                or axisless:
            self.propose(func.attr, message)
            return
        request = f"{name}[{ctx.source(value_span(ctx, request_id))}]"
        feed = ctx.source(value_span(ctx, inputs)) if inputs else ""
        parent = ctx.parent(call)
        if isinstance(parent, cst.Expr):
            self.propose(func.attr, message, [ctx.replace(call, f"{request}.start_async({feed})")],
                         fix_message="Start the request itself")
            return
        line = statement_of(ctx, call)
        targets = parent.targets if isinstance(parent, cst.Assign) else ()
        handle = targets[0].target if len(targets) == 1 else None
        if line is None or not isinstance(handle, (cst.Name, cst.Attribute)) or (
                inputs is not None and _mentions(inputs.value, ctx.source(handle))):
            self.propose(func.attr, message)
            return
        newline = ctx.newline + indentation(ctx, line)
        self.propose(func.attr, message, [ctx.replace(call, f"{request}{newline}{ctx.source(handle)}.start_async({feed})")],
                     fix_message="Take the request, then start it")

    def _export(self, call, func) -> None:
        """API 1.0 wrote the file; `export_model()` returns bytes up to 2024.6 and an `io.BytesIO`
        in 2025.1 and later (checked), so the fix asks for the stream form, which every release has."""
        ctx = self.ctx
        message = ("`exec_net.export(path)` is API 1.0: API 2.0 `compiled_model.export_model()` returns the blob (bytes "
                   "in older releases, an `io.BytesIO` in newer ones) and `export_model(stream)` writes it to an "
                   "`io.BytesIO` in all of them, which you write to the file")
        path = argument(call, 0, "model_file")
        line = statement_of(ctx, call)
        if path is None or len(call.args) != 1 or path.star or line is None or not isinstance(ctx.parent(call), cst.Expr):
            self.propose(func.attr, message)
            return
        io, imports = ctx.imports.module_alias("io", "io")
        file = fresh_name(ctx, call, "model_file")
        stream = fresh_name(ctx, call, "model_stream")
        body = ctx.newline + indentation(ctx, line) + "    "
        text = (f"with open({ctx.source(value_span(ctx, path))}, \"wb\") as {file}, {io}.BytesIO() as {stream}:"
                f"{body}{ctx.source(func.value)}.export_model({stream}){body}{file}.write({stream}.getvalue())")
        self.propose(func.attr, message, [ctx.replace(call, text), *imports], fix_message="Write `export_model` to the file")


def _mentions(node, text: str) -> bool:
    """Whether `node` reads the variable spelled `text` (a name, or `self.x`)."""
    return any(isinstance(n, (cst.Name, cst.Attribute)) and _spelled(n) == text
               for n in walk(node, (cst.Name, cst.Attribute)))


def _spelled(node) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute) and isinstance(node.value, (cst.Name, cst.Attribute)):
        return f"{_spelled(node.value)}.{node.attr.value}"
    return ""
