"""The OV1xx family as a whole: how API 1.0 objects are followed through a module, and how the
one migration fix of a unit behaves."""
import json
import textwrap

import pytest

from ovlint.engine import registry
from ovlint.base import depends, versions
from ovlint.engine.fixer import fix_text
from ovlint.engine.linter import lint_text
from ovlint.base.text import SourceText
from ovlint.rules.api10 import _plan
from ovlint.surfaces import named

FAMILY = [r for r in registry.all_rules() if r.code.startswith("OV1")]


def lint(source, rules=FAMILY, target=versions.NEWEST, path="app.py"):
    kind = "notebook" if path.endswith(".ipynb") else "python"
    return lint_text(path, named(kind), textwrap.dedent(source), rules, target).diagnostics


def fix(source, unsafe=True, rules=FAMILY, target=versions.NEWEST):
    source = textwrap.dedent(source)
    return fix_text("app.py", named("python"), source, rules, target, unsafe, SourceText(source).encode)


def found(source, **kwargs):
    return [(d.code, d.row) for d in lint(source, **kwargs)]


def test_objects_are_followed_through_attributes_helpers_loops_and_annotations():
    source = """\
        from openvino.inference_engine import IECore, InferRequest


        def open_core():
            return IECore()


        class App:
            def __init__(self):
                self.core = open_core()
                self.exec_net = self.core.load_network("m.xml", "CPU", num_requests=2)

            def run(self):
                for index, request in enumerate(self.exec_net.requests):
                    show(request)


        def show(request: InferRequest):
            print(request.output_blobs["prob"].buffer)


        def helper(core):
            return core.read_network("m.xml")


        helper(IECore())
        app = App()
        print(app.exec_net.requests)
        """
    assert found(source) == [("OV101", 1), ("OV102", 5), ("OV102", 11), ("OV104", 14), ("OV105", 18),
                             ("OV105", 19), ("OV106", 19), ("OV102", 23), ("OV102", 26), ("OV104", 28)]
    fixed = fix(source).text
    assert "self.exec_net_requests = [self.exec_net.create_infer_request() for _ in range(2)]" in fixed
    assert "enumerate(self.exec_net_requests)" in fixed and "print(app.exec_net_requests)" in fixed
    assert "def show(request: ov.InferRequest):" in fixed and "core.read_model(" in fixed
    assert lint(fixed) == []


def test_look_alikes_stay_silent():
    source = """\
        import openvino as ov


        class IECore:
            def read_network(self, path):
                return path


        class Store:
            input_info = {}

            def load_network(self):
                return self.input_info


        net = IECore().read_network("m.xml")
        print(Store().load_network(), net)
        settings = {"CPU_THREADS_NUM": 2}
        ov.Core().set_property("CPU", {"PERF_COUNT": "YES"})
        """
    assert lint(source) == []


def test_a_partial_migration_is_still_reported():
    source = """\
        import openvino as ov

        core = ov.Core()
        net = core.read_network("m.xml")
        compiled = core.compile_model("m.xml", "CPU")
        print(compiled.input_info, compiled.requests[0].output_blobs["prob"])
        """
    assert sorted(found(source)) == [("OV102", 4), ("OV104", 6), ("OV104", 6), ("OV105", 6)]


def test_the_fix_is_one_group_and_needs_every_family_rule():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        """
    assert fix(source, unsafe=False).text == textwrap.dedent(source)  # read_network makes it unsafe
    assert fix(source).text == "import openvino as ov\n\nie = ov.Core()\nnet = ie.read_model(\"m.xml\")\n"
    only_core = [r for r in FAMILY if r.code == "OV102"]
    assert all(d.fix is None for d in lint(source, rules=only_core))
    everything_safe = "from openvino.inference_engine import IECore\n\nprint(IECore().get_metric('CPU', 'FULL_DEVICE_NAME'))\n"
    assert fix(everything_safe, unsafe=False).text == (
        "import openvino as ov\n\nprint(ov.Core().get_property('CPU', 'FULL_DEVICE_NAME'))\n")


def test_noqa_keeps_a_line_and_makes_the_rest_unsafe():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        print(ie.get_metric("CPU", "FULL_DEVICE_NAME"))  # noqa: OV102
        """
    assert fix(source, unsafe=False).text == textwrap.dedent(source)
    fixed = fix(source).text
    assert 'ie.get_metric("CPU", "FULL_DEVICE_NAME"))  # noqa: OV102' in fixed and "ie = ov.Core()" in fixed


def test_a_use_without_rewrite_holds_back_only_its_part():
    source = """\
        from openvino.inference_engine import IECore


        def device_name():
            return IECore().get_metric("CPU", "FULL_DEVICE_NAME")


        def pool():
            ie = IECore()
            exec_net = ie.load_network(ie.read_network("m.xml"), "CPU", num_requests=2)
            return exec_net.get_idle_request_id()
        """
    outcome = fix(source)
    assert "return ov.Core().get_property(\"CPU\", \"FULL_DEVICE_NAME\")" in outcome.text  # its own part
    assert "ie.load_network(ie.read_network(" in outcome.text  # held back whole: no half-migrated part
    messages = {d.row: d.message for d in outcome.diagnostics}
    assert "AsyncInferQueue" in messages[12] and all(d.fix is None for d in outcome.diagnostics)
    assert "not migrated yet: this part of the module also uses `get_idle_request_id` at line 12" in messages[10]
    again = fix(outcome.text)
    assert again.text == outcome.text and not any(d.code.startswith("OV00") for d in again.diagnostics)


def test_imports_are_bound_where_the_legacy_import_was():
    source = """\
        def load(path):
            import openvino.inference_engine as ie
            return ie.IECore().read_network(path)
        """
    assert fix(source).text == textwrap.dedent("""\
        def load(path):
            import openvino as ov
            return ov.Core().read_model(path)
        """)
    guarded = """\
        try:
            from openvino.inference_engine import IECore
        except ImportError:
            IECore = None
        """
    assert "import openvino as ov" not in fix(guarded).text  # IECore is still used: kept as it is
    conditional = """\
        import importlib.util

        if importlib.util.find_spec("openvino"):
            from openvino.inference_engine import IECore


        def core():
            return IECore()
        """
    assert fix(conditional).text == textwrap.dedent("""\
        import importlib.util

        if importlib.util.find_spec("openvino"):
            import openvino as ov


        def core():
            return ov.Core()
        """)
    # a legacy import a part left behind keeps using stays in its guard, and `openvino` is bound
    # beside it: without OpenVINO the module still fails with its own message
    partial = """\
        try:
            from openvino.inference_engine import IECore
        except ImportError:
            raise ImportError("run setupvars.sh first")


        class Model:
            def __init__(self):
                setattr(self, "ie", IECore())

            def load(self, path):
                self.net = self.ie.read_network(path)


        def core():
            return IECore()
        """
    assert fix(partial).text == textwrap.dedent(partial).replace(
        "import IECore\n", "import IECore\n    import openvino as ov\n").replace("return IECore()", "return ov.Core()")


def test_an_object_kept_as_a_class_attribute_is_followed_through_self():
    source = """\
        from openvino.inference_engine import IECore


        class Model:
            core = IECore()

            def load(self, path):
                self.net = self.core.read_network(path)
                return self.core.load_network(self.net, "CPU")
        """
    assert fix(source).text == textwrap.dedent("""\
        import openvino as ov


        class Model:
            core = ov.Core()

            def load(self, path):
                self.net = self.core.read_model(path)
                return self.core.compile_model(self.net, "CPU")
        """)


def test_each_branch_that_imported_the_legacy_api_binds_openvino():
    source = """\
        def make_core(quiet):
            if quiet:
                from openvino.inference_engine import IECore
                core = IECore()
            else:
                from openvino.inference_engine import IECore
                print("loading")
                core = IECore()
            return core
        """
    fixed = fix(source).text
    assert fixed.count("import openvino as ov\n") == 2 and "inference_engine" not in fixed


