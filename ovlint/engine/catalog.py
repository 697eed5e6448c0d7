"""What a run must know of every rule before it runs any: its code, name, surface, fix group,
releases, needles and documentation anchor, each family's title, and the documentation page the
installed package declares. A run reads it from a copy in the user's cache folder, so that a run
whose files hold no needle imports no rule module (importing the sixty rules and their tables costs
more than a plain file's whole check). The copy is keyed by the content of the installed rule and
engine files: editing, adding or removing a rule makes a new one. Without a usable cache folder,
the catalog is worked out from the rules on each run."""
from __future__ import annotations

import importlib
import json
import os
import zlib
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from typing import Optional

from ovlint.base.files import STATE_LIMIT, ReadError, read_text, user_cache_folder
from ovlint.engine.writer import write_output

FORMAT = 3
KEPT = 8  # copies kept in the cache folder (one per install and version of the rules), newest first


@dataclass(frozen=True)
class Entry:
    """One rule as the engine selects and screens it; `load()` imports the rule itself."""

    code: str
    name: str
    surface: str
    fix_group: Optional[str]
    applies_from: Optional[str]
    deprecated_in: Optional[str]
    needles: tuple[str, ...]
    context_needles: tuple[str, ...]
    imports_only: bool
    module: str
    qualname: str
    anchor: str  # the rule's heading in the documentation

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.qualname)

    @classmethod
    def of(cls, rule) -> "Entry":
        return cls(rule.code, rule.name, rule.surface, rule.fix_group, rule.applies_from, rule.deprecated_in,
                   tuple(rule.needles), tuple(rule.context_needles), rule.imports_only, rule.__module__,
                   rule.__qualname__, rule.anchor())


@dataclass(frozen=True)
class Catalog:
    entries: tuple[Entry, ...]  # sorted by code
    families: dict  # code prefix -> title
    docs_url: Optional[str]  # the Documentation page of the package's metadata (None: not installed)

    @cached_property
    def by_code(self) -> dict:
        return {e.code: e for e in self.entries}


@lru_cache(maxsize=None)
def catalog() -> Catalog:
    folder = user_cache_folder()
    if folder is None:
        return build()
    path = os.path.join(folder, f"catalog-{fingerprint()}.json")
    try:
        stored = json.loads(read_text(path, STATE_LIMIT))
        entries = tuple(Entry(**{k: tuple(v) if isinstance(v, list) else v for k, v in e.items()})
                        for e in stored["entries"])
        # a copy names the modules a run imports: only ovlint's own
        if stored.get("format") == FORMAT and all(e.module.startswith("ovlint.") for e in entries):
            return Catalog(entries, stored["families"], stored["docs_url"])
    except (ReadError, ValueError, KeyError, TypeError, AttributeError):
        pass
    found = build()
    _store(path, found)
    return found


def build() -> Catalog:
    """The catalog, from the rules themselves."""
    from ovlint.engine import registry

    return Catalog(tuple(Entry.of(r) for r in registry.all_rules()), registry.rule_families(), _declared_docs())


def _declared_docs() -> Optional[str]:
    """The Documentation URL of the package's metadata (reading it costs more than a plain file's
    check: it is read here, once per installed version)."""
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


def fingerprint() -> str:
    """A digest of the files the catalog is worked out from (ovlint's own and its rules', through
    linked folders, compiled modules without sources included), by content: file times are not
    to be trusted (reproducible builds fix them), and reading the 1.7 MB takes milliseconds. With
    ovlint's version, for installs whose files cannot be listed."""
    import ovlint
    import ovlint.rules

    names, content = [], 0
    for root in sorted({os.path.dirname(ovlint.__file__), *ovlint.rules.__path__}):
        for folder, subfolders, files in os.walk(root, followlinks=True):
            subfolders[:] = sorted(s for s in subfolders if s != "__pycache__")
            for name in sorted(files):
                path = os.path.join(folder, name)
                try:
                    with open(path, "rb") as handle:
                        content = zlib.crc32(handle.read(), content)
                except OSError:
                    continue
                names.append(os.path.relpath(path, root))
    listing = zlib.crc32("\n".join(names).encode())
    return f"{ovlint.__version__}-{FORMAT}-{len(names)}-{listing:08x}-{content:08x}"


def _store(path: str, found: Catalog) -> None:
    """Writes the copy; a folder that cannot be written is left alone."""
    data = {"format": FORMAT, "entries": [asdict(e) for e in found.entries], "families": found.families,
            "docs_url": found.docs_url}
    try:
        write_output(path, json.dumps(data).encode("utf-8"), [])
        folder = os.path.dirname(path)
        copies = [os.path.join(folder, n) for n in os.listdir(folder)
                  if n.startswith("catalog-") and n.endswith(".json")]
        for old in sorted(copies, key=os.path.getmtime, reverse=True)[KEPT:]:
            os.remove(old)
    except OSError:  # WriteError too
        pass
