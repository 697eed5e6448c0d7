"""How API 1.0 objects are followed through the structures real programs use: constructors and
base classes, containers, records and tuples, callbacks, the module kept in a variable; and the
IECore idioms that need that flow (import_network, networks read from bytes, typed configs)."""
import textwrap

from test_api10 import fix, found, lint


def test_a_core_passed_to_a_constructor_and_stored_by_a_base_class_is_followed():
    source = """\
        from openvino.inference_engine import IECore


        class Model:
            def __init__(self, ie, path):
                self.ie = ie
                self.net = ie.read_network(path)
                self.exec_net = None

            def load(self):
                self.exec_net = self.ie.load_network(network=self.net, device_name="CPU", num_requests=2)
                return self


        class Classifier(Model):
            def __init__(self, ie):
                super().__init__(ie, "m.xml")
                self.input_name = next(iter(self.net.input_info))


        classifier = Classifier(IECore()).load()
        print(len(classifier.exec_net.requests))
        """
    fixed = fix(source).text
    assert "self.net = ie.read_model(path)" in fixed
    assert "self.exec_net = self.ie.compile_model(model=self.net, device_name=\"CPU\")" in fixed
    assert "self.exec_net_requests = [self.exec_net.create_infer_request() for _ in range(2)]" in fixed
    assert "min(port.get_any_name() for port in self.net.inputs)" in fixed
    assert "print(len(classifier.exec_net_requests))" in fixed
    assert lint(fixed) == []


def test_networks_kept_in_containers_records_and_tuples_are_followed():
    source = """\
        from openvino.inference_engine import IECore

        IE = IECore()
        NETWORKS = {}


        def load(name):
            net = IE.read_network(name + ".xml")
            NETWORKS[name] = net
            stage = {"net": net, "exec": IE.load_network(net, "CPU")}
            return stage, True


        def describe(name):
            return sorted(NETWORKS[name].input_info)


        stage, fresh = load("a")
        print(describe("a"), list(stage["net"].outputs), stage["exec"].infer({})["prob"])
        """
    fixed = fix(source).text
    assert "return sorted(sorted(port.get_any_name() for port in NETWORKS[name].inputs))" in fixed
    assert 'list(sorted(port.get_any_name() for port in stage["net"].outputs))' in fixed
    assert 'stage["exec"]({})["prob"]' in fixed
    assert lint(fixed) == []


def test_a_list_of_requests_copied_into_a_deque_yields_requests():
    source = """\
        from collections import deque

        from openvino.inference_engine import IECore

        exec_net = IECore().load_network("m.xml", "CPU", num_requests=2)
        idle = deque(exec_net.requests)
        request = idle.popleft()
        request.async_infer({"x": 1})
        """
    fixed = fix(source).text
    assert "idle = deque(exec_net_requests)" in fixed and "request.start_async({\"x\": 1})" in fixed


def test_callbacks_receive_what_the_request_hands_them():
    source = """\
        import functools

        from openvino.inference_engine import IECore


        def done(results, status, py_data):
            results.append(py_data["request"].output_blobs["prob"].buffer)


        exec_net = IECore().load_network("m.xml", "CPU", num_requests=1)
        request = exec_net.requests[0]
        results = []
        request.set_completion_callback(py_callback=functools.partial(done, results), py_data={"request": request})
        """
    diagnostics = lint(source)
    # `py_data["request"]` is the request: its blobs are found (and are not untraced guesses)
    assert ("OV105", 7) in [(d.code, d.row) for d in diagnostics]
    assert not any("could not be traced" in d.message for d in diagnostics)


def test_attributes_copied_from_locals_are_followed():
    source = """\
        class Backend:
            def __init__(self, weights):
                import openvino.inference_engine as ie
                core = ie.IECore()
                network = core.read_network(model=weights)
                executable_network = core.load_network(network, device_name="CPU", num_requests=1)
                self.__dict__.update(locals())

            def forward(self, im):
                request = self.executable_network.requests[0]
                request.set_blob(blob_name="images", blob=self.ie.Blob(self.ie.TensorDesc("FP32", im.shape, "NCHW"), im))
                request.infer()
                return request.output_blobs["output"].buffer
        """
    fixed = fix(source).text
    assert "executable_network_requests = [executable_network.create_infer_request() for _ in range(1)]" in fixed
    assert "request = self.executable_network_requests[0]" in fixed
    assert 'request.set_tensor("images", ov.Tensor(im, shared_memory=im.flags.c_contiguous))' in fixed
    assert 'return request.get_tensor("output").data.copy()' in fixed  # the caller may keep it
    assert "inference_engine" not in fixed and lint(fixed) == []


