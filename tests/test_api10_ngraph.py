"""OV108, the nGraph Python API: graph building with the top-level op functions, the graph handed
to API 1.0 through a capsule, and graph walking, as real programs use them."""
import json
import textwrap
from pathlib import Path

import pytest

from ovlint.base import versions
from ovlint.base.diagnostics import Applicability
from ovlint.base.text import SourceText
from ovlint.engine import registry
from ovlint.engine.fixer import fix_text
from ovlint.engine.linter import lint_text
from ovlint.rules.api10._ngraph import BODY_OPS
from ovlint.rules.api10._ngraph_ops import OPS
from ovlint.surfaces import named

FAMILY = [r for r in registry.all_rules() if r.code.startswith("OV1")]
INVENTORY = Path(__file__).resolve().parent.parent / "rules" / "api10" / "inventory"
PINNED = versions.Floor("2023.3", "requirements.txt:1")


def lint(source, floor=None):
    return lint_text("app.py", named("python"), textwrap.dedent(source), FAMILY, versions.NEWEST, floor).diagnostics


def fix(source, floor=None):
    source = textwrap.dedent(source)
    return fix_text("app.py", named("python"), source, FAMILY, versions.NEWEST, True, SourceText(source).encode,
                    floor).text


def messages(source, code="OV108", floor=None):
    return [d.message for d in lint(source, floor) if d.code == code]


def test_the_op_table_is_the_top_level_of_ngraph_2023_3_and_each_op_is_in_openvino_2026():
    legacy = json.loads((INVENTORY / "legacy-2023.3.json").read_text(encoding="utf-8"))
    newest = json.loads((INVENTORY / "api20-2026.4.1.json").read_text(encoding="utf-8"))
    pinned = json.loads((INVENTORY / "api20-2023.3.json").read_text(encoding="utf-8"))
    top = {name: entry["function"].split(".")[1] for name, entry in legacy["modules"]["ngraph"].items()
           if isinstance(entry, dict) and ".ops." in entry.get("function", "")}
    assert OPS == top
    for op, opset in OPS.items():
        assert op in newest["modules"][f"openvino.{opset}"] and op in pinned["modules"][f"openvino.runtime.{opset}"]
    assert set(BODY_OPS) <= set(OPS)


BUILDER = """\
    import ngraph as ng
    import numpy as np


    def build(batch):
        x = ng.parameter([batch, 6], np.float32, name="x")
        y = ng.softmax(ng.relu(ng.add(x, ng.constant(np.float32(1)))), 1, name="y")
        return ng.Function([y], [x], "net")
    """


def test_top_level_op_functions_become_the_opset_that_defines_them():
    assert fix(BUILDER) == textwrap.dedent("""\
        import openvino as ov
        import numpy as np


        def build(batch):
            x = ov.opset1.parameter([batch, 6], np.float32, name="x")
            y = ov.opset8.softmax(ov.opset1.relu(ov.opset1.add(x, ov.opset1.constant(np.float32(1)))), 1, name="y")
            return ov.Model([y], [x], "net")
        """)


def test_op_functions_imported_by_name_and_passed_around():
    source = """\
        from ngraph import Function, relu, parameter
        import numpy as np

        activation = relu
        x = parameter([1], np.float32)
        model = Function([activation(x)], [x])
        """
    assert fix(source) == textwrap.dedent("""\
        import openvino as ov
        import numpy as np

        activation = ov.opset1.relu
        x = ov.opset1.parameter([1], np.float32)
        model = ov.Model([activation(x)], [x])
        """)


