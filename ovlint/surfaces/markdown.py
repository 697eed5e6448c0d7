"""Documentation: the code blocks of Markdown (fenced) and reStructuredText (`.. code-block::`)
files, each linted as its language: `python`, `ipython`, `sh`/`bash`/`shell`, `console` (the lines
after a `$ ` prompt; also a block without a language, or a shell one, that starts with one) and
`dockerfile`. Prose is read only for the links it holds; blocks inside
quotes, changelogs (whose blocks quote history), Python blocks that do not compile (elided or
doctest examples) and blocks of other languages are not read as code. Fixes edit a block's text
only; positions are the file's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ovlint.base.lazy import pattern
from ovlint.base.text import LineIndex
from ovlint.surfaces import COMMAND, LINK, PYTHON, REQUIREMENT, Document, FileKind, Unit
from ovlint.surfaces.link import links_in
from ovlint.surfaces.python import compiles
from ovlint.surfaces.shell import split_commands

_FENCE = pattern(r"^([ \t]*)(`{3,}|~{3,})[ \t]*\{?\.?([\w+.-]*)[^\n]*$", re.M)
_DIRECTIVE = pattern(r"^([ \t]*)\.\. (?:code-block|code|sourcecode)::[ \t]*([\w+.-]+)[ \t]*\r?$", re.M)
_PROMPT = pattern(r"^([ \t]*\$[ \t])")
_CONTINUED = pattern(r"^([ \t]*>[ \t])")
PYTHON_FENCES = {"python", "py", "python3", "ipython", "ipython3"}
SHELL_FENCES = {"sh", "bash", "shell", "zsh", "console", "shell-session", "dockerfile", "docker"}
_HISTORY = pattern(r"^(changelog|changes|history|news|release[-_ ]?notes)", re.I)
# comments: HTML ones in Markdown, and reST's `.. text` that is no directive, target or substitution
# (with the lines indented under it)
_COMMENTS = (pattern(r"<!--.*?-->", re.S),
             pattern(r"(?m)^([ \t]*)\.\.[ \t]+(?![_\[|])(?![^\n]*::)[^\n]*(?:\n(?:\1[ \t]+[^\n]*|[ \t]*(?=\n)))*"))
PROSE = "prose"  # the key of the unit that holds the links outside code blocks


@dataclass
class Block:
    language: str
    start: int  # offset of the block's first line in the file
    end: int  # offset past its last line
    indent: str  # what each of its lines starts with in the file


def blocks(text: str, rest: bool) -> list[Block]:
    """The code blocks of a Markdown (or, with `rest`, reStructuredText) text."""
    found = []
    if rest:
        for match in _DIRECTIVE.finditer(text):
            found.extend(_directive_block(text, match))
        return found
    position = 0
    while True:
        match = _FENCE.search(text, position)
        if match is None:
            return found
        indent, fence, language = match.group(1), match.group(2), match.group(3).lower()
        start = match.end() + 1
        # `$` is only before "\n": a file with Windows line ends has "\r" there too
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*\r?$", re.M).search(text, start)
        end = closing.start() if closing else len(text)
        if start <= end:
            found.append(Block(language, start, end, indent))
        position = closing.end() if closing else len(text)


def _directive_block(text: str, match) -> list[Block]:
    own = len(match.group(1).expandtabs())
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\n?", text[match.end() + 1:]) if m.group()]
    start = end = None
    indent = None
    for offset, line in lines:
        offset += match.end() + 1
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        width = len(body) - len(body.lstrip())
        if width <= own:
            break
        if start is None and body.lstrip().startswith(":") and indent is None:
            continue  # the directive's options
        if start is None:
            start, indent = offset, body[:width]
        end = offset + len(line)
    if start is None or not all(not line.strip() or line.startswith(indent)
                                for line in text[start:end].splitlines()):
        return []
    return [Block(match.group(2).lower(), start, end, indent)]


def _dedent(text: str, indent: str) -> str:
    return "".join(line[len(indent):] if line.startswith(indent) else line.lstrip(" \t")
                   for line in text.splitlines(keepends=True)) if indent else text


def _indent(text: str, indent: str) -> str:
    return "".join(indent + line if line.strip() else line for line in text.splitlines(keepends=True)) \
        if indent else text


def _unit(key: int, language: str, code: str):
    if language in PYTHON_FENCES:
        if language.startswith("ipython"):
            from ovlint.surfaces.notebook import _cell, _commands

            cell = _cell(key, code, None)
            if cell.python is None or not compiles(cell.python):
                return None
            return Unit(code, key=key, python=cell.python, commands=_commands(cell, code, 0))
        return Unit(code, key=key, python=code) if ">>>" not in code and compiles(code) else None
    if language in ("dockerfile", "docker"):
        from ovlint.surfaces.dockerfile import commands

        return Unit(code, key=key, commands=commands(code))
    if language in SHELL_FENCES:
        lines = code.splitlines(keepends=True)
        prompted = [_PROMPT.match(line) for line in lines]
        first = next((m for line, m in zip(lines, prompted) if line.strip()), None)
        # a `bash` block whose first line is a `$ ` prompt is a session too, written as docs often do
        if (language in ("console", "shell-session") or first is not None) and any(prompted):
            # only what follows a prompt (and its continuation lines) is a command; the rest is output
            kept, carry = [], False
            for line, prompt in zip(code.splitlines(keepends=True), prompted):
                if prompt or carry:
                    # a continuation line may show the shell's second prompt, `> `
                    prompt = prompt or _CONTINUED.match(line)
                    width = len(prompt.group(1)) if prompt else 0
                    kept.append(" " * width + line[width:])
                    carry = line.rstrip("\r\n").endswith("\\")
                else:
                    kept.append(re.sub(r"[^\n]", " ", line))
            return Unit(code, key=key, commands=_placeholders(code, split_commands("".join(kept))))
        return Unit(code, key=key, commands=_placeholders(code, split_commands(code)))
    return None


# `<models_dir>`, `<ir_dir>`: what docs write for a value the reader fills in
_PLACEHOLDER = pattern(r"<[A-Za-z_][\w.-]*>")


def _placeholders(code: str, commands: list) -> list:
    """The commands, those written with placeholders marked as not to be rewritten: a shell reads
    `<name>` as redirections, so their words are not what the reader runs."""
    for command in commands:
        spans = [(w.start, w.end) for w in command.words + command.redirections]
        if not spans:
            continue
        start = code.rfind("\n", 0, min(a for a, _ in spans)) + 1
        end = code.find("\n", max(b for _, b in spans))
        if _PLACEHOLDER.search(code, start, len(code) if end < 0 else end):
            command.foreign = command.foreign or "it is written with placeholders (`<name>`), which a shell reads as redirections"
    return commands


def _blank(text: str, spans) -> str:
    """`text` with the given spans blanked (newlines kept), so offsets stay the file's."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = re.sub(r"[^\n]", " ", text[start:end])
    return "".join(chars)


