"""OpenVINO packages that stopped being published: `openvino-nightly`, `openvino-tensorflow` and
`openmodelzoo-modelapi`, in every dependency file and `pip install` command."""
from __future__ import annotations

from ovlint.base import versions
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, RequirementRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

NIGHTLY_INDEX = "https://storage.openvinotoolkit.org/simple/wheels/nightly"
NIGHTLY, TENSORFLOW, MODEL_API = (DEPRECATIONS[k] for k in ("openvino-nightly", "openvino-tensorflow",
                                                             "openmodelzoo-modelapi"))
# package -> (the deprecation entry, what to depend on instead)
PACKAGES = {
    "openvino-nightly": (
        NIGHTLY,
        f"`openvino-nightly` stopped at {NIGHTLY.last}: nightly builds of `openvino` come from the "
        f"nightly index (`pip install --pre openvino --extra-index-url {NIGHTLY_INDEX}`)"),
    "openvino-tensorflow": (
        TENSORFLOW,
        f"`openvino-tensorflow` (OpenVINO integration with TensorFlow) ended with {TENSORFLOW.last}: run "
        "TensorFlow models with `openvino` itself, whose TensorFlow frontend reads them "
        "(`ov.convert_model(saved_model_dir)`)"),
    "openmodelzoo-modelapi": (
        MODEL_API,
        f"`openmodelzoo-modelapi` ended with {MODEL_API.last}, and its wheel replaces `openvino/__init__.py` "
        "(after it, `openvino.Core` is gone): depend on `openvino-model-api`, and import `model_api.models` "
        "instead of `openvino.model_zoo.model_api.models`"),
}


class DiscontinuedPackage(RequirementRule):
    code = "OV404"
    name = "discontinued-package"
    summary = "This OpenVINO package is no longer published"
    rationale = (
        "Three packages around OpenVINO stopped being released, so a pin to a current version cannot be "
        "installed and an unpinned one installs a years-old build: `openvino-nightly` (replaced by the "
        "nightly package index), `openvino-tensorflow` (its job is done by OpenVINO's own TensorFlow "
        "frontend) and `openmodelzoo-modelapi` (continued as `openvino-model-api`, with a new import path; "
        "its last wheel carries an `openvino/__init__.py` of its own, which overwrites the real one when it "
        "is installed after `openvino`). "
        "None has a mechanical replacement in a dependency file, so the message says what to change."
    )
    deprecated_in = min((p[0].deprecated for p in PACKAGES.values()), key=versions.parse)
    needles = ("(?i)openvino-nightly", "(?i)openvino_nightly", "(?i)openvino-tensorflow",
               "(?i)openvino_tensorflow", "(?i)openmodelzoo")
    examples = (
        Example("openvino-nightly>=2024.4.0.dev0\n", filename="requirements.txt",
                message=("`openvino-nightly` stopped at 2024.5.0.dev20241105: nightly builds of `openvino` "
                         "come from the nightly index (`pip install --pre openvino --extra-index-url "
                         "https://storage.openvinotoolkit.org/simple/wheels/nightly`)")),
        Example("RUN pip install openvino-tensorflow==2.3.0\n", filename="Dockerfile",
                message=("`openvino-tensorflow` (OpenVINO integration with TensorFlow) ended with 2.3.0: run "
                         "TensorFlow models with `openvino` itself, whose TensorFlow frontend reads them "
                         "(`ov.convert_model(saved_model_dir)`)")),
        Example("pip3 install ./openvino_tensorflow-1.1.0-cp38-cp38-manylinux2014_x86_64.whl\n", filename="setup.sh",
                message=("`openvino-tensorflow` (OpenVINO integration with TensorFlow) ended with 2.3.0: run "
                         "TensorFlow models with `openvino` itself, whose TensorFlow frontend reads them "
                         "(`ov.convert_model(saved_model_dir)`)")),
        Example("[project]\nname = \"app\"\ndependencies = [\"openmodelzoo-modelapi==2022.3.0\"]\n",
                filename="pyproject.toml",
                message=("`openmodelzoo-modelapi` ended with 2022.3.0, and its wheel replaces "
                         "`openvino/__init__.py` (after it, `openvino.Core` is gone): depend on "
                         "`openvino-model-api`, and import `model_api.models` instead of "
                         "`openvino.model_zoo.model_api.models`")),
    )
    valid = (Valid("--extra-index-url https://storage.openvinotoolkit.org/simple/wheels/nightly\n--pre\n"
                   "openvino\nopenvino-model-api\ntensorflow\n", filename="requirements.txt"),
             Valid("openvino-nightly\n", filename="requirements.txt", target="2024.4"))

    def check_requirement(self, req) -> None:
        known = PACKAGES.get(req.name)
        if known is not None and at_least(self.ctx.target_version, known[0].deprecated):
            self.report(req, known[1], deprecation=known[0])
