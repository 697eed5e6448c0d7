"""The requirement: one dependency specifier (PEP 508) with spans, as dependency files and
`pip install` commands state it. Names are compared PEP 503-normalised."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ovlint.base.lazy import pattern
from ovlint.surfaces import tomlspan

_NAME = pattern(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
_PIP_OPTIONS_WITH_VALUE = {
    "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
    "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
    "--platform", "--python-version", "--implementation", "--abi", "--upgrade-strategy",
    "--progress-bar", "--trusted-host", "--cache-dir", "--src", "--log", "--proxy", "--timeout",
    "--retries", "--config-settings", "-C", "--global-option", "--no-binary", "--only-binary",
    "--report", "--python",
}


# a wheel file name (PEP 427): name, version, optional build tag, then python, abi and platform tags
_WHEEL = pattern(r"(?:^|/)([A-Za-z0-9_.]+?)-([0-9][^-/]*)(?:-[0-9][^-/]*)?-[^-/]+-[^-/]+-[^-/]+\.whl$")
_EXPANDED_HEAD = pattern(r"([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])(?:\[([^\]$]*)\])?(?:[=<>~!]=?|$)")


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
    # text is only a specifier (`requires-python`); wheel: a wheel's file name or URL (no edits);
    # expanded: a `pip install` word or a requirements line whose version comes from a variable; word: a `pip install`
    # word (`removal`: the word, quotes included); list-item: the same as a string of a Python
    # or JSON (a Dockerfile's exec form) argv list (`removal`: inside its quotes)
    carrier: str = "pep508"
    hashed: bool = False
    # the span to delete to drop the requirement altogether (a whole line, or an array item)
    removal: tuple[int, int] | None = None
    # the names of every requirement listed with it (the same file, or the same pip command)
    listed_with: frozenset = frozenset()
    listed: tuple = ()  # ... and those requirements
    group: tuple = ()  # the list it is in, where a file has several (a TOML array's or table's key path, setup.cfg's option)
    # why its findings are not fixed: the text a fix would edit is not the value read (escapes)
    foreign: str = ""


def from_pep508(text: str, start: int, origin: str, **extra) -> Requirement | None:
    """Parse one PEP 508 string located at `start`; None for URLs, paths and invalid strings."""
    parsed = _simple_pep508(text) or _pep508(text)
    if parsed is None:
        return None
    name, extras, specifier, marker = parsed
    lead = len(text) - len(text.lstrip())
    m = _NAME.match(text, lead)
    if not m:
        return None
    return Requirement(
        text=text, start=start, end=start + len(text), name=normalize(name), name_start=start + m.start(),
        name_end=start + m.end(), extras=extras, specifier=specifier, marker=marker, origin=origin, **extra,
    )


def _pep508(text: str) -> Optional[tuple]:
    """(name, sorted extras, specifier, marker) of a PEP 508 string, as `packaging` reads it; None
    for an invalid one or a URL."""
    from packaging.requirements import InvalidRequirement, Requirement as Pep508

    try:
        parsed = Pep508(text)
    except InvalidRequirement:
        return None
    if parsed.url:
        return None
    return (parsed.name, tuple(sorted(parsed.extras)), str(parsed.specifier),
            str(parsed.marker) if parsed.marker else None)


# the requirements most lines state (`numpy`, `openvino[onnx]==2023.3.0`, `torch>=2.1,<2.4`): names,
# extras and release numbers, no markers or URLs; `packaging` takes longer to import than a
# one-file run takes to read them all
_SIMPLE_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_SIMPLE_VERSION = r"(?:(?:==|!=)[ \t]*[0-9]+(?:\.[0-9]+)*(?:\.\*)?|(?:<=|>=|<|>)[ \t]*[0-9]+(?:\.[0-9]+)*|~=[ \t]*[0-9]+(?:\.[0-9]+)+)"
_SIMPLE_PEP508 = pattern(
    rf"[ \t]*({_SIMPLE_NAME})[ \t]*(?:\[[ \t]*({_SIMPLE_NAME}(?:[ \t]*,[ \t]*{_SIMPLE_NAME})*)[ \t]*\])?[ \t]*"
    rf"({_SIMPLE_VERSION}(?:[ \t]*,[ \t]*{_SIMPLE_VERSION})*)?[ \t]*")


def _simple_pep508(text: str) -> Optional[tuple]:
    """`_pep508(text)` for a simple requirement (`_SIMPLE_PEP508`), without `packaging`; None for
    any other."""
    m = _SIMPLE_PEP508.fullmatch(text)
    if m is None:
        return None
    extras = tuple(sorted({e.strip() for e in m.group(2).split(",")})) if m.group(2) else ()
    specifiers = {"".join(s.split()) for s in m.group(3).split(",")} if m.group(3) else set()
    return m.group(1), extras, ",".join(sorted(specifiers)), None


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


def from_toml_array(text: str, entry: tomlspan.Entry, origin: str) -> list[Requirement]:
    items = []
    for token in entry.strings:
        req = from_pep508(token.value, token.start, origin, removal=_array_item_removal(text, token), group=entry.path)
        if req and "\\" in text[token.start:token.end]:
            # a marker's quotes (`python_version < \"3.11\"`): the value and the text differ, so
            # the spans of its parts cannot be trusted; the finding covers the whole string
            req.end, req.name_start, req.name_end = token.end, token.start, token.end
            req.foreign = "the string holds escapes"
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


def from_toml_key(text: str, entry: tomlspan.Entry, origin: str) -> list[Requirement]:
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
        removal=(line_start, line_end), group=entry.path[:-1],
    )]


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
        wheel = _WHEEL.search(word.value)
        if wheel:  # `./openvino_dev-2022.1.0-....whl`, or a wheel's URL: known by its file name
            found.append(Requirement(text=word.value, start=word.start, end=word.end, name=normalize(wheel.group(1)),
                                     name_start=word.start, name_end=word.start, extras=(),
                                     specifier=f"=={wheel.group(2)}", marker=None, origin="pip-install",
                                     carrier="wheel"))
            continue
        if word.value_start is None or "/" in word.value or word.value.endswith((".tar.gz", ".zip")):
            continue  # escapes inside the word (its value does not stand in the text), paths, archives
        if word.expanded:  # the version, where the file sets the variable (`ARG VERSION=2022.3.0`)
            req = from_expanded(word.value, word.start, word.end, word.value_start, "pip-install", word.resolved)
            if req:
                found.append(req)
            continue
        req = from_pep508(word.value, word.value_start, "pip-install", removal=(word.start, word.end),
                          carrier="list-item" if command.carrier in ("python-list", "json-list") else "word")
        if req:
            found.append(req)
    return found


def from_expanded(value: str, start: int, end: int, value_start: int, origin: str,
                  resolved: str | None = None) -> Requirement | None:
    """`openvino-dev[onnx]==${VERSION}`, whose version an environment variable gives (the shell
    expands it, and so does pip in a requirements file): its name and extras, and the version
    `resolved` has (the value with the variable set), if known."""
    head = _EXPANDED_HEAD.match(value)
    if not head:
        return None
    known = from_pep508(resolved, 0, origin) if resolved else None
    return Requirement(text=value, start=start, end=end, name=normalize(head.group(1)), name_start=value_start,
                       name_end=value_start + len(head.group(1)),
                       extras=tuple(sorted(e.strip() for e in (head.group(2) or "").split(",") if e.strip())),
                       specifier=known.specifier if known and known.name == normalize(head.group(1)) else "",
                       marker=None, origin=origin, carrier="expanded")


def _is_pip(word: str) -> bool:
    """`pip`, `pip3`, `/usr/bin/pip3.11`, `C:\\venv\\Scripts\\pip.exe`, and the `pip` of `python -m pip`
    and `uv pip`."""
    return re.fullmatch(r"(?i)pip(3(\.\d+)?)?(\.exe)?", word.replace("\\", "/").rsplit("/", 1)[-1]) is not None


# openvino-genai and openvino-tokenizers are released with openvino and numbered alike
PINNED_PACKAGES = {"openvino", "openvino-dev", "openvino-genai", "openvino-tokenizers"}
_LOWER_BOUNDS = {"==", "===", "~=", ">="}


def lowest_pin(requirements) -> Optional[tuple[str, Requirement]]:
    """The lowest OpenVINO release the requirements allow (a release older than ovlint's table, back
    to the first of 2018, as it is written: `openvino==2021.3.0` pins 2021.3), with the requirement
    that says so; None when none of them pins OpenVINO from below."""
    from ovlint.base import versions

    found = []
    for req in requirements:
        if req.name not in PINNED_PACKAGES or not req.specifier:
            continue
        text = as_pep440(req.specifier)
        # a bare version is Poetry's (and a Pipfile's) exact one: `openvino = "2022.3.0"`
        for operator, version in specifiers("==" + text if text[:1].isdigit() else text):
            release = _known_release(version) if operator in _LOWER_BOUNDS else None
            if release:
                found.append((versions.parse(release), release, req))
    if not found:
        return None
    _, release, req = min(found, key=lambda item: item[0])
    return release, req


def specifiers(text: str) -> list[tuple[str, str]]:
    """(operator, version) of each specifier of a PEP 440 specifier set, as `packaging` reads
    them (none when it is invalid); simple ones (`_SIMPLE_SPECIFIERS`) without `packaging`."""
    if _SIMPLE_SPECIFIERS.fullmatch(text):
        return [(m.group(1), m.group(2)) for m in _SIMPLE_SPECIFIER.finditer(text)]
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        return [(spec.operator, spec.version) for spec in SpecifierSet(text)]
    except InvalidSpecifier:
        return []


_SIMPLE_SPECIFIERS = pattern(rf"[ \t]*{_SIMPLE_VERSION}(?:[ \t]*,[ \t]*{_SIMPLE_VERSION})*[ \t]*")
_SIMPLE_SPECIFIER = pattern(r"(==|!=|<=|>=|~=|<|>)[ \t]*([0-9.*]+)")


def _known_release(version: str) -> Optional[str]:
    from ovlint.base import versions

    head = version.strip().split(".")
    if len(head[0]) == 4 and head[0].isdigit() and (len(head) == 1 or not head[1].isdigit()):
        version = f"{head[0]}.{versions.first_minor(int(head[0]))}"  # `openvino>=2022`, conda's `openvino=2022`
    try:
        year, minor = versions.parse(version)
    except ValueError:
        return None
    oldest = versions.KNOWN_RELEASES[0]
    if (year, minor) < versions.parse(oldest):
        # the releases before the table (2018 R5 was `2018.5`), named as the images and installs do
        return f"{year}.{minor}" if year >= 2018 else oldest
    try:
        return versions.normalize(version)
    except ValueError:
        return None
