"""Lints the text of one file: its kind reads it into units, each unit's facts go to the rules
that subscribe to them (every Python rule in one traversal), then suppressions are applied and
every diagnostic is located."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Callable, Optional

from ovlint.base import noqa
from ovlint.base.diagnostics import Diagnostic
from ovlint.base.lazy import pattern
from ovlint.base.versions import Floor
from ovlint.engine import command_code, prefilter, registry
from ovlint.engine.own_rules import FileNotParsed
from ovlint.rulekit.context import PythonContext, UnitContext
from ovlint.surfaces import COMMAND, LINK, PYTHON, REQUIREMENT, Document, FileKind, Unit
from ovlint.surfaces.link import from_command
from ovlint.surfaces.requirement import from_pip_command


def lint_text(path: str, kind: FileKind, text: str, rules: list, target_version: str,
              floor: Optional[Floor] = None, admitted: Optional[tuple] = None) -> Document:
    """Every diagnostic of `rules` (rules or their catalog entries) in `text`, with positions, after
    suppressions; a fix that needs a release newer than the target or the pinned `floor` is
    withheld, and its finding says why. Only the rules whose needles the text holds run (and only
    their modules are imported): the others cannot report in it. `admitted`: those rules, when the
    caller has screened the file already."""
    if admitted is None:
        admitted = prefilter.screen(kind.name, tuple(rules)).admit(text, os.path.basename(path))
    narrowed = _narrowed(kind, admitted, text)
    doc = kind.read(text)
    if narrowed == ():  # CPython compiled it, and no rule can report in it
        return doc
    subscribers: dict[str, list] = {}
    for rule in admitted if narrowed is None else narrowed:
        subscribers.setdefault(rule.surface, []).append(rule.load())
    # a family's fixes apply when all its rules are enabled, whether or not each can report here
    groups = registry.complete_fix_groups(rules)
    _lint(path, doc, subscribers, groups, target_version, floor)
    while doc.fall_back and doc.fallback is not None:  # each reading is more apart than the last
        doc = doc.fallback()
        _lint(path, doc, subscribers, groups, target_version, floor)
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    return doc


def _narrowed(kind: FileKind, admitted: tuple, text: str) -> Optional[tuple]:
    """In a Python module where only rules of the facts it carries (commands, requirements) or
    rules that report only on imports can report, those whose needles are in its strings or
    imports (CPython's parser finds them far faster than LibCST parses); None when that does not
    apply or the module does not compile."""
    if kind.name != "python" or not admitted or \
            not all(r.surface in kind.carried or r.imports_only for r in admitted):
        return None
    from ovlint.surfaces.python import strings_and_imports

    found = strings_and_imports(text)
    return None if found is None else prefilter.screen(kind.name, admitted).narrowed(text, *found)


def _lint(path: str, doc: Document, subscribers: dict, groups: frozenset, target_version: str,
          floor: Optional[Floor]) -> None:
    file_codes = noqa.file_exemption(doc.text if doc.exemption_text is None else doc.exemption_text)
    floor = _own_floor(path, doc, floor)
    for unit in doc.units:
        ctx = UnitContext(path, unit.text, unit.cell, target_version, os.path.basename(path), file_codes, floor,
                          unit.partial)
        # a notebook's code joined from its cells: a line of it names no line of the file
        ctx.lines_are_the_files = unit.cell is None and doc.place is None
        if unit.cell is None and doc.line_name is not None:
            ctx.line_name = doc.line_name
        ctx.lines_named_by_cell = unit.cell is not None or doc.line_name is not None
        parsed = _lint_unit(ctx, unit, subscribers, groups)
        diagnostics = ctx.finish()
        if not parsed and unit.python == unit.text:
            diagnostics, parsed = _lint_spaced(ctx, unit, subscribers, groups) or (diagnostics, parsed)
        doc.parsed = doc.parsed and parsed
        doc.fall_back = doc.fall_back or not (parsed or unit.apart)
        for diag in diagnostics:
            diag.unit = unit.key
            doc.diagnostics.append(diag)
    if doc.place is not None:
        doc.place(doc.diagnostics)


def _own_floor(path: str, doc: Document, floor: Optional[Floor]) -> Optional[Floor]:
    """The floor, lowered to what the file itself installs or runs on: a Dockerfile, script or
    notebook that runs `pip install openvino-dev==2022.3.0` runs its commands and code on 2022.3,
    whatever the project's dependency files say, and so does one built `FROM` an OpenVINO image of a
    release or sourcing a release's own install (`release_named`; in Python, its shell lines only). (What Python
    code installs is known once it is parsed: `_lint_unit` lowers the floor again then.)"""
    from ovlint.surfaces.release_named import lowest_named

    for unit in doc.units:
        # a line of a notebook's joined cells means nothing to its reader: the notebook is named alone
        # a line of a notebook's joined cells means nothing to its reader: it is named by its cell
        if doc.place is None and unit.cell is None:
            where = _file_line(unit.text)
        elif unit.cell is None and doc.line_name is not None:
            where = _named(doc.line_name)
        elif unit.cell is not None:
            where = _named(lambda at, cell=unit.cell, text=unit.text: f"cell {cell + 1}, line {text.count(chr(10), 0, at) + 1}")
        else:
            where = _nowhere
        # in Python, only its shell lines (a notebook's `!source .../openvino_2021/setupvars.sh`)
        named = lowest_named(unit.text if unit.python is None else "", unit.commands, images=unit.python is None)
        floor = _lowered(floor, path, where, unit.requirements, unit.commands, named)
    return floor


def _file_line(text: str) -> Callable[[int], str]:
    return lambda at: f":{text.count(chr(10), 0, at) + 1}"


def _named(line_name: Callable[[int], str]) -> Callable[[int], str]:
    return lambda at: f" ({line_name(at)})"


def _nowhere(at: int) -> str:
    return ""


def _pin_place(ctx) -> Callable[[int], str]:
    """How the origin of a floor a unit states names the offset of its pin: `:12` where the unit's
    lines are the file's, ` (cell 3, line 2)` in a notebook, nothing elsewhere."""
    if ctx.lines_are_the_files:
        return _file_line(ctx.text)
    return _named(ctx.line_name) if ctx.lines_named_by_cell else _nowhere


