"""Python imports of the tools `openvino-dev` carried (POT, the Accuracy Checker, the Model Zoo tools)."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.openvino_dev._tools import DEV, MODULES, TOOLS, describe

MODEL_API_PACKAGE = DEPRECATIONS["openmodelzoo-modelapi"]
MODEL_API = "openvino.model_zoo.model_api"


def _message(module: str):
    """(message, deprecation) for an import of `module`, or None when it is not a tool's."""
    if module == MODEL_API or module.startswith(MODEL_API + "."):
        return (f"`{MODEL_API}` came from `openmodelzoo-modelapi`, which ended with {MODEL_API_PACKAGE.last}: install "
                f"`openvino-model-api` and import `model_api{module[len(MODEL_API):]}` instead (check the calls "
                "against its current API)"), MODEL_API_PACKAGE
    package = next((name for name in MODULES if module == name or module.startswith(name + ".")), None)
    if package is None:
        return None
    tool = MODULES[package]
    if tool == "omz_downloader":  # the packages of the Open Model Zoo tools, not one tool's command
        what, replacement, gone = TOOLS[tool]
        return (f"`{package}` (the Open Model Zoo tools' Python package) went away with `openvino-dev` (removed in "
                f"{gone.removed}); instead use {replacement}"), gone
    return describe(tool), TOOLS[tool][2]


class DevToolImport(PythonRule):
    code = "OV403"
    name = "openvino-dev-tool-import"
    summary = "A Python package of the discontinued `openvino-dev` tools"
    rationale = (
        "`openvino.tools.pot`, `openvino.tools.accuracy_checker` and the Open Model Zoo packages were part "
        "of `openvino-dev` and are not installed by current releases. POT's pipeline (`load_model`, "
        "`create_pipeline`, `DataLoader`, `IEEngine`) becomes one `nncf.quantize` call over an "
        "`nncf.Dataset`; the message gives the parameter mapping. `openvino.model_zoo.model_api` was a "
        "separate package, `openmodelzoo-modelapi`, continued as `openvino-model-api` (`import model_api`)."
    )
    deprecation = DEV
    # its packages: openvino.tools.pot and .accuracy_checker, openvino.model_zoo, omz_tools
    needles = ("openvino.tools", "openvino.model_zoo", "openvino import tools", "openvino import model_zoo",
               "omz_tools")
    imports_only = True
    examples = (
        Example("from openvino.tools.pot import IEEngine, load_model, create_pipeline\n",
                message=("`pot` (the Post-training Optimization Tool) went away with `openvino-dev` (removed "
                         "in 2024.0); instead use NNCF, `nncf.quantize(model, nncf.Dataset(data, "
                         "transform))`; DefaultQuantization's `preset` is "
                         "`preset=nncf.QuantizationPreset.PERFORMANCE|MIXED`, `stat_subset_size` is "
                         "`subset_size`, `target_device` is `target_device=nncf.TargetDevice.CPU|GPU|ANY`; "
                         "AccuracyAwareQuantization is `nncf.quantize_with_accuracy_control(model, "
                         "calibration_dataset, validation_dataset, validate, max_drop=...)`")),
        Example("from openvino.tools import pot\n",
                message=("`pot` (the Post-training Optimization Tool) went away with `openvino-dev` (removed "
                         "in 2024.0); instead use NNCF, `nncf.quantize(model, nncf.Dataset(data, "
                         "transform))`; DefaultQuantization's `preset` is "
                         "`preset=nncf.QuantizationPreset.PERFORMANCE|MIXED`, `stat_subset_size` is "
                         "`subset_size`, `target_device` is `target_device=nncf.TargetDevice.CPU|GPU|ANY`; "
                         "AccuracyAwareQuantization is `nncf.quantize_with_accuracy_control(model, "
                         "calibration_dataset, validation_dataset, validate, max_drop=...)`")),
        Example("import openvino.tools.accuracy_checker as ac\n",
                message=("`accuracy_check` (the Accuracy Checker) went away with `openvino-dev` (removed in "
                         "2024.0); instead use your own evaluation loop over `compiled_model(inputs)` "
                         "(current OpenVINO has no such tool), or keep `openvino-dev==2023.3.0`, the last to "
                         "carry it, in a separate environment")),
        Example("from openvino.model_zoo.model_api.models import DetectionModel\n",
                message=("`openvino.model_zoo.model_api` came from `openmodelzoo-modelapi`, which ended with "
                         "2022.3.0: install `openvino-model-api` and import `model_api.models` instead "
                         "(check the calls against its current API)")),
    )
    valid = (Valid("import pot\nimport nncf\n\nnncf.quantize(model, dataset)\n"), Valid("from openvino.tools import ovc\n"))

    def visit_Import(self, node) -> None:
        for alias in node.names:
            found = _message(dotted(alias.name))
            if found:
                self.report(node, found[0], deprecation=found[1])
                return

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None:
            return
        module = dotted(node.module)
        names = [] if isinstance(node.names, cst.ImportStar) else [dotted(a.name) for a in node.names]
        # `from openvino.tools.pot import X`, and the package itself: `from openvino.tools import pot`
        inner = [f"{module}.{name}" for name in names]
        # `from openvino.model_zoo import model_api` is the Model API's, not the model zoo tools'
        found = next(filter(None, map(_message, [m for m in [module, *inner] if m.startswith(MODEL_API)])), None) \
            or _message(module) or next(filter(None, map(_message, inner)), None)
        if found:
            self.report(node, found[0], deprecation=found[1])
