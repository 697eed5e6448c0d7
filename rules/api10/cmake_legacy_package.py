"""CMake: `find_package(InferenceEngine)` / `find_package(ngraph)` and their variables and targets."""
from __future__ import annotations

import re
from typing import Optional

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import CMakeRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10.cmake_legacy_library import linked_by_name
from ovlint.surfaces import cmake

PACKAGES = DEPRECATIONS["cmake-legacy-packages"]

LEGACY_PACKAGES = {"inferenceengine", "ngraph"}
VARIABLES = {"InferenceEngine_LIBRARIES": "openvino::runtime", "NGRAPH_LIBRARIES": "openvino::runtime",
             "ngraph_LIBRARIES": "openvino::runtime", "InferenceEngine_C_API_LIBRARIES": "openvino::runtime::c"}
TARGETS = {"IE::inference_engine": "openvino::runtime", "ngraph::ngraph": "openvino::runtime",
           "IE::inference_engine_c_api": "openvino::runtime::c"}
REVIEW = {"ngraph::onnx_importer": "`openvino::frontend::onnx` (`COMPONENTS ONNX`)",
          "IE::inference_engine_legacy": "nothing: the legacy library is gone",
          "IE::inference_engine_transformations": "`openvino::runtime` (transformations are internal)",
          "IE::ie_cpu_extension": "nothing: there is no CPU extension library, the CPU plugin has the layers it held",
          "InferenceEngine_INCLUDE_DIRS": "nothing: `openvino::runtime` carries its include directories",
          "NGRAPH_INCLUDE_DIRS": "nothing: `openvino::runtime` carries its include directories"}
# what `find_package` of the old packages set, and the OpenVINO package sets in their stead
FOUND = {"InferenceEngine_FOUND": "OpenVINO_FOUND", "ngraph_FOUND": "OpenVINO_FOUND"}
# the other variables `find_package` sets or reads for a package: nothing does for the old ones any more
PACKAGE_VARIABLE = re.compile(r"(InferenceEngine|ngraph)_(FOUND|DIR|ROOT|CONFIG|VERSION(_[A-Z]+)?)")
ADVICE = {"_DIR": "OpenVINO's package is found through `OpenVINO_DIR` (its `runtime/cmake` folder)",
          "_ROOT": "OpenVINO's package is found through `OpenVINO_ROOT`",
          "_VERSION": "`OpenVINO_VERSION` holds OpenVINO's own release number"}
# commands that take the names of packages `find_package` found (ROS 2's ament)
NAMES_PACKAGES = {"ament_target_dependencies", "ament_export_dependencies"}
# commands whose first argument names a variable
SETTERS = {"set", "unset"}


