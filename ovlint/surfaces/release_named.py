"""Releases a file names as what it runs on, besides pip pins: an OpenVINO image it is built from
(`FROM openvino/ubuntu20_dev:2021.4.2`, a CI job's `image:`), a release's own install sourced or
run (`source /opt/intel/openvino_2021/bin/setupvars.sh`), or a system package installed
(`apt-get install intel-openvino-dev-ubuntu20-2021.4.752`). Each is as strong a floor as a pin."""
from __future__ import annotations

import re
from typing import Optional

_RELEASE = r"(20\d\d)(?:\.(\d+))?"
NAMED = re.compile(
    r"(?im)^[ \t]*(?:FROM[ \t]+(?:--\S+[ \t]+)*|-?[ \t]*image:[ \t]*[\"']?)openvino/[\w.-]+:" + _RELEASE
    + r"|/openvino_" + _RELEASE + r"\b"
    + r"|\bintel-openvino-[\w-]*?-" + _RELEASE + r"\b")


def lowest_named(text: str) -> Optional[tuple[str, int]]:
    """The oldest release `text` names (as `YYYY.N`; a year alone is its first release), and where."""
    found = []
    for match in NAMED.finditer(text):
        groups = [g for g in match.groups()]
        for at in range(0, len(groups), 2):
            if groups[at] is not None:
                found.append(((int(groups[at]), int(groups[at + 1] or 1)), match.start()))
    if not found:
        return None
    (year, minor), start = min(found)
    return f"{year}.{minor}", start
