"""OV202: `openvino.tools.mo.convert_model(...)` becomes `openvino.convert_model(...)`, with MO's
string syntaxes rewritten to the Python forms `ov.convert_model` reads, and the preprocessing,
transformations and FP16 compression MO applied redone on the converted model."""
import textwrap

import pytest

from ovlint.base import versions
from ovlint.base.diagnostics import Applicability
from ovlint.base.text import SourceText
from ovlint.engine import registry
from ovlint.engine.fixer import fix_text
from ovlint.engine.linter import lint_text
from ovlint.rules.model_optimizer import _syntax
from ovlint.surfaces import named

OV202 = [r for r in registry.all_rules() if r.code == "OV202"]


def lint(source, rules=OV202):
    return lint_text("app.py", named("python"), textwrap.dedent(source), rules, versions.NEWEST).diagnostics


def fix(source, unsafe=True, rules=OV202):
    source = textwrap.dedent(source)
    return fix_text("app.py", named("python"), source, rules, versions.NEWEST, unsafe, SourceText(source).encode)


def fixed(source, unsafe=True, rules=OV202) -> str:
    outcome = fix(source, unsafe, rules)
    assert not [d for d in outcome.diagnostics if d.code == "OV202"], [d.message for d in outcome.diagnostics]
    return outcome.text


def call_finding(source):
    """The finding at the call (not at the import)."""
    return next(d for d in lint(source) if d.row > 2)


MO = "from openvino.tools import mo\n\n"
OV = "import openvino as ov\n\n"


# -- arguments that map one to one: safe ------------------------------------------------------------
@pytest.mark.parametrize("call,expected", [
    ('mo.convert_model("m.onnx", input="data[1 3 10 10]")', 'ov.convert_model("m.onnx", input=("data", [1, 3, 10, 10]))'),
    ('mo.convert_model("m.onnx", input="a,b", output="x,y")', 'ov.convert_model("m.onnx", input=["a", "b"], output=["x", "y"])'),
    ('mo.convert_model("m.onnx", input="data")', 'ov.convert_model("m.onnx", input="data")'),
    ('mo.convert_model("m.onnx", input="data[1,3,1..10,?]{f32}")',
     'ov.convert_model("m.onnx", input=("data", ov.PartialShape("[1,3,1..10,?]"), ov.Type.f32))'),
    ('mo.convert_model("m.onnx", input=["a[1,3]", "b"])', 'ov.convert_model("m.onnx", input=[("a", [1, 3]), "b"])'),
    ('mo.convert_model("m.onnx", input=["a", "b"], input_shape="[1,3],[2,4]")',
     'ov.convert_model("m.onnx", input=[("a", [1, 3]), ("b", [2, 4])])'),
    ('mo.convert_model("m.onnx", input="data", input_shape=[1, 3, 8, 8])', 'ov.convert_model("m.onnx", input=("data", [1, 3, 8, 8]))'),
    ('mo.convert_model("m.onnx", input_shape="[1,3,224,224]")', 'ov.convert_model("m.onnx", input=[1, 3, 224, 224])'),
    ('mo.convert_model("m.onnx", input_shape=[[1, 3], [2, 4]])', 'ov.convert_model("m.onnx", input=[[1, 3], [2, 4]])'),
    ('mo.convert_model("m.onnx", False, "onnx")', 'ov.convert_model("m.onnx")'),
    ('mo.convert_model("m.onnx", reverse_input_channels=False, mean_values=(), compress_to_fp16=False, silent=True)',
     'ov.convert_model("m.onnx")'),
    ('mo.convert_model(input_model="m.onnx", extensions="ext.so", log_level="DEBUG")',
     'ov.convert_model(input_model="m.onnx", extension="ext.so")'),
    ('mo.convert_model(saved_model_dir="saved")', 'ov.convert_model(input_model="saved")'),
])
def test_arguments_that_map_are_rewritten_safely(call, expected):
    source = f"{MO}model = {call}\n"
    (finding,) = [d for d in lint(source) if d.row == 3]
    assert finding.fix.applicability is Applicability.SAFE
    assert fixed(source, unsafe=False) == f"{OV}model = {expected}\n"


