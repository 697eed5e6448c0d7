"""Releases a file names as what it runs on, besides pip pins: an OpenVINO image it is built from
or runs (`FROM openvino/ubuntu20_dev:2021.4.2`, a CI job's `image:`, `docker run
openvino/ubuntu20_dev:2021.4.2 ...`), a release's own install it sources or runs a program of
(`source /opt/intel/openvino_2021/bin/setupvars.sh`; a program of the layout installs had up to
2021.4, `/opt/intel/openvino/deployment_tools/model_optimizer/mo.py`, or its folder a script `cd`s
into, names that release at most), a system package it installs (`apt-get install
intel-openvino-dev-ubuntu20-2021.4.752`), or the headers and libraries of one install a CMake build
names (`$ENV{INTEL_OPENVINO_DIR}/deployment_tools/inference_engine/include`). Each is
as strong a floor as a pin; a comment, a here-document (another file's text), or a command that
removes such an install, is not."""
from __future__ import annotations

import os
import re
from typing import Optional

from ovlint.base.lazy import pattern

_RELEASE = r"(20\d\d)(?:\.(\d+))?"
# the tag written, or a variable's default (`${OPENVINO_VERSION:-2022.3.0}`); an `ARG` holding the
# whole image (`ARG BASE=openvino/ubuntu20_dev:2022.3.0`, for `FROM ${BASE}`)
IMAGE = pattern(r"(?im)^[ \t]*(?:FROM[ \t]+(?:--\S+[ \t]+)*|-?[ \t]*image:[ \t]*[\"']?|ARG[ \t]+\w+[ \t]*=[ \t]*[\"']?)"
                r"(?:[\w.-]+/)?openvino/[\w.-]+:(?:\$\{\w+:?-)?" + _RELEASE)
# `ARG OPENVINO_VERSION=2022.3.0` and then `FROM openvino/ubuntu20_dev:${OPENVINO_VERSION}`
IMAGE_ARGUMENT = pattern(r"(?im)^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*openvino/[\w.-]+:\$\{?(\w+)\}?")
_ARGUMENT = pattern(r"(?im)^[ \t]*ARG[ \t]+(\w+)[ \t]*=[ \t]*[\"']?" + _RELEASE + r"(?!\d)")
INSTALL_FOLDER = pattern(r"/openvino_" + _RELEASE + r"\b")
# a comment line: a shell's, a Dockerfile's, CMake's (`#`), a batch file's (`REM`, `::`); a `#` later
# in a line may stand in a string (`echo "step #1"`)
_COMMENT_LINE = pattern(r"(?i)[ \t@]*(?:#|rem\b|::)")
# an archive of the toolkit a file downloads or unpacks: `l_openvino_toolkit_p_2019.3.334.tgz`,
# `l_openvino_toolkit_runtime_ubuntu20_p_2021.4.752.tgz`, `w_openvino_toolkit_windows_2023.0.0...zip`
TOOLKIT_ARCHIVE = pattern(r"\b[lwm]_openvino_toolkit_[a-z0-9_]*?" + _RELEASE + r"\.\d")
# a CI step that installs a release with an action of its own (`uses: abrown/install-openvino-action@v9`
# and, among its inputs, `version: 2024.4.0`)
INSTALL_ACTION = pattern(r"(?m)^([ \t]*)-?[ \t]*uses:[ \t]*[\w.-]+/[\w.-]*openvino[\w.-]*@\S+[ \t]*\r?\n"
                         r"(?:\1[ \t]+[^\n]*\n){0,12}?\1[ \t]+version:[ \t]*[\"']?" + _RELEASE)
# ... its release given by an `ARG` (`ARG OPENVINO_VERSION=2020.2.120`, `l_openvino_toolkit_p_${OPENVINO_VERSION}.tgz`)
TOOLKIT_ARCHIVE_ARGUMENT = pattern(r"\b[lwm]_openvino_toolkit_[a-z0-9_]*?\$\{?(\w+)\}?")
# the install layout releases up to 2021.4 had (`deployment_tools/model_optimizer/mo.py`,
# `bin/setupvars.sh`), in an `openvino...` folder or under the variable their `setupvars` set
# (`$INTEL_OPENVINO_DIR`, CMake's `$ENV{INTEL_OPENVINO_DIR}`, `INTEL_CVSDK_DIR` before 2019): a program
# run from it, or a build with its headers, is at most that release
LEGACY_LAYOUT = pattern(r"(?:/openvino[\w.-]*|\$(?:ENV)?\{?INTEL_(?:OPENVINO|CVSDK)_DIR\}?|%INTEL_(?:OPENVINO|CVSDK)_DIR%)"
                        r"/(?:deployment_tools/|bin/setupvars\.(?:sh|bat)$)")
