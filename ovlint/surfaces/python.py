"""Python units: one LibCST parse, one scope resolution and one traversal that feeds every
Python rule at once, and extracts the commands and requirements Python code carries
(`subprocess.run([...])`, `os.system("...")`, `setup(install_requires=[...])`)."""
from __future__ import annotations

import re

from ovlint.base.lazy import cst
from ovlint.surfaces import COMMAND, PYTHON, REQUIREMENT, FileKind, cst_walk, whole
from ovlint.surfaces.requirement import from_pep508, python_version
from ovlint.surfaces.shell import Command, Word, from_python_string

_COMMAND_CALLS = {
    "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
    "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput",
    "os.system", "os.popen",
}
_SETUP_CALLS = {"setuptools.setup", "distutils.core.setup"}
_SETUP_LIST_KEYWORDS = ("install_requires", "setup_requires", "tests_require")


def _cache_visitor_tables() -> None:
    """LibCST finds each metadata provider's visit methods with `inspect.getmembers` on every
    file, a quarter of the metadata cost on small files; the names depend on the class only."""
    from libcst import BatchableCSTVisitor

    if getattr(BatchableCSTVisitor.get_visitors, "_ovlint_cached", False):
        return
    names: dict[type, tuple[str, ...]] = {}

    def get_visitors(self):
        cls = type(self)
        if cls not in names:
            names[cls] = tuple(
                name for name in dir(cls)
                if name.startswith(("visit_", "leave_")) and callable(getattr(cls, name))
                and not getattr(getattr(cls, name), "_is_no_op", False))
        return {name: getattr(self, name) for name in names[cls]}

    get_visitors._ovlint_cached = True
    BatchableCSTVisitor.get_visitors = get_visitors


MAX_NESTING = 200  # CPython's own limit for nested brackets
_BRACKETS = re.compile(r"[()\[\]{}]")


class TooDeep(ValueError):
    """Source nested deeper than Python allows: LibCST's native parser could overflow its stack."""


def _check_nesting(text: str) -> None:
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "([{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_NESTING:
                raise TooDeep(f"brackets nested more than {MAX_NESTING} deep; Python itself rejects this, "
                              "so the file was not parsed")


def parse(text: str):
    """A LibCST metadata wrapper of the module (its metadata is resolved when a rule first asks);
    raises LibCST's syntax errors."""
    _check_nesting(text)
    _cache_visitor_tables()
    cst_walk.install()
    from libcst.metadata import MetadataWrapper

    return MetadataWrapper(cst.parse_module(text), unsafe_skip_copy=True)


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def parent_map(module) -> dict:
    """Each node's parent, as LibCST's ParentNodeProvider gives it, from the nodes' fields: the
    provider asks every node for its `children`, which rebuilds the node, seven times slower."""
    parents = {}
    stack = [module]
    node_type = cst.CSTNode
    while stack:
        node = stack.pop()
        fields = _CHILD_FIELDS.get(type(node))
        if fields is None:
            fields = _CHILD_FIELDS[type(node)] = tuple(type(node).__dataclass_fields__)
        for name in fields:
            value = getattr(node, name)
            if isinstance(value, node_type):
                parents[value] = node
                stack.append(value)
            elif type(value) in (tuple, list):
                for item in value:
                    if isinstance(item, node_type):
                        parents[item] = node
                        stack.append(item)
    return parents


def syntax_error_message(exc: Exception) -> str:
    if isinstance(exc, TooDeep):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "too deeply nested to parse (Python's recursion limit was reached)"
    line = getattr(exc, "raw_line", None) or getattr(exc, "editor_line", None)
    column = getattr(exc, "raw_column", None)
    if column is None:
        column = getattr(exc, "editor_column", None)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if line is not None:
        return f"syntax error at line {line}, column {(column or 0) + 1}: {message}"
    return f"syntax error: {message}"


def traverse(ctx, rules) -> tuple[list[Command], list]:
    """Run every Python rule over the module in one pass, in LibCST's visiting order; return the
    carried commands and requirements for the other rule kinds. (No rule subscribes to
    `visit_<Node>_<attribute>`.)"""
    extractor = _FactExtractor(ctx)
    visits: dict[type, list] = {}
    leaves: dict[type, list] = {}
    for sub in list(rules) + [extractor]:
        for attr in dir(type(sub)):
            if attr.startswith(("visit_", "leave_")):
                node_type = getattr(cst, attr[6:], None)
                if isinstance(node_type, type):
                    (visits if attr.startswith("visit_") else leaves).setdefault(node_type, []).append(
                        getattr(sub, attr))

    def enter(node) -> None:
        for fn in visits.get(type(node), ()):
            fn(node)

    def leave(node) -> None:
        for fn in leaves.get(type(node), ()):
            fn(node)

    cst_walk.walk(ctx.module, enter, leave if leaves else None)
    return extractor.commands, extractor.requirements


