"""A worker started before the command line is read, when the arguments name Python files or
notebooks that use OpenVINO (what a pre-commit hook passes): it imports LibCST while this process
imports the command line, reads the configuration and screens the files, which is most of a run
on one such file. It is a guess made before any option is understood, so it only saves time: the
pool takes the worker if a file needs linting, and it ends with the run otherwise."""
from __future__ import annotations

import os

SERVES = "ovlint.engine.runner:_process_item"  # what the runner's pool runs
OTHER_COMMANDS = ("rules", "rule", "report")
SUFFIXES = (".py", ".pyi", ".ipynb")
LOOKED_AT = 64  # files read for the guess at most
HEAD = 1 << 20  # bytes of each


def start_if_useful(arguments: list[str]) -> None:
    if _cores() > 1 and any(_uses_openvino(path) for path in _named_files(arguments)[:LOOKED_AT]):
        from ovlint.engine.pool import start_spare

        start_spare(SERVES, _prepare)


def _prepare() -> None:
    from ovlint.engine import dataclass_code

    dataclass_code.install()
    import libcst.metadata  # noqa: F401

    from ovlint.engine import fixer  # noqa: F401


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _named_files(arguments: list[str]) -> list[str]:
    """The arguments of `ovlint [check] ...` that name Python files or notebooks."""
    if arguments[:1] == ["check"]:
        arguments = arguments[1:]
    elif arguments[:1] and arguments[0] in OTHER_COMMANDS:
        return []
    return [a for a in arguments if not a.startswith("-") and a.endswith(SUFFIXES) and os.path.isfile(a)]


def _uses_openvino(path: str) -> bool:
    from ovlint.base.files import ReadError, read_head

    try:
        head = read_head(path, HEAD)
    except ReadError:
        return False
    return b"openvino" in head or b"ngraph" in head
