"""OV103 on the IENetwork uses real programs make: preprocessing moved to a PrePostProcessor (on a
copy where the network is compiled, or on the model around the settings), outputs added by layer
name, tensor names, batch size, and the attributes of a network's and an executable network's
ports. The fixed code was run on 2023.3 and 2026.4.1 (tests/runtime/programs)."""
import textwrap

import pytest

from test_api10 import fix, found, lint


def fixed(source):
    outcome = fix(source)
    assert lint(outcome.text) == [], outcome.text
    return outcome.text


def dedent(text):
    return textwrap.dedent(text)


# add_outputs


def test_an_output_added_by_layer_name_is_named_after_the_layer():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        net.add_outputs("Relu_5")
        net.add_outputs([("split", 1), "conv"])
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        ie = ov.Core()
        net = ie.read_model("m.xml")
        for output in net.add_outputs([("Relu_5", 0)]):
            layer = output.get_node().input_value(0)
            name = layer.get_node().get_friendly_name() + (f".{layer.get_index()}" if layer.get_node().get_output_size() > 1 else "")
            output.get_node().set_friendly_name(name)
            output.get_tensor().set_names({name})
        for output in net.add_outputs([("split", 1), ("conv", 0)]):
            layer = output.get_node().input_value(0)
            name = layer.get_node().get_friendly_name() + (f".{layer.get_index()}" if layer.get_node().get_output_size() > 1 else "")
            output.get_node().set_friendly_name(name)
            output.get_tensor().set_names({name})
        """)


def test_layers_held_in_a_variable_or_a_parameter_may_be_names_or_pairs():
    source = """\
        from openvino.inference_engine import IECore


        def extend(net, layers, name):
            net.add_outputs(layers)


        def main(names):
            net = IECore().read_network("m.xml")
            relu = [n for n in names if n.startswith("Relu")]
            net.add_outputs(relu)
            extend(net, "conv", "x")
        """
    text = fixed(source)
    assert ("for output in net.add_outputs([(item, 0) if isinstance(item, str) else item for item in "
            "(layers if isinstance(layers, list) else [layers])]):") in text
    assert "for output in net.add_outputs([(item, 0) if isinstance(item, str) else item for item in relu]):" in text
    # the loop's names do not take a name the function uses
    assert "    name_ = layer.get_node().get_friendly_name()" in text and "output.get_tensor().set_names({name_})" in text


def test_add_outputs_whose_value_is_used_has_no_rewrite():
    source = """\
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        result = net.add_outputs("Relu_5")
        net.add_outputs(outputs_of(net))
        """
    messages = [d.message for d in lint(source) if d.code == "OV103"]
    assert len(messages) == 2 and all("add `(layer, port)` pairs" in m for m in messages)
    assert fix(source).text == dedent(source)


def test_api_2_add_outputs_stays_silent():
    source = """\
        import openvino as ov

        model = ov.Core().read_model("m.xml")
        model.add_outputs([("Relu_5", 0)])


        class Net:
            def add_outputs(self, names):
                return names


        Net().add_outputs("Relu_5")
        """
    assert found(source) == []


# tensor names, serialize, reshape, batch size


def test_tensor_names_serialize_and_reshape():
    source = """\
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        net.reshape({"data": (2, 3, 8, 8)})
        name = net.get_ov_name_for_tensor("prob")
        other = net.get_ov_name_for_tensor(prefix + "prob")
        net.serialize("out.xml", "out.bin")
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        net = ov.Core().read_model("m.xml")
        net.reshape({"data": (2, 3, 8, 8)})
        name = "prob"
        other = (prefix + "prob")
        ov.serialize(net, "out.xml", "out.bin")
        """)


def test_batch_size_set_in_a_loop_reshapes_before_each_compile():
    source = """\
        from openvino.inference_engine import IECore


        class Engine:
            def __init__(self, model_xml, sizes):
                self.ie = IECore()
                self.net = self.ie.read_network(model=model_xml)
                self.original_batch = self.net.batch_size
                self.exec_nets = {}
                for size in sizes:
                    self.net.batch_size = size
                    self.exec_nets[size] = self.ie.load_network(network=self.net, device_name="CPU")
        """
    text = fixed(source)
    assert "self.original_batch = self.net.inputs[0].get_partial_shape()[0].get_length()" in text
    assert ("        for size in sizes:\n"
            "            self.net.reshape({port: [size] + list(port.get_shape())[1:] for port in self.net.inputs})\n"
            "            self.exec_nets[size] = self.ie.compile_model(model=self.net, device_name=\"CPU\")\n") in text


# the attributes of ports (DataPtr, CDataPtr, InputInfoCPtr)


def test_port_attributes_of_a_network_and_an_executable_network():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        exec_net = ie.load_network(net, "CPU")
        dims = {name: info.tensor_desc.dims for name, info in exec_net.input_info.items()}
        outs = {name: [data.shape, data.precision] for name, data in exec_net.outputs.items()}
        n, c, h, w = exec_net.input_info["data"].tensor_desc.dims
        if net.outputs["prob"].precision == "FP32":
            print(exec_net.input_info["data"].tensor_desc.precision)
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        ie = ov.Core()
        net = ie.read_model("m.xml")
        exec_net = ie.compile_model(net, "CPU")
        dims = {name: list(info.shape) for name, info in sorted((port.get_any_name(), port) for port in exec_net.inputs)}
        outs = {name: [list(data.shape), data.get_element_type().get_type_name().upper().replace("F", "FP").replace("BFP", "BF").replace("BOOLEAN", "BOOL")] for name, data in sorted((port.get_any_name(), port) for port in exec_net.outputs)}
        n, c, h, w = exec_net.input("data").shape
        if net.output("prob").get_element_type() == ov.Type.f32:
            print(exec_net.input("data").get_element_type().get_type_name().upper().replace("F", "FP").replace("BFP", "BF").replace("BOOLEAN", "BOOL"))
        """)


