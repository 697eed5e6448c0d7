"""Deprecation facts live in one table: rules take releases from it and type none themselves."""
import ast
import re
from pathlib import Path

from ovlint.engine import registry
from ovlint.rules._deprecations import DEPRECATIONS

RULES = Path(__file__).resolve().parent.parent / "rules"
RELEASE = re.compile(r"\b20[12]\d\.\d+\b")


def _strings_outside_examples(tree):
    """String constants of a module, f-string parts included, except docstrings and the code of
    `Example`/`Valid` cases (which are programs, and may pin any release)."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node):
            skip.add(id(node.body[0].value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Example", "Valid"):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node


def test_no_release_is_typed_into_a_rule():
    typed = []
    for path in sorted(RULES.rglob("*.py")):
        for node in _strings_outside_examples(ast.parse(path.read_text(encoding="utf-8"))):
            if RELEASE.search(node.value):
                typed.append(f"{path.relative_to(RULES)}:{node.lineno}: {node.value[:60]!r}")
    assert typed == []


def test_every_entry_is_used_by_a_rule():
    sources = "".join(p.read_text(encoding="utf-8") for p in RULES.rglob("*.py"))
    assert [key for key in DEPRECATIONS if f'"{key}"' not in sources] == []


def test_rule_releases_come_from_their_entry():
    for rule in registry.all_rules():
        if rule.deprecation is not None:
            assert (rule.deprecated_in, rule.removed_in) == (rule.deprecation.deprecated, rule.deprecation.removed)