LEGACY_LAYOUT_LAST = ("2021", "4")
# the Windows installs' folder up to 2020.4 (`C:\\Program Files (x86)\\IntelSWTools\\openvino`); 2021 moved to `Intel`
SWTOOLS_LAST = ("2020", "4")
# commands that build with a path: its headers, its libraries (a `set` of a package's folder, or of
# the prefix path, says where `find_package` looks); not a message, an option's text, a candidate
_CMAKE_PATH_COMMANDS = {"include_directories", "link_directories", "target_include_directories",
                        "target_link_directories", "target_link_libraries", "link_libraries"}
_CMAKE_PACKAGE_FOLDER = pattern(r"(?i)^(?:\w+_DIR|CMAKE_PREFIX_PATH)$")
# the packages of an install, whose version `find_package` can ask for (at least that release)
_CMAKE_PACKAGES = {"inferenceengine", "ngraph", "openvino"}
_CMAKE_VERSION = pattern(r"^" + _RELEASE + r"(?:\.[\d.]*)?$")
# the layout of 2022.1 and later, named beside the old one: the build supports both
_CMAKE_NEW_LAYOUT = pattern(r"(?i)find_package\s*\(\s*OpenVINO\b|openvino::|/runtime(?:/(?:include|cmake|lib)\b|[\s\"')]|$)")
IMAGE_WORD = pattern(r"^(?:[\w.-]+/)?openvino/[\w.-]+:" + _RELEASE)  # `docker run openvino/ubuntu20_dev:2021.4 ...`
# a system package of one release: 2021's `intel-openvino-runtime-ubuntu20-2021.4.752`, and from 2022.1
# `openvino-2024.2.0`, `libopenvino-2024.2.0`, `openvino-libraries-dev-2022.3.0`
SYSTEM_PACKAGE = pattern(r"^(?:intel-openvino-[\w-]*?|(?:lib)?openvino(?:-[a-z][a-z-]*?)?)-" + _RELEASE + r"\b")
_INSTALLERS = {"apt-get", "apt", "yum", "dnf", "zypper"}


_HEREDOC_LINE = pattern(r"(?m)^[^\n]*<<-?[ \t]*[\"']?\w+[^\n]*\n")
_HEREDOC_MARK = pattern(r"<<-?[ \t]*[\"']?(\w+)")


def _year_minor(year: str, minor: Optional[str]) -> tuple[int, int]:
    """A release as numbers; a year alone is its first release."""
    from ovlint.base.versions import first_minor

    return int(year), int(minor) if minor is not None else first_minor(int(year))


def _release(year: str, minor: Optional[str]) -> str:
    return "%d.%d" % _year_minor(year, minor)


def heredoc_bodies(text: str) -> list[tuple[int, int]]:
    """The spans of here-documents (`cat <<EOF > Dockerfile`, `COPY <<EOF`, several on one line
    in order): a file they write names what that file runs on, not this one."""
    spans: list[tuple[int, int]] = []
    for line in _HEREDOC_LINE.finditer(text):
        if spans and line.start() < spans[-1][1]:
            continue  # a line of a body already found
        position = line.end()
        for mark in _HEREDOC_MARK.finditer(line.group()):
            closing = re.compile(r"(?m)^[ \t]*%s[ \t]*\r?$" % re.escape(mark.group(1))).search(text, position)
            end = closing.start() if closing else len(text)
            spans.append((position, end))
            position = closing.end() if closing else len(text)
    return spans


def lowest_stated(requirements: list, commands: list, named: Optional[tuple] = None) -> Optional[tuple[str, int]]:
    """(release, offset) of the oldest release that `requirements`, the `pip install` lines of
    `commands` and `named` (a release a file names, with its offset) allow; None if none is stated."""
    from ovlint.base.versions import parse
    from ovlint.surfaces.requirement import from_pip_command, lowest_pin

    pinned = requirements + [r for command in commands for r in from_pip_command(command)]
    pin = lowest_pin(pinned) if pinned else None
    found = ([(pin[0], pin[1].start)] if pin is not None else []) + ([named] if named else [])
    return min(found, key=lambda f: parse(f[0])) if found else None


def image_release(word: str) -> Optional[str]:
    """The release an OpenVINO image's tag names (`openvino/ubuntu20_dev:2022.2.0`: `2022.2`), if any."""
    match = IMAGE_WORD.match(word)
    return None if match is None else _release(match.group(1), match.group(2))


