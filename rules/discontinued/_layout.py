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
# the 2019-2021 installs' link at their root to `deployment_tools/inference_engine`
# (`/opt/intel/openvino/inference_engine/lib/intel64/libcpu_extension_sse4.so`)
ROOT_LINK = re.compile(r"(?:/opt/intel/openvino[\w.-]*|\$\{?INTEL_(?:OPENVINO|CVSDK)_DIR\}?)/(inference_engine)(?![\w-])"
                       r"(?:/([\w-]+))?(?:/([\w.-]+))?")
# a run of slashes, which a POSIX path reads as one (`$DIR/bin` with `DIR=/opt/openvino/`); not a URL's `://`
REPEATED_SLASHES = re.compile(r"(?<!:)//+")


def single_slashes(text: str) -> str:
    """`text` with each run of slashes made one, as paths read them (a URL's `scheme://` is kept)."""
    return REPEATED_SLASHES.sub("/", text) if "//" in text else text


def legacy_path(text: str) -> Optional[str]:
    """What replaced each 2021 install path in `text` (`LD_LIBRARY_PATH=a:b`), as one message; None
    without one."""
    text = single_slashes(text.replace("\\", "/"))  # a Windows path too
    found = sorted([(m.start(), _replaced(m, "deployment_tools/")) for m in LAYOUT.finditer(text)] +
                   [(m.start(), _replaced(m, "")) for m in ROOT_LINK.finditer(text)])
    return "; ".join(dict.fromkeys(message for _, message in found)) or None


def _replaced(layout, under: str) -> str:
    """What replaced the 2021 install path `layout` matched, as a message; `under`: the folder the
    path names it in (`deployment_tools/`, or nothing for the install's root link to it)."""
    folder, subfolder, rest = layout.groups()
    moved = MOVED.get((folder, subfolder))
    if moved is not None and rest and OLD_LIBRARY.match(rest):
        new = "libopenvino_c" if "c_api" in rest else "libopenvino"
        return (f"`{under}{folder}/{subfolder}/{rest}` is a 2021 path, gone since {LAYOUT_2021.removed}: "
                f"the libraries are in `{moved}`, and `{rest}` is `{new}` there (the nGraph and Inference Engine "
                "libraries became one)")
    if moved is not None:
        tail = f"/{rest}" if rest else ""
        return (f"`{under}{folder}/{subfolder}{tail}` is a 2021 path, gone since {LAYOUT_2021.removed}: "
                f"use `{moved}{tail}`")
    return (f"`{under}{folder}` is a 2021 path, gone since {LAYOUT_2021.removed}: "
            f"{LEGACY_FOLDERS.get(folder, OTHER_FOLDER)}")