def test_a_precision_read_back_where_the_module_sets_one_is_not_rewritten():
    # the fix sets precisions on a copy of the model at the load: the model's own type is not the one set
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        net.input_info["data"].precision = "U8"
        if net.input_info["data"].precision == "U8":
            print("feeding bytes")
        exec_net = ie.load_network(net, "CPU")
        """
    outcome = fix(source)
    assert outcome.text == dedent(source)
    (read,) = [d for d in lint(source) if d.row == 6 and d.message.startswith("An API 1.0 `precision`")]
    assert read.fix is None and "this module sets precisions" in read.message


def test_a_port_layout_read_has_no_rewrite():
    source = """\
        from openvino.inference_engine import IECore

        net = IECore().read_network("m.xml")
        print(net.outputs["prob"].layout, net.input_info["data"].tensor_desc.layout)
        """
    messages = [d.message for d in lint(source) if d.code == "OV103" and "counterpart to read" in d.message]
    assert len(messages) == 2


# preprocessing: mean, scale and color on the model, around the settings


NORMALIZE = """\
    from openvino.inference_engine import ColorFormat, IECore, MeanVariant

    MEAN = (0.5, 1.0, 1.5)


    def normalized(ie, color_format=None):
        net = ie.read_network("m.xml")
        preprocess = net.input_info["data"].preprocess_info
        preprocess.init(len(MEAN))
        for channel, mean in enumerate(MEAN):
            preprocess[channel].mean_value = mean
            preprocess[channel].std_scale = 2.0
        preprocess.mean_variant = MeanVariant.MEAN_VALUE
        if color_format is not None:
            preprocess.color_format = color_format
        return net


    def main():
        ie = IECore()
        net = normalized(ie)
        channels = net.input_info["data"].preprocess_info.get_number_of_channels()
        rgb = ie.load_network(normalized(ie, ColorFormat.RGB), "CPU")
    """


def test_mean_scale_and_color_are_steps_on_the_model_in_api_1_order():
    assert fixed(NORMALIZE) == dedent("""\
        import openvino as ov

        MEAN = (0.5, 1.0, 1.5)


        def normalized(ie, color_format=None):
            net = ie.read_model("m.xml")
            ppp = ov.preprocess.PrePostProcessor(net)
            preprocess = ppp.input("data")
            preprocess.tensor().set_layout(ov.Layout("NCHW"))
            preprocess.model().set_layout(ov.Layout("NCHW"))
            preprocess_mean = [0.0] * len(MEAN)
            preprocess_scale = [1.0] * len(preprocess_mean)
            for channel, mean in enumerate(MEAN):
                preprocess_mean[channel] = mean
                preprocess_scale[channel] = 2.0
            preprocess.preprocess().mean(preprocess_mean).scale(preprocess_scale)
            if color_format is not None:
                preprocess.tensor().set_color_format(color_format)
                preprocess.preprocess().convert_color(ov.preprocess.ColorFormat.BGR)
            ppp.build()
            return net


        def main():
            ie = ov.Core()
            net = normalized(ie)
            channels = len(MEAN)
            rgb = ie.compile_model(normalized(ie, ov.preprocess.ColorFormat.RGB), "CPU")
        """)


@pytest.mark.parametrize("around, reason", [
    # API 1.0 applied what each load found; steps on the model would apply to both loads
    ('first = ie.load_network(net, "CPU")\n{setting}\nsecond = ie.load_network(net, "CPU")\n',
     "the network is loaded before this setting"),
    # API 1.0 wrote the network without its preprocessing
    ('{setting}\nexec_net = ie.load_network(net, "CPU")\nnet.serialize("out.xml")\n', "the network is serialized"),
    # the next round's settings come after this round's load
    ('for scale in (1.0, 2.0):\n    {indented}\n    nets.append(ie.load_network(net, "CPU"))\n',
     "or in the loop that sets it"),
    ('for scale in (1.0, 2.0):\n    for _ in range(1):\n        {twice}\n    nets.append(ie.load_network(net, "CPU"))\n'
     '    if late:\n        net = ie.read_network("m.xml")\n', "or in the loop that sets it"),
])
def test_mean_and_scale_the_model_would_carry_beyond_a_load_are_not_rewritten(around, reason):
    setting = 'net.input_info["data"].preprocess_info.init(1)\nnet.input_info["data"].preprocess_info[0].std_scale = 2.0'
    source = ("from openvino.inference_engine import IECore\n\nie = IECore()\nnet = ie.read_network(\"m.xml\")\n"
              + around.format(setting=setting, indented=setting.replace("\n", "\n    "),
                              twice=setting.replace("\n", "\n        ")))
    assert fix(source).text == source
    held = [d for d in lint(source) if "not rewritten" in d.message]
    assert held and all(reason in d.message and d.fix is None for d in held)


IMPORT = "from openvino.inference_engine import IECore\n\n\n"
SETTINGS = ('    net.input_info["data"].preprocess_info.init(1)\n'
            '    net.input_info["data"].preprocess_info[0].std_scale = 2.0\n'
            '    return ie.load_network(net, "CPU")\n\n\n')
HELPER = IMPORT + "def load(ie, net):\n" + SETTINGS


@pytest.mark.parametrize("source", [
    # the steps would go on the one model again at each call: the second load divides twice
    HELPER + 'ie = IECore()\nnet = ie.read_network("m.xml")\nfor _ in range(2):\n    load(ie, net).infer({})\n',
    HELPER + 'ie = IECore()\nnet = ie.read_network("m.xml")\nfirst = load(ie, net)\nsecond = load(ie, net)\n',
    # a decorator may keep the function to call it again (a reload hook)
    IMPORT + "hooks = []\n\n\n@hooks.append\ndef load(ie, net):\n" + SETTINGS
    + 'ie = IECore()\nexec_net = load(ie, ie.read_network("m.xml"))\n',
    # another name for a network made elsewhere, or one made on some runs only, is not the helper's own
    IMPORT + "def load(ie, path):\n    net = SHARED\n" + SETTINGS
    + 'ie = IECore()\nSHARED = ie.read_network("m.xml")\nfirst = load(ie, "a")\nsecond = load(ie, "b")\n',
    IMPORT + "def load(ie, path, net=None):\n    if net is None:\n        net = ie.read_network(path)\n" + SETTINGS
    + 'ie = IECore()\nshared = ie.read_network("m.xml")\nfirst = load(ie, "a", shared)\nsecond = load(ie, "b", shared)\n',
])
def test_mean_and_scale_set_by_a_helper_that_may_run_twice_on_one_network_are_not_rewritten(source):
    assert fix(source).text.count("preprocess_info") == 2
    held = [d for d in lint(source) if "not rewritten" in d.message]
    assert held and all("may run more than once" in d.message and d.fix is None for d in held)


def test_mean_and_scale_set_by_a_helper_another_module_imports_are_not_rewritten(ovlint, tmp_path):
    """The helper runs once here, but `server.py` calls it in a loop: how often it runs is not this
    module's to tell."""
    helpers = HELPER + 'if __name__ == "__main__":\n    ie = IECore()\n    load(ie, ie.read_network("m.xml"))\n'
    (tmp_path / "helpers.py").write_text(helpers)
    (tmp_path / "server.py").write_text("from helpers import load\n\nfor request in queue:\n    load(core, net)\n")
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "helpers.py")
    assert (tmp_path / "helpers.py").read_text() == helpers