class _FactExtractor:
    def __init__(self, ctx):
        self.ctx = ctx
        self.commands: list[Command] = []
        self.requirements: list = []
        self.setup_py = ctx.filename == "setup.py"

    def visit_Call(self, node) -> None:
        names = self.ctx.qualified_names(node.func)
        if names & _COMMAND_CALLS and node.args:
            first = next((a for a in node.args if a.keyword is None or a.keyword.value == "args"), None)
            if first is not None:
                self._command(first.value)
        elif self.setup_py and names & _SETUP_CALLS:
            for arg in node.args:
                if arg.keyword is None:
                    continue
                if arg.keyword.value in _SETUP_LIST_KEYWORDS:
                    self._requirements(arg.value)
                elif arg.keyword.value == "python_requires":
                    literal = self._literal(arg.value)
                    if literal is not None:
                        self.requirements.append(python_version(literal[0], literal[1], "setup-py"))
                elif arg.keyword.value == "extras_require" and isinstance(arg.value, cst.Dict):
                    for element in arg.value.elements:
                        if isinstance(element, cst.DictElement):
                            self._requirements(element.value)

    def _literal(self, node):
        """(value, inner start, inner end) of a plain string literal without escapes, else None."""
        if not isinstance(node, cst.SimpleString) or "\\" in node.value or "b" in node.prefix.lower():
            return None
        start, end = self.ctx.span(node)
        quote = node.quote
        return node.evaluated_value, start + len(node.prefix) + len(quote), end - len(quote)

    def _command(self, node, depth: int = 0) -> None:
        if isinstance(node, (cst.List, cst.Tuple)):
            words = []
            for element in node.elements:
                if not isinstance(element, cst.Element):
                    return
                literal = self._literal(element.value)
                if literal is None:
                    start, end = self.ctx.span(element.value)
                    words.append(Word(self.ctx.text[start:end], start, end, expanded=True))
                else:
                    words.append(Word(literal[0], literal[1], literal[2], quoted=True, value_start=literal[1]))
            if words:
                self.commands.append(Command(words, "python-list", "python"))
            return
        literal = self._literal(node)
        if literal is not None:
            self.commands.extend(from_python_string(literal[0], literal[1]))
            return
        masked = self._masked(node)
        if masked is not None:
            text, start, carrier = masked
            self.commands.extend(from_python_string(text, start, carrier))
        elif isinstance(node, cst.Name) and depth < 1:
            value = assigned_value(self.ctx, node)
            if value is not None:
                self._command(value, depth + 1)

    def _masked(self, node):
        """An f-string, or a `+` chain of plain strings and other expressions, as one command
        text with the code in it masked: (text, offset of the text, carrier)."""
        ctx = self.ctx
        if isinstance(node, cst.FormattedString):
            if "b" in node.prefix.lower() or "r" in node.prefix.lower():
                return None
            start, end = ctx.span(node)
            inner_start, inner_end = start + len(node.start), end - len(node.end)
            holes = [ctx.span(p) for p in node.parts if isinstance(p, cst.FormattedStringExpression)]
            text = ctx.text[inner_start:inner_end]
            if "\\" in text or "{{" in text:
                return None
            return _mask(text, inner_start, holes), inner_start, "python-fstring"
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            operands = _flatten_add(node)
            strings = [o for o in operands if isinstance(o, cst.SimpleString)]
            if not strings or any(self._literal(o) is None for o in strings):
                return None
            start, end = ctx.span(node)
            keep = [self._literal(o)[1:] for o in strings]
            holes, cursor = [], start
            for inner_start, inner_end in keep:
                if inner_start > cursor:
                    holes.append((cursor, inner_start))
                cursor = inner_end
            if cursor < end:
                holes.append((cursor, end))
            return _mask(ctx.text[start:end], start, holes), start, "python-string"
        return None

    def _requirements(self, node) -> None:
        if not isinstance(node, (cst.List, cst.Tuple)):
            return
        for element in node.elements:
            literal = self._literal(element.value) if isinstance(element, cst.Element) else None
            if literal is not None:
                req = from_pep508(literal[0], literal[1], "setup-py")
                if req:
                    self.requirements.append(req)


def _flatten_add(node) -> list:
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _flatten_add(node.left) + _flatten_add(node.right)
    return [node]


def _mask(text: str, offset: int, holes) -> str:
    """`text` (starting at `offset`) with each (start, end) hole replaced by `$___` of its length."""
    chars = list(text)
    for start, end in holes:
        start, end = start - offset, end - offset
        if not text[start:end].strip("\"' +\n\t()"):  # only quotes and operators: no word there
            chars[start:end] = " " * (end - start)
        else:
            chars[start:end] = "$" + "_" * (end - start - 1)
    return "".join(chars)


def assigned_value(ctx, name):
    """The value of `name = <value>` when that is the only assignment of the name in its scope."""
    scope = ctx.scope(name)
    if scope is None:
        return None
    assignments = [a for a in scope.assignments[name.value] if hasattr(a, "node")]
    if len(assignments) != 1:
        return None
    target = ctx.parent(assignments[0].node)
    assign = ctx.parent(target) if isinstance(target, cst.AssignTarget) else None
    return assign.value if isinstance(assign, cst.Assign) else None


KIND = FileKind(
    name="python", label="Python",
    recognise=lambda path, name, suffix: suffix in (".py", ".pyi"),
    read=lambda text: whole(text, python=text),
    facts=(PYTHON, COMMAND, REQUIREMENT), python_source=True,
    carried=(COMMAND, REQUIREMENT), carriers=(b"subprocess", b"os.system", b"os.popen"),
    carrier_files=("setup.py",), fence="python",
)
