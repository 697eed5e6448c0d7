"""The OpenVINO notebooks repository: links into it at a branch, the `main` branch the release
notes deprecated for `latest`, and the notebooks they deprecated, with the alternative each names."""
from __future__ import annotations

import re

from ovlint.rules._deprecations import DEPRECATIONS

MAIN_BRANCH, DEPRECATED = DEPRECATIONS["notebooks-main-branch"], DEPRECATIONS["deprecated-notebooks"]
# a link into the repository at a branch: on GitHub, its raw files, Colab and Binder
REPOSITORY = re.compile(
    r"(?:github\.com/openvinotoolkit/openvino_notebooks/(?:tree|blob|raw)"
    r"|raw\.githubusercontent\.com/openvinotoolkit/openvino_notebooks"
    r"|colab\.research\.google\.com/github/openvinotoolkit/openvino_notebooks/blob"
    r"|mybinder\.org/v2/gh/openvinotoolkit/openvino_notebooks)/(?:refs/heads/)?(?P<branch>[\w.-]+)(?P<path>/\S*)?")
MOVING = {"main", "latest"}  # the branches that follow the repository (release branches stay as they were)
NO_ALTERNATIVE = "the release notes name no alternative"
# folder on `latest` -> (title, what the release notes name instead)
NOTEBOOKS = {
    "handwritten-ocr": ("Handwritten OCR", "use the `optical-character-recognition` or `paddle-ocr-webcam` notebook, "
                                           "or Open Model Zoo's handwritten text recognition demo"),
    "image-inpainting": ("Image In-painting", "use Open Model Zoo's image inpainting demo"),
    "machine-translation": ("Interactive Machine Translation", "use Open Model Zoo's machine translation demo"),
    "model-tools": ("Open Model Zoo Tools Tutorial", "no alternative: it shows the discontinued Open Model Zoo tools"),
    "vision-superresolution": ("Super Resolution", "use the `vision-paddlegan-superresolution` notebook, or Open Model "
                                                   "Zoo's image processing demo"),
    "vision-image-colorization": ("Image Colorization", NO_ALTERNATIVE),
    "question-answering": ("Interactive Question Answering", "use Open Model Zoo's BERT question answering demos"),
    "vehicle-detection-and-recognition": ("Vehicle Detection And Recognition",
                                          "use Open Model Zoo's security barrier camera demo"),
    "attention-center": ("The attention center model", NO_ALTERNATIVE),
    "decidiffusion-image-generation": ("Image Generation with DeciDiffusion", NO_ALTERNATIVE),
    "deepfloyd-if": ("Image generation with DeepFloyd IF", NO_ALTERNATIVE),
    "depth-estimation-videpth": ("Depth estimation using VI-depth", NO_ALTERNATIVE),
    "dolly-2-instruction-following": ("Instruction following using Databricks Dolly 2.0",
                                      "use the `llm-question-answering` notebook"),
}
# a notebook's folder, with the number `main` gave it (`notebooks/209-handwritten-ocr`)
FOLDER = re.compile(r"(?:^|/)notebooks/(?:\d{3}-)?(" + "|".join(NOTEBOOKS) + r")(?=[/?#]|$)")
UTILS = re.compile(r"^/notebooks/utils/")
LATEST_UTILS = "https://raw.githubusercontent.com/openvinotoolkit/openvino_notebooks/latest/utils/notebook_utils.py"
