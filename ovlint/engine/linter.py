"""Lints the text of one file: splits it into units, extracts facts, runs the rules that
subscribe to them, applies suppressions and locates every diagnostic."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Optional

from ovlint.base import noqa
from ovlint.rulekit.context import PythonContext, UnitContext
from ovlint.base.diagnostics import Diagnostic
from ovlint.engine.own_rules import FileNotParsed
from ovlint.surfaces import command_sources, requirements
from ovlint.surfaces.shell import Word, split_commands

# which fact kinds each file kind can produce
KIND_SURFACES = {
    "python": ("python", "command", "requirement"),
    "notebook": ("python", "command", "requirement"),
    "requirements": ("requirement",),
    "pyproject": ("requirement",),
    "pipfile": ("requirement",),
    "setup-cfg": ("requirement",),
    "conda": ("requirement",),
    "shell": ("command", "requirement"),
    "dockerfile": ("command", "requirement"),
    "makefile": ("command", "requirement"),
    "ci-yaml": ("command", "requirement"),
    "cpp": ("native",),
    "cmake": ("cmake",),
    "json": ("json",),
}

_REQUIREMENT_READERS: dict[str, Callable] = {
    "requirements": requirements.from_requirements_file,
    "pyproject": requirements.from_pyproject,
    "pipfile": requirements.from_pipfile,
    "setup-cfg": requirements.from_setup_cfg,
    "conda": requirements.from_conda,
}
_COMMAND_READERS: dict[str, Callable] = {
    "shell": command_sources.from_shell_script,
    "dockerfile": command_sources.from_dockerfile,
    "makefile": command_sources.from_makefile,
    "ci-yaml": command_sources.from_ci_yaml,
}


@dataclass
class Document:
    """A file's text as the units fixes edit: the whole text, or each notebook code cell."""

    text: str
    units: dict[Optional[int], str]
    rebuild: Callable[[dict[Optional[int], str]], str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: bool = True  # False when some unit did not parse


def lint_text(path: str, kind: str, text: str, rules: list, target_version: str) -> Document:
    """Every diagnostic of `rules` in `text`, with positions, after suppressions."""
    filename = os.path.basename(path)
    by_surface: dict[str, list] = {}
    for rule in rules:
        by_surface.setdefault(rule.surface, []).append(rule)
    if kind == "notebook":
        doc = _lint_notebook(path, text, by_surface, target_version)
    else:
        doc = Document(text, {None: text}, lambda units: units[None])
        ctx = UnitContext(path, text, None, target_version, filename)
        if kind == "python":
            doc.parsed = _lint_python(ctx, text, by_surface)
        elif kind in _REQUIREMENT_READERS:
            try:
                reqs = _REQUIREMENT_READERS[kind](text)
            except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
                _not_parsed(ctx, f"invalid TOML: {exc}")
                doc.parsed = False
                reqs = []
            _run_requirement_rules(ctx, reqs, by_surface)
        elif kind in _COMMAND_READERS:
            _run_command_rules(ctx, _COMMAND_READERS[kind](text), by_surface)
        else:
            _run_text_rules(ctx, kind, text, by_surface)
        doc.diagnostics = _finish(ctx, text)
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    return doc


def _lint_python(ctx, python_text: str, by_surface) -> bool:
    from ovlint.surfaces import python

    try:
        wrapper, scopes = python.parse(python_text)
    except Exception as exc:  # LibCST raises ParserSyntaxError, and RecursionError on deep nesting
        if not isinstance(exc, (ValueError, RecursionError)) and type(exc).__name__ != "ParserSyntaxError":
            raise
        _not_parsed(ctx, python.syntax_error_message(exc))
        return False
    pctx = PythonContext(ctx.path, ctx.text, ctx.cell, ctx.target_version, ctx.filename,
                         wrapper=wrapper, scopes=scopes)
    pctx.diagnostics = ctx.diagnostics
    pctx.enabled_codes = frozenset(r.code for r in by_surface.get("python", ()))
    rules = [r(pctx) for r in by_surface.get("python", ())]
    commands, reqs = python.traverse(pctx, rules)
    _run_command_rules(ctx, commands, by_surface)
    _run_requirement_rules(ctx, reqs, by_surface)
    return True


def _lint_notebook(path, text, by_surface, target_version) -> Document:
    from ovlint.surfaces import notebook

    filename = os.path.basename(path)
    try:
        nb = notebook.parse(text)
    except notebook.NotebookError as exc:
        ctx = UnitContext(path, text, None, target_version, filename)
        _not_parsed(ctx, str(exc))
        return Document(text, {None: text}, lambda units: units[None], _finish(ctx, text), parsed=False)
    file_codes = noqa.file_exemption("\n".join(c.text for c in nb.cells))
    if by_surface.get("python") and nb.cells:
        joined = _lint_notebook_as_one(path, text, nb, by_surface, target_version, file_codes)
        if joined is not None:
            return joined
    doc = Document(text, {c.index: c.text for c in nb.cells},
                   lambda units: notebook.replace_sources(text, nb, {k: v for k, v in units.items()}))
    for cell in nb.cells:
        ctx = UnitContext(path, cell.text, cell.index, target_version, filename)
        if cell.python is not None and not _lint_python(ctx, cell.python, by_surface):
            doc.parsed = False
        commands = []
        for start, end, prefix in cell.shell_ranges:
            for command in split_commands(cell.text, start, end, origin="notebook"):
                if prefix:
                    command.words.insert(0, Word(prefix, start, start))
                    command.carrier = "notebook-magic"
                commands.append(command)
        _run_command_rules(ctx, commands, by_surface)
        doc.diagnostics.extend(_finish(ctx, cell.text, file_codes))
    return doc


# between two cells in a notebook's joined code: a comment line no edit touches
CELL_BOUNDARY = "\n#ovlint:cell-boundary\n"


def _lint_notebook_as_one(path, text, nb, by_surface, target_version, file_codes) -> Optional[Document]:
    """Lint all code cells as one module, as the kernel runs them, so a name imported in one cell
    is known in the next. Findings are reported per cell; None when the joined code does not
    parse (the cells are then linted one by one)."""
    import bisect
    import re

    from ovlint.surfaces import notebook

    cells = nb.cells
    combined = CELL_BOUNDARY.join(c.text for c in cells)
    python = CELL_BOUNDARY.join(c.python if c.python is not None else re.sub(r"[^\n]", " ", c.text) for c in cells)
    starts, offset = [], 0
    for cell in cells:
        starts.append(offset)
        offset += len(cell.text) + len(CELL_BOUNDARY)
    ctx = UnitContext(path, combined, None, target_version, os.path.basename(path))
    if not _lint_python(ctx, python, by_surface):
        return None
    commands = []
    for cell, start in zip(cells, starts):
        for first, last, prefix in cell.shell_ranges:
            for command in split_commands(combined, start + first, start + last, origin="notebook"):
                if prefix:
                    command.words.insert(0, Word(prefix, start + first, start + first))
                    command.carrier = "notebook-magic"
                commands.append(command)
    _run_command_rules(ctx, commands, by_surface)
    lines = ctx.lines
    first_rows = [lines.position(start)[0] for start in starts]

    def cell_of(position: int) -> int:
        return bisect.bisect_right(starts, position) - 1

    diagnostics = _finish(ctx, combined, file_codes)
    for diag in diagnostics:
        at = cell_of(diag.start)
        diag.cell, diag.unit = cells[at].index, None
        diag.row -= first_rows[at] - 1
        diag.end_row -= first_rows[cell_of(max(diag.start, diag.end - 1))] - 1
        if diag.fix is not None:
            for edit, location in zip(sorted(diag.fix.edits), diag.edit_locations):
                where = cell_of(edit.start)
                location["cell"] = cells[where].index + 1
                for key in ("location", "end_location"):
                    location[key]["row"] -= first_rows[where] - 1

    def rebuild(units):
        parts = units[None].split(CELL_BOUNDARY)
        if len(parts) != len(cells):
            return text  # an edit crossed a cell boundary: keep the notebook as it was
        return notebook.replace_sources(text, nb, {c.index: p for c, p in zip(cells, parts) if p != c.text})

    return Document(text, {None: combined}, rebuild, diagnostics)


def _run_command_rules(ctx, commands, by_surface) -> None:
    command_rules = [r(ctx) for r in by_surface.get("command", ())]
    requirement_rules = by_surface.get("requirement")
    for command in commands:
        for rule in command_rules:
            rule.check_command(command)
        if requirement_rules:
            _run_requirement_rules(ctx, requirements.from_pip_command(command), by_surface)


def _run_requirement_rules(ctx, reqs, by_surface) -> None:
    if not reqs:
        return
    rules = [r(ctx) for r in by_surface.get("requirement", ())]
    names = frozenset(r.name for r in reqs)
    for req in reqs:
        req.listed_with = names
        for rule in rules:
            rule.check_requirement(req)


def _run_text_rules(ctx, kind, text, by_surface) -> None:
    """C/C++, CMake and JSON rules receive the unit context and do their own tokenising."""
    surface = {"cpp": "native", "cmake": "cmake", "json": "json"}[kind]
    for rule_class in by_surface.get(surface, ()):
        rule = rule_class(ctx)
        getattr(rule, f"check_{surface}")(text)


def _not_parsed(ctx, message: str) -> None:
    ctx.report(FileNotParsed, (0, 0), message, None)


def _finish(ctx, text: str, file_codes=None) -> list[Diagnostic]:
    """Drop suppressed diagnostics and fill in rows, columns and source lines."""
    if file_codes is None:
        file_codes = noqa.file_exemption(text)
    lines = ctx.lines
    kept = []
    for diag in ctx.diagnostics:
        diag.row, diag.column = lines.position(diag.start)
        diag.end_row, diag.end_column = lines.position(diag.end)
        rows = {lines.line(diag.row), lines.line(diag.end_row)}
        if not diag.code.startswith("OV0") and noqa.is_suppressed(diag.code, list(rows), file_codes):
            continue
        diag.source_line = lines.line(diag.row)
        if diag.fix is not None:
            diag.edit_locations = [
                {"content": e.content, "location": _loc(lines, e.start), "end_location": _loc(lines, e.end)}
                for e in diag.fix.edits
            ]
        kept.append(diag)
    return kept


def _loc(lines, offset: int) -> dict:
    row, column = lines.position(offset)
    return {"row": row, "column": column}
