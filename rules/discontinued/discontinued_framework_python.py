"""Reading or converting Caffe, MXNet or Kaldi models from Python."""
from __future__ import annotations

import os

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import string_value
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.model_optimizer._options import FRAMEWORK_FILES, FRAMEWORK_NAMES

FRAMEWORKS = DEPRECATIONS["caffe-mxnet-kaldi"]

CALLS = {"read_model", "read_network", "convert_model", "compile_model"}


class DiscontinuedFrameworkPython(PythonRule):
    code = "OV506"
    name = "discontinued-framework-python"
    summary = ("Caffe, MXNet and Kaldi models can no longer be read or converted (removed in OpenVINO "
               f"{FRAMEWORKS.removed})")
    rationale = (
        f"The Caffe, MXNet and Kaldi frontends are gone since {FRAMEWORKS.removed}, so `read_model`, `compile_model` or "
        "`convert_model` on a `.caffemodel`, `.params` or `.nnet` file fails. Export the model to ONNX with the "
        "framework's own tools (or keep an IR converted earlier) and read that instead."
    )
    deprecation = FRAMEWORKS
    needles = tuple(f"(?i){name}" for name in (*FRAMEWORK_FILES, *FRAMEWORK_NAMES))
    context_needles = ("openvino",)
    examples = (Example("import openvino as ov\n\nmodel = ov.Core().read_model('deploy.caffemodel')\n",
                        message=("Caffe models can no longer be read or converted (removed in OpenVINO "
                                 "2024.0): export the model to ONNX first")),
                Example("from openvino.tools.mo import convert_model\n\nm = convert_model('a.nnet', framework='kaldi')\n",
                        message=("Kaldi models can no longer be read or converted (removed in OpenVINO "
                                 "2024.0): export the model to ONNX first")))
    valid = (Valid("import openvino as ov\n\nmodel = ov.Core().read_model('model.onnx')\nprint('x.caffemodel')\n"),)

    def visit_Call(self, node) -> None:
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
        if name not in CALLS:
            return
        for arg in node.args:
            text = string_value(arg.value)
            if not text:
                continue
            framework = FRAMEWORK_FILES.get(os.path.splitext(text)[1].lower())
            if arg.keyword is not None and arg.keyword.value == "framework":
                framework = FRAMEWORK_NAMES.get(text.lower())
            if framework:
                self.report(arg.value, f"{framework} models can no longer be read or converted (removed in "
                                       f"OpenVINO {FRAMEWORKS.removed}): export the model to ONNX first")
                return