def test_a_tuple_value_keeps_its_parentheses():
    """A tuple's parentheses are its own: the argument dropped after it does not take them, and a
    tuple of means stays one value."""
    for option in ("compress_to_fp16=True", "reverse_input_channels=True", "mean_values=[1, 2, 3]"):
        text = fixed(f"{MO}model = mo.convert_model(\"m.onnx\", input_shape=(1, 3, 8, 8), {option})\n")
        assert 'ov.convert_model("m.onnx", input=(1, 3, 8, 8))' in text
    text = fixed(f"{MO}model = mo.convert_model(\"m.onnx\", input_shape=[1, 3, 8, 8], mean_values=(1, 2, 3))\n")
    assert ".mean((1, 2, 3))" in text


def test_means_of_an_input_named_like_a_port_say_mo_may_have_dropped_them():
    """MO read `input:0` as port 0 of node `input` and set no mean on the input so named."""
    source = (f"{MO}model = mo.convert_model(\"m.onnx\", input=[\"input:0\"], input_shape=[1, 3, 8, 8], "
              "mean_values={\"input:0\": [1, 2, 3]})\n")
    assert "MO may have read `input:0` as a port of node `input`" in call_finding(source).message


def test_input_cut_info_and_its_import_go():
    source = """\
        from openvino.tools.mo import convert_model, InputCutInfo

        model = convert_model("m.onnx", input=[InputCutInfo("data", [1, 3, 224, 224], None, None), "info"])
        """
    assert fixed(source) == ('from openvino import convert_model\n\n'
                             'model = convert_model("m.onnx", input=[("data", [1, 3, 224, 224]), "info"])\n')


def test_a_list_bound_to_a_name_is_copied_into_the_call_not_edited_where_it_is_bound():
    source = f'{MO}INPUTS = ["data[1,3]", "info"]\nmodel = mo.convert_model("m.onnx", input=INPUTS)\nprint(INPUTS)\n'
    assert fixed(source) == (f'{OV}INPUTS = ["data[1,3]", "info"]\n'
                             'model = ov.convert_model("m.onnx", input=[("data", [1, 3]), INPUTS[1]])\nprint(INPUTS)\n')


# -- preprocessing: a PrePostProcessor in MO's order --------------------------------------------------
def test_preprocessing_is_built_in_mos_order_after_the_call():
    source = f"""\
        {MO.strip()}

        MEAN = [10.0, 20.0, 30.0]


        def export(path):
            model = mo.convert_model(path, scale_values={{"data": [2.0, 4.0, 8.0]}}, mean_values={{"data": MEAN}},
                                     reverse_input_channels=True, layout="data(nhwc->nchw)", input="data[1 8 8 3]")
            return model
        """
    out = fixed(source)
    assert out == textwrap.dedent("""\
        import openvino as ov

        MEAN = [10.0, 20.0, 30.0]


        def export(path):
            model = ov.convert_model(path, input=("data", [1, 8, 8, 3]))
            ppp = ov.preprocess.PrePostProcessor(model)
            ppp.input("data").model().set_layout(ov.Layout("nhwc"))
            ppp.input("data").tensor().set_layout(ov.Layout("nchw"))
            ppp.input("data").preprocess().reverse_channels().mean(MEAN).scale([2.0, 4.0, 8.0])
            model = ppp.build()
            return model
        """)
    finding = call_finding(source)
    assert finding.fix.applicability is Applicability.UNSAFE
    assert "tensor name" in finding.message


def test_values_in_mos_string_syntax():
    source = f'{MO}model = mo.convert_model("m.onnx", layout="nchw", mean_values="[127.5,127.5,127.5]", scale=255)\n'
    assert fixed(source) == (f"{OV}model = ov.convert_model(\"m.onnx\")\n"
                             "ppp = ov.preprocess.PrePostProcessor(model)\n"
                             "ppp.input().model().set_layout(ov.Layout(\"nchw\"))\n"
                             "ppp.input().preprocess().mean([127.5, 127.5, 127.5]).scale(255)\n"
                             "model = ppp.build()\n")


