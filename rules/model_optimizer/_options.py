"""What the Model Optimizer rules share: how MO is invoked, and what each of its options became."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional

from ovlint.surfaces.shell import is_python

MO_SCRIPTS = {"mo", "mo.py", "mo_tf.py", "mo_onnx.py", "mo_caffe.py", "mo_mxnet.py", "mo_kaldi.py"}
MO_MODULES = {"mo", "openvino.tools.mo", "openvino.tools.mo.main", "mo.main"}
# every spelling of MO_SCRIPTS and MO_MODULES holds one of these, and MO's own scripts their folder
MO_NEEDLES = (r"\bmo\b", "mo_tf", "mo_onnx", "mo_caffe", "mo_mxnet", "mo_kaldi", "install_prerequisites")


@dataclass(frozen=True)
class Invocation:
    first_argument: int  # index of the first MO option
    kind: str  # "command" (mo, mo.py), "script" (python mo.py), "module" (python -m openvino.tools.mo)


def script_name(word: str) -> str:
    """The file name a command word runs: after its last `/`, or `\\` (`C:\\...\\model_optimizer\\mo.py`)."""
    return word.replace("\\", "/").rsplit("/", 1)[-1]


def invocation(argv: list[str], open_ended: bool = False, unit=None) -> Optional[Invocation]:
    """How `argv` runs MO, if it does; `open_ended`: a Python program's argument list that goes on
    with values it does not spell (`subprocess.run(["mo"] + args)`), which only MO is run with;
    `unit`: the context of the file the command is in, beside which a script of the project's own
    named like MO's (`python3 ./utils/mo.py`, an exporter of its own) is not MO, and in which a
    `mo` the file defines as a function or sources (`. ./mo`, the bash Mustache renderer) is not."""
    found = _invocation(argv, open_ended)
    if found is None and unit is not None and argv and argv[0] == "mo" and unit.memo(
            "installs-openvino-dev", lambda: _INSTALLS_DEV.search(unit.text) is not None):
        found = Invocation(1, "command")  # in a file that installs `openvino-dev`, `mo` is its MO (`mo -h`)
    if found is None or unit is None:
        return found
    if _own_script(argv[found.first_argument - 1], unit.path):
        return None
    # a `mo` of the file's own runs MO only with an option MO alone has (a wrapper passing them on)
    if argv[0] == "mo" and unit.memo("own-mo", lambda: _OWN_MO.search(unit.text) is not None) \
            and not any(word.partition("=")[0] in _MO_ONLY for word in argv[1:]):
        return None
    return found


_INSTALLS_DEV = re.compile(r"(?i)install\b[^\n]*\bopenvino[-_]dev\b")
# `mo() {`, `function mo`, `. ./mo`, `source ../mo` (also as a CI list item): a shell function or
# script of the file's own named `mo`
_OWN_MO = re.compile(r"(?m)^[ \t]*(?:function[ \t]+mo\b|mo[ \t]*\([ \t]*\))|(?:^[ \t]*(?:-[ \t]+)?|[;&|(][ \t]*)(?:\.|source)[ \t]+"
                     r"(?:[^\s;&|]*/|\S*\$\([^\n)]*\)[^\s;&|]*/)?[\"']?mo[\"']?(?=[ \t\r;&|)]|$)")


# what MO's own scripts (`mo.py`, `mo_tf.py`, a vendored copy of the package) hold
_MO_SCRIPT_TEXT = ("subprocess_main", "mo.main", "openvino.tools.mo", "model_optimizer")


def _own_script(word: str, where: str) -> bool:
    """Whether `word`, a relative path (`./utils/mo.py`), names a file of the project beside the
    file `where` or at its repository's root that is not one of MO's scripts."""
    from ovlint.base import depends
    from ovlint.base.files import ReadError, repository_root

    if "/" not in word or word.startswith(("/", "$", "~")):
        return False
    folder = os.path.dirname(os.path.abspath(where))
    for base in dict.fromkeys((folder, repository_root(folder) or folder)):
        try:
            text = depends.read(os.path.join(base, word), 1 << 16).decode("utf-8", "replace")
        except ReadError:  # not there, or not a regular file
            continue
        return not any(marker in text for marker in _MO_SCRIPT_TEXT)
    return False


def _invocation(argv: list[str], open_ended: bool) -> Optional[Invocation]:
    if not argv:
        return None
    if script_name(argv[0]) in MO_SCRIPTS:
        # MO takes options only, its model too (`--input_model`); another tool named `mo` (the bash
        # Mustache renderer: `mo page.html.mo`, `mo --source=vars.sh page.mo`) takes a file and
        # options of its own: a bare `mo` counts as MO by an option only MO has, or options from a
        # variable (but for one of the renderer's); a Python program that runs `mo` with arguments
        # it does not list runs MO
        if open_ended or script_name(argv[0]) != "mo":
            return Invocation(1, "command")
        options = [word.partition("=")[0] for word in argv[1:]]
        if any(option in _MO_ONLY for option in options) or (
                any(word.startswith("$") for word in argv[1:]) and not any(o in _MUSTACHE for o in options)):
            return Invocation(1, "command")
        return None
    if is_python(argv[0]) and len(argv) > 1:
        if script_name(argv[1]) in MO_SCRIPTS - {"mo"}:
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
INPUT_MODEL = {"--input_model", "-m", "-w", "--saved_model_dir"}  # ovc's positional input (a SavedModel is a folder)
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
    script = FRAMEWORK_SCRIPTS.get(script_name(argv[first - 1])) if first else None
    if script:
        return script, f"`{script_name(argv[first - 1])}`"
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


_TENSORFLOW_FILES = (".pb", ".pbtxt", ".meta")
# a script of 2022.1 or later, which kept NHWC: the package's layout, or an install folder naming the release
_LATER_INSTALL = re.compile(r"/tools/mo/|/openvino_(?:202[2-9]|20[3-9]\d)")
_TENSORFLOW_OPTIONS = {"--saved_model_dir", "--input_meta_graph", "--input_checkpoint"}


def tensorflow_before_2022(argv: list[str], first: int) -> bool:
    """Whether an MO command runs one of MO's own scripts (`mo_tf.py`, `mo.py`: how releases up to
    2021.4 ran it; 2022.1 installs the `mo` command) on a TensorFlow model: MO then gave the model
    NCHW inputs, where `ovc` (and MO since 2022.1) keeps TensorFlow's NHWC."""
    script = script_name(argv[first - 1]) if first else ""
    if not script.endswith(".py") or _LATER_INSTALL.search(argv[first - 1].replace("\\", "/")):
        return False
    if script == "mo_tf.py":
        return True
    found, _ = options(argv, first)
    names = {option.name for option in found}
    if "--disable_nhwc_to_nchw" in names:
        return False
    return bool(names & _TENSORFLOW_OPTIONS) or any(
        (option.name in ("--framework", "-f") and (value_of(option, argv) or "").lower() == "tf")
        or (option.name in INPUT_MODEL and os.path.splitext(value_of(option, argv) or "")[1].lower() in _TENSORFLOW_FILES)
        for option in found)


