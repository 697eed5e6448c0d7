"""The compiled code of the methods `dataclasses` writes, kept between runs as Python keeps
bytecode.

Making a dataclass writes the source of its `__init__`, `__eq__`, `__setattr__`, ... and compiles
each one; for LibCST's two hundred node classes that compilation is half the library's import,
which every run that parses Python pays before its first file (a pre-commit run on one file is
mostly start-up). What a source text compiles to depends only on the interpreter, so the code is
kept in the user's cache folder, one file per bytecode version, and a text compiled once is not
compiled again.

The file holds code that runs, so it is read only from the user's cache folder (never from a
checkout), only when it belongs to the user and others cannot write it; anything in it other than
texts and their code is ignored. It is not written when Python is told not to write bytecode
(`PYTHONDONTWRITEBYTECODE`, `-B`)."""
from __future__ import annotations

import marshal
import os
import sys
from types import CodeType
from typing import Optional

from ovlint.base.files import STATE_LIMIT, ReadError, read_regular, user_cache_folder

# about three installs of LibCST and ovlint; beyond it the file starts over, since every run reads it
MOST_TEXTS = 2_500

_codes: dict[str, CodeType] = {}  # text -> its code, in this process
_path: Optional[str] = None  # the file; None until installed
_kept = 0  # how many of `_codes` the file held when read or last written


def install() -> None:
    """From now on in this process (and the workers it forks), dataclasses reuse the kept code;
    what they compile anew is kept when the process ends, or when a worker calls `keep_new`."""
    global _path, _kept
    import atexit
    import dataclasses

    path = _file()
    if path is None or _path is not None or "exec" in vars(dataclasses):
        return
    _path = path
    _codes.update(_load(path))
    _kept = len(_codes)
    # `dataclasses` calls `exec` by its global name, and a module's global comes before the builtin
    dataclasses.exec = _exec_compiled  # type: ignore[attr-defined]
    atexit.register(keep_new)


def _exec_compiled(source, globals=None, locals=None):
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:
            # what `exec(source)` compiles when called from `dataclasses`, which has no __future__ imports
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    exec(source, globals, locals)


def keep_new() -> None:
    """Write the texts compiled since the file was read, with what other processes wrote to it
    meanwhile (a worker that imported LibCST, the process that started it)."""
    global _kept
    if _path is None or len(_codes) == _kept or sys.dont_write_bytecode:
        return
    merged = {**_load(_path), **_codes}
    _kept = len(_codes)
    from ovlint.engine.writer import write_output

    try:
        write_output(_path, marshal.dumps(merged if len(merged) <= MOST_TEXTS else _codes), [])
        os.chmod(_path, 0o600)
    except OSError:  # WriteError too (a read-only or full disk): the next run compiles again
        pass


def _file() -> Optional[str]:
    folder = user_cache_folder()
    tag = sys.implementation.cache_tag
    if folder is None or tag is None:  # no cache folder, or an interpreter that keeps no bytecode
        return None
    from importlib.util import MAGIC_NUMBER

    return os.path.join(folder, f"dataclass-code-{tag}-{MAGIC_NUMBER.hex()}-O{sys.flags.optimize}.marshal")


def _load(path: str) -> dict[str, CodeType]:
    try:
        if not _trusted(os.stat(path)):
            return {}
        data = marshal.loads(read_regular(path, STATE_LIMIT))
    except (OSError, ReadError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {text: code for text, code in data.items() if isinstance(text, str) and isinstance(code, CodeType)}


def _trusted(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o022)
