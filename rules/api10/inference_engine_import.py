"""Python API 1.0: imports of `openvino.inference_engine`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, Valid
from ovlint.rules.api10._base import API_1, IE, Api10Rule


def _is_legacy(module: str) -> bool:
    return module == IE or module.startswith(IE + ".")


class InferenceEngineImport(Api10Rule):
    code = "OV101"
    name = "inference-engine-import"
    summary = f"`openvino.inference_engine` (API 1.0) was removed in OpenVINO {API_1.removed}"
    rationale = (
        "The Inference Engine Python API (IECore, IENetwork, ExecutableNetwork, Blob, ...) was "
        f"deprecated in {API_1.deprecated} and removed in {API_1.removed}: importing it raises ImportError on every current "
        "release. Its replacement is the `openvino` package (API 2.0): `ov.Core`, `core.read_model`, "
        "`core.compile_model`, `ov.Tensor` and `openvino.preprocess.PrePostProcessor`. The uses of "
        "what the import brings in are flagged one by one (OV102-OV107); once the fix has rewritten "
        "them all, the import is replaced by `import openvino as ov` or removed. Like every OV1xx fix, "
        "it migrates the whole module at once and needs every OV1xx rule selected."
    )
    fix = Applicability.SAFE
    needles = ("inference_engine",)
    examples = (
        Example(
            "import numpy as np\nfrom openvino.inference_engine import IECore\n\nie = IECore()\n",
            "import numpy as np\nimport openvino as ov\n\nie = ov.Core()\n",
        ),
        Example("from openvino.inference_engine import StatusCode\n",
                ""),
        Example("import openvino.inference_engine as ie_api\n\nprint(ie_api.__version__)\n",
                message="`openvino.inference_engine` (API 1.0) was removed in OpenVINO 2024.0"),
        Example("from openvino import inference_engine\n", ""),
        Example("from openvino.inference_engine import get_version\n\nprint(get_version())\n",
                message="`openvino.inference_engine` (API 1.0) was removed in OpenVINO 2024.0"),
    )
    valid = (
        Valid("from openvino import Core\n\ncore = Core()\n"),
        Valid("class IECore:\n    pass\n\n\ncore = IECore()  # openvino.inference_engine look-alike\n"),
        Valid('DOC = "from openvino.inference_engine import IECore"\n'),
    )

    def visit_Import(self, node) -> None:
        if any(_is_legacy(dotted(alias.name)) for alias in node.names):
            self.plan.legacy_import(self.code, node, self.summary)

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None:
            return
        module = dotted(node.module)
        if _is_legacy(module):
            self.plan.legacy_import(self.code, node, self.summary)
        elif module == "openvino" and not isinstance(node.names, cst.ImportStar):
            if any(dotted(a.name) == "inference_engine" for a in node.names):
                self.plan.legacy_import(self.code, node, self.summary)