def test_a_pinned_project_keeps_every_ngraph_use_until_the_pin_allows_the_opsets():
    """`openvino.opsetN` is at the top level since 2025.0, and `openvino.runtime` is gone in 2026:
    no spelling runs on both 2023.3 and 2026.4.1, so the module waits, whole, for the pin."""
    assert fix(BUILDER, PINNED) == textwrap.dedent(BUILDER)
    found = messages(BUILDER, floor=PINNED)
    # nGraph is gone from 2024.0 on: the pin goes up with the fix, not before it
    assert "raise the pin to 2025.0 or later in the same change as this fix" in found[1]
    assert "`ngraph.Function` is `openvino.Model`" in found[-1] and "migrate together" in found[-1]
    assert "needs a newer release to be rewritten" in found[-1]  # the pin holds it, not a missing rewrite


def test_impl_names_with_twins_keep_their_members():
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IECore

        def is_float(node):
            return node.get_output_element_type(0) == ng.impl.Type.f32, ng.impl.PartialShape([1, 2]).rank
        """
    assert fix(source) == textwrap.dedent("""\
        import openvino as ov

        def is_float(node):
            return node.get_output_element_type(0) == ov.Type.f32, ov.PartialShape([1, 2]).rank
        """)


def test_the_capsule_handed_to_ienetwork_becomes_the_model_with_outputs_named_as_api_1_named_them():
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IECore, IENetwork


        def main(function):
            net = IENetwork(ng.Function.to_capsule(function))
            exec_net = IECore().load_network(net, "CPU")
            return list(net.outputs), exec_net
        """
    fixed = fix(source)
    assert fixed == textwrap.dedent("""\
        import openvino as ov


        def main(function):
            net = function
            for result_node in net.get_results():  # name the outputs as IENetwork did
                producer = result_node.input_value(0)
                result_node.output(0).get_tensor().set_names({producer.get_node().get_friendly_name() + (
                    f".{producer.get_index()}" if producer.get_node().get_output_size() > 1 else "")})
            exec_net = ov.Core().compile_model(net, "CPU")
            return list(sorted(port.get_any_name() for port in net.outputs)), exec_net
        """)
    assert [d.code for d in lint(source) if d.row == 6] == ["OV108"]  # OV103 leaves this call to OV108


def test_a_graph_built_in_a_function_migrates_with_the_ienetwork_that_takes_it():
    source = """\
        import numpy as np
        import ngraph as ng
        from ngraph.impl import Function
        from openvino.inference_engine import IECore, IENetwork


        def build():
            a = ng.parameter([1, 4], dtype=np.float32, name="a")
            return Function([ng.relu(a, name="out")], [a], "tiny")


        net = IENetwork(Function.to_capsule(build()))
        exec_net = IECore().load_network(net, "CPU")
        """
    # the graph's rewrites are safe and the capsule's is not: alone, they would hand an API 2.0
    # model to API 1.0's `to_capsule`, which runs on no release
    text = textwrap.dedent(source)
    safe = fix_text("app.py", named("python"), text, FAMILY, versions.NEWEST, False, SourceText(text).encode).text
    assert safe == text
    assert all(d.fix is not None and d.fix.applicability is Applicability.UNSAFE
               for d in lint(source) if d.code == "OV108" and d.row in (8, 9))
    fixed = fix(source)
    assert "ngraph" not in fixed and "inference_engine" not in fixed and "ov.opset1.relu(a" in fixed
    assert "net = build()" in fixed and "ov.Core().compile_model(net" in fixed