def _lowered(floor: Optional[Floor], path: str, where: Callable[[int], str], requirements: list,
             commands: list, named: Optional[tuple] = None) -> Optional[Floor]:
    """`floor`, or the lowest pin of `requirements` and the `pip install` lines of `commands` (or
    the release `named`, with its offset) when that is older; `where`: how the origin names the
    pin's offset after the file's name (`_pin_place`)."""
    from ovlint.base.versions import parse
    from ovlint.surfaces.release_named import lowest_stated

    found = lowest_stated(requirements, commands, named)
    if found is None:
        return floor
    release, start = found
    # the file's own statement of the release the project pins too is the nearer reason
    if floor is not None and parse(floor.release) < parse(release):
        return floor
    return Floor(release, os.path.relpath(path) + where(start))


# a command that is a variable's value alone: `$mo_command`, `${cmd}`, `{cmd}` (IPython's own)
_EXPANDED_NAME = pattern(r"^\$\{?(\w+)\}?$|^\{(\w+)\}$")


def _lint_unit(ctx: UnitContext, unit: Unit, subscribers: dict, groups: frozenset) -> bool:
    """Run every subscribed rule on the unit's facts; False when the unit could not be read."""
    parsed = unit.error is None
    if not parsed:
        ctx.report(FileNotParsed, (0, 0), unit.error, None)
    commands, requirements, links = list(unit.commands), list(unit.requirements), list(unit.links)
    expanded = (_EXPANDED_NAME.match(command.words[0].value) for command in unit.commands if command.words)
    ctx.shell_names = frozenset(m.group(1) or m.group(2) for m in expanded if m)
    if unit.python is not None:
        carried = _lint_python(ctx, unit.python, subscribers, groups)
        if carried is None:
            return False
        commands += carried[0]
        requirements += carried[1]
        links += carried[2]
        # code that installs an older release (`subprocess.run("pip install openvino==2022.3.0")`)
        # runs on it: its fixes are withheld when the unit ends, where the floor is read again
        floor = _lowered(ctx.floor, ctx.path, _pin_place(ctx), carried[1], carried[0])
        if floor is not ctx.floor:
            ctx.floor = floor
            for diag in ctx.diagnostics:
                diag.floor = floor
    ctx.commands = commands
    command_rules = [r(ctx) for r in subscribers.get(COMMAND, ())]
    for command in commands:
        with _unfixed(ctx, command.foreign), _run_on(ctx, command):
            for rule in command_rules:
                rule.check(command)
    # after every command's findings: a requirement's fix can depend on what becomes of the
    # commands (OV401 keeps `openvino-dev` while a `mo` stays)
    if PYTHON in subscribers:
        for command in commands:
            index = command_code.code_word(command)
            if index is not None:
                with _unfixed(ctx, command.foreign), _run_on(ctx, command):
                    command_code.lint_code(ctx, command, index,
                                           lambda inner, code: _lint_python(inner, code, subscribers, groups))
    if REQUIREMENT in subscribers:
        for command in commands:
            with _unfixed(ctx, command.foreign), _run_on(ctx, command):
                _run_requirement_rules(ctx, from_pip_command(command), subscribers)
    _run_requirement_rules(ctx, requirements, subscribers)
    if LINK in subscribers:
        link_rules = [r(ctx) for r in subscribers[LINK]]
        seen = set()  # a URL in a Python string that is also a command's word is one link
        for link in links + [found for command in commands for found in from_command(command, ctx.text)]:
            if (link.start, link.end) not in seen:
                seen.add((link.start, link.end))
                for rule in link_rules:
                    rule.check(link)
    if unit.tree is not None:
        for surface, rules in subscribers.items():
            if surface not in (PYTHON, COMMAND, REQUIREMENT, LINK):
                for rule in rules:
                    rule(ctx).check(unit.tree)
    return parsed


