"""The walk that replaces LibCST's rebuilding visit calls the same hooks in the same order, and
LibCST's scope analysis gives the same answers through it, on real programs (this project's own
sources and every rule example)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TRACE = r'''
import json, sys
import libcst
from libcst.metadata import ExpressionContext, ExpressionContextProvider, MetadataWrapper, ScopeProvider
from ovlint.engine import registry
from ovlint.surfaces import cst_walk

if sys.argv[1] == "walk":
    cst_walk.install()
sources = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
sources += [e.source for r in registry.all_rules() for e in r.examples if e.filename.endswith(".py")]
# calls and subscripts whose arguments are type hints, spelt or not
sources += [
    "import typing as t\nfrom typing import List, TypeVar, cast as c, NewType\nT = TypeVar('T', bound='Base')\n"
    "U = NewType('U', 'int')\nx = c('List[Base]', y)\nz = t.cast('Base', y)\nv: List['Base'] = []\n"
    "w: t.Literal['Base'] = 'Base'\nclass Base: pass\n",
    "from typing_extensions import Literal\nq: Literal['a'] = cast('Base', y)\nclass Base: pass\n",
    "def cast(a, b): return b\nx = cast('Base', y)\nl = x['Base']\nclass Base: pass\n",
]


class Trace(libcst.CSTVisitor):
    def __init__(self, events):
        super().__init__()
        self.events = events

    def on_visit(self, node):
        self.events.append(("visit", type(node).__name__))
        return not isinstance(node, libcst.Lambda)  # a visitor may skip children

    def on_leave(self, node):
        self.events.append(("leave", type(node).__name__))

    def on_visit_attribute(self, node, attribute):
        self.events.append(("enter", attribute))

    def on_leave_attribute(self, node, attribute):
        self.events.append(("exit", attribute))


class Methods(libcst.CSTVisitor):
    """A visitor with CSTVisitor's hooks, which call its methods (a walk looks them up once per type)."""

    def __init__(self, events):
        super().__init__()
        self.events = events

    def visit_FunctionDef(self, node):
        self.events.append(("def", node.name.value))
        return not node.name.value.startswith("_")  # a method may skip children

    def leave_FunctionDef(self, node):
        self.events.append(("end def", node.name.value))

    def visit_Name(self, node):
        self.events.append(("name", node.value))

    def visit_Attribute_attr(self, node):
        self.events.append(("attr", node.attr.value))

    def leave_Call_args(self, node):
        self.events.append(("args", len(node.args)))

    def visit_FormattedStringExpression_format_spec(self, node):
        self.events.append(("spec", node.format_spec is None))


class OwnLeave(Methods):
    """... and its own `on_leave`, as LibCST's scope analysis has."""

    def on_leave(self, node):
        self.events.append(("left", type(node).__name__))
        super().on_leave(node)


out = []
for source in sources:
    wrapper = MetadataWrapper(libcst.parse_module(source), unsafe_skip_copy=True)
    events = []
    wrapper.module.visit(Trace(events))
    wrapper.module.visit(Methods(events))
    wrapper.module.visit(OwnLeave(events))
    if sys.argv[1] == "walk":  # as ovlint runs it: told which names the module spells and stores
        by_type = {}
        for node in cst_walk.preorder(wrapper.module)[0]:
            by_type.setdefault(type(node), []).append(node)
        scopes = cst_walk.resolve_scopes(wrapper, by_type)
    else:
        scopes = wrapper.resolve(ScopeProvider)
    # what the scope analysis asks of expression contexts: whether a name is stored
    contexts = wrapper.resolve(ExpressionContextProvider)
    nodes = []
    wrapper.module.visit(type("Nodes", (libcst.CSTVisitor,), {"on_visit": lambda self, n: nodes.append(n) or True})())
    facts = []
    for node in nodes:
        if not isinstance(node, (libcst.Name, libcst.Attribute, libcst.Call, libcst.BaseStatement)):
            continue
        scope = scopes.get(node)
        names = sorted(q.name for q in scope.get_qualified_names_for(node)) if scope is not None else None
        stored = contexts.get(node) is ExpressionContext.STORE if isinstance(node, libcst.Name) else None
        facts.append([type(node).__name__, type(scope).__name__, names, stored])
    seen = {id(s): s for s in scopes.values() if s is not None}.values()
    assignments = sorted((a.name, len(a.references)) for s in seen for a in s.assignments)
    accesses = sorted((a.node.value if isinstance(a.node, libcst.Name) else type(a.node).__name__,
                       len(a.referents), a.is_annotation, a.is_type_hint) for s in seen for a in s.accesses)
    out.append([events, facts, assignments, accesses])
