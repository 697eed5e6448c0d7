"""Every rule's own examples: flagged code is flagged and fixed exactly as declared, the fix
is stable and parses, and valid code stays silent."""
import os
import re

import pytest

from ovlint.engine import prefilter, registry
from ovlint.base import versions
from ovlint.base.diagnostics import Applicability
from ovlint.engine.own_rules import ENGINE_RULES
from ovlint.engine.linter import lint_text
from ovlint.surfaces import kind_of
from ovlint.surfaces.python import strings_and_imports
from ovlint.app.testing import alone, fix_example, lint_example

RULES = [r for r in registry.all_rules() if r not in ENGINE_RULES]
EXAMPLES = [(r, i, e) for r in RULES for i, e in enumerate(r.examples)]
VALID = [(r, i, v) for r in RULES for i, v in enumerate(r.valid)]


def test_codes_are_unique_and_well_formed():
    codes = [r.code for r in registry.all_rules()]
    assert len(codes) == len(set(codes))
    for rule in registry.all_rules():
        assert re.fullmatch(r"OV\d{3}", rule.code), rule
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule
        assert rule.summary and rule.rationale


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata(rule):
    assert rule.examples, f"{rule.code} has no flagged example"
    assert rule.valid, f"{rule.code} has no silent example"
    assert rule.needles, f"{rule.code} declares no prefilter needle"
    hooks = {name for name in dir(rule) if name.startswith(("visit_", "leave_"))}
    if rule.imports_only:  # its needles are looked for in the imports only: it must report nowhere else
        assert rule.surface == "python" and hooks <= {"visit_Import", "visit_ImportFrom"}, hooks
    for hook, words in getattr(rule, "hook_needles", {}).items():
        assert hook in hooks and words and all(isinstance(w, str) and w for w in words), (hook, words)
    for version in (rule.deprecated_in, rule.removed_in):
        assert version is None or version in versions.KNOWN_RELEASES
    fixes = [e for e in rule.examples if e.fixed is not None]
    if rule.fix is None:
        assert not fixes and rule.safe_when is None, "a rule without a fix declares fixed examples"
        return
    assert fixes, "a rule with a fix shows no fixed example"
    shown = {e.unsafe for e in fixes}
    if rule.safe_when is not None:
        assert rule.fix is Applicability.SAFE, "`safe_when` says when a fix declared safe is safe"
        assert shown == {False, True}, "a rule whose fix is safe only sometimes shows a safe and an unsafe example"
    else:
        assert shown == {rule.fix is Applicability.UNSAFE}, (
            f"examples of both safeties for a rule declared {rule.fix.value}: say when it is safe (`safe_when`)")


def test_every_fix_has_a_safety_its_rule_declares():
    """Each example, linted with every rule (so each finding meets the others' findings, as in a real
    module): a rule declared safe or unsafe without `safe_when` never offers a fix of the other kind.
    (OV101, declared safe, used to carry the unsafe fix of the module it was in.)"""
    wrong = set()
    for rule, _, example in EXAMPLES:
        kind, target = kind_of(example.filename), example.target or versions.NEWEST
        every = prefilter.rules_for(kind.name, frozenset(r.code for r in RULES), target)
        result = lint_text(example.filename, kind, example.source, list(every), target)
        for diag in result.diagnostics:
            declared = registry.by_code()[diag.code]
            if diag.fix is not None and declared.safe_when is None and diag.fix.applicability is not declared.fix:
                wrong.add((diag.code, diag.fix.applicability.value))
    assert not wrong


def test_hooks_left_out_for_their_needles_change_no_finding(monkeypatch):
    """A hook whose needles a module does not spell is not called there: on the Python examples and
    valid code of every rule, each linted with every rule, findings and fixes are the same as when
    every hook is called."""
    sources = [s for r in RULES for s in (*r.examples, *r.valid) if s.filename.endswith(".py")]
    codes = frozenset(r.code for r in RULES)

    def findings() -> list:
        found = []
        for source in sources:
            kind, target = kind_of(source.filename), source.target or versions.NEWEST
            rules = list(prefilter.rules_for(kind.name, codes, target))
            result = lint_text(source.filename, kind, source.source, rules, target)
            found.append([(d.code, d.start, d.end, d.message,
                           d.fix and [(e.start, e.end, e.content) for e in d.fix.edits]) for d in result.diagnostics])
        return found

    with_needles = [r.load() for r in RULES if getattr(r.load(), "hook_needles", None)]
    assert with_needles
    left_out = findings()
    for rule in with_needles:
        monkeypatch.setattr(rule, "hook_needles", {})
    assert findings() == left_out
    assert sum(map(len, left_out)) > len(sources)


@pytest.mark.parametrize("rule,index,example", EXAMPLES, ids=lambda x: getattr(x, "code", str(x)))
def test_flagged_example(rule, index, example):
    found = lint_example(rule, example.source, example.filename, example.target)
    assert [d.code for d in found], f"{rule.code} example {index} is not flagged"
    assert {d.code for d in found} == {rule.code}
    for diag in found:
        assert 0 <= diag.start <= diag.end <= len(example.source)
    if example.fixed is None:
        assert example.messages is not None, "an example without a fix must state its message"
    if example.messages is not None:
        assert tuple(d.message for d in found) == example.messages
    outcome = fix_example(rule, example.source, example.filename, unsafe=True, target=example.target)
    if example.fixed is None:
        with alone():
            together = lint_text(example.filename, kind_of(example.filename), example.source,
                                 list(registry.fix_group(rule)), example.target or versions.NEWEST)
        own = [d for d in together.diagnostics if d.code == rule.code]
        assert own and all(d.fix is None for d in own), "an example declared without a fix has one"
        return
    assert outcome.text == example.fixed
    safe = fix_example(rule, example.source, example.filename, unsafe=False, target=example.target)
    if example.unsafe:
        assert safe.text != example.fixed, "declared unsafe, but --fix alone applies it"
    else:
        assert safe.text == example.fixed, "declared safe, but --fix alone does not apply it"
    # the result parses, is stable, and a second run changes nothing
    kind = kind_of(example.filename)
    with alone():
        again = lint_text(example.filename, kind, outcome.text, [rule], example.target or versions.NEWEST)
    assert again.parsed
    second = fix_example(rule, outcome.text, example.filename, unsafe=True, target=example.target)
    assert second.text == outcome.text
    assert not second.applied


@pytest.mark.parametrize("rule,index,example", EXAMPLES, ids=lambda x: getattr(x, "code", str(x)))
def test_flagged_example_holds_the_rules_needles(rule, index, example):
    """Needles are necessary conditions of a finding: the engine runs a rule only on files holding
    one of its needles (and one of its context needles), so every flagged example holds them."""
    kind = kind_of(example.filename).name
    admitted = prefilter.screen(kind, (rule,)).admit(example.source, os.path.basename(example.filename))
    assert admitted == (rule,), f"{rule.code} example {index} holds none of {rule.needles} (and {rule.context_needles})"
    if kind == "python" and (rule.imports_only or rule.surface in kind_of(example.filename).carried):
        assert prefilter.screen(kind, (rule,)).narrowed(example.source, *strings_and_imports(example.source)) == \
            (rule,), f"{rule.code} example {index} holds none of its needles where CPython's parse shows it can report"


@pytest.mark.parametrize("rule,index,valid", VALID, ids=lambda x: getattr(x, "code", str(x)))
def test_valid_example(rule, index, valid):
    assert lint_example(rule, valid.source, valid.filename, valid.target) == []
