"""What the Model Optimizer rules share: how MO is invoked, and what each of its options became."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional

MO_SCRIPTS = {"mo", "mo.py", "mo_tf.py", "mo_onnx.py", "mo_caffe.py", "mo_mxnet.py", "mo_kaldi.py"}
MO_MODULES = {"mo", "openvino.tools.mo", "openvino.tools.mo.main", "mo.main"}
# every spelling of MO_SCRIPTS and MO_MODULES holds one of these
MO_NEEDLES = (r"\bmo\b", "mo_tf", "mo_onnx", "mo_caffe", "mo_mxnet", "mo_kaldi")


@dataclass(frozen=True)
class Invocation:
    first_argument: int  # index of the first MO option
    kind: str  # "command" (mo, mo.py), "script" (python mo.py), "module" (python -m openvino.tools.mo)


def _is_python(word: str) -> bool:
    name = os.path.basename(word)
    return name == "python" or (name.startswith("python") and name[6:].replace(".", "").isdigit())


def invocation(argv: list[str]) -> Optional[Invocation]:
    if not argv:
        return None
    if os.path.basename(argv[0]) in MO_SCRIPTS:
        return Invocation(1, "command")
    if _is_python(argv[0]) and len(argv) > 1:
        if os.path.basename(argv[1]) in MO_SCRIPTS - {"mo"}:
            return Invocation(2, "script")
        if argv[1] == "-m" and len(argv) > 2 and argv[2] in MO_MODULES:
            return Invocation(3, "module")
    return None


# MO options that take no value
FLAGS = {
    "--reverse_input_channels", "--use_new_frontend", "--use_legacy_frontend", "--progress", "--stream_output",
    "--static_shape", "--silent", "--version", "--help", "-h", "--disable_nhwc_to_nchw", "--keep_shape_ops",
    "--generate_deprecated_IR_V7", "--disable_fusing", "--disable_resnet_optimization", "--disable_gfusing",
    "--input_model_is_text", "--save_params_from_nd", "--legacy_mxnet_model", "--enable_ssd_gluoncv",
    "--remove_output_softmax", "--remove_memory", "--disable_omitting_optional", "--enable_flattening_nested_params",
    "--move_to_preprocess", "--compress_to_fp16", "--disable_weights_compression", "--enable_concat_optimization",
}
INPUT_MODEL = {"--input_model", "-m", "-w"}
OUTPUT_DIR = {"--output_dir", "-o"}
MODEL_NAME = {"--model_name", "-n"}
RENAMED = {"--input_shape": "--input", "--extensions": "--extension", "--extension": "--extension",
           "--input": "--input", "--output": "--output", "--compress_to_fp16": "--compress_to_fp16",
           "--version": "--version", "--help": "--help", "-h": "-h"}
DROPPED = {"--framework", "-f", "--use_new_frontend", "--progress", "--stream_output", "--log_level"}

PPP = "a `PrePostProcessor` step in the application (or before `ov.save_model`)"
# options ovc lacks -> what to write instead
NO_EQUIVALENT = {
    "--mean_values": f"{PPP}: `ppp.input(name).preprocess().mean([...])`",
    "--scale_values": f"{PPP}: `ppp.input(name).preprocess().scale([...])` (MO applied mean before scale)",
    "--scale": f"{PPP}: `ppp.input(name).preprocess().scale(value)`",
    "-s": f"{PPP}: `ppp.input(name).preprocess().scale(value)`",
    "--reverse_input_channels": f"{PPP}: `ppp.input(name).preprocess().reverse_channels()`",
    "--layout": f"{PPP}: `ppp.input(name).model().set_layout(...)` and `.tensor().set_layout(...)`",
    "--source_layout": f"{PPP}: `ppp.input(name).model().set_layout(ov.Layout(...))`",
    "--target_layout": f"{PPP}: `ppp.input(name).tensor().set_layout(ov.Layout(...))`",
    "--batch": "`ov.set_batch(model, n)` or `model.reshape(...)` after conversion (or a shape in `--input`)",
    "-b": "`ov.set_batch(model, n)` or `model.reshape(...)` after conversion (or a shape in `--input`)",
    "--transformations_config": "nothing: custom replacement configs are not supported by ovc",
    "--use_legacy_frontend": "nothing: ovc has only the new frontends",
    "--static_shape": "nothing: give static shapes in `--input` instead",
    "--freeze_placeholder_with_value": "nothing: fold the value into the source model",
    "--transform": "the private `openvino._offline_transformations` functions (LowLatency2, MakeStateful, Pruning)",
    "--silent": "nothing (ovc is quiet unless `--verbose`)",
    "--saved_model_dir": "ovc's positional input (a SavedModel directory is passed as the model)",
    "--input_checkpoint": "ovc's positional input (the model and checkpoint together)",
    "--input_meta_graph": "ovc's positional input",
    "--saved_model_tags": "nothing",
    "--tensorflow_object_detection_api_pipeline_config": "nothing: convert TF OD API models from a SavedModel",
    "--tensorflow_custom_operations_config_update": "nothing",
    "--tensorboard_logdir": "nothing",
    "--tensorflow_custom_layer_libraries": "nothing",
    "--input_model_is_text": "nothing: convert a binary protobuf",
}
# options of the discontinued frameworks (Caffe, MXNet, Kaldi): OV501 explains them
FRAMEWORK_OPTIONS = {
    "--input_proto": "Caffe", "-d": "Caffe", "--caffe_parser_path": "Caffe", "-k": "Caffe",
    "--disable_omitting_optional": "Caffe", "--enable_flattening_nested_params": "Caffe",
    "--input_symbol": "MXNet", "--nd_prefix_name": "MXNet", "--pretrained_model_name": "MXNet",
    "--save_params_from_nd": "MXNet", "--legacy_mxnet_model": "MXNet", "--enable_ssd_gluoncv": "MXNet",
    "--counts": "Kaldi", "--remove_output_softmax": "Kaldi", "--remove_memory": "Kaldi",
}
FRAMEWORK_FILES = {".caffemodel": "Caffe", ".prototxt": "Caffe", ".params": "MXNet",
                   ".nnet": "Kaldi", ".mdl": "Kaldi"}
FRAMEWORK_SCRIPTS = {"mo_caffe.py": "Caffe", "mo_mxnet.py": "MXNet", "mo_kaldi.py": "Kaldi"}
FRAMEWORK_NAMES = {"caffe": "Caffe", "mxnet": "MXNet", "kaldi": "Kaldi"}


@dataclass
class Option:
    name: str
    flag: int  # word index of the option
    value: Optional[int]  # word index of its value (None: none, or given as --name=value)
    inline: Optional[str] = None  # the value of --name=value


def options(argv: list[str], first: int) -> tuple[list[Option], list[int]]:
    """The options from word `first` on, and the indexes of positional words."""
    found, positional = [], []
    i = first
    while i < len(argv):
        word = argv[i]
        if word.startswith("-") and len(word) > 1:
            name, eq, inline = word.partition("=")
            if eq:
                found.append(Option(name, i, None, inline))
            elif name in FLAGS or i + 1 >= len(argv):
                found.append(Option(name, i, None))
            else:
                found.append(Option(name, i, i + 1))
                i += 1
        else:
            positional.append(i)
        i += 1
    return found, positional


def value_of(option: Option, argv: list[str]) -> Optional[str]:
    if option.inline is not None:
        return option.inline
    return argv[option.value] if option.value is not None else None


def framework_of(argv: list[str], first: int) -> Optional[tuple[str, str]]:
    """(framework, why) when an MO command converts a Caffe, MXNet or Kaldi model."""
    script = FRAMEWORK_SCRIPTS.get(os.path.basename(argv[first - 1])) if first else None
    if script:
        return script, f"`{os.path.basename(argv[first - 1])}`"
    found, positional = options(argv, first)
    for option in found:
        value = value_of(option, argv)
        if option.name in FRAMEWORK_OPTIONS:
            return FRAMEWORK_OPTIONS[option.name], f"`{option.name}`"
        if option.name in ("--framework", "-f") and value and value.lower() in FRAMEWORK_NAMES:
            return FRAMEWORK_NAMES[value.lower()], f"`{option.name} {value}`"
        if option.name in INPUT_MODEL and value:
            framework = FRAMEWORK_FILES.get(os.path.splitext(value)[1].lower())
            if framework:
                return framework, f"the `{os.path.splitext(value)[1]}` model"
    return None
