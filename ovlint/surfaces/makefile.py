"""Makefiles: the recipe lines (tab-indented, with continuations), with the values the file gives
its variables (`MO_TF = ...`, `MO := ...`) resolving `$(MO_TF)` in them."""
from __future__ import annotations


from ovlint.base.lazy import pattern
from ovlint.surfaces import RUNS_PYTHON, FileKind, whole
from ovlint.surfaces.shell import Command, Variables, split_commands


_ASSIGNMENT = pattern(r"^(?:export[ \t]+|override[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*(::?=|\?=|\+?=)[ \t]*(.*?)[ \t]*$")


def commands(text: str) -> list[Command]:
    commands = []
    variables = Variables(make=True)
    pos = 0
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        start = pos
        line = lines[i]
        pos += len(line)
        i += 1
        if not line.startswith("\t"):
            assignment = _ASSIGNMENT.match(line.rstrip("\r\n"))
            if assignment:
                value = assignment.group(3)
                variables.define(start, assignment.group(1), variables.expand(value, start) or value,
                                 " " if assignment.group(2) == "+=" else None)
            continue
        end = pos
        while lines[i - 1].rstrip("\r\n").endswith("\\") and i < len(lines):
            pos += len(lines[i])
            end = pos
            i += 1
        body = start + 1
        while body < end and text[body] in "@-+ \t":
            body += 1
        commands.extend(split_commands(text, body, end, origin="makefile", variables=variables))
    return commands


KIND = FileKind(
    name="makefile", label="Makefile",
    recognise=lambda path, name, suffix: name in ("makefile", "gnumakefile") or suffix == ".mk",
    read=lambda text: whole(text, commands=commands(text)), **RUNS_PYTHON, fence="makefile", bytewise=True,
)