def test_a_function_does_not_bind_openvino_after_using_it():
    """`import openvino as ov` in a function makes `ov` the function's own name: before that
    statement it is unbound (UnboundLocalError), so the binding goes to the module instead."""
    source = """\
        from openvino.inference_engine import IECore


        def devices():
            ie = IECore()
            from openvino.inference_engine import get_version
            print(get_version())
            return ie.available_devices


        def ops(xml):
            net = IECore().read_network(model=xml)
            import ngraph as ng
            return ng.function_from_cnn(net).get_ordered_ops()
        """
    safe = fix(source, unsafe=False).text  # `ops` waits for --unsafe-fixes, and still needs IECore
    assert safe.startswith("from openvino.inference_engine import IECore\nimport openvino as ov\n")
    assert "ie = ov.Core()\n    print(ov.get_version())" in safe
    fixed = fix(source).text
    assert fixed.startswith("import openvino as ov\n") and fixed.count("import") == 1
    assert "net = ov.Core().read_model(model=xml)\n    return net.get_ordered_ops()" in fixed


def test_an_object_that_stays_legacy_does_not_make_the_fix_loop():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network(model=blob, weights=weights, init_from_buffer=True)
        name = next(iter(net.outputs))
        """
    outcome = fix(source)
    assert not any(d.code == "OV005" for d in outcome.diagnostics)
    assert fix(outcome.text).text == outcome.text


def test_a_dropped_argument_takes_no_star_of_the_next():
    source = ("from openvino.inference_engine import IECore\n\nkwargs = {\"model\": xml, \"weights\": weights}\n"
              "net = IECore().read_network(init_from_buffer=True, **kwargs)\n")
    assert fix(source).text.endswith("net = ov.Core().read_model(**kwargs)\n")


def test_objects_of_a_look_alike_package_are_not_taken_for_api_1():
    """Another package's `IECore` (`pyopenvino.inference_engine`), and what its methods return,
    are that package's objects: only OpenVINO's are reported."""
    source = """\
        from pyopenvino.inference_engine import IECore
        import openvino as ov

        ie = IECore()
        net = ie.read_network("m.xml", "m.bin")
        exenet = ie.load_network(net, "CPU")
        print(net.input_info)
        """
    assert lint(source) == []
    assert [d.code for d in lint(source.replace("pyopenvino", "openvino")) if "could not be traced" in d.message] == []


def test_a_module_that_re_exports_api_1_keeps_its_import_while_another_takes_it(tmp_path):
    """`from app.compat import IECore` in another module: the compat module's import stays (its
    fix would make that import fail), and the other module's calls are still reported."""
    (tmp_path / "compat.py").write_text('"""OpenVINO for the app."""\nfrom openvino.inference_engine import IECore\n')
    (tmp_path / "main.py").write_text("import openvino as ov\nfrom compat import IECore\n\n"
                                      "net = IECore().read_network('m.xml')\nprint(ov.get_version())\n")
    _forget_programs()
    compat = lint_text(str(tmp_path / "compat.py"), named("python"), (tmp_path / "compat.py").read_text(), FAMILY,
                       versions.NEWEST).diagnostics
    assert [(d.code, d.fix) for d in compat] == [("OV101", None)] and "`main.py` imports `IECore`" in compat[0].message
    main = lint_text(str(tmp_path / "main.py"), named("python"), (tmp_path / "main.py").read_text(), FAMILY,
                     versions.NEWEST).diagnostics
    assert [d.code for d in main] == ["OV102"] and "could not be traced" in main[0].message


def test_arrays_fed_to_a_request_must_have_their_inputs_shape():
    """API 1.0 copied an array into the input's blob (an image without its batch axis ran); API 2.0
    raises for it, and the finding on the call says so."""
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        exec_net = ie.load_network(ie.read_network("m.xml"), "CPU")
        result = exec_net.infer({"data": image})
        exec_net.start_async(0, {"data": image})
        """
    notes = [d for d in lint(source) if d.code == "OV104" and "each array must now have its input's shape" in d.message]
    assert [d.row for d in notes] == [5, 6]


def test_an_image_whose_channels_were_moved_first_without_a_batch_axis_holds_its_call():
    """`np.moveaxis(image, -1, 0)` or `image.transpose((2, 0, 1))` makes a 3-D array, which API 1.0
    copied into the 4-D blob and API 2.0 refuses (checked on 2026.4.1): the call keeps API 1.0
    until the axis is added; an assignment that adds one (`reshape`, `[None]`) lets the fix go."""
    header = """\
        import numpy as np
        from openvino.inference_engine import IECore

        ie = IECore()
        exec_net = ie.load_network(ie.read_network("m.xml"), "CPU")
        """
    for body, axisless in (
            ("image = np.moveaxis(frame, -1, 0)\nfeed = {'data': image}\nexec_net.infer(feed)\n", "image"),
            ("exec_net.start_async(0, {'data': frame.transpose(2, 0, 1).astype(np.float32)})\n",
             "frame.transpose(2, 0, 1).astype(np.float32)"),
            ("image = np.transpose(frame, (2, 0, 1))\nimage.reshape((1, 3, 8, 8))\n"
             "exec_net.requests[0].infer({'data': image})\n", "image"),
            ("image = frame.transpose((2, 0, 1))\nimage = image.reshape((1, 3, 8, 8))\nexec_net.infer({'data': image})\n",
             None),
            ("image = np.rollaxis(frame, 2)[None]\nexec_net.infer({'data': image})\n", None),
            ("image = frame.transpose((0, 3, 1, 2))\nexec_net.infer({'data': image})\n", None)):
        source = textwrap.dedent(header) + body
        held = [d for d in lint(source) if "has no batch axis" in d.message]
        assert [(d.code, d.fix) for d in held] == ([] if axisless is None else [(held[0].code, None)]), body
        if axisless is not None:
            assert f"gets `{axisless}`, an image whose channels were moved first" in held[0].message
            assert f"`np.expand_dims({axisless}, 0)`" in held[0].message


def test_untraced_objects_are_reported_without_a_fix():
    source = """\
        import openvino as ov


        def read(request):
            return request.output_blobs["prob"].buffer
        """
    (diag,) = lint(source)
    assert diag.code == "OV105" and "could not be traced" in diag.message and diag.fix is None


def test_no_fix_for_targets_without_the_top_level_openvino_names():
    source = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
    assert fix(source, target="2023.0").text == source
    assert fix(source, target="2023.1").text == "import openvino as ov\n\nie = ov.Core()\n"


def test_precision_and_layout_move_to_a_preprocessor_where_the_network_is_compiled():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        net.input_info["data"].layout = "NHWC"
        net.input_info["data"].precision = "U8"
        shape = net.input_info["data"].input_data.shape
        exec_net = ie.load_network(network=net, device_name="CPU")
        """
    assert fix(source).text == textwrap.dedent("""\
        import openvino as ov

        ie = ov.Core()
        net = ie.read_model("m.xml")
        shape = list(net.input("data").shape)
        ppp = ov.preprocess.PrePostProcessor(net.clone())
        ppp.input("data").tensor().set_layout(ov.Layout("NHWC"))
        ppp.input("data").model().set_layout(ov.Layout("NCHW"))
        ppp.input("data").tensor().set_element_type(ov.Type.u8)
        exec_net = ie.compile_model(model=ppp.build(), device_name="CPU")
        """)


def test_a_notebook_is_one_program_across_its_cells(tmp_path):
    import json

    from ovlint.engine.linter import lint_text

    cells = [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
              "source": ["%pip install -q openvino-dev\n", "from openvino.inference_engine import IECore"]},
             {"cell_type": "markdown", "metadata": {}, "source": ["Read the network"]},
             {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
              "source": ["ie = IECore()\n", "net = ie.read_network('m.xml')\n", "print(next(iter(net.outputs)))"]}]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    found = lint_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST).diagnostics
    assert [(d.code, d.cell, d.row, d.column) for d in found] == [
        ("OV101", 0, 2, 1), ("OV102", 2, 1, 6), ("OV102", 2, 2, 10), ("OV103", 2, 3, 21)]
    outcome = fix_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST, True, SourceText(text).encode)
    fixed = json.loads(outcome.text)
    assert fixed["cells"][0]["source"] == ["%pip install -q openvino-dev\n", "import openvino as ov"]
    assert fixed["cells"][2]["source"] == ["ie = ov.Core()\n", "net = ie.read_model('m.xml')\n",
                                           "print(min(port.get_any_name() for port in net.outputs))"]
    assert fixed["cells"][1] == cells[1] and outcome.diagnostics == []


def _forget_programs() -> None:
    """As a new process would: the modules around a module are read once per process."""
    _plan._program_under.cache_clear()
    _plan._module_facts.cache_clear()


def _cells_notebook(*sources: str) -> str:
    import json

    return json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                                  "source": source} for source in sources],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def _fixed_cells(text: str) -> list:
    import json

    outcome = fix_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST, True, SourceText(text).encode)
    return ["".join(c["source"]) for c in json.loads(outcome.text)["cells"]]