def test_a_network_a_helper_is_handed_from_elsewhere_is_reported_and_keeps_the_import():
    """Nothing in the module says what `net` is, so its preprocessing is not rewritten; the rest
    of the helper waits for it, and the import nothing uses stays: without it the module would no
    longer name OpenVINO, and what is left would go unreported."""
    outcome = fix(HELPER)
    assert outcome.text == HELPER
    untraced = [d for d in lint(HELPER) if d.code == "OV103"]
    assert [d.row for d in untraced] == [5, 6] and all("could not be traced" in d.message for d in untraced)
    assert all(d.fix is None for d in lint(HELPER))


@pytest.mark.parametrize("calls", [
    'ie = IECore()\nexec_net = load(ie, ie.read_network("m.xml"))\n',
    'def main():\n    ie = IECore()\n    return load(ie, ie.read_network("m.xml"))\n\n\n'
    'if __name__ == "__main__":\n    main()\n',
    # however often it runs, each run gets a network of its own
    'ie = IECore()\nnets = [load(ie, ie.read_network(path)) for path in ("a.xml", "b.xml")]\n',
])
def test_mean_and_scale_set_by_a_helper_that_runs_once_are_steps_on_the_model(calls):
    assert "ppp.build()" in fixed(HELPER + calls)


def test_preprocessing_written_inline_declares_the_layouts_once():
    source = """\
        from openvino.inference_engine import ColorFormat, IECore, MeanVariant

        ie = IECore()
        net = ie.read_network("m.xml")
        net.input_info["data"].preprocess_info.init(3)
        net.input_info["data"].preprocess_info[0].mean_value = 1.0
        net.input_info["data"].preprocess_info[2].std_scale = 4.0
        net.input_info["data"].preprocess_info.mean_variant = MeanVariant.MEAN_VALUE
        net.input_info["data"].preprocess_info.color_format = ColorFormat.RGB
        exec_net = ie.load_network(net, "CPU")
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        ie = ov.Core()
        net = ie.read_model("m.xml")
        ppp = ov.preprocess.PrePostProcessor(net)
        preprocess_mean = [0.0] * 3
        preprocess_scale = [1.0] * len(preprocess_mean)
        preprocess_mean[0] = 1.0
        preprocess_scale[2] = 4.0
        ppp.input("data").tensor().set_layout(ov.Layout("NCHW"))
        ppp.input("data").model().set_layout(ov.Layout("NCHW"))
        ppp.input("data").preprocess().mean(preprocess_mean).scale(preprocess_scale)
        ppp.input("data").tensor().set_color_format(ov.preprocess.ColorFormat.RGB)
        ppp.input("data").preprocess().convert_color(ov.preprocess.ColorFormat.BGR)
        ppp.build()
        exec_net = ie.compile_model(net, "CPU")
        """)


