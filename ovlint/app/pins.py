"""The OpenVINO release a project pins, read from its own dependency files: the floor, the oldest
release its code must keep running on until the pin moves. A fix is offered only when what it
writes exists in the floor release as well as in the target."""
from __future__ import annotations

import os
import re
from typing import Optional

from ovlint.base import versions
from ovlint.base.lazy import pattern
from ovlint.base.versions import Floor

# the kinds of file that state a folder's pins (any requirements or constraints file,
# `requirements-gpu.txt` too, and conda environments under any name, `openvino.yml`)
STATING_KINDS = ("requirements", "pyproject", "setup-cfg", "pipfile", "conda")
# the files that run the folder's code on a release they install or set up, which decide where no
# file states a pin: Dockerfiles that build it into an image (what they install or start `FROM`),
# CI jobs and shell scripts (what they install, or the release whose `setupvars` they source), and
# the CMake build (an install's own headers and libraries it names)
RUNNING_KINDS = ("dockerfile", "ci-yaml", "shell", "batch", "cmake")
DEPENDENCY_KINDS = STATING_KINDS + RUNNING_KINDS
# where a repository keeps the CI jobs that build and test the code of the folder it is in
CI_FOLDERS = (os.path.join(".github", "workflows"),)


def pinned_floor(directory: str) -> Optional[Floor]:
    """The lowest release the folder's dependency files allow, if they pin OpenVINO at all (with
    the requirements files they include, `-r base.txt`); where they pin nothing, the lowest its
    Dockerfiles, CI jobs and shell scripts run the code on."""
    found, images = [], []
    pending, seen = _dependency_files(directory), set()
    while pending:
        path, kind = pending.pop()
        real = os.path.realpath(path)
        if real in seen or len(seen) >= MOST_INCLUDED:
            continue
        seen.add(real)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        # every way to name a release spells `openvino` (a package, an image, an install folder),
        # names the variable of the oldest installs (`$INTEL_CVSDK_DIR`) or asks CMake for a version
        # of the install's packages (`find_package(InferenceEngine 2021.4)`)
        for release, start in _pins(kind, text) if _NAMES_A_RELEASE.search(text) else ():
            line = text.count("\n", 0, start) + 1
            (images if kind.name in RUNNING_KINDS else found).append(
                (versions.parse(release), release, f"{os.path.relpath(path)}:{line}"))
        if kind.name == "requirements":
            pending += [(os.path.join(os.path.dirname(path), name), kind) for name in _INCLUDED.findall(text)]
    found = found or images  # a file that states the pin outweighs an image that may be a leftover
    if not found:
        return None
    _, release, origin = min(found)
    return Floor(release, origin)


def _pins(kind, text: str) -> list[tuple[str, int]]:
    """(release, offset) of the lowest pin of a dependency file; for a Dockerfile, the release its
    last stage (the image that runs the code) installs with pip, or else starts `FROM`."""
    # imported only where there are dependency files to read
    from ovlint.surfaces.release_named import cmake_named, heredoc_bodies, lowest_named, lowest_stated

    if kind.name == "ci-yaml" and _PART_OF_THE_TREE.search(text):
        return []  # a job of one project in a tree of several: which folder it builds is not the file's
    found = []
    for unit in kind.read(text).units:
        if kind.name == "cmake":
            found.append(cmake_named(unit.text, unit.tree))
            continue
        if kind.name in ("ci-yaml", "shell", "batch"):
            if any(_builds_or_runs(command.argv) for command in unit.commands):
                # what `docker run` starts runs the image's code, not the folder's
                found.append(lowest_stated(unit.requirements, unit.commands,
                                           lowest_named(unit.text, unit.commands, images=False)))
            elif unit.commands and all(_sets_up(command.argv) for command in unit.commands):
                # a setup script: what it installs (`pip install openvino==2022.3.0` in the project's
                # venv) is what the folder's code runs on; one that goes on to run anything else (a
                # converter, a benchmark, in a venv of its own) pins nothing
                found.append(lowest_stated([], [c for c in unit.commands if _installs(c.argv)]))
            continue
        if kind.name == "conda":
            from ovlint.surfaces.conda import conda_pins

            found.append(lowest_stated(unit.requirements + conda_pins(unit.text), unit.commands))
            continue
        if kind.name != "dockerfile":
            found.append(lowest_stated(unit.requirements, unit.commands))
            continue
        bodies = heredoc_bodies(unit.text)  # a `FROM` there is another file's
        stages = [m.start() for m in _FROM.finditer(unit.text) if not any(a <= m.start() < b for a, b in bodies)]
        last = stages[-1] if len(stages) > 1 else 0  # one stage: its `ARG`s before `FROM` too
        commands = [c for c in unit.commands if c.words and c.words[0].start >= last]
        # the earlier stages blanked, every offset kept
        stage = re.sub(r"[^\n]", " ", unit.text[:last]) + unit.text[last:]
        found.append(lowest_stated([], commands) or lowest_named(stage, commands))
    return [f for f in found if f]


