"""Shell scripts: `*.sh` and friends, and extension-less scripts whose shebang names a shell."""
from __future__ import annotations

import re

from ovlint.surfaces import RUNS_PYTHON, FileKind, Sniff, whole
from ovlint.surfaces.shell import split_commands

KIND = FileKind(
    name="shell", label="shell",
    recognise=lambda path, name, suffix: suffix in (".sh", ".bash", ".ksh", ".zsh"),
    read=lambda text: whole(text, commands=split_commands(text, origin="shell")),
    **RUNS_PYTHON, bytewise=True,
    sniff=Sniff(names=lambda name: "." not in name, head=re.compile(rb"^#![^\n]*\b(ba|da|k|z)?sh\b").match), fence="shell",
)
