"""Writes a fixed file atomically: a temporary file in the same folder, then a rename, so the
original is whole until the new content is whole. Mode bits are kept."""
from __future__ import annotations

import os


class WriteError(OSError):
    pass


def write_atomic(path: str, data: bytes, expected: bytes) -> None:
    """Replace `path` with `data`, unless the file no longer holds `expected` (someone else
    changed it while it was being fixed) or is read-only."""
    import tempfile

    if os.path.islink(path):
        # writing through a link could change a file outside the tree being fixed
        raise WriteError(f"{path}: is a symbolic link; not fixed (fix the file it points to)")
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
        if not os.access(real, os.W_OK):
            raise WriteError(f"{path}: file is read-only; not fixed")
        with open(real, "rb") as handle:
            if handle.read() != expected:
                raise WriteError(f"{path}: file changed while it was being fixed; not fixed")
        directory = os.path.dirname(real) or "."
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(real)}.", suffix=".ovlint-tmp")
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{path}: cannot write the fixed file ({exc.strerror or exc}); the original is unchanged") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, real)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise WriteError(f"{path}: cannot write the fixed file ({exc.strerror or exc}); the original is unchanged") from None
