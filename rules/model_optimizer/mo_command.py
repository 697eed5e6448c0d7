"""The Model Optimizer command line (`mo`), wherever a command runs."""
from __future__ import annotations

import os
import re

from ovlint.base.diagnostics import Applicability, Edit
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.model_optimizer._options import (
    DROPPED, FLAGS, FRAMEWORK_OPTIONS, INPUT_MODEL, MO_NEEDLES, MODEL_NAME, NO_EQUIVALENT, OUTPUT_DIR, RENAMED,
    framework_of, invocation, open_ended, options, tensorflow_before_2022, value_of,
)
from ovlint.rules.model_optimizer._syntax import Unreadable, parse_shapes
from ovlint.surfaces.shell import append_to_word, delete_words, replace_word

MO = DEPRECATIONS["model-optimizer"]
LAYOUT_2021 = DEPRECATIONS["install-layout-2021"]  # MO's scripts ran from it, and converted TensorFlow to NCHW
PREREQUISITES = re.compile(r"install_prerequisites(_\w+)?\.(sh|bat)")
# MO run with options in a file's text (`mo --input_model`, `mo.py -m`, `mo_tf.py --input_model`),
# or kept in a variable to run with options added later (`CMD="mo"`, then `CMD+=" --input_model m"`)
_MO_RUN = re.compile(r"(?<![\w.$/-])(?:[\w./-]*/)?mo(?:_\w+)?(?:\.py)?[ \t]+-"
                     r"|=[\"']?(?:[\w./-]*/)?mo(?:_\w+)?(?:\.py)?(?=[\"']?(?:[ \t]|$))", re.M)


# the values MO and ovc read for a flag that takes True or False
BOOLEAN_WORDS = ("true", "false")
NCHW_NOTE = (f"; what may differ: MO's scripts before {LAYOUT_2021.removed} (`mo_tf.py`, `mo.py`) gave a TensorFlow model NCHW "
             "inputs and outputs, and `ovc` keeps its NHWC: code that feeds the IR NCHW data (`transpose(0, 3, 1, 2)`) "
             "must feed NHWC, or build a `PrePostProcessor` that takes NCHW (`ppp.input().tensor().set_layout("
             "ov.Layout(\"NCHW\"))` with `ppp.input().model().set_layout(ov.Layout(\"NHWC\"))`)")

