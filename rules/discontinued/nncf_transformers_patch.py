"""NNCF's git patch for huggingface/transformers, applied in scripts, Dockerfiles and CI."""
from __future__ import annotations

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS

PATCH = DEPRECATIONS["nncf-transformers-patch"]
FOLDER = "third_party_integration/huggingface_transformers"


class NncfTransformersPatch(CommandRule):
    code = "OV514"
    name = "nncf-transformers-patch"
    summary = f"NNCF's patch for huggingface/transformers was discontinued in OpenVINO {PATCH.removed}"
    rationale = (
        "NNCF kept a git patch (`third_party_integration/huggingface_transformers/"
        "0001-Modifications-for-NNCF-usage.patch`) that made the transformers example scripts take "
        f"`--nncf_config`. The release notes deprecated it in {PATCH.deprecated} and discontinued it in "
        f"{PATCH.removed}: optimum-intel applies NNCF to Hugging Face models instead (`OVQuantizer`, "
        "`optimum-cli export openvino`). Any command that applies, fetches or copies the patch (`git apply`, "
        "`patch < ...`, `wget`, `cp`), also through a variable the file sets, is reported; there is no "
        "mechanical rewrite."
    )
    deprecation = PATCH
    needles = (FOLDER,)
    examples = (
        Example("cd transformers && git apply ../nncf/third_party_integration/huggingface_transformers/"
                "0001-Modifications-for-NNCF-usage.patch\n", filename="setup.sh",
                message=("NNCF's patch for huggingface/transformers was discontinued in OpenVINO 2024.0: use "
                         "optimum-intel, which applies NNCF to Hugging Face models (`pip install optimum-intel`)")),
        Example("RUN patch -p1 < /nncf/third_party_integration/huggingface_transformers/"
                "0001-Modifications-for-NNCF-usage.patch\n", filename="Dockerfile",
                message=("NNCF's patch for huggingface/transformers was discontinued in OpenVINO 2024.0: use "
                         "optimum-intel, which applies NNCF to Hugging Face models (`pip install optimum-intel`)")),
    )
    valid = (
        Valid("git apply ../nncf/third_party_integration/mmdetection/0001-Modifications-for-NNCF-usage.patch\n"
              "# git apply third_party_integration/huggingface_transformers/0001-Modifications-for-NNCF-usage.patch\n"
              "pip install optimum-intel nncf\n", filename="setup.sh"),
    )

    def check_command(self, command) -> None:
        for word in command.words + command.redirections:
            if FOLDER in word.value or (word.resolved is not None and FOLDER in word.resolved):
                self.report((word.start, word.end), f"{self.summary}: use optimum-intel, which applies NNCF to "
                                                    "Hugging Face models (`pip install optimum-intel`)")