def test_a_color_format_in_a_loop_over_inputs_and_the_defaults():
    source = """\
        from openvino.inference_engine import ColorFormat, IECore, MeanVariant

        ie = IECore()
        net = ie.read_network("m.xml")
        for name in net.input_info:
            net.input_info[name].preprocess_info.color_format = ColorFormat.BGR
        net.input_info["x"].preprocess_info.mean_variant = MeanVariant.NONE
        net.input_info["x"].preprocess_info.color_format = ColorFormat.RAW
        exec_net = ie.load_network(net, "CPU")
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        ie = ov.Core()
        net = ie.read_model("m.xml")
        ppp = ov.preprocess.PrePostProcessor(net)
        for name in sorted(port.get_any_name() for port in net.inputs):
            ppp.input(name).tensor().set_layout(ov.Layout("NCHW"))
            ppp.input(name).model().set_layout(ov.Layout("NCHW"))
            ppp.input(name).tensor().set_color_format(ov.preprocess.ColorFormat.BGR)
            ppp.input(name).preprocess().convert_color(ov.preprocess.ColorFormat.BGR)
        ppp.build()
        exec_net = ie.compile_model(net, "CPU")
        """)


def test_preprocessing_without_a_rewrite():
    source = """\
        from openvino.inference_engine import ColorFormat, IECore, MeanVariant

        net = IECore().read_network("m.xml")
        info = net.input_info["data"].preprocess_info
        info.mean_variant = MeanVariant.MEAN_IMAGE
        info.set_mean_image(image)
        net.input_info["data"].preprocess_info.color_format = ColorFormat.BGRX
        print(net.input_info["data"].preprocess_info.color_format, ColorFormat.RAW)
        net.input_info["data"].preprocess_info[0].mean_value = 1.0
        """
    messages = [d.message for d in lint(source) if d.code == "OV103" and "not migrated" not in d.message]
    assert any("only `MeanVariant.MEAN_VALUE`" in m for m in messages)
    assert any("`set_mean_image` is API 1.0" in m for m in messages)
    assert any("`ColorFormat.BGRX` changes the input's channel count" in m for m in messages)
    assert any("`ColorFormat.RAW` is API 1.0 and has no `openvino.preprocess` twin" in m for m in messages)
    assert fix(source).text == dedent(source)  # the mean value has no `init(n)` before it either


