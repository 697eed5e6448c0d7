"""What the GenAI Python rules share."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import dotted


def imports_genai(ctx) -> bool:
    """Whether the module imports `openvino_genai` anywhere (a method name alone is not proof)."""
    def scan():
        for scope in ctx.scopes():
            for assignment in scope.assignments:
                node = getattr(assignment, "node", None)
                if isinstance(node, cst.Import):
                    modules = [dotted(alias.name) for alias in node.names]
                elif isinstance(node, cst.ImportFrom) and node.module is not None and not node.relative:
                    modules = [dotted(node.module)]
                else:
                    continue
                if any(m.split(".")[0] == "openvino_genai" for m in modules):
                    return True
        return False

    return ctx.memo("imports-openvino-genai", scan)
