"""Every file ovlint writes is written atomically: a temporary file in the same folder, then a
rename, so the old content is whole until the new content is whole, and a symbolic link is
replaced, never written through. Fixed files keep their mode bits, owner and group; a file that is
read-only (for root too), hard-linked, or reached through a link out of the tree is left alone."""
from __future__ import annotations

import errno
import os
import stat
from typing import Optional


class WriteError(OSError):
    pass


def within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def write_atomic(path: str, data: bytes, expected: bytes, root: Optional[str] = None) -> None:
    """Replace the file `path` with `data`, unless it no longer holds `expected` (someone changed
    it while it was being fixed) or cannot be replaced as it is. `root`: the real path of the
    folder the file was found in; a file whose folder is really elsewhere is not written."""
    if os.path.islink(path):
        raise WriteError(f"{path}: is a symbolic link; not fixed (fix the file it points to)")
    folder = os.path.dirname(os.path.abspath(path))
    if root is not None and not within(os.path.realpath(folder), root):
        raise WriteError(f"{path}: reached through a symbolic link that leads out of {root}; not fixed")
    try:
        st = os.lstat(path)
        problem = _cannot_replace(path, st, folder)
        if problem:
            raise WriteError(f"{path}: {problem}; not fixed")
        with open(path, "rb") as handle:
            if handle.read(len(expected) + 1) != expected:
                raise WriteError(f"{path}: file changed while it was being fixed; not fixed")
        _replace(path, folder, data, st, keep_owner=True)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{path}: cannot write the fixed file ({exc.strerror or exc}); the original is unchanged") \
            from None


def _cannot_replace(path: str, st: os.stat_result, folder: str) -> Optional[str]:
    """Why replacing the file would do more than change its content, if it would."""
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_nlink > 1:
        return f"has {st.st_nlink} hard links, which a new file would separate"
    if _read_only(path, st):
        return "file is read-only (give its owner write permission to let --fix change it)"
    if _read_only(folder, os.stat(folder), os.X_OK):
        return "its folder is read-only (give its owner write permission to let --fix change the file)"
    return None


def _read_only(path: str, st: os.stat_result, also: int = 0) -> bool:
    # root passes every access check, but a file or folder without its owner's write bit was
    # marked read-only by someone, and stays so
    return not os.access(path, os.W_OK | also) or not st.st_mode & stat.S_IWUSR


def _replace(path: str, folder: str, data: bytes, like: Optional[os.stat_result], keep_owner: bool) -> None:
    """Write `data` to a temporary file in `folder` and rename it to `path`. The new file gets the
    mode, owner and group of `like` (the file it replaces); with `keep_owner`, a file whose owner
    cannot be kept is not written."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".ovlint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if like is not None and hasattr(os, "fchown"):
                mine = os.fstat(handle.fileno())
                if (mine.st_uid, mine.st_gid) != (like.st_uid, like.st_gid):
                    try:
                        os.fchown(handle.fileno(), like.st_uid, like.st_gid)
                    except PermissionError:
                        if keep_owner:
                            raise WriteError(f"{path}: owned by another user or group, which a new file would "
                                             "not keep; not fixed") from None
        os.chmod(tmp, like.st_mode & 0o7777 if like is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o22)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def write_output(path: str, data: bytes, projects: list[str]) -> None:
    """Write a file named on the command line (a report, a baseline). Inside one of `projects`
    (the trees being linted), whose content a repository controls, a link is replaced and a folder
    that leads out of the project through a link is refused. Outside them the path is the user's
    own and is followed, so `/dev/stdout` and a FIFO are written as streams. Missing folders are
    created. Raises WriteError."""
    target = os.path.abspath(path)
    project = next((p for p in projects if within(target, os.path.abspath(p))), None)
    try:
        if project is None:
            if os.path.exists(target) and (not stat.S_ISREG(os.stat(target).st_mode) or _open_file(target)):
                return _write_stream(target, data)
            target = os.path.realpath(target)
        folder = os.path.dirname(target)
        if project is not None and not within(os.path.realpath(folder), os.path.realpath(project)):
            raise WriteError(f"{path}: its folder leads out of {project} through a symbolic link; not written")
        if os.path.lexists(folder) and not os.path.isdir(folder):
            raise WriteError(f"{path}: cannot write ({os.strerror(errno.ENOTDIR)})")
        os.makedirs(folder, exist_ok=True)
        st = os.lstat(target) if os.path.lexists(target) else None
        if st is not None and stat.S_ISLNK(st.st_mode):
            st = None  # a link in the project is replaced by the file
        elif st is not None and not stat.S_ISREG(st.st_mode):
            raise WriteError(f"{path}: not a regular file; not written")
        elif st is not None and _read_only(target, st):
            raise WriteError(f"{path}: file is read-only; not written")
        _replace(target, folder, data, st, keep_owner=False)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _open_file(path: str) -> bool:
    """Whether `path` names a file a process has open (`/dev/stdout`, `/dev/fd/1`,
    `/proc/self/fd/1`), which may be a regular file the shell redirected to: written into, never
    replaced."""
    link = os.readlink(path) if os.path.islink(path) else ""
    return (link or path).startswith("/proc/") or os.path.realpath(os.path.dirname(path)).startswith("/proc/")


def _write_stream(target: str, data: bytes) -> None:
    # non-blocking open: a FIFO nobody reads fails at once instead of waiting forever
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
