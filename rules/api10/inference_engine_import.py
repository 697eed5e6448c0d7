"""Python API 1.0: imports of `openvino.inference_engine`."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, Valid
from ovlint.rules.api10._base import API_1, IE, SPELLS_IE, Api10Rule, in_import, legacy_reference, mentions

# names of the module with the same value under `openvino`
SAME_IN_OPENVINO = {"get_version": "get_version", "__version__": "__version__"}


def _is_legacy(module: str) -> bool:
    return module == IE or module.startswith(IE + ".")


class InferenceEngineImport(Api10Rule):
    code = "OV101"
    # its visit_Name/visit_Attribute look only for names of `openvino.inference_engine`
    hook_needles = {"visit_Name": SPELLS_IE, "visit_Attribute": SPELLS_IE}
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
    examples = (
        Example(
            "import numpy as np\nfrom openvino.inference_engine import IECore\n\nie = IECore()\n",
            "import numpy as np\nimport openvino as ov\n\nie = ov.Core()\n",
        ),
        Example("from openvino.inference_engine import StatusCode\n",
                ""),
        Example("import openvino.inference_engine as ie_api\n\nprint(ie_api.__version__)\n",
                "import openvino as ov\n\nprint(ov.__version__)\n"),
        Example("from openvino import inference_engine\n", ""),
        Example("from openvino.inference_engine import get_version\n\nprint(get_version())\n",
                "import openvino as ov\n\nprint(ov.get_version())\n"),
        Example("import openvino.inference_engine as ie\n\n\nclass Backend:\n    def __init__(self):\n"
                "        self.ie = ie\n        self.core = self.ie.IECore()\n",
                "import openvino as ov\n\n\nclass Backend:\n    def __init__(self):\n"
                "        self.ie = ov\n        self.core = ov.Core()\n", unsafe=True),
        Example("from openvino.inference_engine import IECore\n\nnet = IECore().read_network(\"m.xml\")\n",
                "import openvino as ov\n\nnet = ov.Core().read_model(\"m.xml\")\n", unsafe=True),
        Example("from openvino.inference_engine import *\n\nie = IECore()\n",
                message=("`openvino.inference_engine` (API 1.0) was removed in OpenVINO 2024.0; a star import: the "
                         "names it binds (`IECore`, `IENetwork`, `Blob`, ...) are not followed, so their uses are not "
                         "rewritten (those that look like API 1.0 are reported as such): import the names the module "
                         "uses, then run ovlint again")),
    )
    valid = (
        Valid("from openvino import Core\n\ncore = Core()\n"),
        Valid("class IECore:\n    pass\n\n\ncore = IECore()  # openvino.inference_engine look-alike\n"),
        Valid('DOC = "from openvino.inference_engine import IECore"\n'),
    )

    def visit_Import(self, node) -> None:
        if any(_is_legacy(dotted(alias.name)) for alias in node.names):
            self.plan.legacy_import(self.code, node, self.summary)

    def visit_Name(self, node) -> None:
        self._same_name(node)
        self._module_in_variable(node)

    def visit_Attribute(self, node) -> None:
        self._same_name(node)

    def _module_in_variable(self, node) -> None:
        """The module itself kept in a variable (`self.ie = ie`): its uses are migrated one by one,
        so the variable holds `openvino` instead."""
        ctx = self.ctx
        if not mentions(ctx, IE) or ctx.qualified_names(node) != {IE} or in_import(ctx, node):
            return
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return
        self.propose(node, f"The module `{IE}` is kept in a variable: API 2.0's module is `openvino`",
                     [ctx.replace(node, self.plan.ov(node))], fix_message="Keep `openvino` instead")

    def _same_name(self, node) -> None:
        name = legacy_reference(self.ctx, node)
        if name in SAME_IN_OPENVINO:
            new = f"{self.plan.ov(node)}.{SAME_IN_OPENVINO[name]}"
            self.propose(node, f"`{name}` of `{IE}` is `openvino.{SAME_IN_OPENVINO[name]}` in API 2.0 (the same "
                               "release string)", [self.ctx.replace(node, new)], unsafe=False,
                         fix_message=f"Use `openvino.{SAME_IN_OPENVINO[name]}`")

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None:
            return
        module = dotted(node.module)
        if _is_legacy(module) and isinstance(node.names, cst.ImportStar):
            # scope analysis binds no name for a star import: nothing it brings is traced
            self.plan.legacy_import(self.code, node, self.summary + "; a star import: the names it binds (`IECore`, "
                                    "`IENetwork`, `Blob`, ...) are not followed, so their uses are not rewritten (those that look "
                                    "like API 1.0 are reported as such): import the names the module uses, then run "
                                    "ovlint again")
        elif _is_legacy(module):
            self.plan.legacy_import(self.code, node, self.summary)
        elif module == "openvino" and not isinstance(node.names, cst.ImportStar):
            if any(dotted(a.name) == "inference_engine" for a in node.names):
                self.plan.legacy_import(self.code, node, self.summary)