def test_scale_is_for_every_input_unless_an_unnamed_setting_says_there_is_one():
    source = f'{MO}model = mo.convert_model("m.onnx", scale=255, mean_values={{"a": [1.0], "b": [2.0]}})\n'
    assert fixed(source) == (f"{OV}model = ov.convert_model(\"m.onnx\")\n"
                             "ppp = ov.preprocess.PrePostProcessor(model)\n"
                             "ppp.input(\"a\").preprocess().mean([1.0])\n"
                             "ppp.input(\"b\").preprocess().mean([2.0])\n"
                             "for index in range(len(model.inputs)):\n"
                             "    ppp.input(index).preprocess().scale(255)\n"
                             "model = ppp.build()\n")
    source = f'{MO}model = mo.convert_model("m.onnx", scale=255, mean_values=[1.0])\n'
    assert "ppp.input().preprocess().mean([1.0]).scale(255)\n" in fixed(source)


def test_a_dict_bound_to_a_name_is_read_through_subscripts():
    source = f'{MO}MEAN = {{"data": [1, 2, 3]}}\nmodel = mo.convert_model("m.onnx", mean_values=MEAN, layout="nchw")\n'
    assert 'ppp.input("data").preprocess().mean(MEAN["data"])\n' in fixed(source)


@pytest.mark.parametrize("shape,layout", [("[1, 3, 224, 224]", "?C??"), ("[1, 224, 224, 3]", "???C"),
                                          ("[3, 8, 8]", "C??")])
def test_the_channels_mo_guessed_from_the_shape(shape, layout):
    source = f"{MO}model = mo.convert_model(\"m.onnx\", input_shape={shape}, mean_values=[1, 2, 3])\n"
    out = fixed(source)
    assert f'ppp.input().model().set_layout(ov.Layout("{layout}"))\nppp.input().preprocess().mean([1, 2, 3])\n' in out
    assert "the input keeps the layout MO guessed" in call_finding(source).message


@pytest.mark.parametrize("arguments,wanted", [
    ("mean_values=[1, 2, 3]", "`mean_values` → the input's layout, which MO guessed from a dimension of 3"),
    ("reverse_input_channels=True", "`reverse_input_channels` → the input's layout"),
    ("mean_values=[1, 2, 3], input_shape=[1, 3, 3, 3]", "MO fails here"),
    ("mean_values=[1, 2, 3, 4], input_shape=[1, 4, 8, 8]", "`mean_values` → the input's layout"),
    ("scale=2, scale_values=[1, 2, 3], layout='nchw'", "`scale` → one of `scale` and `scale_values`"),
    ("mean_values=[[1, 2, 3], [4, 5, 6]]", "in the order of their first value"),
    ("scale='255'", "MO failed on a string"),
    ("mean_values=values()", "`mean_values` → `ppp.input(name).preprocess().mean([...])`"),
])
def test_what_mo_read_from_the_model_is_reported_with_the_code_to_write(arguments, wanted):
    source = f"{MO}model = mo.convert_model(\"m.onnx\", {arguments})\n"
    finding = call_finding(source)
    assert finding.fix is None and wanted in finding.message, finding.message


def test_a_reversal_that_depends_on_a_flag():
    source = f"{MO}def convert(path, bgr):\n    return mo.convert_model(path, input_shape=[1, 3, 8, 8], reverse_input_channels=bgr)\n"
    assert fixed(source) == (f"{OV}def convert(path, bgr):\n"
                             "    model = ov.convert_model(path, input=[1, 3, 8, 8])\n"
                             "    ppp = ov.preprocess.PrePostProcessor(model)\n"
                             "    if bgr:\n"
                             "        ppp.input().model().set_layout(ov.Layout(\"?C??\"))\n"
                             "        ppp.input().preprocess().reverse_channels()\n"
                             "    model = ppp.build()\n"
                             "    return model\n")


def test_a_layout_for_a_name_that_input_does_not_list_is_an_outputs():
    source = f'{MO}model = mo.convert_model("m.onnx", input="data", layout="data(nchw),scores(nc)")\n'
    out = fixed(source)
    assert ('ppp.input("data").model().set_layout(ov.Layout("nchw"))\n'
            'ppp.output("scores").model().set_layout(ov.Layout("nc"))\n') in out


