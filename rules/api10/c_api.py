"""The Inference Engine C API (`ie_*`)."""
from __future__ import annotations

import re

from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

C_API = DEPRECATIONS["c-api-1"]

CALLS = {
    "ie_core_create": "`ov_core_create(&core)`",
    "ie_core_read_network": "`ov_core_read_model(core, xml, bin, &model)`",
    "ie_core_load_network": "`ov_core_compile_model(core, model, device, n_properties, &compiled, ...)`",
    "ie_exec_network_create_infer_request": "`ov_compiled_model_create_infer_request(compiled, &request)`",
    "ie_infer_request_get_blob": "`ov_infer_request_get_tensor(request, name, &tensor)`",
    "ie_blob_get_buffer": "`ov_tensor_data(tensor, &data)`",
    "ie_infer_request_set_blob": "`ov_infer_request_set_tensor(request, name, tensor)`",
    "ie_infer_request_infer": "`ov_infer_request_infer(request)`",
    "ie_infer_request_infer_async": "`ov_infer_request_start_async(request)`",
    "ie_infer_request_wait": "`ov_infer_request_wait(request)` or `ov_infer_request_wait_for(request, ms)`",
    "ie_infer_set_completion_callback": "`ov_infer_request_set_callback(request, &callback)`",
    "ie_core_add_extension": "no C equivalent: load the extension from C++ (`ov::Core::add_extension`)",
    "ie_network_get_input_name": "`ov_model_const_input_by_index` + `ov_port_get_any_name`",
    "ie_network_set_input_precision": "`ov_preprocess_*` (PrePostProcessor)",
    "ie_network_set_input_layout": "`ov_preprocess_*` (PrePostProcessor)",
    "ie_core_set_config": "`ov_core_set_property(core, device, key, value, NULL)`",
    "ie_core_get_metric": "`ov_core_get_property(core, device, key, &value)`",
}
IDENTIFIER = re.compile(r"^ie_[a-z0-9_]+$")


class InferenceEngineCApi(NativeRule):
    code = "OV113"
    name = "c-api"
    summary = f"The Inference Engine C API (`ie_*`) was removed in OpenVINO {C_API.removed}"
    rationale = (
        "`c_api/ie_c_api.h` and its `ie_*` functions and types went with API 1.0. The `ov_*` C API "
        "(`openvino/c/openvino.h`, library `openvino_c`, CMake target `openvino::runtime::c`) replaces it "
        "call by call, with different argument shapes (`ov_*_free` takes the pointer itself), so each use "
        "is reported with its successor and not rewritten."
    )
    deprecation = C_API
    needles = ("ie_c_api", "ie_core_", "ie_infer_", "ie_blob_", "ie_network_", "ie_exec_network")
    examples = (Example("#include <c_api/ie_c_api.h>\n\nint main(void) {\n  ie_core_t *core = NULL;\n"
                        "  ie_core_create(\"\", &core);\n  ie_core_free(&core);\n}\n", filename="main.c",
                        message=(("`ie_core_t` was removed in 2024.0: see `ov_core_t` and the `ov_*` C API "
                                  "(`openvino/c/openvino.h`)"),
                                 ("`ie_core_create` was removed in 2024.0: use `ov_core_create(&core)`"),
                                 ("`ie_core_free` was removed in 2024.0: see `ov_core_free` and the `ov_*` C "
                                  "API (`openvino/c/openvino.h`)"))),)
    valid = (Valid("#include <openvino/c/openvino.h>\n\nint main(void) {\n  ov_core_t *core = NULL;\n"
                   "  ov_core_create(&core);\n  /* was ie_core_create */\n}\n", filename="main.c"),)

    def check_native(self, unit) -> None:
        if not any("ie_c_api" in i.path for i in unit.includes) and not any(
                t.text in CALLS for t in unit.code):
            return
        for token in unit.code:
            if token.kind != "ident" or not IDENTIFIER.match(token.text):
                continue
            if token.text in CALLS:
                self.report((token.start, token.end), f"`{token.text}` was removed in {C_API.removed}: use {CALLS[token.text]}")
            elif token.text.endswith("_t") or token.text.endswith("_free") or token.text.startswith(
                    ("ie_core", "ie_network", "ie_exec", "ie_infer", "ie_blob", "ie_param", "ie_config")):
                new = "ov_" + token.text[3:]
                self.report((token.start, token.end), f"`{token.text}` was removed in {C_API.removed}: see `{new}` and the "
                                                     "`ov_*` C API (`openvino/c/openvino.h`)")
