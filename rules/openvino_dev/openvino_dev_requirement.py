"""The `openvino-dev` package in every dependency file."""
from __future__ import annotations

import os
import re
from typing import Optional

from ovlint.base import depends
from ovlint.base.diagnostics import Applicability
from ovlint.base.files import ReadError
from ovlint.base.versions import at_least
from ovlint.rulekit.rule import Example, RequirementRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.api10._plan import dev_tool_users
from ovlint.rules.model_optimizer._options import invocation, open_ended
from ovlint.rules.model_optimizer.mo_command import ModelOptimizerCommand
from ovlint.rules.openvino_dev._tools import BENCHMARK_APP, DEV_COMMANDS, tool_of
from ovlint.surfaces import kind_of, named

CONVERTER = DEPRECATIONS["model-optimizer"]  # its replacement, `ovc`, ships in `openvino` from `since`

DEV = DEPRECATIONS["openvino-dev"]

# openvino-dev extras -> the framework package each one pulled in; None: the framework is gone
EXTRAS = {"onnx": "onnx", "pytorch": "torch", "tensorflow": "tensorflow", "tensorflow2": "tensorflow",
          "paddle": "paddlepaddle", "caffe": None, "mxnet": None, "kaldi": None}


# the extras pinned their frameworks to what that release's converter supported (`[tensorflow2]` of
# 2022.3: `tensorflow<=2.10.0`, with numpy bounds); the packages the fix adds are not
UNBOUNDED = (" (without the version bounds the extra set on them for its release: pin the versions the project "
             "was tested with)")


# an unpinned `openvino-dev` installs its last release; an unpinned `openvino` the newest
UNPINNED = f" (unpinned, `openvino-dev` installed its last release, {DEV.last}, with its runtime: `openvino` installs the newest)"

