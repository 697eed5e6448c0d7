"""Dockerfiles: `RUN`, `CMD` and `ENTRYPOINT` (shell and exec form, continuations, interleaved
comment lines), and `ENV`, read as the command `env KEY=VALUE ...`."""
from __future__ import annotations

import re

from ovlint.surfaces import COMMAND, REQUIREMENT, FileKind, jsonspan, whole
from ovlint.surfaces.shell import Command, Word, split_commands

_DOCKER_SHELL_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT")


def commands(text: str) -> list[Command]:
    commands = []
    instructions = list(_docker_instructions(text))
    shell = _shell_text(text, instructions)
    for start, end in instructions:
        head = _HEAD.match(text, start, end)
        if head and head.group(1).upper() == "ENV":
            # read as the command `env KEY=VALUE ...`: rules that look at every word (paths,
            # URLs) see the values, and no rule takes it for a tool's invocation
            commands.extend(split_commands(shell, head.start(1), end, origin="dockerfile"))
            continue
        if not head or head.group(1).upper() not in _DOCKER_SHELL_INSTRUCTIONS:
            continue
        body = head.end()
        while True:  # RUN --mount=... --network=...
            flag = _FLAG.match(text, body, end)
            if not flag:
                break
            body = flag.end()
        if text.startswith("[", body):
            commands.extend(_exec_form(text, body, end))
            continue
        commands.extend(split_commands(shell, body, end, origin="dockerfile"))
    return commands


_HEAD = re.compile(r"[ \t]*([A-Za-z]+)[ \t]*")
_FLAG = re.compile(r"--\S+[ \t]+")
_COMMENT_LINE = re.compile(r"(?m)^[ \t]*#[^\n]*\n")


def _shell_text(text: str, instructions: list) -> str:
    """The text as the shell sees each instruction, at the same offsets: Docker drops comment lines
    inside a continued instruction before the shell sees it, and `ENV` reads as `env`. Made in one
    pass, so that its cost grows with the file, not with the file times its instructions."""
    pieces, cursor = [], 0
    for start, end in instructions:
        pieces.append(text[cursor:start])
        inner = _COMMENT_LINE.sub(lambda m: " " * len(m.group()), text[start:end])
        head = _HEAD.match(inner)
        if head and head.group(1).upper() == "ENV":
            inner = inner[:head.start(1)] + "env" + inner[head.end(1):]
        pieces.append(inner)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _docker_instructions(text: str):
    """(start, end) of each instruction, continuation lines and interleaved comments included."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\n?", text) if m.group()]

    def line(at: int) -> str:
        return text[lines[at][0]:lines[at][1]]

    i = 0
    while i < len(lines):
        start, end = lines[i]
        first = line(i).strip()
        if not first or first.startswith("#"):
            i += 1
            continue
        while line(i).rstrip("\r\n").endswith("\\") and i + 1 < len(lines):
            i += 1
            end = lines[i][1]
            while line(i).strip().startswith("#") and i + 1 < len(lines):
                i += 1
                end = lines[i][1]
        yield start, end
        i += 1


def _exec_form(text: str, start: int, end: int) -> list[Command]:
    try:
        node = jsonspan.parse(text[start:end].strip())
    except jsonspan.JsonError:
        return []
    if not isinstance(node.value, list) or not all(isinstance(v, str) for v in node.value):
        return []
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    base = start + lead
    words = [Word(item.value, base + item.start + 1, base + item.end - 1, quoted=True,
                  value_start=base + item.start + 1 if "\\" not in text[base + item.start:base + item.end] else None)
             for item in node.items]
    return [Command(words, "json-list", "dockerfile")] if words else []



def _recognise(path, name: str, suffix: str) -> bool:
    return name in ("dockerfile", "containerfile") or name.startswith(("dockerfile.", "containerfile.")) \
        or suffix in (".dockerfile", ".containerfile")


KIND = FileKind(
    name="dockerfile", label="Dockerfile", recognise=_recognise,
    read=lambda text: whole(text, commands=commands(text)), facts=(COMMAND, REQUIREMENT), fence="dockerfile",
)
