"""Reading a file ovlint did not write: regular files only, never more than a limit, and never
blocking, since a path in a checkout can name a FIFO, a device or a link to `/dev/zero`."""
from __future__ import annotations

import os
import stat
from typing import Optional

MiB = 1 << 20
# the files ovlint reads for itself: configuration, .gitignore, baselines, the cache
CONFIG_LIMIT = 16 * MiB
STATE_LIMIT = 512 * MiB


class ReadError(Exception):
    """Why a file was not read, in words for the user."""


def size_text(size: int) -> str:
    return f"{size / MiB:.4g} MiB" if size >= MiB else f"{size} bytes"


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file (links followed) of at most `limit` bytes; ReadError otherwise."""
    data = _read(path, limit + 1)
    if len(data) > limit:
        raise ReadError(f"larger than {size_text(limit)}")
    return data


def read_head(path: str, size: int) -> bytes:
    """The first `size` bytes of a regular file; ReadError if it is not one."""
    return _read(path, size)


def _read(path: str, size: int) -> bytes:
    try:
        # stat before opening: opening a device can have effects of its own
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ReadError("not a regular file")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the stat
                raise ReadError("not a regular file")
            return handle.read(size)
        except OSError as exc:
            raise ReadError(exc.strerror or str(exc)) from None


def read_text(path: str, limit: int) -> str:
    """`read_regular` decoded as UTF-8."""
    try:
        return read_regular(path, limit).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8 (byte {exc.start})") from None


def user_cache_folder() -> Optional[str]:
    """`$XDG_CACHE_HOME/ovlint`, else `~/.cache/ovlint`: where ovlint keeps what it works out once
    per install (never the results of a project, which stay in the project). None when neither is
    an absolute path (a relative one would put the files in the folder being linted)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):  # no home folder (a container's user without one)
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "ovlint")


def repository_root(path: str) -> str | None:
    """The folder holding `.git` that `path` is in, if any."""
    current = os.path.abspath(path)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
