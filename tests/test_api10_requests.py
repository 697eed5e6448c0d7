"""OV104 and OV105 on infer requests: completion callbacks, `wait()` and its status codes, request
pools, performance counters, variable states, and exporting a compiled network."""
import json
import textwrap
from pathlib import Path

from ovlint.base import versions
from ovlint.base.text import SourceText
from ovlint.base.versions import Floor
from ovlint.engine.fixer import fix_text
from ovlint.rules.api10.infer_request import STATUS_CODES, WAIT_MODES
from ovlint.surfaces import named
from test_api10 import FAMILY, fix, found, lint

INVENTORY = Path(__file__).parent.parent / "rules" / "api10" / "inventory" / "legacy-2023.3.json"

HEADER = """\
    from openvino.inference_engine import Blob, IECore, StatusCode, TensorDesc, WaitMode

    ie = IECore()
    exec_net = ie.load_network(ie.read_network("m.xml"), "CPU", num_requests=2)
    request = exec_net.requests[0]
    """
FIXED_HEADER = """\
    import openvino as ov

    ie = ov.Core()
    exec_net = ie.compile_model(ie.read_model("m.xml"), "CPU")
    exec_net_requests = [exec_net.create_infer_request() for _ in range(2)]
    request = exec_net_requests[0]
    """


def fixed(body: str, imports: str = "") -> str:
    """The fix of HEADER + body, without the header's own rewrite; `imports`: the lines the fix
    adds after `import openvino as ov`."""
    outcome = fix(textwrap.dedent(HEADER) + textwrap.dedent(body))
    header = textwrap.dedent(FIXED_HEADER).replace("import openvino as ov\n", "import openvino as ov\n" + imports)
    assert outcome.text.startswith(header), outcome.text
    assert [d for d in outcome.diagnostics if d.code.startswith("OV1")] == []
    return outcome.text[len(header):]


def held(source: str) -> bool:
    """Whether the fix leaves `source` as it is, but for the legacy names nothing uses any more."""
    return fix(source).text.split("\n", 1)[1] == source.split("\n", 1)[1]


def messages(source: str) -> dict:
    return {(d.code, d.row): d.message for d in lint(source)}


def test_constants_are_the_inventory_values():
    classes = json.loads(INVENTORY.read_text())["classes"]
    for name, table in (("StatusCode", STATUS_CODES), ("WaitMode", WAIT_MODES)):
        members = classes[f"openvino.inference_engine.constants.{name}"]["members"]
        assert table == {member: entry["value"] for member, entry in members.items()}


# wait()

def test_a_blocking_wait_keeps_its_status_on_success():
    assert fixed("""\
        request.wait(-1)
        request.wait(WaitMode.RESULT_READY)
        request.wait(timeout=None)
        ok = request.wait() == StatusCode.OK
        failed = request.wait(-1) != 0
        status = request.wait()
        print(request.wait(), [request.wait(-1)])
        busy = request.wait() == StatusCode.RESULT_NOT_READY


        def last():
            return request.wait(WaitMode.RESULT_READY)
        """) == textwrap.dedent("""\
        request.wait()
        request.wait()
        request.wait()
        ok = request.wait() is None
        failed = request.wait() is not None
        status = request.wait() or 0
        print(request.wait() or 0, [(request.wait() or 0)])
        busy = (request.wait() or 0) == -9


        def last():
            return request.wait() or 0
        """)


def test_a_polled_wait_is_wait_for_where_only_done_or_not_is_asked():
    assert fixed("""\
        done = request.wait(WaitMode.STATUS_ONLY) == StatusCode.OK
        if request.wait(0) != StatusCode.OK:
            print("busy")
        ready = not request.wait(timeout=5)
        request.wait(0)
        either = done or request.wait(0) != 0
        """) == textwrap.dedent("""\
        done = request.wait_for(0)
        if not request.wait_for(0):
            print("busy")
        ready = request.wait_for(5)
        request.wait_for(0)
        either = done or (not request.wait_for(0))
        """)


def test_a_polled_status_other_than_done_has_no_rewrite():
    """API 1.0 told RESULT_NOT_READY (-9, busy) from INFER_NOT_STARTED (-11, never started);
    `wait_for` returns False for both (checked on 2023.3 and 2026.4.1)."""
    for use in ("never = request.wait(WaitMode.STATUS_ONLY) == StatusCode.INFER_NOT_STARTED\n",
                "status = request.wait(0)\n", "busy = request.wait(10) == -9\n", "request.wait(timeout)\n",
                "request.wait(-5)\n"):
        source = textwrap.dedent(HEADER) + use
        assert held(source), use
        finding = messages(source)[("OV105", 6)]
        assert "`wait_for(timeout_ms)` returns whether the request is done" in finding
        if "timeout" in use:
            assert "choose by hand between `wait()` (for -1) and `wait_for(timeout_ms)`" in finding
        elif "-5" not in use:
            assert "INFER_NOT_STARTED (-11) before its first start" in finding


