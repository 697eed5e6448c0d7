"""The device plugins OpenVINO removed, and how device strings name them."""
from __future__ import annotations

import re

DEVICE_CALLS = {"compile_model", "load_network", "set_property", "get_property", "set_config", "get_config",
                "get_metric", "query_model", "query_network", "import_model", "import_network", "get_versions"}
REMOVED_DEVICES = {"MYRIAD": "2023.0", "HDDL": "2023.0", "GNA": "2024.0"}
GNA_KEY = re.compile(r"^GNA_[A-Z0-9]")  # a GNA setting (`GNA_DEVICE_MODE`), not the bare prefix
DEVICE = re.compile(r"^(?:(?:HETERO|MULTI|AUTO|BATCH):)?[A-Z0-9_.,:()-]+$")


def removed_devices(text: str) -> list[str]:
    if not DEVICE.match(text):
        return []
    return [d for d in REMOVED_DEVICES if re.search(rf"(?:^|[:,]){d}(?:\.\d+)?(?:\(\d+\))?(?:$|,)", text)]