def test_a_capsule_handed_on_inside_an_expression_names_the_graph_first():
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IECore, IENetwork

        exec_net = IECore().load_network(IENetwork(ng.impl.Function.to_capsule(graph)), "CPU")
        """
    assert fix(source) == textwrap.dedent("""\
        import openvino as ov

        for result_node in graph.get_results():  # name the outputs as IENetwork did
            producer = result_node.input_value(0)
            result_node.output(0).get_tensor().set_names({producer.get_node().get_friendly_name() + (
                f".{producer.get_index()}" if producer.get_node().get_output_size() > 1 else "")})
        exec_net = ov.Core().compile_model(graph, "CPU")
        """)


def test_function_to_cnn_is_the_model_and_its_result_is_a_network():
    source = """\
        import ngraph as ng

        other = ng.function_to_cnn(build(1))
        print(other.name)
        """
    fixed = fix(source)
    assert "other = build(1)\nfor result_node in other.get_results():" in fixed
    assert fixed.endswith("print(other.get_friendly_name())\n") and "ngraph" not in fixed


def test_capsules_that_cannot_be_followed_are_reported_with_a_how_to():
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IENetwork

        capsule = ng.Function.to_capsule(function)
        net = IENetwork(capsule)
        nets = [IENetwork(ng.Function.to_capsule(f)) for f in functions]
        """
    assert fix(source) == textwrap.dedent(source)
    found = messages(source)
    assert any("use the model where the network was used" in m for m in found)
    assert any("is the model `f` itself" in m and "not in a comprehension" in m for m in found)


def test_graph_walking_keeps_its_names_and_a_read_network_is_the_model():
    """`get_output_op`, `get_output_size`, `is_dynamic`, `get_data`, `get_attributes`, `inputs()` and
    `to_shape()` mean the same on an `ov.Model` of 2026.4.1 as on an nGraph Function of 2023.3."""
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        function = ng.function_from_cnn(net)
        last = function.get_output_op(0)
        print(function.get_output_size(), function.is_dynamic(),
              [list(n.get_output_partial_shape(0).to_shape()) for n in function.get_ordered_ops()],
              [n.get_attributes() for n in function.get_ordered_ops()], last.inputs()[0].get_source_output())
        """
    fixed = fix(source)
    assert fixed.splitlines()[:4] == ["import openvino as ov", "", 'net = ov.Core().read_model("m.xml")', "function = net"]
    assert fixed.splitlines()[4:] == textwrap.dedent(source).splitlines()[5:]


def test_private_node_methods_of_ngraph_become_the_public_ones():
    """nGraph's `Node` had `_get_attributes` and `_set_attribute` (OMZ's YOLO demos call them);
    `ov.Node` has only `get_attributes` and `set_attribute`. A method of the module's own keeps its name."""
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        for node in ng.function_from_cnn(net).get_ordered_ops():
            node._set_attribute("axis", 1)
            print(node._get_attributes())
        """
    assert 'node.set_attribute("axis", 1)\n    print(node.get_attributes())' in fix(source)
    own = """\
        import ngraph as ng
        from openvino.inference_engine import IECore


        class Layer:
            def _get_attributes(self):
                return {}


        def walk(layer):
            return layer._get_attributes(), ng.function_from_cnn(IECore().read_network("m.xml"))
        """
    assert "_get_attributes" not in "".join(messages(own))

def test_partial_shape_from_data_is_the_ports_partial_shape():
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        shape = ng.partial_shape_from_data(
            net.input_info["data"].input_data
        )
        out = ng.partial_shape_from_data(net.outputs["prob"])
        """
    assert fix(source) == textwrap.dedent("""\
        import openvino as ov

        net = ov.Core().read_model("m.xml")
        shape = net.input("data").get_partial_shape()
        out = net.output("prob").get_partial_shape()
        """)


def test_loops_and_ifs_built_from_bodies_have_no_rewrite():
    source = """\
        import ngraph as ng

        node = ng.loop(trip, cond, inputs, body, [], [], [], [], [], 0)
        other = ng.opset8.if_op(cond, inputs, bodies, ins, outs)
        x = ng.relu(node)
        """
    assert fix(source) == textwrap.dedent(source)
    found = messages(source)
    assert sum("is the `Loop` class" in m or "is the `If` class" in m for m in found) == 2
    assert any("`ngraph.relu` is `openvino.opset1.relu`" in m and "migrate together" in m for m in found)