class OpenvinoDevRequirement(RequirementRule):
    code = "OV401"
    name = "openvino-dev-requirement"
    summary = f"`openvino-dev` ended with {DEV.last}: depend on `openvino`"
    rationale = (
        "`openvino-dev` shipped the Model Optimizer, POT, the Accuracy Checker and the Open Model Zoo tools "
        f"next to `openvino`, at the same version. It was deprecated in {DEV.deprecated} and its last release is "
        f"{DEV.last}, so any pin at or above {DEV.removed} cannot be installed. `openvino` carries the runtime, `ovc` "
        "and `benchmark_app`; each extra becomes its framework package (`[onnx]` → `onnx`, `[pytorch]` → "
        "`torch`, `[tensorflow2]` → `tensorflow`, `[paddle]` → `paddlepaddle`). Caffe, MXNet and Kaldi have "
        "no conversion path any more. When `openvino` is already listed in the same list for the same "
        f"environments (the same marker), an `openvino-dev` entry without extras is removed instead. The fix is unsafe: the runtime stays the same release where a version is given (unpinned, `openvino-dev` installs its last release, {DEV.last}, and `openvino` the newest, which the message says), but `mo`, `pot`, the "
        "Accuracy Checker and the Open Model Zoo tools are no longer installed, and ovlint cannot see "
        "whether something elsewhere in the project (a script, a Dockerfile, a CI step, a README's "
        "instructions) runs them; apply it once nothing does (OV201 and OV402 report those commands). "
        "A line protected by `--hash` is reported without a fix, as the hash would no "
        "longer match, and so is an install in a file that goes on to run a tool only `openvino-dev` "
        f"installs (`mo`, until it is rewritten to `ovc`; `omz_downloader`, `pot`, ...; `benchmark_app` "
        f"before {BENCHMARK_APP.since}): replacing the package would break those commands on the "
        "release the file installs; and so is one whose folder (or a folder below it) holds code that imports a "
        "package only `openvino-dev` installs (`openvino.tools.mo`, POT, `omz_tools`) or a notebook that runs one "
        "of its tools: migrate that code first (OV202, OV403)."
    )
    fix = Applicability.UNSAFE
    deprecation = DEV
    needles = ("(?i)openvino-dev", "(?i)openvino_dev", "(?i)openvino.dev")
    examples = (
        Example("numpy\nopenvino-dev==2023.3.0  # tools\n", "numpy\nopenvino==2023.3.0  # tools\n",
                filename="requirements.txt", unsafe=True),
        Example("openvino-dev[onnx,pytorch]>=2023.1; python_version >= \"3.9\"\n",
                "openvino>=2023.1; python_version >= \"3.9\"\nonnx; python_version >= \"3.9\"\n"
                "torch; python_version >= \"3.9\"\n", filename="requirements.txt", unsafe=True),
        Example("[project]\nname = \"app\"\ndependencies = [\"openvino-dev~=2024.0\"]\n",
                "[project]\nname = \"app\"\ndependencies = [\"openvino~=2024.0\"]\n", filename="pyproject.toml",
                unsafe=True),
        Example("openvino==2024.6.0\nOpenVINO_Dev==2024.6.0\n", "openvino==2024.6.0\n", filename="requirements.txt",
                unsafe=True),
        Example("openvino-dev[onnx]==2023.3.0; python_version < \"3.9\"\nopenvino-dev==2024.6.0; python_version >= \"3.9\"\n",
                "openvino==2023.3.0; python_version < \"3.9\"\nonnx; python_version < \"3.9\"\n"
                "openvino==2024.6.0; python_version >= \"3.9\"\n", filename="requirements.txt", unsafe=True),
        Example("[project]\nname = \"app\"\ndependencies = [\"openvino-dev==2024.6.0\"]\n"
                "[project.optional-dependencies]\nruntime = [\"openvino==2024.6.0\"]\n",
                "[project]\nname = \"app\"\ndependencies = [\"openvino==2024.6.0\"]\n"
                "[project.optional-dependencies]\nruntime = [\"openvino==2024.6.0\"]\n", filename="pyproject.toml",
                unsafe=True),
        Example("[options]\ninstall_requires =\n    openvino-dev==2024.6.0\n\n[options.extras_require]\n"
                "runtime =\n    openvino==2024.6.0\n",
                "[options]\ninstall_requires =\n    openvino==2024.6.0\n\n[options.extras_require]\n"
                "runtime =\n    openvino==2024.6.0\n", filename="setup.cfg", unsafe=True),
        Example("RUN pip install --no-cache-dir openvino-dev[onnx]==2024.6.0\n",
                "RUN pip install --no-cache-dir openvino==2024.6.0 onnx\n", filename="Dockerfile", unsafe=True),
        Example("RUN pip install openvino-dev==${OPENVINO_VERSION} && \\\n"
                "    pip install /tmp/openvino_dev-2022.1.0-7019-py3-none-any.whl\n",
                "RUN pip install openvino==${OPENVINO_VERSION} && \\\n"
                "    pip install /tmp/openvino_dev-2022.1.0-7019-py3-none-any.whl\n", filename="Dockerfile", unsafe=True),
        Example("openvino-dev==2023.3.0 \\\n    --hash=sha256:0123456789abcdef\n", filename="requirements.txt",
                message=("`openvino-dev` ended with 2024.6.0: depend on `openvino` (the line is protected by "
                         "`--hash`: replace it and regenerate the hashes)")),
        Example("from utils.general import check_requirements\n\ncheck_requirements(('openvino-dev>=2023.0',))\n",
                "from utils.general import check_requirements\n\ncheck_requirements(('openvino>=2023.0',))\n", unsafe=True),
        Example("openvino-dev[onnx]==2023.3.0 \\", "onnx\nopenvino==2023.3.0 \\", filename="requirements.txt",
                unsafe=True),
        Example("openvino-dev[onnx]==2023.3.0 \\\n    # the tools\nnumpy\n",
                "openvino==2023.3.0 \\\n    # the tools\nonnx\nnumpy\n", filename="requirements.txt",
                unsafe=True),
        Example("RUN pip install openvino-dev==2023.3.0 && omz_downloader --name resnet-50-tf\n", filename="Dockerfile",
                message=("`openvino-dev` ended with 2024.6.0: depend on `openvino` (not replaced while the file runs "
                         "`omz_downloader`, which only `openvino-dev` installs: migrate that command first)")),
        Example("openvino-dev[caffe]==2023.0.0\n", filename="requirements.txt",
                message=("`openvino-dev` ended with 2024.6.0: depend on `openvino`; `[caffe]` has no "
                         "conversion path in current OpenVINO (convert the model to ONNX first)")),
    )
    valid = (
        Valid("openvino==2024.6.0\nopenvino-telemetry\npot==0.9.5\nngraph\n", filename="requirements.txt"),
        Valid("pip install openvino-tokenizers openvino\n", filename="setup.sh"),
    )

    def check_requirement(self, req) -> None:
        if req.name != "openvino-dev":
            return
        missing = [extra for extra in req.extras if EXTRAS.get(extra.lower(), "") is None]
        unknown = [extra for extra in req.extras if extra.lower() not in EXTRAS]
        if req.hashed:
            self.report(req, self.summary + " (the line is protected by `--hash`: replace it and regenerate the hashes)")
            return
        if missing or unknown:
            self.report(req, self.summary + "; " + ", ".join(f"`[{e}]`" for e in missing + unknown)
                        + (" has no conversion path in current OpenVINO (convert the model to ONNX first)"
                           if missing else " is not an extra ovlint knows"))
            return
        tool = self.ctx.memo("openvino-dev-tool-run", self._dev_tool_run)
        if tool is not None:
            self.report(req, self.summary + f" (not replaced while the file runs `{tool}`, which only `openvino-dev` "
                                            f"installs{self._until(tool, 'command')})")
            return
        users = self.ctx.memo("openvino-dev-users", self._tool_users)
        if users:
            folder = os.path.dirname(os.path.abspath(self.ctx.path))
            user, use = next(iter(sorted(users.items())))
            where = os.path.relpath(user, folder)
            self.report(req, self.summary + f" (not replaced while `{where}` {use}, which only `openvino-dev` "
                                            f"installs{self._until(_tool_in(use))})")
            return
        fix = self._fix(req)
        if fix is None and req.extras and req.carrier != "wheel":
            packages = ", ".join(f"`{p}`" for p in dict.fromkeys(EXTRAS[e.lower()] for e in req.extras))
            self.report(req, self.summary + f" (not replaced here: depend on `openvino` and on what its extras "
                                            f"installed, {packages}, by hand)")
            return
        self.report(req, self.summary, fix)

    def _until(self, tool: str, what: str = "") -> str:
        """What ends the hold: `benchmark_app` needs only a pin that has it in `openvino`."""
        if tool == "benchmark_app":
            return f" on {self.ctx.floor.release}: raise the pin to {BENCHMARK_APP.since} first"
        return f": migrate that {what} first" if what else ": migrate that first"

    def _tool_users(self) -> dict:
        """The code the file installs for that uses a tool only `openvino-dev` installs -> how: the
        program's modules and notebooks (`dev_tool_users`) and shell scripts in the file's folder and
        below (the project's, for a `requirements/` folder), of a file on disk (not text from stdin)."""
        if not os.path.isfile(self.ctx.path):
            return {}
        folder = os.path.dirname(os.path.abspath(self.ctx.path))
        if os.path.basename(folder).lower() in _REQUIREMENTS_FOLDERS:
            folder = os.path.dirname(folder)
        elif folder.endswith(os.path.join("", ".github", "workflows")):  # a job installs for the repository's code
            folder = os.path.dirname(os.path.dirname(folder))
        inside = os.path.join(folder, "")
        users = {user: use for user, use in dev_tool_users(self.ctx.path).items() if user.startswith(inside)}
        users.update(_scripts_running_tools(folder))
        for user in users:
            depends.note_file(user)  # its own fix (OV202, OV201) can end its use in the same run
        return {user: use for user, use in users.items() if _dev_only(_tool_in(use), self.ctx.floor)}

    def _dev_tool_run(self) -> Optional[str]:
        """A tool only `openvino-dev` installs that the unit's commands go on running after `--fix`,
        if any (a `mo` whose own OV201 fix is safe and offered becomes `ovc`: command findings come
        before requirement rules run). Once per unit."""
        floor = self.ctx.floor
        ctx = self.ctx
        rewritten = {d.start for d in ctx.diagnostics if d.code == ModelOptimizerCommand.code and d.fix is not None
                     and d.fix.applicability == Applicability.SAFE and ctx.can_write(d.fix.requires)
                     and not ctx.suppressed(d.code, d.start, d.end)}
        for command in self.ctx.commands:
            for argv in (command.argv, command.resolved_argv if command.resolved else None):
                if not argv:
                    continue
                tool = tool_of(argv, open_ended(command)) or ("mo" if invocation(argv, open_ended(command), ctx) is not None and command.start not in rewritten
                                         else None)
                if tool is None and argv[0].rsplit("/", 1)[-1] == "benchmark_app" and _dev_only("benchmark_app", floor):
                    tool = "benchmark_app"
                if tool is not None:
                    return tool
        return None

    def _fix(self, req):
        ctx = self.ctx
        if req.carrier == "wheel":
            return None  # a file or URL: the wheel to install instead is the user's to pick
        if req.removal is not None and not req.extras and any(
                other.name == "openvino" and other.group == req.group and other.marker == req.marker
                for other in req.listed):
            # only where that `openvino` is installed whenever this was: in the same list, for the same environments
            return self.make_fix(ctx.replace(req.removal, ""), "Remove it: `openvino` is listed already", unsafe=True)
        # the framework packages its extras pulled in, but for those its own list holds already (another
        # list, an optional group, is not installed with it)
        beside = {other.name for other in req.listed if other.group == req.group and other.marker == req.marker} \
            if req.listed else req.listed_with
        packages = list(dict.fromkeys(EXTRAS[e.lower()] for e in req.extras if EXTRAS[e.lower()] not in beside))
        if req.carrier == "key":
            # a table's `extras = [...]` would stay, naming extras `openvino` does not have
            return None if req.extras else self.make_fix(ctx.replace((req.name_start, req.name_end), "openvino"),
                                                         "Depend on `openvino`", unsafe=True)
        head_end = self._extras_end(req)
        edits = [ctx.replace((req.name_start, head_end), "openvino")]
        if packages:
            if req.carrier in ("word", "list-item"):
                added = self._beside_word(req, packages)
                if added is None:
                    return None
                edits.append(added)
            elif req.origin == "requirements":
                # after the whole logical line: its continuation lines and comment stay with it
                start, end = req.removal
                marker = f"; {req.marker}" if req.marker else ""
                lines = [f"{p}{marker}" for p in packages]
                if ctx.text[end - 1:end] in ("\n", "\r"):
                    edits.append(ctx.replace((end, end), "".join(line + ctx.newline for line in lines)))
                elif ctx.text.endswith("\\"):  # the last line continues into the end: pip would join a next one
                    edits.append(ctx.replace((start, start), "".join(line + ctx.newline for line in lines)))
                else:
                    edits.append(ctx.replace((end, end), "".join(ctx.newline + line for line in lines)))
            else:
                return None
        return self.make_fix(edits, "Depend on `openvino`" + (" and " + ", ".join(packages) + UNBOUNDED if packages else "")
                             + self._no_converter()
                             + (UNPINNED if not req.specifier.strip() and not self._pinned_elsewhere() else ""),
                             unsafe=True)

    def _pinned_elsewhere(self) -> bool:
        """Whether a file this one includes pins the release (`-r requirements.txt` holding
        `openvino==2022.1.0`): then that release, not the last one, is what gets installed."""
        floor = self.ctx.floor
        if floor is None:
            return False
        pinning = os.path.basename(floor.origin.rsplit(":", 1)[0])
        return any(os.path.basename(name) == pinning for name in _INCLUDES.findall(self.ctx.text))

    def _beside_word(self, req, packages: list):
        """The packages as words of their own after the requirement's `pip install` word (items
        after its string, in a Python argv list), with its marker; None where that cannot be
        written (a marker outside quotes, or holding the quote or an escape)."""
        text, (start, end) = self.ctx.text, req.removal
        marker = "; " + req.text.split(";", 1)[1].strip() if req.marker and ";" in req.text else ""  # as written
        if req.carrier == "list-item":
            quote = text[end:end + 3] if text[end:end + 3] in ('"""', "'''") else text[end:end + 1]
            at, words = end + len(quote), [f", {quote}{p}{marker}{quote}" for p in packages]
        elif marker:
            quote = text[start:start + 1]
            at, words = end, [f" {quote}{p}{marker}{quote}" for p in packages]
            if quote not in ("'", '"'):
                return None
        else:
            quote, at, words = "", end, [f" {p}" for p in packages]
        if marker and (quote in marker or "\\" in text[start:end]):
            return None
        return self.ctx.replace((at, at), "".join(words))

    def _no_converter(self) -> str:
        """What the fix costs on a pinned release older than `ovc`: no converter at all."""
        floor, since = self.ctx.floor, CONVERTER.since
        if floor is None or at_least(floor.release, since):
            return ""
        return (f" (on {floor.release}, which {floor.origin} pins, `openvino` has no model converter: `ovc` "
                f"ships from {since}, and `mo` and the Open Model Zoo tools go with `openvino-dev`)")

    def _extras_end(self, req) -> int:
        text = self.ctx.text
        i = req.name_end
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i] == "[":
            close = text.find("]", i)
            return close + 1 if close >= 0 else req.name_end
        return req.name_end


