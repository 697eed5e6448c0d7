"""The classification of the legacy Python surface that tools/coverage.py checks and reports.

One line per entry: `name: E(status, snippet, note)`. The status is what ovlint does TODAY with
the snippet (the tests run it and fail when it changes): SAFE or UNSAFE (a fix that `--fix`, or
only `--fix --unsafe-fixes`, applies, leaving no finding), UNCHANGED (no finding and no edit on
the use: the spelling means the same in API 2.0) or MANUAL (a finding without a fix on the use; the
note says why no rewrite is possible). `wrong="..."` marks an entry where what ovlint does is not
right (a rewrite that breaks the program, or silence on a use that breaks): it is reported as a
gap whatever its status.

A snippet is Python (an MO option's is a shell command): its `import` lines are hoisted, the rest
is the use. Member snippets run after the prelude of their class (`CLASS_PRELUDES`), name entries
with the import of their module (`IMPORTS`) unless they import something themselves. Templates
may use `{name}`, `{module}`, `{tail}` (the module without its first part) and `{alias}` (the
module spelled from `import ngraph as ng`). `alone=True` keeps a snippet as written, in a program
of its own (its use is an import). Families give one status to every name of some modules;
members of nGraph classes whose API 2.0 twin (`TWINS`) has them in every target release are
derived: unchanged on an object, renamed with the class when used through it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

SAFE, UNSAFE, UNCHANGED, MANUAL = "safe", "unsafe", "unchanged", "manual"
# ovlint flags `ngraph` only in code that shows it is OpenVINO's (the PyPI package `ngraph` is another
# project): a mention of `openvino`, an opset, `Function`, ...; the comment is that mention
NG = "import ngraph as ng  # the nGraph of openvino"


class E(NamedTuple):
    status: str
    snippet: str
    note: str = ""
    prelude: Optional[str] = None  # another prelude than the class's ("" for none)
    wrong: str = ""
    alone: bool = False


def safe(snippet, note="", **kw):
    return E(SAFE, snippet, note, **kw)


def unsafe(snippet, note="", **kw):
    return E(UNSAFE, snippet, note, **kw)


def unchanged(snippet, note, **kw):
    return E(UNCHANGED, snippet, note, **kw)


def manual(snippet, why, **kw):
    return E(MANUAL, snippet, why, **kw)


# --- objects of each class -------------------------------------------------------------------------
# Each prelude gets its object through a rewrite that is itself safe where API 1.0 allows (an
# annotated variable becomes its API 2.0 twin), so that an entry's status is its own.

PRELUDES = {
    "ie": "from openvino.inference_engine import IECore\nie = IECore()",
    "net": "from openvino.inference_engine import IENetwork\nnet: IENetwork = ...",
    "core_net": "from openvino.inference_engine import IECore, IENetwork\nie = IECore()\nnet: IENetwork = ...",
    "exec_net": "from openvino.inference_engine import ExecutableNetwork\nexec_net: ExecutableNetwork = ...",
    "request": "from openvino.inference_engine import InferRequest\nrequest: InferRequest = ...",
    "blob": "from openvino.inference_engine import Blob\nblob: Blob = ...",
    "data": "from openvino.inference_engine import IENetwork\nnet: IENetwork = ...\ndata = net.outputs[\"prob\"]",
    "cdata": ("from openvino.inference_engine import ExecutableNetwork\nexec_net: ExecutableNetwork = ...\n"
              "cdata = exec_net.outputs[\"prob\"]"),
    "info": "from openvino.inference_engine import IENetwork\nnet: IENetwork = ...\ninfo = net.input_info[\"data\"]",
    "cinfo": ("from openvino.inference_engine import ExecutableNetwork\nexec_net: ExecutableNetwork = ...\n"
              "cinfo = exec_net.input_info[\"data\"]"),
    "state": ("from openvino.inference_engine import InferRequest\nrequest: InferRequest = ...\n"
              "state = request.query_state()[0]"),
    "status": "from openvino.inference_engine import StatusCode",
    "wait_mode": "from openvino.inference_engine import WaitMode",
    "color": "from openvino.inference_engine import ColorFormat",
    "mean": "from openvino.inference_engine import MeanVariant",
    "resize": "from openvino.inference_engine import ResizeAlgorithm",
    "buffer": "from openvino.inference_engine import BlobBuffer",
    # nGraph: the prelude's name is the variable derived member snippets use
    "node": NG + "\nnode = ng.opset8.relu(ng.opset8.parameter([1, 3], name=\"x\"))",
    "const": NG + "\nconst = ng.opset8.constant([1.0, 2.0])",
    "param": NG + "\nparam = ng.opset8.parameter([1, 3], name=\"x\")",
    "function": (NG + "\nparam = ng.opset8.parameter([1, 3], name=\"x\")\n"
                 "function = ng.Function([ng.opset8.relu(param)], [param], \"f\")"),
    "dim": NG + "\ndim = ng.Dimension(3)",
    "shape": NG + "\nshape = ng.PartialShape([1, 3])",
    "element_type": NG + "\nelement_type = ng.impl.Type.f32",
    "port_in": NG + "\nport_in = ng.opset8.relu(ng.opset8.parameter([1, 3], name=\"x\")).input(0)",
    "port_out": NG + "\nport_out = ng.opset8.parameter([1, 3], name=\"x\").output(0)",
    "type_info": NG + "\ntype_info = ng.opset8.parameter([1, 3], name=\"x\").get_type_info()",
}

CLASS_PRELUDES = {
    "openvino.inference_engine.IECore": "ie",
    "openvino.inference_engine.IENetwork": "net",
    "openvino.inference_engine.ExecutableNetwork": "exec_net",
    "openvino.inference_engine.InferRequest": "request",
    "openvino.inference_engine.Blob": "blob",
    "openvino.inference_engine.DataPtr": "data",
    "openvino.inference_engine.CDataPtr": "cdata",
    "openvino.inference_engine.InputInfoPtr": "info",
    "openvino.inference_engine.InputInfoCPtr": "cinfo",
    "openvino.inference_engine.TensorDesc": "blob",
    "openvino.inference_engine.PreProcessInfo": "info",
    "openvino.inference_engine.PreProcessChannel": "info",
    "openvino.inference_engine.VariableState": "state",
    "openvino.inference_engine.StatusCode": "status",
    "openvino.inference_engine.WaitMode": "wait_mode",
    "openvino.inference_engine.ColorFormat": "color",
    "openvino.inference_engine.MeanVariant": "mean",
    "openvino.inference_engine.ResizeAlgorithm": "resize",
    "openvino.inference_engine.BlobBuffer": "buffer",
    "ngraph.Node": "node",
    "ngraph.impl.op.Constant": "const",
    "ngraph.impl.op.Parameter": "param",
    "ngraph.Function": "function",
    "ngraph.Dimension": "dim",
    "ngraph.PartialShape": "shape",
    "ngraph.impl.Type": "element_type",
    "ngraph.impl.Input": "port_in",
    "ngraph.impl.Output": "port_out",
    "ngraph.impl.DiscreteTypeInfo": "type_info",
}

# nGraph classes -> their API 2.0 twin under `openvino` (`openvino.runtime` before 2025.0)
TWINS = {
    "ngraph.Node": "Node", "ngraph.impl.op.Constant": "op.Constant", "ngraph.impl.op.Parameter": "op.Parameter",
    "ngraph.Function": "Model", "ngraph.Dimension": "Dimension", "ngraph.PartialShape": "PartialShape",
    "ngraph.impl.Type": "Type", "ngraph.impl.Input": "Input", "ngraph.impl.Output": "Output",
    "ngraph.impl.DiscreteTypeInfo": "DiscreteTypeInfo",
}
# API 1.0 classes -> their API 2.0 twin: an unchanged member must be there in every target release
IE_TWINS = {
    "openvino.inference_engine.IECore": "Core", "openvino.inference_engine.IENetwork": "Model",
    "openvino.inference_engine.ExecutableNetwork": "CompiledModel",
    "openvino.inference_engine.InferRequest": "InferRequest", "openvino.inference_engine.Blob": "Tensor",
}
# how a snippet spells each nGraph class (`import ngraph as ng`)
CLASS_SPELLING = {cls: cls.replace("ngraph", "ng", 1) for cls in TWINS}

# --- names of modules ----------------------------------------------------------------------------

IMPORTS = {
    "openvino.inference_engine": "from openvino.inference_engine import {name}",
    "ngraph": NG,
    "ngraph.impl": NG,
    "ngraph.impl.op": NG,
}
MO_IMPORT = "from openvino.tools.mo import convert_model"

NO_NGRAPH_HELPERS = ("nGraph's own helpers (argument checks, node factories, type conversions, its exceptions) have no "
                     "public API 2.0 counterpart; graphs are built with the `openvino.opsetN` functions")
NO_PORT_API = "API 2.0 has ports (`model.input(name)`, `ov.Output`) with another API in their place"
PPP_STEPS = "`PrePostProcessor` steps on the model, built where the settings end"
PPP = "preprocessing is a `PrePostProcessor` built on the model in API 2.0: a program of another shape"
STATUS = ("a member is its integer value (API 2.0 returns no status codes: `wait()` returns None and raises on "
          "failure); safe in comparisons, unsafe where the member is printed")
WAIT_MODE = "`wait(WaitMode.RESULT_READY)` is `wait()`, `wait(WaitMode.STATUS_ONLY)` compared with OK is `wait_for(0)`"

NAMES = {
    "openvino.inference_engine": {
        "IECore": safe("ie = IECore()"),
        "IENetwork": unsafe('net = IENetwork("m.xml", "m.bin")'),
        "ExecutableNetwork": safe("def run(exec_net: ExecutableNetwork): ..."),
        "InferRequest": safe("def run(request: InferRequest): ..."),
        "Blob": unsafe("tensor = Blob(desc, array)"),
        "TensorDesc": unsafe('from openvino.inference_engine import Blob, TensorDesc\n'
                             'tensor = Blob(TensorDesc("FP32", [1, 3], "NC"), array)'),
        "DataPtr": manual("def show(data: DataPtr): ...", NO_PORT_API),
        "CDataPtr": manual("def show(data: CDataPtr): ...", NO_PORT_API),
        "InputInfoPtr": manual("def show(info: InputInfoPtr): ...", NO_PORT_API + " and `PrePostProcessor` steps"),
        "InputInfoCPtr": manual("def show(info: InputInfoCPtr): ...", NO_PORT_API),
        "PreProcessInfo": manual("info = PreProcessInfo()", PPP),
        "PreProcessChannel": manual("def show(channel: PreProcessChannel): ...", PPP),
        "BlobBuffer": manual("def show(buffer: BlobBuffer): ...",
                             "the buffer behind a Blob, which programs never saw: a tensor's `data` is a numpy array"),
        "VariableState": manual("def show(state: VariableState): ...",
                                "no rewrite yet: `openvino` does not export API 2.0's `VariableState` under a name, "
                                "so an annotation has nothing to become"),
        "StatusCode": unsafe("print(StatusCode.OK)", STATUS),
        "WaitMode": unsafe("request.wait(WaitMode.RESULT_READY)", WAIT_MODE, prelude="request"),
        "ColorFormat": safe("print(ColorFormat.BGR)"),
        "MeanVariant": manual("print(MeanVariant.MEAN_VALUE)", PPP),
        "ResizeAlgorithm": safe("print(ResizeAlgorithm.RESIZE_BILINEAR)"),
        "__version__": safe("print(__version__)"),
        "get_version": safe("print(get_version())"),
        "read_network": unsafe('net = read_network("m.xml", "m.bin")'),
        "constants": manual("from openvino.inference_engine import constants\nprint(constants.StatusCode.OK)",
                            "the module of API 1.0's enums (`StatusCode`, `WaitMode`, ...), which have no API 2.0 "
                            "counterpart", alone=True),
        "ie_api": safe("from openvino.inference_engine import ie_api\nie = ie_api.IECore()", alone=True),
        "known_plugins": manual("print(known_plugins)",
                                "no rewrite yet: a fixed list of device names; `ov.Core().available_devices` lists the "
                                "devices present"),
        "layout_int_to_str_map": manual("print(layout_int_to_str_map[1])", "API 1.0's layout enum is gone: API 2.0 spells "
                                        "layouts as strings (`ov.Layout(\"NCHW\")`)"),
        "layout_str_to_enum": manual('print(layout_str_to_enum["NCHW"])', "API 1.0's layout enum is gone: API 2.0 spells "
                                     "layouts as strings (`ov.Layout(\"NCHW\")`)"),
        "supported_precisions": manual("print(supported_precisions)",
                                       "API 1.0's precision names are gone: API 2.0 has the `ov.Type` members"),
    },
    "ngraph": {
        "Dimension": safe("dim = ng.Dimension(3)"),
        "Function": safe('function = ng.Function([result], [param], "f")'),
        "Node": safe("def show(node: ng.Node): ..."),
        "PartialShape": safe("shape = ng.PartialShape([1, 3])"),
        "__version__": manual("print(ng.__version__)", "no rewrite yet: it is the OpenVINO release, `ov.__version__`"),
        "exceptions": manual("errors = (ng.exceptions.NgraphError,)", NO_NGRAPH_HELPERS),
        "function_from_cnn": unsafe("function = ng.function_from_cnn(net)", prelude="net"),
        "function_to_cnn": unsafe("net = ng.function_to_cnn(function)"),
        "helpers": manual("ng.helpers", NO_NGRAPH_HELPERS),
        "impl": manual("ng.impl", "the module itself has no counterpart (its classes are `openvino`'s, and are rewritten "
                                  "where they are named)"),
        "opset_utils": manual("ng.opset_utils", NO_NGRAPH_HELPERS),
        "util": manual("ng.util", NO_NGRAPH_HELPERS),
        "utils": manual("ng.utils", NO_NGRAPH_HELPERS),
        **{f"opset{n}": safe(f"ops = ng.opset{n}") for n in range(1, 12)},
    },
    "ngraph.impl": {
        **{name: safe(f"ng.impl.{name}") for name in (
            "AxisSet", "AxisVector", "Coordinate", "CoordinateDiff", "Dimension", "DiscreteTypeInfo", "Function",
            "Input", "Node", "Output", "PartialShape", "Shape", "Strides", "Type")},
        "op": manual("ng.impl.op", "the module itself has no counterpart (`ng.impl.op.Constant` and `Parameter` are "
                                   "rewritten where they are named)"),
        "util": manual("ng.impl.util", NO_NGRAPH_HELPERS),
    },
    "ngraph.impl.op": {
        "Constant": safe("ng.impl.op.Constant"),
        "Parameter": safe("ng.impl.op.Parameter"),
    },
}


@dataclass
class Family:
    """Every name of the modules matching `modules` for which `matches` holds: `entry`, but for
    `exceptions` (by name)."""
    name: str
    modules: str  # a regular expression for the module
    entry: E
    exceptions: dict = field(default_factory=dict)
    imports: str = ""  # the import the snippets need (else the module's)
    functions: str = ""  # only names that are functions defined in a module matching this
    listed: bool = False  # `entry` is checked as one `from <module> import (a, b, ...)` per module

    def matches(self, item) -> bool:
        return not self.functions or (item.what == "function" and re.match(self.functions, item.ref) is not None)


BODIES = ("took its bodies and port descriptions from `ngraph.utils.tensor_iterator_types`: in API 2.0 it is a "
          "class configured after construction (`set_function`, `set_sliced_input`, ...), a program of another shape")

NO_LSTM = ("`openvino.opset{n}.lstm_sequence` is gone since 2025.0: only `opset5.lstm_sequence` and later remain, "
           "with the arguments of LSTMSequence-5, so the call must be rewritten by hand")

FAMILIES = [
    # `from ngraph.opset8 import relu`: every name of an opset in one import statement
    Family("the functions of ngraph.opsetN", r"ngraph\.opset\d+", E(SAFE, "from {module} import {name}"),
           {**{op: manual("ng.{tail}." + op, BODIES) for op in ("loop", "tensor_iterator", "if_op")},
            # exceptions by module: `ngraph.opset1.lstm_sequence`
            **{f"ngraph.opset{n}.lstm_sequence": manual(f"ng.opset{n}.lstm_sequence", NO_LSTM.format(n=n))
               for n in range(1, 5)}},
           imports=NG, listed=True),
    Family("the op functions at the top level of ngraph", r"ngraph", E(SAFE, "ng.{name}"),
           {op: manual("ng." + op, BODIES) for op in ("loop", "tensor_iterator", "if_op")},
           functions=r"ngraph\.opset\d+\.ops\."),
    Family("nGraph's helpers and utilities", r"ngraph\.(exceptions|helpers|opset_utils|utils|utils\..*)",
           manual("{alias}.{name}", NO_NGRAPH_HELPERS), imports=NG),
]

# --- members of classes ----------------------------------------------------------------------------

NO_VALIDATE = ("`Node.validate()` is gone from API 2.0 since 2024.6; `validate_and_infer_types()` is not the same "
               "check, so the call is reported (OV109) for a person to decide")
NO_PORT_MEMBER = ("an API 2.0 port (`ov.Output`) has no `{member}` (ports are never unallocated): reported (OV109) "
                  "for a person to drop the check")
QUEUE = "request pools are `ov.AsyncInferQueue` in API 2.0 (a queue with one callback), a program of another shape"
PRECISION_READ = ("the port's element type spelt as API 1.0 did (`FP32`); API 1.0 reported some types converted "
                  "(FP16 as FP32), so it is unsafe")
PORT_SETTING = ("precision and layout were settings of the network's inputs and outputs; in API 2.0 they are "
                "`PrePostProcessor` steps, which ovlint writes only for an assignment followed by `load_network` of the "
                "same network")
CAPSULE = "capsules handed nGraph graphs to API 1.0; API 2.0 compiles the `ov.Model` itself"
FRAMEWORK = "the model's framework is gone: export it to ONNX first (no converter reads it any more)"

MEMBERS = {
    "openvino.inference_engine.IECore": {
        "add_extension": unsafe('ie.add_extension("libext.so", "CPU")'),
        "available_devices": unchanged("print(ie.available_devices)", "`ov.Core.available_devices` lists the same devices"),
        "get_config": unsafe('print(ie.get_config("CPU", "CPU_THREADS_NUM"))'),
        "get_metric": safe('print(ie.get_metric("CPU", "FULL_DEVICE_NAME"))'),
        "get_versions": unchanged('print(ie.get_versions("CPU"))',
                                  "`ov.Core.get_versions` returns the same dict of versions by device"),
        "import_network": safe('exec_net = ie.import_network("model.blob", "CPU")'),
        "load_network": unsafe('exec_net = ie.load_network(net, "CPU")', prelude="core_net"),
        "query_network": unsafe('print(ie.query_network(net, "CPU"))', prelude="core_net"),
        "read_network": unsafe('net = ie.read_network("m.xml", "m.bin")'),
        "register_plugin": unchanged('ie.register_plugin("libplugin.so", "X")', "`ov.Core.register_plugin` takes the same"),
        "register_plugins": unchanged('ie.register_plugins("plugins.xml")', "`ov.Core.register_plugins` takes the same"),
        "set_config": unsafe('ie.set_config({"PERF_COUNT": "YES"}, "CPU")'),
        "unregister_plugin": unsafe('ie.unregister_plugin("CPU")', "`ov.Core.unload_plugin(device)`"),
    },
    "openvino.inference_engine.IENetwork": {
        "add_outputs": unsafe('net.add_outputs("conv1")', "`model.add_outputs((layer, port))`, naming the new outputs "
                                                          "after the layer as API 1.0 did"),
        "batch_size": unsafe("print(net.batch_size)"),
        "get_ov_name_for_tensor": unsafe('print(net.get_ov_name_for_tensor("prob"))',
                                         "the name itself: API 2.0 addresses ports by tensor name"),
        "input_info": unsafe("print(list(net.input_info))"),
        "name": unsafe("print(net.name)"),
        "outputs": unsafe("print(list(net.outputs))"),
        "reshape": unsafe('net.reshape({"data": [1, 3, 224, 224]})', "the same call; reported because its keys are "
                                                                     "tensor names now, where API 1.0 took layer names"),
        "serialize": unsafe('net.serialize("out.xml", "out.bin")'),
    },
    "openvino.inference_engine.ExecutableNetwork": {
        "export": unsafe('exec_net.export("model.blob")', "a `with open(path, \"wb\")` block writing what "
                                                          "`export_model()` gives"),
        "get_config": safe('print(exec_net.get_config("PERF_COUNT"))', "a compiled model gives the key's value as API 1.0 "
                                                                   "did; a key API 1.0 named gets `str()`"),
        "get_exec_graph_info": unsafe("graph = exec_net.get_exec_graph_info()"),
        "get_idle_request_id": manual("request_id = exec_net.get_idle_request_id()", QUEUE),
        "get_metric": unsafe('print(exec_net.get_metric("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))'),
        "infer": unsafe('result = exec_net.infer({"data": frame})'),
        "input_info": unsafe("print(list(exec_net.input_info))"),
        "outputs": unsafe("print(list(exec_net.outputs))"),
        "requests": unsafe('exec_net = ie.load_network(net, "CPU")\nrequest = exec_net.requests[0]', prelude="core_net"),
        "set_config": unsafe('exec_net.set_config({"PERF_COUNT": "YES"})'),
        "start_async": unsafe('exec_net = ie.load_network(net, "CPU")\n'
                              'exec_net.start_async(request_id=0, inputs={"data": frame})', prelude="core_net"),
        "wait": manual("exec_net.wait()", QUEUE),
    },
    "openvino.inference_engine.InferRequest": {
        "async_infer": safe('request.async_infer({"data": frame})'),
        "get_perf_counts": safe("print(request.get_perf_counts())",
                                "the dict API 1.0 returned, rebuilt from `profiling_info` as 2023.3 itself did"),
        "infer": safe('request.infer({"data": frame})', "the same call (which also returns the results API 1.0 left in "
                                                        "`output_blobs`); reported because API 2.0 raises for an array "
                                                        "without its input's shape, which API 1.0 copied into the blob"),
        "input_blobs": unsafe('print(request.input_blobs["data"])'),
        "latency": unchanged("print(request.latency)", "`ov.InferRequest.latency` is the same duration of the last "
                                                       "inference in milliseconds, in every release from 2023.3 to 2026.4.1"),
        "output_blobs": unsafe('print(request.output_blobs["prob"])'),
        "preprocess_info": manual('print(request.preprocess_info("data"))',
                                  "an input's preprocessing is part of the model in API 2.0 (`PrePostProcessor`), "
                                  "not something a request can read back"),
        "query_state": unchanged("states = request.query_state()",
                                 "`ov.InferRequest.query_state()` returns the request's states the same way"),
        "set_blob": unsafe('request.set_blob("data", blob)'),
        "set_completion_callback": unsafe("request.set_completion_callback(on_done, 0)",
                                          "`set_callback` with the status API 1.0 passed on success bound first; "
                                          "failures raise in `wait()` instead"),
        "wait": unsafe("request.wait(-1)"),
    },
    "openvino.inference_engine.Blob": {
        "buffer": safe("print(blob.buffer)"),
        "set_shape": unchanged("blob.set_shape([1, 3])", "`ov.Tensor.set_shape` takes the same"),
        "tensor_desc": manual("print(blob.tensor_desc)", "a tensor has no descriptor object: its `shape` and "
                                                         "`element_type` are separate and it has no layout"),
    },
    "openvino.inference_engine.TensorDesc": {
        "dims": safe("print(blob.tensor_desc.dims)"),
        "layout": manual("print(blob.tensor_desc.layout)", "a tensor has no layout in API 2.0 (a model's port has one, "
                                                           "set with `PrePostProcessor`)"),
        "precision": unsafe("print(blob.tensor_desc.precision)",
                            "the tensor's `element_type`, spelt as API 1.0 named precisions (`FP32`)"),
    },
    "openvino.inference_engine.DataPtr": {
        "initialized": manual("print(data.initialized)", NO_PORT_MEMBER.format(member="initialized")),
        "layout": manual("print(data.layout)", PORT_SETTING),
        "name": unsafe("print(data.name)"),
        "precision": unsafe("print(data.precision)", PRECISION_READ),
        "shape": unsafe("print(data.shape)"),
    },
    "openvino.inference_engine.CDataPtr": {
        "initialized": manual("print(cdata.initialized)", NO_PORT_MEMBER.format(member="initialized")),
        "layout": manual("print(cdata.layout)", PORT_SETTING),
        "name": unsafe("print(cdata.name)"),
        "precision": unsafe("print(cdata.precision)", PRECISION_READ),
        "shape": unsafe("print(cdata.shape)"),
    },
    "openvino.inference_engine.InputInfoPtr": {
        "input_data": unsafe("print(info.input_data.shape)"),
        "layout": manual("print(info.layout)", PORT_SETTING),
        "name": unsafe("print(info.name)"),
        "precision": unsafe("print(info.precision)", PRECISION_READ),
        "preprocess_info": manual("print(info.preprocess_info)", PPP),
        "tensor_desc": unsafe("print(info.tensor_desc.dims)"),
    },
    "openvino.inference_engine.InputInfoCPtr": {
        "input_data": unsafe("print(cinfo.input_data.shape)"),
        "name": unsafe("print(cinfo.name)"),
        "precision": unsafe("print(cinfo.precision)", PRECISION_READ),
        "tensor_desc": unsafe("print(cinfo.tensor_desc.dims)"),
    },
    "openvino.inference_engine.PreProcessInfo": {
        "color_format": unsafe("from openvino.inference_engine import ColorFormat\n"
                               "info.preprocess_info.color_format = ColorFormat.BGR", PPP_STEPS),
        "get_number_of_channels": manual("print(info.preprocess_info.get_number_of_channels())", PPP),
        "init": unsafe("info.preprocess_info.init(3)", PPP_STEPS),
        "mean_variant": manual("from openvino.inference_engine import MeanVariant\n"
                               "info.preprocess_info.mean_variant = MeanVariant.MEAN_VALUE", PPP),
        "resize_algorithm": manual("from openvino.inference_engine import ResizeAlgorithm\n"
                                   "info.preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR", PPP),
        "set_mean_image": manual("info.preprocess_info.set_mean_image(mean_blob)", PPP),
        "set_mean_image_for_channel": manual("info.preprocess_info.set_mean_image_for_channel(mean_blob, 0)", PPP),
    },
    "openvino.inference_engine.PreProcessChannel": {
        "mean_data": manual("info.preprocess_info[0].mean_data = mean_blob", PPP),
        "mean_value": manual("info.preprocess_info[0].mean_value = 0.5", PPP),
        "std_scale": manual("info.preprocess_info[0].std_scale = 255.0", PPP),
    },
    "openvino.inference_engine.VariableState": {
        "name": unchanged("print(state.name)", "API 2.0's `VariableState.name` (checked on the releases)"),
        "reset": unchanged("state.reset()", "API 2.0's `VariableState.reset()` (checked on the releases)"),
        "state": safe("print(state.state.buffer)", "an `ov.Tensor` in API 2.0, whose data is `data`"),
    },
    "openvino.inference_engine.BlobBuffer": {
        member: manual(f"def show(buffer: BlobBuffer): return buffer.{member}{call}", "the buffer behind a Blob, which "
                       "programs never saw: a tensor's `data` is a numpy array")
        for member, call in (("item_size", ""), ("to_numpy", "()"), ("total_stride", ""))
    },
    "openvino.inference_engine.StatusCode": {
        **{member: unsafe(f"print(StatusCode.{member})", STATUS)
           for member in ("GENERAL_ERROR", "INFER_NOT_STARTED", "NETWORK_NOT_LOADED", "NETWORK_NOT_READ",
                          "NOT_ALLOCATED", "NOT_FOUND", "NOT_IMPLEMENTED", "OUT_OF_BOUNDS", "PARAMETER_MISMATCH",
                          "REQUEST_BUSY", "RESULT_NOT_READY", "UNEXPECTED")},
        "OK": unsafe("from openvino.inference_engine import StatusCode\ndone = request.wait(-1) == StatusCode.OK",
                     "compared with what `wait()` returned, `wait() is None`", prelude="request"),
    },
    "openvino.inference_engine.WaitMode": {
        member: unsafe(f"from openvino.inference_engine import WaitMode\nrequest.wait(WaitMode.{member})", WAIT_MODE,
                       prelude="request")
        for member in ("RESULT_READY", "STATUS_ONLY")
    },
    "openvino.inference_engine.ColorFormat": {
        **{member: safe(f"print(ColorFormat.{member})", "`ov.preprocess.ColorFormat`") for member in ("BGR", "RGB")},
        **{member: manual(f"print(ColorFormat.{member})", PPP) for member in ("BGRX", "RAW", "RGBX")},
    },
    "openvino.inference_engine.MeanVariant": {
        member: manual(f"print(MeanVariant.{member})", PPP) for member in ("MEAN_IMAGE", "MEAN_VALUE", "NONE")
    },
    "openvino.inference_engine.ResizeAlgorithm": {
        "NO_RESIZE": manual("print(ResizeAlgorithm.NO_RESIZE)", PPP),
        "RESIZE_AREA": unsafe("print(ResizeAlgorithm.RESIZE_AREA)", "`RESIZE_NEAREST`, what the last API 1.0 releases did"),
        "RESIZE_BILINEAR": safe("print(ResizeAlgorithm.RESIZE_BILINEAR)", "`ov.preprocess.ResizeAlgorithm.RESIZE_LINEAR`"),
    },
    "ngraph.Function": {
        "from_capsule": manual("function = ng.Function.from_capsule(capsule)", CAPSULE),
        "to_capsule": manual("capsule = ng.Function.to_capsule(function)", CAPSULE + " (`IENetwork(ng.Function."
                             "to_capsule(f))` is rewritten to `f`)"),
    },
    "ngraph.PartialShape": {
        "from_capsule": manual("shape = ng.PartialShape.from_capsule(capsule)", CAPSULE),
    },
    "ngraph.Node": {"validate": manual("node.validate()", NO_VALIDATE)},
    "ngraph.impl.op.Constant": {"validate": manual("const.validate()", NO_VALIDATE)},
    "ngraph.impl.op.Parameter": {"validate": manual("param.validate()", NO_VALIDATE)},
    "ngraph.opset_utils.NodeFactory": {
        "create": manual('ng.opset_utils.NodeFactory("opset8").create("Relu", [param])', NO_NGRAPH_HELPERS,
                         prelude="param"),
    },
    **{f"ngraph.utils.tensor_iterator_types.{cls}": {
        "serialize": manual(NG + f"\nng.utils.tensor_iterator_types.{cls}{args}.serialize()", BODIES, prelude="")}
       for cls, args in (("GraphBody", "([param], [result])"), ("TensorIteratorBodyOutputDesc", "(0, 0)"),
                         ("TensorIteratorConcatOutputDesc", "(0, 0, 0, 1, 1, -1, 0)"),
                         ("TensorIteratorInputDesc", "(0, 0)"), ("TensorIteratorInvariantInputDesc", "(0, 0)"),
                         ("TensorIteratorMergedInputDesc", "(0, 0, 1)"), ("TensorIteratorOutputDesc", "(0, 0)"),
                         ("TensorIteratorSliceInputDesc", "(0, 0, 0, 1, 1, -1, 0)"))},
}

# --- the Model Optimizer ---------------------------------------------------------------------------

LEGACY_FRONT_END = "an option of MO's legacy front ends, which are gone with it (ovc has only the new ones)"
OD_API = "TF Object Detection API models went with MO's legacy front end: convert them from a SavedModel"
CLI_PREPROCESSING = ("ovc converts only: preprocessing moves into the program that reads the model (a "
                     "`PrePostProcessor`), which a rewrite of the command cannot write")
SHAPED = 'ov_model = convert_model("m.onnx", input_shape=[1, 3, 224, 224], '
SAME_ARGUMENT = ("`openvino.convert_model` takes the same argument; the call is migrated by rewriting its import "
                 "(`from openvino import convert_model`)")

# `convert_model(...)` with one argument (and the model): `{name}=<value>`
MO_PARAMETERS = {
    "input_model": unchanged('ov_model = convert_model("m.onnx")', SAME_ARGUMENT),
    "help": manual('convert_model({name}=True)',
                   "`help=True` printed MO's help and converted nothing: there is no conversion to rewrite"),
    "framework": safe('ov_model = convert_model("m.onnx", {name}="onnx")'),
    "input": safe('ov_model = convert_model("m.onnx", {name}="data[1,3,224,224]")'),
    "output": unchanged('ov_model = convert_model("m.onnx", {name}="prob")', SAME_ARGUMENT),
    "input_shape": safe('ov_model = convert_model("m.onnx", {name}=[1, 3, 224, 224])'),
    "example_input": unchanged('ov_model = convert_model(torch_model, {name}=torch_input)', SAME_ARGUMENT),
    "batch": manual('ov_model = convert_model("m.onnx", {name}=2)',
                    "`ov.convert_model` takes no batch: it is set on the converted model (`ov.set_batch`, which needs "
                    "the inputs' layout), which the call alone does not tell"),
    # MO found the channels of an input without a layout by a dimension of 3 in its shape
    "mean_values": unsafe(SHAPED + "{name}=[123.675, 116.28, 103.53])"),
    "scale_values": unsafe(SHAPED + "{name}=[58.395, 57.12, 57.375])"),
    "scale": safe('ov_model = convert_model("m.onnx", {name}=255)'),
    "reverse_input_channels": unsafe(SHAPED + "{name}=True)"),
    "source_layout": safe('ov_model = convert_model("m.onnx", {name}="nchw")'),
    "target_layout": safe('ov_model = convert_model("m.onnx", {name}="nhwc")'),
    "layout": safe('ov_model = convert_model("m.onnx", {name}="nchw")'),
    "compress_to_fp16": unsafe('ov_model = convert_model("m.onnx", {name}=True)'),
    "extensions": safe('ov_model = convert_model("m.onnx", {name}="libext.so")'),
    "transform": unsafe('ov_model = convert_model("m.onnx", {name}="LowLatency2")'),
    "transformations_config": manual('ov_model = convert_model("m.pb", {name}="config.json")', LEGACY_FRONT_END),
    "silent": safe('ov_model = convert_model("m.onnx", {name}=True)'),
    "log_level": safe('ov_model = convert_model("m.onnx", {name}="DEBUG")'),
    "version": manual('convert_model({name}=True)', "`version=True` printed MO's version and converted nothing"),
    "progress": safe('ov_model = convert_model("m.onnx", {name}=True)'),
    "stream_output": safe('ov_model = convert_model("m.onnx", {name}=True)'),
    "share_weights": unchanged('ov_model = convert_model("m.onnx", {name}=False)', SAME_ARGUMENT),
    "example_output": manual('ov_model = convert_model(paddle_model, {name}=paddle_output)',
                             "`ov.convert_model` takes a Paddle model's outputs from the model: nothing replaces the argument"),
    "input_model_is_text": manual('ov_model = convert_model("m.pbtxt", {name}=True)',
                                  "the TensorFlow front end reads binary protobufs only"),
    "input_checkpoint": manual('ov_model = convert_model("m.pb", {name}="model.ckpt")',
                               "no rewrite yet: the checkpoint goes with the model, `input_model=[model, checkpoint]`"),
    "input_meta_graph": safe('ov_model = convert_model({name}="model.meta")'),
    "saved_model_dir": safe('ov_model = convert_model({name}="saved_model")'),
    "saved_model_tags": manual('ov_model = convert_model("saved_model", {name}="serve")', LEGACY_FRONT_END),
    "tensorflow_custom_operations_config_update": manual('ov_model = convert_model("m.pb", {name}="c.json")',
                                                         LEGACY_FRONT_END),
    "tensorflow_object_detection_api_pipeline_config": manual('ov_model = convert_model("m.pb", {name}="pipeline.config")',
                                                              OD_API),
    "tensorboard_logdir": manual('ov_model = convert_model("m.pb", {name}="logs")', LEGACY_FRONT_END),
    "tensorflow_custom_layer_libraries": manual('ov_model = convert_model("m.pb", {name}="ops.so")', LEGACY_FRONT_END),
    "input_symbol": manual('ov_model = convert_model("m.params", {name}="m-symbol.json")', FRAMEWORK),
    "nd_prefix_name": manual('ov_model = convert_model("m.params", {name}="prefix")', FRAMEWORK),
    "pretrained_model_name": manual('ov_model = convert_model("m.params", {name}="model")', FRAMEWORK),
    "save_params_from_nd": manual('ov_model = convert_model("m.params", {name}=True)', FRAMEWORK),
    "legacy_mxnet_model": manual('ov_model = convert_model("m.params", {name}=True)', FRAMEWORK),
    "enable_ssd_gluoncv": manual('ov_model = convert_model("m.params", {name}=True)', FRAMEWORK),
    "input_proto": manual('ov_model = convert_model("m.caffemodel", {name}="deploy.prototxt")', FRAMEWORK),
    "caffe_parser_path": manual('ov_model = convert_model("m.caffemodel", {name}="parser")', FRAMEWORK),
    "k": manual('ov_model = convert_model("m.caffemodel", {name}="CustomLayersMapping.xml")', FRAMEWORK),
    "disable_omitting_optional": manual('ov_model = convert_model("m.caffemodel", {name}=True)', FRAMEWORK),
    "enable_flattening_nested_params": manual('ov_model = convert_model("m.caffemodel", {name}=True)', FRAMEWORK),
    "counts": manual('ov_model = convert_model("m.nnet", {name}="m.counts")', FRAMEWORK),
    "remove_output_softmax": manual('ov_model = convert_model("m.nnet", {name}=True)', FRAMEWORK),
    "remove_memory": manual('ov_model = convert_model("m.nnet", {name}=True)', FRAMEWORK),
    "**args": manual('ov_model = convert_model("m.onnx", **options)',
                     "what the arguments are is known only when the program runs"),
}

# `mo --input_model m.onnx {option} <value>`
MO_OPTIONS = {
    "--batch": manual("mo --input_model m.onnx {name} 2",
                      "ovc has no batch option: give the batch in the shape of `--input`, or set it in the program"),
    "--caffe_parser_path": manual("mo --input_model m.caffemodel {name} parser", FRAMEWORK),
    "--compress_to_fp16": safe("mo --input_model m.onnx {name}"),
    "--counts": manual("mo --input_model m.nnet {name} m.counts", FRAMEWORK),
    "--disable_omitting_optional": manual("mo --input_model m.caffemodel {name}", FRAMEWORK),
    "--enable_flattening_nested_params": manual("mo --input_model m.caffemodel {name}", FRAMEWORK),
    "--enable_ssd_gluoncv": manual("mo --input_model m.params {name}", FRAMEWORK),
    "--example_input": manual("mo --input_model m.onnx {name} input.npy",
                              "ovc has no such option: example inputs are for models in memory "
                              "(`ov.convert_model(model, example_input=...)`)"),
    "--extensions": safe("mo --input_model m.onnx {name} libext.so"),
    "--framework": safe("mo --input_model m.onnx {name} onnx"),
    "--freeze_placeholder_with_value": manual('mo --input_model m.pb {name} "is_training->False"',
                                              "ovc freezes no input: fold the value into the source model"),
    "--help": unchanged("mo {name}", "alone it cannot be told from the bash Mustache renderer, also `mo`"),
    "--input": safe("mo --input_model m.onnx {name} data"),
    "--input_checkpoint": manual("mo --input_model m.pb {name} model.ckpt",
                                 "no rewrite yet: the checkpoint goes with the model as ovc's positional inputs"),
    "--input_meta_graph": manual("mo {name} model.meta",
                                 "no rewrite yet: the meta graph file becomes ovc's positional input"),
    "--input_model": safe("mo {name} m.onnx"),
    "--input_model_is_text": manual("mo --input_model m.pbtxt {name}",
                                    "the TensorFlow front end reads binary protobufs only"),
    "--input_proto": manual("mo --input_model m.caffemodel {name} deploy.prototxt", FRAMEWORK),
    "--input_shape": safe("mo --input_model m.onnx {name} [1,3,224,224]"),
    "--input_symbol": manual("mo --input_model m.params {name} m-symbol.json", FRAMEWORK),
    "--k": manual("mo --input_model m.caffemodel {name} CustomLayersMapping.xml", FRAMEWORK),
    "--layout": manual("mo --input_model m.onnx {name} nchw", CLI_PREPROCESSING),
    "--legacy_mxnet_model": manual("mo --input_model m.params {name}", FRAMEWORK),
    "--log_level": safe("mo --input_model m.onnx {name} DEBUG"),
    "--mean_values": manual("mo --input_model m.onnx {name} [123,117,104]", CLI_PREPROCESSING),
    "--model_name": safe("mo --input_model m.onnx {name} net"),
    "--nd_prefix_name": manual("mo --input_model m.params {name} prefix", FRAMEWORK),
    "--output": safe("mo --input_model m.onnx {name} prob"),
    "--output_dir": safe("mo --input_model m.onnx {name} ir"),
    "--pretrained_model_name": manual("mo --input_model m.params {name} model", FRAMEWORK),
    "--progress": safe("mo --input_model m.onnx {name}"),
    "--remove_memory": manual("mo --input_model m.nnet {name}", FRAMEWORK),
    "--remove_output_softmax": manual("mo --input_model m.nnet {name}", FRAMEWORK),
    "--reverse_input_channels": manual("mo --input_model m.onnx {name}", CLI_PREPROCESSING),
    "--save_params_from_nd": manual("mo --input_model m.params {name}", FRAMEWORK),
    "--saved_model_dir": safe("mo {name} saved_model", "the SavedModel directory is ovc's positional input"),
    "--saved_model_tags": manual("mo --input_model saved_model {name} serve", LEGACY_FRONT_END),
    "--scale": manual("mo --input_model m.onnx {name} 255", CLI_PREPROCESSING),
    "--scale_values": manual("mo --input_model m.onnx {name} [58,57,57]", CLI_PREPROCESSING),
    "--share_weights": manual("mo --input_model m.onnx {name}",
                              "ovc has no such option (`ov.convert_model` shares weights in memory)"),
    "--silent": manual("mo --input_model m.onnx {name}",
                       "no rewrite yet: ovc is quiet unless `--verbose`, so the option could go"),
    "--source_layout": manual("mo --input_model m.onnx {name} nchw", CLI_PREPROCESSING),
    "--static_shape": manual("mo --input_model m.onnx {name}",
                             "ovc has no such option: give static shapes in `--input`"),
    "--stream_output": safe("mo --input_model m.onnx {name}"),
    "--target_layout": manual("mo --input_model m.onnx {name} nhwc", CLI_PREPROCESSING),
    "--tensorboard_logdir": manual("mo --input_model m.pb {name} logs", LEGACY_FRONT_END),
    "--tensorflow_custom_layer_libraries": manual("mo --input_model m.pb {name} ops.so", LEGACY_FRONT_END),
    "--tensorflow_custom_operations_config_update": manual("mo --input_model m.pb {name} c.json", LEGACY_FRONT_END),
    "--tensorflow_object_detection_api_pipeline_config": manual("mo --input_model m.pb {name} pipeline.config", OD_API),
    "--transform": manual("mo --input_model m.onnx {name} LowLatency2",
                          "ovc runs no offline transformations: the program calls them (the private "
                          "`openvino._offline_transformations`)"),
    "--transformations_config": manual("mo --input_model m.pb {name} config.json", LEGACY_FRONT_END),
    "--use_legacy_frontend": manual("mo --input_model m.onnx {name}", LEGACY_FRONT_END),
    "--use_new_frontend": safe("mo --input_model m.onnx {name}"),
    "--version": unchanged("mo {name}", "alone it cannot be told from the bash Mustache renderer, also `mo`"),
}
