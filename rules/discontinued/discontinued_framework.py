"""Caffe, MXNet and Kaldi models converted by Model Optimizer commands."""
from __future__ import annotations

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.model_optimizer._options import MO_NEEDLES, framework_of, invocation, open_ended

FRAMEWORKS = DEPRECATIONS["caffe-mxnet-kaldi"]


class DiscontinuedFramework(CommandRule):
    code = "OV501"
    name = "discontinued-framework"
    summary = f"Caffe, MXNet and Kaldi models can no longer be converted (removed in OpenVINO {FRAMEWORKS.removed})"
    rationale = (
        f"OpenVINO {FRAMEWORKS.removed} dropped the Caffe, MXNet and Kaldi frontends, and `ovc` never had them. A "
        "Model Optimizer command converting such a model (found from `mo_caffe.py`/`mo_mxnet.py`/"
        "`mo_kaldi.py`, `--framework`, a `.caffemodel`/`.params`/`.nnet` input, or options such as "
        "`--input_proto`, `--input_symbol`, `--counts`) has no rewrite: export the model to ONNX with the "
        "framework's own tools (or use an IR converted earlier), then convert the ONNX file with `ovc`."
    )
    deprecation = FRAMEWORKS
    needles = MO_NEEDLES
    examples = (
        Example("mo --input_model net.caffemodel --input_proto deploy.prototxt\n", filename="convert.sh",
                message=("Caffe models can no longer be converted (the `.caffemodel` model; removed in "
                         "OpenVINO 2024.0): export the model to ONNX first, then run `ovc model.onnx`")),
        Example("RUN python3 mo_mxnet.py --input_model resnet-0000.params\n", filename="Dockerfile",
                message=("MXNet models can no longer be converted (`mo_mxnet.py`; removed in OpenVINO "
                         "2024.0): export the model to ONNX first, then run `ovc model.onnx`")),
    )
    valid = (
        Valid("mo --input_model model.onnx\n", filename="convert.sh"),
        Valid("cp net.caffemodel backup/\n", filename="convert.sh"),
    )

    def check_command(self, command) -> None:
        unlisted = open_ended(command)
        argv = command.argv if invocation(command.argv, unlisted, self.ctx) or not command.resolved else command.resolved_argv
        found = invocation(argv, unlisted, self.ctx)
        framework = framework_of(argv, found.first_argument) if found else None
        if framework is not None:
            name, why = framework
            self.report(command, f"{name} models can no longer be converted ({why}; removed in OpenVINO "
                                 f"{FRAMEWORKS.removed}): "
                                 f"export the model to ONNX first, then run `ovc model.onnx`")