# the files a requirements file installs with it (`-r base.txt`, `-c constraints.txt`)
_INCLUDES = re.compile(r"(?m)^[ \t]*(?:-r|-c|--requirement|--constraint)(?:[ \t]+|[ \t]*=[ \t]*)?([^ \t\r\n#]+)")
# folders that hold a project's requirements apart from its code
_REQUIREMENTS_FOLDERS = {"requirements", "reqs", "deps", "dependencies"}
# at most, under one requirement file's folder: the folders walked, the files of commands read
MOST_FOLDERS, MOST_SCRIPTS = 2000, 200


def _scripts_running_tools(folder: str) -> dict:
    """The shell scripts, Dockerfiles and Makefiles under `folder` (hidden and installed folders left
    out), and its CI jobs, that run a tool only `openvino-dev` installs -> `runs `tool``."""
    found = {}
    for read, path in enumerate(_command_files(folder)):
        if read == MOST_SCRIPTS:
            break
        try:
            text = depends.read(path, 1 << 20).decode("utf-8", "replace")
        except ReadError:
            continue
        # read as its kind reads it (comments, here-documents, recipes and YAML keys are no commands)
        kind = kind_of(path) or named("shell")
        tool = next((tool for unit in kind.read(text).units for command in unit.commands
                     for tool in [_dev_command(command.argv)] if tool), None)
        if tool:
            found[path] = f"runs `{tool}`"
    return found


