"""The 2021 install layout (`deployment_tools/`) and where its folders went in 2022.1, for the
rules that find its paths in commands (OV508) and in CMake files (OV511)."""
from __future__ import annotations

import re
from typing import Optional

from ovlint.rules._deprecations import DEPRECATIONS

LAYOUT_2021 = DEPRECATIONS["install-layout-2021"]

RUNTIME = ("headers are in `runtime/include`, libraries in `runtime/lib/intel64`, and the CMake package in "
           "`runtime/cmake` (`find_package(OpenVINO)`)")
MODEL_OPTIMIZER = "the Model Optimizer is `ovc`, installed with `pip install openvino`"
LEGACY_FOLDERS = {
    "inference_engine": RUNTIME,
    "ngraph": RUNTIME,
    "model_optimizer": MODEL_OPTIMIZER,
    "model-optimizer": MODEL_OPTIMIZER,
    "tools": "the Open Model Zoo downloader and converter are discontinued (download from the OpenVINO pages on "
             "Hugging Face), and `benchmark_app` comes with `pip install openvino`",
}
OTHER_FOLDER = "the archive has `runtime/`, `python/`, `tools/` and `setupvars.sh` at its root"
# deployment_tools/<folder>/<subfolder> -> where it is since 2022.1 (the rest of the path stays)
MOVED = {("inference_engine", "include"): "runtime/include", ("ngraph", "include"): "runtime/include",
         ("inference_engine", "lib"): "runtime/lib", ("ngraph", "lib"): "runtime/lib/intel64",
         ("inference_engine", "share"): "runtime/cmake", ("ngraph", "cmake"): "runtime/cmake"}
# the 2021 libraries, which 2022.1 merged into `libopenvino` (`libopenvino_c` for the C API)
OLD_LIBRARY = re.compile(r"lib(?:ngraph|inference_engine|inference_engine_c_api)(?!\w)")
# `deployment_tools/` under what looks like an OpenVINO install (not a build's own staging folder)
LAYOUT = re.compile(r"(?i:openvino|intel|cvsdk|install_dir)[^\s]*?/deployment_tools/([\w-]+)(?:/([\w-]+))?(?:/([\w.-]+))?")
# a run of slashes, which a POSIX path reads as one (`$DIR/bin` with `DIR=/opt/openvino/`); not a URL's `://`
REPEATED_SLASHES = re.compile(r"(?<!:)//+")


def single_slashes(text: str) -> str:
    """`text` with each run of slashes made one, as paths read them (a URL's `scheme://` is kept)."""
    return REPEATED_SLASHES.sub("/", text) if "//" in text else text


def legacy_path(text: str) -> Optional[str]:
    """What replaced each 2021 install path in `text` (`LD_LIBRARY_PATH=a:b`), as one message; None
    without one."""
    found = [_replaced(layout) for layout in LAYOUT.finditer(single_slashes(text.replace("\\", "/")))]  # a Windows path too
    return "; ".join(dict.fromkeys(found)) or None


def _replaced(layout) -> str:
    """What replaced the 2021 install path `layout` matched, as a message."""
    folder, subfolder, rest = layout.groups()
    moved = MOVED.get((folder, subfolder))
    if moved is not None and rest and OLD_LIBRARY.match(rest):
        new = "libopenvino_c" if "c_api" in rest else "libopenvino"
        return (f"`deployment_tools/{folder}/{subfolder}/{rest}` is a 2021 path, gone since {LAYOUT_2021.removed}: "
                f"the libraries are in `{moved}`, and `{rest}` is `{new}` there (the nGraph and Inference Engine "
                "libraries became one)")
    if moved is not None:
        tail = f"/{rest}" if rest else ""
        return (f"`deployment_tools/{folder}/{subfolder}{tail}` is a 2021 path, gone since {LAYOUT_2021.removed}: "
                f"use `{moved}{tail}`")
    return (f"`deployment_tools/{folder}` is a 2021 path, gone since {LAYOUT_2021.removed}: "
            f"{LEGACY_FOLDERS.get(folder, OTHER_FOLDER)}")