def test_layout_objects():
    source = ("from openvino.runtime import Layout\nfrom openvino.tools.mo import convert_model, LayoutMap\n\n"
              "model = convert_model(\"m.onnx\", source_layout=Layout(\"nchw\"))\n"
              "other = convert_model(\"m.onnx\", layout={\"x\": LayoutMap(\"nhwc\", \"nchw\")})\n")
    out = fixed(source)
    assert "ppp.input().model().set_layout(Layout(\"nchw\"))\n" in out
    assert ('ppp.input("x").model().set_layout(ov.Layout("nhwc"))\n'
            'ppp.input("x").tensor().set_layout(ov.Layout("nchw"))\n') in out
    assert "LayoutMap" not in out and "from openvino import convert_model\n" in out


# -- FP16 compression and transformations ----------------------------------------------------------
def test_compression_is_mos_own_pass_after_the_preprocessing():
    source = f'{MO}model = mo.convert_model("m.onnx", compress_to_fp16=True, scale=2.0, input="data")\n'
    assert fixed(source) == ("import openvino as ov\n"
                             "from openvino._offline_transformations import compress_model_transformation\n\n"
                             "model = ov.convert_model(\"m.onnx\", input=\"data\")\n"
                             "ppp = ov.preprocess.PrePostProcessor(model)\n"
                             "ppp.input(\"data\").preprocess().scale(2.0)\n"
                             "model = ppp.build()\n"
                             "compress_model_transformation(model)\n")
    assert "private `openvino._offline_transformations`" in call_finding(source).message


def test_compression_chosen_at_run_time_and_an_existing_import():
    source = ("from openvino._offline_transformations import compress_model_transformation\n"
              "from openvino.tools.mo import convert_model\n\n"
              "def convert(path, settings):\n    return convert_model(path, compress_to_fp16=settings.fp16)\n")
    assert fixed(source) == ("from openvino._offline_transformations import compress_model_transformation\n"
                             "from openvino import convert_model\n\n"
                             "def convert(path, settings):\n"
                             "    model = convert_model(path)\n"
                             "    if settings.fp16:\n"
                             "        compress_model_transformation(model)\n"
                             "    return model\n")


def test_a_value_with_side_effects_is_not_moved_after_the_call():
    finding = call_finding(f'{MO}model = mo.convert_model("m.onnx", compress_to_fp16=ask())\n')
    assert finding.fix is None and "bind `ask()` to a name first" in finding.message


def test_transformations():
    source = f'{MO}model = mo.convert_model("m.onnx", transform="LowLatency2[use_const_initializer=False],Pruning")\n'
    assert fixed(source) == ("import openvino as ov\n"
                             "from openvino._offline_transformations import apply_low_latency_transformation, "
                             "apply_pruning_transformation\n\n"
                             "model = ov.convert_model(\"m.onnx\")\n"
                             "apply_low_latency_transformation(model, use_const_initializer=False)\n"
                             "apply_pruning_transformation(model)\n")


# -- where the steps go ----------------------------------------------------------------------------
def test_a_call_inside_an_expression_is_hoisted_before_its_statement():
    source = f'{MO}compiled = core.compile_model(mo.convert_model(\n    "m.onnx", scale=255), "CPU")  # note\n'
    assert fixed(source) == (f'{OV}model = ov.convert_model(\n    "m.onnx")\n'
                             "ppp = ov.preprocess.PrePostProcessor(model)\n"
                             "for index in range(len(model.inputs)):\n"
                             "    ppp.input(index).preprocess().scale(255)\n"
                             "model = ppp.build()\n"
                             'compiled = core.compile_model(model, "CPU")  # note\n')


def test_a_target_the_steps_read_gets_the_model_under_another_name():
    source = f'{MO}model = mo.convert_model(model, layout="nchw", scale=model.scale)\n'
    out = fixed(source)
    assert out.startswith(f"{OV}model_ = ov.convert_model(model)\nppp = ov.preprocess.PrePostProcessor(model_)\n")
    assert out.endswith("ppp.input().preprocess().scale(model.scale)\nmodel_ = ppp.build()\nmodel = model_\n")


@pytest.mark.parametrize("statement", [
    'if ready: model = mo.convert_model("m.onnx", scale=2)',
    'print(load(), mo.convert_model("m.onnx", scale=2))',
    'models = [m for m in [mo.convert_model("m.onnx", scale=2)]]',
    'make = lambda: mo.convert_model("m.onnx", scale=2)',
])
def test_no_place_for_the_steps_means_no_fix(statement):
    finding = call_finding(f"{MO}{statement}\n")
    assert finding.fix is None and "need the call in a statement of its own" in finding.message