# -- the Python API: `openvino.tools.mo.convert_model(...)` (2023.3) -> `openvino.convert_model(...)` ---------------

# its parameters in order: positional arguments map by this order (rules/api10/inventory/mo-2023.3.json)
CONVERT_PARAMETERS = (
    "input_model", "help", "framework", "input", "output", "input_shape", "example_input", "batch", "mean_values",
    "scale_values", "scale", "reverse_input_channels", "source_layout", "target_layout", "layout", "compress_to_fp16",
    "extensions", "transform", "transformations_config", "silent", "log_level", "version", "progress",
    "stream_output", "share_weights", "example_output", "input_model_is_text", "input_checkpoint",
    "input_meta_graph", "saved_model_dir", "saved_model_tags", "tensorflow_custom_operations_config_update",
    "tensorflow_object_detection_api_pipeline_config", "tensorboard_logdir", "tensorflow_custom_layer_libraries",
    "input_symbol", "nd_prefix_name", "pretrained_model_name", "save_params_from_nd", "legacy_mxnet_model",
    "enable_ssd_gluoncv", "input_proto", "caffe_parser_path", "k", "disable_omitting_optional",
    "enable_flattening_nested_params", "counts", "remove_output_softmax", "remove_memory",
)
# arguments `ov.convert_model` takes as they are (`share_weights` defaults to True there, False in MO)
PY_KEPT = {"input_model", "example_input", "share_weights", "verbose"}
PY_RENAMED = {"extensions": "extension", "saved_model_dir": "input_model", "input_meta_graph": "input_model"}
# arguments with no effect on the converted model (`framework`: ov.convert_model finds the front end itself)
PY_DROPPED = {"framework", "silent", "log_level", "progress", "stream_output", "use_new_frontend"}
# MO's defaults (of its signature, and of options it took through **args): an argument given its
# default does nothing, so it goes
PY_DEFAULTS = {
    "help": False, "batch": None, "mean_values": (), "scale_values": (), "scale": None,
    "reverse_input_channels": False, "source_layout": (), "target_layout": (), "layout": (),
    "compress_to_fp16": False, "transform": "", "transformations_config": None, "version": None,
    "example_output": None, "input_model_is_text": None, "input_checkpoint": None, "saved_model_tags": None,
    "tensorflow_custom_operations_config_update": None, "tensorflow_object_detection_api_pipeline_config": None,
    "tensorboard_logdir": None, "tensorflow_custom_layer_libraries": None, "use_legacy_frontend": False,
    "static_shape": False, "freeze_placeholder_with_value": None, "input": None, "input_shape": None,
    "output": None, "extensions": None,
}
PY_PREPROCESSING = ("layout", "source_layout", "target_layout", "mean_values", "scale_values", "scale",
                    "reverse_input_channels")