# the tools `openvino` carries from a release on: `benchmark_app`, and `mo` as `ovc` (OV201 rewrites
# a `mo` command there, and the requirement follows it in the same run)
CARRIED_FROM = {"mo": CONVERTER.since, "benchmark_app": BENCHMARK_APP.since}


def _dev_only(tool: str, floor) -> bool:
    """Whether only `openvino-dev` installs `tool` (a command, or a package a module imports) on
    the floor's release; without a floor, the newest release is what gets installed."""
    since = CARRIED_FROM.get(tool)
    return since is None or (floor is not None and not at_least(floor.release, since))


def _tool_in(use: str) -> str:
    """The tool of a use `dev_tool_users` names: `benchmark_app` of "runs `benchmark_app`"."""
    return use.split("`")[1]


def _dev_command(argv: list) -> Optional[str]:
    """The tool only `openvino-dev` installs that a command runs by name, if any."""
    name = os.path.basename(argv[0]) if argv else ""
    return name if name in DEV_COMMANDS and (name != "pot" or tool_of(argv)) else None


def _command_files(folder: str):
    """The files of commands under `folder`: its CI jobs, then its scripts, Dockerfiles and Makefiles."""
    jobs = os.path.join(folder, ".github", "workflows")
    for path in [os.path.join(folder, ".gitlab-ci.yml")] + [os.path.join(jobs, n) for n in _names(jobs)
                                                              if n.endswith((".yml", ".yaml"))]:
        if os.path.isfile(path):
            yield path
    for walked, (here, folders, names) in enumerate(os.walk(folder)):
        if walked == MOST_FOLDERS:
            return
        folders[:] = [f for f in folders if not f.startswith(".") and f not in depends.SKIPPED_FOLDERS]
        yield from (os.path.join(here, name) for name in names if _runs_commands(name))


def _names(folder: str) -> list:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _runs_commands(name: str) -> bool:
    """A shell script, a Dockerfile or a Makefile, by its name (a Dockerfile as the surface
    recognises one: `Dockerfile.gpu`, not `Dockerfile.md`); the plain suffixes first, as most of
    a project's files are asked."""
    lowered = name.lower()
    if lowered.endswith((".sh", ".bash", ".mk")) or lowered in ("makefile", "gnumakefile"):
        return True
    return ("dockerfile" in lowered or "containerfile" in lowered) and kind_of(name) is named("dockerfile")
