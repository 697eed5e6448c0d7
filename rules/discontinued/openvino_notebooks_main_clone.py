"""`git clone -b main` of the OpenVINO notebooks repository, whose `main` branch is deprecated."""
from __future__ import annotations

import os

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.discontinued._notebooks import MAIN_BRANCH
from ovlint.surfaces.shell import replace_word

REPOSITORY = "openvinotoolkit/openvino_notebooks"


def main_branch(argv: list[str]):
    """(index of the word naming `main`, how it is written) in a clone of the notebooks, else None."""
    if len(argv) < 3 or os.path.basename(argv[0]) != "git" or "clone" not in argv[1:3] \
            or not any(REPOSITORY in word for word in argv):
        return None
    for i, word in enumerate(argv):
        if word in ("-b", "--branch") and i + 1 < len(argv) and argv[i + 1] == "main":
            return i + 1, "main"
        if word in ("--branch=main", "-bmain"):
            return i, word
    return None


class OpenvinoNotebooksMainClone(CommandRule):
    code = "OV513"
    name = "openvino-notebooks-main-clone"
    summary = f"A clone of the OpenVINO notebooks' `main` branch, deprecated in {MAIN_BRANCH.deprecated}"
    rationale = (
        f"The {MAIN_BRANCH.deprecated} release notes made `latest` the default branch of "
        "`openvinotoolkit/openvino_notebooks` and deprecated `main`, maintained until 30 September 2024. A clone "
        "that asks for `-b main` gets notebooks that no longer follow OpenVINO releases. The fix asks for "
        "`latest`; it is unsafe because `latest` names notebook folders without their "
        "number (`notebooks/001-hello-world` is `notebooks/hello-world`), so paths used after the clone change."
    )
    fix = Applicability.UNSAFE
    deprecation = MAIN_BRANCH
    needles = ("openvino_notebooks",)
    examples = (
        Example("git clone --depth=1 -b main https://github.com/openvinotoolkit/openvino_notebooks.git\n",
                "git clone --depth=1 -b latest https://github.com/openvinotoolkit/openvino_notebooks.git\n",
                filename="setup.sh", unsafe=True),
        Example("RUN git clone --branch=main https://github.com/openvinotoolkit/openvino_notebooks /nb\n",
                "RUN git clone --branch=latest https://github.com/openvinotoolkit/openvino_notebooks /nb\n",
                filename="Dockerfile", unsafe=True),
    )
    valid = (
        Valid("git clone https://github.com/openvinotoolkit/openvino_notebooks.git\n"
              "git clone -b 2023.3 https://github.com/openvinotoolkit/openvino_notebooks.git\n"
              "git clone -b main https://github.com/openvinotoolkit/openvino.git\n", filename="setup.sh"),
    )

    def check_command(self, command) -> None:
        found = main_branch(command.argv)
        if found is None:
            return
        index, written = found
        edit = replace_word(command, index, written.replace("main", "latest"))
        self.report(command.words[index],
                    f"the `main` branch of openvino_notebooks is deprecated since {MAIN_BRANCH.deprecated}: clone "
                    "`latest`, where notebook folders are named without their number (`notebooks/001-hello-world` "
                    "is `notebooks/hello-world`)",
                    self.make_fix(edit, "Clone `latest`", unsafe=True) if edit else None)