def test_status_codes_and_wait_modes_become_their_values():
    assert fixed("""\
        status = request.wait()
        if status == StatusCode.OK:
            codes = [StatusCode.RESULT_NOT_READY, WaitMode.STATUS_ONLY]
            worse = StatusCode.GENERAL_ERROR - 1
        """) == textwrap.dedent("""\
        status = request.wait() or 0
        if status == 0:
            codes = [-9, 0]
            worse = (-1) - 1
        """)
    source = textwrap.dedent(HEADER) + "print(StatusCode.OK.name, isinstance(request.wait(), StatusCode))\n"
    assert held(source)
    assert [row for code, row in found(source) if code == "OV105"] == [6, 6, 6]  # the member, the wait, the class
    aliased = "import openvino.inference_engine as ie\n\nprint(ie.StatusCode.REQUEST_BUSY == code)\n"
    assert fix(aliased).text == "\nprint(-8 == code)\n"


def test_waits_and_status_codes_of_other_objects_stay_silent():
    source = """\
        import openvino as ov


        class Job:
            def wait(self, timeout):
                return 0


        class StatusCode:
            OK = 0


        request = ov.Core().compile_model("m.xml").create_infer_request()
        request.wait()
        assert Job().wait(-1) == StatusCode.OK and request.wait_for(0)
        """
    assert lint(source) == []


# completion callbacks

CALLBACKS = """\
    import functools

    from openvino.inference_engine import IECore


    class Pipeline:
        def __init__(self):
            self.exec_net = IECore().load_network("m.xml", "CPU", num_requests=2)

        def on_done(self, status, data):
            print(status, data)

        def submit(self, index, frame_id):
            request = self.exec_net.requests[index]
            request.set_completion_callback(py_callback=self.on_done, py_data=(request, frame_id))
            request.set_completion_callback(functools.partial(print, "done"))
            request.set_completion_callback(lambda status, data: print(status, data), frame_id)
            request.async_infer(inputs={"data": frame_id})
    """


def test_a_completion_callback_gets_the_status_api_1_passed_on_success():
    """Before 2024.6 a callback replaced while the previous one finishes is freed without the GIL
    (2023.3 crashes on `set_callback(functools.partial(fn, 0), data)` in a loop): the callable is
    `functools.partial.__call__`, which outlives every request, and the call its userdata."""
    outcome = fix(CALLBACKS)
    assert "        request = self.exec_net_requests[index]\n" \
           "        request.set_callback(functools.partial.__call__, functools.partial(self.on_done, 0, (request, frame_id)))\n" \
           "        request.set_callback(functools.partial.__call__, functools.partial(functools.partial(print, \"done\"), 0, None))\n" \
           "        request.set_callback(functools.partial.__call__, functools.partial(lambda status, data: print(status, data), 0, frame_id))\n" \
           "        request.start_async(inputs={\"data\": frame_id})\n" in outcome.text
    assert outcome.text.startswith("import functools\n\nimport openvino as ov\n") and lint(outcome.text) == []
    message = messages(CALLBACKS)[("OV105", 15)]
    assert "calls `callback(userdata)`" in message and "raised again by `wait()`" in message
    assert "Before 2024.6" in message


def test_a_project_on_2024_6_or_later_gets_the_plain_callback():
    source = textwrap.dedent(CALLBACKS)
    outcome = fix_text("app.py", named("python"), source, FAMILY, versions.NEWEST, True, SourceText(source).encode,
                       Floor("2024.6", "requirements.txt:1"))
    assert "request.set_callback(functools.partial(self.on_done, 0), (request, frame_id))\n" in outcome.text
    assert "request.set_callback(functools.partial(functools.partial(print, \"done\"), 0), None)\n" in outcome.text
    assert "request.set_callback(functools.partial(lambda status, data: print(status, data), 0), frame_id)\n" in outcome.text


def test_functools_is_imported_when_the_module_lacks_it():
    assert fixed("request.set_completion_callback(on_done)\n", imports="import functools\n") == (
        "request.set_callback(functools.partial.__call__, functools.partial(on_done, 0, None))\n")