def test_mean_values_set_before_init_or_used_after_the_step_have_no_rewrite():
    source = """\
        from openvino.inference_engine import IECore, MeanVariant

        net = IECore().read_network("m.xml")
        info = net.input_info["data"].preprocess_info
        info.mean_variant = MeanVariant.MEAN_VALUE
        info.init(3)
        """
    assert fix(source).text == dedent(source)


def test_a_preprocess_info_look_alike_stays_silent():
    source = """\
        class Info:
            preprocess_info = None


        info = Info()
        info.preprocess_info.init(3)
        print(info.preprocess_info.resize_algorithm)
        """
    assert found(source) == []


# preprocessing: precision, layout and resize on a copy where the network is compiled


def test_the_dims_of_a_resized_compiled_input_are_not_read_from_it():
    """After the resize the fix adds, the compiled model's input takes any height and width: its
    `shape` raises where API 1.0 reported the model's own dims. The network's own input keeps them."""
    source = """\
        from openvino.inference_engine import IECore, ResizeAlgorithm

        ie = IECore()
        net = ie.read_network("m.xml", "m.bin")
        name = next(iter(net.input_info))
        net.input_info[name].preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR
        exec_net = ie.load_network(net, "CPU")
        n, c, h, w = exec_net.input_info[name].tensor_desc.dims
        """
    held = [d for d in lint(source) if d.row == 8 and "any height and width" in d.message]
    assert len(held) == 1 and held[0].fix is None
    assert fix(source).text == dedent(source)
    model_dims = source.replace("exec_net.input_info[name].tensor_desc.dims", "net.input_info[name].tensor_desc.dims")
    assert "n, c, h, w = net.input(name).shape" in fixed(model_dims)


