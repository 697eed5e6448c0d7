"""The C++ Inference Engine API (`InferenceEngine::`)."""
from __future__ import annotations

from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules._native import followed_by, names, span, uses_inference_engine

API_1 = DEPRECATIONS["cpp-api-1"]

TYPES = {
    "Core": "`ov::Core`", "CNNNetwork": "`std::shared_ptr<ov::Model>` (from `core.read_model`)",
    "ExecutableNetwork": "`ov::CompiledModel` (from `core.compile_model`)", "InferRequest": "`ov::InferRequest`",
    "Blob": "`ov::Tensor`", "MemoryBlob": "`ov::Tensor` (`tensor.data<T>()`)", "TBlob": "`ov::Tensor`",
    "TensorDesc": "`ov::Shape` and `ov::element::Type` (layouts go to `PrePostProcessor`)",
    "Precision": "`ov::element` (`ov::element::f32`, `u8`, ...)", "Layout": "`ov::Layout`",
    "SizeVector": "`ov::Shape`", "InputInfo": "`model->input(name)` and `ov::preprocess::PrePostProcessor`",
    "DataPtr": "`ov::Output<ov::Node>` (`model->outputs()`)", "PluginConfigParams": "typed `ov::` properties",
    "Metrics": "typed `ov::` properties (`ov::device::full_name`, ...)", "StatusCode": "exceptions (`ov::Exception`)",
    "IExtension": "`ov::Extension` (`openvino/core/extension.hpp`)",
    "Extension": "`core.add_extension(path)` with an `ov::Extension` library",
    "InputsDataMap": "`model->inputs()` (a vector of `ov::Output<ov::Node>`)",
    "OutputsDataMap": "`model->outputs()` (a vector of `ov::Output<ov::Node>`)",
    "ConstInputsDataMap": "`compiled.inputs()`", "ConstOutputsDataMap": "`compiled.outputs()`",
    "CDataPtr": "`ov::Output<const ov::Node>` (`compiled.outputs()`)", "as": "the `ov::Tensor` itself (no cast: `tensor.data<T>()`)",
    "LockedMemory": "`tensor.data<T>()` (nothing to lock)", "make_shared_blob": "`ov::Tensor(type, shape[, data])`",
    "Parameter": "`ov::Any`", "ParamMap": "`ov::AnyMap`", "RemoteContext": "`ov::RemoteContext`",
    "RemoteBlob": "`ov::RemoteTensor`", "VariableState": "`ov::VariableState` (`request.query_state()`)",
    "ResponseDesc": "exceptions (`ov::Exception`)", "ICNNNetwork": "`ov::Model`",
    "InferencePlugin": "`ov::Core`", "PluginDispatcher": "`ov::Core`", "CNNNetReader": "`ov::Core::read_model`",
    "ResizeAlgorithm": "`ov::preprocess::ResizeAlgorithm`", "ColorFormat": "`ov::preprocess::ColorFormat`",
}
METHODS = {
    "ReadNetwork": "`core.read_model(path)`", "LoadNetwork": "`core.compile_model(model, device, properties...)`",
    "CreateInferRequest": "`compiled.create_infer_request()`", "GetBlob": "`request.get_tensor(name)`",
    "SetBlob": "`request.set_tensor(name, tensor)`", "Infer": "`request.infer()`",
    "StartAsync": "`request.start_async()`", "Wait": "`request.wait()` / `wait_for(std::chrono::milliseconds(ms))`",
    "SetCompletionCallback": "`request.set_callback(std::function<void(std::exception_ptr)>)`",
    "GetPerformanceCounts": "`request.get_profiling_info()`", "getInputsInfo": "`model->inputs()`",
    "getOutputsInfo": "`model->outputs()`", "setPrecision": "`PrePostProcessor`: `.tensor().set_element_type(...)`",
    "setLayout": "`PrePostProcessor`: `.tensor().set_layout(...)` and `.model().set_layout(...)`",
    "getPreProcess": "`PrePostProcessor`: `ppp.input(name).preprocess()`",
    "GetMetric": "`get_property(device, ov::...)` with a typed property",
    "GetConfig": "`get_property(device, ov::...)` with a typed property",
    "SetConfig": "`set_property(device, ov::...(value))` (the device comes first)",
    "AddExtension": "`core.add_extension(library_path)`", "ImportNetwork": "`core.import_model(stream, device)`",
    "Export": "`compiled.export_model(stream)`", "QueryNetwork": "`core.query_model(model, device)`",
    "GetAvailableDevices": "`core.get_available_devices()`", "setBatchSize": "`ov::set_batch(model, n)`",
    "getBatchSize": "`ov::get_batch(model)`", "GetExecGraphInfo": "`compiled.get_runtime_model()`",
    "QueryState": "`request.query_state()`", "as": "`tensor.data<T>()`", "rmap": "`tensor.data<T>()`",
    "wmap": "`tensor.data<T>()`", "buffer": "`tensor.data<T>()`",
}
MACROS = {"CONFIG_KEY": "a typed property (`ov::num_streams`, `ov::enable_profiling`, ...)",
          "CONFIG_VALUE": "the typed property's value", "METRIC_KEY": "a typed property (`ov::device::full_name`, ...)",
          "IE_THROW": "`OPENVINO_THROW`", "IE_ASSERT": "`OPENVINO_ASSERT`"}