# the offline transformations MO's `transform` ran -> their functions in `openvino._offline_transformations`
TRANSFORMS = {"LowLatency2": "apply_low_latency_transformation", "MakeStateful": "apply_make_stateful_transformation",
              "Pruning": "apply_pruning_transformation"}
PRIVATE = "openvino._offline_transformations"
PY_NO_EQUIVALENT = {
    "batch": ("`ov.set_batch(model, n)` after conversion, once the inputs have a layout with `N` "
              "(`ppp.input().model().set_layout(ov.Layout(\"NCHW\"))`), or the batch in the shapes of `input=`"),
    "help": "`help(ov.convert_model)` (MO printed its help and converted nothing)",
    "version": "`ov.get_version()`",
    "example_output": "nothing: `ov.convert_model` takes a Paddle model's outputs from the model",
    "input_checkpoint": "`input_model=[model_file, checkpoint]`",
    "input_meta_graph": "`input_model=` (the meta graph file is the model, given alone)",
    "saved_model_dir": "`input_model=` (the SavedModel directory is the model, given alone)",
    "transform": f"the functions of the private `{PRIVATE}`: " + ", ".join(f"`{f}`" for f in TRANSFORMS.values()),
    "compress_to_fp16": (f"`compress_model_transformation(model)` from the private `{PRIVATE}` (what MO ran), or "
                         "`ov.save_model(model, path)`, which compresses by default (`ov.serialize` never does)"),
}


def python_howto(name: str) -> str:
    """What replaces MO Python API argument `name` that `ov.convert_model` lacks."""
    if name in PY_NO_EQUIVALENT:
        return PY_NO_EQUIVALENT[name]
    if f"--{name}" in NO_EQUIVALENT:
        return NO_EQUIVALENT[f"--{name}"]
    option = f"-{name}" if len(name) == 1 else f"--{name}"
    if option in FRAMEWORK_OPTIONS:
        return f"nothing: {FRAMEWORK_OPTIONS[option]} models are no longer converted (export them to ONNX)"
    return "no argument of `ov.convert_model`"


# the options only MO has: those the tables above name, but the ones other tools share
# (`--help`, `--version`, and short options the Mustache renderer has too)
_MO_ONLY = (FLAGS | INPUT_MODEL | OUTPUT_DIR | MODEL_NAME | set(RENAMED) | DROPPED | set(NO_EQUIVALENT)
            | set(FRAMEWORK_OPTIONS) | {"--data_type", "--batch", "-b", "--saved_model_dir", "--input_meta_graph",
                                       "--input_checkpoint", "--output", "--input", "--mean_file", "--mean_file_offsets",
                                       "--generate_experimental_IR_V10", "--keep_quantize_ops_in_IR"}
            ) - {"--help", "-h", "--version", "-o", "-s", "-d"}


# the bash Mustache renderer's own options
_MUSTACHE = {"--source", "--allow-function-arguments", "--fail-not-set", "--fail-on-function", "--fail-on-file",
             "--false", "--open", "--close"}


def open_ended(command) -> bool:
    """Whether a Python argument list runs its program with values it does not spell (`["mo"] + args`,
    `["mo", model]`): see `invocation`."""
    return command.carrier == "python-list" and (len(command.words) == 1 or any(w.expanded for w in command.words[1:]))