class ModelOptimizerCommand(CommandRule):
    code = "OV201"
    name = "mo-command"
    summary = f"The Model Optimizer (`mo`) was removed in OpenVINO {MO.removed}: use `ovc`"
    rationale = (
        f"`mo` became legacy in {MO.deprecated} and was removed in {MO.removed} with `openvino-dev`. Its successor `ovc` "
        "(in the `openvino` package) takes the input model as a positional argument and writes "
        "`--output_model` (a file, or a folder when it ends with `/`) instead of `--output_dir` and "
        "`--model_name`; `--input_shape` is `--input`, `--extensions` is `--extension`. Like `mo` since "
        f"{MO.since} it compresses weights to FP16 by default, so `--data_type FP16` goes away and "
        "`--data_type FP32` becomes `--compress_to_fp16=False`; `--framework` and the logging options "
        "have no effect and are dropped. The rewrite is offered only when every option of the command "
        "has an ovc equivalent. Preprocessing options (`--mean_values`, `--scale_values`, "
        "`--reverse_input_channels`, layouts) and `--batch` moved into the application "
        "(`PrePostProcessor`, `ov.set_batch`); the message names each one. MO's own scripts, as releases before "
        f"{LAYOUT_2021.removed} ran them (`mo_tf.py`, `python mo.py`), converted TensorFlow models to NCHW, where `ovc` keeps "
        "NHWC: that rewrite is unsafe, and its message says what to change in the code that feeds the model."
    )
    fix = Applicability.SAFE
    safe_when = "the command is not one of MO's own scripts converting a TensorFlow model"
    deprecation = MO
    needles = MO_NEEDLES
    examples = (
        Example("mo --input_model model.onnx --output_dir ir --data_type FP16\n",
                "ovc model.onnx --output_model ir/\n", filename="convert.sh"),
        Example("mo --input_model model.onnx \\\n   --output_dir ir --model_name net \\\n   --input_shape [1,3,224,224]\n",
                "ovc model.onnx \\\n   --output_model ir/net.xml \\\n   --input [1,3,224,224]\n", filename="convert.sh"),
        Example("RUN python3 -m openvino.tools.mo --input_model /m/model.pb --data_type FP32\n",
                "RUN python3 -m openvino.tools.ovc /m/model.pb --compress_to_fp16=False\n", filename="Dockerfile"),
        Example("import subprocess\n\nsubprocess.run([\"mo\", \"--input_model\", \"m.onnx\", \"--framework\", \"onnx\"])\n",
                "import subprocess\n\nsubprocess.run([\"ovc\", \"m.onnx\"])\n"),
        Example("python3 mo_tf.py --input_model model.pb --input_shape [1,144,144,4] --data_type FP32\n",
                "ovc model.pb --input [1,144,144,4] --compress_to_fp16=False\n", filename="convert.sh", unsafe=True),
        Example("mo --input_model model.onnx --mean_values [123,117,104] --reverse_input_channels\n",
                filename="convert.sh",
                message=("The Model Optimizer (`mo`) was removed in OpenVINO 2025.0: use `ovc`; options "
                         "without an ovc equivalent: `--mean_values` → a `PrePostProcessor` step in the "
                         "application (or before `ov.save_model`): "
                         "`ppp.input(name).preprocess().mean([...])`; `--reverse_input_channels` → a "
                         "`PrePostProcessor` step in the application (or before `ov.save_model`): "
                         "`ppp.input(name).preprocess().reverse_channels()`")),
        Example("MO_DIR=$INTEL_OPENVINO_DIR/deployment_tools/model_optimizer\nMO=$MO_DIR/mo.py\n"
                "python3 $MO --input_model m.onnx --output_dir ir\n", filename="convert.sh",
                message=("The Model Optimizer (`mo`) was removed in OpenVINO 2025.0: use `ovc` (the command comes "
                         "from a variable the file sets, so it is not rewritten)")),
        Example("import os\nimport subprocess\n\nMO = os.path.join(os.environ['INTEL_OPENVINO_DIR'], 'mo.py')\n"
                "subprocess.run(['python3', MO, '--input_model', 'm.onnx'] + extra)\n",
                message=("The Model Optimizer (`mo`) was removed in OpenVINO 2025.0: use `ovc` (the command comes "
                         "from a variable the file sets, so it is not rewritten)")),
        Example("RUN docker run -v /m:/m openvino/ubuntu22_dev:2024.6.0 mo --input_model /m/m.onnx -o /m/ir\n",
                "RUN docker run -v /m:/m openvino/ubuntu22_dev:2024.6.0 ovc /m/m.onnx --output_model /m/ir/\n",
                filename="Dockerfile"),
        Example("cd /opt/intel/openvino/deployment_tools/model_optimizer/install_prerequisites\n"
                "sudo -E ./install_prerequisites_tf.sh\n", filename="setup.sh",
                message=("The Model Optimizer's `install_prerequisites` scripts went with it (removed in OpenVINO "
                         "2025.0): `pip install openvino` brings `ovc`, and each framework's own package (`onnx`, "
                         "`torch`, `tensorflow`, `paddlepaddle`) its frontend's needs")),
        Example('"""Converts the detector.\n\nUsage:\n    mo --input_model det.onnx --output_dir ir\n"""\n',
                '"""Converts the detector.\n\nUsage:\n    ovc det.onnx --output_model ir/\n"""\n'),
    )
    valid = (
        Valid("ovc model.onnx --output_model ir/\n", filename="convert.sh"),
        Valid("./demo --model model.xml\nmo=1\necho mo\n", filename="run.sh"),
        # a `mo` of the file's own: the bash Mustache renderer sourced, or a function
        Valid(". ./mo\nmo $TEMPLATE_ARGS page.mo > index.html\n", filename="render.sh"),
        Valid("mo() {\n  cat \"$@\"\n}\nmo $PAGES\n", filename="render.sh"),
        Valid('. "$(dirname "$0")/mo"\nmo $PAGES\n', filename="render.sh"),
        Valid('mo --source=vars.env "$TEMPLATE" > config.yaml\n', filename="render.sh"),
        Valid("import subprocess\n\nmo = 'mo'\nsubprocess.run(['python', 'demo.py'])\n"),
        Valid('"""Usage:\n    mo = Converter()\n    Runs mo --input_model on each model.\n"""\n'
              'print("then call mo --input_model yourself")\n'),
        Valid("MO=ovc\n$MO model.onnx\necho \"mo --input_model m.onnx\"\n", filename="convert.sh"),
        Valid(". ./mo  # the bash Mustache renderer\nmo page.html.mo > page.html\ncat card.mo | mo\n"
              "mo --source=vars.env --fail-not-set page.mo\nmo --help\n", filename="render.sh"),
    )

    def check_command(self, command) -> None:
        outcome = self._outcome(command)
        if outcome is None:
            return
        message, edits, *unsafe = outcome
        if edits is not None and _probe(command):
            kept = next((c for c in self.ctx.commands if c is not command and (self._outcome(c) or ("", []))[1] is None),
                        None)
            named = self._named_elsewhere(command) if kept is None else None
            if kept is not None:
                where = self.ctx.line_name(kept.start)
                message += (f" (not rewritten: it checks for the Model Optimizer, which the command at {where} still "
                            "runs until it is rewritten by hand)")
                edits = None
            elif named is not None:
                where = self.ctx.line_name(named)
                message += (f" (not rewritten: it checks for the Model Optimizer, which {where} still names where "
                            "ovlint reads no command it rewrites, as in a command kept in a variable or built up with "
                            "`+=`: rewrite both by hand)")
                edits = None
        self.report(command, message, self.make_fix(edits, "Use `ovc`", unsafe=bool(unsafe)) if edits else None)

    def _named_elsewhere(self, probe):
        """Where the file names MO to run it outside the commands ovlint reads and rewrites (a command
        built up with `+=`), if it does: the check for MO must then stay."""
        rewritten = [(c.start, c.end) for c in self.ctx.commands
                     if c is probe or (self._outcome(c) or ("", None))[1] is not None]
        return next((m.start() for m in _MO_RUN.finditer(self.ctx.text)
                     if not any(start <= m.start() < end for start, end in rewritten)), None)

    def _outcome(self, command):
        """(message, edits) for a command that runs MO, edits None where it is not rewritten; None
        for any other command (and for one OV501 reports)."""
        return self.ctx.memo((self.code, id(command)), lambda: self._worked_out(command))

    def _worked_out(self, command):
        argv = command.argv
        unlisted = open_ended(command)
        found = invocation(argv, unlisted, self.ctx)
        if found is None and command.resolved:
            resolved = command.resolved_argv
            found = invocation(resolved, unlisted, self.ctx)
            if found is not None and framework_of(resolved, found.first_argument) is None:
                return self.summary + " (the command comes from a variable the file sets, so it is not rewritten)", None
            return None
        if found is None:
            if PREREQUISITES.fullmatch(os.path.basename(argv[0]) if argv else ""):
                return ("The Model Optimizer's `install_prerequisites` scripts went with it (removed in "
                        f"OpenVINO {MO.removed}): `pip install openvino` brings `ovc`, and each framework's "
                        "own package (`onnx`, `torch`, `tensorflow`, `paddlepaddle`) its frontend's needs"), None
            return None
        framework = framework_of(argv, found.first_argument)
        if framework is not None:
            return None  # OV501: the model's framework is gone, not just the tool
        # a shell variable holding options, or any item of a Python list that is not a string (an
        # f-string, `"--input_model=" + path`, `"--output_dir={}".format(d)`), but a flag's value
        if any(w.expanded and ((w.value.startswith("$") and "=" not in w.value) or command.carrier == "python-list")
               and i >= found.first_argument and not (argv[i - 1].startswith("-") and argv[i - 1] not in FLAGS)
               for i, w in enumerate(command.words)):
            return self.summary + " (options come from a variable or an expression, so the command is not rewritten)", None
        edits, missing = self._rewrite(command, found)
        if missing:
            return self.summary + "; options without an ovc equivalent: " + "; ".join(
                f"`{flag}` → {instead}" for flag, instead in missing), None
        if edits is None:
            return self.summary + (" (not rewritten: a word the rewrite must change cannot be written in place here, "
                                   "through a variable, an expression or its quoting; write the `ovc` command by hand"
                                   f"{self._once_pinned()})"), None
        if tensorflow_before_2022(argv, found.first_argument):
            return self.summary + NCHW_NOTE, edits, True
        return self.summary, edits

    def _once_pinned(self) -> str:
        """When the floor has no `ovc` yet: writing it by hand waits for the pin too."""
        floor = self.ctx.floor
        if floor is None or at_least(floor.release, MO.since):
            return ""
        return f" once the pin allows: `ovc` needs OpenVINO {MO.since}, but {floor.origin} pins {floor.release}"

    def _rewrite(self, command, found):
        """(edits, options without an equivalent); edits is None when some word cannot be rewritten."""
        argv = command.argv
        opts, _ = options(argv, found.first_argument)
        edits = []
        missing = []
        if found.kind == "module":
            edits.append(replace_word(command, 2, "openvino.tools.ovc"))
        elif found.kind == "script":
            edits += [delete_words(command, 0, 0), replace_word(command, 1, "ovc")]
        else:
            edits.append(replace_word(command, 0, "ovc"))
        output_dir = next((o for o in opts if o.name in OUTPUT_DIR), None)
        model_name = next((o for o in opts if o.name in MODEL_NAME), None)
        if {"--input", "--input_shape"} <= {o.name for o in opts}:
            # both would be `--input`: ovc takes the shape with the name, `--input name[1,3,224,224]`
            missing.append(("--input with --input_shape", "one `--input` giving each name its shape, "
                                                          "`--input name[1,3,224,224]` (`a[1,3],b[1,10]`)"))
        for option in opts:
            name = option.name
            value = value_of(option, argv)
            if name in INPUT_MODEL:
                if option.value is None:
                    edits.append(replace_word(command, option.flag, value or ""))
                else:
                    edits.append(delete_words(command, option.flag, option.flag))
            elif name in OUTPUT_DIR or name in MODEL_NAME:
                continue
            elif name == "--data_type":
                # MO weighed an explicit `--compress_to_fp16` over it: that one is kept instead
                if value in ("FP16", "half") or any(o.name == "--compress_to_fp16" for o in opts):
                    edits.append(delete_words(command, option.flag, option.value or option.flag))
                elif value in ("FP32", "float"):
                    edits += self._set(command, option, "--compress_to_fp16=False")
                elif value and value.isalnum():
                    missing.append((f"--data_type {value}", "no ovc option: FP32 or FP16 weights only"))
                else:  # a variable's or an expression's, as written (an f-string's field): known only when the command runs
                    word = command.words[option.value] if option.value is not None else None
                    spelt = self.ctx.text[word.start:word.end] if word is not None else value or ""
                    missing.append((f"--data_type {spelt}".rstrip(), "`--compress_to_fp16=True` where it is FP16, "
                                    "`--compress_to_fp16=False` where it is FP32"))
            elif name == "--input" and value and ("{" in value or "->" in value):
                missing.append((name, "`--input` without `{type}` and `->value` (set types and freeze "
                                      "values in the source model)"))
            elif name in DROPPED:
                edits.append(delete_words(command, option.flag, option.value or option.flag))
            elif name == "--input_shape" and _unknown_shape(command, option):
                missing.append((name, "`--input [1,3,224,224]` (the shape comes from a variable, whose value ovc "
                                      "must get in brackets: MO also read parentheses)"))
            elif name == "--input_shape" and value and "(" in value:
                # MO read `(1,3,224,224)` as a shape too; ovc takes brackets only
                try:
                    parse_shapes(value)
                except Unreadable:
                    missing.append((name, "`--input [1,3,224,224]` (MO's syntax of this value not read)"))
                    continue
                if option.inline is None:
                    edits += [replace_word(command, option.flag, "--input"), *_bracketed(command, option.value)]
                else:
                    edits.append(replace_word(command, option.flag,
                                              "--input=" + option.inline.replace("(", "[").replace(")", "]")))
            elif name == "--compress_to_fp16" and option.inline is None and (
                    option.flag + 1 == len(argv) or argv[option.flag + 1].lower() not in BOOLEAN_WORDS):
                # bare, MO read it as True; ovc reads it as no value (and compresses nothing), or takes
                # the model path that follows it for its value
                edits.append(replace_word(command, option.flag, "--compress_to_fp16=True"))
            elif name in RENAMED:
                new = RENAMED[name]
                if new != name:
                    text = new if option.inline is None else f"{new}={option.inline}"
                    edits.append(replace_word(command, option.flag, text))
            elif name in NO_EQUIVALENT:
                missing.append((name, NO_EQUIVALENT[name]))
            elif name not in FRAMEWORK_OPTIONS:
                missing.append((name, "no ovc option (`ovc --help` lists them)"))
        if missing:
            return None, missing
        edits += self._output(command, output_dir, model_name)
        if any(e is None for e in edits):
            return None, []
        return edits, []

    def _set(self, command, option, text):
        if option.value is None:
            return [replace_word(command, option.flag, text)]
        return [replace_word(command, option.flag, text), delete_words(command, option.value, option.value)]

    def _output(self, command, output_dir, model_name) -> list:
        """`--output_dir D --model_name N` -> `--output_model D/N.xml`; either alone works too."""
        argv = command.argv
        if output_dir is None and model_name is None:
            return []
        name = value_of(model_name, argv) if model_name else None
        if output_dir is None:
            return self._set(command, model_name, f"--output_model={name}.xml") if model_name.value is None \
                else [replace_word(command, model_name.flag, "--output_model"),
                      append_to_word(command, model_name.value, ".xml")]
        folder = value_of(output_dir, argv) or ""
        # an empty folder is the current one, as MO took it (`/` alone would be the root)
        separator = "" if folder.endswith(("/", os.sep)) else "/" if folder else "./"
        suffix = separator + (f"{name}.xml" if name else "")
        if output_dir.value is None:
            edits = [replace_word(command, output_dir.flag, f"--output_model={folder}{suffix}")]
        else:
            edits = [replace_word(command, output_dir.flag, "--output_model"),
                     append_to_word(command, output_dir.value, suffix) if suffix else None]
            if not suffix:
                edits.pop()
        if model_name is not None:
            edits.append(delete_words(command, model_name.flag, model_name.value or model_name.flag))
        return edits