class LegacyCMakePackage(CMakeRule):
    code = "OV114"
    name = "cmake-legacy-package"
    summary = f"The InferenceEngine and ngraph CMake packages were removed in OpenVINO {PACKAGES.removed}"
    rationale = (
        "OpenVINO installs one CMake package, `OpenVINO`, with imported targets: "
        "`find_package(InferenceEngine)` and `find_package(ngraph)` become one "
        "`find_package(OpenVINO REQUIRED COMPONENTS Runtime)`, `${InferenceEngine_LIBRARIES}`, "
        "`${NGRAPH_LIBRARIES}`, `IE::inference_engine` and `ngraph::ngraph` become `openvino::runtime` (once in a "
        "command that named several of them), and "
        "the C API library `openvino::runtime::c`. The version given to the old packages is dropped: "
        "it does not match OpenVINO's version numbers. Include-directory variables are no longer needed, "
        "because the imported targets carry their include directories. The package's result changes name "
        "with it: `InferenceEngine_FOUND` and `ngraph_FOUND` become `OpenVINO_FOUND`. These renames need the new "
        "package, so they are as safe as the file's own `find_package` fix: in a file that does not find the "
        "package itself they are unsafe (they hold only once the file that does is fixed), and so they are "
        "while that fix is (`if(InferenceEngine_FOUND)` renamed under a `find_package(InferenceEngine)` kept "
        "would test a package nobody looked for). "
        "`set(InferenceEngine_DIR <install>/runtime/cmake)` becomes `OpenVINO_DIR` (the installs that have a "
        "`runtime/cmake` folder keep both packages' config files there). The other variables of the old packages (`_DIR`, `_ROOT`, "
        "`_VERSION`) are reported without a fix, "
        "and while a file still uses one, or tests in a condition a variable the new package leaves unset "
        "(`if(\"${InferenceEngine_INCLUDE_DIRS}\" STREQUAL \"\")`), its `find_package` fix is unsafe. So is it while the file reads an environment "
        "variable the old releases' `setupvars` script set (`$ENV{InferenceEngine_DIR}`), which is reported too."
    )
    fix = Applicability.SAFE
    safe_when = ("the file finds OpenVINO already, or the old package with a safe fix (the renames of its targets "
                 "and variables go with it)")
    deprecation = PACKAGES
    needles = ("InferenceEngine", "ngraph", "IE::")
    examples = (
        Example("if(FAST)\n  find_package(InferenceEngine QUIET)\nelse()\n  find_package(InferenceEngine REQUIRED)\n"
                "  find_package(ngraph REQUIRED)\nendif()\n",
                "if(FAST)\n  find_package(OpenVINO QUIET COMPONENTS Runtime)\nelse()\n"
                "  find_package(OpenVINO REQUIRED COMPONENTS Runtime)\nendif()\n", filename="CMakeLists.txt"),
        Example('if("${InferenceEngine_LIBRARIES}" STREQUAL "")\n  message(FATAL_ERROR "no IE")\nendif()\n',
                filename="CMakeLists.txt",
                message="`${InferenceEngine_LIBRARIES}` in a condition: the OpenVINO package does not set it, so the "
                        "test no longer tells whether the package was found; test `OpenVINO_FOUND` (or "
                        "`TARGET openvino::runtime`) instead"),
        Example("find_package(InferenceEngine 2021.4 REQUIRED)\nfind_package(ngraph REQUIRED)\n"
                "add_executable(app main.cpp)\n"
                "target_link_libraries(app PRIVATE ${InferenceEngine_LIBRARIES} ${NGRAPH_LIBRARIES})\n",
                "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\n"
                "add_executable(app main.cpp)\n"
                "target_link_libraries(app PRIVATE openvino::runtime)\n",
                filename="CMakeLists.txt"),
        # the merged call is as required as the strictest it replaces
        Example("find_package(InferenceEngine QUIET)\nfind_package(ngraph REQUIRED)\n",
                "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\n", filename="CMakeLists.txt"),
        # a variable of the old package the file keeps makes the merge unsafe, the dropped call's
        # part of it too: `ngraph_FOUND` would test a package nobody looks for
        Example("find_package(InferenceEngine REQUIRED)\nmessage(${InferenceEngine_VERSION})\n"
                "find_package(ngraph QUIET)\nif(ngraph_FOUND)\n  add_definitions(-DNGRAPH)\nendif()\n",
                "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\nmessage(${InferenceEngine_VERSION})\n"
                "if(OpenVINO_FOUND)\n  add_definitions(-DNGRAPH)\nendif()\n", filename="CMakeLists.txt", unsafe=True),
        Example("target_link_libraries(app IE::inference_engine_c_api)\n",
                "target_link_libraries(app openvino::runtime::c)\n", filename="CMakeLists.txt", unsafe=True),
        # the package and the library linked by name change together, or the build links on no release
        Example("find_package(InferenceEngine REQUIRED)\nadd_executable(app main.cpp)\n"
                "target_link_libraries(app PRIVATE inference_engine ${InferenceEngine_LIBRARIES})\n",
                filename="CMakeLists.txt",
                message=("`find_package(InferenceEngine)`: The InferenceEngine and ngraph CMake packages were removed "
                         "in OpenVINO 2024.0; use `find_package(OpenVINO REQUIRED COMPONENTS Runtime)`; not rewritten "
                         "while the build links `inference_engine` by name (no release with the OpenVINO package has "
                         "it): link `openvino::runtime` there (OV115), and this fix follows",
                         "`${InferenceEngine_LIBRARIES}` is `openvino::runtime`")),
        Example("target_link_libraries(app ngraph::onnx_importer)\n", filename="CMakeLists.txt",
                message=("`ngraph::onnx_importer` went with the old package: `openvino::frontend::onnx` "
                         "(`COMPONENTS ONNX`)")),
        Example("find_package(InferenceEngine REQUIRED)\nif(NOT InferenceEngine_FOUND)\n"
                "  message(FATAL_ERROR \"no OpenVINO\")\nendif()\n",
                "find_package(OpenVINO REQUIRED COMPONENTS Runtime)\nif(NOT OpenVINO_FOUND)\n"
                "  message(FATAL_ERROR \"no OpenVINO\")\nendif()\n", filename="CMakeLists.txt"),
        Example("set(InferenceEngine_DIR /opt/intel/openvino/deployment_tools/inference_engine/share)\n",
                filename="CMakeLists.txt",
                message="`InferenceEngine_DIR` belonged to the removed package: `find_package(OpenVINO)` neither "
                        "reads nor sets it; OpenVINO's package is found through `OpenVINO_DIR` (its `runtime/cmake` "
                        "folder)"),
        Example("set(InferenceEngine_DIR ${INTEL_OPENVINO_DIR}/runtime/cmake)\nfind_package(InferenceEngine REQUIRED)\n",
                "set(OpenVINO_DIR ${INTEL_OPENVINO_DIR}/runtime/cmake)\nfind_package(OpenVINO REQUIRED COMPONENTS Runtime)\n",
                filename="CMakeLists.txt"),
        Example("find_package(catkin REQUIRED COMPONENTS roscpp InferenceEngine)\n", filename="CMakeLists.txt",
                message=("`InferenceEngine` as a catkin component is `find_package(InferenceEngine)`: The "
                         "InferenceEngine and ngraph CMake packages were removed in OpenVINO 2024.0; drop it from "
                         "the components and add `find_package(OpenVINO REQUIRED COMPONENTS Runtime)`")),
    )
    valid = (Valid("# find_package(InferenceEngine)\nfind_package(OpenVINO REQUIRED)\n"
                   "message(\"no ngraph here: [[ngraph::ngraph]]\")\n", filename="CMakeLists.txt"),)

    def make_fix(self, edits, message: str, unsafe: bool = False, requires: Optional[str] = None):
        # none while the build links a 2021 library by name (OV115): with the OpenVINO package found
        # instead, the build would link on no release (2021.4 has no such package, later ones no
        # such library); the targets and variables wait with the package
        return None if self._linked_by_name else super().make_fix(edits, message, unsafe, requires)

    def check_cmake(self, commands) -> None:
        source = self.ctx.text
        self._linked_by_name = linked_by_name(commands, self.ctx.path)
        paths = cmake.branches(commands)
        packages = [(c, p) for c, p in zip(commands, paths) if c.lower == "find_package" and c.arguments
                    and c.arguments[0].value.lower() in LEGACY_PACKAGES]
        openvino = [p for c, p in zip(commands, paths) if c.lower == "find_package" and c.arguments
                    and c.arguments[0].value == "OpenVINO"]
        leftovers = self._leftover_variables(commands)
        first_of_branch = set()
        for command, path in packages:  # only siblings merge: each branch keeps finding OpenVINO
            if path not in first_of_branch and not any(path[:len(p)] == p for p in openvino):
                first_of_branch.add(path)
                first = command
            else:
                first = None
            if command is first:
                text = f"find_package(OpenVINO{_flags([c for c, p in packages if p == path])} COMPONENTS Runtime)"
                fix = self.make_fix(self.ctx.replace((command.start, command.end), text), "Use the OpenVINO package"
                                    + (f" (`{leftovers[0]}`, which the file also uses, is no longer set)" if leftovers else ""),
                                    unsafe=bool(leftovers))
            else:
                # as safe as the `find_package` it merges into: a file that keeps that one keeps this
                # one, and with it what the file tests of it (`if(ngraph_FOUND)`)
                fix = self.make_fix(self.ctx.replace(self._whole_line(source, command), ""), "Drop it: OpenVINO is found",
                                    unsafe=bool(leftovers))
            held = (f"; not rewritten while the build links `{self._linked_by_name}` by name (no release with the "
                    "OpenVINO package has it): link `openvino::runtime` there (OV115), and this fix follows"
                    if self._linked_by_name else "")
            self.report((command.start, command.end),
                        f"`find_package({command.arguments[0].value})`: {self.summary}; use "
                        f"`find_package(OpenVINO REQUIRED COMPONENTS Runtime)`{held}", fix)
        self._catkin_components(commands)
        # the renames below need the new package: found here (already, or by a safe fix), or they wait
        # for --unsafe-fixes (found in another file, or kept here because its fix leaves a variable unset)
        unsafe = (not packages and not openvino) or bool(leftovers)
        self._listed_packages(commands, unsafe)
        for command in commands:
            if command.lower == "find_package":
                continue
            # the targets the command's arguments become, so far (a condition keeps each of its
            # operands: `TARGET a AND TARGET b` needs both)
            written = None if command.lower in cmake.CONDITIONS else set()
            for index, argument in enumerate(command.arguments):
                self._argument(argument, command.lower in cmake.CONDITIONS, unsafe, written, command.lower == "message")
                if index == 0 and _runtime_cmake_hint(command):
                    # `set(InferenceEngine_DIR <install>/runtime/cmake)`: OpenVINO's config is in that folder too
                    self.report((argument.start, argument.end), f"`{argument.value}` points at the removed "
                                "package's config; `OpenVINO_DIR` finds OpenVINO's in the same folder",
                                self.make_fix(self.ctx.replace((argument.start, argument.end), "OpenVINO_DIR"),
                                              "Use `OpenVINO_DIR`", unsafe=unsafe))
                elif argument.kind == "unquoted" and command.lower in cmake.CONDITIONS and "::" not in argument.value \
                        and (argument.value in VARIABLES or argument.value in REVIEW):  # `if(InferenceEngine_LIBRARIES)`
                    self.report((argument.start, argument.end), _TESTED.format(name=argument.value))
                elif argument.kind == "unquoted" and (command.lower in cmake.CONDITIONS or
                                                      (index == 0 and command.lower in SETTERS)):
                    self._package_variable(argument.value, argument.start, argument.end, unsafe)

    def _package_names(self, arguments: list, user: str, unsafe: bool) -> None:
        """`ament_target_dependencies(node rclcpp InferenceEngine ngraph)` (or a list it takes from
        a variable): ament looks up each package `find_package` found (its `_FOUND`), and hands the
        exported ones to dependent packages, which find them in turn: the old packages become
        `OpenVINO`, once."""
        named = "OpenVINO" in [a.value for a in arguments]
        previous = None
        for argument in arguments:
            if argument.value.lower() in LEGACY_PACKAGES:
                if named:  # with the blank before it, unless a comment stands there
                    start = previous.end if previous and "#" not in self.ctx.text[previous.end:argument.start] \
                        else argument.start
                    edit = self.ctx.replace((start, argument.end), "")
                else:
                    edit = self.ctx.replace((argument.start, argument.end), "OpenVINO")
                    named = True
                self.report((argument.start, argument.end), f"`{argument.value}` names the removed package, which "
                            f"`{user}` looks up: {self.summary}; name `OpenVINO`",
                            self.make_fix(edit, "Name `OpenVINO`", unsafe=unsafe))
            previous = argument

    def _listed_packages(self, commands, unsafe: bool) -> None:
        """The package names ament's commands take, also from a variable set to a list (`set(DEPS
        rclcpp InferenceEngine)`, `ament_target_dependencies(node ${DEPS})`)."""
        users = [c for c in commands if c.lower in NAMES_PACKAGES]
        for command in users:
            self._package_names(command.arguments, command.name, unsafe)
        used = {name: c.name for c in users for a in c.arguments for name, _, _ in cmake.variables(a)}
        for command in commands:
            if command.lower == "set" and len(command.arguments) > 1 and command.arguments[0].value in used:
                self._package_names(command.arguments[1:], used[command.arguments[0].value], unsafe)

    def _catkin_components(self, commands) -> None:
        """`find_package(catkin REQUIRED COMPONENTS roscpp InferenceEngine)`: catkin finds each
        component as a package, so a removed one fails there as in `find_package(InferenceEngine)`."""
        for command in commands:
            values = [a.value for a in command.arguments]
            if command.lower != "find_package" or values[:1] != ["catkin"] or "COMPONENTS" not in values:
                continue
            for argument in command.arguments[values.index("COMPONENTS") + 1:]:
                if argument.value.lower() in LEGACY_PACKAGES:
                    self.report((argument.start, argument.end),
                                f"`{argument.value}` as a catkin component is `find_package({argument.value})`: "
                                f"{self.summary}; drop it from the components and add "
                                "`find_package(OpenVINO REQUIRED COMPONENTS Runtime)`")

    @staticmethod
    def _leftover_variables(commands) -> list:
        """The old packages' variables the file uses that no fix rewrites: what `find_package(OpenVINO)`
        leaves unset."""
        found = []
        for command in commands:
            for index, argument in enumerate(command.arguments):
                names = [name for name, _, _ in cmake.variables(argument)]
                if argument.kind == "unquoted" and (command.lower in cmake.CONDITIONS or
                                                    (index == 0 and command.lower in SETTERS)) \
                        and not (index == 0 and _runtime_cmake_hint(command)):
                    names.append(argument.value)
                found += [n for n in names if PACKAGE_VARIABLE.fullmatch(n) and n not in FOUND and n not in VARIABLES
                          and n not in REVIEW]
                # tested in a condition, a variable the new package leaves unset changes the outcome
                # (`if("${InferenceEngine_INCLUDE_DIRS}" STREQUAL "")` stops the configure)
                if command.lower in cmake.CONDITIONS:
                    found += [n for n in names if n in VARIABLES or n in REVIEW]
                # part of a longer value, one the new package leaves unset makes another value
                # (`${InferenceEngine_INCLUDE_DIRS}/../samples/common` becomes `/../samples/common`);
                # a message only shows it
                elif command.lower != "message" and argument.value not in (f"${{{n}}}" for n in names):
                    found += [n for n in names if n in REVIEW]
                found += [f"$ENV{{{n}}}" for n, _, _ in cmake.environment_variables(argument) if PACKAGE_VARIABLE.fullmatch(n)]
        return found

    def _package_variable(self, name: str, start: int, end: int, unsafe: bool, reference: bool = False) -> None:
        """A variable the old packages set, named (or, `reference`, as `${name}`) outside what VARIABLES
        and REVIEW cover. `unsafe`: its rename waits for the package's (see `check_cmake`)."""
        if name in FOUND:
            new = FOUND[name]
            self.report((start, end), f"`{name}` was set by the removed package: the OpenVINO package sets `{new}`",
                        self.make_fix(self.ctx.replace((start, end), f"${{{new}}}" if reference else new),
                                      f"Use `{new}`", unsafe=unsafe))
        elif PACKAGE_VARIABLE.fullmatch(name) and name not in VARIABLES and name not in REVIEW:
            advice = next((text for suffix, text in ADVICE.items() if suffix in name),
                          "use the OpenVINO package's `OpenVINO_` variables")
            self.report((start, end), f"`{name}` belonged to the removed package: `find_package(OpenVINO)` neither "
                                      f"reads nor sets it; {advice}")

    def _argument(self, argument, condition: bool, unsafe: bool, written: Optional[set], shown: bool = False) -> None:
        """`shown`: the argument of a `message`, which only prints it."""
        for name, start, end in cmake.environment_variables(argument):
            if PACKAGE_VARIABLE.fullmatch(name):
                self.report((start, end), f"`$ENV{{{name}}}` was set by the old releases' `setupvars` script, which "
                                          "sets `OpenVINO_DIR` now: read `$ENV{OpenVINO_DIR}`, or let "
                                          "`find_package(OpenVINO)` find the package")
        for name, start, end in cmake.variables(argument):
            if name in FOUND or (PACKAGE_VARIABLE.fullmatch(name) and name not in VARIABLES and name not in REVIEW):
                self._package_variable(name, start, end, unsafe, reference=True)
            elif (name in VARIABLES or name in REVIEW) and condition:
                self.report((start, end), _TESTED.format(name=f"${{{name}}}"))
            elif name in VARIABLES:
                whole = argument.kind == "unquoted" and (start, end) == (argument.start, argument.end)
                self.report((start, end), f"`${{{name}}}` is `{VARIABLES[name]}`",
                            self._target_fix((start, end), VARIABLES[name], written if whole else None, unsafe))
            elif name in REVIEW:
                part = "" if shown or argument.value == f"${{{name}}}" else (
                    f"; here it is part of `{argument.value}`, which becomes "
                    f"`{argument.value.replace(f'${{{name}}}', '')}` without it: name that folder yourself")
                self.report((start, end), f"`${{{name}}}` went with the old package: {REVIEW[name]}{part}")
        if argument.kind == "unquoted" and argument.value in TARGETS:
            new = TARGETS[argument.value]
            self.report((argument.start, argument.end), f"`{argument.value}` is `{new}`",
                        self._target_fix((argument.start, argument.end), new, written, unsafe))
        elif argument.kind == "unquoted" and argument.value in REVIEW:
            self.report((argument.start, argument.end), f"`{argument.value}` went with the old package: "
                                                        f"{REVIEW[argument.value]}")

    def _target_fix(self, span: tuple[int, int], target: str, written, unsafe: bool):
        """`target` in place of `span` (a target, or a variable's reference); an argument that is all
        `target` once renamed, in a command an earlier argument of which became it too
        (`${InferenceEngine_LIBRARIES} ${NGRAPH_LIBRARIES}`), is dropped with the blanks before it.
        `written`: the command's targets so far, where `span` is a whole argument; else None."""
        if written is not None and target in written:
            text, (start, end) = self.ctx.text, span
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            rest = len(text) - len(text[end:].lstrip(" \t"))
            if (start == 0 or text[start - 1] == "\n") and text[rest:rest + 1] in ("\n", "\r"):
                end = text.index("\n", rest) + 1  # an argument on a line of its own goes with its line
            return self.make_fix(self.ctx.replace((start, end), ""), f"Drop it: `{target}` is linked already",
                                 unsafe=unsafe)
        if written is not None:
            written.add(target)
        return self.make_fix(self.ctx.replace(span, target), f"Use `{target}`", unsafe=unsafe)

    @staticmethod
    def _whole_line(source, command) -> tuple[int, int]:
        start = source.rfind("\n", 0, command.start) + 1
        end = source.find("\n", command.end)
        end = len(source) if end < 0 else end + 1
        after = source[command.end:end].strip()
        if source[start:command.start].strip() or (after and not after.startswith("#")):
            return command.start, command.end
        return start, end  # the line holds only the command (and perhaps its comment)


# a variable of the old package tested in a condition: the new package leaves it unset
_TESTED = ("`{name}` in a condition: the OpenVINO package does not set it, so the test no longer tells whether the "
           "package was found; test `OpenVINO_FOUND` (or `TARGET openvino::runtime`) instead")


def _flags(merged: list) -> str:
    """The flags of the `find_package(OpenVINO)` that finds what `merged` found: REQUIRED when one
    of them was (a configure that failed without it still fails), QUIET when all were."""
    flags = [{a.value for a in command.arguments} for command in merged]
    return (" QUIET" if all("QUIET" in f for f in flags) else "") + (" REQUIRED" if any("REQUIRED" in f for f in flags) else "")


def _runtime_cmake_hint(command) -> bool:
    """`set(InferenceEngine_DIR .../runtime/cmake)`: an install's `runtime/cmake` folder holds the old
    packages' config files next to `OpenVINOConfig.cmake`."""
    arguments = command.arguments
    return (command.lower == "set" and len(arguments) >= 2 and arguments[0].kind == "unquoted"
            and arguments[0].value in ("InferenceEngine_DIR", "ngraph_DIR")
            and arguments[1].value.rstrip("/").endswith("runtime/cmake"))
