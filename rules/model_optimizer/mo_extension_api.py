"""The Model Optimizer's own packages imported from Python: its extension API (`mo.ops.op`,
`mo.front.extractor`, `mo.middle.replacement`, ...) and its entry point (`mo.main`)."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import deleted_line, probes_import, statement_of
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules.model_optimizer.mo_command import MO

# the top-level packages of the Model Optimizer, under `mo.` (2021 layout) or `openvino.tools.mo.`
EXTENSION_PACKAGES = {"front", "middle", "back", "ops", "graph", "load"}
INTERNAL_PACKAGES = {"pipeline", "analysis", "utils", "moc_frontend"}  # what MO ran on, not for extensions
ENTRY_POINTS = {"main", "subprocess_main", "mo", "convert", "convert_impl"}
EXTENSIONS = ("custom operations become OpenVINO extensions: an `ov.Extension`/`OpExtension` for the runtime and "
              "a frontend extension (`openvino.frontend.ConversionExtension`, `OpExtension`) passed to "
              "`ov.convert_model(..., extension=...)` or `ovc --extension`")
ENTRY = "convert in-process with `ov.convert_model(...)` (or run `ovc`)"
INTERNALS = ("nothing replaces them (`ovc` keeps its own internals private): convert with `ov.convert_model(...)` or "
             "`ovc`, and take what the code used them for (versions, telemetry, graph helpers) from `openvino` or "
             "write it")


def mo_package(module: str):
    """(subpackage, what replaces it) for a module of the Model Optimizer, else None."""
    for prefix in ("mo.", "openvino.tools.mo."):
        if module.startswith(prefix):
            head = module[len(prefix):].split(".")[0]
            if head in EXTENSION_PACKAGES:
                return head, EXTENSIONS
            if head in INTERNAL_PACKAGES:
                return head, INTERNALS
            if head in ENTRY_POINTS and prefix == "mo.":  # `openvino.tools.mo.convert` is OV202's
                return head, ENTRY
    return None


class ModelOptimizerExtensionApi(PythonRule):
    code = "OV203"
    name = "mo-extension-api"
    summary = f"The Model Optimizer's Python packages were removed in OpenVINO {MO.removed}"
    rationale = (
        "Model Optimizer extensions were written against MO's own graph (`mo.ops.op.Op`, "
        "`mo.front.extractor`, `mo.front.common.replacement`, `mo.middle.replacement`, `mo.graph.graph`), "
        "some tools drove MO in-process (`from mo.main import main`), and others borrowed its internals "
        "(`mo.utils.version`, its telemetry stub). Those packages went with MO, and "
        "`ovc` has no such graph: custom layers become OpenVINO extensions, a runtime operation "
        "(`ov.Op`/`OpExtension`) plus a frontend extension that maps the framework's operation "
        "(`ConversionExtension`, `OpExtension`), loaded with `convert_model(extension=...)`. Each import "
        "is reported with that how-to; there is no mechanical rewrite, but an import whose names nothing reads "
        "is deleted (it only fails on a release without MO; one in a `try` that goes on without it tells the "
        "program whether MO is there, and stays). Only MO's own package names count (`mo.front`, `mo.ops`, ...), "
        "so a project's module that happens to be called `mo` stays silent."
    )
    fix = Applicability.SAFE
    deprecation = MO
    # what importing `mo.<package>` is written as (`mo` alone is a common name for a match object)
    needles = ("from mo.", "import mo.", ", mo.", "openvino.tools.mo.")
    imports_only = True
    examples = (
        Example("from mo.ops.op import Op\nfrom mo.front.extractor import FrontExtractorOp\n\n\n"
                "class Gelu(Op):\n    pass\n\n\nclass GeluExtractor(FrontExtractorOp):\n    pass\n",
                message=((f"`mo.ops.op` is the Model Optimizer's extension API, removed in OpenVINO 2025.0: {EXTENSIONS}"),
                         (f"`mo.front.extractor` is the Model Optimizer's extension API, removed in OpenVINO "
                          f"2025.0: {EXTENSIONS}"))),
        Example("import numpy as np\nfrom openvino.tools.mo.front import tf as ov_tf_front\n\nprint(np.pi)\n",
                "import numpy as np\n\nprint(np.pi)\n"),
        Example("from mo.main import main\n\nmain()\n",
                message=f"`mo.main` is the Model Optimizer's entry point, removed in OpenVINO 2025.0: {ENTRY}"),
        Example("from openvino.tools.mo.utils.version import get_version\n\nprint(get_version())\n",
                message=(f"`openvino.tools.mo.utils.version` is part of the Model Optimizer's internals, removed in OpenVINO "
                         f"2025.0: {INTERNALS}")),
    )
    valid = (Valid("from mo.models import Order\nimport mo\nfrom openvino.tools.ovc import convert_model\n"),)

    def visit_ImportFrom(self, node) -> None:
        if not node.relative and node.module is not None:
            self._module(node, dotted(node.module))

    def visit_Import(self, node) -> None:
        for alias in node.names:
            if self._module(node, dotted(alias.name)):
                return

    def _module(self, node, module: str) -> bool:
        found = mo_package(module)
        if found is None:
            return False
        head, how = found
        what = {EXTENSIONS: "the Model Optimizer's extension API", INTERNALS: "part of the Model Optimizer's internals"
                }.get(how, "the Model Optimizer's entry point")
        message, fix = f"`{module}` is {what}, removed in OpenVINO {MO.removed}: {how}", None
        line = statement_of(self.ctx, node)
        if line is not None and self._unread(node) and not probes_import(self.ctx, line):
            message += "; nothing here reads what it imports: delete it"
            fix = self.make_fix(deleted_line(self.ctx, line), "Delete the unused import")
        self.report(node, message, fix)
        return True

    def _unread(self, node) -> bool:
        """Whether nothing in the module reads a name the import `node` binds."""
        if isinstance(getattr(node, "names", None), cst.ImportStar):
            return False
        scope = self.ctx.scope(node)
        if scope is None:
            return False
        for alias in node.names:
            bound = alias.asname.name.value if alias.asname is not None else dotted(alias.name).split(".")[0]
            if any(getattr(a, "node", None) is node and a.references for a in scope.assignments[bound]):
                return False
        return True