def read_docs(text: str, rest: bool) -> Document:
    found = [b for b in blocks(text, rest) if b.language in PYTHON_FENCES | SHELL_FENCES]
    # a block without a language that starts with a `$ ` prompt is a console session
    found += [Block("console", b.start, b.end, b.indent) for b in blocks(text, rest)
              if not b.language and _PROMPT.match(text[b.start:b.end].lstrip("\r\n"))]
    found.sort(key=lambda b: b.start)
    units = []
    for key, block in enumerate(found):
        unit = _unit(key, block.language, _dedent(text[block.start:block.end], block.indent))
        if unit is not None:
            units.append(unit)
    # links in the prose, and in blocks that are not read as code (their code's links are its own)
    outside = [(found[u.key].start, found[u.key].end) for u in units]
    outside += [m.span() for pattern in _COMMENTS for m in pattern.finditer(text)]
    links = links_in(_blank(text, outside))
    if links:
        units.append(Unit(text, key=PROSE, links=links))
    lines = LineIndex(text)

    def rebuild(texts):
        result = text
        for key in sorted((k for k in texts if k != PROSE), reverse=True):
            block = found[key]
            result = result[:block.start] + _indent(texts[key], block.indent) + result[block.end:]
        return result

    def place(diagnostics):
        for diag in diagnostics:
            if diag.unit == PROSE:
                continue  # at the file's positions already
            block = found[diag.unit]
            first_row = lines.position(block.start)[0]
            shift = len(block.indent)
            diag.row += first_row - 1
            diag.end_row += first_row - 1
            diag.column += shift
            diag.end_column += shift
            diag.source_line = lines.line(diag.row)
            for location in diag.edit_locations:
                for where in ("location", "end_location"):
                    location[where]["row"] += first_row - 1
                    location[where]["column"] += shift

    return Document(text, units, rebuild=rebuild, place=place, exemption_text="")


def is_documentation(name: str) -> bool:
    """Not a changelog: its blocks quote history."""
    return not _HISTORY.match(name)


KIND = FileKind(
    name="markdown", label="Markdown", recognise=lambda path, name, suffix: suffix in (".md", ".markdown") and
    is_documentation(name),
    read=lambda text: read_docs(text, rest=False), facts=(PYTHON, COMMAND, REQUIREMENT, LINK), comment=None,
    fence="markdown", rank=60, bytewise=True,
)