@pytest.mark.parametrize("magic", ["%%time\n", "%%timeit -n 10\n", "%%capture out\n"])
def test_a_cell_magic_that_runs_python_is_linted_with_the_program(magic):
    text = _cells_notebook("from openvino.inference_engine import IECore\n", magic + "ie = IECore()\n")
    assert _fixed_cells(text) == ["import openvino as ov\n", magic + "ie = ov.Core()\n"]


def test_a_timed_statement_is_python_of_the_program():
    text = _cells_notebook("from openvino.inference_engine import IECore\n", "%time ie = IECore()\n",
                           "time core = IECore()", "%%capture\n%%bash\necho done\n")
    assert _fixed_cells(text) == ["import openvino as ov\n", "%time ie = ov.Core()\n", "time core = ov.Core()",
                                  "%%capture\n%%bash\necho done\n"]


@pytest.mark.parametrize("line", ["cd /content/demo_files/", "pip install -q numpy<2", "ls -la data"])
def test_a_one_line_automagic_cell_does_not_split_the_program(line):
    text = _cells_notebook("from openvino.inference_engine import IECore\n", line, "ie = IECore()\n")
    assert _fixed_cells(text) == ["import openvino as ov\n", line, "ie = ov.Core()\n"]


@pytest.mark.parametrize("cell, reason", [
    ('print "converted"\n', "cell 2 does not parse, so the notebook was read without it"),
    ("%%cython\ncdef int x = 1\n", "cell 2 runs code ovlint does not read"),
    ("%%timeit -n 10 setup = IECore()\npass\n", "cell 2 runs code ovlint does not read"),  # its setup line
])
def test_a_notebook_read_in_part_keeps_its_api_1_code(cell, reason):
    # the import alone in its cell looks unused; another cell, read apart or not at all, uses it
    text = _cells_notebook("from openvino.inference_engine import IECore\n", cell, "ie = IECore()\n")
    found = lint_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST).diagnostics
    assert [d.code for d in found if d.code != "OV001"] and all(d.fix is None for d in found)
    assert all(reason in d.message for d in found if d.code == "OV101")
    assert _fixed_cells(text) == ["from openvino.inference_engine import IECore\n", cell, "ie = IECore()\n"]


def test_a_cell_that_does_not_parse_leaves_the_others_one_program():
    """An exercise's unfinished `def` cell: the other cells are still read as one program (names
    cross cells, so a later cell's API 1.0 call is reported); the broken cell is reported once."""
    text = _cells_notebook("from openvino.inference_engine import IECore\nie = IECore()\n"
                           "exec_net = ie.load_network('m.xml', 'CPU')\n", "def convert(image):\n    ### YOUR CODE\n",
                           "res = exec_net.infer({'data': frame})\n")
    found = lint_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST).diagnostics
    assert [(d.code, d.cell) for d in found if d.code in ("OV001", "OV104")] == [("OV001", 1), ("OV104", 2)]
    assert all(d.fix is None for d in found)


def test_a_notebook_whose_parsable_cells_libcst_cannot_read_together_is_read_cell_by_cell():
    # CPython takes the tabs and spaces of the second cell, LibCST does not: each cell is read alone then
    text = _cells_notebook("from openvino.inference_engine import IECore\nie = IECore()",
                           "if a:\n  if b:\n \t\tx = 1\n  y = 2", "def todo(x):\n    # your code here")
    found = lint_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST).diagnostics
    assert [(d.code, d.cell) for d in found if d.code in ("OV101", "OV102", "OV001")] == \
        [("OV101", 0), ("OV102", 0), ("OV001", 2)]


def test_a_cell_whose_last_line_a_fix_deletes_keeps_the_cells_apart():
    text = _cells_notebook("from openvino.inference_engine import IECore", "x = 1\n")
    assert _fixed_cells(text) == ["", "x = 1\n"]


def test_a_crlf_cell_whose_last_line_a_fix_deletes_keeps_its_own_line_end():
    text = _cells_notebook("from openvino.inference_engine import Blob, TensorDesc\r\n",
                           "x = 1\r\ndesc = TensorDesc('U8', [1], 'C')", "blob = Blob(desc, x)\r\n")
    assert _fixed_cells(text)[1] == "x = 1\r\n"


def test_edits_that_cannot_be_put_back_into_cells_are_not_written(monkeypatch):
    from ovlint.surfaces import notebook

    monkeypatch.setattr(notebook, "_split_cells", lambda code: [code])  # as if an edit joined two cells
    text = _cells_notebook("from openvino.inference_engine import IECore\n", "ie = IECore()\n")
    outcome = fix_text("nb.ipynb", named("notebook"), text, FAMILY, versions.NEWEST, True, SourceText(text).encode)
    assert outcome.text == text and outcome.applied == []
    assert any("crosses the boundary between two notebook cells" in d.message for d in outcome.diagnostics)


def test_values_of_legacy_dicts_are_followed_in_loops():
    source = """\
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        for info in net.input_info.values():
            print(info.input_data.shape[0])
        """
    fixed = fix(source).text
    assert "for info in sorted(net.inputs, key=lambda port: port.get_any_name()):" in fixed
    assert "print(info.shape[0])" in fixed and lint(fixed) == []


def test_no_fix_when_it_would_hide_a_use_it_cannot_rewrite():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        describe(net.outputs)  # a dict of layer names in API 1.0, a list of ports in API 2.0
        """
    found = lint(source)
    assert found and all(d.fix is None for d in found)
    assert any("migrate this use by hand first" in d.message for d in found)


def test_add_extension_keeps_its_path_argument():
    source = """\
        from openvino.inference_engine import IECore

        core = IECore()
        core.add_extension(extension_path="libext.so", device_name="CPU")
        """
    assert 'core.add_extension("libext.so")' in fix(source).text


def test_a_method_named_like_a_helper_of_the_rule_is_not_dispatched():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        ie.network_to_model(1)
        ie.request_list(2)
        """
    # not dispatched to the rule's helpers: reported as attributes `ov.Core` lacks, without a fix
    unknown = [d for d in lint(source) if d.row in (4, 5)]
    assert [d.code for d in unknown] == ["OV109", "OV109"] and all(d.fix is None for d in unknown)


def test_the_new_import_is_visible_wherever_the_old_one_was():
    vendored = """\
        try:
            from vendor.openvino.inference_engine import IECore
        except ImportError:
            from openvino.inference_engine import IECore

        print(IECore().get_metric("CPU", "FULL_DEVICE_NAME"))
        """
    assert fix(vendored).text == textwrap.dedent("""\
        try:
            from vendor.openvino.inference_engine import IECore
            import openvino as ov
        except ImportError:
            import openvino as ov

        print(ov.Core().get_property("CPU", "FULL_DEVICE_NAME"))
        """)
    guarded = """\
        try:
            from openvino.inference_engine import IECore
            HAVE_OPENVINO = True
        except ImportError:
            HAVE_OPENVINO = False


        def device():
            return IECore().get_metric("CPU", "FULL_DEVICE_NAME") if HAVE_OPENVINO else None
        """
    fixed = fix(guarded).text
    assert "try:\n    import openvino as ov\n    HAVE_OPENVINO = True" in fixed  # still guarded
    assert "return ov.Core().get_property(" in fixed


def test_requests_a_factory_hands_on_are_never_left_behind():
    source = """\
        from openvino.inference_engine import IECore


        def load(path):
            ie = IECore()
            return ie.load_network(ie.read_network(path), "CPU", num_requests=4)


        def run(frame):
            exec_net = load("m.xml")
            exec_net.requests[1].infer({"data": frame})
        """
    fixed = fix(source).text  # no compile_model without the requests it promised: they go with the object
    assert ('    compiled = ie.compile_model(ie.read_model(path), "CPU")\n'
            "    compiled.requests = [compiled.create_infer_request() for _ in range(4)]\n"
            "    return compiled\n") in fixed
    assert 'exec_net.requests[1].infer({"data": frame})' in fixed and lint(fixed) == []


def test_a_descriptor_alone_in_its_block_leaves_pass():
    source = """\
        from openvino.inference_engine import Blob, TensorDesc
        import numpy as np

        if True:
            desc = TensorDesc("FP32", [1, 3], "NC")
        blob = Blob(desc, np.zeros((1, 3), np.float32))
        """
    fixed = fix(source)
    assert "if True:\n    pass\nblob = ov.Tensor(np.zeros((1, 3), np.float32))\n" in fixed.text
    assert lint(fixed.text) == []


