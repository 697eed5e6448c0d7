"""OpenVINO releases ovlint knows, and comparisons between them.

Every rule's `deprecated_in` / `removed_in` and every fix's `available_from` name a release of
this table, so one place says which spellings exist in which release.
"""
from __future__ import annotations

from dataclasses import dataclass

KNOWN_RELEASES = (
    "2021.4", "2022.1", "2022.2", "2022.3", "2023.0", "2023.1", "2023.2", "2023.3",
    "2024.0", "2024.1", "2024.2", "2024.3", "2024.4", "2024.5", "2024.6",
    "2025.0", "2025.1", "2025.2", "2025.3", "2025.4",
    "2026.0", "2026.1", "2026.2", "2026.3", "2026.4",
)
NEWEST = KNOWN_RELEASES[-1]


def parse(version: str) -> tuple[int, int]:
    """'2024.6.0' -> (2024, 6); raises ValueError for anything else."""
    parts = version.strip().split(".")
    if len(parts) < 2 or not all(p.isdigit() for p in parts[:2]):
        raise ValueError(f"not an OpenVINO release: {version!r}")
    return int(parts[0]), int(parts[1])


def first_minor(year: int) -> int:
    """The minor number of a year's first release, for a year named alone (`openvino_2024`,
    `openvino=2022`): `.1` up to 2022, `.0` from 2023 on."""
    return 0 if year >= 2023 else 1


def normalize(version: str) -> str:
    """Validate a user-given release and return its 'YYYY.N' form."""
    try:
        year, minor = parse(version)
    except ValueError:
        year = minor = -1
    name = f"{year}.{minor}"
    if name not in KNOWN_RELEASES:
        raise ValueError(
            f"unknown OpenVINO release {version!r}; known releases: {', '.join(KNOWN_RELEASES)}"
        )
    return name


def at_least(version: str, floor: str | None) -> bool:
    return floor is None or parse(version) >= parse(floor)


@dataclass(frozen=True)
class Floor:
    """The oldest release a project's code must keep running on: the lowest its pin allows."""

    release: str  # 'YYYY.N'
    origin: str  # where the pin is written: `requirements.txt:2`

    def __str__(self) -> str:
        return f"{self.release} ({self.origin})"
