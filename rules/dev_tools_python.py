"""Python imports of the tools `openvino-dev` carried (POT, the Accuracy Checker, the Model Zoo tools)."""
from __future__ import annotations

from ovlint.python_imports import dotted
from ovlint.rule import Example, PythonRule, Valid
from ovlint.rules._dev_tools import MODULES, describe


def _tool(module: str):
    return next((tool for name, tool in MODULES.items() if module == name or module.startswith(name + ".")), None)


class DevToolImport(PythonRule):
    code = "OV403"
    name = "openvino-dev-tool-import"
    summary = "A Python package of the discontinued `openvino-dev` tools"
    rationale = (
        "`openvino.tools.pot`, `openvino.tools.accuracy_checker` and the Open Model Zoo packages were part "
        "of `openvino-dev` and are not installed by current releases. POT's pipeline (`load_model`, "
        "`create_pipeline`, `DataLoader`, `IEEngine`) becomes one `nncf.quantize` call over an "
        "`nncf.Dataset`; the message gives the parameter mapping."
    )
    deprecated_in = "2023.1"
    removed_in = "2025.0"
    needles = ("openvino", "omz_tools")
    examples = (
        Example("from openvino.tools.pot import IEEngine, load_model, create_pipeline\n"),
        Example("import openvino.tools.accuracy_checker as ac\n"),
    )
    valid = (Valid("import pot\nimport nncf\n\nnncf.quantize(model, dataset)\n"),)

    def visit_Import(self, node) -> None:
        for alias in node.names:
            tool = _tool(dotted(alias.name))
            if tool:
                self.report(node, describe(tool))
                return

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None:
            return
        tool = _tool(dotted(node.module))
        if tool:
            self.report(node, describe(tool))
