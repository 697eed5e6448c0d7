"""CMake files that point into the 2021 install layout (`.../deployment_tools/inference_engine/include`,
`.../lib/intel64`, `InferenceEngine_DIR` under `deployment_tools/inference_engine/share`)."""
from __future__ import annotations

from ovlint.rulekit.rule import CMakeRule, Example, Valid
from ovlint.rules.discontinued._layout import LAYOUT_2021, legacy_path
from ovlint.surfaces.cmake import expanded


class CMakeLegacyInstallLayout(CMakeRule):
    code = "OV511"
    name = "cmake-legacy-install-layout"
    summary = "This CMake file points into an OpenVINO install layout that is gone"
    rationale = (
        f"OpenVINO {LAYOUT_2021.removed} moved the runtime out of `deployment_tools/`: headers from "
        "`deployment_tools/inference_engine/include` and `deployment_tools/ngraph/include` are in "
        "`runtime/include`, libraries from `deployment_tools/inference_engine/lib/intel64` and "
        "`deployment_tools/ngraph/lib` are in `runtime/lib/intel64`, and the CMake package from "
        "`deployment_tools/inference_engine/share` is in `runtime/cmake`. Hard-coded include and library "
        "directories then find nothing. `find_package(OpenVINO REQUIRED COMPONENTS Runtime)` and "
        "`openvino::runtime` carry the include directories and libraries, so the paths can usually go. "
        "Paths are also found through variables the file sets (`set(OV /opt/intel/openvino_2021)`, then "
        "`${OV}/deployment_tools/...`); a build's own folder named `deployment_tools` stays silent. Nothing is "
        "rewritten: the libraries in those folders were renamed too (OV115)."
    )
    deprecation = LAYOUT_2021
    needles = ("deployment_tools/",)
    examples = (
        Example("include_directories(/opt/intel/openvino_2021/deployment_tools/inference_engine/include)\n"
                'link_directories("$ENV{INTEL_OPENVINO_DIR}/deployment_tools/ngraph/lib")\n',
                filename="CMakeLists.txt",
                message=("`deployment_tools/inference_engine/include` is a 2021 path, gone since 2022.1: use "
                         "`runtime/include`",
                         "`deployment_tools/ngraph/lib` is a 2021 path, gone since 2022.1: use "
                         "`runtime/lib/intel64`")),
        Example("set(OV_ROOT /opt/intel/openvino_2021)\nset(InferenceEngine_DIR ${OV_ROOT}/deployment_tools/inference_engine/share)\n",
                filename="cmake/openvino.cmake",
                message=("`deployment_tools/inference_engine/share` is a 2021 path, gone since 2022.1: use "
                         "`runtime/cmake`")),
    )
    valid = (
        Valid("# include_directories(/opt/intel/openvino/deployment_tools/inference_engine/include)\n"
              "install(DIRECTORY include/ DESTINATION ${CMAKE_BINARY_DIR}/deployment_tools/inference_engine)\n"
              "include_directories(/opt/intel/openvino_2024/runtime/include)\n", filename="CMakeLists.txt"),
    )

    def check_cmake(self, commands) -> None:
        for command, values in expanded(commands):
            for argument, value in zip(command.arguments, values):
                message = legacy_path(value)
                if message is not None:
                    self.report((argument.start, argument.end), message)
