"""The Model Optimizer Python API (`openvino.tools.mo`)."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import delete_argument, whole_lines
from ovlint.rulekit.python_imports import dotted
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

MO = "openvino.tools.mo"
CONVERT = {f"{MO}.convert_model", f"{MO}.convert.convert_model", f"{MO}.main.convert_model"}
KEPT = {"input_model", "input", "output", "example_input", "share_weights", "verbose"}
RENAMED = {"input_shape": "input", "extensions": "extension"}
DROPPED = {"framework", "silent", "log_level", "progress", "stream_output", "use_new_frontend"}
PPP_HOWTO = ("ppp = ov.preprocess.PrePostProcessor(model); ppp.input(name){step}; model = ppp.build()")
NO_EQUIVALENT = {
    "mean_values": PPP_HOWTO.format(step=".preprocess().mean([...])"),
    "scale_values": PPP_HOWTO.format(step=".preprocess().scale([...])"),
    "scale": PPP_HOWTO.format(step=".preprocess().scale(value)"),
    "reverse_input_channels": PPP_HOWTO.format(step=".preprocess().reverse_channels()"),
    "layout": PPP_HOWTO.format(step=".model().set_layout(ov.Layout(...))"),
    "source_layout": PPP_HOWTO.format(step=".model().set_layout(ov.Layout(...))"),
    "target_layout": PPP_HOWTO.format(step=".tensor().set_layout(ov.Layout(...))"),
    "batch": "ov.set_batch(model, n) or model.reshape(...) after conversion",
    "compress_to_fp16": "ov.save_model(model, path, compress_to_fp16=...) (the in-memory model is never compressed)",
    "transform": "openvino._offline_transformations (apply_low_latency_transformation, ...)",
    "static_shape": "static shapes in input=",
    "use_legacy_frontend": "nothing: only the new frontends remain",
    "transformations_config": "nothing",
}

MO_API = DEPRECATIONS["mo-python-api"]


class ModelOptimizerPythonApi(PythonRule):
    code = "OV202"
    name = "mo-python-api"
    summary = f"`openvino.tools.mo` was removed in OpenVINO {MO_API.removed}: use `openvino.convert_model`"
    rationale = (
        "The Model Optimizer Python API went away with `openvino-dev`. `openvino.convert_model` (since "
        f"{MO_API.since}) returns the same in-memory `ov.Model`; `input_shape=` is `input=`, `extensions=` is "
        "`extension=`, and `framework=` and the logging arguments are dropped. Neither API compresses the "
        "in-memory model: FP16 compression happens when it is saved (`ov.save_model` compresses by "
        "default, `ov.serialize` does not), so a `compress_to_fp16=True` moves to `ov.save_model`. "
        "Preprocessing arguments have no counterpart in `convert_model`; the message shows the "
        "`PrePostProcessor` code that does the same. A call is rewritten only when every argument maps."
    )
    fix = Applicability.SAFE
    deprecation = MO_API
    needles = (r"\btools\b",)
    context_needles = ("openvino",)
    examples = (
        Example("from openvino.tools.mo import convert_model\n\nmodel = convert_model(\"m.onnx\", input_shape=[1, 3])\n",
                "from openvino import convert_model\n\nmodel = convert_model(\"m.onnx\", input=[1, 3])\n"),
        Example("from openvino.tools import mo\n\nmodel = mo.convert_model(\"m.onnx\", framework=\"onnx\")\n",
                "import openvino as ov\n\nmodel = ov.convert_model(\"m.onnx\")\n"),
        Example("from openvino.tools.mo import convert_model\n\n"
                "model = convert_model(\"m.onnx\", mean_values=[123, 117, 104])\n",
                message=(("`openvino.tools.mo` was removed in OpenVINO 2025.0: use `openvino.convert_model`"),
                         ("`openvino.tools.mo` was removed in OpenVINO 2025.0: use `openvino.convert_model`; "
                          "arguments without a counterpart: `mean_values` → ppp = "
                          "ov.preprocess.PrePostProcessor(model); ppp.input(name).preprocess().mean([...]); "
                          "model = ppp.build()"))),
    )
    valid = (
        Valid("import openvino as ov\n\nmodel = ov.convert_model(\"m.onnx\")\n"),
        Valid("from mylib import mo\n\nmo.convert_model(\"x\")\n"),
    )

    def visit_Call(self, node) -> None:
        if not self.ctx.qualified_names(node.func) & CONVERT:
            return
        edits, missing = self._arguments(node)
        if missing:
            self.report(node.func, self.summary + "; arguments without a counterpart: "
                        + "; ".join(f"`{name}` → {howto}" for name, howto in missing))
            return
        func = node.func
        if isinstance(func, cst.Attribute):  # `mo.convert_model(...)`: the module goes away
            alias, import_edits = self.ctx.imports.module_alias("openvino", "ov")
            edits += [self.ctx.replace(func, f"{alias}.convert_model"), *import_edits]
        if edits:  # a plain `convert_model(...)` with nothing to change is its import's finding
            self.report(func, self.summary, self.make_fix(edits, "Use `openvino.convert_model`"))

    def _arguments(self, call):
        ctx = self.ctx
        edits, missing = [], []
        names = {a.keyword.value for a in call.args if a.keyword is not None}
        for position, arg in enumerate(call.args):
            if arg.keyword is None:
                if position > 0 or arg.star:
                    missing.append((f"positional argument {position + 1}", "keyword arguments of `ov.convert_model`"))
                continue
            name = arg.keyword.value
            if name in KEPT:
                continue
            if name in RENAMED and RENAMED[name] not in names:
                edits.append(ctx.replace(arg.keyword, RENAMED[name]))
            elif name in DROPPED or (name == "compress_to_fp16" and _is_false(arg.value)):
                edits.append(delete_argument(ctx, call, arg))
            else:
                missing.append((name, NO_EQUIVALENT.get(name, "no argument of `ov.convert_model`")))
        return edits, missing

    def visit_ImportFrom(self, node) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = dotted(node.module)
        if module == MO or module.startswith(MO + "."):
            names = {dotted(a.name) for a in node.names}
            fix = None
            if names == {"convert_model"} and self._calls_all_map(node):
                fix = self.make_fix(self.ctx.replace(node.module, "openvino"), "Import it from `openvino`")
            self.report(node, self.summary, fix)
        elif module == "openvino.tools" and any(dotted(a.name) == "mo" for a in node.names):
            self._module_import(node)

    def visit_Import(self, node) -> None:
        if any(dotted(a.name) == MO or dotted(a.name).startswith(MO + ".") for a in node.names):
            self._module_import(node)

    def _module_import(self, node) -> None:
        """`from openvino.tools import mo`: removed once the calls through it are rewritten."""
        fix = None
        line = self.ctx.parent(node)
        if (len(node.names) == 1 and not self._references(node) and isinstance(line, cst.SimpleStatementLine)
                and len(line.body) == 1):
            fix = self.make_fix(self.ctx.replace(whole_lines(self.ctx, line), ""), "Remove the import")
        self.report(node, self.summary, fix)

    def _references(self, statement) -> list:
        scope = self.ctx.scope(statement)
        return [ref for a in scope.assignments if getattr(a, "node", None) is statement for ref in a.references]

    def _calls_all_map(self, statement) -> bool:
        for ref in self._references(statement):
            call = self.ctx.parent(ref.node)
            if not (isinstance(call, cst.Call) and call.func is ref.node) or self._arguments(call)[1]:
                return False
        return True


def _is_false(node) -> bool:
    return isinstance(node, cst.Name) and node.value == "False"