def test_an_import_a_held_back_module_still_uses_is_not_trimmed():
    """A fix on an import's finding that only drops its unused names would resolve nothing the
    finding is about (and count as fixed while the finding stays): imports nothing uses go, one
    still in use stays whole until its module is migrated."""
    source = """\
        from openvino.inference_engine import IENetwork, IECore, IEPlugin
        from openvino.inference_engine import StatusCode

        plugin = IEPlugin(device="CPU")
        net = IENetwork(model="m.xml", weights="m.bin")
        """
    by_row = {d.row: d for d in lint(source) if d.code == "OV101"}
    assert by_row[1].fix is None
    assert by_row[2].fix is not None and by_row[2].fix.message == "Remove the import"
    fixed = fix(source)
    assert fixed.text.startswith("from openvino.inference_engine import IENetwork, IECore, IEPlugin\n\nplugin")


def test_objects_handed_to_another_thread_or_process_are_followed():
    """`Thread(target=fn, args=(...))`, `Process(...)`, `Timer(...)` and `executor.submit(fn, ...)`
    call `fn` with those arguments: the function's parameters are typed from them, so the code
    that makes the objects and the code that uses them migrate together."""
    for spawn in ("threading.Thread(target=worker, args=(exec_net, 0))",
                  "multiprocessing.Process(None, worker, kwargs={'exec_net': exec_net, 'index': 0})",
                  "threading.Timer(1.0, worker, (exec_net,), {'index': 0})",
                  "pool.submit(worker, exec_net, index=0)",
                  "pool.apply_async(worker, (exec_net, 0))"):
        source = f"""\
            import multiprocessing
            import threading
            from openvino.inference_engine import IECore


            def worker(exec_net, index):
                exec_net.requests[index].async_infer()


            def main(pool):
                exec_net = IECore().load_network("m.xml", "CPU", num_requests=2)
                {spawn}.start()
            """
        fixed = fix(source).text
        assert "exec_net.requests[index].start_async()" in fixed, spawn
        assert "exec_net.requests = [exec_net.create_infer_request() for _ in range(2)]" in fixed, spawn


def test_a_thread_whose_arguments_are_not_written_out_is_typed_by_what_it_uses():
    """`args=arguments`: nothing is read from the call, and the worker's parameter is typed from
    the API 1.0 attributes it uses, as for any parameter no call types."""
    source = """\
        import threading
        from openvino.inference_engine import IECore


        def worker(exec_net):
            exec_net.requests[0].async_infer()


        def main(arguments):
            exec_net = IECore().load_network("m.xml", "CPU")
            threading.Thread(target=worker, args=arguments).start()
        """
    fixed = fix(source).text
    assert "exec_net.requests[0].start_async()" in fixed and "ov.Core().compile_model" in fixed


def test_attributes_unpacked_from_a_tuple_are_followed():
    """`self.network, self.name = load(path)`: each attribute holds its part of what `load`
    returns, so its uses migrate with the function that makes the objects."""
    source = """\
        from openvino.inference_engine import IECore


        def load(path):
            ie = IECore()
            net = ie.read_network(model=path)
            return ie.load_network(network=net, device_name="CPU"), next(iter(net.input_info))


        class Holder:
            def load(self, path):
                (self.network, self.input_name), self.count = load(path), 0

            def shape(self):
                return self.network.input_info[self.input_name].input_data.shape
        """
    assert ("OV103", 15) in found(source)
    fixed = fix(source).text
    assert "return list(self.network.input(self.input_name).shape)" in fixed
    assert "ie.compile_model(model=net" in fixed


def test_an_attribute_the_program_sets_on_its_own_objects_is_still_checked_on_openvino_ones():
    """`self.outputs = {}` on the program's own class says nothing about a request's `outputs`
    (which API 2.0 lacks): that use is reported, and holds its part back."""
    source = """\
        from openvino.inference_engine import IECore


        class Wrapper:
            def __init__(self):
                self.outputs = {}
                self.exec_net = IECore().load_network("m.xml", "CPU", num_requests=1)

            def callback(self, status, data):
                index, request = data
                print(index, request.outputs)

            def run(self):
                request = self.exec_net.requests[0]
                request.set_completion_callback(self.callback, (0, request))
        """
    assert ("OV109", 11) in found(source)
    assert fix(source).text == textwrap.dedent(source)


def test_a_starred_target_holds_the_rest_of_the_tuple():
    source = """\
        from openvino.inference_engine import IECore


        def load(path):
            ie = IECore()
            net = ie.read_network(path)
            return net, ie.load_network(net, "CPU"), ie.load_network(net, "GPU")


        class App:
            def __init__(self, path):
                self.net, *self.compiled = load(path)

            def run(self, frame):
                return self.compiled[0].infer({"data": frame})["prob"]
        """
    fixed = fix(source).text
    assert 'self.compiled[0]({"data": frame})["prob"]' in fixed
    assert 'ie.compile_model(net, "GPU")' in fixed


def test_asking_an_api_1_object_for_an_attribute_holds_its_part_back():
    """`hasattr(request, "output_blobs")` guards the API 1.0 branch: migrated, the request is an
    `ov.InferRequest` and the guard is always false, so the part waits for a person."""
    source = """\
        from openvino.inference_engine import IECore

        request = IECore().load_network("m.xml", "CPU").requests[0]
        if hasattr(request, "output_blobs"):
            print(request.output_blobs["prob"].buffer)
        latest = getattr(request, "latest", None)
        """
    diagnostics = lint(source)
    probes = [d for d in diagnostics if d.code == "OV109"]
    assert [d.row for d in probes] == [4] and "`output_blobs`" in probes[0].message
    assert not any(d.fix for d in diagnostics)
    assert fix(source).text == textwrap.dedent(source)


def test_the_new_alias_avoids_a_name_a_function_binds():
    """`ov = overlap(a, b)` in a function where the fix uses `openvino`: the alias must be another
    name there. So does a function's own `import openvino as ov`: a use the fix adds before it
    would be unbound."""
    source = """\
        from openvino.inference_engine import IECore


        def run(thr):
            ov = thr * 2
            return IECore().available_devices, ov


        def modern():
            import openvino as ov
            return ov.Core()
        """
    fixed = fix(source).text
    assert fixed.startswith("import openvino as ov_\n") and "return ov_.Core().available_devices, ov" in fixed
    alone = source.replace("ov = thr * 2", "pass").replace(", ov\n", "\n")
    assert fix(alone).text.startswith("import openvino as ov_\n")
    assert fix(alone.replace("import openvino as ov\n", "import numpy\n").replace("ov.Core()", "numpy.zeros(1)")
               ).text.startswith("import openvino as ov\n")


def test_a_blob_taken_from_a_request_by_subscript_is_migrated_to_the_end():
    """`req.input_blobs["data"].tensor_desc.precision`: the subscript becomes `get_tensor("data")`
    first, and the tensor's attributes in the next round (a tensor `get_tensor` returns is typed)."""
    source = """\
        from openvino.inference_engine import IECore

        exec_net = IECore().load_network("m.xml", "CPU")
        req = exec_net.requests[0]
        print(req.input_blobs["data"].tensor_desc.precision, req.output_blobs["prob"].tensor_desc.dims)
        """
    outcome = fix(source)
    assert 'req.get_tensor("data").element_type.get_type_name()' in outcome.text
    assert 'list(req.get_tensor("prob").shape)' in outcome.text and "tensor_desc" not in outcome.text


@pytest.mark.parametrize("config", [
    'config = {"NUM_STREAMS": "2", "CPU_THROUGHPUT_STREAMS": "CPU_THROUGHPUT_AUTO"}\n',
    'config = {}\nconfig["NUM_STREAMS"] = "2"\nconfig["CPU_THROUGHPUT_STREAMS"] = "CPU_THROUGHPUT_AUTO"\n',
])
def test_a_legacy_key_beside_its_new_name_is_not_renamed_over_it(config):
    """Renamed, `CPU_THROUGHPUT_STREAMS` would replace the `NUM_STREAMS` the program set (or repeat
    the key in a literal)."""
    source = f"import openvino as ov\n\n{config}compiled = ov.Core().compile_model(\"m.xml\", \"CPU\", config)\n"
    (finding,) = lint(source)
    assert finding.fix is None and "the same settings give `NUM_STREAMS` a value too" in finding.message