def test_resize_moves_to_each_compile_site_in_a_caller():
    source = """\
        from openvino.inference_engine import IECore, ResizeAlgorithm


        def load(ie, path):
            net = ie.read_network(path)
            net.input_info["image"].precision = "U8"
            net.input_info["image"].preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR
            return net


        def main():
            ie = IECore()
            net = load(ie, "m.xml")
            for device in ("CPU", "GPU"):
                compiled = ie.load_network(net, device)
            bilinear = net.input_info["image"].preprocess_info.resize_algorithm == ResizeAlgorithm.RESIZE_BILINEAR
        """
    assert fixed(source) == dedent("""\
        import openvino as ov


        def load(ie, path):
            net = ie.read_model(path)
            return net


        def main():
            ie = ov.Core()
            net = load(ie, "m.xml")
            for device in ("CPU", "GPU"):
                ppp = ov.preprocess.PrePostProcessor(net.clone())
                ppp.input("image").tensor().set_element_type(ov.Type.u8)
                ppp.input("image").tensor().set_spatial_dynamic_shape()
                ppp.input("image").preprocess().resize(ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR)
                ppp.input("image").model().set_layout(ov.Layout("NCHW"))
                compiled = ie.compile_model(ppp.build(), device)
            bilinear = ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR == ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR
        """)


def test_the_port_name_travels_with_the_network_a_helper_returns():
    source = """\
        from openvino.inference_engine import IECore, ResizeAlgorithm


        def prepare(ie, path):
            net = ie.read_network(path)
            input_name = "data"
            info = net.input_info[input_name]
            info.precision = "U8"
            info.preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_AREA
            return net, input_name


        def main():
            ie = IECore()
            network, name = prepare(ie, "m.xml")
            exec_net = ie.load_network(network=network, device_name="CPU")
        """
    text = fixed(source)
    assert textwrap.indent(dedent("""\
        ppp = ov.preprocess.PrePostProcessor(network.clone())
        ppp.input(name).tensor().set_element_type(ov.Type.u8)
        ppp.input(name).tensor().set_spatial_dynamic_shape()
        ppp.input(name).preprocess().resize(ov.preprocess.ResizeAlgorithm.RESIZE_NEAREST)
        ppp.input(name).model().set_layout(ov.Layout("NCHW"))
        exec_net = ie.compile_model(model=ppp.build(), device_name="CPU")
        """), "    ") in text
    message = next(d.message for d in lint(source) if "RESIZE" in d.source_line and d.code == "OV103")
    assert "`PrePostProcessor`" in message


def test_resize_without_a_compile_site_in_reach_has_no_rewrite():
    source = """\
        from openvino.inference_engine import IECore, ResizeAlgorithm


        def prepare(path, name):
            net = IECore().read_network(path)
            net.input_info[name].preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR
            return net


        def main():
            compile_elsewhere(prepare("m.xml", "data"))
        """
    assert fix(source).text == dedent(source)


def test_a_value_read_back_is_kept_only_when_the_module_sets_one():
    source = """\
        from openvino.inference_engine import IECore, ResizeAlgorithm

        ie = IECore()
        a = ie.read_network("a.xml")
        a.input_info["x"].preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_AREA
        a.input_info["x"].preprocess_info.init(3)
        a.input_info["x"].preprocess_info.init(4)
        b = ie.load_network(a, "CPU")
        print(a.input_info["x"].preprocess_info.get_number_of_channels())
        """
    messages = [d.message for d in lint(source)]
    assert any("it read back the `n` of `init(n)`, which API 2.0 does not keep" in m for m in messages)