def test_the_module_kept_in_a_variable_is_migrated_with_its_uses():
    source = """\
        import openvino.inference_engine as ie


        class Backend:
            def __init__(self):
                self.ie = ie
                self.core = self.ie.IECore()
                print(ie.__version__)
        """
    fixed = fix(source).text
    assert "self.ie = ov" in fixed and "self.core = ov.Core()" in fixed and "print(ov.__version__)" in fixed


def test_a_module_name_no_rule_migrates_holds_its_part_and_is_named():
    source = """\
        import openvino.inference_engine as ie

        core = ie.IECore()
        print(ie.known_plugins)
        """
    diagnostics = lint(source)
    leftover = [d for d in diagnostics if d.row == 4]
    assert [d.code for d in leftover] == ["OV101"] and "`known_plugins`" in leftover[0].message
    assert leftover[0].fix is None
    assert all(d.fix is None for d in diagnostics), "the part that still uses the module must not be fixed"


def test_import_network_reads_the_file_and_keeps_its_requests():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        exec_net = ie.import_network(model_file="m.blob", device_name="CPU", num_requests=2)
        exec_net.requests[1].infer()
        """
    assert fix(source).text == textwrap.dedent("""\
        import openvino as ov
        import pathlib

        ie = ov.Core()
        exec_net = ie.import_model(pathlib.Path("m.blob").read_bytes(), "CPU")
        exec_net_requests = [exec_net.create_infer_request() for _ in range(2)]
        exec_net_requests[1].infer()
        """)


def test_networks_read_from_bytes_and_the_module_function():
    source = """\
        from openvino.inference_engine import IECore, read_network

        net = IECore().read_network(model=xml, weights=weights, init_from_buffer=True)
        other = read_network("a.xml", "a.bin")
        print(other.name)
        """
    assert fix(source).text == textwrap.dedent("""\
        import openvino as ov

        net = ov.Core().read_model(model=xml, weights=weights)
        other = ov.Core().read_model("a.xml", "a.bin")
        print(other.get_friendly_name())
        """)


def test_config_values_stay_strings():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        print(ie.get_config("CPU", "PERF_COUNT"), ie.get_config("CPU", "PERFORMANCE_HINT_NUM_REQUESTS"),
              ie.get_config("CPU", "PERFORMANCE_HINT"), ie.get_config("CPU", "DEVICE_ID"))
        """
    fixed = fix(source, unsafe=False).text
    assert '("YES" if ie.get_property("CPU", "PERF_COUNT") else "NO")' in fixed
    assert 'str(ie.get_property("CPU", "PERFORMANCE_HINT_NUM_REQUESTS"))' in fixed
    assert 'ie.get_property("CPU", "PERFORMANCE_HINT").name' in fixed
    assert 'ie.get_property("CPU", "DEVICE_ID")' in fixed
    unknown = [d for d in lint("from openvino.inference_engine import IECore\n\nIECore().get_config('CPU', key)\n")
               if d.code == "OV102" and "get_config" in d.message]
    assert "typed values" in unknown[0].message and unknown[0].fix.applicability.name == "UNSAFE"


def test_parts_that_each_need_openvino_import_it_once():
    source = """\
        import ngraph as ng
        import numpy as np
        from openvino.inference_engine import IECore


        def build():
            x = ng.opset8.parameter([2], np.float32)
            return ng.Function([ng.opset8.relu(x)], [x], "g")


        def main():
            net = IECore().read_network("m.xml")
            return ng.function_from_cnn(net)
        """
    fixed = fix(source).text
    assert fixed.count("import openvino as ov") == 1 and lint(fixed) == []


