"""Python API 1.0: imports of `openvino.inference_engine` (removed in OpenVINO 2024.0)."""
from __future__ import annotations

from ovlint.diagnostics import Applicability
from ovlint.lazy import cst
from ovlint.python_imports import dotted as _dotted
from ovlint.rule import Example, PythonRule, Valid
from ovlint.versions import at_least

LEGACY_MODULE = "openvino.inference_engine"
# API 1.0 names whose API 2.0 twin is a drop-in replacement, as attributes of `openvino`
TWINS = {"IECore": "Core"}
TWINS_SINCE = "2023.1"  # first release exporting Core at the top level of `openvino`


def _is_legacy(module: str) -> bool:
    return module == LEGACY_MODULE or module.startswith(LEGACY_MODULE + ".")


class InferenceEngineImport(PythonRule):
    code = "OV101"
    name = "inference-engine-import"
    summary = "`openvino.inference_engine` (API 1.0) was removed in OpenVINO 2024.0"
    rationale = (
        "The Inference Engine Python API (IECore, IENetwork, ExecutableNetwork, Blob, ...) was "
        "deprecated in 2023.0 and removed in 2024.0: importing it raises ImportError on every current "
        "release. Its replacement is the `openvino` package (API 2.0): `ov.Core`, `core.read_model`, "
        "`core.compile_model`, `ov.Tensor` and `openvino.preprocess.PrePostProcessor`. When the import "
        "brings in only `IECore`, the fix imports `openvino as ov` and turns each use of `IECore` into "
        "`ov.Core`; other names are migrated use by use."
    )
    fix = Applicability.SAFE
    deprecated_in = "2023.0"
    removed_in = "2024.0"
    needles = (r"inference_engine",)
    examples = (
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n",
            "import openvino as ov\n\nie = ov.Core()\n",
        ),
        Example(
            "import numpy as np\nfrom openvino.inference_engine import IECore as Engine\n\n\n"
            "def make():\n    return Engine()\n",
            "import numpy as np\nimport openvino as ov\n\n\ndef make():\n    return ov.Core()\n",
        ),
        Example("import openvino.inference_engine as ie_api\n\ncore = ie_api.IECore()\n"),
        Example("from openvino import inference_engine\n"),
        Example("from openvino.inference_engine import IECore, IENetwork\n"),
    )
    valid = (
        Valid("from openvino import Core\n\ncore = Core()\n"),
        Valid("class IECore:\n    pass\n\n\ncore = IECore()  # openvino.inference_engine look-alike\n"),
        Valid('DOC = "from openvino.inference_engine import IECore"\n'),
    )

    def visit_Import(self, node) -> None:
        for alias in node.names:
            if _is_legacy(_dotted(alias.name)):
                self.report(node)
                return

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None:
            return
        module = _dotted(node.module)
        if _is_legacy(module):
            self.report(node, fix=self._fix(node) if module == LEGACY_MODULE else None)
        elif module == "openvino" and not isinstance(node.names, cst.ImportStar):
            if any(_dotted(a.name) == "inference_engine" for a in node.names):
                self.report(node)

    def _fix(self, node):
        """Imports of IECore alone: import `openvino` and rewrite every reference."""
        if isinstance(node.names, cst.ImportStar) or not at_least(self.ctx.target_version, TWINS_SINCE):
            return None
        if any(_dotted(a.name) not in TWINS for a in node.names):
            return None
        ctx = self.ctx
        line = ctx.parent(node)
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1 or ctx.scope(node) is not ctx.scope(ctx.module):
            return None
        existing = self._existing_openvino_alias()
        edits = []
        if existing is None:
            alias = "ov"
            if alias in ctx.imports.global_names():
                return None
            edits.append(ctx.replace(node, f"import openvino as {alias}"))
        else:
            alias = existing
            start, end = ctx.lines.line_span(ctx.span(node)[0])
            edits.append(ctx.replace((start, end), ""))
        scope = ctx.scope(node)
        for imported in node.names:
            bound = imported.evaluated_alias or imported.evaluated_name
            twin = TWINS[imported.evaluated_name]
            for assignment in scope.assignments[bound]:
                if getattr(assignment, "node", None) is not imported and getattr(assignment, "node", None) is not node:
                    continue
                for access in assignment.references:
                    edits.append(ctx.replace(access.node, f"{alias}.{twin}"))
        return self.make_fix(edits, f"Import `openvino as {alias}` and use `{alias}.Core`")

    def _existing_openvino_alias(self):
        for stmt in self.ctx.module.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Import):
                        for alias in small.names:
                            if _dotted(alias.name) == "openvino":
                                return alias.asname.name.value if alias.asname else "openvino"
        return None
