"""Legacy C/C++ headers: Inference Engine, nGraph, the ONNX importer and the IE C API."""
from __future__ import annotations

import re

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

HEADERS = DEPRECATIONS["cpp-legacy-headers"]
HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".inl", ".tpp")

# one-to-one replacements
SAFE = {
    "inference_engine.hpp": "openvino/openvino.hpp",
    "ie_core.hpp": "openvino/openvino.hpp",
    "ngraph/ngraph.hpp": "openvino/core/core.hpp",
    "ngraph/function.hpp": "openvino/core/model.hpp",
    "ngraph/pass/manager.hpp": "openvino/pass/manager.hpp",
    "ngraph/pass/graph_rewrite.hpp": "openvino/pass/graph_rewrite.hpp",
}
OPSET = re.compile(r"^ngraph/opsets/(opset\d+)\.hpp$")
# the macros of the API 1.0 configuration headers `inference_engine.hpp` brought in
IE_MACROS = {"CONFIG_KEY", "CONFIG_VALUE", "METRIC_KEY", "METRIC_VALUE", "PLUGIN_CONFIG_KEY", "EXEC_NETWORK_METRIC_KEY"}
# headers whose API changed: where the replacement lives
REVIEW = {
    "ie_blob.h": "`openvino/runtime/tensor.hpp` (`ov::Tensor`)",
    "ie_common.h": "`openvino/core/except.hpp` and `openvino/core/type/element_type.hpp`",
    "ie_precision.hpp": "`openvino/core/type/element_type.hpp` (`ov::element`)",
    "ie_layouts.h": "`openvino/core/layout.hpp` (`ov::Layout`)",
    "cpp/ie_cnn_network.h": "`openvino/core/model.hpp` (`ov::Model`)",
    "cpp/ie_executable_network.hpp": "`openvino/runtime/compiled_model.hpp` (`ov::CompiledModel`)",
    "cpp/ie_infer_request.hpp": "`openvino/runtime/infer_request.hpp` (`ov::InferRequest`)",
    "ie_plugin_config.hpp": "`openvino/runtime/properties.hpp` (typed `ov::` properties)",
    "cpu/cpu_config.hpp": "`openvino/runtime/intel_cpu/properties.hpp`",
    "gpu/gpu_config.hpp": "`openvino/runtime/intel_gpu/properties.hpp`",
    "multi-device/multi_device_config.hpp": "`openvino/runtime/auto/properties.hpp`",
    "hetero/hetero_plugin_config.hpp": "`openvino/runtime/properties.hpp`",
    "gna/gna_config.hpp": f"nothing: the GNA plugin was removed in {DEPRECATIONS['gna'].removed}",
    "ie_extension.h": "`openvino/core/extension.hpp` and `openvino/core/op_extension.hpp` (the new extension API)",
    "ie_iextension.h": "`openvino/core/extension.hpp` and `openvino/core/op_extension.hpp` (the new extension API)",
    "onnx_import/onnx.hpp": "nothing: read ONNX files with `ov::Core::read_model` (or `openvino/frontend/manager.hpp`)",
    "c_api/ie_c_api.h": "`openvino/c/openvino.h` (the `ov_*` C API; OV113 maps the calls)",
    "ie_iinfer_request.hpp": "`openvino/runtime/infer_request.hpp` (`ov::InferRequest`)",
    "ie_iexecutable_network.hpp": "`openvino/runtime/compiled_model.hpp` (`ov::CompiledModel`)",
    "cpp/ie_memory_state.hpp": "`openvino/runtime/variable_state.hpp` (`ov::VariableState`)",
    "ie_remote_context.hpp": "`openvino/runtime/remote_context.hpp` (`ov::RemoteContext`)",
    "ie_parameter.hpp": "`openvino/core/any.hpp` (`ov::Any`)",
    "ie_version.hpp": "`openvino/core/version.hpp` (`ov::get_openvino_version()`)",
    "cldnn/cldnn_config.hpp": "`openvino/runtime/intel_gpu/properties.hpp`",
}
# headers of the API before `InferenceEngine::Core` (2019-2020 releases): nothing replaces them, so
# the message says what API 2.0 does instead
READER = "API 2.0 reads a model with `ov::Core::read_model` (`openvino/runtime/core.hpp`)"
PLUGIN = ("API 2.0 has no plugin objects: `ov::Core` (`openvino/runtime/core.hpp`) loads a device by its name "
          "(`core.compile_model(model, \"CPU\")`)")
GONE = {
    "cpp/ie_cnn_net_reader.h": READER,
    "ie_cnn_net_reader.h": READER,
    "ie_icnn_net_reader.h": READER,
    "ie_plugin_dispatcher.hpp": PLUGIN,
    "ie_plugin_ptr.hpp": PLUGIN,
    "cpp/ie_plugin_cpp.hpp": PLUGIN,
    "ie_device.hpp": ("API 2.0 names devices by strings (`\"CPU\"`, `\"GPU\"`) given to `ov::Core`, which lists "
                      "them with `get_available_devices()`"),
    "extension/ext_list.hpp": ("the CPU extension library's layers are built into the CPU plugin; a custom "
                               "operation is added with `ov::Core::add_extension` (`openvino/core/extension.hpp`)"),
}


