"""pip requirements and constraints files (`requirements*.txt`, `constraints*.txt`, `*.in`)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ovlint.base.lazy import pattern
from ovlint.surfaces import REQUIREMENT, FileKind, Document, Unit
from ovlint.surfaces.requirement import Requirement, from_expanded, from_pep508

_NAMES = pattern(r"(.*requirements.*|constraints.*)\.(txt|in)$")


def from_requirements_file(text: str) -> list[Requirement]:
    return read_requirements(text)[0]


def read_requirements(text: str) -> tuple[list[Requirement], list[str]]:
    """The requirements, and why each line that pip would reject is invalid."""
    found, invalid = [], []
    for line_start, line_end, logical, pieces in _logical_lines(text):
        body, hashed = _strip_options(logical)
        if not body.strip() or body.lstrip().startswith("-"):
            continue
        lead = len(body) - len(body.lstrip())
        req = from_pep508(body.strip(), lead, "requirements", hashed=hashed, removal=(line_start, line_end))
        if req is None and "${" in body:  # pip expands environment variables written `${NAME}`
            spec, _, marker = body.partition(";")
            req = from_expanded(spec.strip(), lead, len(body.rstrip()), lead, "requirements")
            req = req and replace(req, text=body.strip(), marker=marker.strip() or None, hashed=hashed,
                                  removal=(line_start, line_end))
        if req:
            found.append(_placed(req, pieces))
        elif _NOT_PEP508.search(body) is None:
            row = text.count("\n", 0, line_start) + 1
            invalid.append(f"line {row} is not a valid requirement (pip rejects `{body.strip()[:60]}`)")
    return found, invalid


# what pip reads besides PEP 508 specifiers: URLs, paths, archives, environment variables, and
# conda's `name=version` (a requirements.txt may be conda's)
_NOT_PEP508 = pattern(r"[/\\:$]|^\s*\.|\.(whl|zip|tar\.gz|tgz|tar\.bz2)\b|^\s*[\w.-]+=[^=]")
_COMMENT_LINE = pattern(r"\s*#")


def _logical_lines(text: str):
    """(start, end including the line break, text, pieces) for each logical line, joining lines
    continued with a backslash as pip does: the backslash and the line break go, and a comment
    line ends the logical line. `pieces`: (offset in the logical text, offset in `text`) where each
    physical line's part begins, to place what is found in the logical text."""
    i, n = 0, len(text)
    while i < n:
        parts, pieces, j, length = [], [], i, 0
        while j < n:
            end = text.find("\n", j)
            end = n if end < 0 else end + 1
            line = text[j:end].rstrip("\r\n")
            continued = line.endswith("\\") and not _COMMENT_LINE.match(line)  # at the end too, as pip reads it
            pieces.append((length, j))
            parts.append(line[:-1] if continued else line)
            length += len(parts[-1])
            j = end
            if not continued:
                break
        yield i, j, "".join(parts), pieces
        i = j


def _placed(req: Requirement, pieces: list) -> Requirement:
    """`req` found in a logical line, with its spans in the text."""
    def place(offset: int, end: bool = False) -> int:
        at = bisect.bisect_right([logical for logical, _ in pieces], offset - end) - 1
        logical, real = pieces[at]
        return real + offset - logical

    return replace(req, start=place(req.start), end=place(req.end, end=True), name_start=place(req.name_start),
                   name_end=place(req.name_end, end=True))


def _strip_options(line: str) -> tuple[str, bool]:
    """The requirement part of a requirements line, and whether it carries --hash options."""
    comment = re.search(r"(^|\s)#", line)
    if comment:
        line = line[:comment.start()]
    hashed = "--hash" in line
    option = re.search(r"\s--?[A-Za-z]", line)
    if option and not line.lstrip().startswith("-"):
        line = line[:option.start()]
    return line, hashed


def read(text: str) -> Document:
    requirements, invalid = read_requirements(text)
    return Document(text, [Unit(text, requirements=requirements, error="; ".join(invalid) or None)])


KIND = FileKind(
    name="requirements", label="requirements",
    recognise=lambda path, name, suffix: bool(_NAMES.match(name)) or (
        suffix == ".txt" and path.parent.name.lower() == "requirements"),
    read=read,
    facts=(REQUIREMENT,), rank=20, fence="text",
)
