"""Dockerfiles: `RUN`, `CMD` and `ENTRYPOINT` (shell and exec form, continuations, interleaved
comment lines), and `ENV`, read as the command `env KEY=VALUE ...`. The values `ENV` and `ARG`
give variables resolve their uses in later instructions."""
from __future__ import annotations

import re

from ovlint.surfaces import COMMAND, LINK, REQUIREMENT, FileKind, jsonspan, whole
from ovlint.surfaces.shell import Command, Variables, Word, split_commands, unwrap

_DOCKER_SHELL_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT")


def commands(text: str) -> list[Command]:
    commands = []
    variables = Variables()
    for start, end in _docker_instructions(text):
        head = re.match(r"[ \t]*([A-Za-z]+)[ \t]*", text[start:end])
        if head and head.group(1).upper() in ("ENV", "ARG"):
            env = _env_instruction(text, start + head.start(1), end, variables)
            _define(env, variables)
            if head.group(1).upper() == "ENV":
                commands.extend(env)
            continue
        if not head or head.group(1).upper() not in _DOCKER_SHELL_INSTRUCTIONS:
            continue
        body = start + head.end()
        while True:  # RUN --mount=... --network=...
            flag = re.match(r"--\S+[ \t]+", text[body:end])
            if not flag:
                break
            body += flag.end()
        if text.startswith("[", body):
            commands.extend(_exec_form(text, body, end))
            continue
        masked = _mask_docker_comments(text, body, end)
        commands.extend(split_commands(masked, body, end, origin="dockerfile", variables=variables))
    return commands


def _env_instruction(text: str, keyword: int, end: int, variables: Variables) -> list[Command]:
    """`ENV KEY=VALUE ...` read as the command `env KEY=VALUE ...`: rules that look at every word
    (paths, URLs) see the values, and no rule takes it for a tool's invocation."""
    masked = _mask_docker_comments(text, keyword, end)
    masked = masked[:keyword] + "env" + masked[keyword + 3:]
    return split_commands(masked, keyword, end, origin="dockerfile", variables=variables, wrappers=False)


def _define(env: list[Command], variables: Variables) -> None:
    """The variables an `ENV`/`ARG` sets: `KEY=VALUE ...`, or the older `ENV KEY VALUE`."""
    for command in env:
        words = command.words[1:]
        if len(words) >= 2 and "=" not in words[0].value:
            variables.define(words[-1].end, words[0].value, " ".join(w.resolved or w.value for w in words[1:]))
            continue
        for word in words:
            name, eq, value = word.value.partition("=")
            if eq:
                variables.define(word.end, name, (word.resolved or word.value).partition("=")[2])


def _docker_instructions(text: str):
    """(start, end) of each instruction, continuation lines and interleaved comments included."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\n?", text) if m.group()]
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end].strip()
        if not line or line.startswith("#"):
            i += 1
            continue
        while text[start:end].rstrip("\r\n").endswith("\\") and i + 1 < len(lines):
            i += 1
            end = lines[i][1]
            while text[lines[i][0]:lines[i][1]].strip().startswith("#") and i + 1 < len(lines):
                i += 1
                end = lines[i][1]
        yield start, end
        i += 1


def _mask_docker_comments(text: str, start: int, end: int) -> str:
    """Docker drops comment lines inside a continued instruction before the shell sees it."""
    def blank(m):
        return " " * len(m.group())
    inner = re.sub(r"(?m)^[ \t]*#[^\n]*\n", blank, text[start:end])
    return text[:start] + inner + text[end:]


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
    return unwrap(Command(words, "json-list", "dockerfile")) if words else []



def _recognise(path, name: str, suffix: str) -> bool:
    return name in ("dockerfile", "containerfile") or name.startswith(("dockerfile.", "containerfile.")) \
        or suffix in (".dockerfile", ".containerfile")


KIND = FileKind(
    name="dockerfile", label="Dockerfile", recognise=_recognise,
    read=lambda text: whole(text, commands=commands(text)), facts=(COMMAND, REQUIREMENT, LINK), fence="dockerfile",
)
