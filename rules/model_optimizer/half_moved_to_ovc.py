"""A move from `mo` to `ovc` done by hand and left half done: a check that `mo` is installed, and
`ovc` given the Model Optimizer's options."""
from __future__ import annotations

import os

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.model_optimizer._options import (
    DROPPED, FLAGS, INPUT_MODEL, MODEL_NAME, NO_EQUIVALENT, OUTPUT_DIR, RENAMED,
)
from ovlint.surfaces.shell import is_python

MO = DEPRECATIONS["model-optimizer"]
# what `ovc --help` lists, in every release that has it (2023.1 to 2026.4)
OVC_OPTIONS = {"--output_model", "--compress_to_fp16", "--version", "--input", "--output", "--extension", "--verbose",
               "--dynamo", "-h", "--help"}
# commands that tell whether a program is installed
LOOKUPS = {"command", "which", "type", "hash"}


def _instead(option: str) -> str | None:
    """What `ovc` takes where the Model Optimizer took `option`; None for an option MO did not have."""
    if option in RENAMED:
        return f"use `{RENAMED[option]}`"
    if option in INPUT_MODEL:
        return "give the model as `ovc`'s first argument"
    if option in OUTPUT_DIR:
        return "use `--output_model FOLDER/`"
    if option in MODEL_NAME:
        return "use `--output_model NAME.xml`"
    if option == "--data_type":
        return "`ovc` compresses weights to FP16 unless `--compress_to_fp16=False`, which keeps FP32"
    if option in NO_EQUIVALENT:
        return f"instead: {NO_EQUIVALENT[option]}"
    if option in DROPPED or option in FLAGS:
        return "drop it"
    return None


def _runs_ovc(argv: list[str]) -> int:
    """Where the options of an `ovc` command begin (`ovc`, `python -m openvino.tools.ovc`); 0 for another command."""
    if argv and os.path.basename(argv[0]) == "ovc":
        return 1
    if len(argv) > 2 and is_python(argv[0]) and argv[1] == "-m" and argv[2] == "openvino.tools.ovc":
        return 3
    return 0


class HalfMovedToOvc(CommandRule):
    code = "OV204"
    name = "half-moved-to-ovc"
    summary = "A move from `mo` to `ovc` left half done"
    rationale = (
        f"The Model Optimizer went in {MO.removed}; scripts moved to `ovc` by hand often keep a piece of it. A check "
        "whether `mo` is installed (`command -v mo`, `which mo`) finds none from then on, so a script that picks its "
        "converter by it always takes the other branch, which is where its `ovc` line runs; and `ovc` rejects the "
        "Model Optimizer's options (`--input_shape`, `--output_dir`, `--data_type`, ...: \"unrecognized arguments\"). "
        "Both are reported with what to write instead; OV201 rewrites the `mo` commands themselves."
    )
    deprecation = MO
    needles = ("ovc", "command -v mo", "which mo", "type mo", "hash mo")
    # a file of a conversion: not one that looks for another `mo` (the bash Mustache renderer)
    context_needles = ("ovc", "openvino", "--input_model", "model_optimizer")
    examples = (
        Example("ovc model.onnx --output_model ir/ --input_shape [1,3,224,224]\n", filename="convert.sh",
                message="`ovc` takes no `--input_shape`, the Model Optimizer's option: use `--input`"),
        Example("if ! command -v mo > /dev/null; then\n  ovc model.onnx\nfi\n", filename="convert.sh",
                message=("`command -v mo` asks whether the Model Optimizer is installed: it was removed in 2025.0, so "
                         "from then on this finds none; ask for `ovc`, which `pip install openvino` installs")),
    )
    valid = (Valid("ovc model.onnx --output_model ir/ --input [1,3,224,224] --compress_to_fp16=False\n"
                   "command -v ovc\nwhich python3\n", filename="convert.sh"),)

    def check_command(self, command) -> None:
        argv, words = command.argv, command.words
        if argv and argv[0] in LOOKUPS and "mo" in argv[1:]:
            at = words[argv.index("mo", 1)]
            self.report((at.start, at.end), f"`{' '.join(argv[:argv.index('mo', 1) + 1])}` asks whether the Model "
                                            f"Optimizer is installed: it was removed in {MO.removed}, so from then on "
                                            "this finds none; ask for `ovc`, which `pip install openvino` installs")
            return
        first = _runs_ovc(argv)
        if not first:
            return
        for word, value in zip(words[first:], argv[first:]):
            option = value.partition("=")[0]
            if not option.startswith("-") or option in OVC_OPTIONS:
                continue
            instead = _instead(option)
            if instead is not None:
                self.report((word.start, word.end), f"`ovc` takes no `{option}`, the Model Optimizer's option: {instead}")
