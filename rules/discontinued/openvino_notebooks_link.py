"""Links into the OpenVINO notebooks repository at its deprecated `main` branch, or to a deprecated
notebook."""
from __future__ import annotations

from ovlint.rulekit.rule import Example, LinkRule, Valid
from ovlint.rules.discontinued._notebooks import (
    DEPRECATED, FOLDER, LATEST_UTILS, MAIN_BRANCH, MOVING, NOTEBOOKS, REPOSITORY, UTILS,
)


class OpenvinoNotebooksLink(LinkRule):
    code = "OV512"
    name = "openvino-notebooks-link"
    summary = f"A link into the OpenVINO notebooks' `main` branch, deprecated in {MAIN_BRANCH.deprecated}"
    rationale = (
        f"The {MAIN_BRANCH.deprecated} release notes made `latest` the default branch of "
        "`openvinotoolkit/openvino_notebooks` and deprecated `main`, maintained until 30 September 2024. `latest` "
        "names notebook folders without their number (`notebooks/001-hello-world` is `notebooks/hello-world`) and "
        "keeps the helpers in `utils/` at the root (`notebook_utils.py`, which notebooks download). The same notes "
        "deprecated a list of notebooks (handwritten OCR, image in-painting, interactive machine translation, the "
        "Open Model Zoo tools tutorial, super resolution, image colorization, interactive question answering, "
        "vehicle detection and recognition, the attention center model, DeciDiffusion, DeepFloyd IF, VI-depth "
        "and Dolly 2.0), naming an alternative for most. Links are found in Python strings, commands, "
        "documentation prose and notebook Markdown cells (never in comments), on GitHub, its raw files, Colab "
        "and Binder. They are reported, not rewritten: a path on `main` has no fixed counterpart on `latest`, "
        "and the helpers changed."
    )
    deprecation = MAIN_BRANCH
    needles = ("openvino_notebooks",)
    examples = (
        Example("import requests\n\nr = requests.get('https://raw.githubusercontent.com/openvinotoolkit/"
                "openvino_notebooks/main/notebooks/utils/notebook_utils.py')\n",
                message=("the `main` branch of openvino_notebooks is deprecated since 2024.1: on `latest` the "
                         "helpers are in `utils/` at the repository root (`https://raw.githubusercontent.com/"
                         "openvinotoolkit/openvino_notebooks/latest/utils/notebook_utils.py`)")),
        Example("See the [tutorial](https://github.com/openvinotoolkit/openvino_notebooks/tree/main/notebooks/"
                "001-hello-world).\n", filename="README.md",
                message=("the `main` branch of openvino_notebooks is deprecated since 2024.1: link `latest`, where "
                         "notebook folders are named without their number (`notebooks/001-hello-world` is "
                         "`notebooks/hello-world`)")),
        Example("wget https://github.com/openvinotoolkit/openvino_notebooks/raw/latest/notebooks/"
                "dolly-2-instruction-following/dolly-2-instruction-following.ipynb\n", filename="get.sh",
                message=("the `dolly-2-instruction-following` notebook (Instruction following using Databricks "
                         "Dolly 2.0) is deprecated since 2024.1 and set to be removed: use the "
                         "`llm-question-answering` notebook")),
    )
    valid = (
        Valid("url = 'https://github.com/openvinotoolkit/openvino_notebooks/blob/latest/notebooks/hello-world/"
              "hello-world.ipynb'\n"
              "old = 'https://github.com/openvinotoolkit/openvino_notebooks/tree/2023.3/notebooks/209-handwritten-ocr'\n"
              "# https://github.com/openvinotoolkit/openvino_notebooks/tree/main in a comment\n"),
        Valid("<!-- https://github.com/openvinotoolkit/openvino_notebooks/tree/main -->\n"
              "The `main` branch was renamed.\n", filename="README.md"),
    )

    def check_link(self, link) -> None:
        repository = REPOSITORY.search(link.url)
        if repository is None:
            return
        branch, path = repository.group("branch"), repository.group("path") or ""
        folder = FOLDER.search(path)
        if folder is not None and branch in MOVING:
            title, instead = NOTEBOOKS[folder.group(1)]
            self.report(link, f"the `{folder.group(1)}` notebook ({title}) is deprecated since {DEPRECATED.deprecated} "
                              f"and set to be removed: {instead}", deprecation=DEPRECATED)
        elif branch == "main" and UTILS.match(path):
            self.report(link, f"the `main` branch of openvino_notebooks is deprecated since {MAIN_BRANCH.deprecated}: on "
                              f"`latest` the helpers are in `utils/` at the repository root (`{LATEST_UTILS}`)")
        elif branch == "main":
            self.report(link, f"the `main` branch of openvino_notebooks is deprecated since {MAIN_BRANCH.deprecated}: "
                              "link `latest`, where notebook folders are named without their number "
                              "(`notebooks/001-hello-world` is `notebooks/hello-world`)")