def test_a_cycle_of_arguments_stays_unknown_without_hanging():
    source = """\
        from openvino.inference_engine import IECore


        def walk(x, depth):
            return walk(x, depth - 1) if depth else x.input_info


        print(walk(IECore().read_network("m.xml"), 3))
        """
    assert ("OV103", 5) in found(source)


def test_nested_unpacking_and_zip_keep_the_name_order():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        exec_net = ie.load_network(net, "CPU")
        request = exec_net.requests[0]
        for position, (name, blob) in enumerate(request.input_blobs.items()):
            blob.buffer[:] = position
        feed = dict(zip(net.input_info, arrays))
        """
    fixed = fix(source).text
    assert "blob.data[:] = position" in fixed
    assert "dict(zip(sorted(port.get_any_name() for port in net.inputs), arrays))" in fixed
    assert lint(fixed) == []


def test_what_no_rule_rewrites_on_an_api1_object_is_reported_and_holds_its_part():
    source = """\
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        print(net.outputs["prob"].initialized, net.name)
        """
    diagnostics = lint(source)
    left = [d for d in diagnostics if d.code == "OV109"]
    assert len(left) == 1 and "`openvino.Output`, which has no attribute `initialized`" in left[0].message
    assert all(d.fix is None for d in diagnostics)


def test_api20_objects_are_checked_against_the_target_release():
    source = """\
        import openvino as ov

        core = ov.Core()
        model = core.read_model("m.xml")
        compiled = core.compile_model(model, "CPU")
        compiled.tag = "mine"
        print(model.batch_size, compiled.requests, compiled.tag, model.get_ordered_ops(), model.layerz)


        def show(model: ov.Model):
            return model.batch_size  # an annotation may be wrong: not checked
        """
    found_rows = [(d.code, d.row, d.message.split(":")[0]) for d in lint(source)]
    assert ("OV109", 7, "`model.batch_size`") in found_rows
    assert not any("layerz" in message for _, _, message in found_rows)  # no release had it: a typo
    assert ("OV104", 7, "`exec_net.requests` is API 1.0") in [(c, r, m.split(":")[0]) for c, r, m in found_rows]
    assert not any(row == 11 or "tag" in message for _, row, message in found_rows)


def test_requests_of_compiled_models_handed_on_are_kept_on_the_object():
    source = """\
        from openvino.inference_engine import IECore

        IE = IECore()


        def compile_network(net, requests):
            return IE.load_network(net, "CPU", num_requests=requests), requests


        def load(path):
            exec_net = IE.load_network(IE.read_network(path), "CPU")
            return exec_net


        def first_request(stage):
            return stage["exec"].requests[0]


        stages = {"a": {"exec": compile_network(IE.read_network("a.xml"), 2)[0]}, "b": {"exec": load("b.xml")}}
        print(len(stages["a"]["exec"].requests), first_request(stages["b"]))
        """
    fixed = fix(source).text
    assert textwrap.dedent("""\
        def compile_network(net, requests):
            compiled = IE.compile_model(net, "CPU")
            compiled.requests = [compiled.create_infer_request() for _ in range(requests or compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))]
            return compiled, requests
        """) in fixed
    assert "    exec_net.requests = [exec_net.create_infer_request() for _ in range(1)]\n" in fixed
    assert 'return stage["exec"].requests[0]' in fixed
    assert lint(fixed) == [] and fix(fixed).text == fixed


def test_requests_are_not_kept_where_a_compiled_model_is_made_inside_an_expression():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        stages = [{"exec": ie.load_network("m.xml", "CPU")}]
        print(stages[0]["exec"].requests[0])
        """
    requests = [d for d in lint(source) if d.code == "OV104"]
    assert requests and requests[0].fix is None


def test_the_parts_of_a_module_are_fixed_in_one_round_although_they_share_an_import_edit():
    from ovlint.engine.fixer import choose

    source = """\
        from openvino.inference_engine import IECore
        from openvino.inference_engine import StatusCode


        def load():
            return IECore()


        def devices():
            return IECore().available_devices
        """
    diagnostics = lint(source)
    fixes = {d.fix.edits for d in diagnostics if d.fix is not None}
    # both drop the unused import and bind `openvino` where it was: the same edits, which touch
    assert len(fixes) == 2 and len(set.intersection(*map(set, fixes))) == 2
    chosen = choose(diagnostics, unsafe=True)
    assert [d.row for d in chosen] == [2, 6, 10]


