"""CMake: the 2021 libraries (`inference_engine`, `ngraph`, ...) linked by name or by file."""
from __future__ import annotations

import os
from typing import Optional

from ovlint.base import depends
from ovlint.base.files import ReadError
from ovlint.rulekit.rule import CMakeRule, Example, Valid
from ovlint.rules.api10._libraries import LIBRARIES, LIBRARIES_2021, library_file, message
from ovlint.surfaces import cmake

LINKING = {"target_link_libraries", "link_libraries"}
DEFINING = {"add_library", "add_executable", "add_custom_target"}
KEYWORDS = {"PRIVATE", "PUBLIC", "INTERFACE", "LINK_PRIVATE", "LINK_PUBLIC", "LINK_INTERFACE_LIBRARIES", "debug",
            "optimized", "general"}


class CMakeLegacyLibrary(CMakeRule):
    code = "OV115"
    name = "cmake-legacy-library"
    summary = f"A library of the 2021 layout, gone since OpenVINO {LIBRARIES_2021.removed}"
    rationale = (
        f"OpenVINO {LIBRARIES_2021.removed} replaced the core libraries `inference_engine`, `ngraph`, "
        "`inference_engine_transformations` and `inference_engine_lp_transformations` (and "
        "`inference_engine_legacy`) with one `openvino` library, and the C API's `inference_engine_c_api` "
        "with `openvino_c`. A build that links them by name (`target_link_libraries(app inference_engine)`, "
        "found through `link_directories`) or by file (`.../libinference_engine.so`) no longer links. The "
        "imported targets `openvino::runtime` and `openvino::runtime::c` of `find_package(OpenVINO)` replace "
        "them and carry their include directories. Nothing is rewritten, because the target needs the package "
        "found first (OV114 rewrites `find_package`); a target the file defines itself is left alone."
    )
    deprecation = LIBRARIES_2021
    needles = tuple(LIBRARIES)
    examples = (
        Example("link_directories(${IE_ROOT}/lib/intel64)\n"
                "target_link_libraries(classify PRIVATE inference_engine ngraph ${OpenCV_LIBS})\n",
                filename="CMakeLists.txt",
                message=("`inference_engine` is a library of the 2021 layout, gone since 2022.1 (one `openvino` "
                         "library replaced `inference_engine`, `ngraph` and the transformations libraries): link "
                         "`openvino::runtime` (after `find_package(OpenVINO REQUIRED COMPONENTS Runtime)`)",
                         "`ngraph` is a library of the 2021 layout, gone since 2022.1 (one `openvino` library "
                         "replaced `inference_engine`, `ngraph` and the transformations libraries): link "
                         "`openvino::runtime` (after `find_package(OpenVINO REQUIRED COMPONENTS Runtime)`)")),
        Example("target_link_libraries(detect ${IE_LIB_DIR}/libinference_engine_c_api.so)\n",
                filename="CMakeLists.txt",
                message=("`${IE_LIB_DIR}/libinference_engine_c_api.so` is a library of the 2021 layout, gone since "
                         "2022.1 (one `openvino` library replaced `inference_engine`, `ngraph` and the "
                         "transformations libraries): link `openvino::runtime::c` (after "
                         "`find_package(OpenVINO REQUIRED COMPONENTS Runtime)`)")),
    )
    valid = (
        Valid("find_package(OpenVINO REQUIRED COMPONENTS Runtime)\n"
              "target_link_libraries(app PRIVATE openvino::runtime)\n"
              "set(LIBS inference_engine)  # not linked here\n"
              "message(STATUS \"ngraph\")\n"
              "add_library(ngraph STATIC graph.cpp)\n"
              "target_link_libraries(ngraph PUBLIC m)\n"
              "target_link_libraries(app2 PRIVATE ngraph)\n", filename="CMakeLists.txt"),
    )

    def check_cmake(self, commands) -> None:
        for argument, library in legacy_links(commands):
            self.report((argument.start, argument.end), message(argument.value, library, cmake=True))


def legacy_links(commands) -> list:
    """(argument, library) of each 2021 library the commands link by name or by file, but the
    targets the file defines itself."""
    own = {c.arguments[0].value for c in commands if c.lower in DEFINING and c.arguments}
    found = []
    for command in commands:
        if command.lower not in LINKING:
            continue
        linked = command.arguments[1:] if command.lower == "target_link_libraries" else command.arguments
        for argument in linked:
            if argument.kind == "bracket" or argument.value in KEYWORDS or argument.value in own:
                continue
            library = argument.value if argument.value in LIBRARIES else library_file(argument.value)
            if library is not None:
                found.append((argument, library))
    return found


def linked_by_name(commands, path: str, depth: int = 0, inherited: Optional[dict] = None) -> Optional[str]:
    """The first 2021 library the build links by name or by file: in these commands, through a
    variable holding it (`set(LIBS inference_engine)` or `list(APPEND LIBS ...)`, here or in the
    folder that added this one, then `${LIBS}`), or in a folder they add (`add_subdirectory(src)`,
    followed two levels down); None when none does. `inherited`: the variables of the adding folder."""
    found = legacy_links(commands)
    if found:
        return found[0][0].value
    libraries = dict(inherited or {})  # variable -> a 2021 library it holds
    for command in commands:
        values = [a.value for a in command.arguments]
        if command.lower == "set" and len(values) > 1:
            held = values[1:]
        elif command.lower == "list" and len(values) > 2 and values[0] in ("APPEND", "INSERT", "PREPEND"):
            held = values[2:] if values[0] != "INSERT" else values[3:]
        else:
            continue
        name = values[1] if command.lower == "list" else values[0]
        library = next((v for v in held if v in LIBRARIES or library_file(v)), None)
        if library is not None:
            libraries[name] = library
        elif command.lower == "set" and not any(f"${{{name}}}" in v for v in held):
            libraries.pop(name, None)  # set again to something else (`set(LIBS ${InferenceEngine_LIBRARIES})`)
    for command in commands:
        if command.lower in LINKING:
            for argument in command.arguments:
                named = next((libraries[n] for n, _, _ in cmake.variables(argument) if n in libraries), None)
                if named is not None:
                    return named
    if depth < 2:
        for command in commands:
            if command.lower == "add_subdirectory" and command.arguments and "$" not in command.arguments[0].value:
                inner = os.path.join(os.path.dirname(path), command.arguments[0].value, "CMakeLists.txt")
                try:
                    text = depends.read(inner, 1 << 20).decode("utf-8", "replace")
                except ReadError:
                    continue
                named = linked_by_name(cmake.parse(text), inner, depth + 1, libraries)
                if named is not None:
                    return named
    return None
