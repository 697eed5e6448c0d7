"""Dockerfiles: `RUN`, `CMD` and `ENTRYPOINT` (shell and exec form, continuations, interleaved
comment lines), `ENV`, read as the command `env KEY=VALUE ...`, and `WORKDIR`, read as `cd`. The
values `ENV` and `ARG` give variables resolve their uses in later instructions."""
from __future__ import annotations

import os
import re

from ovlint.base.lazy import pattern
from ovlint.surfaces import RUNS_PYTHON, FileKind, jsonspan, whole
from ovlint.surfaces.shell import SHELLS, Command, Variables, Word, ends_here_document, split_commands, unwrap

_DOCKER_SHELL_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT")


def commands(text: str) -> list[Command]:
    commands = []
    variables = Variables()
    instructions = list(_docker_instructions(text))
    shell = _shell_text(text, instructions)
    for start, end in instructions:
        head = _instruction(text, start, end)
        if head and head.group(1).upper() in ("ENV", "ARG"):
            # read as the command `env KEY=VALUE ...`: rules that look at every word (paths,
            # URLs) see the values, and no rule takes it for a tool's invocation
            env = split_commands(shell, head.start(1), end, origin="dockerfile", variables=variables, wrappers=False)
            _define(env, variables)
            if head.group(1).upper() == "ENV":
                commands.extend(env)
            continue
        if head and head.group(1).upper() == "WORKDIR":
            commands.extend(split_commands(shell, head.start(1), end, origin="dockerfile", variables=variables,
                                           wrappers=False))
            continue
        if not head or head.group(1).upper() not in _DOCKER_SHELL_INSTRUCTIONS:
            continue
        body = _after_flags(text, head.end(), end)
        if text.startswith("[", body):
            commands.extend(_exec_form(text, body, end))
            continue
        heredoc = _HEREDOC.match(text, body, end)
        if heredoc:  # `RUN <<EOT` and the script up to `EOT`: the script is what runs, if a shell runs it
            program = heredoc.group(3).split()
            if program and os.path.basename(program[0]) not in SHELLS:
                continue  # `RUN <<EOT python3`
            script = heredoc.end()
            closing = _heredoc_end(text, script, end, heredoc.group(2), bool(heredoc.group(1)))
            commands.extend(split_commands(shell, script, closing, origin="dockerfile", variables=variables))
            continue
        commands.extend(split_commands(shell, body, end, origin="dockerfile", variables=variables))
    return commands


# BuildKit's here-document (Dockerfile 1.4): `RUN <<EOT`, `RUN <<-"EOT" bash`
_HEREDOC = pattern(r"<<(-?)[\"']?(\w+)[\"']?([^\n]*)\n")


def _heredoc_end(text: str, start: int, end: int, delimiter: str, strip_tabs: bool) -> int:
    """Where the line that ends a here-document starting at `start` begins (or `end`)."""
    for line in re.finditer(r"[^\n]*\n?", text[start:end]):
        if ends_here_document(line.group().rstrip("\r\n"), delimiter, strip_tabs):
            return start + line.start()
    return end


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


_HEAD = pattern(r"[ \t]*([A-Za-z]+)[ \t]*")
# what `ONBUILD RUN ...` runs later and `HEALTHCHECK [--interval=...] CMD ...` runs to probe
_DEFERRING = pattern(r"[ \t]*(?:ONBUILD|HEALTHCHECK(?:[ \t]+--\S+)*)[ \t]+(?=[A-Za-z])", re.I)


def _instruction(text: str, start: int, end: int):
    """The match of the instruction's keyword: for `ONBUILD X` and `HEALTHCHECK ... CMD`, the one they hold."""
    deferring = _DEFERRING.match(text, start, end)
    return _HEAD.match(text, deferring.end() if deferring else start, end)


def _after_flags(text: str, body: int, end: int) -> int:
    """Where an instruction's arguments start, after its flags (`RUN --mount=... --network=...`)."""
    while flag := _FLAG.match(text, body, end):
        body = flag.end()
    return body


