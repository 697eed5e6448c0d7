"""The deprecation table of `deprecations.toml`, read once: `DEPRECATIONS[key]`."""
from __future__ import annotations

from pathlib import Path

from ovlint.rulekit.deprecation import load

DEPRECATIONS = load(Path(__file__).with_name("deprecations.toml"))