def test_a_legacy_key_read_by_api_1_inside_a_try_is_renamed():
    """OMZ's `log_runtime_settings` reads `CPU_THREADS_NUM` in a `try`: API 1.0 took the key, so
    the `try` is about other devices, and the migrated `get_property` needs the new key; API 2.0
    code probing a key (`get_property` in a `try`) stays as it is."""
    source = """\
        from openvino.inference_engine import IECore

        exec_net = IECore().load_network("m.xml", "CPU")
        try:
            print(exec_net.get_config("CPU_THREADS_NUM"))
        except RuntimeError:
            print("unknown")
        """
    assert 'print(str(exec_net.get_property("INFERENCE_NUM_THREADS")))' in fix(source).text
    probe = source.replace("get_config", "get_property").replace("from openvino.inference_engine import IECore",
                                                                 "from openvino import Core as IECore")
    assert not any(d.code == "OV107" for d in lint(probe))


def test_a_key_looped_over_from_another_modules_list_of_legacy_keys_holds_the_migration_back(tmp_path):
    (tmp_path / "settings.py").write_text('METRICS = ["SUPPORTED_METRICS", "FULL_DEVICE_NAME"]\nDEVICES = ["CPU"]\n')
    source = ("from openvino.inference_engine import IECore\nfrom settings import DEVICES, METRICS\n\nie = IECore()\n"
              "print({m: ie.get_metric(\"CPU\", m) for m in METRICS}, [ie.get_metric(d, \"FULL_DEVICE_NAME\") for d in DEVICES])\n")
    path = str(tmp_path / "app.py")
    _forget_programs()
    looped = [d for d in lint(source, path=path) if "the key comes from a list holding API 1.0 keys" in d.message]
    assert [d.row for d in looped] == [5] and "(`SUPPORTED_METRICS`)" in looped[0].message
    relative = source.replace("from settings import", "from .settings import")
    assert [d.row for d in lint(relative, path=path) if "the key comes from a list holding API 1.0 keys" in d.message] == [5]


def test_a_key_looped_over_from_a_list_of_legacy_keys_holds_the_migration_back():
    """`get_property(key)` for `key in ("CPU_THROUGHPUT_STREAMS", ...)` fails on 2026 (and comes
    back typed): the list is the user's to rename, so nothing of that part is rewritten. A list of
    API 2.0 keys migrates as before."""
    source = """\
        from openvino.inference_engine import IECore

        KEYS = ("CPU_THROUGHPUT_STREAMS", "PERF_COUNT")
        ie = IECore()
        exec_net = ie.load_network("m.xml", "CPU")
        print({key: exec_net.get_config(key) for key in KEYS})
        for name in ["PERF_COUNT", "CPU_THREADS_NUM"]:
            print(ie.get_metric("CPU", name), ie.get_config("CPU", name))
        """
    outcome = fix(source)
    assert outcome.text == textwrap.dedent(source)
    looped = [d for d in outcome.diagnostics if "the key comes from a list holding API 1.0 keys" in d.message]
    assert [d.row for d in looped] == [6, 8, 8]
    assert "(`CPU_THROUGHPUT_STREAMS`)" in looped[0].message and "(`CPU_THREADS_NUM`)" in looped[1].message
    modern = source.replace('"CPU_THROUGHPUT_STREAMS", ', "").replace(', "CPU_THREADS_NUM"', "")
    assert "get_property(key)" in fix(modern).text
    # a name of a tuple target, an annotated list; a function's parameter is not the module's list
    other = """\
        from openvino.inference_engine import IECore

        KEYS: tuple = ("CPU_THROUGHPUT_STREAMS",)
        ie = IECore()
        for label, key in [("threads", "CPU_THREADS_NUM")]:
            print(label, ie.get_config("CPU", key))
        print([ie.get_config("CPU", k) for k in KEYS])


        def show(KEYS):
            return [ie.get_config("CPU", k) for k in KEYS]
        """
    assert [d.row for d in lint(other) if "the key comes from a list" in d.message] == [6, 7]
    # ... and a config dict built from such a loop
    setting = """\
        from openvino.inference_engine import IECore

        KEYS = ["CPU_THROUGHPUT_STREAMS"]
        ie = IECore()
        ie.set_config({k: "2" for k in KEYS}, "CPU")
        for key in KEYS:
            ie.set_config({key: "2"}, "CPU")
        """
    assert fix(setting).text == textwrap.dedent(setting)
    assert [d.row for d in lint(setting) if "the key comes from a list" in d.message] == [5, 7]


def test_a_class_tested_with_isinstance_becomes_its_twin():
    source = """\
        from openvino.inference_engine import IECore, IENetwork

        net = IECore().read_network("m.xml")
        print(isinstance(net, IENetwork), isinstance(net, (IENetwork, str)))
        """
    assert fix(source).text.endswith("print(isinstance(net, ov.Model), isinstance(net, (ov.Model, str)))\n")


def test_a_class_another_module_subclasses_holds_its_part_back(tmp_path):
    """A base class keeping API 1.0 objects in attributes, subclassed in another module of the
    program that uses them (`self.exec_net.infer(...)`) and need not mention OpenVINO: migrated
    alone, the subclass would get API 2.0 objects (two public Udacity projects). A program's
    modules are those of its repository around the file: `common/` beside the program's folder too."""
    base = textwrap.dedent("""\
        from openvino.inference_engine import IECore


        class ModelBase:
            def load(self, path):
                self.exec_net = IECore().load_network(path, "CPU")
        """)
    (tmp_path / ".git").mkdir()
    (tmp_path / "common").mkdir()
    (tmp_path / "pointer").mkdir()
    (tmp_path / "pointer" / "gaze.py").write_text(
        "from common.model_base import ModelBase\n\n\nclass Gaze(ModelBase):\n"
        "    def predict(self, x):\n        return self.exec_net.infer({'x': x})\n")
    path = str(tmp_path / "common" / "model_base.py")
    held = [d for d in lint(base, path=path) if "subclasses it" in d.message]
    assert [(d.code, d.row) for d in held] == [("OV101", 4)] and "`../pointer/gaze.py`" in held[0].message
    assert fix_text(path, named("python"), base, FAMILY, versions.NEWEST, True, SourceText(base).encode).text == base
    # the base imported under another name, its objects kept through a tuple assignment
    (tmp_path / "pointer" / "gaze.py").write_text(
        "from common.model_base import ModelBase as Base\n\n\nclass Gaze(Base):\n    pass\n")
    _forget_programs()  # the modules around are read once per process
    paired = base.replace('self.exec_net = IECore().load_network(path, "CPU")',
                          'self.exec_net, self.path = IECore().load_network(path, "CPU"), path')
    assert [d.row for d in lint(paired, path=path) if "subclasses it" in d.message] == [4]
    # a class of that name in a module that does not name this one is another class
    (tmp_path / "pointer" / "gaze.py").write_text("class Gaze(ModelBase):\n    pass\n")
    _forget_programs()
    assert not any("subclasses it" in d.message for d in lint(base, path=path))


def test_a_class_deriving_from_a_legacy_class_of_another_module_holds_its_part_back(ovlint, tmp_path):
    """The other direction (review: a Udacity pointer controller): the subclass module's own API 1.0
    code was migrated while the base class's module, held for it, kept using the objects the
    subclass makes as API 1.0 (`self.ie.query_network`); the program then failed on both releases.
    Both wait now; once the base module uses no API 1.0, the subclass is migrated."""
    base = ("from openvino.inference_engine import IECore\n\n\nclass Model:\n    def __init__(self, xml):\n"
            "        self.xml = xml\n        self.load_model()\n        self.ie.query_network(self.net, 'CPU')\n\n"
            "    def load_model(self):\n        self.ie = IECore()\n        self.net = self.ie.read_network(self.xml)\n")
    derived = ("from openvino.inference_engine import IECore\nfrom base_model import Model\n\n\nclass Classifier(Model):\n"
               "    def load_model(self):\n        self.ie = IECore()\n        self.net = self.ie.read_network(self.xml)\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / "base_model.py").write_text(base)
    (tmp_path / "classifier.py").write_text(derived)
    _, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (tmp_path / "base_model.py").read_text() == base and (tmp_path / "classifier.py").read_text() == derived
    assert "classifier.py:5:7: OV101 `Classifier` derives from `Model` of `base_model`, which still uses API 1.0" in out
    # imported relatively from a package, and a base reading API 1.0 attributes it names no import for
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "base_model.py").write_text("class Model:\n    def supported(self):\n"
                                                    "        return self.ie.query_network(self.net, 'CPU')\n")
    (tmp_path / "pkg" / "classifier.py").write_text(derived.replace("from base_model", "from .base_model"))
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "pkg")
    assert "pkg/classifier.py:5:7: OV101 `Classifier` derives from `Model`" in out
    # a base of no OpenVINO whose names only look alike (`self.requests = queue.Queue()`)
    (tmp_path / "pkg" / "base_model.py").write_text("import queue\n\n\nclass Model:\n    def __init__(self):\n"
                                                    "        self.requests = queue.Queue()\n")
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "pkg")
    assert "derives from" not in out
    # migrated, its old name in a comment
    (tmp_path / "base_model.py").write_text("# was openvino.inference_engine\nclass Model:\n"
                                            "    def __init__(self, xml):\n        self.load_model()\n")
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "classifier.py")
    assert (tmp_path / "classifier.py").read_text().startswith("import openvino as ov\n")


