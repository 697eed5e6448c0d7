"""Python API 1.0: `InferRequest` of an `ExecutableNetwork`, its variable states, and the
`StatusCode` and `WaitMode` constants."""
from __future__ import annotations

from typing import Optional

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import cst
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument, int_value, keyword, rename
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._inputs import (
    SHAPE_NOTE, axisless_input, axisless_input_message, list_input_message, listed_input,
)
from ovlint.rules.api10._base import (
    API_1, INPUT_BLOBS, OUTPUT_BLOBS, REQUEST, SPELLS_IE, Api10Rule, in_import, legacy_class,
    legacy_reference, propose_class_reference, propose_map_use, value_span,
)

# the members of `openvino.inference_engine.StatusCode` and `WaitMode` (inventory/legacy-2023.3.json)
STATUS_CODES = {"OK": 0, "GENERAL_ERROR": -1, "NOT_IMPLEMENTED": -2, "NETWORK_NOT_LOADED": -3,
                "PARAMETER_MISMATCH": -4, "NOT_FOUND": -5, "OUT_OF_BOUNDS": -6, "UNEXPECTED": -7,
                "REQUEST_BUSY": -8, "RESULT_NOT_READY": -9, "NOT_ALLOCATED": -10, "INFER_NOT_STARTED": -11,
                "NETWORK_NOT_READ": -12}
WAIT_MODES = {"RESULT_READY": -1, "STATUS_ONLY": 0}
CONSTANTS = {"StatusCode": STATUS_CODES, "WaitMode": WAIT_MODES}
# the methods whose first argument is an inputs dict
INPUTS_FIRST = ("infer", "async_infer", "start_async")
BLOCK = -1  # `wait()` / `wait(-1)` / `wait(WaitMode.RESULT_READY)`: until the request is done

WAIT_MESSAGE = ("`request.wait(timeout)` returned a `StatusCode` in API 1.0; API 2.0 `wait()` blocks, returns "
                "None and raises on failure, and `wait_for(timeout_ms)` returns whether the request is done")
BLOCKING_MESSAGE = ("`request.wait()` returned a `StatusCode` in API 1.0, OK (0) on success, even for a request "
                    "never started; API 2.0 `wait()` returns None and raises on failure")
POLLING_MESSAGE = ("`request.wait(timeout)` returned a `StatusCode` in API 1.0; API 2.0 `wait_for(timeout_ms)` returns "
                   "whether the request is done, and raises on failure: `wait(timeout) == StatusCode.OK` is "
                   "`wait_for(timeout)`")
POLL_HOWTO = ("API 1.0 returned OK (0) when the request was done, RESULT_NOT_READY (-9) while it ran and "
              "INFER_NOT_STARTED (-11) before its first start; API 2.0 `wait_for(timeout_ms)` returns False for "
              "both of the latter, so only a test for OK has an exact spelling: `request.wait_for(timeout_ms)`")
# the first release checked not to crash when a request's callback is replaced while the previous
# one finishes
STABLE_CALLBACKS = DEPRECATIONS["request-callback-replacement"].since
CALLBACK_BEFORE_STABLE = (f". Before {STABLE_CALLBACKS}, replacing a request's callback while the previous one finishes "
                          "crashes (the binding frees it without the GIL), so the fix passes a callable that outlives "
                          "the request, `functools.partial.__call__`, with `functools.partial(fn, 0, data)` as the "
                          f"userdata; `functools.partial(fn, 0)` and `data` will do once the project requires "
                          f"{STABLE_CALLBACKS}")
CALLBACK_MESSAGE = ("`set_completion_callback(fn, data)` is API 1.0, which called `fn(status, data)`; API 2.0 "
                    "`request.set_callback(callback, userdata)` calls `callback(userdata)`, so the fix passes "
                    "`functools.partial(fn, 0)`: the status API 1.0 passed on success. On failure API 2.0 "
                    "raises in `wait()` instead of returning a status, and an exception the callback raises, "
                    "which API 1.0 printed and ignored, is raised again by `wait()`")
CALLBACK_HOWTO = ("`set_completion_callback(fn, data)` is API 1.0, which called `fn(status, data)`; API 2.0 "
                  "`request.set_callback(callback, userdata)` calls `callback(userdata)`: pass it, by position, "
                  "`functools.partial(fn, 0)` (0, OK, is the status API 1.0 passed on success) and `data`; on "
                  f"releases before {STABLE_CALLBACKS} pass `functools.partial.__call__` and "
                  "`functools.partial(fn, 0, data)` instead, as replacing a callback while the previous one "
                  "finishes crashes them")
