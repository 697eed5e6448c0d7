"""Makefiles: the recipe lines (tab-indented, with continuations)."""
from __future__ import annotations

from ovlint.surfaces import COMMAND, REQUIREMENT, FileKind, whole
from ovlint.surfaces.shell import Command, split_commands


def commands(text: str) -> list[Command]:
    commands = []
    pos = 0
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        start = pos
        line = lines[i]
        pos += len(line)
        i += 1
        if not line.startswith("\t"):
            continue
        end = pos
        while lines[i - 1].rstrip("\r\n").endswith("\\") and i < len(lines):
            pos += len(lines[i])
            end = pos
            i += 1
        body = start + 1
        while body < end and text[body] in "@-+ \t":
            body += 1
        commands.extend(split_commands(text, body, end, origin="makefile"))
    return commands



KIND = FileKind(
    name="makefile", label="Makefile",
    recognise=lambda path, name, suffix: name in ("makefile", "gnumakefile") or suffix == ".mk",
    read=lambda text: whole(text, commands=commands(text)), facts=(COMMAND, REQUIREMENT), fence="makefile",
)