class InferenceEngineCpp(NativeRule):
    code = "OV111"
    name = "cpp-inference-engine"
    summary = f"The C++ Inference Engine API was removed in OpenVINO {API_1.removed}"
    rationale = (
        "`InferenceEngine::` types and methods have API 2.0 successors with other shapes: `Core::ReadNetwork` "
        "returns an `ov::Model` through `read_model`, `LoadNetwork` is `compile_model`, blobs are "
        "`ov::Tensor`s, `CONFIG_KEY`/`METRIC_KEY` strings are typed properties, and precision, layout and "
        "preprocessing move to `ov::preprocess::PrePostProcessor`. Each use is reported with its "
        "successor; the rewrite is left to a person because types and ownership change. Method names "
        "are checked only in code that uses the Inference Engine."
    )
    deprecation = API_1
    needles = ("InferenceEngine", "inference_engine")
    examples = (
        Example("#include <inference_engine.hpp>\n\nint main() {\n  InferenceEngine::Core ie;\n"
                "  auto net = ie.ReadNetwork(\"m.xml\");\n}\n", filename="main.cpp",
                message=("`InferenceEngine::Core` was removed in 2024.0: use `ov::Core`",
                         "`ReadNetwork` is API 1.0: use `core.read_model(path)`")),
        Example("using namespace InferenceEngine;\n\nvoid run(ExecutableNetwork& exec) {\n"
                "  auto request = exec.CreateInferRequest();\n}\n", filename="run.cpp",
                message=(("`using namespace InferenceEngine;`: the namespace was removed in 2024.0; use "
                          "`ov::`"),
                         ("`ExecutableNetwork` (from `InferenceEngine`) was removed: use `ov::CompiledModel` "
                          "(from `core.compile_model`)"),
                         "`CreateInferRequest` is API 1.0: use `compiled.create_infer_request()`")),
    )
    valid = (Valid("#include <openvino/openvino.hpp>\n// was InferenceEngine::Core\n"
                   "const char* note = \"InferenceEngine::Core\";\nov::Core core;\nauto m = core.read_model(\"m.xml\");\n",
                   filename="main.cpp"),)

    def check_native(self, unit) -> None:
        if not uses_inference_engine(unit):
            return
        imported = False
        for first, parts, past in names(unit):
            if parts[0] == "InferenceEngine" and len(parts) > 1:
                what = TYPES.get(parts[1], "the `ov::` API in its place (no successor of this name: OpenVINO's API "
                                           "2.0 transition guide maps each part)")
                self.report(span(unit, first, past), f"`{'::'.join(parts)}` was removed in {API_1.removed}: use {what}")
            elif parts == ["namespace"] and first > 0 and unit.code[first - 1].text == "using" and \
                    followed_by(unit, past, "InferenceEngine"):
                imported = True
                self.report(span(unit, first - 1, past + 1), "`using namespace InferenceEngine;`: the namespace was "
                                                           f"removed in {API_1.removed}; use `ov::`")
            elif len(parts) == 1 and parts[0] in MACROS and followed_by(unit, past, "("):
                self.report(span(unit, first, past), f"`{parts[0]}` was removed with API 1.0: use {MACROS[parts[0]]}")
            elif imported and parts[0] in TYPES and (len(parts) > 1 or not followed_by(unit, past, "(")):
                # `PluginConfigParams::KEY_CPU_THREADS_NUM`, `Precision::FP32`: a member of one too
                self.report(span(unit, first, past), f"`{'::'.join(parts)}` (from `InferenceEngine`) was removed: "
                                                    f"use {TYPES[parts[0]]}")
        for index, token in enumerate(unit.code):
            if (token.text in METHODS and index > 0 and unit.code[index - 1].text in (".", "->")
                    and followed_by(unit, index + 1, "(")):
                self.report((token.start, token.end), f"`{token.text}` is API 1.0: use {METHODS[token.text]}")