# the oldest releases' `request.outputs`: a deep copy of every output's data, keyed by layer name
OUTPUTS_MESSAGE = ("`request.outputs[name]` is API 1.0's copy of an output's data, keyed by layer name; API 2.0 reads "
                   "it from the output's tensor, `request.get_tensor(name).data`, and the fix copies it, as "
                   "`outputs` did. `name` is then a tensor name, which is the layer name in IRs the Model Optimizer "
                   "wrote, but can differ in others (compare each port's `get_any_name()` with the names the program "
                   "used)")
PERF_COUNTS = ('{{info.node_name: {{"status": info.status.name, "exec_type": info.exec_type, '
               '"layer_type": info.node_type, "real_time": info.real_time // {us}, '
               '"cpu_time": info.cpu_time // {us}, "execution_index": index}} '
               'for index, info in enumerate(')


def _constant(ctx, node):
    """(class, member) when `node` is `StatusCode.X` or `WaitMode.X` of API 1.0."""
    if isinstance(node, cst.Attribute):
        cls = legacy_class(ctx, node.value)
        if cls in CONSTANTS:
            return cls, node.attr.value
    return None


def _status_value(ctx, node) -> Optional[int]:
    """The integer `node` stands for: a literal, or a `StatusCode` / `WaitMode` member."""
    value = int_value(node)
    if value is not None:
        return value
    constant = _constant(ctx, node)
    return CONSTANTS[constant[0]].get(constant[1]) if constant else None


def _written(ctx, node) -> bool:
    """Whether `node` is assigned to or deleted."""
    parent = ctx.parent(node)
    return isinstance(parent, (cst.AssignTarget, cst.Del)) or (
        isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node)


def _loose(ctx, node) -> bool:
    """Whether `node` sits where an `a or b` expression needs no parentheses."""
    parent = ctx.parent(node)
    if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return)):
        return parent.value is node
    return isinstance(parent, cst.Arg) and parent.value is node and not parent.star