def test_several_calls_in_one_scope():
    source = f'{MO}a = mo.convert_model("a.onnx", scale=2)\nb = mo.convert_model("b.onnx", scale=3)\n'
    out = fixed(source)
    assert out.count("ov.preprocess.PrePostProcessor") == 2 and out.endswith("b = ppp.build()\n")


# -- model objects, imports and look-alikes --------------------------------------------------------
def test_a_model_object_is_shared_by_ov_convert_model():
    source = f"{MO}model = mo.convert_model(torch_model)\n"
    finding = call_finding(source)
    assert finding.fix.applicability is Applicability.UNSAFE and "share_weights=False" in finding.message
    for path in ('os.path.join(folder, "m.onnx")', 'f"{folder}/m.onnx"', "folder / 'm.onnx'"):
        assert call_finding(f"{MO}model = mo.convert_model({path})\n").fix.applicability is Applicability.SAFE


def test_a_path_in_a_name_or_an_annotated_parameter_is_a_path():
    source = """\
        from pathlib import Path
        from openvino.tools.mo import convert_model

        def a(path: str):
            return convert_model(path)

        def b(folder):
            onnx_path = Path(folder) / "m.onnx"
            return convert_model(onnx_path)
        """
    (finding,) = lint(source)
    assert finding.fix.applicability is Applicability.SAFE
    (finding,) = lint(textwrap.dedent(source) + "\ndef c(net):\n    return convert_model(net)\n")
    assert finding.fix.applicability is Applicability.UNSAFE and "share_weights=False" in finding.message


def test_the_import_is_unsafe_when_a_call_is():
    source = "from openvino.tools.mo import convert_model\n\nmodel = convert_model(net)\n"
    (finding,) = lint(source)
    assert finding.fix.applicability is Applicability.UNSAFE
    assert fix(source, unsafe=False).text == source


def test_the_fix_and_the_api_10_fix_bind_openvino_once():
    source = """\
        from openvino.inference_engine import IECore
        from openvino.tools import mo

        ie = IECore()
        model = mo.convert_model("m.onnx", scale=2)
        """
    out = fixed(source, rules=[r for r in registry.all_rules() if r.code.startswith(("OV1", "OV2"))])
    assert out.count("import openvino as ov") == 1 and "ov.Core()" in out


@pytest.mark.parametrize("source", [
    "from mylib import mo\n\nmo.convert_model('m.onnx', mean_values=[1, 2, 3], input='data[1,3]')\n",
    "from openvino.tools.ovc import convert_model\n\nconvert_model('m.onnx', input='data')\n",
    "import openvino as ov\n\nov.convert_model('m.onnx', input=('data', [1, 3]))\n",
])
def test_look_alikes_stay_silent(source):
    assert lint(source) == []


def test_unknown_arguments_and_star_arguments_are_reported():
    finding = call_finding(f'{MO}model = mo.convert_model("m.onnx", **options)\n')
    assert finding.fix is None and "`**` arguments" in finding.message
    finding = call_finding(f'{MO}model = mo.convert_model("m.onnx", input="x->[1 2]")\n')
    assert finding.fix is None and "freezes no input" in finding.message


# -- MO's syntaxes, read as MO 2023.3 read them ----------------------------------------------------
def test_mo_syntaxes():
    spec = _syntax.parse_input("a,b[1 3]{f16},c->5")
    assert [(s.name, s.shape, s.type, s.frozen) for s in spec] == [
        ("a", None, None, False), ("b", [1, 3], "f16", False), ("c", None, None, True)]
    assert _syntax.parse_shapes("[1,3,224,224],(1,?,1..5)") == [[1, 3, 224, 224], [1, -1, "1..5"]]
    with pytest.raises(_syntax.Unreadable):
        _syntax.parse_shapes("[1 3 4]")  # MO's PartialShape("1 3 4") fails
    assert _syntax.parse_values("data[1,2,3],info(4,5,6)") == {"data": ["1", "2", "3"], "info": ["4", "5", "6"]}
    assert _syntax.parse_layouts("nhwc->nchw", None)[0] == _syntax.LayoutSpec("nhwc", "nchw")
    assert _syntax.parse_layouts("a(nchw),b[n,c]", "target") == {
        "a": _syntax.LayoutSpec(None, "nchw"), "b": _syntax.LayoutSpec(None, "[n,c]")}
    assert [_syntax.channels(t, None) for t in ("nchw", "[n,h,w,c]", "n...c", "nc...", "nhw")] == [1, 3, -1, 1, None]
    assert _syntax.parse_transform("MakeStateful[param_res_names={'a':'b'}],LowLatency2[use_const_initializer=0]") == [
        ("MakeStateful", {"param_res_names": {"a": "b"}}), ("LowLatency2", {"use_const_initializer": 0})]


