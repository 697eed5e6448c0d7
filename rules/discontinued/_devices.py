"""The device plugins OpenVINO removed, and how device strings name them."""
from __future__ import annotations

import re

from ovlint.rules._deprecations import DEPRECATIONS

DEVICE_CALLS = {"compile_model", "load_network", "set_property", "get_property", "set_config", "get_config",
                "get_metric", "query_model", "query_network", "import_model", "import_network", "get_versions"}
REMOVED_DEVICES = {"MYRIAD": DEPRECATIONS["myriad"], "HDDL": DEPRECATIONS["hddl"], "GNA": DEPRECATIONS["gna"]}
GNA_KEY = re.compile(r"^GNA_[A-Z0-9]")  # a GNA setting (`GNA_DEVICE_MODE`), not the bare prefix
DEVICE = re.compile(r"^(?:(?:HETERO|MULTI|AUTO|BATCH):)?[A-Z0-9_.,:()-]+$")


def removed_devices(text: str) -> list[str]:
    if not DEVICE.match(text):
        return []
    return [d for d in REMOVED_DEVICES if re.search(rf"(?:^|[:,]){d}(?:\.\d+)?(?:\(\d+\))?(?:$|,)", text)]


def describe(devices: list[str]) -> str:
    """`MYRIAD (removed in 2023.0), GNA (removed in 2024.0)`."""
    return ", ".join(f"{d} (removed in {REMOVED_DEVICES[d].removed})" for d in devices)