class LegacyHeader(NativeRule):
    code = "OV110"
    name = "cpp-legacy-header"
    summary = f"This OpenVINO header was removed in {HEADERS.removed}"
    rationale = (
        "The Inference Engine, nGraph and ONNX importer headers and the IE C API header were removed with "
        f"API 1.0 in {HEADERS.removed}. Headers with a one-to-one successor (`inference_engine.hpp` → "
        "`openvino/openvino.hpp`, `ngraph/ngraph.hpp` → `openvino/core/core.hpp`, "
        "`ngraph/opsets/opsetN.hpp` → `openvino/opsets/opsetN.hpp`, `ngraph/pass/*.hpp`) are rewritten in "
        "place once the file's code no longer names what only the old header declares (`InferenceEngine::`, "
        "`ngraph::`, `CONFIG_KEY`, `NGRAPH_*` macros): before that, the new header would leave the file unable "
        "to compile on any release. In a header the rewrite is unsafe: a file that includes it may use the old "
        "names it declared, and that file no longer compiles on the releases that still have API 1.0. For the "
        "others the message names where their API went, since the code using them has to change too. Includes "
        "inside comments or strings are never touched."
    )
    fix = Applicability.SAFE
    safe_when = "the file is a source file, not a header that other files include"
    deprecation = HEADERS
    needles = ("inference_engine", "ie_", "ngraph", "onnx_import", "c_api", "_config.hpp")
    examples = (
        Example("#include <inference_engine.hpp>\n#include \"ngraph/opsets/opset8.hpp\"\n",
                "#include <openvino/openvino.hpp>\n#include \"openvino/opsets/opset8.hpp\"\n", filename="app.cpp"),
        Example("#include <cpp/ie_infer_request.hpp>\n", filename="app.cpp",
                message=("`cpp/ie_infer_request.hpp` was removed: its API is in "
                         "`openvino/runtime/infer_request.hpp` (`ov::InferRequest`)")),
        Example("#include <ie_plugin_dispatcher.hpp>\n", filename="app.cpp",
                message=("`ie_plugin_dispatcher.hpp` was removed, with no successor: API 2.0 has no plugin objects: "
                         "`ov::Core` (`openvino/runtime/core.hpp`) loads a device by its name "
                         "(`core.compile_model(model, \"CPU\")`)")),
        Example("#include <inference_engine.hpp>\n\nInferenceEngine::Core core;\n", filename="app.cpp",
                message=("`inference_engine.hpp` was removed: use `openvino/openvino.hpp` (not replaced while the file "
                         "still uses `InferenceEngine::` names, which the new header does not declare: migrate those "
                         "first)")),
        Example("#pragma once\n#include <inference_engine.hpp>\n", "#pragma once\n#include <openvino/openvino.hpp>\n",
                filename="detector.hpp", unsafe=True,
                message=("`inference_engine.hpp` was removed: use `openvino/openvino.hpp` (the fix is unsafe in a "
                         "header: the files that include it may use the old names it declared)")),
    )
    valid = (Valid("#include <openvino/openvino.hpp>\n// #include <inference_engine.hpp>\n"
                   "const char* doc = \"#include <ie_core.hpp>\";\n", filename="app.cpp"),)

    def check_native(self, unit) -> None:
        still_used = _old_names_used(unit)
        for include in unit.includes:
            path = include.path
            known = next((k for k in list(SAFE) + list(REVIEW) + list(GONE) if path == k or path.endswith("/" + k)),
                         None)
            opset = OPSET.match(path)
            if opset or known in SAFE:
                new = f"openvino/opsets/{opset.group(1)}.hpp" if opset else SAFE[known]
                # the Inference Engine headers brought nGraph in too (`ie_cnn_network.h` includes
                # `ngraph/function.hpp`), so they wait for both
                family = "ngraph" if path.startswith("ngraph/") else "InferenceEngine"
                waits_for = {family} if family == "ngraph" else {"InferenceEngine", "ngraph"}
                if waits_for & still_used:
                    family = family if family in still_used else "ngraph"
                    # the new header declares none of the old names: the file would no longer compile
                    self.report((include.start, include.end),
                                f"`{path}` was removed: use `{new}` (not replaced while the file still uses "
                                f"`{family}::` names, which the new header does not declare: migrate those first)")
                else:
                    # what includes a header may use the old names it declared: the file alone does not tell
                    header = self.ctx.filename.lower().endswith(HEADER_SUFFIXES)
                    self.report((include.start, include.end), f"`{path}` was removed: use `{new}`" + (
                        " (the fix is unsafe in a header: the files that include it may use the old names it "
                        "declared)" if header else ""),
                                self.make_fix(self.ctx.replace((include.start, include.end), new), f"Include `{new}`",
                                              unsafe=header))
            elif known in REVIEW:
                self.report((include.start, include.end), f"`{path}` was removed: its API is in {REVIEW[known]}")
            elif known in GONE:
                self.report((include.start, include.end), f"`{path}` was removed, with no successor: {GONE[known]}")
            elif path.startswith("ngraph/"):
                self.report((include.start, include.end),
                            f"`{path}` was removed with nGraph: the same API is under `openvino/` (`openvino/core`, "
                            "`openvino/op`, `openvino/pass`)")


def _old_names_used(unit) -> set:
    """`InferenceEngine` and `ngraph` when the file's code (not its comments or strings) still names
    their API: their namespaces or the macros of their headers (`CONFIG_KEY`, `NGRAPH_RTTI_DECLARATION`)."""
    found = set()
    for token in unit.code:
        if token.kind != "ident":
            continue
        if token.text == "InferenceEngine" or token.text in IE_MACROS:
            found.add("InferenceEngine")
        elif token.text == "ngraph" or token.text.startswith("NGRAPH_"):
            found.add("ngraph")
    return found