def test_a_callback_passed_out_of_order_or_unpacked_is_reported_without_a_fix():
    for call in ("request.set_completion_callback(py_data=7, py_callback=on_done)\n",
                 "request.set_completion_callback(*arguments)\n"):
        source = textwrap.dedent(HEADER) + call
        assert held(source)
        assert "pass it, by position, `functools.partial(fn, 0)`" in messages(source)[("OV105", 6)]


def test_an_untraced_completion_callback_is_reported_and_api_2_callbacks_are_not():
    source = """\
        import openvino as ov


        def submit(request, queue):
            request.set_completion_callback(queue.put)
            queue.request.set_callback(print, None)
        """
    assert found(source) == [("OV105", 5)]
    assert "could not be traced" in lint(source)[0].message
    assert lint("def submit(job):\n    job.set_completion_callback(print)\n") == []


# performance counters, latency, properties

def test_perf_counts_are_rebuilt_from_profiling_info():
    """2023.3 built the API 1.0 dict from the same counters: by layer name, times in whole
    microseconds, execution_index the position in the list."""
    assert fixed(imports="import datetime\n", body="""\
        for layer, stats in exec_net.requests[1].get_perf_counts().items():
            print(layer, stats["real_time"], request.latency, exec_net.get_config("PERF_COUNT"))
        """) == textwrap.dedent("""\
        for layer, stats in dict(sorted({info.node_name: {"status": info.status.name, "exec_type": info.exec_type, "layer_type": info.node_type, "real_time": info.real_time // datetime.timedelta(microseconds=1), "cpu_time": info.cpu_time // datetime.timedelta(microseconds=1), "execution_index": index} for index, info in enumerate(exec_net_requests[1].profiling_info)}.items())).items():
            print(layer, stats["real_time"], request.latency, exec_net.get_property("PERF_COUNT"))
        """)


def test_a_taken_datetime_name_gets_a_module_alias():
    source = "from datetime import datetime\n" + textwrap.dedent(HEADER) + "counts = request.get_perf_counts()\n"
    text = fix(source).text
    assert "import datetime as datetime_\n" in text and "info.cpu_time // datetime_.timedelta(microseconds=1)" in text


def test_latency_is_the_same_in_both_apis():
    source = textwrap.dedent(HEADER) + "print(request.latency)\n"
    assert [f for f in found(source) if f[0] == "OV105"] == []
    assert fix(source).text.endswith("request = exec_net_requests[0]\nprint(request.latency)\n")


def test_other_perf_counters_stay_silent():
    assert lint("class Profiler:\n    def get_perf_counts(self):\n        return {}\n\n\n"
                "print(Profiler().get_perf_counts())\n") == []


# variable states

def test_variable_states_read_and_write_tensors():
    assert fixed("""\
        for state in request.query_state():
            print(state.name, state.state.buffer)
            state.reset()
            state.state = Blob(TensorDesc("FP32", [1, 3], "NC"), values)
        first = request.query_state()[0].state.buffer
        names = {state.name: state.state.buffer.tolist() for state in exec_net.requests[1].query_state()}
        kept = {state.name: state for state in request.query_state()}
        print(kept["total"].state.buffer, list(request.query_state())[0].state.buffer)
        """) == textwrap.dedent("""\
        for state in request.query_state():
            print(state.name, state.state.data)
            state.reset()
            state.state = ov.Tensor(values, shared_memory=values.flags.c_contiguous)
        first = request.query_state()[0].state.data
        names = {state.name: state.state.data.tolist() for state in exec_net_requests[1].query_state()}
        kept = {state.name: state for state in request.query_state()}
        print(kept["total"].state.data, list(request.query_state())[0].state.data)
        """)


def test_states_of_other_objects_stay_silent():
    source = """\
        import openvino as ov


        class Machine:
            def query_state(self):
                return []


        for state in Machine().query_state():
            print(state.state.buffer)
        """
    assert lint(source) == []


# the executable network: starting requests, pools, export

def test_a_started_request_kept_by_the_caller_is_taken_then_started():
    assert fixed("""\
        handle = exec_net.start_async(request_id=1, inputs={"data": (frame)})
        handle.wait()
        exec_net.start_async(0, feeds)
        """) == textwrap.dedent("""\
        handle = exec_net_requests[1]
        handle.start_async({"data": (frame)})
        handle.wait()
        exec_net_requests[0].start_async(feeds)
        """)
    for use in ("handle = exec_net.start_async(0, {'data': handle.frame})\n",
                "print(exec_net.start_async(0, feeds).wait())\n"):
        source = textwrap.dedent(HEADER) + use
        assert held(source), use


