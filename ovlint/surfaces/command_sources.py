"""Where shell commands live outside shell scripts: Dockerfile instructions, Makefile recipes,
CI YAML steps. Each function returns Commands whose word spans are offsets into the file."""
from __future__ import annotations

import re

from ovlint.surfaces import jsonspan
from ovlint.surfaces.shell import Command, Word, split_commands

_DOCKER_SHELL_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT")
_CI_SCRIPT_KEYS = ("run", "script", "before_script", "after_script", "bash", "sh", "inlineScript")


def from_shell_script(text: str) -> list[Command]:
    return split_commands(text, origin="shell")


def from_dockerfile(text: str) -> list[Command]:
    commands = []
    for start, end in _docker_instructions(text):
        head = re.match(r"[ \t]*([A-Za-z]+)[ \t]*", text[start:end])
        if head and head.group(1).upper() == "ENV":
            commands.extend(_env_instruction(text, start + head.start(1), end))
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
        commands.extend(split_commands(masked, body, end, origin="dockerfile"))
    return commands


def _env_instruction(text: str, keyword: int, end: int) -> list[Command]:
    """`ENV KEY=VALUE ...` read as the command `env KEY=VALUE ...`: rules that look at every word
    (paths, URLs) see the values, and no rule takes it for a tool's invocation."""
    masked = _mask_docker_comments(text, keyword, end)
    masked = masked[:keyword] + "env" + masked[keyword + 3:]
    return split_commands(masked, keyword, end, origin="dockerfile")


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
    return [Command(words, "json-list", "dockerfile")] if words else []


def from_makefile(text: str) -> list[Command]:
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


def from_ci_yaml(text: str) -> list[Command]:
    commands = []
    for start, end in _ci_script_spans(text):
        commands.extend(split_commands(text, start, end, origin="ci-yaml"))
    return commands


_KEY_LINE = re.compile(r"^([ \t]*)(?:-[ \t]+)?([A-Za-z_]+)[ \t]*:(?:[ \t]+(.*))?$")


def _ci_script_spans(text: str):
    """Spans of the shell text of every script step (inline, quoted, block and list values)."""
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    i = 0
    while i < len(lines):
        start, body = lines[i]
        m = _KEY_LINE.match(body)
        i += 1
        if not m or m.group(2) not in _CI_SCRIPT_KEYS:
            continue
        indent = len(m.group(1)) + (body[len(m.group(1)):].startswith("-") and 2)
        value = m.group(3)
        value_start = start + (m.start(3) if value is not None else len(body))
        if value and not value.startswith(("|", ">", "#")):
            yield _scalar_span(value, value_start)
            continue
        if value and value.startswith(("|", ">")):
            block_start, i = _block(lines, i, indent)
            if block_start is not None:
                yield block_start, lines[i - 1][0] + len(lines[i - 1][1])
            continue
        # a list of scripts (GitLab `script:` followed by `- cmd` items)
        while i < len(lines):
            item_start, item = lines[i]
            if not item.strip() or item.strip().startswith("#"):
                i += 1
                continue
            item_indent = len(item) - len(item.lstrip())
            im = re.match(r"^[ \t]*-[ \t]+(.*)$", item)
            if item_indent < indent or not im:
                break
            i += 1
            text_value = im.group(1)
            if text_value.startswith(("|", ">")):
                block_start, i = _block(lines, i, item_indent)
                if block_start is not None:
                    yield block_start, lines[i - 1][0] + len(lines[i - 1][1])
            else:
                yield _scalar_span(text_value, item_start + im.start(1))


def _scalar_span(value: str, start: int) -> tuple[int, int]:
    if value[:1] in "\"'" and value.rstrip()[-1:] == value[:1] and len(value.rstrip()) > 1:
        return start + 1, start + len(value.rstrip()) - 1
    comment = re.search(r"[ \t]#", value)
    return start, start + (comment.start() if comment else len(value.rstrip()))


def _block(lines, i, parent_indent):
    """Consume a block scalar's lines; return (start offset of its first line, next line index)."""
    first = None
    while i < len(lines):
        start, body = lines[i]
        if body.strip() and len(body) - len(body.lstrip()) <= parent_indent:
            break
        if first is None and body.strip():
            first = start
        i += 1
    while i > 0 and not lines[i - 1][1].strip():
        i -= 1
    return first, i


def from_python_string(value: str, start: int, carrier: str = "python-string") -> list[Command]:
    """Commands in a Python string literal whose text starts at `start` (no escapes in it).
    Code spliced into the string (f-string fields, `+` operands) arrives masked as `$___` of the
    same length, so it reads as an expansion and every span still points at the file."""
    def moved(words):
        return [Word(w.value, w.start + start, w.end + start, w.expanded, w.quoted,
                     None if w.value_start is None else w.value_start + start) for w in words]

    return [Command(moved(c.words), carrier, "python", moved(c.assignments)) for c in split_commands(value)]