_FROM = pattern(r"(?im)^[ \t]*FROM[ \t]")
_NAMES_A_RELEASE = pattern(r"(?i)openvino|cvsdk|inferenceengine|ngraph")
# a CI job that runs in a folder of its own
_PART_OF_THE_TREE = pattern(r"(?m)^[ \t-]*(?:working-directory|workingDirectory)[ \t]*:")
_BUILDERS = ("cmake", "make", "ninja", "colcon", "catkin", "catkin_make", "catkin_make_isolated", "pytest")
# modules a Python command runs that are tools, not the folder's code
_TOOLS = ("pip", "venv", "ensurepip", "openvino", "mo", "pot", "omz_tools", "nncf", "benchmark_app")


# scripts of an install's own tools: Model Optimizer's, by name or by a path in an install; Open
# Model Zoo's and the benchmark's by a path in an install (`$DIR/converter.py` is the project's code)
_MO_SCRIPTS = ("mo.py", "mo_tf.py", "mo_onnx.py", "mo_caffe.py", "mo_mxnet.py", "mo_kaldi.py")
_INSTALL_SCRIPTS = ("downloader.py", "converter.py", "quantizer.py", "info_dumper.py", "benchmark_app.py")
# a folder of an install (not a project's own `openvino_yolo/`)
_INSTALL_PATH = pattern(r"(?i)(?:deployment_tools|model_optimizer|open_model_zoo|model_downloader)/|/opt/intel/|"
                        r"(?:^|/)intel/openvino[\w.-]*/|intel_(?:openvino|cvsdk)_dir|intelswtools")


def _builds_or_runs(argv: list) -> bool:
    """Whether a command builds the folder's code or runs it: CMake or make, tests, a Python
    script or module (`./app.py`, `python3 -u app.py`, `python -m app`; not `pip`, `venv`, `mo` or
    another tool the install brought, `python3 /opt/intel/.../model_optimizer/mo.py`)."""
    if not argv:
        return False
    program = _program(argv[0])
    if program in _BUILDERS:
        return True
    if program.endswith(".py"):
        return not _tool_script(argv[0])
    how, what = _python_runs(argv)
    if how == "-m":
        return bool(what) and what.split(".")[0] not in _TOOLS
    return how == "-" or (how == "script" and not _tool_script(what))


def _python_runs(argv: list) -> tuple[str, str]:
    """What a Python command runs, read past the interpreter's own options: ("-m", module) (`-m app`,
    `-mapp`), ("-c", code), ("-", "") for a program from the standard input (`python3 - <<EOF`),
    ("script", path); ("", "") for nothing, or a command that is no Python's."""
    if not argv or not _runs_python(_program(argv[0])):
        return "", ""
    for index, word in enumerate(argv[1:], 1):
        if word.startswith(("-m", "-c")):
            return word[:2], word[2:] or (argv[index + 1] if index + 1 < len(argv) else "")
        if word == "-":
            return "-", ""
        if not word.startswith("-"):
            return "script", word
    return "", ""