def test_export_writes_the_stream_every_release_has():
    """`export_model()` returns bytes up to 2024.6 and an `io.BytesIO` from 2025.1 (checked), while
    `export_model(stream)` fills an `io.BytesIO` on 2023.3 to 2026.4.1."""
    assert fixed(imports="import io\n", body="""\
        if cache:
            exec_net.export(model_file=cache)
        model_file = None
        """) == textwrap.dedent("""\
        if cache:
            with open(cache, "wb") as model_file_, io.BytesIO() as model_stream:
                exec_net.export_model(model_stream)
                model_file_.write(model_stream.getvalue())
        model_file = None
        """)
    source = textwrap.dedent(HEADER) + "done = exec_net.export(path)\n"
    assert held(source)
    assert "`export_model(stream)` writes it to an `io.BytesIO`" in messages(source)[("OV104", 6)]


def test_pools_of_the_executable_network_are_reported_with_how_to():
    source = textwrap.dedent(HEADER) + textwrap.dedent("""\
        request_id = exec_net.get_idle_request_id()
        if request_id < 0:
            exec_net.wait(num_requests=1)
        """)
    assert held(source)
    found_messages = messages(source)
    for row in (6, 8):
        assert "`request.wait_for(0)` is False for a request never started" in found_messages[("OV104", row)]
        assert "`queue.is_ready()` is `get_idle_request_id() >= 0`" in found_messages[("OV104", row)]


def test_api_2_request_queues_stay_silent():
    source = """\
        from openvino.runtime import AsyncInferQueue


        class Adapter:
            def __init__(self, compiled):
                self.queue = AsyncInferQueue(compiled, 2)

            def idle(self):
                return self.queue[self.queue.get_idle_request_id()]
        """
    assert lint(source) == []


def test_infer_runs_the_first_request_where_the_program_reads_the_requests():
    """API 1.0 `exec_net.infer` ran `requests[0]`: its counters, states and outputs are that request's."""
    assert fixed(imports="import datetime\n", body="""\
        outputs = exec_net.infer({"image": image})
        print(outputs["boxes"], exec_net.requests[0].get_perf_counts()["boxes"]["real_time"])
        """).startswith('outputs = exec_net_requests[0].infer({"image": image})\n')
    alone = """\
        from openvino.inference_engine import IECore

        exec_net = IECore().load_network("m.xml", "CPU")
        print(exec_net.infer({"image": image})["boxes"])
        """
    assert fix(alone).text.endswith('print(exec_net({"image": image})["boxes"])\n')
    assert "a stateful model keeps its state from call to call" in messages(alone)[("OV104", 4)]


def test_requests_are_not_used_unmade_when_load_network_shares_its_line():
    """The list of requests goes on a line after the `load_network` statement: after `if x:` or
    beside `;` there is none, so that part is held back instead of using a list never made."""
    for line in ('if use: exec_net = ie.load_network(net, "CPU", num_requests=2)',
                 'exec_net = ie.load_network(net, "CPU", num_requests=2); print("loaded")'):
        source = ("from openvino.inference_engine import IECore\n\nie = IECore()\nnet = ie.read_network(\"m.xml\")\n"
                  f"use = True\n{line}\nexec_net.requests[1].infer()\n")
        loads = [d for d in lint(source) if d.message.startswith("`load_network`")]
        assert len(loads) == 1 and loads[0].fix is None and "line of its own" in loads[0].message
        assert fix(source).text == source


def test_an_infer_result_shown_in_an_f_string_keeps_its_dict_apart_from_the_field_braces():
    source = ("from openvino.inference_engine import IECore\n\nexec_net = IECore().load_network(\"m.xml\", \"CPU\")\n"
              "print(f\"{exec_net.infer({'a': 1})}\")\n")
    assert fix(source).text.endswith(
        "print(f\"{ {port.get_any_name(): value for port, value in sorted(exec_net({'a': 1}).items(), "
        "key=lambda item: item[0].get_any_name())} }\")\n")


def test_an_infer_whose_result_is_discarded_stays_a_call():
    # a timing loop: no dict to build
    source = """\
        from openvino.inference_engine import IECore

        exec_net = IECore().load_network("m.xml", "CPU")
        for _ in range(10):
            exec_net.infer({"x": frame})
        """
    assert "    exec_net({\"x\": frame})\n" in fix(source).text


