"""`openvino.offline_transformations`, now the private `openvino._offline_transformations`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS


class OfflineTransformations(PythonRule):
    code = "OV603"
    name = "offline-transformations"
    summary = "`openvino.offline_transformations` is gone: its functions are in the private `openvino._offline_transformations`"
    rationale = (
        "The public module became private (`openvino._offline_transformations`) with the 2023 namespace "
        "redesign. Its functions (`apply_low_latency_transformation`, `apply_make_stateful_transformation`, "
        "`apply_pruning_transformation`, `compress_model_transformation`...) are still there, but a private "
        "module can change in any release, so the rewrite is unsafe; `openvino.passes` and "
        "`ov.save_model(..., compress_to_fp16=...)` cover the common uses."
    )
    fix = Applicability.UNSAFE
    deprecation = DEPRECATIONS["offline-transformations"]
    needles = (r"\boffline_transformations",)  # not `_offline_transformations`, its successor
    context_needles = ("openvino",)
    imports_only = True
    examples = (Example("from openvino.offline_transformations import apply_moc_transformations\n",
                        "from openvino._offline_transformations import apply_moc_transformations\n", unsafe=True),)
    valid = (Valid("from openvino._offline_transformations import apply_moc_transformations\n"),)

    def _module(self, node, name) -> None:
        for prefix in ("openvino.runtime.offline_transformations", "openvino.offline_transformations"):
            if dotted(name) == prefix or dotted(name).startswith(prefix + "."):
                new = "openvino._offline_transformations" + dotted(name)[len(prefix):]
                self.report(node, fix=self.make_fix(self.ctx.replace(name, new), "Use the private module",
                                                    unsafe=True))
                return

    def visit_ImportFrom(self, node) -> None:
        if node.module is not None and not node.relative:
            self._module(node, node.module)

    def visit_Import(self, node) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self._module(node, alias.name)
