"""Helpers that run a rule's declared examples; used by the test suite and usable by anyone
writing a rule of their own."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache

from ovlint.base import versions
from ovlint.base.text import SourceText
from ovlint.engine import registry
from ovlint.engine.fixer import fix_text
from ovlint.engine.linter import lint_text
from ovlint.surfaces import kind_of


@lru_cache(maxsize=1)
def _empty_folder() -> str:
    return tempfile.mkdtemp(prefix="ovlint-example-")


@contextmanager
def alone():
    """Examples are files of their own: linted from an empty folder, not as files of the project
    the tests run in (rules that read the program around a file would read that project's)."""
    before = os.getcwd()
    os.chdir(_empty_folder())
    try:
        yield
    finally:
        os.chdir(before)


def lint_example(rule, source: str, filename: str, target: str | None = None):
    """The rule's diagnostics, or none when the target predates the rule (as a run would)."""
    target = target or versions.NEWEST
    if not versions.at_least(target, rule.applies_from or rule.deprecated_in):
        return []
    with alone():
        return lint_text(filename, kind_of(filename), source, [rule], target).diagnostics


def fix_example(rule, source: str, filename: str, unsafe: bool, target: str | None = None):
    kind = kind_of(filename)
    rules = list(registry.fix_group(rule))
    with alone():
        return fix_text(filename, kind, source, rules, target or versions.NEWEST, unsafe, SourceText(source).encode)