def test_a_network_read_in_a_loop_gets_its_preprocessor_in_the_loop():
    source = """\
        from openvino.inference_engine import ColorFormat, IECore

        ie = IECore()
        compiled = []
        for path in paths:
            net = ie.read_network(path)
            net.input_info["data"].preprocess_info.color_format = ColorFormat.RGB
            compiled.append(ie.load_network(net, "CPU"))
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        ie = ov.Core()
        compiled = []
        for path in paths:
            net = ie.read_model(path)
            ppp = ov.preprocess.PrePostProcessor(net)
            ppp.input("data").tensor().set_layout(ov.Layout("NCHW"))
            ppp.input("data").model().set_layout(ov.Layout("NCHW"))
            ppp.input("data").tensor().set_color_format(ov.preprocess.ColorFormat.RGB)
            ppp.input("data").preprocess().convert_color(ov.preprocess.ColorFormat.BGR)
            ppp.build()
            compiled.append(ie.compile_model(net, "CPU"))
        """)


def test_layout_resize_and_batch_size_before_the_compile():
    source = """\
        from openvino.inference_engine import IECore, ResizeAlgorithm

        ie = IECore()
        net = ie.read_network(model="m.xml")
        input_blob = next(iter(net.input_info))
        net.input_info[input_blob].precision = "U8"
        net.input_info[input_blob].layout = "NHWC"
        net.input_info[input_blob].preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR
        net.batch_size = 2
        exec_net = ie.load_network(network=net, device_name="CPU")
        """
    assert fixed(source) == dedent("""\
        import openvino as ov

        ie = ov.Core()
        net = ie.read_model(model="m.xml")
        input_blob = min(port.get_any_name() for port in net.inputs)
        net.reshape({port: [2] + list(port.get_shape())[1:] for port in net.inputs})
        ppp = ov.preprocess.PrePostProcessor(net.clone())
        ppp.input(input_blob).tensor().set_element_type(ov.Type.u8)
        ppp.input(input_blob).tensor().set_layout(ov.Layout("NHWC"))
        ppp.input(input_blob).model().set_layout(ov.Layout("NCHW"))
        ppp.input(input_blob).tensor().set_spatial_dynamic_shape()
        ppp.input(input_blob).preprocess().resize(ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR)
        exec_net = ie.compile_model(model=ppp.build(), device_name="CPU")
        """)


def test_a_network_compiled_in_place_and_returned_is_preprocessed_where_callers_compile_it_too():
    source = """\
        from openvino.inference_engine import IECore


        def load(ie):
            net = ie.read_network("m.xml")
            net.input_info["data"].precision = "U8"
            exec_net = ie.load_network(net, "CPU")
            return net, exec_net


        def main():
            ie = IECore()
            net, exec_net = load(ie)
            other = ie.load_network(net, "GPU")
        """
    text = fixed(source)
    assert text.count("ppp = ov.preprocess.PrePostProcessor(net.clone())") == 2
    assert text.count('ppp.input("data").tensor().set_element_type(ov.Type.u8)') == 2


def test_precisions_set_in_a_tuple_assignment_are_reported_not_rewritten():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        a, b = net.input_info["a"], net.input_info["b"]
        a.precision, b.precision = "U8", "U8"
        exec_net = ie.load_network(net, "CPU")
        """
    assert fix(source).text == dedent(source)
    assert any("set in a tuple assignment" in d.message and d.row == 6 for d in lint(source))


def test_a_precision_set_after_every_load_is_said_to_have_had_no_effect():
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        exec_net = ie.load_network(net, "CPU")
        net.input_info["data"].precision = "U8"
        """
    (diag,) = [d for d in lint(source) if d.row == 6 and d.message.startswith("`precision`")]
    assert diag.fix is None and "API 1.0 never applied it" in diag.message


