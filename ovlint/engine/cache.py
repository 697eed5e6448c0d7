"""Results of unchanged files: keyed by path, modification time and size, under a key made of
the ovlint version, its own files and the settings, so a warm run reads no file that did not change;
a result that read other files of its program (`base/depends.py`) is used only while they are as
they were. The cache is JSON (never pickle: a cache file in a checkout must not be able to run code), and an
entry of any other shape is a miss."""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from typing import Optional

from ovlint import __version__
from ovlint.base import depends
from ovlint.base.diagnostics import Diagnostic
from ovlint.base.files import STATE_LIMIT, ReadError, read_regular
from ovlint.engine.writer import WriteError, write_output, within

# of the entries: [key, diagnostics (`Diagnostic.to_cache`), the fixes' edit locations, each list
# once however many diagnostics share it (a group's fix can have thousands), what else the result
# read (`depends.noted`)]; a new format starts a new file
FORMAT = 5


class Cache:
    def __init__(self, folder: str, project: Optional[str]):
        """`project`: the folder the cache must stay in (links that lead out of it are not
        followed); None for a cache folder the user chose."""
        self.folder = folder
        self.project = project
        self.file = os.path.join(folder, f"results-{__version__}-{FORMAT}-{code_fingerprint()}.json")
        self.entries: dict = {}
        self.dirty = False
        self.stamps: dict = {}  # what the files results read are now (`depends.unchanged`)
        if not self._inside():
            return
        try:
            data = json.loads(read_regular(self.file, STATE_LIMIT))
        except (ReadError, ValueError, RecursionError):
            return
        if isinstance(data, dict):
            self.entries = data

    def _inside(self) -> bool:
        return self.project is None or within(os.path.realpath(self.folder), os.path.realpath(self.project))

    @staticmethod
    def key(st: os.stat_result, digest: str) -> list:
        return [st.st_mtime_ns, st.st_size, digest]

    def get(self, path: str, key: list) -> tuple[list[Diagnostic], list] | None:
        """(the diagnostics, what else the result read), or None when there is no such result."""
        entry = self.entries.get(os.path.abspath(path))
        if not (isinstance(entry, list) and len(entry) == 4 and entry[0] == key
                and isinstance(entry[1], list) and isinstance(entry[2], list) and _well_formed_reads(entry[3])):
            return None
        tables, reads = entry[2], entry[3]
        try:
            found = [Diagnostic.from_cache(_with_edits(d, tables)) for d in entry[1]]
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):  # written by something else
            return None
        if not all(_well_formed(d, path) for d in found) or (reads and not depends.unchanged(reads, self.stamps)):
            return None
        return found, reads

    def put(self, path: str, key: list, diagnostics: list[Diagnostic], reads: list) -> None:
        tables: list[list] = []
        numbers: dict[int, int] = {}
        entries = []
        for diag in diagnostics:
            data = diag.to_cache()
            if data["fix"] is not None:
                number = numbers.setdefault(id(diag.edit_locations), len(tables))
                if number == len(tables):
                    tables.append(diag.edit_locations)
                data["fix"] = {**data["fix"], "edits": number}
            entries.append(data)
        self.entries[os.path.abspath(path)] = [key, entries, tables, reads]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or not self._inside():
            return
        projects = [self.project] if self.project is not None else []
        try:
            ignore = os.path.join(self.folder, ".gitignore")
            if not os.path.lexists(ignore):
                write_output(ignore, b"# created by ovlint\n*\n", projects)
            data = json.dumps(self.entries, separators=(",", ":"))  # dumps: the C encoder; ASCII
            write_output(self.file, data.encode("ascii"), projects)
        except WriteError:
            pass  # a cache that cannot be written only costs time


def _well_formed(diag: Diagnostic, path: str) -> bool:
    """Whether a diagnostic read from the cache has the types a fresh one has."""
    numbers = (diag.row, diag.column, diag.end_row, diag.end_column)
    return (diag.path == path and all(isinstance(v, str) for v in (diag.code, diag.message, diag.source_line))
            and all(type(n) is int for n in numbers) and (diag.cell is None or type(diag.cell) is int)
            and isinstance(diag.edit_locations, list) and (diag.url is None or isinstance(diag.url, str)))


def _well_formed_reads(reads) -> bool:
    return isinstance(reads, list) and all(
        isinstance(r, list) and len(r) == 3 and r[0] in ("file", "tree") and isinstance(r[1], str)
        for r in reads)


def _with_edits(data: dict, tables: list) -> dict:
    """A cached diagnostic with its fix's edit locations in place of their number."""
    if data["fix"] is None:
        return data
    number = data["fix"]["edits"]
    if type(number) is not int or not 0 <= number < len(tables) or not isinstance(tables[number], list):
        raise ValueError("not an edit table")
    return {**data, "fix": {**data["fix"], "edits": tables[number]}}


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """What ovlint's own files are (their names, sizes and modification times): results found by
    other code are not reused, even under the same version (an install from a checkout, a rule
    edited in place). A few hundred stats, about a millisecond."""
    from importlib.util import find_spec

    import ovlint

    roots = [os.path.dirname(ovlint.__file__), *(find_spec("ovlint.rules").submodule_search_locations or ())]
    digest = hashlib.blake2b(digest_size=8)
    for root in dict.fromkeys(roots):
        pending = [root]
        while pending:
            with os.scandir(pending.pop()) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            pending.append(entry.path)
                    elif entry.name.endswith((".py", ".toml", ".json")):
                        st = entry.stat()
                        digest.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()
