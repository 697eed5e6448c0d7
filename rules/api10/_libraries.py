"""The libraries of the 2021 layout, which one `openvino` library (and `openvino_c` for the C API)
replaced in 2022.1, for the rules that find them in CMake (OV115) and in link commands (OV116)."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from ovlint.rules._deprecations import DEPRECATIONS

LIBRARIES_2021 = DEPRECATIONS["legacy-libraries"]


class Successor(NamedTuple):
    target: str  # the CMake target
    flag: str  # the linker flag
    note: str = ""


RUNTIME = Successor("openvino::runtime", "-lopenvino")
LIBRARIES = {
    "inference_engine": RUNTIME,
    "inference_engine_legacy": RUNTIME,
    "inference_engine_transformations": RUNTIME,
    "inference_engine_lp_transformations": RUNTIME,
    "ngraph": RUNTIME,
    "inference_engine_c_api": Successor("openvino::runtime::c", "-lopenvino_c"),
    "inference_engine_preproc": Successor("openvino::runtime", "-lopenvino",
                                          "; preprocessing is `ov::preprocess::PrePostProcessor` there"),
}
# the device plugins of the 2021 layout, which a build linked now and then: the runtime loads its
# plugins itself, and 2022.1 renamed them (`openvino_intel_cpu_plugin`); device -> plugin library
PLUGINS = {"MKLDNNPlugin": "CPU", "clDNNPlugin": "GPU", "myriadPlugin": "MYRIAD", "HDDLPlugin": "HDDL",
           "GNAPlugin": "GNA", "HeteroPlugin": "HETERO", "MultiDevicePlugin": "MULTI"}
LIBRARIES.update({plugin: RUNTIME for plugin in PLUGINS})
# a library file of one of them: libinference_engine.so.2021.4, ngraph.dll, inference_engine.lib
LIBRARY_FILE = re.compile(r"(?:^|[/\\])(?:lib)?(" + "|".join(LIBRARIES) + r")\.(?:so(?:\.[\d.]+)?|dylib|dll|lib)$")


def library_file(path: str) -> Optional[str]:
    """The 2021 library a file path names, else None."""
    match = LIBRARY_FILE.search(path)
    return match.group(1) if match else None


def message(spelling: str, library: str, cmake: bool) -> str:
    if library in PLUGINS:
        device = PLUGINS[library]
        removed = DEPRECATIONS[device.lower()].removed if device in ("MYRIAD", "HDDL", "GNA") else None
        return (f"`{spelling}` is the {device} plugin of the 2021 layout, gone since {LIBRARIES_2021.removed}: the runtime "
                f"loads its plugins itself, so link only " + ("`openvino::runtime`" if cmake else "`-lopenvino`")
                + (f" (the {device} device itself was removed in {removed})" if removed else ""))
    successor = LIBRARIES[library]
    instead = (f"link `{successor.target}` (after `find_package(OpenVINO REQUIRED COMPONENTS Runtime)`)" if cmake
               else f"link `{successor.flag}`, with headers from `<install>/runtime/include` and libraries from "
                    "`<install>/runtime/lib/intel64`")
    return (f"`{spelling}` is a library of the 2021 layout, gone since {LIBRARIES_2021.removed} (one `openvino` "
            f"library replaced `inference_engine`, `ngraph` and the transformations libraries): {instead}"
            f"{successor.note}")
