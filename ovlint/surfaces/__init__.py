"""Kinds of files, and the facts rules look at in each, with exact spans.

A kind of file is one `FileKind`, declared as `KIND` by one module of this package: how a file of
that kind is recognised, how it writes comments, which facts its reader yields and which
substrings carry them. Discovery, the prefilter, suppression comments, `--add-noqa`, pins, the
migration report and the linter all read this one registry, so adding a kind of file is adding
one module. Modules without a `KIND` hold facts that several kinds share (shell commands,
requirements, JSON and TOML with spans).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Callable, Optional

# the facts a reader yields, by the rule surface that reads them
PYTHON, COMMAND, REQUIREMENT, LINK = "python", "command", "requirement", "link"
# the facts of a kind whose commands can run Python: the code of `python -c CODE` is read by the
# Python rules (`engine.command_code`), in a file that names python
RUNS_PYTHON = {"facts": (COMMAND, REQUIREMENT, LINK, PYTHON), "carried": (PYTHON,), "carriers": (b"python",)}


@dataclass
class Unit:
    """Text the rules run on: a whole file, or the code cells of a notebook."""

    text: str
    key: Optional[int] = None  # what fixes edit: None for the whole text, else a notebook cell
    cell: Optional[int] = None  # the notebook cell diagnostics in the unit are reported in
    python: Optional[str] = None  # Python to parse (IPython syntax masked to the same length)
    commands: list = field(default_factory=list)
    requirements: list = field(default_factory=list)
    links: list = field(default_factory=list)  # URLs outside code (prose, Markdown cells); code's are found in it
    tree: object = None  # the parsed text, for the kind's own rules (C/C++ tokens, CMake, JSON)
    error: Optional[str] = None  # why the unit could not be read: an OV001
    # a module of its own (a file a notebook cell writes): the rest of the file is read the same
    # way whether it parses or not
    apart: bool = False
    # why the unit's Python is only part of the program it belongs to (a notebook cell read alone,
    # or code in a cell ovlint cannot read): fixes that change a whole program are held back
    partial: str = ""


@dataclass
class Document:
    """A file as units, and how to put it back together once fixes have edited them."""

    text: str
    units: list[Unit]
    # new text of each unit by key -> the file's text (None: edits that cannot be put back together)
    rebuild: Callable[[dict], Optional[str]] = lambda texts: texts[None]
    # moves positions in a notebook's joined code to cells and rows of cells
    place: Optional[Callable[[list], None]] = None
    # the same file read another way, when its Python does not parse as read (a notebook's cells
    # one by one instead of joined)
    fallback: Optional[Callable[[], "Document"]] = None
    exemption_text: Optional[str] = None  # where a file-level `ovlint: noqa` is looked for
    # how a message names the line at an offset of a notebook's joined code (`cell 3, line 2`)
    line_name: Optional[Callable[[int], str]] = None
    # filled in by the linter
    diagnostics: list = field(default_factory=list)
    parsed: bool = True  # False when some unit did not parse
    fall_back: bool = False  # True when some unit not `apart` did not parse: `fallback` is read then

    def unit_texts(self) -> dict:
        return {unit.key: unit.text for unit in self.units}


def whole(text: str, **facts) -> Document:
    """A document of one unit holding the whole text."""
    return Document(text, [Unit(text, **facts)])


@dataclass(frozen=True)
class Sniff:
    """Recognition by content, for files whose name says nothing (`run` with `#!/bin/sh`, a CI
    pipeline kept in `ci/build.yml`)."""

    names: Callable[[str], bool]  # which file names are worth reading the head of
    head: Callable[[bytes], object]  # whether the first `size` bytes show the kind (truthy)
    executable: bool = True  # only files with the executable bit (when found by walking)
    size: int = 128  # how many first bytes `head` needs


@dataclass(frozen=True)
class FileKind:
    name: str
    label: str  # how the migration report names it
    recognise: Callable[[PurePosixPath, str, str], bool]  # (path, lowercase name, lowercase suffix)
    read: Callable[[str], Document]
    facts: tuple[str, ...]  # the rule surfaces that can fire on it
    comment: Optional[str] = "#"  # line comments (`noqa`); None: the kind cannot take one
    # the spans of values a line break can be part of (strings, bracket arguments), where a
    # comment cannot be appended to a line; the words of commands are known without it
    multiline: Optional[Callable[[str], list[tuple[int, int]]]] = None
    fence: str = ""  # the language of a Markdown code block holding such a file
    python_source: bool = False  # PEP 263 coding cookies apply
    # not UTF-8: read byte for byte (`base.text.decode`); sources and scripts in a local encoding
    # (GBK, Shift JIS, CP1252) are common, and what the kind's rules look for is ASCII
    bytewise: bool = False
    # facts found only next to a carrier substring, or in a file of one of these names: commands
    # in Python strings need `subprocess`, requirements need `setup.py`
    carried: tuple[str, ...] = ()
    carriers: tuple[bytes, ...] = ()
    carrier_files: tuple[str, ...] = ()
    sniff: Optional[Sniff] = None
    # the file without what no rule reads, for the prefilter: a notebook's image outputs, whose
    # base64 holds `GNA` or `MYRIAD` by chance (takes and gives bytes or str)
    screened: Optional[Callable] = None
    rank: int = 50  # kinds are asked in increasing rank: a specific name before a general suffix


@lru_cache(maxsize=None)
def all_kinds() -> tuple[FileKind, ...]:
    """Every kind declared by a module of this package, in the order they are asked."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, FileKind):
            found.append(kind)
    return tuple(sorted(found, key=lambda k: (k.rank, k.name)))


@lru_cache(maxsize=None)
def named(name: str) -> FileKind:
    return next(k for k in all_kinds() if k.name == name)


def kind_of(path: str) -> Optional[FileKind]:
    """The kind of file `path` names, or None if ovlint has no surface for it."""
    p = PurePosixPath(path.replace("\\", "/"))
    name, suffix = p.name.lower(), p.suffix.lower()
    return next((k for k in all_kinds() if k.recognise(p, name, suffix)), None)


def kind_from_head(name: Optional[str], head: bytes, executable: bool) -> Optional[FileKind]:
    """The kind a file's first bytes show, for a file whose name matched no kind (any name when
    `name` is None)."""
    for kind in all_kinds():
        sniff = kind.sniff
        if sniff is not None and (executable or not sniff.executable) and (name is None or sniff.names(name)) \
                and sniff.head(head[:sniff.size]):
            return kind
    return None


def head_size(name: Optional[str]) -> int:
    """How many first bytes the kinds that might recognise a file of this name (any name when
    None) by its content need to see."""
    return max((k.sniff.size for k in all_kinds() if k.sniff is not None and (name is None or k.sniff.names(name))),
               default=0)


def sniffs(name: str) -> bool:
    """Whether some kind might recognise a file of this name by its content."""
    return any(k.sniff is not None and k.sniff.names(name) for k in all_kinds())
