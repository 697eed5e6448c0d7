"""The `openvino.runtime` namespace."""
from __future__ import annotations

import re
from typing import Optional

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import walk
from ovlint.rulekit.python_imports import caught, dotted
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

NAMESPACE, GRAPH_NAMES = DEPRECATIONS["openvino-runtime"], DEPRECATIONS["openvino-graph-names"]

RUNTIME = "openvino.runtime"
# names of `openvino.runtime` and the first release exporting each from `openvino` itself
SINCE_2023_1 = {
    "Model", "Core", "CompiledModel", "InferRequest", "AsyncInferQueue", "Dimension", "Strides", "PartialShape",
    "Shape", "Layout", "Type", "Tensor", "OVAny", "compile_model", "get_batch", "set_batch", "serialize",
    "shutdown", "tensor_from_file", "save_model", "layout_helpers", "RemoteContext", "RemoteTensor",
    "VAContext", "VASurfaceTensor", "get_version", "properties", "preprocess", "frontend", "helpers",
}
SINCE_2025_0 = {
    "Node", "Output", "Input", "ConstOutput", "AxisSet", "AxisVector", "Coordinate", "CoordinateDiff",
    "DiscreteTypeInfo", "Extension", "OpExtension", "ProfilingInfo", "RTMap", "Version", "Op", "Symbol",
    "op", "passes", "utils", "exceptions",
}
OPSET = re.compile(r"opset\d+$")
# what the private module `openvino.runtime.ie_api` holds: the very objects `openvino` exports
IE_API = "ie_api"
IE_API_NAMES = {"AsyncInferQueue", "CompiledModel", "Core", "InferRequest", "Model", "Tensor", "compile_model"}


def since(name: str) -> Optional[str]:
    """The first release where `openvino.<name>` replaces `openvino.runtime.<name>`; None if never."""
    if name in SINCE_2023_1:
        return NAMESPACE.since
    if name in SINCE_2025_0 or OPSET.match(name):
        return GRAPH_NAMES.since
    return None


def dual_support(ctx, node) -> bool:
    """Inside a `try: ... except ImportError:` whose branches also import from `openvino` itself:
    code written for both namespaces. A guard whose other branch only records that OpenVINO is
    missing is no such code: on a release without `openvino.runtime` it would take that branch."""
    parent = ctx.parent(node)
    while parent is not None:
        if isinstance(parent, cst.Try) and _catches_import_errors(parent) and _imports_new_namespace(parent):
            return True
        parent = ctx.parent(parent)
    return False


def _catches_import_errors(statement) -> bool:
    return any(caught(handler) & {"ImportError", "ModuleNotFoundError", "AttributeError", "Exception", ""}
               for handler in statement.handlers)


# what a fallback may import that is no newer namespace: API 1.0 (`except ImportError: from
# openvino.inference_engine import IECore as Core` picks the old API where the new one is missing)
_OLDER = (RUNTIME, "openvino.inference_engine")


def _imports_new_namespace(statement) -> bool:
    """Whether the try statement imports `openvino` names outside `openvino.runtime` (and API 1.0) anywhere."""
    for node in walk(statement, (cst.Import, cst.ImportFrom)):
        if isinstance(node, cst.ImportFrom):
            module = dotted(node.module) if node.module is not None and not node.relative else ""
            modules = [module] if module.split(".")[0] == "openvino" else []
            if module == "openvino" and not isinstance(node.names, cst.ImportStar):
                modules = [f"openvino.{dotted(a.name)}" for a in node.names]
        else:
            modules = [dotted(a.name) for a in node.names]
        if any(m.split(".")[0] == "openvino" and not any(m == o or m.startswith(o + ".") for o in _OLDER) for m in modules):
            return True
    return False


