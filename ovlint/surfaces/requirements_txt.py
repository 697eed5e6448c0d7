"""pip requirements and constraints files (`requirements*.txt`, `constraints*.txt`, `*.in`)."""
from __future__ import annotations

import re

from ovlint.surfaces import REQUIREMENT, FileKind, whole
from ovlint.surfaces.requirement import Requirement, from_pep508

_NAMES = re.compile(r"(.*requirements.*|constraints.*)\.(txt|in)$")


def from_requirements_file(text: str) -> list[Requirement]:
    found = []
    for line_start, line_end, logical in _logical_lines(text):
        body, hashed = _strip_options(logical)
        if not body.strip() or body.lstrip().startswith("-"):
            continue
        lead = len(body) - len(body.lstrip())
        req = from_pep508(body.strip(), line_start + lead, "requirements", hashed=hashed,
                          removal=(line_start, line_end))
        if req:
            found.append(req)
    return found


def _logical_lines(text: str):
    """(start, end including newline, text) for each line, joining backslash continuations.

    A continued line is returned as the text of its first physical line only when the rest holds
    options (hashes); requirement text itself rarely spans lines."""
    i = 0
    n = len(text)
    while i < n:
        end = text.find("\n", i)
        end = n if end < 0 else end + 1
        first = text[i:end].rstrip("\r\n")
        j = end
        while first.endswith("\\") and j < n:
            nxt = text.find("\n", j)
            nxt = n if nxt < 0 else nxt + 1
            first = first[:-1] + " " + text[j:nxt].rstrip("\r\n")
            j = nxt
        yield i, j, first
        i = j


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




KIND = FileKind(
    name="requirements", label="requirements",
    recognise=lambda path, name, suffix: bool(_NAMES.match(name)) or (
        suffix == ".txt" and path.parent.name.lower() == "requirements"),
    read=lambda text: whole(text, requirements=from_requirements_file(text)),
    facts=(REQUIREMENT,), rank=20, fence="text",
)
