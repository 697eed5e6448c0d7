"""Python API 1.0: `InferRequest` of an `ExecutableNetwork`, and `StatusCode`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import int_value, keyword, rename
from ovlint.rules.api10._base import (
    API_1, INPUT_BLOBS, OUTPUT_BLOBS, REQUEST, Api10Rule, in_import, legacy_class, legacy_reference,
    propose_class_reference, propose_map_use,
)


def _is_ok_status(ctx, node) -> bool:
    """`0` or `StatusCode.OK`."""
    if int_value(node) == 0:
        return True
    return (isinstance(node, cst.Attribute) and node.attr.value == "OK"
            and legacy_class(ctx, node.value) == "StatusCode")


class InferRequestUse(Api10Rule):
    code = "OV105"
    name = "infer-request"
    summary = f"This `InferRequest` use is API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "API 2.0 infer requests read and write tensors instead of blobs: `request.input_blobs[name]` and "
        "`request.output_blobs[name]` are `request.get_tensor(name)` (the blob's `buffer` is the tensor's "
        "`data`, OV106), `set_blob(name, blob)` is `set_tensor(name, tensor)` and `async_infer()` is "
        "`start_async()`. `wait()` no longer returns a `StatusCode`: it returns None and raises on "
        "failure, so `request.wait(-1) == 0` becomes `request.wait() is None`. Completion callbacks take "
        "different arguments (`set_callback(fn, userdata)` calls `fn(userdata)`), and "
        "`get_perf_counts()` became `profiling_info`, a list of `ProfilingInfo`; both are reported "
        "without a fix."
    )
    fix = Applicability.UNSAFE
    needles = Api10Rule.needles + ("input_blobs", "output_blobs", "async_infer", "set_blob")
    examples = (
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "exec_net = ie.load_network(ie.read_network(\"m.xml\"), \"CPU\")\n"
            "for request in exec_net.requests:\n"
            "    request.async_infer({\"data\": frame})\n"
            "    if request.wait(-1) == 0:\n"
            "        print(request.output_blobs[\"prob\"].buffer)\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "exec_net = ie.compile_model(ie.read_model(\"m.xml\"), \"CPU\")\n"
            "exec_net_requests = [exec_net.create_infer_request() for _ in range(1)]\n"
            "for request in exec_net_requests:\n"
            "    request.start_async({\"data\": frame})\n"
            "    if request.wait() is None:\n"
            "        print(request.get_tensor(\"prob\").data)\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\n"
            "request = IECore().load_network(\"m.xml\", \"CPU\").requests[0]\n"
            "request.set_completion_callback(on_done, 0)\n",
                message=("`set_completion_callback(fn, data)` is API 1.0: `request.set_callback(fn, "
                         "userdata)` calls `fn(userdata)` (no status; failures raise in `wait()`), or use "
                         "`ov.AsyncInferQueue.set_callback(fn)` with `fn(request, userdata)`")),
    )
    valid = (
        Valid("import openvino as ov\n\nrequest = ov.Core().compile_model(\"m.xml\").create_infer_request()\n"
              "request.infer({0: frame})\nprint(request.get_output_tensor(0).data)\nrequest.wait()\n"),
        Valid("class Job:\n    def wait(self, timeout):\n        return 0\n\n\nassert Job().wait(-1) == 0\n"),
    )

    def visit_Attribute(self, node) -> None:
        owner = self.types.of(node.value)
        if owner is None and node.attr.value in ("input_blobs", "output_blobs"):
            self.untraced(node.attr, f"`{node.attr.value}`")
        elif owner is not None and owner.kind == REQUEST and node.attr.value in ("input_blobs", "output_blobs"):
            propose_map_use(self, node, INPUT_BLOBS if node.attr.value == "input_blobs" else OUTPUT_BLOBS)
        elif owner is not None and owner.kind == REQUEST and owner.legacy and node.attr.value == "latency":
            self.propose(node.attr, "`request.latency` is API 1.0: time the call yourself "
                                    "(`time.perf_counter()`) or use `benchmark_app`")
        self.visit_Name(node)

    def visit_Name(self, node) -> None:
        self._status_code(node)
        if legacy_reference(self.ctx, node) == "InferRequest":
            propose_class_reference(self, node, "InferRequest")

    def _status_code(self, node) -> None:
        ctx = self.ctx
        if legacy_class(ctx, node) != "StatusCode" or in_import(ctx, node):
            return
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            target = ctx.parent(parent)
            if (parent.attr.value == "OK" and isinstance(target, cst.ComparisonTarget)
                    and self._is_wait_call(ctx.parent(target).left)):
                return  # part of `request.wait() == StatusCode.OK`, reported and fixed there
        self.propose(node, "`StatusCode` is API 1.0: API 2.0 calls raise on failure, and "
                           "`request.wait_for(timeout_ms)` returns whether the request finished")

    def _is_wait_call(self, node) -> bool:
        if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "wait"):
            return False
        owner = self.types.of(node.func.value)
        return owner is not None and owner.kind == REQUEST and owner.legacy

    def visit_Call(self, node) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        owner = self.types.of(func.value)
        if owner is None or owner.kind != REQUEST:
            return
        ctx = self.ctx
        method = func.attr.value
        if method == "async_infer":
            self.propose(func.attr, "`async_infer()` is `start_async()` in API 2.0",
                         [rename(ctx, func, "start_async")], unsafe=False, fix_message="Use `start_async`")
        elif method == "set_blob":
            self._set_blob(node, func)
        elif not owner.legacy:
            return
        elif method == "wait":
            self._wait(node, func)
        elif method == "set_completion_callback":
            self.propose(func.attr, "`set_completion_callback(fn, data)` is API 1.0: `request.set_callback(fn, "
                                    "userdata)` calls `fn(userdata)` (no status; failures raise in `wait()`), "
                                    "or use `ov.AsyncInferQueue.set_callback(fn)` with `fn(request, userdata)`")
        elif method == "get_perf_counts":
            self.propose(func.attr, "`get_perf_counts()` is API 1.0: `request.profiling_info` is a list of "
                                    "`ProfilingInfo` (`node_name`, `node_type`, `real_time`, `status`) "
                                    "and needs `PERF_COUNT` enabled")

    def _set_blob(self, call, func) -> None:
        ctx = self.ctx
        edits = [rename(ctx, func, "set_tensor")]
        for name in ("blob_name", "blob"):
            arg = keyword(call, name)
            if arg is not None:
                edits.append(ctx.replace((ctx.span(arg.keyword)[0], ctx.span(arg.value)[0]), ""))
        names = [a.keyword.value for a in call.args if a.keyword is not None]
        positional = len(call.args) == 2 and names in ([], ["blob"], ["blob_name", "blob"])
        self.propose(func.attr, "`set_blob(name, blob)` is `set_tensor(name, tensor)` in API 2.0",
                     edits if positional else None, fix_message="Use `set_tensor`")

    def _wait(self, call, func) -> None:
        ctx = self.ctx
        parent = ctx.parent(call)
        timeout = call.args[0].value if len(call.args) == 1 else None
        infinite = timeout is not None and int_value(timeout) == -1
        message = ("`request.wait()` returns None in API 2.0 and raises on failure; it no longer returns a "
                   "`StatusCode` (`wait_for(timeout_ms)` returns whether the request finished)")
        drop_args = ctx.replace((ctx.span(call.args[0].value)[0], ctx.span(call.args[-1].value)[1]), "") if call.args else None
        if (isinstance(parent, cst.Comparison) and parent.left is call and len(parent.comparisons) == 1
                and isinstance(parent.comparisons[0].operator, cst.Equal)
                and _is_ok_status(ctx, parent.comparisons[0].comparator) and (not call.args or infinite)):
            edits = [ctx.replace((ctx.span(call)[1], ctx.span(parent)[1]), " is None")]
            self.propose(func.attr, message, edits + ([drop_args] if drop_args else []),
                         fix_message="Compare with None")
        elif isinstance(parent, cst.Expr) and infinite:
            self.propose(func.attr, message, [drop_args], fix_message="Drop the timeout")
        elif call.args or not isinstance(parent, cst.Expr):
            self.propose(func.attr, message)