def cmake_named(text: str, commands: list) -> Optional[tuple[str, int]]:
    """The release a CMake file builds against: the version its `find_package` asks the install's
    package for, or, when it builds with one install's own headers or libraries
    (`.../openvino_2021.4.752/...`, or the 2021 layout's `deployment_tools/inference_engine/`, in
    `include_directories` and the like, or the folder `find_package` is told to look in) and names no
    2022.1 layout beside them, that install's; the oldest, and where."""
    from ovlint.surfaces.cmake import expanded

    found = []
    new_layout = _CMAKE_NEW_LAYOUT.search(text)
    for command, values in expanded(commands):
        if command.lower == "find_package" and len(values) > 1 and values[0].lower() in _CMAKE_PACKAGES:
            version = _CMAKE_VERSION.match(values[1])  # `find_package(InferenceEngine 2021.4.1 REQUIRED)`
            if version:
                found.append((_year_minor(version.group(1), version.group(2)), command.arguments[1].start))
            continue
        if new_layout or not (command.lower in _CMAKE_PATH_COMMANDS or (
                command.lower == "set" and values and _CMAKE_PACKAGE_FOLDER.match(values[0]))):
            continue
        for argument, value in zip(command.arguments, values):
            path = value.replace("\\", "/")
            match = INSTALL_FOLDER.search(path)
            if match:
                found.append((_year_minor(match.group(1), match.group(2)), argument.start))
            elif LEGACY_LAYOUT.search(path):
                found.append(((int(LEGACY_LAYOUT_LAST[0]), int(LEGACY_LAYOUT_LAST[1])), argument.start))
    if not found:
        return None
    (year, minor), start = min(found)
    return f"{year}.{minor}", start


def lowest_named(text: str, commands: list, images: bool = True) -> Optional[tuple[str, int]]:
    """The oldest release `text` and its `commands` name (as `YYYY.N`; a year alone is its first
    release), and where; `images`: also the OpenVINO images `docker run` starts (what a notebook's
    `!docker run` line starts is not what its own code runs on)."""
    bodies = heredoc_bodies(text)
    found = [(match.groups(), match.start()) for match in IMAGE.finditer(text)
             if not any(start <= match.start() < end for start, end in bodies)]
    found += [(match.groups(), match.start()) for match in TOOLKIT_ARCHIVE.finditer(text)
              if not _COMMENT_LINE.match(text, text.rfind("\n", 0, match.start()) + 1)]
    found += [(match.groups()[1:], match.start(2)) for match in INSTALL_ACTION.finditer(text)]
    for match in [*IMAGE_ARGUMENT.finditer(text), *TOOLKIT_ARCHIVE_ARGUMENT.finditer(text)]:
        if _COMMENT_LINE.match(text, text.rfind("\n", 0, match.start()) + 1):
            continue
        value = [a for a in _ARGUMENT.finditer(text, 0, match.start()) if a.group(1) == match.group(1)]
        if value:
            found.append((value[-1].groups()[1:], match.start()))
    for command in commands:
        argv = command.argv
        if not argv:
            continue
        program = os.path.basename(argv[0])
        if program in ("source", ".", "cd", "pushd") and len(argv) > 1:
            run = [1]  # the script sourced, or the install folder the next commands run in
        elif program.startswith("python") and len(argv) > 1:
            run = [0, 1]  # the interpreter or the script
        else:
            run = [0]
        for index in run:
            # `$OV/bin/setupvars.sh` too, and a Windows path
            path = (command.words[index].resolved or argv[index]).replace("\\", "/")
            match = INSTALL_FOLDER.search(path)
            if match:
                found.append((match.groups(), command.words[index].start))
            elif LEGACY_LAYOUT.search(path):
                found.append((SWTOOLS_LAST if "/intelswtools/" in path.lower() else LEGACY_LAYOUT_LAST,
                              command.words[index].start))
        if images and program in ("docker", "podman", "nvidia-docker"):
            for index, word in enumerate(argv):
                match = IMAGE_WORD.match(command.words[index].resolved or word)  # `openvino/...:$TAG` too
                if match:
                    found.append((match.groups(), command.words[index].start))
        if program in _INSTALLERS and "install" in argv:
            for index, word in enumerate(argv):
                match = SYSTEM_PACKAGE.match(command.words[index].resolved or word)  # `...-ubuntu20-$VERSION` too
                if match:
                    found.append((match.groups(), command.words[index].start))
    if not found:
        return None
    # a year alone (`/opt/intel/openvino_2021`) is its first release, unless the file names which
    years = {y for (y, m), _ in found if m is not None}
    found = [((y, m), start) for (y, m), start in found if m is not None or y not in years]
    (year, minor), start = min((_year_minor(y, m), start) for (y, m), start in found)
    return f"{year}.{minor}", start
