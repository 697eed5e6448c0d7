"""The tools `openvino-dev` carried, and what replaces each one."""
import os

from ovlint.rules._deprecations import DEPRECATIONS

DEV = DEPRECATIONS["openvino-dev"]

NNCF = ("NNCF, `nncf.quantize(model, nncf.Dataset(data, transform))`; DefaultQuantization's `preset` is "
        "`preset=nncf.QuantizationPreset.PERFORMANCE|MIXED`, `stat_subset_size` is `subset_size`, "
        "`target_device` is `target_device=nncf.TargetDevice.CPU|GPU|ANY`; AccuracyAwareQuantization is "
        "`nncf.quantize_with_accuracy_control(model, calibration_dataset, validation_dataset, validate, max_drop=...)`")
POT, ACCURACY_CHECKER, MODEL_ZOO_TOOLS = (DEPRECATIONS[k] for k in ("pot", "accuracy-checker", "open-model-zoo-tools"))
ACCURACY = ("your own evaluation loop over `compiled_model(inputs)` (current OpenVINO has no such tool), "
            f"or keep `openvino-dev=={ACCURACY_CHECKER.last}`, the last to carry it, in a separate environment")
MODEL_ZOO = ("a download from the OpenVINO pages on Hugging Face (`huggingface-cli download OpenVINO/<model>`) "
             "or the framework's own hub, and convert them with `ovc`")
# command -> (what it was, replacement, the deprecation entry)
TOOLS = {
    "pot": ("the Post-training Optimization Tool", NNCF, POT),
    "accuracy_check": ("the Accuracy Checker", ACCURACY, ACCURACY_CHECKER),
    "convert_annotation": ("the Accuracy Checker's annotation converter", ACCURACY, ACCURACY_CHECKER),
    "omz_downloader": ("the Open Model Zoo downloader", MODEL_ZOO, MODEL_ZOO_TOOLS),
    "omz_converter": ("the Open Model Zoo converter", MODEL_ZOO, MODEL_ZOO_TOOLS),
    "omz_quantizer": ("the Open Model Zoo quantizer", NNCF, MODEL_ZOO_TOOLS),
    "omz_info_dumper": ("the Open Model Zoo info dumper", MODEL_ZOO, MODEL_ZOO_TOOLS),
    "deployment_manager.py": ("the Deployment Manager",
                              "`pip install openvino` on the target (or an `openvino/ubuntu*_runtime` image)",
                              DEPRECATIONS["deployment-manager"]),
    "compile_tool": ("the Compile Tool",
                     "`ov.Core().compile_model(model, device).export_model()` written to a file (and "
                     "`core.import_model` to load it)", DEPRECATIONS["compile-tool"]),
    # the Compile Tool's name in older installs, for the MYRIAD device only
    "myriad_compile": ("the Compile Tool for the MYRIAD device, as older installs named it; the MYRIAD plugin went "
                       f"in {DEPRECATIONS['myriad'].removed} too",
                       "`ov.Core().compile_model(model, device).export_model()` written to a file for CPU, GPU or "
                       f"NPU (MYRIAD has no successor: stay on {DEPRECATIONS['myriad'].last} for the stick, with "
                       "`compile_tool -d MYRIAD`)",
                       DEPRECATIONS["compile-tool"]),
}
# the tools the installs carried, not `openvino-dev`
INSTALLED_ONLY = {"deployment_manager.py", "compile_tool", "myriad_compile"}
# Python packages of those tools -> key of TOOLS
MODULES = {"openvino.tools.pot": "pot", "openvino.tools.accuracy_checker": "accuracy_check",
           "openvino.model_zoo": "omz_downloader", "omz_tools": "omz_downloader"}
# `benchmark_app` stays, but came with `openvino-dev` alone until `openvino` carried it too (from `since`)
BENCHMARK_APP = DEPRECATIONS["benchmark-app-package"]
# what only `openvino-dev` installs: the commands of its tools (and MO's, and `benchmark_app` on the
# releases before `openvino` carried it) and their Python packages
DEV_COMMANDS = frozenset({"mo", "benchmark_app", *TOOLS}) - INSTALLED_ONLY
DEV_PACKAGES = ("openvino.tools.mo", *MODULES)
# every name of TOOLS and MODULES holds one of these, and the scripts of the model zoo their names
TOOL_NEEDLES = (r"\bpot\b", "omz_", "accuracy_check", "convert_annotation", "deployment_manager", "compile_tool",
                "myriad_compile", "model_zoo", "downloader.py", "converter.py", "quantizer.py", "info_dumper.py")


# Open Model Zoo scripts run from a checkout or an old install (`.../tools/downloader/downloader.py`)
OMZ_SCRIPTS = {"downloader.py": "omz_downloader", "converter.py": "omz_converter", "quantizer.py": "omz_quantizer",
               "info_dumper.py": "omz_info_dumper"}
OMZ_FOLDERS = {"downloader", "model_downloader", "model_tools", "open_model_zoo"}


def tool_of(argv: list[str], open_ended: bool = False):
    """The `openvino-dev` tool a command runs: by name, as `python -m <package>`, or as a script;
    `open_ended`: a Python argument list that goes on with values it does not spell."""
    if not argv:
        return None
    name = os.path.basename(argv[0])
    if name == "pot":
        # POT takes options only (`pot -c config.json`); FreeBSD's jail manager takes a subcommand
        # first (`pot create -p web`)
        return name if open_ended or (len(argv) > 1 and argv[1].startswith(("-", "$"))) else None
    if name in TOOLS:
        return name
    if not name.startswith("python") or len(argv) < 2:
        return None
    if argv[1] == "-m" and len(argv) > 2:
        return next((tool for module, tool in MODULES.items()
                     if argv[2] == module or argv[2].startswith(module + ".")), None)
    script = os.path.basename(argv[1])
    if script in TOOLS:
        return script
    folders = set(argv[1].replace("\\", "/").split("/")[:-1])
    return OMZ_SCRIPTS.get(script) if folders & OMZ_FOLDERS else None


def describe(tool: str, argv: tuple = ()) -> str:
    """What became of `tool`; `argv`: the command, which may run it from an Open Model Zoo checkout."""
    what, replacement, gone = TOOLS[tool]
    if any("open_model_zoo" in word.replace("\\", "/").split("/") for word in argv[:2]):
        return (f"`{tool}` ({what}) run from an Open Model Zoo checkout, not from `openvino-dev`, which carried the "
                f"tools until {gone.removed}: a checkout works with the releases its branch was made for; instead "
                f"use {replacement}")
    if tool in INSTALLED_ONLY:
        return f"`{tool}` ({what}) was removed in {gone.removed}; instead use {replacement}"
    return f"`{tool}` ({what}) went away with `openvino-dev` (removed in {gone.removed}); instead use {replacement}"
