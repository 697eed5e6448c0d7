"""Lints the text of one file: its kind reads it into units, each unit's facts go to the rules
that subscribe to them (every Python rule in one traversal), then suppressions are applied and
every diagnostic is located."""
from __future__ import annotations

import os
from typing import Optional

from ovlint.base import noqa
from ovlint.base.diagnostics import Diagnostic
from ovlint.base.versions import Floor
from ovlint.engine import prefilter, registry
from ovlint.engine.own_rules import FileNotParsed
from ovlint.rulekit.context import PythonContext, UnitContext
from ovlint.surfaces import COMMAND, PYTHON, REQUIREMENT, Document, FileKind
from ovlint.surfaces.requirement import from_pip_command


def lint_text(path: str, kind: FileKind, text: str, rules: list, target_version: str,
              floor: Optional[Floor] = None) -> Document:
    """Every diagnostic of `rules` in `text`, with positions, after suppressions; a fix that needs a
    release newer than the target or the pinned `floor` is withheld, and its finding says why. Only
    the rules whose needles the text holds run: the others cannot report in it."""
    subscribers: dict[str, list] = {}
    for rule in prefilter.screen(kind.name, tuple(rules)).admit(text, os.path.basename(path)):
        subscribers.setdefault(rule.surface, []).append(rule)
    # a family's fixes apply when all its rules are enabled, whether or not each can report here
    groups = registry.complete_fix_groups(rules)
    doc = kind.read(text)
    _lint(path, doc, subscribers, groups, target_version, floor)
    if not doc.parsed and doc.fallback is not None:
        doc = doc.fallback()
        _lint(path, doc, subscribers, groups, target_version, floor)
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    return doc


def _lint(path: str, doc: Document, subscribers: dict, groups: frozenset, target_version: str,
          floor: Optional[Floor]) -> None:
    file_codes = noqa.file_exemption(doc.text if doc.exemption_text is None else doc.exemption_text)
    filename = os.path.basename(path)
    for unit in doc.units:
        ctx = UnitContext(path, unit.text, unit.cell, target_version, filename, file_codes, floor)
        commands, requirements = list(unit.commands), list(unit.requirements)
        if unit.error is not None:
            ctx.report(FileNotParsed, (0, 0), unit.error, None)
            doc.parsed = False
        if unit.python is not None:
            carried = _lint_python(ctx, unit.python, subscribers, groups)
            if carried is None:
                doc.parsed = False
            else:
                commands += carried[0]
                requirements += carried[1]
        command_rules = [r(ctx) for r in subscribers.get(COMMAND, ())]
        for command in commands:
            for rule in command_rules:
                rule.check(command)
            if REQUIREMENT in subscribers:
                _run_requirement_rules(ctx, from_pip_command(command), subscribers)
        _run_requirement_rules(ctx, requirements, subscribers)
        if unit.tree is not None:
            for surface, rules in subscribers.items():
                if surface not in (PYTHON, COMMAND, REQUIREMENT):
                    for rule in rules:
                        rule(ctx).check(unit.tree)
        for diag in ctx.finish():
            diag.unit = unit.key
            doc.diagnostics.append(diag)
    if doc.place is not None:
        doc.place(doc.diagnostics)


def _lint_python(ctx: UnitContext, python_text: str, subscribers: dict, groups: frozenset):
    """Run the Python rules; (commands, requirements) the code carries, or None if it does not parse."""
    from ovlint.surfaces import python

    try:
        wrapper = python.parse(python_text)
    except Exception as exc:  # LibCST raises ParserSyntaxError, and RecursionError on deep nesting
        if not isinstance(exc, (ValueError, RecursionError)) and type(exc).__name__ != "ParserSyntaxError":
            raise
        ctx.report(FileNotParsed, (0, 0), python.syntax_error_message(exc), None)
        return None
    pctx = PythonContext(ctx, wrapper=wrapper)
    pctx.complete_fix_groups = groups
    return python.traverse(pctx, [r(pctx) for r in subscribers.get(PYTHON, ())])


def _run_requirement_rules(ctx, reqs, subscribers) -> None:
    if not reqs or REQUIREMENT not in subscribers:
        return
    rules = [r(ctx) for r in subscribers[REQUIREMENT]]
    names = frozenset(r.name for r in reqs)
    for req in reqs:
        req.listed_with = names
        for rule in rules:
            rule.check(req)
