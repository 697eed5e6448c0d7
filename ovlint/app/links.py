"""Where each rule is documented: the `Documentation` page of pyproject.toml's [project.urls]
(read from the installed package's metadata) with the rule's anchor, unless the configuration's
`docs-url` names another page (a mirror, an internal copy)."""
from __future__ import annotations

import functools
from typing import Optional


@functools.lru_cache(maxsize=None)
def declared() -> Optional[str]:
    """The Documentation URL the package declares; None when ovlint runs without being installed."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("ovlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip() == "Documentation":
            return url.strip()
    return None


def page(settings) -> Optional[str]:
    """The rules page for a run with these settings."""
    return settings.docs_url or declared()


def rule_url(rule, base: Optional[str]) -> Optional[str]:
    return f"{base}#{rule.anchor()}" if base else None


def attach(diagnostics, base: Optional[str]) -> None:
    """Give each finding the address of its rule's documentation."""
    from ovlint.engine import registry

    rules = registry.by_code()
    for diag in diagnostics:
        rule = rules.get(diag.code)
        diag.url = rule_url(rule, base) if rule is not None else None