print(json.dumps(out))
'''


def test_the_walk_visits_and_resolves_scopes_as_libcst_does():
    files = [str(p) for folder in ("ovlint", "rules") for p in sorted((ROOT / folder).rglob("*.py"))]
    runs = {}
    for mode in ("libcst", "walk"):
        result = subprocess.run([sys.executable, "-c", TRACE, mode, *files], capture_output=True, text=True,
                                check=True)
        runs[mode] = json.loads(result.stdout)
    assert len(runs["walk"]) > 150
    assert runs["walk"] == runs["libcst"]


def test_walk_follows_libcsts_order():
    import libcst

    from trivia import TRIVIA

    from ovlint.surfaces import cst_walk

    module = libcst.parse_module((ROOT / "ovlint" / "surfaces" / "python.py").read_text())
    expected = []

    class Order(libcst.CSTVisitor):
        def on_visit(self, node):
            expected.append(node)
            return True

    # LibCST's own visit, unpatched or not, reaches the nodes in this order; the walk leaves out
    # whitespace and punctuation, most of the nodes
    module.visit(Order())
    found = cst_walk.preorder(module)[0]
    syntax = [n for n in expected if not isinstance(n, TRIVIA)]
    assert [id(n) for n in found] == [id(n) for n in syntax]
    assert len(syntax) < len(expected) / 2


def test_nodes_hash_by_identity_in_c_once_installed():
    import libcst

    from ovlint.surfaces import cst_walk

    cst_walk.install()
    module = libcst.parse_module("x = 1\nx = 1\n")
    first, second = module.body
    assert first.deep_equals(second) and first != second
    table = {first: "first", second: "second"}
    assert table[first] == "first" and table[second] == "second" and len(table) == 2
    node_classes = [libcst.Name, libcst.Module, libcst.SimpleStatementLine, libcst.Assign, libcst.Integer]
    assert all(cls.__hash__ is object.__hash__ for cls in node_classes)


def test_the_parse_without_node_checks_gives_libcsts_trees_and_checks_come_back():
    import libcst
    import pytest

    from ovlint.engine import registry
    from ovlint.surfaces import python

    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "ovlint").rglob("*.py"))]
    sources += [e.source for r in registry.all_rules() for e in r.examples if e.filename.endswith(".py")]
    for source in sources:
        tree = python._parse_unchecked(source)
        assert tree.deep_equals(libcst.parse_module(source)) and tree.code == source
    with pytest.raises(libcst.CSTValidationError):
        libcst.Name("not a name")
    with pytest.raises(libcst.ParserSyntaxError):
        python._parse_unchecked("def (:\n")
    with pytest.raises(libcst.CSTValidationError):  # checked again after a failed parse too
        libcst.Name("1x")


def test_parses_share_one_parser_thread_and_a_forked_process_starts_its_own():
    import os
    import signal
    import threading

    from ovlint.surfaces import python

    threads = []
    for text in ("x = 1\n", "def f(:\n", "y = (((2)))\n"):
        try:
            python._on_parser_stack(lambda t: threads.append(threading.current_thread()) or python._parse_unchecked(t),
                                    text)
        except Exception as exc:
            assert type(exc).__name__ == "ParserSyntaxError"  # raised here, as the parse raised it
    assert len(set(threads)) == 1 and threads[0] is not threading.current_thread()
    assert threads[0].name == "ovlint-parser"
    if not hasattr(os, "fork"):
        return
    child = os.fork()
    if child == 0:  # the parent's parser thread is not in this process: a parse must not wait for it
        signal.alarm(30)
        try:
            python.parse("z = 3\n")
        finally:
            os._exit(0 if python._PARSER[0][0] == os.getpid() else 1)
    _, status = os.waitpid(child, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def test_a_linted_modules_tree_is_freed_by_reference_counting_alone():
    """Scope analysis and the type model link their objects both ways; closing the unit cuts those
    cycles, so a module's tree goes when its unit ends, without the cyclic collector (which the
    workers run only between files)."""
    import gc

    import libcst

    from ovlint.base.versions import NEWEST
    from ovlint.engine import linter, registry
    from ovlint.surfaces import named

    def trees() -> int:
        return sum(type(o) is libcst.Module for o in gc.get_objects())

    texts = [e.source for r in registry.all_rules() for e in r.examples if e.filename.endswith(".py")]
    rules = list(registry.all_rules())
    gc.collect()
    gc.disable()
    try:
        before = trees()
        findings = sum(len(linter.lint_text("example.py", named("python"), text, rules, NEWEST).diagnostics)
                       for text in texts)
        assert findings > len(texts) / 2
        assert trees() == before
    finally:
        gc.enable()


def test_a_rule_that_visits_whitespace_or_punctuation_is_told_it_cannot():
    import libcst
    import pytest

    from ovlint.rulekit import python_edits
    from ovlint.rulekit.rule import PythonRule
    from ovlint.surfaces import python

    class CommaRule(PythonRule):
        def visit_Comma(self, node):
            pass

    with pytest.raises(TypeError, match="CommaRule.visit_Comma: Comma is whitespace or punctuation"):
        python._hooks(CommaRule)
    module = python._parse_unchecked("f(a, b)  # note\n")
    with pytest.raises(TypeError, match="Comment is whitespace or punctuation"):
        python_edits.collect(module, (libcst.Comment,))
