"""Dependency specifiers, with spans, from every file that declares Python dependencies and
from `pip install` commands. Names are compared PEP 503-normalised."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from ovlint.surfaces import tomlspan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
_PIP_OPTIONS_WITH_VALUE = {
    "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
    "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
    "--platform", "--python-version", "--implementation", "--abi", "--upgrade-strategy",
    "--progress-bar", "--trusted-host", "--cache-dir", "--src", "--log", "--proxy", "--timeout",
    "--retries", "--config-settings", "-C", "--global-option", "--no-binary", "--only-binary",
    "--report", "--python",
}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Requirement:
    text: str  # the specifier as written (PEP 508 where `carrier` is "pep508")
    start: int
    end: int
    name: str  # normalised
    name_start: int
    name_end: int
    extras: tuple[str, ...]
    specifier: str
    marker: str | None
    origin: str  # requirements, pyproject, poetry, pipfile, setup-cfg, setup-py, conda, pip-install
    # pep508: the whole text is a PEP 508 string; key: the name is a table key; python-version: the
    # text is only a specifier (`requires-python`)
    carrier: str = "pep508"
    hashed: bool = False
    # the span to delete to drop the requirement altogether (a whole line, or an array item)
    removal: tuple[int, int] | None = None
    # the names of every requirement listed with it (the same file, or the same pip command)
    listed_with: frozenset = frozenset()


def from_pep508(text: str, start: int, origin: str, **extra) -> Requirement | None:
    """Parse one PEP 508 string located at `start`; None for URLs, paths and invalid strings."""
    from packaging.requirements import InvalidRequirement, Requirement as Pep508

    try:
        parsed = Pep508(text)
    except InvalidRequirement:
        return None
    if parsed.url:
        return None
    lead = len(text) - len(text.lstrip())
    m = _NAME.match(text, lead)
    if not m:
        return None
    return Requirement(
        text=text, start=start, end=start + len(text), name=normalize(parsed.name),
        name_start=start + m.start(), name_end=start + m.end(), extras=tuple(sorted(parsed.extras)),
        specifier=str(parsed.specifier), marker=str(parsed.marker) if parsed.marker else None,
        origin=origin, **extra,
    )


def as_pep440(specifier: str) -> str:
    """A specifier with Poetry's caret and tilde (`^3.8`, `~2024.6`) read as their lower bound."""
    text = specifier.strip()
    if text.startswith(("^", "~")) and not text.startswith("~="):
        return ">=" + text.lstrip("^~")
    return text


def python_version(text: str, start: int, origin: str) -> Requirement:
    """The Python versions a project allows (`requires-python`, `python_requires`), as a
    requirement on `python`; the whole text is its specifier."""
    return Requirement(text=text, start=start, end=start + len(text), name="python", name_start=start,
                       name_end=start, extras=(), specifier=text.strip(), marker=None, origin=origin,
                       carrier="python-version")


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


def from_pyproject(text: str) -> list[Requirement]:
    tomllib.loads(text)  # raises on invalid TOML
    found = []
    for entry in tomlspan.entries(text):
        path = entry.path
        pep508 = (
            path == ("project", "dependencies")
            or (len(path) == 3 and path[:2] == ("project", "optional-dependencies"))
            or path == ("build-system", "requires")
            or (len(path) == 2 and path[0] == "dependency-groups")
        )
        if pep508:
            found.extend(_array_items(text, entry, "pyproject"))
        elif path == ("project", "requires-python") and len(entry.strings) == 1:
            token = entry.strings[0]
            found.append(python_version(token.value, token.start, "pyproject"))
        elif _poetry_dependency(path):
            found.extend(_keyed(text, entry, "poetry"))
    return found


def _poetry_dependency(path: tuple[str, ...]) -> bool:
    if path[:2] != ("tool", "poetry") or len(path) < 4:
        return False
    table = path[2:-1]
    return table in (("dependencies",), ("dev-dependencies",)) or (
        len(table) == 3 and table[0] == "group" and table[2] == "dependencies"
    )


def from_pipfile(text: str) -> list[Requirement]:
    tomllib.loads(text)
    found = []
    for entry in tomlspan.entries(text):
        if len(entry.path) == 2 and entry.path[0] in ("packages", "dev-packages"):
            found.extend(_keyed(text, entry, "pipfile"))
    return found


def _array_items(text: str, entry: tomlspan.Entry, origin: str) -> list[Requirement]:
    items = []
    for token in entry.strings:
        if "\\" in text[token.start:token.end]:
            continue  # escapes: the value and the text differ, so spans cannot be trusted
        req = from_pep508(token.value, token.start, origin, removal=_array_item_removal(text, token))
        if req:
            items.append(req)
    return items


