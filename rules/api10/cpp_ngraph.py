"""The C++ nGraph API (`ngraph::`)."""
from __future__ import annotations

import re

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules._native import followed_by, names, span
from ovlint.rules.api10._cpp_ops import op_spelling

NGRAPH = DEPRECATIONS["cpp-ngraph"]
ONNX_IMPORTER = DEPRECATIONS["onnx-importer"]

# names the nGraph headers declared as `using ov::...` aliases: `ngraph::X` is `ov::X`
ALIASES = {"Node", "Output", "Input", "Shape", "PartialShape", "Dimension", "Strides", "CoordinateDiff",
           "Coordinate", "AxisSet", "AxisVector", "element", "op", "pass", "OutputVector", "ParameterVector",
           "ResultVector", "NodeVector", "Function", "Rank", "Any", "descriptor"}
# names without an `ov::` namesake in current releases -> what replaced them
REPLACED = {"Variant": "`ov::Any` (runtime-info values are `ov::Any` since `ov::Variant` was removed)",
            "VariantWrapper": "`ov::Any`", "VariantImpl": "`ov::Any`",
            # nGraph's string helpers (`ngraph/util.hpp`), which `ov::` does not make public
            **dict.fromkeys(("join", "vector_to_string", "split", "to_lower", "to_upper", "trim"),
                            "the standard library (nGraph's string helpers have no public `ov::` namesake: "
                            "`std::ostringstream` for `join` and `vector_to_string`)")}
OPSET = re.compile(r"opset\d+$")
# what `ov::op` declares itself (the 2026.4 headers); operations are in its version namespaces
# (`ov::op::v0::Parameter`), where `ngraph::op::Parameter` was an alias of one of them
OP_OWN = {"AutoBroadcastSpec", "AutoBroadcastType", "BroadcastModeSpec", "BroadcastType", "EpsMode", "FillMode",
          "GeluApproximationMode", "LSTMWeightsFormat", "MVNEpsMode", "Op", "PadMode", "PadType", "PhiloxAlignment",
          "RecurrentSequenceDirection", "RoundingType", "Sink", "TopKMode", "TopKSortType", "util", "internal"}
VERSION = re.compile(r"v\d+$")
# what `ov::pass` declares (the 2026.4 headers, `openvino/pass/`): classes, aliases, enumerations,
# functions and the `pattern` namespace; nGraph's `FunctionPass` was `using FunctionPass = ov::pass::ModelPass`
PASS_OWN = {"BackwardGraphRewrite", "ConstantFolding", "ConvertFP32ToFP16", "DisableConstantFolding", "GraphRewrite",
            "LowLatency2", "MakeStateful", "Manager", "MatcherPass", "ModelPass", "NodeRegistry", "PassBase",
            "PassConfig", "PassProperty", "SDPAToPagedAttention", "Serialize", "StatefulToStateless", "StreamSerialize",
            "Validate", "VisualizeTree", "graph_rewrite_callback", "handler_callback", "matcher_pass_callback",
            "param_callback", "param_callback_map", "constant_folding_is_disabled", "disable_constant_folding",
            "enable_constant_folding", "pattern"}
PASS_RENAMED = {"FunctionPass": "ModelPass"}
RUN_ON_FUNCTION = ("`run_on_function` is `run_on_model(const std::shared_ptr<ov::Model>& model)` in `ov::pass::ModelPass` "
                   f"(what `ngraph::pass::FunctionPass` became), which has no `run_on_function` since {NGRAPH.removed}: "
                   "rename the override, its definitions and its calls together, and take the model by const reference")
# Interpolate's enumerations, spelt in lower case by the nGraph of 2021 and in upper case by `ov::`
# (the 2026.4 headers, `op/util/interpolate_base.hpp`)
ENUMERATORS = {"InterpolateMode": {"NEAREST", "LINEAR", "LINEAR_ONNX", "CUBIC", "BILINEAR_PILLOW", "BICUBIC_PILLOW"},
               "CoordinateTransformMode": {"HALF_PIXEL", "PYTORCH_HALF_PIXEL", "ASYMMETRIC", "TF_HALF_PIXEL_FOR_NN",
                                           "ALIGN_CORNERS"},
               "NearestMode": {"ROUND_PREFER_FLOOR", "ROUND_PREFER_CEIL", "FLOOR", "CEIL", "SIMPLE"},
               "ShapeCalcMode": {"SIZES", "SCALES"}}
