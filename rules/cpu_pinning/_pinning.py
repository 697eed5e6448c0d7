"""What the OV3xx rules share: how each CPU affinity setting maps onto `ENABLE_CPU_PINNING`."""
from __future__ import annotations

from typing import NamedTuple, Optional

from ovlint.rules._deprecations import DEPRECATIONS

AFFINITY = DEPRECATIONS["affinity"]
BIND_THREAD = DEPRECATIONS["cpu-bind-thread"]


class Pinning(NamedTuple):
    enabled: bool
    exact: bool  # False: the closest setting, something is lost
    lost: str = ""

    @property
    def word(self) -> str:
        """The value as a string every release accepts: before 2026.0 the CPU plugin rejects the
        strings "True" and "False" for ENABLE_CPU_PINNING (it reads YES/NO, or a bool)."""
        return "YES" if self.enabled else "NO"


# AFFINITY values (and the API 1.0 CPU_BIND_THREAD values) -> pinning; after the CPU plugin of
# 2023-2024, which set enableCpuPinning = (affinity == CORE or affinity == HYBRID_AWARE)
VALUES = {
    "CORE": Pinning(True, True), "YES": Pinning(True, True),
    "NONE": Pinning(False, True), "NO": Pinning(False, True),
    "HYBRID_AWARE": Pinning(True, False, "the choice of performance or efficiency cores is automatic now "
                                         "(`ov::hint::scheduling_core_type` sets it)"),
    "NUMA": Pinning(False, False, "threads are no longer bound to NUMA nodes; "
                                  "`NUM_STREAMS: NUMA` keeps streams per NUMA node"),
}
KEYS = {"AFFINITY": AFFINITY, "CPU_BIND_THREAD": BIND_THREAD}  # key -> what it is about
# when a fix of the OV3xx rules is safe (`Rule.safe_when`)
SETS_EXACT = "it sets CORE, YES, NONE or NO, which have an exact equivalent"


def pinning(value: Optional[str]) -> Optional[Pinning]:
    return VALUES.get(value.upper()) if isinstance(value, str) else None


def message(key: str, value: Optional[str], found: Optional[Pinning]) -> str:
    """`value`: the setting's value as written; None when the program computes it."""
    text = (f"`{key}` was removed (AFFINITY in {AFFINITY.removed}, CPU_BIND_THREAD with API 1.0 in "
            f"{BIND_THREAD.removed}): use `ENABLE_CPU_PINNING`")
    if value is None:
        return text + (" (the value is not written here, so the key is not renamed: the new key takes a bool, True "
                       "where `YES` or `CORE` pinned threads, False for `NO` or `NONE`)")
    if found is None:
        return text + f" (`{value}` has no counterpart)"
    text += f" = {found.enabled}"
    return text + ("" if found.exact else f"; not exact for `{value}`: {found.lost}")