class InferRequestUse(Api10Rule):
    code = "OV105"
    # its visit_Name/visit_Attribute look only for names of `openvino.inference_engine`
    hook_needles = {"visit_Name": SPELLS_IE}
    name = "infer-request"
    summary = f"This `InferRequest` use is API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "API 2.0 infer requests read and write tensors instead of blobs: `request.input_blobs[name]` and "
        "`request.output_blobs[name]` are `request.get_tensor(name)` (the blob's `buffer` is the tensor's "
        "`data`, OV106), `set_blob(name, blob)` is `set_tensor(name, tensor)` and `async_infer()` is "
        "`start_async()`. The oldest releases' `request.outputs[name]`, a copy of the output's data, is "
        "`request.get_tensor(name).data.copy()`. `request.infer(inputs)` is spelt alike, but API 1.0 copied "
        "each array into its blob, so an image without the batch axis ran, and API 2.0 raises for it. `wait()` no longer returns a `StatusCode`: it returns None and raises on "
        "failure, so `request.wait(-1) == StatusCode.OK` becomes `request.wait() is None` and a status "
        "kept in a variable becomes `request.wait() or 0`; `wait(0) == StatusCode.OK` (is the request "
        "done?) is `wait_for(0)`. Other tests of a polled status have no API 2.0 spelling: `wait_for` "
        "cannot tell a request that never started from a busy one. `StatusCode` and `WaitMode` members "
        "become their integer values. `set_completion_callback(fn, data)` is `set_callback(callback, "
        "userdata)`, which calls `callback(userdata)` without a status: the fix binds the status API 1.0 "
        "passed on success, `functools.partial(fn, 0)`. `get_perf_counts()` is rebuilt from "
        "`profiling_info` (the dict by layer name API 1.0 made of it, times in microseconds). A variable "
        "state's `state` is an `ov.Tensor` (`data`, not `buffer`); `query_state()`, `name`, `reset()` "
        "and `latency` are the same in both APIs."
    )
    examples = (
        Example("from openvino.inference_engine import IECore\n\n"
                "exec_net = IECore().load_network(\"m.xml\", \"CPU\")\n"
                "exec_net.requests[0].infer({\"data\": frame})\nprint(exec_net.requests[0].outputs[\"prob\"])\n",
                "import openvino as ov\n\nexec_net = ov.Core().compile_model(\"m.xml\", \"CPU\")\n"
                "exec_net_requests = [exec_net.create_infer_request() for _ in range(1)]\n"
                "exec_net_requests[0].infer({\"data\": frame})\n"
                "print(exec_net_requests[0].get_tensor(\"prob\").data.copy())\n",
                unsafe=True),
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
            "from openvino.inference_engine import IECore, StatusCode, WaitMode\n\n"
            "exec_net = IECore().load_network(\"m.xml\", \"CPU\")\nrequest = exec_net.requests[0]\n"
            "request.set_completion_callback(py_callback=on_done, py_data=7)\n"
            "request.async_infer({\"data\": frame})\n"
            "done = request.wait(WaitMode.STATUS_ONLY) == StatusCode.OK\n"
            "status = request.wait()\n",
            "import openvino as ov\nimport functools\n\n"
            "exec_net = ov.Core().compile_model(\"m.xml\", \"CPU\")\n"
            "exec_net_requests = [exec_net.create_infer_request() for _ in range(1)]\nrequest = exec_net_requests[0]\n"
            "request.set_callback(functools.partial.__call__, functools.partial(on_done, 0, 7))\n"
            "request.start_async({\"data\": frame})\n"
            "done = request.wait_for(0)\n"
            "status = request.wait() or 0\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\n"
            "exec_net = IECore().load_network(\"m.xml\", \"CPU\")\nrequest = exec_net.requests[0]\n"
            "request.infer({\"data\": frame})\n"
            "slowest = max(request.get_perf_counts().items(), key=lambda item: item[1][\"real_time\"])\n",
            "import openvino as ov\nimport datetime\n\n"
            "exec_net = ov.Core().compile_model(\"m.xml\", \"CPU\")\n"
            "exec_net_requests = [exec_net.create_infer_request() for _ in range(1)]\nrequest = exec_net_requests[0]\n"
            "request.infer({\"data\": frame})\n"
            "slowest = max(dict(sorted({info.node_name: {\"status\": info.status.name, \"exec_type\": "
            "info.exec_type, \"layer_type\": info.node_type, \"real_time\": info.real_time // "
            "datetime.timedelta(microseconds=1), \"cpu_time\": info.cpu_time // datetime.timedelta("
            "microseconds=1), \"execution_index\": index} for index, info in enumerate("
            "request.profiling_info)}.items())).items(), key=lambda item: item[1][\"real_time\"])\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore, StatusCode\n\n"
            "request = IECore().load_network(\"m.xml\", \"CPU\").requests[0]\n"
            "idle = request.wait(0) != StatusCode.RESULT_NOT_READY\n",
            message=WAIT_MESSAGE + ": " + POLL_HOWTO),
        Example("from openvino.inference_engine import IECore\n\n"
                "request = IECore().load_network(\"m.xml\", \"CPU\").requests[0]\n"
                "angles = (0.5, -1.0, 2.0)\nrequest.async_infer({\"angles\": angles})\n",
                message=list_input_message("request.async_infer(inputs)", "angles")),
        Example("from openvino.inference_engine import InferRequest\n\n\n"
                "def run(request: InferRequest):\n    request.async_infer()\n",
                "import openvino as ov\n\n\ndef run(request: ov.InferRequest):\n    request.start_async()\n"),
    )
    valid = (
        Valid("import openvino as ov\n\nrequest = ov.Core().compile_model(\"m.xml\").create_infer_request()\n"
              "request.infer({0: frame})\nprint(request.get_output_tensor(0).data, request.latency)\nrequest.wait()\n"
              "for state in request.query_state():\n    print(state.name, state.state.data)\n    state.reset()\n"),
        Valid("class Job:\n    def wait(self, timeout):\n        return 0\n\n\nassert Job().wait(-1) == 0\n"),
    )

    def visit_Attribute(self, node) -> None:
        attr = node.attr.value
        owner = self.types.of(node.value) if self.may_concern(attr) else None
        if owner is None and attr in ("input_blobs", "output_blobs"):
            self.untraced(node.attr, f"`{attr}`")
        elif owner is not None and owner.kind == REQUEST and attr in ("input_blobs", "output_blobs"):
            propose_map_use(self, node, INPUT_BLOBS if attr == "input_blobs" else OUTPUT_BLOBS)
        elif owner is not None and owner.kind == REQUEST and owner.legacy and attr == "outputs":
            self._output_copy(node)
        self.visit_Name(node)

    def _output_copy(self, node) -> None:
        """`request.outputs[name]` -> `request.get_tensor(name).data.copy()`; any other use of the
        dict is OV109's, without a fix."""
        ctx = self.ctx
        item = ctx.parent(node)
        if not (isinstance(item, cst.Subscript) and item.value is node and len(item.slice) == 1
                and isinstance(item.slice[0].slice, cst.Index)) or _written(ctx, item):
            return
        opening = ctx.text.index("[", ctx.span(node)[1])
        closing = ctx.span(item)[1] - 1
        self.propose(node.attr, OUTPUTS_MESSAGE, [rename(ctx, node, "get_tensor"), Edit(opening, opening + 1, "("),
                                                  Edit(closing, closing + 1, ").data.copy()")],
                     fix_message="Use `request.get_tensor(name).data.copy()`")

    def visit_Name(self, node) -> None:
        self._constant_use(node)
        if legacy_reference(self.ctx, node) == "InferRequest":
            propose_class_reference(self, node, "InferRequest")

    # StatusCode and WaitMode

    def _constant_use(self, node) -> None:
        """`StatusCode.X` / `WaitMode.X` become their integer values; the comparisons `_wait`
        rewrites carry their own."""
        ctx = self.ctx
        cls = legacy_class(ctx, node)
        if cls not in CONSTANTS or in_import(ctx, node):
            return
        parent = ctx.parent(node)
        if not (isinstance(parent, cst.Attribute) and parent.value is node):
            self.propose(node, f"`{cls}` is API 1.0 and has no API 2.0 counterpart: API 2.0 calls raise on "
                               "failure, and `request.wait_for(timeout_ms)` returns whether the request is done")
            return
        value = CONSTANTS[cls].get(parent.attr.value)
        target = ctx.parent(parent)
        if isinstance(target, cst.ComparisonTarget) and self._is_wait_call(ctx.parent(target).left):
            return  # part of `request.wait(...) == StatusCode.X`, reported and fixed there
        if isinstance(target, cst.Arg) and self._is_wait_call(ctx.parent(target)):
            return  # the timeout of `request.wait(WaitMode.X)`, reported and fixed there
        message = f"`{cls}.{parent.attr.value}` is API 1.0"
        if value is None or (isinstance(target, cst.Attribute) and target.value is parent):
            self.propose(parent, message + ": API 2.0 has no status codes (calls raise on failure)")
            return
        tight = isinstance(target, (cst.BinaryOperation, cst.UnaryOperation, cst.Subscript, cst.Call))
        text = f"({value})" if value < 0 and tight else str(value)
        exact = isinstance(target, cst.ComparisonTarget) or (isinstance(target, cst.Comparison) and target.left is parent)
        self.propose(parent, message + f": it is the integer {value}" + (
            "" if exact else " (a member printed its name on Python before 3.11, and its repr differs)"),
            [ctx.replace(parent, text)], unsafe=not exact, fix_message=f"Use {value}")

    def _is_wait_call(self, node) -> bool:
        if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "wait"):
            return False
        owner = self.types.of(node.func.value)
        return owner is not None and owner.kind == REQUEST and owner.legacy

    # calls

    def visit_Call(self, node) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or not self.may_concern(func.attr.value):
            return
        owner = self.types.of(func.value)
        method = func.attr.value
        if owner is None and method in ("set_completion_callback", "get_perf_counts"):
            self.untraced(func.attr, f"`{method}()`")
        if owner is None or owner.kind != REQUEST:
            return
        ctx = self.ctx
        listed = listed_input(ctx, argument(node, 0, "inputs")) if owner.legacy and method in INPUTS_FIRST else None
        axisless = axisless_input(ctx, argument(node, 0, "inputs")) if owner.legacy and method in INPUTS_FIRST \
            and listed is None else None
        if listed is not None:
            self.propose(func.attr, list_input_message(f"request.{method}(inputs)", listed))
        elif axisless is not None:
            self.propose(func.attr, axisless_input_message(f"request.{method}(inputs)", axisless))
        elif method == "infer" and owner.legacy and argument(node, 0, "inputs") is not None:
            self.propose(func.attr, "`request.infer(inputs)` stays `infer` in API 2.0" + SHAPE_NOTE, (),
                         unsafe=False, fix_message="Keep `infer`")
        elif method == "async_infer":
            self.propose(func.attr, "`async_infer()` is `start_async()` in API 2.0"
                         + (SHAPE_NOTE if argument(node, 0, "inputs") is not None else ""),
                         [rename(ctx, func, "start_async")], unsafe=False, fix_message="Use `start_async`")
        elif method == "set_blob":
            self._set_blob(node, func)
        elif method == "set_completion_callback":
            self._set_completion_callback(node, func)
        elif method == "get_perf_counts":
            self._get_perf_counts(node, func)
        elif method == "wait" and owner.legacy:
            self._wait(node, func)

    def _set_blob(self, call, func) -> None:
        ctx = self.ctx
        edits = [rename(ctx, func, "set_tensor")]
        for name in ("blob_name", "blob"):
            arg = keyword(call, name)
            if arg is not None:
                edits.append(ctx.replace((ctx.span(arg)[0], value_span(ctx, arg)[0]), ""))
        names = [a.keyword.value for a in call.args if a.keyword is not None]
        positional = len(call.args) == 2 and names in ([], ["blob"], ["blob_name", "blob"])
        self.propose(func.attr, "`set_blob(name, blob)` is `set_tensor(name, tensor)` in API 2.0",
                     edits if positional else None, fix_message="Use `set_tensor`")

    def _set_completion_callback(self, call, func) -> None:
        """`set_callback(functools.partial(fn, 0), data)`, or, where the fixed code may run on a
        release before 2024.6, `set_callback(functools.partial.__call__, functools.partial(fn, 0,
        data))`: those releases free the callback they replace without holding the GIL, which
        crashes when it was created for this call (a partial, a bound method) and the request's
        previous callback is still finishing; the callable passed must outlive the request.
        The arguments keep their place (and the edits other rules make inside them)."""
        ctx = self.ctx
        fn = argument(call, 0, "py_callback")
        data = argument(call, 1, "py_data")
        names = [a.keyword.value for a in call.args if a.keyword is not None]
        in_order = names in ([], ["py_data"], ["py_callback"], ["py_callback", "py_data"])
        if fn is None or any(a.star for a in call.args) or not in_order or len(call.args) > 2:
            self.propose(func.attr, CALLBACK_HOWTO)
            return
        functools, imports = ctx.imports.module_alias("functools", "functools")
        edits = [rename(ctx, func, "set_callback"), *imports]
        start, end = value_span(ctx, fn)
        if data is not None and data.keyword is not None:
            edits.append(ctx.replace((ctx.span(data)[0], value_span(ctx, data)[0]), ""))
        floor = ctx.floor.release if ctx.floor is not None else None
        if floor is not None and at_least(floor, STABLE_CALLBACKS):
            edits.append(ctx.replace((ctx.span(fn)[0], start), f"{functools}.partial("))
            edits.append(ctx.replace((end, end), ", 0)" + ("" if data is not None else ", None")))
            message = CALLBACK_MESSAGE
        else:
            edits.append(ctx.replace((ctx.span(fn)[0], start), f"{functools}.partial.__call__, {functools}.partial("))
            if data is None:
                edits.append(ctx.replace((end, end), ", 0, None)"))
            else:
                edits.append(ctx.replace((end, end), ", 0"))
                data_end = value_span(ctx, data)[1]
                edits.append(ctx.replace((data_end, data_end), ")"))
            message = CALLBACK_MESSAGE + CALLBACK_BEFORE_STABLE
        self.propose(func.attr, message, edits, fix_message="Use `set_callback`")

    def _get_perf_counts(self, call, func) -> None:
        """The dict API 1.0 built from the same counters (2023.3 `GetPerformanceCounts`): by layer
        name in name order, times in whole microseconds, `execution_index` the position."""
        ctx = self.ctx
        message = ("`get_perf_counts()` is API 1.0: API 2.0 `request.profiling_info` is a list of `ProfilingInfo` "
                   "(`node_name`, `node_type`, `exec_type`, a `status` enum, `real_time` and `cpu_time` as "
                   "timedelta); the fix rebuilds the dict API 1.0 made of it")
        if call.args:
            self.propose(func.attr, message)
            return
        datetime, imports = ctx.imports.module_alias("datetime", "datetime")
        start = ctx.span(call)[0]
        prefix = "dict(sorted(" + PERF_COUNTS.format(us=f"{datetime}.timedelta(microseconds=1)")
        edits = [ctx.replace((start, start), prefix),
                 ctx.replace((ctx.span(func.attr)[0], ctx.span(call)[1]), "profiling_info)}.items()))"), *imports]
        self.propose(func.attr, message, edits, unsafe=False, fix_message="Rebuild the dict from `profiling_info`")

    # wait

    def _wait(self, call, func) -> None:
        ctx = self.ctx
        timeout = argument(call, 0, "timeout")
        if len(call.args) > 1 or any(a.star for a in call.args):
            self.propose(func.attr, WAIT_MESSAGE)
            return
        value = BLOCK if timeout is None or isinstance(timeout.value, cst.Name) and timeout.value.value == "None" \
            else _status_value(ctx, timeout.value)
        if value is None or value < BLOCK:
            self.propose(func.attr, WAIT_MESSAGE + ": with a timeout only known at run time, choose by hand between "
                                                   "`wait()` (for -1) and `wait_for(timeout_ms)` (a bool, for the others)")
            return
        if value == BLOCK:
            self._blocking_wait(call, func)
        else:
            self._polling_wait(call, func, value)

    def _drop_timeout(self, call):
        ctx = self.ctx
        if not call.args:
            return []
        return [ctx.replace((ctx.span(call.args[0])[0], ctx.span(call.args[-1])[1]), "")]

    def _status_comparison(self, call):
        """(comparison, its operator is `==`, the integer compared with) for `call == X` / `call != X`."""
        comparison = self.ctx.parent(call)
        if not (isinstance(comparison, cst.Comparison) and comparison.left is call and len(comparison.comparisons) == 1):
            return None
        target = comparison.comparisons[0]
        if not isinstance(target.operator, (cst.Equal, cst.NotEqual)):
            return None
        value = _status_value(self.ctx, target.comparator)
        return (comparison, isinstance(target.operator, cst.Equal), value) if value is not None else None

    def _blocking_wait(self, call, func) -> None:
        """On success API 1.0 returned OK (0), even for a request never started."""
        ctx = self.ctx
        parent = ctx.parent(call)
        edits = self._drop_timeout(call)
        compared = self._status_comparison(call)
        if isinstance(parent, cst.Expr):
            fix_message = "Drop the timeout"
        elif compared is not None and compared[2] == 0:
            comparison, equal, _ = compared
            edits.append(ctx.replace((ctx.span(call)[1], ctx.span(comparison)[1]), " is None" if equal else " is not None"))
            fix_message = "Compare with None"
        else:
            start, end = ctx.span(call)
            loose = _loose(ctx, call)
            edits += [ctx.replace((start, start), "" if loose else "("), ctx.replace((end, end), " or 0" if loose else " or 0)")]
            if compared is not None:
                target = compared[0].comparisons[0].comparator
                edits.append(ctx.replace(target, str(compared[2])))
            fix_message = "Use `wait() or 0`"
        if not edits:
            return  # `request.wait()` as a statement: the same call in API 2.0
        self.propose(func.attr, BLOCKING_MESSAGE, edits, fix_message=fix_message)

    def _polling_wait(self, call, func, timeout: int) -> None:
        """Only "is it done?" survives: `wait(t) == OK` is `wait_for(t)`."""
        ctx = self.ctx
        parent = ctx.parent(call)
        args = (ctx.span(call.args[0])[0], ctx.span(call.args[-1])[1])
        edits = [rename(ctx, func, "wait_for"), ctx.replace(args, str(timeout))]
        compared = self._status_comparison(call)
        if isinstance(parent, cst.Expr):
            pass
        elif compared is not None and compared[2] == 0:
            comparison, equal, _ = compared
            edits.append(ctx.replace((ctx.span(call)[1], ctx.span(comparison)[1]), ""))
            if not equal:
                start = ctx.span(comparison)[0]
                edits.append(ctx.replace((start, start), "not "))
                if not _loose(ctx, comparison) and not isinstance(ctx.parent(comparison), (cst.If, cst.While)):
                    edits[-1] = ctx.replace((start, start), "(not ")
                    edits.append(ctx.replace((ctx.span(comparison)[1], ctx.span(comparison)[1]), ")"))
        elif isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Not):
            edits.append(ctx.replace((ctx.span(parent)[0], ctx.span(call)[0]), ""))
        else:
            self.propose(func.attr, WAIT_MESSAGE + ": " + POLL_HOWTO)
            return
        self.propose(func.attr, POLLING_MESSAGE, edits, fix_message="Use `wait_for`")
