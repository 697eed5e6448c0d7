"""Commands that rely on how OpenVINO used to be installed: the 2021 folder layout
(`deployment_tools/`, `bin/setupvars.sh`), the year-numbered APT/YUM repositories, and archive
names with an `l_`/`w_`/`m_` prefix for releases that no longer have one."""
from __future__ import annotations

import re

from ovlint.base.versions import at_least
from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.discontinued._layout import LAYOUT_2021, legacy_path, single_slashes

YEAR_REPOSITORIES, ARCHIVE_PREFIXES = (DEPRECATIONS[k] for k in ("year-repositories", "archive-prefixes"))
SETUPVARS = re.compile(r"openvino[^\s/\\]*[/\\]bin[/\\]setupvars\.(sh|bat)")
YEAR_REPOSITORY = re.compile(r"(apt|yum)\.repos\.intel\.com/openvino/(20\d\d)\b")
PREFIXED_ARCHIVE = re.compile(r"\b[lwm]_openvino_toolkit_[a-z0-9_]*?_(20\d\d\.\d+)\.")


_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")
_UBUNTU_SUITE = re.compile(r"\bubuntu(\d\d)\b")


def _suite(text: str, after: int) -> str:
    """The suite a line's own Ubuntu release takes in the repository without year folders."""
    named = _UBUNTU_SUITE.search(text, after)
    if named:
        return f"`ubuntu{named.group(1)} main`, as this line has it"
    return "`ubuntu24 main` on Ubuntu 24.04, `ubuntu22 main` on 22.04, `ubuntu20 main` on 20.04"

