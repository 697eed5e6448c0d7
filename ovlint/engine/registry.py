"""Finds every rule in the `ovlint.rules` package and resolves code selections (from the rules'
catalog, which spares importing them)."""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import TYPE_CHECKING

from ovlint.engine.catalog import catalog

if TYPE_CHECKING:
    from ovlint.rulekit.rule import Rule


def families() -> dict[str, str]:
    """Each rule family's code prefix and title: ovlint's own, then one per package of `rules/`."""
    return catalog().families


def rule_families() -> dict[str, str]:
    """`families()`, from the packages of `rules/`."""
    import ovlint.rules as package

    found = {"OV0": "ovlint itself (files it could not read)"}
    for info in pkgutil.iter_modules(package.__path__):
        if info.ispkg:
            family = importlib.import_module(f"{package.__name__}.{info.name}")
            found[family.PREFIX] = family.TITLE
    return dict(sorted(found.items()))


@lru_cache(maxsize=None)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, engine codes first, sorted by code: one module of a family's package
    per rule; modules whose names start with `_` hold what a family's rules share."""
    import ovlint.rules as package
    from ovlint.engine.own_rules import ENGINE_RULES
    from ovlint.rulekit.rule import Rule

    found: dict[str, type[Rule]] = {r.code: r for r in ENGINE_RULES}
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if info.ispkg or info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Rule) and "code" in vars(value)
                    and value.__module__ == module.__name__):
                other = found.get(value.code)
                if other is not None and other is not value:
                    raise RuntimeError(f"rule code {value.code} is used by {other.__name__} and {value.__name__}")
                found[value.code] = value
    return tuple(sorted(found.values(), key=lambda r: r.code))


@lru_cache(maxsize=None)
def by_code() -> dict[str, type[Rule]]:
    """Every rule by its code (one shared dict: read it, do not change it)."""
    return {r.code: r for r in all_rules()}


def fix_group(rule: type[Rule]) -> tuple[type[Rule], ...]:
    """The rules whose fixes apply only together with `rule`'s (itself alone for most)."""
    if rule.fix_group is None:
        return (rule,)
    return tuple(r for r in all_rules() if r.fix_group == rule.fix_group)


def complete_fix_groups(rules) -> frozenset[str]:
    """The fix groups every rule of which is among `rules` (rules or their catalog entries)."""
    present = {r.code for r in rules}
    groups = {r.fix_group for r in rules if r.fix_group is not None}
    return frozenset(g for g in groups if all(r.code in present for r in catalog().entries if r.fix_group == g))


def find(code_or_name: str) -> type[Rule] | None:
    key = code_or_name.strip()
    for entry in catalog().entries:
        if entry.code == key.upper() or entry.name == key:
            return entry.load()
    return None


class UnknownSelector(ValueError):
    pass


def check_selector(selector: str) -> str:
    """A code or a code prefix (`OV1`, `OV10`, `OV101`, `ALL`); raises UnknownSelector otherwise."""
    import difflib

    sel = selector.strip().upper()
    if sel == "ALL":
        return "OV"
    codes = [r.code for r in catalog().entries]
    if sel in families() or any(code.startswith(sel) for code in codes):
        return sel
    close = difflib.get_close_matches(sel, codes, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise UnknownSelector(f"unknown rule selector {selector!r}{hint}")


def select(select: list[str], ignore: list[str]) -> frozenset[str]:
    """The codes enabled by `select` minus `ignore`; the longer prefix wins, as in ruff."""
    chosen = set()
    for rule in catalog().entries:
        best_sel = max((len(s) for s in select if rule.code.startswith(s)), default=-1)
        best_ign = max((len(s) for s in ignore if rule.code.startswith(s)), default=-1)
        if best_sel >= 0 and best_sel > best_ign:
            chosen.add(rule.code)
    return frozenset(chosen)