def test_outside_a_repository_the_program_is_what_ovlint_runs_in(tmp_path, monkeypatch):
    """A project unpacked from an archive has no `.git`: its modules are found within the folder
    ovlint runs in (or, in a folder of projects, within the project), up to two folders above the
    file's, as in a repository; run from elsewhere, only the file's own folder is read."""
    base = ("from openvino.inference_engine import IECore\n\n\nclass Model:\n"
            "    def __init__(self, path):\n        self.exec_net = IECore().load_network(path, 'CPU')\n")
    (tmp_path / "project" / "models").mkdir(parents=True)
    (tmp_path / "project" / "app.py").write_text(
        "from models.base import Model\n\n\nclass Pair(Model):\n"
        "    def run(self, x):\n        return self.exec_net.infer({'x': x})\n")
    # another project beside it, in a folder that holds projects (and a scratch script): no program
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "main.py").write_text("from models.base import Model\n\n\nclass Mine(Model):\n    pass\n")
    (tmp_path / "scratch.py").write_text("print(1)\n")
    for project in ("project", "other"):
        (tmp_path / project / "requirements.txt").write_text("numpy\n")
    path = str(tmp_path / "project" / "models" / "base.py")
    for cwd, held in ((tmp_path / "project", [4]), (tmp_path, [4]), (tmp_path / "project" / "models", [])):
        monkeypatch.chdir(cwd)
        _forget_programs()
        found = [d for d in lint(base, path=path) if "subclasses it" in d.message]
        assert [d.row for d in found] == held and not any("other" in d.message for d in found)


