"""Results of unchanged files: keyed by path, modification time and size, under a key made of
the ovlint version and the settings, so a warm run reads no file that did not change.
The cache is JSON (never pickle: a cache file in a checkout must not be able to run code)."""
from __future__ import annotations

import json
import os

from ovlint import __version__
from ovlint.base.diagnostics import Diagnostic


FORMAT = 3  # of the entries (`Diagnostic.to_cache`); a new format starts a new file


class Cache:
    def __init__(self, folder: str):
        self.folder = folder
        self.file = os.path.join(folder, f"results-{__version__}-{FORMAT}.json")
        self.entries: dict = {}
        self.dirty = False
        try:
            with open(self.file, encoding="utf-8") as handle:
                data = json.load(handle)
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError):
            pass

    @staticmethod
    def key(st: os.stat_result, digest: str) -> list:
        return [st.st_mtime_ns, st.st_size, digest]

    def get(self, path: str, key: list) -> list[Diagnostic] | None:
        entry = self.entries.get(os.path.abspath(path))
        if entry is None or entry[0] != key:
            return None
        return [Diagnostic.from_cache(d) for d in entry[1]]

    def put(self, path: str, key: list, diagnostics: list[Diagnostic]) -> None:
        self.entries[os.path.abspath(path)] = [key, [d.to_cache() for d in diagnostics]]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        import tempfile

        try:
            os.makedirs(self.folder, exist_ok=True)
            ignore = os.path.join(self.folder, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write("# created by ovlint\n*\n")
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(self.entries, separators=(",", ":")))  # dumps: the C encoder
            os.replace(tmp, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time