def _bracketed(command, index: int) -> list:
    """Edits giving word `index` brackets for its parentheses, one character each where the word's
    value stands in the text verbatim (a string of a Python list as well as a shell word); the
    whole word rewritten otherwise."""
    word = command.words[index]
    if word.value_start is not None:
        return [Edit(word.value_start + at, word.value_start + at + 1, "[" if char == "(" else "]")
                for at, char in enumerate(word.value) if char in "()"]
    return [replace_word(command, index, word.value.replace("(", "[").replace(")", "]"))]


def _probe(command) -> bool:
    """Whether the command only asks MO for its help or version (`mo.py -h`): a check that it is there."""
    found = invocation(command.argv)
    rest = command.argv[found.first_argument:] if found else []
    return bool(rest) and all(word in ("-h", "--help", "--version") for word in rest)


def _unknown_shape(command, option) -> bool:
    """Whether `--input_shape`'s value comes from a variable that may hold a shape in parentheses,
    which ovc rejects (`"$SHAPE"`, unless the file sets it to one in brackets)."""
    word = command.words[option.flag if option.value is None else option.value]
    if not word.expanded or _VARIABLE_DIMENSIONS.fullmatch(
            word.value if option.inline is None else option.inline):
        return False
    return word.resolved is None or "(" in word.resolved or "$" in word.resolved


# shapes in brackets whose dimensions are numbers or variables (`[1,3,$H,$W]`): bracketed whatever the variables hold
_DIMENSION = r"\s*(?:-?\d+(?:\.\.-?\d+)?|\?|\$\w+|\$\{\w+\})\s*"
_VARIABLE_DIMENSIONS = re.compile(rf"\[{_DIMENSION}(?:,{_DIMENSION})*\](?:,\[{_DIMENSION}(?:,{_DIMENSION})*\])*")