@contextmanager
def _run_on(ctx: UnitContext, command):
    """The command's findings, made against the release of the OpenVINO image it runs in when that
    is older than the unit's floor: in a notebook or a Python program, `docker run
    openvino/ubuntu20_dev:2022.2.0 mo ...` runs `mo` on 2022.2, whatever the code around it runs on."""
    unit_floor = ctx.floor
    if command.runs_on is not None:
        ctx.floor = _lowered(unit_floor, ctx.path, _pin_place(ctx), [], [], command.runs_on)
    try:
        yield
    finally:
        ctx.floor = unit_floor


@contextmanager
def _unfixed(ctx: UnitContext, reason: str):
    """The findings made inside, without their fixes when there is a `reason` (which they then say)."""
    before = len(ctx.diagnostics)
    yield
    if reason:
        for diag in ctx.diagnostics[before:]:
            if diag.fix is not None:
                diag.fix = None
                diag.message += f" (not rewritten: {reason})"


def _lint_spaced(ctx: UnitContext, unit: Unit, subscribers: dict, groups: frozenset):
    """Valid Python LibCST cannot read for its tabs, linted with them expanded: (the findings at
    the file's positions, True), without fixes (ovlint does not rewrite such indentation); None
    when that does not help either."""
    from ovlint.surfaces.python import SpacedIndentation

    spaced = SpacedIndentation.of(unit.text)
    if spaced is None:
        return None
    inner = UnitContext(ctx.path, spaced.text, ctx.cell, ctx.target_version, ctx.filename, ctx.file_codes,
                        ctx.floor, ctx.partial)
    if not _lint_unit(inner, Unit(spaced.text, unit.key, unit.cell, python=spaced.text, partial=unit.partial),
                      subscribers, groups):
        return None
    ctx.diagnostics.clear()  # what the first reading reported: that the file does not parse
    for diag in inner.finish():
        diag.start, diag.end = spaced.original(diag.start), spaced.original(diag.end)
        if diag.fix is not None:
            diag.message += " (not fixed: the indentation mixes tabs and spaces, which ovlint does not rewrite)"
            diag.fix, diag.edit_locations = None, []
        ctx.diagnostics.append(diag)
    return ctx.finish(), True


def _lint_python(ctx: UnitContext, python_text: str, subscribers: dict, groups: frozenset):
    """Run the Python rules; (commands, requirements, links) the code carries, or None if it does
    not parse or is nested too deeply for LibCST's analysis (which runs when a rule first asks)."""
    from ovlint.surfaces import python

    try:
        wrapper = python.parse(python_text)
    except Exception as exc:  # LibCST raises ParserSyntaxError, and RecursionError on deep nesting
        if not isinstance(exc, (ValueError, RecursionError)) and type(exc).__name__ != "ParserSyntaxError":
            raise
        ctx.report(FileNotParsed, *python.syntax_error(exc, python_text, ctx.lines), None)
        return None
    pctx = PythonContext(ctx, wrapper=wrapper)
    pctx.complete_fix_groups = groups
    pctx.shell_names = ctx.shell_names
    try:
        facts = python.traverse(pctx, [r(pctx) for r in subscribers.get(PYTHON, ())],
                                carried=frozenset(subscribers) & {COMMAND, REQUIREMENT, LINK} | _runs_code(python_text))
        pctx.requote_in_fstrings()
        return facts
    except RecursionError as exc:
        ctx.diagnostics.clear()  # the rules saw part of the module only
        ctx.report(FileNotParsed, (0, 0), python.syntax_error_message(exc), None)
        return None
    finally:
        pctx.close()


def _runs_code(python_text: str) -> frozenset:
    """The commands of a module that can hold `python -c CODE`, for the Python rules to read: a
    module that spells `-c`, an interpreter and a call that runs commands."""
    runs = "-c" in python_text and ("python" in python_text or "executable" in python_text) and any(
        call in python_text for call in ("subprocess", "os.system", "os.popen", "get_ipython"))
    return frozenset({COMMAND}) if runs else frozenset()


def _run_requirement_rules(ctx, reqs, subscribers) -> None:
    if not reqs or REQUIREMENT not in subscribers:
        return
    rules = [r(ctx) for r in subscribers[REQUIREMENT]]
    names = frozenset(r.name for r in reqs)
    for req in reqs:
        req.listed_with, req.listed = names, tuple(reqs)
        with _unfixed(ctx, req.foreign):
            for rule in rules:
                rule.check(req)
