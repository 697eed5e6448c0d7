"""The cheap test that spares parsing: a file that contains none of the needles of the rules that
could fire on it cannot hold a finding.

Needles are plain substrings (a leading `(?i)` makes one case-insensitive), because substring
search runs at memory speed where a regular expression of many alternatives does not. Python files
carry shell commands only in `subprocess`/`os.system` calls and requirements only in `setup.py` or
such commands, so the needles of command and requirement rules count there only when the file
has one of those carriers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ovlint.base.versions import at_least
from ovlint.engine import registry
from ovlint.surfaces import named


@lru_cache(maxsize=256)
def rules_for(kind: str, codes: frozenset[str], target: str) -> tuple:
    """The enabled rules that can fire on a kind of file (by name) when migrating to `target`: a
    rule whose API is not yet deprecated in the target release stays silent."""
    facts = named(kind).facts
    return tuple(r for r in registry.all_rules()
                 if r.code in codes and r.surface in facts and at_least(target, r.applies_from or r.deprecated_in))


@dataclass(frozen=True)
class Needles:
    own: tuple[bytes, ...]  # found anywhere in the file
    carried: tuple[bytes, ...]  # count only next to a carrier
    insensitive: tuple[bytes, ...]  # lowercase needles, searched in the lowercased file
    carried_insensitive: tuple[bytes, ...]
    carriers: tuple[bytes, ...] = ()
    carrier_files: tuple[str, ...] = ()

    def admit(self, data: bytes, filename: str = "") -> bool:
        if any(n in data for n in self.own):
            return True
        lowered = None
        if self.insensitive:
            lowered = data.lower()
            if any(n in lowered for n in self.insensitive):
                return True
        if not (self.carried or self.carried_insensitive):
            return False
        if filename not in self.carrier_files and not any(c in data for c in self.carriers):
            return False
        if any(n in data for n in self.carried):
            return True
        lowered = data.lower() if lowered is None else lowered
        return any(n in lowered for n in self.carried_insensitive)


@lru_cache(maxsize=256)
def needles_for(kind: str, codes: frozenset[str], target: str) -> Needles | None:
    """The needles for a kind and a set of enabled codes; None when no rule applies."""
    rules = rules_for(kind, codes, target)
    if not rules:
        return None
    file_kind = named(kind)
    own, carried = set(), set()
    for rule in rules:
        (carried if rule.surface in file_kind.carried else own).update(rule.needles)

    def split(needles):
        plain = _minimal(n.encode() for n in needles if not n.startswith("(?i)"))
        folded = _minimal(n[4:].lower().encode() for n in needles if n.startswith("(?i)"))
        return plain, folded

    own_plain, own_folded = split(own)
    carried_plain, carried_folded = split(carried)
    return Needles(own_plain, carried_plain, own_folded, carried_folded, file_kind.carriers, file_kind.carrier_files)


def _minimal(needles) -> tuple[bytes, ...]:
    """The needles without those that contain another one (finding the shorter one is enough)."""
    unique = sorted(set(needles), key=len)
    kept: list[bytes] = []
    for needle in unique:
        if not any(shorter in needle for shorter in kept):
            kept.append(needle)
    return tuple(kept)