# what a setup script runs besides installing: environments, folders, messages
_SETUP_COMMANDS = {"conda", "mamba", "source", ".", "activate", "deactivate", "cd", "pushd", "popd", "mkdir",
                   "echo", "export", "set", "unset", "apt", "apt-get", "yum", "dnf", "brew", "git", "wget", "curl",
                   "cp", "mv", "rm", "ln", "chmod", "true", "exit", "cat", "virtualenv", "uv"}


def _sets_up(argv: list) -> bool:
    """Whether a command only prepares an environment (`python3 -m venv venv`, `pip install ...`,
    `source venv/bin/activate`), running none of the code or tools installed."""
    if not argv:
        return True
    program = _program(argv[0]).lower()
    if program in _SETUP_COMMANDS or program.startswith("pip"):  # `pip3.11` too
        return True
    how, module = _python_runs(argv)
    return how == "-m" and module in ("venv", "pip", "ensurepip", "virtualenv")


def _installs(argv: list) -> bool:
    """Whether a command is an installer's (`pip install`, `python -m pip install`, `conda install`),
    not a message naming one (`echo run: pip install ...`)."""
    program = _program(argv[0]).lower() if argv else ""
    return program.startswith(("pip", "conda", "mamba", "uv")) or _python_runs(argv) == ("-m", "pip")


def _program(word: str) -> str:
    """The name of the program a command runs: `C:\\Python38\\python.exe` is `python`."""
    name = word.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-4] if name.lower().endswith(".exe") else name


def _runs_python(program: str) -> bool:
    """`python3`, `python3.11`, and the Windows launcher `py` (`py -3.8 app.py`)."""
    return program.lower().startswith("python") or program.lower() == "py"


def _tool_script(word: str) -> bool:
    """Whether a script a command runs is one of an install's tools (see `_MO_SCRIPTS`)."""
    path = word.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    folder = path[:-len(name)]
    in_install = bool(_INSTALL_PATH.search(folder))
    return (name in _MO_SCRIPTS and (not folder or in_install)) or (name in _INSTALL_SCRIPTS and in_install)


# the files a requirements file includes, as pip reads them: `-r base.txt`, `--requirement=base.txt`,
# and constraints, `-c constraints.txt` (a URL is not followed)
_INCLUDED = pattern(r"(?m)^[ \t]*(?:-r|-c|--requirement|--constraint)(?:[ \t]+|[ \t]*=[ \t]*|(?=[^ \t=-]))"
                    r"(?![a-z][a-z0-9+.-]*://)([^ \t\r\n#]+)")
MOST_INCLUDED = 50  # files read for one folder's pins, includes and all


# the endings of the names of such files (most files of a folder are not worth asking about)
_SUFFIXES = (".txt", ".in", ".toml", ".cfg", ".yml", ".yaml", ".sh", ".bash", ".bat", ".cmd")


def _dependency_files(directory: str) -> list:
    """(path, kind) of each of the folder's files of DEPENDENCY_KINDS (and of its CI_FOLDERS), by
    name, or for a YAML file by its first bytes (a conda environment under another name)."""
    found = []
    for folder in (directory, *(os.path.join(directory, ci) for ci in CI_FOLDERS)):
        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries if e.is_file())
        except OSError:
            continue
        for name in names:
            kind = _dependency_kind(os.path.join(folder, name))
            if kind is not None:
                found.append((os.path.join(folder, name), kind))
    return found


def _dependency_kind(path: str):
    """The kind of the file at `path` when it is one of DEPENDENCY_KINDS, else None."""
    name = os.path.basename(path)
    lowered = name.lower()
    if not lowered.endswith(_SUFFIXES) and lowered != "pipfile" and "dockerfile" not in lowered \
            and "containerfile" not in lowered:
        return None
    from ovlint.surfaces import kind_from_head, kind_of

    kind = kind_of(path)
    if kind is None and lowered.endswith((".yml", ".yaml")):
        kind = kind_from_head(name, _head(path, name), executable=False)
    return kind if kind is not None and kind.name in DEPENDENCY_KINDS else None


def _head(path: str, name: str) -> bytes:
    from ovlint.surfaces import head_size

    try:
        with open(path, "rb") as handle:
            return handle.read(head_size(name))
    except OSError:
        return b""
