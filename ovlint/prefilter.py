"""The cheap test that spares parsing: a file whose bytes match none of the needles of the rules
that could fire on its kind cannot hold a finding."""
from __future__ import annotations

import re
from functools import lru_cache

from ovlint import registry
from ovlint.linter import KIND_SURFACES
from ovlint.versions import at_least


@lru_cache(maxsize=256)
def rules_for(kind: str, codes: frozenset[str], target: str) -> tuple:
    """The enabled rules that can fire on a kind of file when migrating to `target`: a rule
    whose API is not yet deprecated in the target release stays silent."""
    surfaces = KIND_SURFACES.get(kind, ())
    return tuple(r for r in registry.all_rules()
                 if r.code in codes and r.surface in surfaces and at_least(target, r.applies_from or r.deprecated_in))


@lru_cache(maxsize=256)
def pattern_for(kind: str, codes: frozenset[str], target: str) -> re.Pattern | None:
    """One compiled regex for a kind and a set of enabled codes; None when no rule applies."""
    needles = sorted({needle for rule in rules_for(kind, codes, target) for needle in rule.needles})
    if not needles:
        return None
    return re.compile("|".join(_group(n) for n in needles).encode())


def _group(needle: str) -> str:
    """A needle as a group of the combined pattern; a leading `(?i)` applies to that needle only."""
    if needle.startswith("(?i)"):
        return f"(?i:{needle[4:]})"
    return f"(?:{needle})"