def test_the_family_needles_hold_every_attribute_an_api20_object_can_be_reported_for():
    from ovlint.rules.api10._api20 import removed_somewhere
    from ovlint.rules.api10._base import LEGACY_ATTRIBUTES

    assert set(LEGACY_ATTRIBUTES) == removed_somewhere()


def _chain(branches: int) -> str:
    """A graph builder of `branches` cases, each reading a dict of tensors, passing the values
    through a helper that returns its argument, and storing the result back: values that need
    each other, across every branch (real converters have hundreds of such cases)."""
    cases = "".join(f"        {'if' if i == 0 else 'elif'} op == {i}:\n"
                    f"            a{i} = tensors[op - 1]\n"
                    f"            a{i} = scaled(op, a{i})\n"
                    f"            b{i} = scaled(op, tensors[op - 2])\n"
                    f"            tensors[op] = scaled(op, a{i} + b{i})\n" for i in range(branches))
    return ("from openvino.inference_engine import IECore\n\n\ndef scaled(detail, value):\n"
            "    if detail:\n        return value\n    return value * 2\n\n\ndef build(ops, core):\n    tensors = {}\n"
            f"    for op in ops:\n{cases}    return tensors\n\n\nprint(build([], IECore()))\n")


def test_the_work_of_the_object_model_grows_with_the_code_not_faster(monkeypatch):
    """What is worked out inside a cycle is kept while the cycle is: asked again, it was the same
    work again, which made such modules take minutes (a 294 KB converter hit the file timeout)."""
    from ovlint.rules.api10._types import Types

    worked = []
    infer = Types._infer
    monkeypatch.setattr(Types, "_infer", lambda self, node: worked.append(node) or infer(self, node))
    counts = []
    for branches in (20, 40):
        worked.clear()
        lint(_chain(branches))
        counts.append(len(worked))
    assert counts[1] <= 2.2 * counts[0], counts


def test_a_parameter_is_taken_for_an_api_1_object_by_its_attributes_only_when_nothing_is_passed_to_it():
    source = """\
        from openvino.inference_engine import IECore


        def report(net):
            print(net.batch_size)
        """
    assert ("OV103", 5) in found(source)
    # what the module passes is its own object: an argparse namespace has a `batch_size` too
    passed = textwrap.dedent(source) + "\n\nreport(parser.parse_args())\n"
    assert [code for code, _ in found(passed)] == ["OV101"]


def test_an_object_made_in_one_branch_of_a_conditional_expression_is_followed():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore() if USE_OPENVINO else None
        exec_net = ie.load_network(ie.read_network("m.xml"), "CPU")
        exec_net.requests[0].async_infer({"x": frame})
        """
    fixed = fix(source).text
    assert "ie = ov.Core() if USE_OPENVINO else None" in fixed and "start_async" in fixed and lint(fixed) == []


def test_requests_unpacked_into_names_are_followed():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        exec_net = ie.load_network(ie.read_network("m.xml"), "CPU", num_requests=3)
        first, *others = exec_net.requests
        first.async_infer({"x": frame})
        for request in others:
            request.wait(-1)
        """
    fixed = fix(source).text
    assert "first, *others = exec_net_requests" in fixed and "first.start_async(" in fixed
    assert "request.wait()" in fixed and lint(fixed) == []


def test_a_conditional_expression_of_nothing_but_none_is_nothing():
    assert found("from openvino.inference_engine import IECore\n\nx = None if c else None\nprint(x.y)\n") == [("OV101", 1)]


# a module that runs one request of a compiled model (its lines 1-5)
A_REQUEST = ('from openvino.inference_engine import IECore\n\nie = IECore()\n'
             'exec_net = ie.load_network(ie.read_network("m.xml"), "CPU")\nrequest = exec_net.requests[0]\n')