def test_objects_another_module_takes_from_this_one_and_reads_as_api_1_hold_its_part_back(tmp_path, monkeypatch):
    """`net, exec_net = load(path)` or `Detector().net.input_info` in a module that may not mention
    OpenVINO: migrated alone, this module would hand it API 2.0 objects, which it reads as API 1.0."""
    source = textwrap.dedent("""\
        from openvino.inference_engine import IECore

        ie = IECore()


        def load(xml):
            net = ie.read_network(xml)
            return net, ie.load_network(net, "CPU", num_requests=2)


        class Detector:
            def __init__(self, xml):
                self.net = ie.read_network(xml)
        """)
    path = str(tmp_path / "loader.py")
    (tmp_path / "main.py").write_text("from loader import load, Detector\n\nnet, exec_net = load('m.xml')\n"
                                      "print(exec_net.requests[1], Detector('m.xml'))\n")
    _forget_programs()  # the modules around are read once per process
    held = [(d.row, d.message.split(",")[0]) for d in lint(source, path=path) if "imports it" in d.message]
    assert held == [(6, "`load` returns an API 1.0 `IENetwork`"), (11, "`Detector` keeps API 1.0 objects (`self.net`)")]
    # what a method hands out without keeping it
    reader = source.replace("self.net = ie.read_network(xml)", "pass\n\n    def read(self, xml):\n"
                                                                   "        return ie.read_network(xml)")
    (tmp_path / "main.py").write_text("from loader import Detector\n\nprint(Detector('m.xml').read('m.xml').input_info)\n")
    _forget_programs()
    assert [(d.row, d.message.split(",")[0]) for d in lint(reader, path=path) if "imports it" in d.message] == \
        [(15, "`Detector.read` returns an API 1.0 `IENetwork`")]
    # a module that only calls what it imports is no reader of API 1.0 objects
    (tmp_path / "main.py").write_text("import loader\n\nprint(loader.load('m.xml'), loader.ie)\n")
    _forget_programs()
    assert not any("imports it" in d.message for d in lint(source, path=path))
    (tmp_path / "main.py").write_text("import loader\n\nprint(loader.ie.read_network('m.xml').input_info)\n")
    _forget_programs()
    assert [d.row for d in lint(source, path=path) if "imports it" in d.message] == [3, 6, 11]
    # a notebook imports the program's modules too
    (tmp_path / "main.py").unlink()
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": ["from loader import Detector\n", "print(Detector('m.xml').net.input_info)\n"]}]
    (tmp_path / "demo.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    _forget_programs()
    assert [d.row for d in lint(source, path=path) if "`demo.ipynb` imports it" in d.message] == [11]
    # a program of more modules than are read: those read count
    (tmp_path / "other.py").write_text("x = 1\n")
    monkeypatch.setattr(depends, "MAX_MODULES", 1)
    _forget_programs()
    assert all(d.code != "OV004" for d in lint(source, path=path))
    _forget_programs()



def test_attributes_of_what_an_importer_binds_from_this_module_hold_its_part_back(tmp_path):
    """`exec_net, blob = load_to_IE(xml)` in a module that then calls `exec_net.infer(...)` or
    `exec_net.start_async(request_id=0, ...)`, names API 2.0 objects have too, in functions it hands
    `exec_net` to: every attribute of an API 1.0 object is API 1.0's, so the loader waits."""
    source = textwrap.dedent("""\
        from openvino.inference_engine import IECore


        def load_to_IE(model_xml):
            ie = IECore()
            net = ie.read_network(model=model_xml, weights=model_xml[:-4] + ".bin")
            return ie.load_network(net, "CPU"), next(iter(net.input_info))
        """)
    path = str(tmp_path / "helpers.py")
    for main, held in (
            ("def sync(exec_net, blob, image):\n    return exec_net.infer(inputs={blob: image})\n\n\n"
             "exec_net, blob = load_to_IE('m.xml')\nsync(exec_net, blob, 1)\n", [4]),
            ("exec_net, blob = helpers.load_to_IE('m.xml')\nexec_net.start_async(request_id=0, inputs={blob: 1})\n", [4]),
            ("(exec_net, blob) = load('m.xml')\nprint(exec_net.outputs)\n", [4]),
            ("exec_net, blob = load_to_IE('m.xml')\nprint(type(exec_net), blob)\n", []),
            ("print(load_to_IE('m.xml'))\n", [])):
        imports = "import helpers\nfrom helpers import load_to_IE, load_to_IE as load\n\n"
        (tmp_path / "main.py").write_text(imports + main)
        _forget_programs()
        assert [d.row for d in lint(source, path=path) if "`main.py` imports it" in d.message] == held, main


def test_a_module_importing_its_own_sibling_of_the_same_name_holds_nothing_here(tmp_path):
    """`newui/app.py` imports `newui/inference.py`, not `test/inference.py`: Python looks in a
    script's folder first."""
    source = "from openvino.inference_engine import IECore\n\n\ndef load():\n    return IECore().load_network('m.xml', 'CPU')\n"
    (tmp_path / ".git").mkdir()  # one program: the repository
    for folder in ("test", "newui"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "inference.py").write_text(source)
    (tmp_path / "newui" / "app.py").write_text("from inference import load\n\nprint(load().infer({'x': 1}))\n")
    (tmp_path / "report.py").write_text("from test.inference import load\n\nprint(load().requests)\n")
    _forget_programs()
    (found,) = [d.message for d in lint(source, path=str(tmp_path / "test" / "inference.py")) if "imports it" in d.message]
    assert "`../report.py` imports it" in found and "app.py" not in found
    _forget_programs()
    (found,) = [d.message for d in lint(source, path=str(tmp_path / "newui" / "inference.py")) if "API 1.0 attributes" in d.message]
    assert "`app.py`" in found  # and `report.py`, whose import with a package may name either

def test_an_object_handed_to_another_modules_code_holds_its_part_back(tmp_path):
    """`NewAsyncPipeline(ie, ...)` from the program's own `async_pipeline` (a file beside it):
    ovlint does not follow the core there, where it may still be used as API 1.0
    (`ie.load_network`), so the part waits; the standard library, installed libraries and the
    module's own functions are followed or not the program's to migrate."""
    (tmp_path / "async_pipeline.py").write_text("def NewAsyncPipeline(ie, path):\n    return ie.load_network(path, 'CPU')\n")
    source = textwrap.dedent("""\
        import logging

        import numpy as np
        from async_pipeline import NewAsyncPipeline
        from openvino.inference_engine import IECore

        ie = IECore()
        pipeline = NewAsyncPipeline(ie, "m.xml")
        logging.info("core %s", ie)
        np.copy(ie)
        """)
    path = str(tmp_path / "app.py")
    handed = [d for d in lint(source, path=path) if "is handed to" in d.message]
    assert [(d.code, d.row) for d in handed] == [("OV101", 8)] and "`async_pipeline`" in handed[0].message
    # that module names no OpenVINO module: ovlint reports nothing there, so it is to be migrated by hand
    assert "`async_pipeline` too (by hand: it names no OpenVINO module" in handed[0].message
    core = next(d for d in lint(source, path=path) if d.code == "OV102" and d.row == 7)
    assert core.message.endswith("(not migrated yet: this part of the module also uses `ie` at line 8, which is left as it is: its finding says why)")
    direct = source.replace('ie = IECore()\npipeline = NewAsyncPipeline(ie, "m.xml")', 'pipeline = NewAsyncPipeline(IECore(), "m.xml")')
    core = next(d for d in lint(direct, path=path) if d.code == "OV102")
    assert core.message.endswith("(not migrated yet: the OV101 finding at line 7, on this code, says why)")
    assert fix_text(path, named("python"), source, FAMILY, versions.NEWEST, True, SourceText(source).encode).text == source
    assert not any("is handed to" in d.message for d in lint(source, path="/nonexistent-ovlint-folder/app.py"))
    # a module of API 2.0 (written so, or migrated by the same run) takes API 2.0 objects
    (tmp_path / "async_pipeline.py").write_text("import openvino as ov\n\n\ndef NewAsyncPipeline(ie, path):\n"
                                                "    return ie.compile_model(path, 'CPU')\n")
    assert not any("is handed to" in d.message for d in lint(source, path=path))
    # ... not one that only mentions OpenVINO (a link in a comment) and uses API 1.0 attributes
    (tmp_path / "async_pipeline.py").write_text("# https://docs.openvino.ai/\ndef NewAsyncPipeline(ie, path):\n"
                                                "    return ie.load_network(path, 'CPU').requests\n")
    assert any("is handed to" in d.message for d in lint(source, path=path))
    (tmp_path / "async_pipeline.py").write_text("def NewAsyncPipeline(ie, path):\n    return ie.load_network(path, 'CPU')\n")
    # handed on with the function that gets it, or as an item
    deferred = textwrap.dedent("""\
        import threading
        from functools import partial

        from async_pipeline import NewAsyncPipeline
        from openvino.inference_engine import IECore

        ie = IECore()
        exec_net = ie.load_network("m.xml", "CPU")
        run = partial(NewAsyncPipeline, ie)
        threading.Thread(target=NewAsyncPipeline, args=(exec_net.requests[0],)).start()
        """)
    assert [d.row for d in lint(deferred, path=path) if "is handed to" in d.message] == [9, 10]
    asyncio = deferred.replace("run = partial(NewAsyncPipeline, ie)", "run = asyncio.to_thread(NewAsyncPipeline, ie)")
    assert [d.row for d in lint("import asyncio\n" + asyncio, path=path) if "is handed to" in d.message] == [10, 11]
    # a constant of a module of the program beside the object is no function it is handed to
    (tmp_path / "settings.py").write_text('DEVICE = "CPU"\nCONFIG = {}\n')
    beside = ("import settings\nfrom openvino.inference_engine import IECore\nfrom settings import DEVICE\n\nie = IECore()\n"
              'net = ie.read_network("m.xml")\nfirst = ie.load_network(net, settings.DEVICE, config=settings.CONFIG)\n'
              "second = ie.load_network(net, DEVICE)\n")
    assert not any("is handed to" in d.message for d in lint(beside, path=path))


def test_a_config_whose_keys_are_not_written_where_it_is_set_says_where_to_rename_them():
    """`set_config(cfg, device)` with `cfg` read from a YAML file: API 2.0 rejects its API 1.0 keys at
    `compile_model`, which the finding says; a dict written in the module needs no such note."""
    source = ("import yaml\nfrom openvino.inference_engine import IECore\n\nie = IECore()\n"
              "for cfg in yaml.safe_load(open('cpu.yml'))['plugin_config']:\n    ie.set_config(cfg, 'CPU')\n"
              "written = {'CPU_THREADS_NUM': '2'}\nie.set_config(written, 'CPU')\n")
    found = {d.row: d.message for d in lint(source) if "set_property(device, config)" in d.message}
    assert "the keys of `cfg` are not written here" in found[6] and "`CPU_THROUGHPUT_STREAMS` is `NUM_STREAMS`" in found[6]
    assert "not written here" not in found[8]


def test_a_name_rebound_just_before_its_use_holds_what_it_was_rebound_to(tmp_path):
    """`blob = blob.buffer.reshape(...)` right before `parse(blob)` hands on an array, not the
    blob; where another assignment may come round (later in a loop) the blob may still be there."""
    (tmp_path / "utils.py").write_text("def parse(values):\n    return values\n")
    source = textwrap.dedent("""\
        from openvino.inference_engine import IECore
        from utils import parse

        ie = IECore()
        exec_net = ie.load_network(ie.read_network("m.xml"), "CPU")


        def run(name):
            blob = exec_net.requests[0].output_blobs[name]
            blob = blob.buffer.reshape(1, -1)
            return parse(blob)
        """)
    path = str(tmp_path / "app.py")
    assert not any("is handed to" in d.message for d in lint(source, path=path))
    looped = source.replace("    blob = blob.buffer.reshape(1, -1)\n    return parse(blob)\n",
                            "    for _ in range(2):\n        parse(blob)\n        blob = blob.buffer.reshape(1, -1)\n")
    assert [d.row for d in lint(looped, path=path) if "is handed to" in d.message] == [11]


def test_a_module_found_through_a_folder_added_to_sys_path_is_the_programs(tmp_path):
    """`sys.path.append("retinaface")`, then `from detector import Detector`: the folder it adds is
    not followed, so `detector.py` anywhere in the program's tree is the module imported, and a
    core handed to it holds the part back; without `sys.path` it is another package's."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "retinaface").mkdir()
    (tmp_path / "retinaface" / "detector.py").write_text("class Detector:\n    def __init__(self, ie, xml):\n"
                                                         "        self.net = ie.read_network(xml)\n")
    source = ('import os\nos.sys.path.append("retinaface")\nfrom detector import Detector\n'
              'from openvino.inference_engine import IECore\n\nie = IECore()\ndetector = Detector(ie, "m.xml")\n')
    path = str(tmp_path / "app.py")
    (tmp_path / "app.py").write_text(source)
    handed = [d for d in lint(source, path=path) if "is handed to" in d.message]
    assert [(d.code, d.row) for d in handed] == [("OV101", 7)] and "from `detector`" in handed[0].message
    assert fix_text(path, named("python"), source, FAMILY, versions.NEWEST, True, SourceText(source).encode).text == source
    unchanged = source.replace('import os\nos.sys.path.append("retinaface")\n', "")
    (tmp_path / "app.py").write_text(unchanged)
    assert not any("is handed to" in d.message for d in lint(unchanged, path=path))
    # a folder it does not spell out may be anywhere (a model's own code, downloaded)
    computed = source.replace('os.sys.path.append("retinaface")', "os.sys.path.insert(0, str(model_dir))")
    (tmp_path / "app.py").write_text(computed)
    assert not any("is handed to" in d.message for d in lint(computed, path=path))


def test_an_argument_in_parentheses_is_deleted_whole():
    source = ("from openvino.inference_engine import Blob, TensorDesc\n\n"
              "blob = Blob(TensorDesc('FP32', [1, 4], 'NC'), (frame))\n")
    assert fix(source).text == "import openvino as ov\n\nblob = ov.Tensor((frame))\n"


def test_an_unused_import_that_tells_whether_api_1_is_installed_is_kept():
    source = """\
        try:
            from openvino.inference_engine import IECore  # noqa: F401
            LEGACY_API = True
        except ImportError:
            LEGACY_API = False
        """
    (diag,) = lint(source)
    assert diag.code == "OV101" and diag.fix is None and "(kept: it is in a `try`" in diag.message
    assert fix(source).text == textwrap.dedent(source)
    # one nothing guards goes as before
    assert fix("from openvino.inference_engine import IECore\nimport os\n").text == "import os\n"


def test_an_import_probe_nested_in_its_try_or_on_the_try_line_is_kept():
    nested = "try:\n    if True:\n        from openvino.inference_engine import IECore\n    OK = True\nexcept ImportError:\n    OK = False\n"
    one_line = "try: from openvino.inference_engine import IECore\nexcept ImportError: IECore = None\n"
    for source in (nested, one_line):
        assert fix(source).text == source


def test_a_module_a_notebook_writes_and_its_own_cells_read_holds_its_part(tmp_path):
    cells = [["%%writefile net_utils.py\n", "from openvino.inference_engine import IECore\n\n\n", "class Net:\n",
              "    def __init__(self, xml):\n", "        self.net = IECore().read_network(xml)\n"],
             ["from net_utils import Net\n", "print(Net('m.xml').net.input_info)\n"]]
    notebook = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                      "source": c} for c in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    path = tmp_path / "demo.ipynb"
    path.write_text(notebook)
    _forget_programs()
    held = [d for d in lint_text(str(path), named("notebook"), notebook, FAMILY, versions.NEWEST).diagnostics
            if "the notebook's other cells import it" in d.message]
    assert [(d.cell, d.row) for d in held] == [(0, 5)]


def test_an_object_handed_to_a_module_the_notebook_writes_holds_its_part(tmp_path):
    """`%%writefile ov_helper.py` makes a module of the program before any file of that name exists:
    handing it the core holds the notebook's part, as a module beside would."""
    cells = [["%%writefile ov_helper.py\n", "def load(ie, xml):\n", "    return ie.load_network(ie.read_network(xml), 'CPU')\n"],
             ["from openvino.inference_engine import IECore\n", "import ov_helper\n", "ie = IECore()\n",
              "exec_net = ov_helper.load(ie, 'm.xml')\n"]]
    notebook = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                      "source": c} for c in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    path = tmp_path / "demo.ipynb"
    path.write_text(notebook)
    _forget_programs()
    outcome = fix_text(str(path), named("notebook"), notebook, FAMILY, versions.NEWEST, True, SourceText(notebook).encode)
    assert outcome.text == notebook
    assert any("is handed to `ov_helper.load` from `ov_helper`" in d.message for d in outcome.diagnostics)
    # what holds the part back is named by its cell and line, not by a line of the joined code
    assert any(d.message.endswith("also uses `ie` at cell 2, line 4, which is left as it is: its finding says why)")
               for d in outcome.diagnostics)


