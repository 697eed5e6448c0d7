"""Which files to lint, and what kind of file each one is."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from ovlint.base.files import ReadError, read_head
from ovlint.engine import gitignore
from ovlint.surfaces import FileKind, head_size, kind_from_head, kind_of, sniffs


def kind_of_file(path: str, executable: bool, named: bool = False) -> FileKind | None:
    """The kind of a file, by its name or, for a name no kind claims, by its first bytes; a file
    `named` on the command line is read whatever its name."""
    kind = kind_of(path)
    name = os.path.basename(path)
    if kind is None and (named or sniffs(name)):
        try:
            head = read_head(path, head_size(None if named else name))
        except ReadError:
            return None
        kind = kind_from_head(None if named else name, head, executable)
    return kind


@dataclass(frozen=True)
class Target:
    path: str
    kind: FileKind | None  # None: named on the command line but of no known kind
    # the real path of the folder named on the command line that it was found in (fixes are
    # written inside it only); None for a file named itself
    root: str | None = None


def discover(paths: list[str], resolver, problems: list[tuple[str, str]]) -> list[Target]:
    """Files under `paths`, honouring excludes and .gitignore; explicitly named files always.
    A named path that cannot be linted goes to `problems`, with the reason."""
    found: dict[str, Target] = {}
    for raw in paths:
        if not os.path.lexists(raw):
            problems.append((raw, "no such file or directory"))
        elif os.path.isdir(raw):
            settings = resolver.for_directory(raw)
            ignores = gitignore.ancestors_ignore_files(raw) if settings.respect_gitignore else []
            _walk(os.path.normpath(raw), os.path.realpath(raw), resolver, ignores, found)
        elif not os.path.isfile(raw):  # a FIFO or a device: reading it could block or never end
            problems.append((raw, "not a regular file"))
        else:
            path = os.path.normpath(raw)
            found.setdefault(path, Target(path, kind_of_file(path, executable=True, named=True)))
    return sorted(found.values(), key=lambda t: t.path)


def _walk(folder: str, root: str, resolver, ignores: list, found: dict) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    settings = resolver.for_directory(folder)
    if settings.respect_gitignore:
        local = gitignore.load(os.path.join(folder, ".gitignore"))
        if local is not None and all(f.base != local.base for f in ignores):
            ignores = ignores + [local]
    for entry in entries:
        path = entry.path
        try:
            # a link to a folder is not followed: what it leads to is not part of this tree
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError:
            continue
        kind = kind_of(path) if is_file and not is_dir else None
        if is_file and not is_dir and kind is None and not sniffs(entry.name):
            continue  # not a kind of file ovlint reads: no need to ask whether it is excluded
        if settings.is_excluded(path) or (ignores and gitignore.is_ignored(path, is_dir, ignores)):
            continue
        if is_dir:
            if os.path.exists(os.path.join(path, "pyvenv.cfg")):
                continue  # a virtual environment under any name
            _walk(path, root, resolver, ignores, found)
        elif is_file:
            if kind is None:
                try:
                    executable = bool(entry.stat().st_mode & stat.S_IXUSR)
                except OSError:
                    executable = False
                kind = kind_of_file(path, executable)
            if kind is not None:
                path = os.path.normpath(path)
                found.setdefault(path, Target(path, kind, root))