def test_a_rewrite_inside_an_f_string_writes_its_strings_in_the_other_quote():
    """Before Python 3.12 an f-string ends at its own quote, wherever it stands: what the fix
    writes into a field takes the other kind, and a rewrite that would need both is not offered."""
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        for out in net.outputs:
            print(f"{out}: {net.outputs[out].precision}")
        """
    text = fixed(source)
    assert """.upper().replace('F', 'FP').replace('BFP', 'BF').replace('BOOLEAN', 'BOOL')}")\n""" in text
    compile(text, "fixed.py", "exec")  # the running Python's own grammar
    both = ("from openvino.inference_engine import IECore\n\nexec_net = IECore().load_network(\"m.xml\", \"CPU\")\n"
            "request = exec_net.requests[0]\nrequest.infer()\n"
            "print(f\"{request.output_blobs['prob'].tensor_desc.precision}\")\n")
    held = [d for d in lint(both) if "the quote the f-string leaves free cannot hold" in d.message]
    assert held and all(d.fix is None for d in held)
    assert fix(both).text == both


def test_input_info_of_another_library_is_not_taken_for_api_1():
    """NNCF's configs have an `input_info` too (a list of dicts): an untraced one is taken for API
    1.0's only where it is read as a dict, in a module that names API 1.0."""
    helper = ("\n\ndef reshape(config):\n    config.nncf.input_info.sample_size = [1, 3, 224, 224]\n"
              "    return {item['keyword']: item['sample_size'] for item in config.input_info}\n")
    assert lint("import openvino as ov\n" + helper) == []
    assert [d.code for d in lint("from openvino.inference_engine import IECore\n" + helper)] == ["OV101"]
    legacy = "from openvino.inference_engine import IECore\n\n\ndef shapes(net):\n    return net.input_info.items()\n"
    assert [d.code for d in lint(legacy) if "could not be traced" in d.message] == ["OV103"]


def test_a_kept_preprocess_info_read_back_says_where_it_holds_the_fix_back():
    source = ("from openvino.inference_engine import IECore\n\nie = IECore()\nnet = ie.read_network(\"m.xml\")\n"
              "pp = net.input_info[\"data\"].preprocess_info\npp.init(1)\npp[0].std_scale = 2.0\n"
              "print(pp[0].std_scale)\nexec_net = ie.load_network(net, \"CPU\")\n")
    (kept,) = [d for d in lint(source) if d.row == 5 and d.message.startswith("`preprocess_info`")]
    assert "`pp`, which keeps it, is used at line 8 otherwise than to make a setting" in kept.message
    assert fix(source).text == source


def test_the_check_of_supported_layers_lists_the_names_of_the_models_ops():
    """`[l for l in net.layers.keys() if l not in supported]` (`query_network`'s names): the ops'
    friendly names, which `query_model` gives (on 2026.4.1 the CPU lists every op of a model,
    parameters, constants, conversions and results included); any other use stays a how-to."""
    source = """\
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        missing = [l for l in net.layers if l not in ie.query_network(net, "CPU")]
        """
    assert "[l for l in [op.get_friendly_name() for op in net.get_ordered_ops()] if l not in ie.query_model(net, " \
           "\"CPU\")]" in fix(source).text
    for use in ("print(list(net.layers.keys()))", "missing = [l for l in net.layers.keys() if l]",
                "missing = [l.name for l in net.layers.values() if l.name not in supported]",
                "missing = [l for l in net.layers.keys() if supported.get(l) is None]"):
        findings = [d for d in lint(source.replace("missing = [l for l in net.layers if l not in ie.query_network"
                                                   "(net, \"CPU\")]", use)) if "net.layers" in d.message]
        assert [d.fix for d in findings] == [None] and "walk `model.get_ordered_ops()`" in findings[0].message, use