def test_an_import_a_notebook_fix_adds_goes_to_the_cell_of_its_first_import(ovlint, tmp_path):
    """The first cells are shell commands, one per platform (`# Linux`, `# Windows`): an import put
    in one of them is missing for whoever runs the other."""
    cells = ["# Linux\n!cp $HOME/car.png .\n", "# Windows\n!copy %USERPROFILE%\\car.png .\n",
             "from openvino.inference_engine import IECore\n\nexec_net = IECore().load_network('m.xml', 'CPU', "
             "num_requests=1)\n", "def done(status, data):\n    print(status, data)\n\n\n"
             "exec_net.requests[0].set_completion_callback(done, 'x')\n"]
    (tmp_path / "nb.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c} for c in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    fixed = [c["source"] for c in json.loads((tmp_path / "nb.ipynb").read_text())["cells"]]
    assert fixed[:2] == cells[:2] and fixed[2].startswith("import functools\nimport openvino as ov\n")
    assert "functools.partial" in fixed[3]


def test_an_import_a_notebook_fix_adds_comes_before_its_first_python(ovlint, tmp_path):
    """Its first import line can come after code that needs the import (a `try` import cell)."""
    cells = ["!pip install numpy\n",
             "try:\n    from openvino.inference_engine import IECore\nexcept ImportError:\n    raise\n\n\n"
             "def done(status, data):\n    print(status, data)\n\n\n"
             "exec_net = IECore().load_network('m.xml', 'CPU', num_requests=1)\n"
             "exec_net.requests[0].set_completion_callback(done, 'x')\n", "import numpy as np\n"]
    (tmp_path / "nb.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c} for c in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    fixed = [c["source"] for c in json.loads((tmp_path / "nb.ipynb").read_text())["cells"]]
    assert fixed[0] == cells[0] and fixed[1].startswith("import functools\ntry:\n") and fixed[2] == cells[2]


def test_output_blobs_kept_in_a_stored_tuple_say_why_they_hold_their_part():
    """`results[i] = (i, request.output_blobs)` keeps the blobs as much as a list does; and a use of
    the whole dict no rewrite covers says so, instead of promising the fix's keys."""
    source = """\
        from openvino.inference_engine import IECore

        request = IECore().load_network("m.xml", "CPU").requests[0]
        results = {}
        request.infer({"data": frame})
        results[0] = (0, request.output_blobs)
        first, second = (request.output_blobs, 1)
        history.append((0, (1, request.output_blobs["out"])))
        heapq.heappush(heap, (0, request.output_blobs["out"]))
        item = (0, request.output_blobs["out"])
        history.append(item)
        """
    findings = lint(source)
    kept = [(d.code, d.row) for d in findings if d.code == "OV106"]
    assert kept == [("OV106", 6), ("OV106", 8), ("OV106", 9), ("OV106", 11)]  # not the tuple unpacked at once
    (whole,) = [d for d in findings if d.code == "OV105" and d.row == 6]
    assert whole.fix is None and "ovlint does not rewrite this use of the whole dict" in whole.message
    assert "the fix keys" not in whole.message


def test_outputs_of_the_oldest_requests_are_copies_of_the_output_tensors():
    """`request.outputs[name]` (a deep copy of every output's data, keyed by layer name) reads the
    output's tensor and copies it; other uses of the dict, and writes to it, keep OV109's report."""
    assert fixed("""\
        request.infer({"data": frame})
        top = request.outputs["prob"][0].argmax()
        exec_net.requests[1].infer({"data": frame})
        print(exec_net.requests[1].outputs["prob"])
        """) == """\
        request.infer({"data": frame})
        top = request.get_tensor("prob").data.copy()[0].argmax()
        exec_net_requests[1].infer({"data": frame})
        print(exec_net_requests[1].get_tensor("prob").data.copy())
        """.replace("        ", "")
    for use in ("for name, value in request.outputs.items():\n    print(name, value)\n",
                "request.outputs[\"prob\"] = None\n", "del request.outputs[\"prob\"]\n"):
        source = textwrap.dedent(HEADER) + use
        assert held(source), use
        assert [d.code for d in lint(source) if "outputs" in d.message and d.code in ("OV105", "OV109")] == ["OV109"]


def test_infer_given_arrays_says_each_must_now_have_its_inputs_shape():
    """`request.infer(inputs)` is spelt alike in both APIs, but API 1.0 copied each array into its
    blob, and API 2.0 raises for an image without the batch axis: the finding says so, and the
    fix, which changes nothing there, does not hold the module back."""
    source = textwrap.dedent(HEADER) + "request.infer({\"data\": image})\nrequest.infer()\n"
    notes = [(d.code, d.row) for d in lint(source) if "must now have its input's shape" in d.message]
    assert notes == [("OV105", 6)]
    assert fixed("request.infer({\"data\": image})\nrequest.infer()\n") == \
        "request.infer({\"data\": image})\nrequest.infer()\n"