# an instruction that opens a here-document (`RUN <<EOT`, `COPY <<EOF /etc/x`): its lines go with it
_HEREDOC_START = pattern(r"^[A-Za-z]+[ \t]+(?:--\S+[ \t]+)*<<(-?)[\"']?(\w+)[\"']?")
_HEREDOC_MARK = pattern(r"<<(-?)[\"']?(\w+)[\"']?")  # each here-document an instruction opens, in order
_FLAG = pattern(r"--\S+[ \t]+")
_COMMENT_LINE = pattern(r"(?m)^[ \t]*#[^\n]*\n")


def _shell_text(text: str, instructions: list) -> str:
    """The text as the shell sees each instruction, at the same offsets: Docker drops comment lines
    inside a continued instruction before the shell sees it, `ENV` and `ARG` read as `env`, `WORKDIR` as
    `cd`. Made in one
    pass, so that its cost grows with the file, not with the file times its instructions."""
    pieces, cursor = [], 0
    for start, end in instructions:
        pieces.append(text[cursor:start])
        inner = _COMMENT_LINE.sub(lambda m: " " * len(m.group()), text[start:end])
        head = _HEAD.match(inner)
        if head and head.group(1).upper() in ("ENV", "ARG"):
            inner = inner[:head.start(1)] + "env" + inner[head.end(1):]
        elif head and head.group(1).upper() == "WORKDIR":  # the folder the instructions after it run in
            inner = inner[:head.start(1)] + "cd     " + inner[head.end(1):]
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
        if _HEREDOC_START.search(first):  # the here-documents' lines, each to its end, are the instruction's
            for heredoc in _HEREDOC_MARK.finditer(first):
                strip_tabs, delimiter = bool(heredoc.group(1)), heredoc.group(2)
                while i + 1 < len(lines):
                    i += 1
                    end = lines[i][1]
                    if ends_here_document(line(i).rstrip("\r\n"), delimiter, strip_tabs):
                        break
            yield start, end
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


def no_comment_spans(text: str) -> list[tuple[int, int]]:
    """The instructions a `#` cannot end: Docker reads a comment only on a line of its own, so
    only the shell of a shell-form `RUN`, `CMD` or `ENTRYPOINT` takes one at the end of a line
    (after `ENV k=v` it is an error, after `ENV k v` part of the value, and after an exec-form
    JSON array it turns the instruction into a shell command)."""
    spans = []
    for start, end in _docker_instructions(text):
        head = _HEAD.match(text, start, end)
        if not head or head.group(1).upper() not in _DOCKER_SHELL_INSTRUCTIONS \
                or text.startswith("[", _after_flags(text, head.end(), end)):
            spans.append((start, end))
    return spans


def _exec_form(text: str, start: int, end: int) -> list[Command]:
    # Docker joins the lines a trailing backslash continues before it reads the JSON array:
    # blanked, every offset kept
    text = text[:start] + _CONTINUATION.sub(lambda m: " " * len(m.group()), text[start:end]) + text[end:]
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


_CONTINUATION = pattern(r"\\[ \t]*\r?\n")


def _recognise(path, name: str, suffix: str) -> bool:
    # `Dockerfile.gpu`, not `Dockerfile.md` (notes about one)
    return name in ("dockerfile", "containerfile") or suffix in (".dockerfile", ".containerfile") or (
        name.startswith(("dockerfile.", "containerfile.")) and suffix not in _DOCUMENTS)


_DOCUMENTS = (".md", ".markdown", ".rst", ".txt", ".html", ".pdf", ".png", ".svg")


KIND = FileKind(
    name="dockerfile", label="Dockerfile", recognise=_recognise,
    read=lambda text: whole(text, commands=commands(text)), **RUNS_PYTHON, fence="dockerfile",
    multiline=no_comment_spans, bytewise=True,
)