def test_every_argument_of_mos_convert_model_is_rewritten_or_has_a_how_to():
    from ovlint.rules.model_optimizer._options import CONVERT_PARAMETERS

    for name in CONVERT_PARAMETERS[1:]:
        finding = call_finding(f"{MO}model = mo.convert_model('m.onnx', {name}=True)\n")
        assert finding.fix is not None or "no argument of" not in finding.message, name


def test_an_import_that_tells_whether_the_model_optimizer_is_installed_is_kept():
    source = "try:\n    import openvino.tools.mo\n    HAVE_MO = True\nexcept:\n    HAVE_MO = False\n"
    (diag,) = lint(source)
    assert diag.fix is None and "(kept: it is in a `try`" in diag.message
    assert fix(source).text == source
    # a check that stops the program without it goes with the module's uses
    assert fixed("try:\n    import openvino.tools.mo\nexcept:\n    sys.exit(1)\n") == "try:\n    pass\nexcept:\n    sys.exit(1)\n"


def test_openvino_is_imported_where_the_model_optimizer_was():
    """MO imported in a branch or a function is an optional dependency: `openvino` is imported
    there too, never at the top of the module, where every run would need it."""
    source = ('import sys\n\nif sys.argv[1] == "openvino":\n    from openvino.tools import mo\n'
              '    model = mo.convert_model("m.onnx", compress_to_fp16=False)\n\n\n'
              'def export():\n    from openvino.tools import mo\n    return mo.convert_model("n.onnx")\n')
    assert fixed(source, unsafe=False) == (
        'import sys\n\nif sys.argv[1] == "openvino":\n    import openvino as ov\n'
        '    model = ov.convert_model("m.onnx")\n\n\n'
        'def export():\n    import openvino as ov\n    return ov.convert_model("n.onnx")\n')


@pytest.mark.parametrize("source, expected", [
    # the import shares its line with the call: `openvino` goes to the top, where it is bound before the call
    ('def export():\n    from openvino.tools import mo; return mo.convert_model("a.onnx")\n',
     'import openvino as ov\ndef export():\n    from openvino.tools import mo; return ov.convert_model("a.onnx")\n'),
    # bound for the module through `global`: the call in another function needs the module's `openvino`
    ('def setup():\n    global mo\n    from openvino.tools import mo\n\n\ndef run():\n    return mo.convert_model("m.onnx")\n',
     'import openvino as ov\ndef setup():\n    global mo\n\n\ndef run():\n    return ov.convert_model("m.onnx")\n'),
    # a parameter already named `ov`: the import takes another name
    ('def export(ov):\n    from openvino.tools import mo\n    return mo.convert_model("n.onnx"), ov\n',
     'def export(ov):\n    import openvino as ov_\n    return ov_.convert_model("n.onnx"), ov\n'),
])
def test_openvino_is_imported_where_every_rewritten_call_sees_it(source, expected):
    assert fix(source, unsafe=False).text == expected


def test_a_call_is_not_rewritten_while_the_import_it_goes_to_stays():
    """`convert_model` tested against None keeps its import (MO's function): the call rewritten for
    `openvino.convert_model` would give MO's function API 2.0's arguments."""
    source = ('try:\n    from openvino.tools.mo import convert_model\nexcept ImportError:\n    convert_model = None\n\n\n'
              'def export(path):\n    if convert_model is None:\n        return None\n'
              '    return convert_model(path, input_shape=[1, 3, 224, 224], layout="nchw")\n')
    outcome = fix(source)
    assert outcome.text == source
    assert any("not rewritten: the import of `convert_model` stays" in d.message for d in outcome.diagnostics)
