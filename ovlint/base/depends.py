"""What a file's findings read besides the file: the other modules of its program. A module's
API 1.0 fix waits while a module importing it still reads its objects as API 1.0, so its result
changes when that module does. Rules read other files through this module, which notes each one
for the unit being linted (`recording`); the cache uses a result again only while what it read is
unchanged (`unchanged`), and a run that fixed files lints again the files whose results read them
(`touched`), showing them as the run left them (`overlay`: `--diff` writes nothing).

A note is (kind, path, stamp): `file` a file's content (its size and modification time, None when
there was none), `tree` every module under a folder (`program_tree`: who imports what, and which
modules there are, for a module probed for beside the one linted). Folders' own times are no
stamps: a folder above a project (`/tmp`, a home folder) changes all the time."""
from __future__ import annotations

import contextlib
import hashlib
import os
from typing import Iterator, Optional

from ovlint.base.files import ReadError, read_head

_notes: Optional[dict] = None  # (kind, path) -> stamp, while a unit is linted
_overlay: dict = {}  # absolute path -> bytes: what this run's fixes made of a file it did not write
_generation = 0  # a number for what `_overlay` holds (0: nothing)

# a program's folders that are none of its own modules
SKIPPED_FOLDERS = frozenset({"site-packages", "node_modules", "__pycache__", "venv", ".venv", "build", "dist"})
MAX_MODULES = 2000  # modules of a program read at most (its tree)


@contextlib.contextmanager
def recording(overlay: Optional[dict] = None) -> Iterator[dict]:
    """Notes what the unit linted inside reads (a dict the caller keeps: `noted()` turns it into a
    list), with `overlay` (absolute path -> bytes) standing for those files."""
    global _notes, _overlay, _generation
    outer = _notes, _overlay, _generation
    _notes, _overlay = {}, dict(overlay or {})
    _generation = hash(frozenset((path, hash(data)) for path, data in _overlay.items())) if _overlay else 0
    try:
        yield _notes
    finally:
        _notes, _overlay, _generation = outer


def noted(notes: dict) -> list:
    """The notes of a unit as a JSON-ready list, in a stable order."""
    return [[kind, path, stamp] for (kind, path), stamp in sorted(notes.items())]


def read(path: str, limit: int) -> bytes:
    """The first `limit` bytes of another file of the program; ReadError when it cannot be read."""
    note_file(path)
    return content(path, limit)


def content(path: str, limit: int) -> bytes:
    """`read` without a note: a module read with the whole tree (`note_tree`)."""
    path = os.path.abspath(path)
    if path in _overlay:
        return _overlay[path][:limit]
    return read_head(path, limit)


def generation() -> int:
    """A number for what the overlay holds (0: nothing), to key what is kept from one unit to the next."""
    return _generation


def is_file(path: str) -> bool:
    """Whether `path` is a file (a module probed for beside the one linted: the tree noted covers it)."""
    return os.path.abspath(path) in _overlay or os.path.isfile(path)


def exists(path: str) -> bool:
    return os.path.abspath(path) in _overlay or os.path.exists(path)


def note_file(path: str) -> None:
    """That the unit's result depends on what the file at `path` holds, read before (a module of
    the program consulted through its tree)."""
    path = os.path.abspath(path)
    if _notes is not None and ("file", path) not in _notes:
        _notes[("file", path)] = None if path in _overlay else _stamp(path)


def note_tree(root: str, stamp: str) -> None:
    """That the unit's result depends on every module under `root` (`program_tree`), which it
    read as `stamp` (`tree_stamp`)."""
    if _notes is not None:
        _notes.setdefault(("tree", os.path.abspath(root)), stamp)


def program_tree(root: str) -> list[str]:
    """The program's modules (Python files, notebooks) under `root`, at most `MAX_MODULES`, in the
    order a walk finds them; hidden folders, installed packages and build output left out."""
    found: list[str] = []
    for here, folders, names in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS]
        for name in names:
            if name.endswith((".py", ".ipynb")):
                if len(found) == MAX_MODULES:
                    return found
                found.append(os.path.join(here, name))
    return found


def tree_stamp(root: str, paths: list[str]) -> str:
    """What the modules `paths` under `root` are: their names, sizes and modification times."""
    digest = hashlib.blake2b(digest_size=12)
    for path in paths:
        digest.update(f"{os.path.relpath(path, root)}\0{_stamp(path)}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def unchanged(notes: list, memo: dict) -> bool:
    """Whether everything a cached result read is as it was; `memo` keeps the answers of one run."""
    for kind, path, stamp in notes:
        key = (kind, path)
        if key not in memo:
            memo[key] = tree_stamp(path, program_tree(path)) if kind == "tree" else _stamp(path)
        if memo[key] != stamp:
            return False
    return True


def touched(notes: list, changed: set) -> bool:
    """Whether a result read one of the files `changed` (absolute paths) by the run's fixes: fixes
    change what files hold, never which files there are, so only what it read of them counts."""
    return any(kind == "file" and path in changed for kind, path, _ in notes)


def _stamp(path: str):
    """A file's [size, modification time]; None when there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return [st.st_size, st.st_mtime_ns]