def test_names_that_are_not_ngraphs_are_reported_not_guessed():
    source = """\
        try:
            import ngraph as ng
        except ImportError as error:
            ng = UnsupportedPackage("ngraph", error)

        ng.raise_error("affinity setting")
        function = ng.function_from_cnn(net)
        """
    found = messages(source)
    assert any("`ngraph.raise_error` is no name of the nGraph Python API (as of its last release)" in m for m in found)


def test_look_alikes_stay_silent():
    assert not lint("import openvino as ov\n\nm = ov.Model([ov.opset1.relu(p)], [p])\nm.get_output_op(0)\n")
    assert not lint("import ngraph\n\ngraph = ngraph.Graph()\nnode = graph.relu(1)\n")  # PyPI's ngraph
    assert not lint("class IENetwork:\n    pass\n\n\nnet = IENetwork(Function.to_capsule(f))\n")


def test_a_graph_built_inline_in_function_to_cnn_is_migrated_with_it():
    source = """\
        import numpy as np
        import ngraph as ng
        from ngraph import opset8 as opset

        data = ng.parameter([2, 3], name="data", dtype=np.float32)
        net = ng.function_to_cnn(ng.Function([opset.relu(data)], [data], "f"))
        """
    fixed = fix(source)
    assert "from openvino import opset8 as opset\n" in fixed
    assert 'net = ov.Model([opset.relu(data)], [data], "f")\n' in fixed and "ng." not in fixed


@pytest.mark.parametrize("spelling", ["import ngraph.opset4 as ops", "from ngraph import opset4 as ops"])
def test_an_op_an_opset_module_lost_holds_back_the_module_imported_under_a_name(spelling):
    source = f"import numpy as np\n{spelling}\n\nx = ops.parameter([1], np.float32)\ncell = ops.lstm_sequence\n"
    assert fix(source) == source
    assert any("`ngraph.opset4.lstm_sequence` has no counterpart" in m for m in messages(source))


def test_a_network_of_a_capsule_kept_in_a_name_is_the_model_not_a_file_to_read():
    source = """\
        import ngraph as ng
        from openvino.inference_engine import IENetwork

        caps = ng.Function.to_capsule(function)
        net = IENetwork(caps)
        """
    (diag,) = [d for d in lint(source) if d.row == 5]
    assert diag.fix is None and "is the `ov.Model` itself in API 2.0" in diag.message


def test_an_ngraph_of_the_project_or_a_word_in_a_string_is_not_intels(tmp_path):
    """Nervana's `ngraph` is a package of its own project; `'Loss Function'` is no nGraph class."""
    source = "import ngraph as ng\nimport argparse\n\nparser = argparse.ArgumentParser()\nparser.add_argument('--loss', help='Loss Function')\nng.placeholder(())\n"
    assert lint(source) == []
    (tmp_path / "ngraph").mkdir()
    (tmp_path / "ngraph" / "__init__.py").write_text("")
    app = tmp_path / "examples" / "app.py"
    app.parent.mkdir()
    own = "import ngraph as ng\n\nf = ng.Function([], [])\n"
    assert lint_text(str(app), named("python"), own, FAMILY, versions.NEWEST).diagnostics == []
    assert [d.code for d in lint(own)] == ["OV108", "OV108"]
    # a folder of C++ named so is no Python package; an alias, and a Function imported over lines, are Intel's
    (tmp_path / "ngraph" / "__init__.py").unlink()
    assert lint_text(str(app), named("python"), own, FAMILY, versions.NEWEST).diagnostics != []
    assert lint("import ngraph as ngr\n\nf = ngr.Function([], [])\n") != []
    assert lint("import ngraph as ng\nfrom ngraph.impl import (\n    Function,\n)\n\nf = Function([], [])\n") != []
    # a helper that only builds nodes: Intel's typed parameters say whose op API it is
    helper = "import numpy as np\nimport ngraph as ng\n\nx = ng.parameter([2, 5], dtype=np.float32, name='x')\ny = ng.relu(x)\n"
    assert [d.row for d in lint(helper)] == [2, 4, 5]