def _array_item_removal(text: str, token: tomlspan.StringToken) -> tuple[int, int]:
    """The item, its comma and, when it stands on a line of its own, the whole line."""
    end = token.outer_end
    m = re.compile(r"[ \t]*,?[ \t]*(#[^\n]*)?").match(text, end)
    end = m.end()
    line_start = text.rfind("\n", 0, token.outer_start) + 1
    if not text[line_start:token.outer_start].strip() and text.startswith("\n", end):
        return line_start, end + 1
    return token.outer_start, end


def _keyed(text: str, entry: tomlspan.Entry, origin: str) -> list[Requirement]:
    name = entry.path[-1]
    if not _NAME.fullmatch(name):
        return []
    spec = ""
    extras: tuple[str, ...] = ()
    if entry.strings:
        spec = entry.strings[0].value
    elif "version" in entry.inline and entry.inline["version"].strings:
        spec = entry.inline["version"].strings[0].value
    if "extras" in entry.inline:
        extras = tuple(sorted(s.value for s in entry.inline["extras"].strings))
    line_start = text.rfind("\n", 0, entry.key_start) + 1
    line_end = text.find("\n", entry.value_end)
    line_end = len(text) if line_end < 0 else line_end + 1
    return [Requirement(
        text=text[entry.key_start:entry.value_end], start=entry.key_start, end=entry.value_end,
        name=normalize(name), name_start=entry.key_start, name_end=entry.key_end, extras=extras,
        specifier="" if spec == "*" else spec, marker=None, origin=origin, carrier="key",
        removal=(line_start, line_end),
    )]


def from_setup_cfg(text: str) -> list[Requirement]:
    found = []
    section = ""
    key = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section, key = stripped[1:-1].strip(), None
            continue
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if not body[0].isspace():
            name, sep, value = body.partition("=")
            if not sep:
                name, sep, value = body.partition(":")
            key = name.strip() if sep else None
            if key is None:
                continue
            value_start = start + len(name) + 1
            if section == "options" and key == "python_requires" and value.strip():
                lead = len(value) - len(value.lstrip())
                found.append(python_version(value.strip(), value_start + lead, "setup-cfg"))
                continue
            if not _is_dependency_key(section, key):
                continue
            body, start = value, value_start
        elif key is None or not _is_dependency_key(section, key):
            continue
        item = body.split(" #", 1)[0].split(";#", 1)[0]
        lead = len(item) - len(item.lstrip())
        req = from_pep508(item.strip(), start + lead, "setup-cfg", removal=(pos - len(line), pos))
        if req:
            found.append(req)
    return found


def _is_dependency_key(section: str, key: str) -> bool:
    if section == "options":
        return key in ("install_requires", "setup_requires", "tests_require")
    return section == "options.extras_require"


def from_conda(text: str) -> list[Requirement]:
    """The `pip:` list of a conda environment file (conda specs themselves are not PEP 508)."""
    found = []
    pip_indent = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        m = re.match(r"^(\s*)-\s+(.*)$", body)
        indent = len(body) - len(body.lstrip())
        if pip_indent is not None and body.strip() and indent <= pip_indent:
            pip_indent = None
        if not m:
            continue
        item = m.group(2).split(" #", 1)[0].strip()
        if item.rstrip(":") == "pip" and item.endswith(":"):
            pip_indent = indent
            continue
        if pip_indent is None:
            continue
        if item[:1] in "\"'" and item[-1:] == item[:1]:
            item = item[1:-1]
        item_start = start + body.index(item, len(m.group(1)) + 1)
        req = from_pep508(item, item_start, "conda", removal=(start, pos))
        if req:
            found.append(req)
    return found


def from_pip_command(command) -> list[Requirement]:
    """Requirements named on a `pip install` command line (from any carrier)."""
    argv = command.argv
    try:
        at = next(i for i in range(1, len(argv)) if argv[i] == "install" and _is_pip(argv[i - 1]))
    except StopIteration:
        return []
    found = []
    words = command.words[at + 1:]
    skip_next = False
    for word in words:
        if skip_next:
            skip_next = False
            continue
        if word.value.startswith("-"):
            skip_next = word.value in _PIP_OPTIONS_WITH_VALUE
            continue
        if word.expanded or "/" in word.value or word.value.endswith((".whl", ".tar.gz", ".zip")):
            continue
        if word.value_start is None:
            continue  # escapes inside the word: its value does not stand in the text
        req = from_pep508(word.value, word.value_start, "pip-install", carrier="word", removal=(word.start, word.end))
        if req:
            found.append(req)
    return found


def _is_pip(word: str) -> bool:
    """`pip`, `pip3`, `/usr/bin/pip3.11`, and the `pip` of `python -m pip` and `uv pip`."""
    return re.fullmatch(r"pip(3(\.\d+)?)?", word.rsplit("/", 1)[-1]) is not None