def test_a_notebook_beside_that_cannot_be_read_leaves_the_module_linted(tmp_path):
    (tmp_path / "bad.ipynb").write_text("[" * 100000)
    (tmp_path / "empty.ipynb").write_text("\ufeff{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"x\"}]}")
    source = "from openvino.inference_engine import IECore\n\n\ndef load():\n    return IECore()\n"
    _forget_programs()
    assert [d.code for d in lint(source, path=str(tmp_path / "mod.py"))] == ["OV101", "OV102"]


def test_property_calls_lose_the_keywords_api_1_named_their_arguments():
    """API 2.0 names `get_property`'s and `query_model`'s parameters otherwise (and differently from
    release to release): the keywords go where the arguments come in order; out of order, the call
    is reported for a person to pass them by position."""
    outcome = fix("""\
        from openvino.inference_engine import IECore
        ie = IECore()
        net = ie.read_network("m.xml")
        caps = ie.get_metric(device_name="CPU", metric_name="OPTIMIZATION_CAPABILITIES")
        layers = ie.query_network(network=net, device_name="CPU", config={})
        exec_net = ie.load_network(net, "CPU")
        name = exec_net.get_metric(metric_name="NETWORK_NAME")
        """)
    assert 'caps = ie.get_property("CPU", "OPTIMIZATION_CAPABILITIES")' in outcome.text
    assert 'layers = ie.query_model(net, "CPU", {})' in outcome.text
    assert 'name = exec_net.get_property("NETWORK_NAME")' in outcome.text
    messages = [d.message for d in lint('from openvino.inference_engine import IECore\n'
                                        'name = IECore().get_metric(metric_name="FULL_DEVICE_NAME", device_name="CPU")\n')]
    assert any("its arguments are named out of order: pass them by position" in m for m in messages)


def test_a_legacy_import_another_module_takes_every_name_of_stays(tmp_path):
    """`from detector import *` in another module may use `IECore` bound here: removing the import
    as unused here would break that module, which ovlint does not look at (it spells no `openvino`)."""
    source = "from openvino.inference_engine import IECore, IENetwork\n\n\nclass Base:\n    pass\n"
    path = tmp_path / "detector.py"
    path.write_text(source)
    (tmp_path / "app.py").write_text("from detector import *\n\nie = IECore()\n")
    _forget_programs()
    outcome = fix_text(str(path), named("python"), source, FAMILY, versions.NEWEST, False, SourceText(source).encode)
    assert outcome.text == source
    assert ["`app.py` imports every name of this module and spells `IECore`" in d.message
            for d in outcome.diagnostics] == [True]
    (tmp_path / "app.py").write_text('from detector import *\n\n"""Uses no IECore."""\nbase = Base()  # nor here: IECore\n')
    # a name imported from it that is the module's own name is no star import
    (tmp_path / "other.py").write_text("from detector import detector\nfrom openvino.inference_engine import IECore\nIECore()\n")
    _forget_programs()
    outcome = fix_text(str(path), named("python"), source, FAMILY, versions.NEWEST, False, SourceText(source).encode)
    assert outcome.text == "\n\nclass Base:\n    pass\n"
    _forget_programs()


def test_a_list_of_places_filled_later_carries_its_objects_to_a_thread():
    """`exec_nets = [None] * n`, then `exec_nets[i] = ie.load_network(...)`: what the list holds
    goes with it (here to a thread's function the fix cannot migrate), as with `[]`."""
    for made in ("[None]", "[None] * 2", "2 * [None]"):
        source = f"""\
            import threading
            from openvino.inference_engine import ExecutableNetwork, IECore


            def worker(exec_net: ExecutableNetwork):
                return exec_net.get_idle_request_id()


            ie = IECore()
            exec_nets = {made}
            exec_nets[0] = ie.load_network(ie.read_network("m.xml"), "CPU")
            threading.Thread(target=worker, args=[exec_nets[0]]).start()
            """
        assert fix(source).text == textwrap.dedent(source), made


def test_a_network_handed_to_a_method_of_an_object_of_unknown_class_holds_its_part():
    """`plugin.load(network=self._net)`, `plugin` a parameter (an `IEPlugin` from the caller): the
    method may use the network as API 1.0 and returns a compiled model nothing follows, whose
    `start_async(request_id=...)` would be left behind, so the part waits; a module's function, a
    list's `append` and the object's own methods are not such calls."""
    source = """\
        import logging
        from openvino.inference_engine import IENetwork


        class Processor:
            def __init__(self, graph, plugin=None):
                self._net = IENetwork(model=graph + ".xml", weights=graph + ".bin")
                self._exec_net = plugin.load(network=self._net)
                logging.info("net %s", self._net)

            def infer(self, image):
                self._exec_net.start_async(request_id=0, inputs={"data": image})
        """
    handed = [d for d in lint(source) if "whose class ovlint cannot tell" in d.message]
    assert [(d.code, d.row) for d in handed] == [("OV101", 8)]
    assert fix(source).text == textwrap.dedent(source)
    known = source.replace("plugin.load(network=self._net)", "self.load(self._net)")
    assert not [d for d in lint(known) if "whose class ovlint cannot tell" in d.message]
    # a list, a dict, a string and a logger keep or show the object: they are no such methods
    for kept in ("nets.extend([self._net])", "cache.update(net=self._net)", "message.format(self._net)",
                 "logger.info('%s', self._net)"):
        other = source.replace("self._exec_net = plugin.load(network=self._net)", kept).replace(
            "import logging\n", "import logging\nlogger = logging.getLogger(__name__)\n")
        assert not [d for d in lint(other) if "whose class ovlint cannot tell" in d.message], kept