def test_an_output_blob_kept_in_a_container_holds_its_part():
    # API 1.0's blob kept its inference's values; the API 2.0 tensor is the request's memory, which
    # the next inference overwrites: no read of it later can tell, so nothing there is rewritten
    source = A_REQUEST + textwrap.dedent("""\
        blobs, by_run = [], {}
        for step in range(3):
            request.infer()
            blobs.append(request.output_blobs["out"])
            by_run[step] = request.output_blobs
        print([b.buffer.tolist() for b in blobs])
        """)
    diagnostics = lint(source)
    kept = [(d.row, d.column) for d in diagnostics if d.code == "OV106" and "keeps" in d.message]
    assert kept == [(9, 18), (10, 20)]
    assert all(d.fix is None for d in diagnostics)


def test_an_output_blob_read_where_it_is_taken_is_still_fixed():
    source = A_REQUEST + textwrap.dedent("""\
        request.infer()
        blob = request.output_blobs["out"]
        rows = [blob.buffer.tolist(), request.output_blobs["out"].buffer.tolist()]
        first, second = request.output_blobs["out"], blob
        print(rows, first.buffer.sum(), second.buffer.sum())
        """)
    fixed = fix(source).text
    assert "inference_engine" not in fixed and not any("keeps" in d.message for d in lint(source))


def test_an_output_blob_read_after_a_later_inference_holds_its_part():
    source = A_REQUEST + textwrap.dedent("""\
        request.infer()
        first = request.output_blobs["out"]
        request.infer()
        print(first.buffer.tolist())
        """)
    assert [(d.row, d.code) for d in lint(source) if "keeps" in d.message] == [(7, "OV106")]
    # taken after the inference it reads, in each round of a loop: rewritten
    loop = A_REQUEST + textwrap.dedent("""\
        for x in xs:
            request.infer()
            first = request.output_blobs["out"]
            print(first.buffer.tolist())
        """)
    assert not any("keeps" in d.message for d in lint(loop)) and "inference_engine" not in fix(loop).text


def test_another_request_s_inference_leaves_a_blob_taken_from_this_one_as_it_was():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        exec_net = ie.load_network(ie.read_network("m.xml"), "CPU", num_requests=2)
        first, second = exec_net.requests
        first.infer()
        out = first.output_blobs["out"]
        second.infer()
        print(out.buffer.tolist())
        """
    assert not any("keeps" in d.message for d in lint(source))


def test_an_output_blob_kept_for_the_next_round_of_a_loop_holds_its_part():
    source = A_REQUEST + textwrap.dedent("""\
        prev = None
        for x in xs:
            request.infer(x)
            cur = request.output_blobs["out"]
            if prev is not None:
                print(cur.buffer - prev.buffer)
            prev = cur
        """)
    assert [(d.row, d.code) for d in lint(source) if "keeps" in d.message] == [(12, "OV106")]


def test_a_port_unpacked_from_one_pair_of_items_is_followed():
    """`next(iter(d.items()))`, `(name, info), = d.items()` and `list(d.items())[i]` hand out one
    (name, port) pair, as a loop over the items does: the port's attributes are rewritten too."""
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        name, info = next(iter(net.input_info.items()))
        (only, port), = net.input_info.items()
        oname, odata = list(net.outputs.items())[1]
        print(name, info.input_data.shape, port.input_data.shape, oname, odata.shape)
        """
    fixed = fix(source).text
    assert "print(name, list(info.shape), list(port.shape), oname, list(odata.shape))\n" in fixed
    assert lint(fixed) == []


def test_what_a_static_or_class_method_returns_through_its_class_is_followed():
    source = """\
        from openvino.inference_engine import IECore


        class Loader:
            @staticmethod
            def read(path):
                return IECore().read_network(path)

            @classmethod
            def read_c(cls, path):
                return IECore().read_network(path)


        print(sorted(Loader.read("a.xml").input_info), sorted(Loader.read_c("b.xml").input_info))
        """
    fixed = fix(source).text
    assert "print(sorted(sorted(port.get_any_name() for port in Loader.read(\"a.xml\").inputs)), " in fixed
    assert lint(fixed) == []
