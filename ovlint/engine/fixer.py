"""Applies fixes: non-overlapping edits per round, rounds until nothing changes, and a result
that does not parse (or cannot be encoded) is never kept. Knows nothing about OpenVINO."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Callable, Optional

from ovlint.base.diagnostics import Applicability, Diagnostic, EditIndex
from ovlint.base.versions import Floor
from ovlint.engine.own_rules import FixBrokeFile, FixDidNotConverge
from ovlint.engine.linter import lint_text
from ovlint.surfaces import Document, FileKind

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    text: str
    diagnostics: list[Diagnostic]  # what remains in `text`
    applied: list[Diagnostic] = field(default_factory=list)  # the diagnostics whose fixes were applied


def allowed(diag: Diagnostic, unsafe: bool) -> bool:
    return diag.fix is not None and (unsafe or diag.fix.applicability is Applicability.SAFE)


def fix_text(path: str, kind: FileKind, text: str, rules: list, target: str, unsafe: bool,
             encode: Callable[[str], bytes], floor: Optional[Floor] = None) -> FixOutcome:
    original = lint_text(path, kind, text, rules, target, floor)
    doc = original
    applied: list[Diagnostic] = []
    for _ in range(MAX_ROUNDS):
        chosen = choose(doc.diagnostics, unsafe)
        if not chosen:
            return FixOutcome(doc.text, doc.diagnostics, applied)
        new_text = _apply(doc, chosen)
        if new_text == doc.text:  # fixes that rewrite text into itself: nothing more to do
            return FixOutcome(doc.text, doc.diagnostics, applied)
        new_doc = lint_text(path, kind, new_text, rules, target, floor) if new_text is not None else None
        problem = None
        if new_doc is None:
            problem = "an edit crosses the boundary between two notebook cells"
        elif original.parsed and not new_doc.parsed:
            problem = "the fixed code does not parse"
        # LibCST reads the grammar of newer Pythons than the running one may (a quote reused
        # inside an f-string): a module this Python compiles must compile once fixed
        elif kind.name == "python" and not _compiles(new_text) and _compiles(text):
            problem = f"the fixed code does not compile with Python {sys.version_info[0]}.{sys.version_info[1]}"
        else:
            try:
                encode(new_text)
            except UnicodeError as exc:  # UnicodeEncodeError, or the base class from codecs such as idna
                problem = f"the fixed code cannot be encoded ({getattr(exc, 'reason', exc)})"
        if problem:
            return FixOutcome(text, original.diagnostics + [_engine(FixBrokeFile, path, problem, chosen)], [])
        applied.extend(chosen)
        doc = new_doc
    stuck = _engine(FixDidNotConverge, path, f"still changing after {MAX_ROUNDS} rounds", doc.diagnostics)
    return FixOutcome(doc.text, doc.diagnostics + [stuck], applied)


def _compiles(text: str) -> bool:
    from ovlint.surfaces.python import compiles

    return compiles(text)


def choose(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Fixes whose edits do not overlap an earlier chosen fix in the same unit; the rest wait
    for the next round. Edits already chosen are compatible with themselves: two rules adding
    the same import, or the diagnostics of one group sharing one fix's edits, judged once."""
    spans: dict[int, tuple[int, int]] = {}  # by the id of a fix's edits, like `verdicts`
    verdicts: dict[int, bool] = {}  # chosen or not
    taken: dict = {}
    chosen = []

    def order(diag: Diagnostic):
        if id(diag.fix.edits) not in spans:
            spans[id(diag.fix.edits)] = diag.fix.span
        return spans[id(diag.fix.edits)], diag.code

    for diag in sorted((d for d in diagnostics if allowed(d, unsafe)), key=order):
        verdict = verdicts.get(id(diag.fix.edits))
        if verdict is None:
            edits = taken.setdefault(diag.unit, EditIndex())
            verdict = not any(e not in edits and edits.clashes(e, touching=True) for e in diag.fix.edits)
            if verdict:
                for edit in diag.fix.edits:
                    edits.add(edit)
            verdicts[id(diag.fix.edits)] = verdict
        if verdict:
            chosen.append(diag)
    return chosen


def apply_edits(text: str, edits) -> str:
    """`text` with non-overlapping edits applied, in one pass."""
    pieces, cursor = [], 0
    for edit in sorted(set(edits)):
        pieces += (text[cursor:edit.start], edit.content)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _apply(doc: Document, chosen: list[Diagnostic]) -> Optional[str]:
    """The file's text with the chosen fixes applied; None when the units cannot be put back together."""
    per_unit: dict = {}
    shared = {id(diag.fix.edits): diag for diag in chosen}  # the edits the diagnostics of a group share, once
    for diag in shared.values():
        per_unit.setdefault(diag.unit, set()).update(diag.fix.edits)
    units = doc.unit_texts()
    for unit, edits in per_unit.items():
        units[unit] = apply_edits(units[unit], edits)
    return doc.rebuild(units)


def _engine(rule, path: str, detail: str, diags: list[Diagnostic]) -> Diagnostic:
    codes = ", ".join(sorted({d.code for d in diags})) or "none"
    return Diagnostic(rule.code, f"{rule.summary} ({detail}; fixes involved: {codes})", path)
