"""The Model Optimizer Python API (`openvino.tools.mo`)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from ovlint.base.diagnostics import Applicability, Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import PROBE_NOTE, deleted_line, fresh_name, indentation, line_end, probes_import, walk
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.model_optimizer._conversion import MODEL, PPP, Conversion, convert
from ovlint.rules.model_optimizer._options import PRIVATE
from ovlint.rules.model_optimizer._static import pure
from ovlint.rules.model_optimizer.mo_extension_api import mo_package

MO = "openvino.tools.mo"
CONVERT_MODULES = {MO, f"{MO}.convert", f"{MO}.main"}
CONVERT = {f"{module}.convert_model" for module in CONVERT_MODULES}
HELPERS = {"InputCutInfo", "LayoutMap"}  # what the fix writes as tuples and strings


MO_API = DEPRECATIONS["mo-python-api"]


class ModelOptimizerPythonApi(PythonRule):
    code = "OV202"
    name = "mo-python-api"
    summary = f"`openvino.tools.mo` was removed in OpenVINO {MO_API.removed}: use `openvino.convert_model`"
    rationale = (
        "The Model Optimizer Python API went away with `openvino-dev`. `openvino.convert_model` (since "
        f"{MO_API.since}) returns the same in-memory `ov.Model` but takes fewer arguments. `input` keeps its "
        "Python forms (names, shapes, `(name, shape, type)` tuples); MO's string syntax (`\"data[1 3 224 224]{f32}\"`, "
        "comma-separated names) becomes those forms, and `input_shape` merges into `input`. An `output` string "
        "with commas becomes a list, `extensions` is `extension`, and `framework` and the logging arguments go. "
        "The preprocessing MO folded into the model (`layout`, `source_layout`, `target_layout`, "
        "`reverse_input_channels`, `mean_values`, `scale_values`, `scale`) is built after the call with a "
        "`PrePostProcessor`, in MO's order whatever the order of the arguments: layouts, reversed channels, "
        "mean, scale. Where MO found the channels of an input without a layout by looking for a dimension of 3, "
        "the fix looks in the shape the call gives, and without one reports the call. `compress_to_fp16=True` "
        "made MO compress the weights of the in-memory model, so that even `ov.serialize` (which never "
        "compresses) wrote FP16 weights; `ov.convert_model` does not compress, `ov.save_model` does by default. "
        "The fix runs MO's own pass after the preprocessing, `compress_model_transformation` from the private "
        "`openvino._offline_transformations` (still there in the newest releases), so the weights keep the precision "
        "MO gave them however the model is saved or compiled; `compress_to_fp16=False`, MO's default, just goes. "
        "`transform` runs MO's functions from that module. `batch`, `transformations_config`, frozen input "
        "values and the options of the legacy front ends have no counterpart: the message says what to write "
        "instead, and the call is rewritten only when every argument maps. A fix that adds steps after the call, "
        "or converts a model object (`ov.convert_model` shares its weights, MO copied them), is unsafe, and its "
        "message says what may differ."
    )
    fix = Applicability.SAFE
    safe_when = ("the arguments map one to one: names, shapes and renamed or dropped arguments, with a model "
                 "given by its path")
    deprecation = MO_API
    needles = (r"\btools\b",)
    context_needles = ("openvino",)
    examples = (
        Example("try:\n    import openvino.tools.mo\nexcept ImportError:\n    raise SystemExit('no MO')\n",
                "try:\n    pass\nexcept ImportError:\n    raise SystemExit('no MO')\n"),
        Example("from openvino.tools.mo import convert_model\n\nmodel = convert_model(\"m.onnx\", input_shape=[1, 3])\n",
                "from openvino import convert_model\n\nmodel = convert_model(\"m.onnx\", input=[1, 3])\n"),
        Example("from openvino.tools import mo\n\nmodel = mo.convert_model(\"m.onnx\", input=\"data[1 3 224 224],info\", "
                "framework=\"onnx\")\n",
                "import openvino as ov\n\nmodel = ov.convert_model(\"m.onnx\", input=[(\"data\", [1, 3, 224, 224]), "
                "\"info\"])\n"),
        Example("from openvino.tools import mo\n\n\ndef convert(path, compress):\n"
                "    return mo.convert_model(path, input_shape=[1, 3, 224, 224], layout=\"nchw\", "
                "mean_values=[123.7, 116.3, 103.5],\n"
                "                            scale=58.4, reverse_input_channels=True, compress_to_fp16=compress)\n",
                "import openvino as ov\nfrom openvino._offline_transformations import compress_model_transformation\n"
                "\n\ndef convert(path, compress):\n"
                "    model = ov.convert_model(path, input=[1, 3, 224, 224])\n"
                "    ppp = ov.preprocess.PrePostProcessor(model)\n"
                "    ppp.input().model().set_layout(ov.Layout(\"nchw\"))\n"
                "    ppp.input().preprocess().reverse_channels().mean([123.7, 116.3, 103.5]).scale(58.4)\n"
                "    model = ppp.build()\n"
                "    if compress:\n"
                "        compress_model_transformation(model)\n"
                "    return model\n",
                unsafe=True),
        # the import goes with every call through it, in one fix: a call left for a later round
        # would go to `openvino.convert_model` with MO's arguments
        Example("from openvino.tools.mo import convert_model\n\n"
                "a = convert_model(\"a.onnx\", mean_values=[1, 2, 3], input_shape=[1, 3, 8, 8])\n"
                "b = convert_model(\"b.onnx\", compress_to_fp16=True)\n",
                "from openvino import convert_model\n"
                "from openvino._offline_transformations import compress_model_transformation\n"
                "import openvino as ov\n\n"
                "a = convert_model(\"a.onnx\", input=[1, 3, 8, 8])\n"
                "ppp = ov.preprocess.PrePostProcessor(a)\n"
                "ppp.input().model().set_layout(ov.Layout(\"?C??\"))\n"
                "ppp.input().preprocess().mean([1, 2, 3])\n"
                "a = ppp.build()\n"
                "b = convert_model(\"b.onnx\")\n"
                "compress_model_transformation(b)\n",
                unsafe=True),
        Example("from openvino.tools.mo import convert_model\n\n"
                "model = convert_model(\"m.onnx\", mean_values=[123, 117, 104], batch=1)\n",
                message=(("`openvino.tools.mo` was removed in OpenVINO 2025.0: use `openvino.convert_model`"),
                         ("`openvino.tools.mo` was removed in OpenVINO 2025.0: use `openvino.convert_model`; "
                          "arguments without a counterpart: `batch` → `ov.set_batch(model, n)` after conversion, "
                          "once the inputs have a layout with `N` (`ppp.input().model().set_layout(ov.Layout(\"NCHW\"))`), "
                          "or the batch in the shapes of `input=`; `mean_values` → the input's layout, which MO guessed "
                          "from a dimension of 3 in its shape: `ppp.input().model().set_layout(ov.Layout(\"NCHW\"))` "
                          "(where the channels are) before `ppp.input().preprocess().mean([...])`"))),
    )
    valid = (
        Valid("import openvino as ov\n\nmodel = ov.convert_model(\"m.onnx\")\n"),
        Valid("from mylib import mo\n\nmo.convert_model(\"x\", mean_values=[1, 2, 3])\n"),
        Valid("from openvino.tools.ovc import convert_model\n\nmodel = convert_model(\"m.onnx\", input=\"data\")\n"),
    )

    def visit_Call(self, node) -> None:
        if not self.ctx.qualified_names(node.func) & CONVERT:
            return
        rewrite = self._rewrite(node)
        if rewrite.missing:
            self.report(node.func, self.summary + "; arguments without a counterpart: "
                        + "; ".join(f"{name} → {howto}" for name, howto in rewrite.missing))
            return
        if rewrite.unplaced:
            self.report(node.func, f"{self.summary}; {rewrite.unplaced}")
            return
        importing = self._importing(node)
        group = self._import_fix(importing) if importing is not None else None
        if rewrite.edits and importing is not None and group is None:
            self.report(node.func, self.summary + " (not rewritten: the import of `convert_model` stays, as the name is "
                                                  "used otherwise than in calls that map: the call would keep MO's "
                                                  "function with API 2.0's arguments; rewrite them together)")
        elif rewrite.edits:  # a plain `convert_model(...)` with nothing to change is its import's finding
            fix = self.make_fix(rewrite.edits, rewrite.fix_message, unsafe=bool(rewrite.notes))
            if group is not None:  # the import and every call through it: one of them alone calls the wrong function
                fix = replace(group, message=rewrite.fix_message + " (with its import and the other calls through it)")
            self.report(node.func, self.summary + _differences(rewrite.notes), fix)

    def _importing(self, call):
        """The import of the called name from MO (`from openvino.tools.mo import convert_model`), or None."""
        if not isinstance(call.func, cst.Name):
            return None
        scope = self.ctx.scope(call.func)
        for assignment in (scope[call.func.value] if scope is not None else ()):
            node = getattr(assignment, "node", None)
            if isinstance(node, cst.ImportFrom) and not node.relative and node.module is not None \
                    and dotted(node.module) in CONVERT_MODULES:
                return node
        return None

    def _rewrite(self, call) -> "Rewrite":
        """The fix of one call (worked out once: the import's finding asks too)."""
        return self.ctx.memo(("mo-python-api", call), lambda: _Rewriter(self.ctx, call).run())

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = dotted(node.module)
        if (module == MO or module.startswith(MO + ".")) and mo_package(module) is None:  # OV203's otherwise
            fix = self._import_fix(node)
            # what a call without a finding of its own (nothing in it changes) may do differently
            notes = [n for r in (self._calls(node, "convert_model") or ()) if not r.edits for n in r.notes] if fix else []
            self.report(node, self.summary + _differences(list(dict.fromkeys(notes))), fix)
        elif module == "openvino.tools" and any(dotted(a.name) == "mo" for a in node.names):
            self._module_import(node)

    def _import_fix(self, node):
        """`from openvino.tools.mo import convert_model` is `from openvino import convert_model`
        once every call maps, in one fix with the calls' rewrites (with the import alone, a call
        left for a later round would go to `openvino.convert_model` with MO's arguments, and no
        longer be MO's to report); `InputCutInfo` and `LayoutMap` go once the calls no longer use them."""
        return self.ctx.memo(("mo-python-api-import", node), lambda: self._group_fix(node))

    def _group_fix(self, node):
        module = dotted(node.module)
        names = [dotted(a.name) for a in node.names]
        if module not in CONVERT_MODULES or not set(names) <= {"convert_model", *HELPERS}:
            return None
        rewrites = self._calls(node, "convert_model")
        if rewrites is None:
            return None
        # a helper used in those calls goes with their rewrite (a tuple, a string); used elsewhere, it stays
        calls = [self.ctx.span(self.ctx.parent(ref.node)) for a in node.names if dotted(a.name) == "convert_model"
                 for ref in self._bound_references(node, a)]
        if any(not any(start <= self.ctx.span(ref.node)[0] < end for start, end in calls)
               for a in node.names if dotted(a.name) in HELPERS for ref in self._bound_references(node, a)):
            return None
        unsafe = any(r.notes for r in rewrites)
        kept = [a for a in node.names if dotted(a.name) == "convert_model"]
        line = self.ctx.parent(node)
        if not kept:
            if not (isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1) or probes_import(self.ctx, node):
                return None
            return self.make_fix(deleted_line(self.ctx, line), "Remove the import")
        edits = [e for r in rewrites for e in r.edits]
        message = "Import it from `openvino`" + (", with the calls through it" if edits else "")
        if len(kept) == len(names):
            return self.make_fix([self.ctx.replace(node.module, "openvino"), *edits], message, unsafe=unsafe)
        text = "from openvino import " + ", ".join(self.ctx.source(a.name) + (
            f" as {a.asname.name.value}" if a.asname else "") for a in kept)
        return self.make_fix([self.ctx.replace(node, text), *edits], message, unsafe=unsafe)

    def visit_Import(self, node) -> None:
        if any(dotted(a.name) == MO or dotted(a.name).startswith(MO + ".") for a in node.names):
            self._module_import(node)

    def _module_import(self, node) -> None:
        """`from openvino.tools import mo`: removed once the calls through it are rewritten."""
        fix = None
        line = self.ctx.parent(node)
        probe = probes_import(self.ctx, node)
        if (len(node.names) == 1 and not self._references(node) and isinstance(line, cst.SimpleStatementLine)
                and len(line.body) == 1 and not probe):
            fix = self.make_fix(deleted_line(self.ctx, line), "Remove the import")
        self.report(node, self.summary + (PROBE_NOTE if probe else ""), fix)

    def _references(self, statement) -> list:
        scope = self.ctx.scope(statement)
        return [ref for a in scope.assignments if getattr(a, "node", None) is statement for ref in a.references]

    def _bound_references(self, statement, alias) -> list:
        bound = alias.asname.name.value if alias.asname else dotted(alias.name)
        scope = self.ctx.scope(statement)
        return [ref for a in scope.assignments[bound] if getattr(a, "node", None) is statement for ref in a.references]

    def _calls(self, statement, name: Optional[str] = None) -> Optional[list]:
        """The rewrites of the calls through an import (of `name` only, when given); None unless
        every use is a call that maps."""
        rewrites = []
        references = (self._references(statement) if name is None else
                      [r for a in statement.names if dotted(a.name) == name for r in self._bound_references(statement, a)])
        for ref in references:
            call = self.ctx.parent(ref.node)
            if not (isinstance(call, cst.Call) and call.func is ref.node):
                return None
            rewrite = self._rewrite(call)
            if rewrite.missing or rewrite.unplaced:
                return None
            rewrites.append(rewrite)
        return rewrites


def _differences(notes) -> str:
    return "; what may differ: " + "; ".join(notes) if notes else ""


@dataclass
class Rewrite:
    edits: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    fix_message: str = "Use `openvino.convert_model`"
    unplaced: Optional[str] = None  # why the steps after the call have nowhere to go


class _Rewriter:
    """Places the rewrite of one call: the call in place, and the steps that follow conversion
    after the statement holding it (`model = convert(...)`, then the steps on `model`), or before
    it when the call sits inside a larger expression (`compile(convert(...))`)."""

    def __init__(self, ctx, call):
        self.ctx, self.call = ctx, call
        self.ov, self.ov_edits = ctx.imports.module_alias("openvino", "ov")
        legacy = _first_legacy_import(ctx)
        nested, scopes = _nested_import_line(ctx, call)
        if self.ov_edits and nested is not None:
            # MO imported in a function or a branch (an optional dependency): `openvino` is imported
            # there too, after it, not for the whole module, under a name no scope there has
            taken = ctx.imports.global_names() | {a.name for s in scopes for a in s.assignments}
            while self.ov in taken:
                self.ov += "_"
            end = line_end(ctx, nested)
            self.ov_edits = (Edit(end, end, f"{indentation(ctx, nested)}import openvino as {self.ov}{ctx.newline}"),)
        elif legacy is not None:  # where the OV1xx fix binds `openvino`: the first to apply binds it
            self.ov_edits = tuple(Edit(legacy, legacy, e.content) if e.start == e.end else e for e in self.ov_edits)

    def run(self) -> Rewrite:
        conversion = convert(self.ctx, self.call, self.ov)
        result = Rewrite(missing=list(conversion.missing), notes=list(conversion.notes))
        if result.missing:
            return result
        edits = list(conversion.edits)
        if isinstance(self.call.func, cst.Attribute):  # `mo.convert_model(...)`: the module goes away
            edits.append(self.ctx.replace(self.call.func, f"{self.ov}.convert_model"))
        if conversion.steps:
            try:
                edits = self._place(conversion, edits)
            except _Unplaced as reason:
                result.unplaced = str(reason)
                return result
            result.fix_message = "Use `openvino.convert_model`" + (
                " and a `PrePostProcessor`" if any(PPP in s for s in conversion.steps) else "") + (
                " and the offline transformations" if conversion.private else "")
        if edits and (conversion.uses_ov or isinstance(self.call.func, cst.Attribute)):
            edits = self._with_ov_import(edits)
        result.edits = edits
        return result

    def _place(self, conversion: Conversion, edits: list) -> list:
        ctx, call = self.ctx, self.call
        line, path = self._line()
        statement = line.body[0]
        indent, newline = indentation(ctx, line), ctx.newline
        late = {n.value for node in conversion.evaluated_late for n in walk(node, (cst.Name,))}
        ppp = fresh_name(ctx, call, "ppp")
        edits = edits + self._imports(conversion.private)
        target = self._target(statement)
        if target is not None and target.split(".")[0] not in late:
            block = self._block(conversion, target, ppp, indent)
            return edits + [ctx.replace((line_end(ctx, line),) * 2, block)]
        model = fresh_name(ctx, call, "model")
        if isinstance(statement, cst.Return) and statement.value is call:
            start = ctx.span(statement)[0]
            return edits + [ctx.replace((start, ctx.span(call)[0]), f"{model} = "),
                            ctx.replace((line_end(ctx, line),) * 2, self._block(conversion, model, ppp, indent)
                                        + f"{indent}return {model}{newline}")]
        self._hoistable(path)
        start, end = ctx.span(call)
        inside = [e for e in edits if start <= e.start and e.end <= end]
        outside = [e for e in edits if e not in inside]
        text = ctx.text[start:end]
        for edit in sorted(set(inside), key=lambda e: (e.start, e.end), reverse=True):
            text = text[:edit.start - start] + edit.content + text[edit.end - start:]
        first = ctx.lines.line_span(ctx.span(line)[0])[0]
        block = f"{indent}{model} = {text}{newline}" + self._block(conversion, model, ppp, indent)
        return outside + [ctx.replace((first, first), block), ctx.replace(call, model)]

    def _with_ov_import(self, edits: list) -> list:
        """`edits` and the import of `openvino`, written before the private imports beside it."""
        for i, edit in enumerate(edits):
            for mine in self.ov_edits:
                if edit.start == edit.end == mine.start == mine.end and edit.content.startswith(f"from {PRIVATE} "):
                    edits[i] = Edit(edit.start, edit.end, mine.content + edit.content)
                    return edits
        return edits + list(self.ov_edits)

    def _block(self, conversion: Conversion, model: str, ppp: str, indent: str) -> str:
        newline = self.ctx.newline
        return "".join(f"{indent}{step.replace(MODEL, model).replace(PPP, ppp)}{newline}"
                       for step in conversion.steps)

    def _line(self):
        """The statement line the call is in, alone, in a block; and the nodes from it to the call."""
        path, node = [self.call], self.ctx.parent(self.call)
        while node is not None and not isinstance(node, cst.SimpleStatementLine):
            if isinstance(node, (cst.BaseSuite, cst.Lambda, cst.BaseCompoundStatement)):
                raise _Unplaced("the steps that follow the conversion need the call in a statement of its own, on a line of its own "
                                "(`model = convert_model(...)`)")
            path.append(node)
            node = self.ctx.parent(node)
        if node is None or len(node.body) != 1 or not isinstance(self.ctx.parent(node), (cst.IndentedBlock, cst.Module)):
            raise _Unplaced("the steps that follow the conversion need the call in a statement of its own, on a line of its own "
                                "(`model = convert_model(...)`)")
        return node, path

    def _target(self, statement) -> Optional[str]:
        """`model` of `model = convert(...)` (or `self.model`): where the steps find the model."""
        if isinstance(statement, cst.Assign) and statement.value is self.call and len(statement.targets) == 1:
            target = statement.targets[0].target
        elif isinstance(statement, cst.AnnAssign) and statement.value is self.call:
            target = statement.target
        else:
            return None
        if isinstance(target, cst.Name) or (isinstance(target, cst.Attribute) and pure(self.ctx, target)):
            return self.ctx.source(target)
        return None

    def _hoistable(self, path) -> None:
        """The call may run before the rest of its statement when nothing evaluated before it
        could notice: it is an argument or item whose earlier siblings are names and literals."""
        for child, parent in zip(path, path[1:]):
            if isinstance(parent, cst.Arg) or (isinstance(parent, (cst.Element,)) and parent.value is child):
                continue
            if isinstance(parent, cst.Call) and child in parent.args:
                earlier = [parent.func] + [a.value for a in parent.args[:list(parent.args).index(child)]]
            elif isinstance(parent, (cst.List, cst.Tuple)):
                earlier = [e.value for e in parent.elements[:list(parent.elements).index(child)]]
            elif isinstance(parent, (cst.Assign, cst.AnnAssign, cst.Expr, cst.Return)) and parent.value is child:
                earlier = []
            else:
                raise _Unplaced("the steps that follow the conversion need the call in a statement of its own, on a line of its own "
                                "(`model = convert_model(...)`)")
            if not all(pure(self.ctx, e) for e in earlier):
                raise _Unplaced("the steps that follow the conversion need the call in a statement of its own, on a line of its own "
                                "(`model = convert_model(...)`)")

    def _imports(self, names) -> list:
        """One `from openvino._offline_transformations import ...` of the names not bound to them yet."""
        wanted = [name for name in dict.fromkeys(names) if not self._imported(name)]
        for name in wanted:
            if name in self.ctx.imports.global_names():
                raise _Unplaced(f"the fix imports `{name}` from `{PRIVATE}`, but the name is taken")
        return [self.ctx.imports.insert_statement(f"from {PRIVATE} import {', '.join(wanted)}")] if wanted else []

    def _imported(self, name: str) -> bool:
        for statement in self.ctx.module.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if (isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative
                            and dotted(small.module) == PRIVATE and not isinstance(small.names, cst.ImportStar)
                            and any(dotted(a.name) == name and a.asname is None for a in small.names)):
                        return True
        return False


def _nested_import_line(ctx, call):
    """The statement line of the one import that binds what `call` calls (`mo` of
    `mo.convert_model(...)`, or `convert_model`; another binding may be a fallback such as
    `except ImportError: convert_model = None`, where the call cannot run), when that import is not
    at the top of the module, stands alone on its line, and binds the name in the call's scope or
    one that holds it (not through `global` or `nonlocal`), with the scopes from the call's out to
    the import's; else (None, None)."""
    name = call.func.value if isinstance(call.func, cst.Attribute) else call.func
    scope = ctx.scope(name) if isinstance(name, cst.Name) else None
    if scope is None:
        return None, None
    imports = [a.node for a in scope[name.value] if isinstance(getattr(a, "node", None), (cst.Import, cst.ImportFrom))]
    line = ctx.parent(imports[0]) if len(imports) == 1 else None
    if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1 or ctx.parent(line) is ctx.module:
        return None, None
    scopes = _scopes_between(ctx, call, line)
    owner = getattr(ctx.scope(line), "node", None)  # a function's scope: its definition
    if scopes is None or isinstance(owner, cst.FunctionDef) and any(
            name.value in {n.name.value for n in d.names} for d in ctx.within(owner, (cst.Global, cst.Nonlocal))):
        return None, None
    return line, scopes


def _scopes_between(ctx, call, line):
    """The scopes from `call`'s out to that of the statement `line`, both included; None when
    `line`'s scope does not hold the call's."""
    found, scope, target = [], ctx.scope(call), ctx.scope(line)
    while scope is not None:
        found.append(scope)
        if scope is target:
            return found
        parent = getattr(scope, "parent", None)
        scope = parent if parent is not scope else None
    return None


def _first_legacy_import(ctx) -> Optional[int]:
    """The start of the first top-level import of API 1.0 (`openvino.inference_engine`, `ngraph`),
    which the OV1xx fix replaces with `import openvino as ov` when it binds `openvino` there."""
    for statement in ctx.module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            modules = ([dotted(a.name) for a in small.names] if isinstance(small, cst.Import) else
                       [dotted(small.module)] if isinstance(small, cst.ImportFrom) and small.module is not None
                       and not small.relative else [])
            if any(m.split(".")[0] == "ngraph" or m.startswith("openvino.inference_engine") for m in modules):
                return ctx.lines.line_span(ctx.span(statement)[0])[0]
    return None


class _Unplaced(Exception):
    """Why the steps after conversion have nowhere to go."""
