"""The contract every rule implements.

A rule is one class in `rules/`. It declares what it flags and why, how safe its fix is, the
OpenVINO releases involved, and examples that the test suite runs and the docs are built from.
It subscribes to one kind of fact:

* `PythonRule`: LibCST nodes of Python files and notebook cells (`visit_Call(self, node)` etc.);
* `CommandRule`: shell commands wherever they appear (`check_command(self, command)`);
* `RequirementRule`: dependency specifiers wherever they appear (`check_requirement(self, req)`);
* `NativeRule` / `CMakeRule` / `JsonRule`: tokens of C/C++ and CMake files, nodes of JSON configs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Optional

from ovlint.base.diagnostics import Applicability, Edit, Fix

if TYPE_CHECKING:
    from ovlint.rulekit.context import UnitContext

DOCS_BASE = "docs/rules.md"


@dataclass(frozen=True)
class Example:
    """Code the rule flags and, if it has a fix, what the fix turns it into."""

    source: str
    fixed: Optional[str] = None
    filename: str = "example.py"
    unsafe: bool = False  # the fix needs --unsafe-fixes
    target: Optional[str] = None  # --target-version for this example


@dataclass(frozen=True)
class Valid:
    """Code the rule must stay silent on."""

    source: str
    filename: str = "example.py"
    target: Optional[str] = None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]  # the default message
    rationale: ClassVar[str]
    fix: ClassVar[Optional[Applicability]] = None
    deprecated_in: ClassVar[Optional[str]] = None
    removed_in: ClassVar[Optional[str]] = None
    # the first target release the rule reports for (default: `deprecated_in`); earlier when the
    # replacement became the recommended spelling before the old one was deprecated
    applies_from: ClassVar[Optional[str]] = None
    # substrings (a leading `(?i)`: ignoring case); a file containing none of them cannot hold a finding
    needles: ClassVar[tuple[str, ...]] = ()
    surface: ClassVar[str]
    examples: ClassVar[tuple[Example, ...]] = ()
    valid: ClassVar[tuple[Valid, ...]] = ()

    def __init__(self, ctx: "UnitContext"):
        self.ctx = ctx

    @classmethod
    def fix_together(cls) -> tuple:
        """The rules whose fixes only apply when all of them run (a family migrated as a whole)."""
        return (cls,)

    @classmethod
    def anchor(cls) -> str:
        """The rule's heading anchor, in docs/rules.md and in migration reports."""
        return f"{cls.code.lower()}-{cls.name}"

    @classmethod
    def url(cls) -> str:
        return f"{DOCS_BASE}#{cls.anchor()}"

    def report(self, where, message: Optional[str] = None, fix: Optional[Fix] = None) -> None:
        """Report at a LibCST node, a fact with `start`/`end`, or a (start, end) pair."""
        self.ctx.report(self, where, message, fix)

    @staticmethod
    def make_fix(edits, message: str, unsafe: bool = False) -> Optional[Fix]:
        """A fix of `edits`; None when there is nothing to edit."""
        edits = tuple(sorted(edits if not isinstance(edits, Edit) else (edits,)))
        if not edits:
            return None
        return Fix(edits, Applicability.UNSAFE if unsafe else Applicability.SAFE, message)


class PythonRule(Rule):
    surface = "python"


class CommandRule(Rule):
    surface = "command"

    def check_command(self, command) -> None:
        raise NotImplementedError


class RequirementRule(Rule):
    surface = "requirement"

    def check_requirement(self, requirement) -> None:
        raise NotImplementedError


class NativeRule(Rule):
    surface = "native"

    def check_native(self, source) -> None:
        raise NotImplementedError


class CMakeRule(Rule):
    surface = "cmake"

    def check_cmake(self, source) -> None:
        raise NotImplementedError


class JsonRule(Rule):
    surface = "json"

    def check_json(self, document) -> None:
        raise NotImplementedError
