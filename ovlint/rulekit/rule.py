"""The contract every rule implements.

A rule is one class in `rules/`. It declares what it flags and why, how safe its fix is, the
OpenVINO releases involved, and examples that the test suite runs and the docs are built from.
It subscribes to one kind of fact:

* `PythonRule`: LibCST nodes of Python files and notebook cells (`visit_Call(self, node)` etc.);
* `CommandRule`: shell commands wherever they appear (`check_command(self, command)`);
* `RequirementRule`: dependency specifiers wherever they appear (`check_requirement(self, req)`);
* `LinkRule`: URLs in code, commands, documentation prose and notebook Markdown (`check_link(self, link)`);
* `NativeRule` / `CMakeRule` / `JsonRule`: tokens of C/C++, commands of CMake files, the nodes of
  JSON configs (`check_native(tokens)`, `check_cmake(commands)`, `check_json(root)`).

The engine hands each rule its facts through `check(fact)` (Python rules through their visit
methods), so rules never need to know how a kind of file is read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Optional, Union

from ovlint.base.diagnostics import Applicability, Edit, Fix
from ovlint.rulekit.deprecation import Deprecation

if TYPE_CHECKING:
    from ovlint.rulekit.context import UnitContext

@dataclass(frozen=True)
class Example:
    """Code the rule flags and, if it has a fix, what the fix turns it into; without a fix, the
    message is what the user gets, so the example states it (one per finding, in order)."""

    source: str
    fixed: Optional[str] = None
    filename: str = "example.py"
    unsafe: bool = False  # the fix needs --unsafe-fixes
    target: Optional[str] = None  # --target-version for this example
    message: Union[str, tuple[str, ...], None] = None

    @property
    def messages(self) -> Optional[tuple[str, ...]]:
        return (self.message,) if isinstance(self.message, str) else self.message


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
    # a rule whose fix is safe only in some cases declares `fix = SAFE` and says in which cases,
    # completing "safe when ...": everywhere else its fix is unsafe (the docs and `ovlint rule` say so)
    safe_when: ClassVar[Optional[str]] = None
    # what the rule flags, from the deprecation table; `deprecated_in` and `removed_in` come from it
    deprecation: ClassVar[Optional[Deprecation]] = None
    deprecated_in: ClassVar[Optional[str]] = None
    removed_in: ClassVar[Optional[str]] = None
    # the first target release the rule reports for (default: `deprecated_in`); earlier when the
    # replacement became the recommended spelling before the old one was deprecated
    applies_from: ClassVar[Optional[str]] = None
    # substrings, one of which every file holding a finding contains (a leading `(?i)`: ignoring
    # case; `\b` at either end: a word boundary there); the engine runs a rule only on files holding
    # one of its needles and, when it declares `context_needles`, one of those too
    needles: ClassVar[tuple[str, ...]] = ()
    context_needles: ClassVar[tuple[str, ...]] = ()
    # a Python rule that reports only on import statements (it defines only `visit_Import` and
    # `visit_ImportFrom`): its needles count only in the module's imports, which CPython's parser
    # reads before LibCST has to parse anything
    imports_only: ClassVar[bool] = False
    surface: ClassVar[str]
    examples: ClassVar[tuple[Example, ...]] = ()
    valid: ClassVar[tuple[Valid, ...]] = ()
    # rules whose fixes apply only together (a family migrated as a whole) share a group name;
    # the context's `complete_fix_groups` says whether every rule of a group runs
    fix_group: ClassVar[Optional[str]] = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.deprecation is not None:
            cls.deprecated_in, cls.removed_in = cls.deprecation.deprecated, cls.deprecation.removed

    @classmethod
    def load(cls) -> type["Rule"]:
        """The rule itself (as its catalog entry's `load()` gives it): the engine takes either."""
        return cls

    def __init__(self, ctx: "UnitContext"):
        self.ctx = ctx

    @classmethod
    def anchor(cls) -> str:
        """The rule's heading anchor, in docs/rules.md and in migration reports."""
        return f"{cls.code.lower()}-{cls.name}"

    def report(self, where, message: Optional[str] = None, fix: Optional[Fix] = None,
               deprecation: Optional[Deprecation] = None) -> None:
        """Report at a LibCST node, a fact with `start`/`end`, or a (start, end) pair; `deprecation`:
        what this finding is about, when the rule covers several removals."""
        self.ctx.report(self, where, message, fix, deprecation)

    def make_fix(self, edits, message: str, unsafe: bool = False, requires: Optional[str] = None) -> Optional[Fix]:
        """A fix of `edits`; None when there is nothing to edit. `requires`: the first release with
        everything the fix writes (by default the rule's replacement's, `deprecation.since`)."""
        edits = tuple(sorted(edits if not isinstance(edits, Edit) else (edits,)))
        if not edits:
            return None
        if requires is None and self.deprecation is not None:
            requires = self.deprecation.since
        return Fix(edits, Applicability.UNSAFE if unsafe else Applicability.SAFE, message, requires)


class PythonRule(Rule):
    """Receives LibCST nodes: define `visit_<Node>` / `leave_<Node>` methods."""

    surface = "python"
    # a hook's own needles: hook name -> words one of which the module must spell for the hook to
    # do anything (a `visit_Name` about the classes of `openvino.inference_engine`, which a module
    # must spell to name one); in a module without them the hook is not called
    hook_needles: ClassVar[dict[str, tuple[str, ...]]] = {}


class CommandRule(Rule):
    surface = "command"

    def check(self, command) -> None:
        self.check_command(command)

    def check_command(self, command) -> None:
        raise NotImplementedError

    def first_use(self, word, about: str = "") -> bool:
        """Whether `word` is the first of the unit through which this rule sees its variable's value
        (`"$MO_DIR"` used in a test, a message and a command): a finding about what a variable
        holds is made once, where it is first used; `about`: what the finding says, where the
        words that use the variable say different things (`$DIR/bin/setupvars.sh`, `$DIR/tools`)."""
        seen = self.ctx.memo((self.code, "variables"), set)
        key = (word.through, about)
        if key in seen:
            return False
        seen.add(key)
        return True


class RequirementRule(Rule):
    surface = "requirement"

    def check(self, requirement) -> None:
        self.check_requirement(requirement)

    def check_requirement(self, requirement) -> None:
        raise NotImplementedError


class LinkRule(Rule):
    """Receives each URL the unit points at (`surfaces.link.Link`): in Python strings, command
    words, documentation prose and notebook Markdown cells."""

    surface = "link"

    def check(self, link) -> None:
        self.check_link(link)

    def check_link(self, link) -> None:
        raise NotImplementedError


class NativeRule(Rule):
    """Receives the unit's C/C++ tokens (`surfaces.native.Native`)."""

    surface = "native"

    def check(self, tokens) -> None:
        self.check_native(tokens)

    def check_native(self, tokens) -> None:
        raise NotImplementedError


class CMakeRule(Rule):
    """Receives the unit's CMake commands (`surfaces.cmake.Invocation`s)."""

    surface = "cmake"

    def check(self, commands) -> None:
        self.check_cmake(commands)

    def check_cmake(self, commands) -> None:
        raise NotImplementedError


class JsonRule(Rule):
    """Receives the root of the unit's JSON (`surfaces.jsonspan.Node`); files that are not JSON
    reach no rule."""

    surface = "json"

    def check(self, root) -> None:
        self.check_json(root)

    def check_json(self, root) -> None:
        raise NotImplementedError