MACROS = {"NGRAPH_RTTI_DECLARATION": "`OPENVINO_RTTI` / `OPENVINO_OP`", "NGRAPH_RTTI_DEFINITION": "`OPENVINO_RTTI`",
          "NGRAPH_CHECK": "`OPENVINO_ASSERT`", "NGRAPH_SUPPRESS_DEPRECATED_START": "`OPENVINO_SUPPRESS_DEPRECATED_START`",
          "NGRAPH_SUPPRESS_DEPRECATED_END": "`OPENVINO_SUPPRESS_DEPRECATED_END`", "NGRAPH_DEBUG": "`OPENVINO_DEBUG`"}


class NgraphCpp(NativeRule):
    code = "OV112"
    name = "cpp-ngraph"
    summary = f"The C++ nGraph API was removed in OpenVINO {NGRAPH.removed}"
    rationale = (
        "In its last releases `ngraph::` only re-exported `ov::` names, so `ngraph::Shape`, "
        "`ngraph::element::f32`, `ngraph::opset8::Parameter` or `ngraph::pass::Manager` become their `ov::` "
        "spelling unchanged, and `ngraph::Function` is `ov::Model`. The ONNX importer "
        "(`ngraph::onnx_import`), `ngraph::runtime::HostTensor` and the `NGRAPH_*` macros have no alias; "
        "the message names their successor."
    )
    fix = Applicability.SAFE
    deprecation = NGRAPH
    needles = ("ngraph", "NGRAPH_", "run_on_function")
    examples = (
        Example("std::shared_ptr<ngraph::Function> build() {\n"
                "  auto x = std::make_shared<ngraph::opset8::Parameter>(ngraph::element::f32, ngraph::Shape{1});\n"
                "  return std::make_shared<ngraph::Function>(ngraph::OutputVector{x}, ngraph::ParameterVector{x});\n}\n",
                "std::shared_ptr<ov::Model> build() {\n"
                "  auto x = std::make_shared<ov::opset8::Parameter>(ov::element::f32, ov::Shape{1});\n"
                "  return std::make_shared<ov::Model>(ov::OutputVector{x}, ov::ParameterVector{x});\n}\n",
                filename="build.cpp"),
        Example("auto model = ngraph::onnx_import::import_onnx_model(\"m.onnx\");\n", filename="load.cpp",
                message=("The ONNX importer API was removed in 2024.0: read the file with "
                         '`ov::Core::read_model("model.onnx")`')),
        Example("auto p = std::make_shared<ngraph::op::Parameter>(ov::element::f32, ov::Shape{1});\n",
                filename="app.cpp",
                message=("`ngraph::op::Parameter` is `ov::op::v0::Parameter`: `ov::op` declares operations only in "
                         "its version namespaces")),
        Example("auto y = std::make_shared<ngraph::op::Add>(a, b);\n",
                filename="ops.cpp",
                message=("`ngraph::op::Add` is `ov::op::v1::Add`: `ov::op` declares operations only in its version "
                         "namespaces")),
        Example("ngraph::op::InterpolateAttrs attrs;\n", filename="ops.cpp",
                message=("`ngraph::op::InterpolateAttrs` is `ov::op::v0::Interpolate::Attributes`: `ov::op` declares "
                         "operations only in its version namespaces")),
        Example("class Sinking : public ngraph::pass::FunctionPass {\n  ngraph::pass::Manager manager;\n};\n",
                "class Sinking : public ov::pass::ModelPass {\n  ov::pass::Manager manager;\n};\n",
                filename="sinking.hpp"),
        Example("class Sinking : public ov::pass::ModelPass {\n  bool run_on_function(std::shared_ptr<ov::Model> f) override;\n};\n",
                filename="sinking.hpp", message=RUN_ON_FUNCTION),
        Example("class Fold : public ngraph::pass::NodePass {};\n", filename="fold.hpp",
                message=("`ngraph::pass::NodePass` is not declared by `ov::pass`: a pass of nGraph's own has no "
                         "`ov::` counterpart, and one the project declares in `ngraph::pass` needs a namespace of its "
                         "own")),
    )
    valid = (Valid("auto shape = ov::Shape{1, 3};\n// ngraph::Shape was an alias\nmy::ngraph::Shape s;\n",
                   filename="a.cpp"),
             Valid("bool Walker::run_on_function(llvm::Function& f) { return true; }\n", filename="walker.cpp"))

    def check_native(self, unit) -> None:
        self._run_on_function(unit)
        found = list(names(unit))
        # `using Mode = ngraph::...::InterpolateMode;`: the alias names an enumeration the rename moves
        aliases = {unit.code[first - 2].text: parts[-1] for first, parts, _ in found
                   if parts[0] == "ngraph" and parts[-1] in ENUMERATORS and first >= 3
                   and unit.code[first - 1].text == "=" and unit.code[first - 3].text == "using"}
        for first, parts, past in found:
            if parts[-1] == "run_on_function":
                continue  # every use, member accesses too, is reported below
            if len(parts) == 2 and _lower_enumerator(aliases.get(parts[0]), parts[1]):
                last = unit.code[first + 2]
                self.report(span(unit, first, past), f"`{'::'.join(parts)}` is nGraph 2021's spelling of the "
                                                    f"`{aliases[parts[0]]}` enumerator; `ov::` spells it `{parts[1].upper()}`",
                            self.make_fix([self.ctx.replace((last.start, last.end), parts[1].upper())],
                                          f"Use `{parts[1].upper()}`"))
                continue
            if parts[0] in MACROS:
                self.report(span(unit, first, past), f"`{parts[0]}` was removed with nGraph: use {MACROS[parts[0]]}")
                continue
            if parts[0] != "ngraph" or len(parts) < 2:
                if parts == ["namespace"] and first and unit.code[first - 1].text == "using" and \
                        followed_by(unit, past, "ngraph"):
                    self.report(span(unit, first - 1, past + 1), "`using namespace ngraph;`: use `ov::` names")
                continue
            name = parts[1]
            if name == "onnx_import":
                self.report(span(unit, first, past), f"The ONNX importer API was removed in {ONNX_IMPORTER.removed}: "
                                                    "read the file with `ov::Core::read_model(\"model.onnx\")`",
                            deprecation=ONNX_IMPORTER)
            elif name == "op" and len(parts) > 2 and not (parts[2] in OP_OWN or VERSION.match(parts[2])):
                spelt = op_spelling(parts[2])
                self.report(span(unit, first, past), f"`{'::'.join(parts)}` is {spelt}: `ov::op` declares operations "
                                                    "only in its version namespaces" if spelt else
                            f"`{'::'.join(parts)}` is not declared by `ov::op`, which declares operations only in its "
                            f"version namespaces (`ov::op::v0::Parameter`): find the one that holds `{parts[2]}`")
            elif name == "pass" and len(parts) > 2 and parts[2] not in PASS_OWN:
                new = PASS_RENAMED.get(parts[2])
                where = unit.code[first + 4]
                self.report(span(unit, first, past), f"`ngraph::pass::{parts[2]}` is `ov::pass::{new}` (its method to "
                            "override is `run_on_model`)" if new else
                            f"`ngraph::pass::{parts[2]}` is not declared by `ov::pass`: a pass of nGraph's own has "
                            "no `ov::` counterpart, and one the project declares in `ngraph::pass` needs a namespace "
                            "of its own",
                            self.make_fix([self.ctx.replace((unit.code[first].start, unit.code[first].end), "ov"),
                                           self.ctx.replace((where.start, where.end), new)], f"Use `ov::pass::{new}`")
                            if new and "run_on_function" not in self.ctx.text else None)
            elif name in ALIASES or OPSET.match(name):
                edits = [self.ctx.replace((unit.code[first].start, unit.code[first].end), "ov")]
                if name == "Function":
                    edits.append(self.ctx.replace((unit.code[first + 2].start, unit.code[first + 2].end), "Model"))
                if len(parts) > 2 and _lower_enumerator(parts[-2], parts[-1]):
                    last = unit.code[first + 2 * (len(parts) - 1)]
                    edits.append(self.ctx.replace((last.start, last.end), parts[-1].upper()))
                new = "ov::Model" if name == "Function" else f"ov::{name}"
                self.report(span(unit, first, first + 3), f"`ngraph::{name}` is `{new}`",
                            self.make_fix(edits, f"Use `{new}`"))
            elif name in REPLACED:
                self.report(span(unit, first, past), f"`{'::'.join(parts)}` was removed with nGraph: use {REPLACED[name]}")
            else:
                self.report(span(unit, first, past), f"`{'::'.join(parts)}` was removed with nGraph: use its "
                                                    "`ov::` counterpart")


    def _run_on_function(self, unit) -> None:
        """`run_on_function`, the method a `FunctionPass` overrides, in code of nGraph passes: a
        `ModelPass` (what `FunctionPass` became) has `run_on_model(const std::shared_ptr<ov::Model>&)`
        alone. The override, its definitions and its calls (in other files too) change together,
        which a person does: a rename of some of them would not compile."""
        # another library's method of that name stays silent; the words stay after the other fixes
        if not any(word in self.ctx.text for word in ("ngraph", "Pass", "ov::Model")):
            return
        for token in unit.code:
            if token.text == "run_on_function":
                self.report((token.start, token.end), RUN_ON_FUNCTION)


def _lower_enumerator(enumeration, member: str) -> bool:
    """Whether `member` is one of `enumeration`'s enumerators as nGraph 2021 spelt it (lower case)."""
    return member != member.upper() and member.upper() in ENUMERATORS.get(enumeration, ())