class LegacyInstallLayout(CommandRule):
    code = "OV508"
    name = "legacy-install-layout"
    summary = "This command relies on an OpenVINO install layout that is gone"
    rationale = (
        f"OpenVINO {LAYOUT_2021.removed} reorganised its archives and packages: the `deployment_tools/` folder of 2021 "
        "installs is gone, with the link to its `inference_engine` the 2019-2021 installs kept at their root "
        "(`/opt/intel/openvino/inference_engine/lib/intel64`) (the runtime's headers, libraries and CMake package moved under `runtime/`, and the "
        "Model Optimizer left the archive for PyPI), and `setupvars.sh` moved from `bin/` to the install "
        f"root. In {YEAR_REPOSITORIES.deprecated} the APT and YUM repositories dropped their year folder "
        "(`apt.repos.intel.com/openvino/2024` became `apt.repos.intel.com/openvino`), and from "
        f"{ARCHIVE_PREFIXES.removed} the archive names lost their "
        "`l_`/`w_`/`m_` prefix (`openvino_toolkit_ubuntu24_<version>_x86_64.tgz`). Each use gets the new spelling "
        "in its message; none is rewritten, because paths and package names around it change too."
    )
    deprecation = LAYOUT_2021
    needles = ("deployment_tools/", "deployment_tools\\", "/inference_engine", "/bin/setupvars.sh", "bin\\setupvars.bat", "/bin/setupvars.bat",
               "repos.intel.com/openvino/", "_openvino_toolkit_")
    examples = (
        Example("python3 app.py -l /opt/intel/openvino/inference_engine/lib/intel64/libcpu_extension_sse4.so\n",
                filename="run.sh",
                message="`inference_engine/lib/intel64` is a 2021 path, gone since 2022.1: use `runtime/lib/intel64`"),
        Example("source /opt/intel/openvino_2021/bin/setupvars.sh\n", filename="run.sh",
                message=("`bin/setupvars.sh` is a 2021 path: since 2022.1 `setupvars.sh` is at the install "
                         "root")),
        Example("INTEL_OPENVINO_DIR=/opt/intel/openvino_2021/\nsource ${INTEL_OPENVINO_DIR}/bin/setupvars.sh\n",
                filename="run.sh",
                message=("`bin/setupvars.sh` is a 2021 path: since 2022.1 `setupvars.sh` is at the install "
                         "root (through `${INTEL_OPENVINO_DIR}`)")),
        Example("LD_LIBRARY_PATH=/opt/intel/openvino/deployment_tools/ngraph/lib ./classify\n", filename="run.sh",
                message="`deployment_tools/ngraph/lib` is a 2021 path, gone since 2022.1: use `runtime/lib/intel64`"),
        Example("IE = /opt/intel/openvino_2021/deployment_tools/inference_engine\n"
                "app: main.cpp\n\t$(CXX) -I$(IE)/include main.cpp -o app\n", filename="Makefile",
                message=("`deployment_tools/inference_engine/include` is a 2021 path, gone since 2022.1: use "
                         "`runtime/include` (through `$(IE)`)")),
        Example("RUN cd /opt/intel/openvino/deployment_tools/model_optimizer && python3 mo.py -h\n",
                filename="Dockerfile",
                message=("`deployment_tools/model_optimizer` is a 2021 path, gone since 2022.1: the Model "
                         "Optimizer is `ovc`, installed with `pip install openvino`")),
        Example('echo "deb https://apt.repos.intel.com/openvino/2024 ubuntu22 main" | sudo tee /etc/apt/sources.list.d/ov.list\n',
                filename="setup.sh",
                message=("OpenVINO's APT repository has no year folder since 2025.1: use "
                         "`https://apt.repos.intel.com/openvino` with the Ubuntu release as the suite "
                         "(`ubuntu22 main`, as this line has it)")),
        Example("wget https://storage.openvinotoolkit.org/repositories/openvino/packages/2025.0/linux/"
                "l_openvino_toolkit_ubuntu22_2025.0.0.17942.1f68be9f594_x86_64.tgz\n", filename="get.sh",
                message="archives of 2025.0 have no `l_` prefix: `openvino_toolkit_...`"),
    )
    valid = (
        Valid("INTEL_OPENVINO_DIR=/opt/intel/openvino_2025/\nsource ${INTEL_OPENVINO_DIR}/setupvars.sh\n",
              filename="run.sh"),
        Valid("source /opt/intel/openvino_2025/setupvars.sh\n"
              'echo "deb https://apt.repos.intel.com/openvino ubuntu24 main" | sudo tee /etc/apt/sources.list.d/ov.list\n'
              "wget https://storage.openvinotoolkit.org/repositories/openvino/packages/2023.3/linux/"
              "l_openvino_toolkit_ubuntu22_2023.3.0.13775.ceeafaf64f3_x86_64.tgz\n", filename="setup.sh"),
        Valid('echo "deb https://apt.repos.intel.com/openvino/2024 ubuntu22 main"\n', filename="setup.sh",
              target="2024.6"),
    )

    def check_command(self, command) -> None:
        # the values of the file's own assignments reported where they are written (`export D=/opt/...`)
        assigned = self.ctx.memo((self.code, "assigned"), set)
        for word in command.assignments + command.words:
            found = self._message(word.value)
            if found is not None and _ASSIGNMENT.match(word.value):  # `D=...`, `export D=...`
                assigned.add(word.value.split("=", 1)[1])
            elif found is None and word.resolved is not None and not any(v in word.resolved for v in assigned):
                found = self._message(word.resolved)  # a path kept in a variable set elsewhere
                if found is not None:
                    found = (found[0] + word.through,) + found[1:] if self.first_use(word, found[0]) else None
            if found:
                self.report((word.start, word.end), *found)

    def _message(self, text: str):
        """(message, what it is about) for a word relying on a gone layout, else None."""
        layout = legacy_path(text)
        if layout:
            return layout, None, LAYOUT_2021
        setupvars = SETUPVARS.search(single_slashes(text))
        if setupvars:
            name = f"setupvars.{setupvars.group(1)}"
            return (f"`bin/{name}` is a 2021 path: since {LAYOUT_2021.removed} `{name}` is at the install root",
                    None, LAYOUT_2021)
        repository = YEAR_REPOSITORY.search(text)
        if repository and "GPG-PUB-KEY" in text:
            return ("the year-numbered repository keys are retired: the key is "
                    "`https://apt.repos.intel.com/intel-gpg-keys/GPG-PUB-KEY-INTEL-SW-PRODUCTS.PUB`", None,
                    YEAR_REPOSITORIES)
        if repository and at_least(self.ctx.target_version, YEAR_REPOSITORIES.deprecated):
            return (f"OpenVINO's {repository.group(1).upper()} repository has no year folder since "
                    f"{YEAR_REPOSITORIES.deprecated}: use `https://{repository.group(1)}.repos.intel.com/openvino`"
                    + (f" with the Ubuntu release as the suite ({_suite(text, repository.end())})"
                       if repository.group(1) == "apt" else ""),
                    None, YEAR_REPOSITORIES)
        archive = PREFIXED_ARCHIVE.search(text)
        if archive and at_least(archive.group(1), ARCHIVE_PREFIXES.removed):
            return (f"archives of {archive.group(1)} have no `{archive.group(0)[:2]}` prefix: `openvino_toolkit_...`",
                    None, ARCHIVE_PREFIXES)
        return None
