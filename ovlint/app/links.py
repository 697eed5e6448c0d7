"""Where each rule is documented: the `Documentation` page of pyproject.toml's [project.urls]
(read from the installed package's metadata, kept in the rule catalog) with the rule's anchor,
unless the configuration's `docs-url` names another page (a mirror, an internal copy)."""
from __future__ import annotations

from typing import Optional

from ovlint.engine.catalog import catalog


def declared() -> Optional[str]:
    """The Documentation URL the package declares; None when ovlint runs without being installed."""
    return catalog().docs_url


def page(settings) -> Optional[str]:
    """The rules page for a run with these settings."""
    return settings.docs_url or declared()


def rule_url(anchor: str, base: Optional[str]) -> Optional[str]:
    """The address of a rule's documentation, from its heading's anchor."""
    return f"{base}#{anchor}" if base else None


def attach(diagnostics, base: Optional[str]) -> None:
    """Give each finding the address of its rule's documentation."""
    entries = catalog().by_code
    for diag in diagnostics:
        entry = entries.get(diag.code)
        diag.url = rule_url(entry.anchor, base) if entry is not None else None