class RuntimeNamespace(PythonRule):
    code = "OV601"
    name = "openvino-runtime-namespace"
    summary = f"`openvino.runtime` was removed in OpenVINO {NAMESPACE.removed}: use `openvino`"
    rationale = (
        f"Since {NAMESPACE.since} the main names (`Core`, `Model`, `Tensor`, `Type`, `PartialShape`, `serialize`, ...) "
        f"are exported by `openvino` itself; `openvino.runtime` was deprecated in {NAMESPACE.deprecated} and removed "
        f"in {NAMESPACE.removed}. Other names (`Node`, `Output`, `opsetN`, `passes`, `op`, `utils`) moved to the top "
        f"level only in {GRAPH_NAMES.since}, so a rewrite that needs one of them is offered only when the target release has it; the "
        "message says which release does. `ov.ie_api.CompiledModel` (and the private module's other classes: "
        "`Core`, `Model`, `InferRequest`, ...) is the object `ov.CompiledModel` is, and is written so. Code "
        "already written for both namespaces (`try: from openvino import X` / `except ImportError: ...`) is left "
        "alone."
    )
    fix = Applicability.SAFE
    applies_from = NAMESPACE.since
    deprecation = NAMESPACE
    needles = (r"\bruntime\b",)
    context_needles = ("openvino",)
    examples = (
        Example("from openvino import runtime as ov\n\ncore = ov.Core()\n", "import openvino as ov\n\ncore = ov.Core()\n"),
        # a guard that only records that OpenVINO is missing would take that branch on every new release
        Example("try:\n    import openvino.runtime as ov\nexcept ImportError:\n    ov = None\n",
                "try:\n    import openvino as ov\nexcept ImportError:\n    ov = None\n"),
        # a fallback to API 1.0 is no code for both namespaces: on a release without `openvino.runtime` it always runs
        Example("try:\n    from openvino.runtime import Core\nexcept ImportError:\n"
                "    from openvino.inference_engine import IECore as Core\n",
                "try:\n    from openvino import Core\nexcept ImportError:\n"
                "    from openvino.inference_engine import IECore as Core\n"),
        Example("import openvino.runtime as ov\n\ncore = ov.Core()\ntensor = ov.Tensor(ov.Type.f32, [1])\n",
                "import openvino as ov\n\ncore = ov.Core()\ntensor = ov.Tensor(ov.Type.f32, [1])\n"),
        Example("from openvino.runtime import Core, serialize\n", "from openvino import Core, serialize\n"),
        Example("import openvino.runtime as ov\n\ncompiled: ov.ie_api.CompiledModel = ov.compile_model('m.xml')\n",
                "import openvino as ov\n\ncompiled: ov.CompiledModel = ov.compile_model('m.xml')\n"),
        Example("import openvino.runtime.opset13 as ops\n", "import openvino.opset13 as ops\n"),
        Example("from openvino.runtime import Node\n", target="2024.6",
                message=("`openvino.runtime` was removed in OpenVINO 2026.0: use `openvino` (`openvino` "
                         "exports `Node` from 2025.0 on)")),
        Example("import openvino.runtime as ovr\n\nfirst = ovr.Node\nsecond = ovr.Node\n", target="2024.6",
                message=("`openvino.runtime` was removed in OpenVINO 2026.0: use `openvino` (`openvino` "
                         "exports `Node` from 2025.0 on)")),
        Example("import openvino as ov\n\nshape = ov.runtime.PartialShape([1, 3])\n",
                "import openvino as ov\n\nshape = ov.PartialShape([1, 3])\n"),
    )
    valid = (
        Valid("import openvino as ov\n\ncore = ov.Core()\n"),
        Valid("try:\n    from openvino import Core\nexcept ImportError:\n    from openvino.runtime import Core\n"),
        Valid("from openvino.runtime import Core\n", target="2023.0"),
    )

    def _fixable(self, names) -> tuple[bool, list[str]]:
        """Whether every name is exported by `openvino` at the target and the pinned release, and the
        ones that are not."""
        missing = [n for n in dict.fromkeys(names) if since(n) is None or not self.ctx.can_write(since(n))]
        return not missing, missing

    def _message(self, missing) -> str:
        later = sorted({since(n) for n in missing if since(n)})
        where = f" (`openvino` exports {', '.join(f'`{n}`' for n in missing)} from {later[-1]} on)" if later else ""
        if later and self.ctx.floor is not None and at_least(self.ctx.target_version, later[-1]):
            where += self.ctx.cannot_write(later[-1])
        unknown = [n for n in missing if since(n) is None]
        if unknown:
            where += f"; {', '.join(f'`{n}`' for n in unknown)} {'is' if len(unknown) == 1 else 'are'} not public in `openvino`"
        return self.summary + where

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None or dual_support(self.ctx, node):
            return
        module = dotted(node.module)
        if module == "openvino" and not isinstance(node.names, cst.ImportStar) and any(
                dotted(a.name) == "runtime" for a in node.names):
            self._runtime_imported_from_openvino(node)
            return
        if not (module == RUNTIME or module.startswith(RUNTIME + ".")):
            return
        if module == RUNTIME:
            if isinstance(node.names, cst.ImportStar):
                self.report(node, self.summary + " (replace the star import with the names used)")
                return
            ok, missing = self._fixable([dotted(a.name) for a in node.names])
        else:
            ok, missing = self._fixable([module.split(".")[2]])
        fix = self.make_fix(self.ctx.replace(node.module, "openvino" + module[len(RUNTIME):]),
                            "Import from `openvino`") if ok else None
        self.report(node, self.summary if ok else self._message(missing), fix)

    def visit_Import(self, node) -> None:
        if dual_support(self.ctx, node):
            return
        for alias in node.names:
            module = dotted(alias.name)
            if not (module == RUNTIME or module.startswith(RUNTIME + ".")):
                continue
            if module == RUNTIME:
                names = self._attributes_of(node, alias)
            else:
                names = [module.split(".")[2]]
            ok, missing = (False, []) if names is None else self._fixable(names)
            fix = None
            if ok and (alias.asname is not None or module == RUNTIME):
                private = self._ie_api_uses(node, alias.asname.name.value) if alias.asname is not None else []
                fix = self.make_fix([self.ctx.replace(alias.name, "openvino" + module[len(RUNTIME):]), *private],
                                    "Import `openvino`")
            message = self._message(missing) if missing else self.summary
            if names is None:
                message += " (the module is used other than through its attributes)"
            self.report(node, message, fix)

    def _runtime_imported_from_openvino(self, node) -> None:
        """`from openvino import runtime [as x]` alone becomes `import openvino as x` (or `as runtime`)
        when everything read through the name is in `openvino` too."""
        fix, message = None, self.summary
        if len(node.names) == 1:
            alias = node.names[0]
            bound = alias.asname.name.value if alias.asname is not None else "runtime"
            names = self._attributes_through(node, bound)
            ok, missing = (False, []) if names is None else self._fixable(names)
            if ok:
                fix = self.make_fix([self.ctx.replace(node, f"import openvino as {bound}"),
                                     *self._ie_api_uses(node, bound)], "Import `openvino`")
            message = self._message(missing) if missing else message
            if names is None:
                message += " (the module is used other than through its attributes)"
        self.report(node, message, fix)

    def _attributes_of(self, statement, alias) -> Optional[list[str]]:
        """The attributes read through what `import openvino.runtime [as x]` binds."""
        if alias.asname is None:
            return [n.attr.value for n in self._runtime_references()]
        return self._attributes_through(statement, alias.asname.name.value)

    def _attributes_through(self, statement, bound: str) -> Optional[list[str]]:
        """The attributes read through the name `bound` the import `statement` binds; None when the
        name is used other than to read an attribute."""
        ctx = self.ctx
        names = []
        for ref in self._references(statement, bound):
            parent = ctx.parent(ref.node)
            if not (isinstance(parent, cst.Attribute) and parent.value is ref.node):
                return None
            outer = ctx.parent(parent)
            # `ov.ie_api.CompiledModel` is `ov.CompiledModel`
            private = parent.attr.value == IE_API and isinstance(outer, cst.Attribute) and outer.value is parent \
                and outer.attr.value in IE_API_NAMES
            names.append(outer.attr.value if private else parent.attr.value)
        return names

    def _references(self, statement, bound: str) -> list:
        """The references to the name `bound` the import `statement` binds, in source order (a set
        otherwise: the message is the same every run)."""
        ctx = self.ctx
        found = [ref for assignment in ctx.scope(statement).assignments[bound]
                 if getattr(assignment, "node", None) is statement for ref in assignment.references]
        return sorted(found, key=lambda r: ctx.span(r.node))

    def _ie_api_uses(self, statement, bound: str) -> list:
        """The edits that make each `x.ie_api.Name` through the name `bound` `x.Name`."""
        ctx = self.ctx
        return [ctx.replace(ctx.parent(ref.node), ctx.source(ref.node)) for ref in self._references(statement, bound)
                if ctx.parent(ref.node).attr.value == IE_API]

    def _runtime_references(self) -> list:
        """`openvino.runtime.X` written out in full: the Attribute nodes `openvino.runtime.X`."""
        return self.ctx.memo("runtime-references", lambda: [
            n for n in self.ctx.nodes((cst.Attribute,))
            if isinstance(n.value, cst.Attribute) and dotted(n.value) == RUNTIME])

    def visit_Attribute(self, node) -> None:
        """`ov.runtime.X` (ov being `openvino`), and `openvino.runtime.X` under `import openvino.runtime`."""
        ctx = self.ctx
        if node.attr.value != "runtime" or RUNTIME not in ctx.qualified_names(node) or dual_support(ctx, node):
            return
        parent = ctx.parent(node)
        if not (isinstance(parent, cst.Attribute) and parent.value is node):
            self.report(node, self.summary)
            return
        ok, missing = self._fixable([parent.attr.value])
        fix = self.make_fix(ctx.replace(node, ctx.source(node.value)), "Use `openvino` directly") if ok else None
        self.report(parent, self.summary if ok else self._message(missing), fix)
