"""Python units: one LibCST parse, one scope resolution and one traversal that feeds every
Python rule at once, and extracts the commands and requirements Python code carries
(`subprocess.run([...])`, `os.system("...")`, `setup(install_requires=[...])`)."""
from __future__ import annotations

import ast
import bisect
import os
import queue
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ovlint.base.lazy import cst
from ovlint.base.lazy import pattern
from ovlint.surfaces import COMMAND, LINK, PYTHON, REQUIREMENT, Document, FileKind, cst_walk, python_lexer, whole
from ovlint.surfaces.link import links_in
from ovlint.surfaces.requirement import from_pep508, python_version
from ovlint.surfaces.shell import Command, Word, from_python_string, unwrap

_COMMAND_CALLS = {
    "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
    "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput",
    "os.system", "os.popen",
}
_SETUP_CALLS = {"setuptools.setup", "distutils.core.setup"}
_SETUP_LIST_KEYWORDS = ("install_requires", "setup_requires", "tests_require")
# calls that check or install the packages their arguments name (`check_requirements(("openvino-dev",))`)
_REQUIREMENT_CHECKS = {"check_requirements", "check_requirement", "require_version", "require"}
# calls that show a message: commands in it are instructions to run them
_MESSAGE_CALLS = {"print", "echo", "info", "warning", "warn", "error", "debug", "critical", "exception", "exit"}

# Where a docstring or a message shows commands to run, as opposed to prose that names them: a
# line after a `$ ` prompt, the lines of a `Usage:` (or `Example:`, `Requirements:`, `Install:`)
# section that start like a command (lowercase, a path or a variable, not a sentence) and are not
# Python (`mo = Model()`), and in messages, code in backticks that is not Python either.
_PROMPT_LINE = pattern(r"(?m)^[ \t]*\$[ \t]+(\S.*)$")
# a section heading: the word, perhaps qualified (`Usage - sources:`, `Install (GPU):`), not a sentence
_SECTION = pattern(r"(?im)^([ \t]*)(?:usage|examples?|example usage|requirements|install(?:ation)?)"
                   r"(?:[ \t]*(?:-[^:\n]*|\([^)\n]*\)))?[ \t]*:[ \t]*(.*)$")
_COMMAND_LIKE = pattern(r"[a-z./~_$]\S*(?:[ \t]+\S+)*?[ \t]*$")
_BACKTICKS = pattern(r"(?<!`)`([^`\n]*\s[^`\n]*)`(?!`)")


def instructions(text: str, backticks: bool) -> list[tuple[int, int]]:
    """The spans of `text` that show commands to run (see above); `backticks`: also code in
    backticks (a message's, not a docstring's, whose backticks mark names)."""
    spans = [m.span(1) for m in _PROMPT_LINE.finditer(text)]
    for section in _SECTION.finditer(text):
        if section.group(2) and _COMMAND_LIKE.fullmatch(section.group(2)) and not compiles(section.group(2)):
            spans.append(section.span(2))
        indent = len(section.group(1).expandtabs())
        position = section.end() + 1
        for line in re.finditer(r"[^\n]*", text[position:]):
            body = line.group()
            if body.strip() and len(body) - len(body.lstrip()) <= indent:
                break
            stripped = body.strip()
            if stripped and not stripped.startswith("$") and _COMMAND_LIKE.fullmatch(stripped) \
                    and not stripped.endswith((".", ":")) and not compiles(stripped):
                first = position + line.start() + len(body) - len(body.lstrip())
                spans.append((first, first + len(stripped)))
    if backticks:
        spans.extend(m.span(1) for m in _BACKTICKS.finditer(text) if not compiles(m.group(1)))
    return sorted(set(spans))


def strings_and_imports(text: str) -> Optional[tuple[str, str]]:
    """The text of every string literal of the module that can carry a command or a requirement,
    a line each (f-strings by their literal parts; see `_carried_text`), and every import
    statement, a line each as `import a.b as c, d` and `from ..m import x as y` spell it, read with
    CPython's own parser; None when it does not compile."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    parents: dict = {}
    constants, identifiers, imports, imported = [], [], [], set()
    for node in ast.walk(tree):
        kind = type(node)
        for child in ast.iter_child_nodes(node):
            parents[child] = node
        if kind is ast.Constant:
            if type(node.value) is str:
                constants.append((node, node.value))
        elif kind is ast.Name:
            identifiers.append((node, node.id))
        elif kind is ast.Attribute:
            identifiers.append((node, node.attr))
        elif kind is ast.Import or kind is ast.ImportFrom:
            imports.append(f"import {_aliases(node)}" if kind is ast.Import else
                           f"from {'.' * node.level}{node.module or ''} import {_aliases(node)}")
            imported.update((a.asname or a.name).split(".")[0] for a in node.names)
    docstring = tree.body[0] if tree.body and isinstance(tree.body[0], ast.Expr) else None
    strings = [part for node, value in constants for part in _carried_text(node, value, parents, docstring, imported)]
    # a name or attribute is text of a command only as part of a list item's (`[benchmark_app, "-pin", ...]`)
    strings += [part for node, name in identifiers
                for part in _carried_text(node, name, parents, docstring, imported, raw_only=True)]
    return "\n".join(strings), "\n".join(imports)


# where a string's value goes on into the expression around it, as the extractor reads it: list
# and tuple items, `+` and `%` operands, f-string parts, call arguments, `"...".format(...)`
_PASSED_ON = (ast.Starred, ast.JoinedStr, ast.FormattedValue, ast.keyword, ast.BinOp, ast.Attribute)
_ASSIGNED = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)


def _carried_text(node, value: str, parents: dict, docstring, imported: set, raw_only: bool = False) -> list[str]:
    """The parts of a string literal's value `_FactExtractor` can read commands or requirements
    in: all of it where it reaches a call or an assignment (any call may run a command: names are
    resolved later), with the names of the keyword arguments it is in (`python_requires=`), and
    anywhere in an item of a list or tuple, or after `[...] +` (the extractor keeps such an item's
    text as a word: `x or "/opt/intel/..."`); the instructions of a message
    (`print`, `logger.info`, ...) or of the module's docstring; nothing where it is any other
    statement's docstring, a dictionary's key or value (but `setup(extras_require={...})`'s), a
    comparison, ... A necessary condition: the prefilter looks for rules' needles in what this
    returns. `value`: the literal's value, or a name's (`raw_only`: counted only inside a list
    item, where the extractor keeps the item's text)."""
    child, direct, raw = node, True, False
    # passed through an expression the extractor does not read into (`a if c else b`, `a or b`):
    # the string counts only if a list item, or what follows `[...] +`, holds that expression
    opaque = False
    keywords = []  # the names of the keyword arguments it is in (`python_requires=">=3.8"` says what it is)
    while True:
        parent = parents.get(child)
        kind = type(parent)
        if kind is ast.List or kind is ast.Tuple or (
                kind is ast.BinOp and isinstance(parent.op, ast.Add) and child is parent.right
                and isinstance(parent.left, (ast.List, ast.Tuple))):
            child, direct, opaque, raw = parent, False, False, True
            continue
        if raw_only and not raw and isinstance(parent, (ast.stmt, ast.mod)):
            return []
        if kind is ast.Call:
            if child is parent.func:  # `"mo {}".format(x)`, `"mo x".split()`: the call's value goes on
                child, direct = parent, False
                continue
            if opaque or (raw_only and not raw):
                return []
            func = parent.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if called in _MESSAGE_CALLS and called not in imported:
                return _instruction_text(value, backticks=True) if direct else []
            return [value, *keywords]
        if kind is ast.keyword:
            child = parent  # an argument still
            keywords += [parent.arg] if parent.arg else []
            continue
        if kind in _PASSED_ON and (kind is not ast.BinOp or isinstance(parent.op, (ast.Add, ast.Mod))):
            child, direct = parent, False
            continue
        if kind is ast.Dict and isinstance(parents.get(parent), ast.keyword) and child in parent.values:
            child, direct = parent, False
            continue
        if kind in _ASSIGNED:
            return [] if opaque or (raw_only and not raw) else [value]
        if kind is ast.Expr and parent is docstring and direct and not raw_only:
            return _instruction_text(value, backticks=False)
        if parent is not None and not isinstance(parent, (ast.stmt, ast.mod)):  # a list item holds any of it
            child, direct, opaque = parent, False, True
            continue
        return []


def _instruction_text(value: str, backticks: bool) -> list[str]:
    return [value[start:end] for start, end in instructions(value, backticks)]


def _aliases(node) -> str:
    return ", ".join(a.name if a.asname is None else f"{a.name} as {a.asname}" for a in node.names)


def compiles(code: str) -> bool:
    """Whether `code` is Python (CPython parses it)."""
    try:
        compile(code, "<code>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return True


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


# room on the stack of the thread LibCST parses in for `python_lexer.MAX_DEPTH` levels of the
# costliest kind (a bracket takes about 7 KB), three times over; memory only as far as it is used
PARSER_STACK = 32 << 20


def parse(text: str):
    """A LibCST metadata wrapper of the module (its metadata is resolved when a rule first asks);
    raises LibCST's syntax errors, and TooDeep or TooLarge for code LibCST must not be given (see
    `python_lexer`)."""
    python_lexer.check(text)
    _cache_visitor_tables()
    cst_walk.install()
    from libcst.metadata import MetadataWrapper

    return MetadataWrapper(_on_parser_stack(_parse_unchecked, text), unsafe_skip_copy=True)


def _parse_unchecked(text: str):
    """`libcst.parse_module` without the check every node's constructor makes (`CSTNode.__post_init__`
    calls `_validate`): LibCST's parser builds only nodes that pass it (its own comment there says
    so), and checking each one again is a sixth of the parse. Nodes made at any other time are
    checked; another LibCST's constructor is kept as it is."""
    node_class = cst.CSTNode
    check = node_class.__dict__.get("__post_init__")
    if getattr(check, "__code__", None) is None or check.__code__.co_names != ("_validate",):
        return cst.parse_module(text)
    node_class.__post_init__ = _unchecked
    try:
        return cst.parse_module(text)
    finally:
        node_class.__post_init__ = check


def _unchecked(node) -> None:
    pass


def _on_parser_stack(function, *args):
    """`function(*args)` in a thread with a stack of PARSER_STACK bytes, whatever the stack of this
    thread is (a worker's, an editor's, a small `ulimit -s`). The thread is kept for the next call:
    LibCST's native parser sets itself up in each new thread, which costs half as much again as
    parsing a small module."""
    reply: queue.SimpleQueue = queue.SimpleQueue()
    _parser_thread().put((function, args, reply))
    ok, value = reply.get()
    if not ok:
        raise value
    return value


_PARSER: list = []  # (the process it runs in, its requests); a forked child starts its own
_PARSER_LOCK = threading.Lock()


def _parser_thread() -> queue.SimpleQueue:
    with _PARSER_LOCK:
        if not _PARSER or _PARSER[0][0] != os.getpid():
            requests: queue.SimpleQueue = queue.SimpleQueue()
            previous = threading.stack_size(PARSER_STACK)  # applies to threads started from now on
            try:
                threading.Thread(target=_serve_parses, args=(requests,), name="ovlint-parser", daemon=True).start()
            finally:
                threading.stack_size(previous)
            _PARSER[:] = [(os.getpid(), requests)]
        return _PARSER[0][1]


def _serve_parses(requests) -> None:
    while True:
        function, args, reply = requests.get()
        try:
            reply.put((True, function(*args)))
        except BaseException as exc:  # handed to the caller as it is
            reply.put((False, exc))
        del function, args, reply  # nothing of a parse outlives it here


def node_spans(module) -> dict:
    """Each node's (start, end) offsets in the module's code (see `NodeSpans`)."""
    spans = NodeSpans(module)
    for _ in spans.steps:
        pass
    return spans.spans


class NodeSpans:
    """Nodes' (start, end) offsets in the module's code, as LibCST's PositionProvider gives them in
    rows and columns: the same code generation and the same hooks, but counting only characters,
    where the provider splits every token on line breaks and makes two objects per node (five
    times the cost of generating the code). The code is generated one top-level statement at a
    time, as far as the nodes asked about: findings are often in the imports at the top."""

    def __init__(self, module):
        self.spans: dict = {}
        self.steps = _generate_spans(module, self.spans)

    def __getitem__(self, node) -> tuple[int, int]:
        spans = self.spans
        while node not in spans:
            if next(self.steps, None) is None:
                raise KeyError(node)
        return spans[node]


def _generate_spans(module, spans: dict):
    """Generate the module's code into `spans`, yielding True after each top-level statement;
    `Module._codegen` step by step."""
    state = _counting_state()(module, spans)
    state.before_codegen(module)
    for part in module.header:
        part._codegen(state)
    yield True
    for statement in module.body:
        statement._codegen(state)
        yield True
    for part in module.footer:
        part._codegen(state)
    if module.has_trailing_newline:
        if not state.tokens:
            state.add_token(state.default_newline)
    else:
        state.pop_trailing_newline()
    state.after_codegen(module)
    yield True


@lru_cache(maxsize=None)
def _counting_state() -> type:
    """The code generation state that records spans instead of keeping the code (made once: a
    class made on every call would refer to the spans through its methods, a cycle that keeps the
    module's tree alive until the cyclic collector runs)."""
    from libcst._nodes.internal import CodegenState

    class Syntactic:
        """The span of `node`'s own syntax, or from `start_node`'s start to `end_node`'s end."""

        __slots__ = ("state", "node", "start_node", "end_node", "start")

        def __init__(self, state, node, start_node, end_node):
            self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node

        def __enter__(self):
            self.start = self.state.offset

        def __exit__(self, *exc):
            spans = self.state.spans
            start = spans[self.start_node][0] if self.start_node is not None else self.start
            end = spans[self.end_node][1] if self.end_node is not None else self.state.offset
            spans[self.node] = (start, end)

    class Counting(CodegenState):
        def __init__(self, module, spans: dict):
            super().__init__(module.default_indent, module.default_newline)
            self.spans = spans
            self.offset = 0
            self.starts: list = []
            self.indent_length = 0

        def increase_indent(self, value: str) -> None:
            super().increase_indent(value)
            self.indent_length += len(value)

        def decrease_indent(self) -> None:
            self.indent_length -= len(self.indent_tokens.pop())

        def add_indent_tokens(self) -> None:
            super().add_indent_tokens()  # the tokens themselves: the module asks whether there are any
            self.offset += self.indent_length

        def add_token(self, value: str) -> None:
            self.tokens.append(value)
            self.offset += len(value)

        def before_codegen(self, node) -> None:
            self.starts.append(self.offset)

        def after_codegen(self, node) -> None:
            start = self.starts.pop()
            if node not in self.spans:  # a syntactic span recorded inside stays
                self.spans[node] = (start, self.offset)

        def record_syntactic_position(self, node, *, start_node=None, end_node=None):
            return Syntactic(self, node, start_node, end_node)

    return Counting


@dataclass
class NodeIndex:
    """What one walk of a module tells of its nodes: all of them in LibCST's visiting order; by the
    node's `id` (a LibCST node's own hash is a Python function), each one's parent, as LibCST's
    ParentNodeProvider gives it (which asks every node for its `children`, rebuilding the node:
    seven times slower), and its place in that order; and the nodes of each type in that order."""

    nodes: list
    parents: dict
    order: dict
    by_type: dict

    @staticmethod
    def of(module) -> "NodeIndex":
        nodes, parents = cst_walk.preorder(module)
        by_type: dict = {}
        for node in nodes:
            same = by_type.get(type(node))
            if same is None:
                by_type[type(node)] = [node]
            else:
                same.append(node)
        return NodeIndex(nodes, parents, {id(node): at for at, node in enumerate(nodes)}, by_type)


class SpacedIndentation:
    """Python whose indentation mixes tabs and spaces in a way CPython accepts and LibCST's
    tokenizer does not, with its leading tabs expanded as CPython counts them (to multiples of 8):
    the same program for LibCST, and the way from its offsets back to the file's."""

    def __init__(self, text: str):
        parts, self._lines = [], []  # (start in the spaced text, start in the file, added columns)
        spaced = original = 0
        for line in text.splitlines(keepends=True):
            lead = line[:len(line) - len(line.lstrip(" \t\f"))]
            new_lead = lead.expandtabs(8) if "\t" in lead else lead
            parts.append(new_lead + line[len(lead):])
            self._lines.append((spaced, original, len(new_lead) - len(lead), len(new_lead)))
            spaced += len(parts[-1])
            original += len(line)
        self.text = "".join(parts)

    @staticmethod
    def of(text: str) -> "Optional[SpacedIndentation]":
        """The spaced program, when `text` has a tab in its indentation and CPython compiles it."""
        if not re.search(r"(?m)^[ \f]*\t", text) or not compiles(text):
            return None
        return SpacedIndentation(text)

    def original(self, offset: int) -> int:
        """The file offset of a spaced-text offset (inside the indentation: its start)."""
        row = bisect.bisect_right([line[0] for line in self._lines], offset) - 1
        spaced_start, original_start, added, lead = self._lines[max(row, 0)]
        column = offset - spaced_start
        return original_start + (0 if column < lead else column - added)


def syntax_error(exc: Exception, text: str, lines) -> tuple[tuple[int, int], str]:
    """Where the syntax error LibCST raised for `text` (a unit's Python, at the offsets of `lines`)
    is, as an empty span, and the message telling it, both at one place: CPython's, when CPython
    rejects the text too (its line and column are exact; those of LibCST's native parser are often
    a line or more off, and its message carries a third position), else LibCST's."""
    if isinstance(exc, (python_lexer.TooDeep, python_lexer.TooLarge, RecursionError)):
        return (0, 0), syntax_error_message(exc)
    found = _cpython_error(text)
    if found is not None:
        row, offset, message, indentation = found
        line = lines.line(row) if 1 <= row <= len(lines.starts) else ""
        if indentation:  # CPython points into or past the indentation: the statement it is wrong for
            offset = len(line) - len(line.lstrip()) + 1
        elif sys.version_info < (3, 10):  # the offset counts UTF-8 bytes there, characters since
            offset = len(line.encode("utf-8")[:max(offset - 1, 0)].decode("utf-8", "ignore")) + 1
        return _located(row, max(offset - 1, 0), message, lines)
    detail = str(getattr(exc, "message", "") or "").strip() or type(exc).__name__
    row, column = getattr(exc, "raw_line", None), getattr(exc, "raw_column", None)
    at = _NATIVE_POSITION.match(detail)  # the native parser's own position, with the line it shows
    if at is not None:
        row, byte_column, detail = int(at.group(1)), int(at.group(2)), at.group(3)
        line = lines.line(row) if 1 <= row <= len(lines.starts) else ""
        column = len(line.encode("utf-8")[:byte_column].decode("utf-8", "ignore"))
    return _located(row, column, detail.splitlines()[0], lines)


# "parser error: error at 7:27: expected one of ..." (a 1-based line, a 0-based byte column)
_NATIVE_POSITION = pattern(r"(?s)^(?:parser|tokenizer) error: error at (\d+):(\d+): (.*)")


def _cpython_error(text: str) -> Optional[tuple[int, int, str, bool]]:
    """(line, 1-based column, message, whether it is about indentation) of CPython's syntax error in
    `text`; None when it compiles."""
    try:
        compile(text, "<unit>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        if not isinstance(exc.lineno, int) or exc.lineno < 1:
            return None
        offset = exc.offset if isinstance(exc.offset, int) and exc.offset > 0 else 1
        return exc.lineno, offset, exc.msg, isinstance(exc, IndentationError)
    except (ValueError, MemoryError, RecursionError):
        return None
    return None


def _located(row, column, message: str, lines) -> tuple[tuple[int, int], str]:
    """The empty span at a 1-based row and 0-based column (kept within its line) and the message
    naming them; the unit's start and the bare message for a row the unit does not have."""
    if not isinstance(row, int) or not isinstance(column, int) or not 1 <= row <= len(lines.starts):
        return (0, 0), f"syntax error: {message}"
    column = min(max(column, 0), len(lines.line(row)))
    offset = lines.offset(row, column)
    return (offset, offset), f"syntax error at line {row}, column {column + 1}: {message}"


def syntax_error_message(exc: Exception) -> str:
    """The message for code too deep or too large to parse."""
    if isinstance(exc, (python_lexer.TooDeep, python_lexer.TooLarge)):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "too deeply nested to parse (Python's recursion limit was reached)"
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"syntax error: {message}"


def traverse(ctx, rules, carried: frozenset = frozenset()) -> tuple[list[Command], list, list]:
    """Run every Python rule over the module in one pass, in LibCST's visiting order; return the
    carried commands, requirements and links for the other rule kinds (`carried`: the kinds of
    facts rules take; none are gathered when it is empty). (No rule subscribes to
    `visit_<Node>_<attribute>`.)"""
    extractor = _FactExtractor(ctx, links=LINK in carried)
    visits: dict[type, list] = {}
    leaves: dict[type, list] = {}
    for sub in list(rules) + ([extractor] if carried else []):
        needles = getattr(sub, "hook_needles", None) or {}
        for attr, node_type, visit in _hooks(type(sub)):
            words = needles.get(attr)
            if words is None or any(word in ctx.text for word in words):
                (visits if visit else leaves).setdefault(node_type, []).append(getattr(sub, attr))

    # the unit's node index has every node in visiting order: going down that list costs far less
    # than walking the tree again
    nodes = ctx.in_order()
    if set(leaves) <= {cst.Module}:
        for node in nodes:
            called = visits.get(type(node))
            if called is not None:
                for fn in called:
                    fn(node)
        for fn in leaves.get(cst.Module, ()):
            fn(ctx.module)
    else:
        entered: list = []  # the nodes being visited, from the module down: a node's parent is last
        for node in nodes:
            parent = ctx.parent(node)
            while entered and entered[-1] is not parent:
                _leave(leaves, entered.pop())
            for fn in visits.get(type(node), ()):
                fn(node)
            entered.append(node)
        while entered:
            _leave(leaves, entered.pop())
    return extractor.commands, extractor.requirements, extractor.links


@lru_cache(maxsize=None)
def _hooks(cls) -> tuple[tuple[str, type, bool], ...]:
    """The `visit_<Node>` and `leave_<Node>` methods of a rule class: (name, node type, whether it
    visits), found once per class rather than once per module."""
    found = []
    for attr in dir(cls):
        if attr.startswith(("visit_", "leave_")):
            node_type = getattr(cst, attr[6:], None)
            if isinstance(node_type, type):
                cst_walk.syntax_only((node_type,), f"{cls.__name__}.{attr}")
                found.append((attr, node_type, attr.startswith("visit_")))
    return tuple(found)


def _leave(leaves: dict, node) -> None:
    for fn in leaves.get(type(node), ()):
        fn(node)


def _plain_string(node) -> bool:
    """Whether `node` is a string literal without escapes (its value is its text; a raw string's
    backslashes are text too): a line break written "\\r\\n" (a file with Windows line ends) is
    "\\n" in the value, one character less."""
    return isinstance(node, cst.SimpleString) and ("\\" not in node.value or "r" in node.prefix.lower()) \
        and "\r" not in node.value and "b" not in node.prefix.lower()


class _FactExtractor:
    def __init__(self, ctx, links: bool):
        self.ctx = ctx
        self.want_links = links  # the links of strings (those of commands are found from the commands)
        self.commands: list[Command] = []
        self.requirements: list = []
        self.links: list = []
        self.setup_py = ctx.filename == "setup.py"

    def visit_Module(self, node) -> None:
        docstring = node.body[0].body[0].value if node.body and isinstance(node.body[0], cst.SimpleStatementLine) \
            and isinstance(node.body[0].body[0], cst.Expr) else None
        self._instructions(docstring, backticks=False)

    def _instructions(self, node, backticks: bool) -> None:
        """The commands a docstring or a message shows (see `instructions`)."""
        # positions cost a code generation of the module: only for strings that show commands
        spans = instructions(node.evaluated_value, backticks) if _plain_string(node) else None
        if spans:
            text, start, _ = self._literal(node)
            self.commands.extend(from_python_string(text, start, spans=spans))

    def visit_SimpleString(self, node) -> None:
        if self.want_links and _plain_string(node):
            self._links(node, node.raw_value, len(node.prefix) + len(node.quote))

    def visit_FormattedStringText(self, node) -> None:
        if self.want_links and "\\" not in node.value and "{{" not in node.value and "}}" not in node.value:
            self._links(node, node.value, 0)

    def _links(self, node, text: str, lead: int) -> None:
        if links_in(text):  # positions cost a code generation of the module: only for strings with links
            self.links.extend(links_in(text, self.ctx.span(node)[0] + lead))

    def visit_Assign(self, node) -> None:
        """`mo_command = f"mo --input_model {path}"` run by a notebook's `! $mo_command` line: the
        string is the command (`ctx.shell_names`: the names the unit's shell lines expand)."""
        names = self.ctx.shell_names
        if names and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name) \
                and node.targets[0].target.value in names:
            string = self._command_text(node.value)
            if string is not None:
                # a line that goes on with an option continues the command (the notebooks wrote
                # `" ".join(mo_command.split())` before running it); other lines are commands of their own
                text, start, carrier = string
                joined = re.sub(r"\r?\n(?=[ \t]*-)", lambda m: " " * len(m.group()), text)
                self.commands.extend(from_python_string(joined, start, carrier))

    def visit_Raise(self, node) -> None:
        if isinstance(node.exc, cst.Call):
            for arg in node.exc.args:
                self._instructions(arg.value, backticks=True)

    def visit_Call(self, node) -> None:
        called = node.func.attr.value if isinstance(node.func, cst.Attribute) else \
            node.func.value if isinstance(node.func, cst.Name) else None
        if called in _MESSAGE_CALLS:
            for arg in node.args:
                self._instructions(arg.value, backticks=True)
        elif called in _REQUIREMENT_CHECKS:
            for arg in node.args:
                if arg.keyword is None or arg.keyword.value == "requirements":
                    self._requirements(arg.value, "python-call")
        names = self.ctx.qualified_names(node.func)
        ipython = _ipython_shell(node)
        if names & _COMMAND_CALLS and node.args:
            first = next((a for a in node.args if a.keyword is None or a.keyword.value == "args"), None)
            if first is not None:
                self._command(first.value)
        elif ipython is not None:
            self._ipython(node, ipython)
        elif self.setup_py and names & _SETUP_CALLS:
            for arg in node.args:
                if arg.keyword is None:
                    continue
                if arg.keyword.value in _SETUP_LIST_KEYWORDS:
                    self._requirements(arg.value, "setup-py", (arg.keyword.value,))
                elif arg.keyword.value == "python_requires":
                    literal = self._literal(arg.value)
                    if literal is not None:
                        self.requirements.append(python_version(literal[0], literal[1], "setup-py"))
                elif arg.keyword.value == "extras_require" and isinstance(arg.value, cst.Dict):
                    for element in arg.value.elements:
                        if isinstance(element, cst.DictElement):
                            self._requirements(element.value, "setup-py",
                                               ("extras_require", self.ctx.source(element.key)))

    def _literal(self, node):
        """(value, inner start, inner end) of a plain string literal without escapes, else None."""
        if not _plain_string(node):
            return None
        start, end = self.ctx.span(node)
        quote = node.quote
        return node.evaluated_value, start + len(node.prefix) + len(quote), end - len(quote)

    def _command(self, node, depth: int = 0, rest=None, split: bool = False) -> None:
        """`rest`: what follows the words of a list, not known (`cmd` extended by `cmd = cmd + [...]`);
        `split`: the string is split into words at any blank, line breaks too (`from_python_string`)."""
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) \
                and isinstance(node.left, (cst.List, cst.Tuple)):
            node, rest = node.left, node.right  # `['mo'] + args`: the rest is not known
        if isinstance(node, (cst.List, cst.Tuple)):
            words = []
            for element in node.elements:
                if not isinstance(element, cst.Element):
                    return
                literal = self._literal(element.value)
                if literal is None:
                    start, end = self.ctx.span(element.value)
                    words.append(Word(self.ctx.text[start:end], start, end, expanded=True,
                                      resolved=self._known(element.value)))
                else:
                    words.append(Word(literal[0], literal[1], literal[2], quoted=True, value_start=literal[1]))
            if rest is not None:
                start, end = self.ctx.span(rest)
                words.append(Word(self.ctx.text[start:end], start, end, expanded=True))
            if words:
                self.commands.extend(unwrap(Command(words, "python-list", "python")))
            return
        if isinstance(node, cst.Call) and len(node.args) <= 1:
            # `"mo ...".split()`, `shlex.split("mo ...")`: the words of the string
            if isinstance(node.func, cst.Attribute) and node.func.attr.value == "split" and (
                    not node.args or (_text(node.args[0].value) or "x").strip() == ""):
                self._command(node.func.value, depth, split=split or not node.args)
                return
            if node.args and self.ctx.qualified_names(node.func) & {"shlex.split"}:
                self._command(node.args[0].value, depth, split=True)
                return
            # `" ".join(command.split())`: the string with its blanks made one
            words = _joined_words(node)
            if words is not None:
                self._command(words, depth, split=True)
                return
        string = self._command_text(node)
        if string is not None:
            self.commands.extend(from_python_string(*string, split=split))
        elif isinstance(node, cst.Name) and depth < 1:
            value = assigned_value(self.ctx, node)
            rejoined = _rejoined_value(self.ctx, node) if value is None else None
            if value is not None or rejoined is not None:
                self._command(value or rejoined, depth + 1, split=split or rejoined is not None)
            else:
                extended = extended_list(self.ctx, node)
                if extended is not None:
                    self._command(extended, depth + 1, rest=node)

    def _known(self, node):
        """What a name in a command list holds, when the module assigns it once: a string, or
        `os.path.join(..., "mo.py")` (known by its last part)."""
        value = assigned_value(self.ctx, node) if isinstance(node, cst.Name) else node
        if value is None:
            return None
        literal = self._literal(value)
        if literal is not None:
            return literal[0]
        if isinstance(value, cst.Call) and value.args and self.ctx.qualified_names(value.func) & {"os.path.join"}:
            last = self._literal(value.args[-1].value)
            return f"$___/{last[0]}" if last is not None else None
        return None

    def _command_text(self, node):
        """(the text, where it starts, its carrier) of a string a command is written in: a plain
        string, or one with code in it masked (`_masked`); None for anything else."""
        literal = self._command_literal(node)
        return (literal[0], literal[1], "python-string") if literal is not None else self._masked(node)

    def _command_literal(self, node):
        """`_literal`, and also a string whose only escapes continue it on the next line of the
        file (`"mo --input_model m.onnx \\<line break>--output_dir ir"`), each after a blank: the
        continuation, which the value leaves out, is read as blanks, so the words stay as they
        are and every span still points at the file."""
        literal = self._literal(node)
        if literal is not None or not isinstance(node, cst.SimpleString) or node.prefix:
            return literal
        start, end = self.ctx.span(node)
        start, end = start + len(node.quote), end - len(node.quote)
        text = _CONTINUED_LINE.sub(lambda m: " " * len(m.group()), self.ctx.text[start:end])
        return None if "\\" in text or "\r" in text else (text, start, end)

    def _masked(self, node):
        """An f-string, a string formatted with `.format(...)` or `%`, or a `+` chain of plain
        strings and other expressions, as one command text with the code in it masked: (text,
        offset of the text, carrier)."""
        ctx = self.ctx
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "format":
            return self._formatted(node.func.value, _FORMAT_FIELD, ("{{", "}}"))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
            return self._formatted(node.left, _PERCENT_FIELD, ("%%",))
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
        if isinstance(node, cst.ConcatenatedString):
            return self._concatenated(node)
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

    def _concatenated(self, node):
        """Adjacent string literals (`f"mo --input_model {m} " f"--output_dir {d}"`, also over
        lines) as one command text: what lies between their texts is blank, or glues the two
        texts into one word where neither side has a blank. Its words can be replaced in place,
        never deleted (a deletion could take the quotes, a comment or a prefix between them)."""
        parts = []
        while isinstance(node, cst.ConcatenatedString):
            parts.append(node.left)
            node = node.right
        pieces = [self._command_text(part) for part in parts + [node]]
        if any(piece is None for piece in pieces):
            return None
        start = self.ctx.span(parts[0])[0]
        chars = [" "] * (self.ctx.span(node)[1] - start)
        end = 0
        for text, at, _ in pieces:
            at -= start
            if end and chars[end - 1] != " " and text[:1] not in ("", " "):
                chars[end:at] = "$" + "_" * (at - end - 1)  # `"a" "b"` is the word `ab`
            chars[at:at + len(text)] = text
            end = at + len(text)
        # what lies between the literals is no part of the command: no edit may take it away
        return "".join(chars), start, "python-concatenated"

    def _formatted(self, node, fields, escapes: tuple):
        """A plain string whose `fields` another value fills, as a command text with them masked;
        None for another expression, or a string with escaped field marks."""
        literal = self._command_literal(node)
        if literal is None or any(e in literal[0] for e in escapes):
            return None
        holes = [(literal[1] + m.start(), literal[1] + m.end()) for m in fields.finditer(literal[0])]
        return _mask(literal[0], literal[1], holes), literal[1], "python-fstring"

    def _ipython(self, call, method: str) -> None:
        """What a notebook exported to Python runs through IPython: `get_ipython().system("mo ...")`,
        `run_line_magic("pip", "install ...")` and `run_cell_magic("bash", "", "...")`."""
        args = [a.value for a in call.args if a.keyword is None]
        if method in ("system", "getoutput") and args:
            self._command(args[0])
        elif method == "run_line_magic" and len(args) == 2 and _text(args[0]) in ("pip", "conda", "mamba"):
            literal = self._literal(args[1])
            if literal is not None:
                for command in from_python_string(literal[0], literal[1]):
                    command.words.insert(0, Word(_text(args[0]), literal[1], literal[1]))
                    self.commands.append(command)
        elif method == "run_cell_magic" and len(args) == 3 and _text(args[0]) in ("bash", "sh", "script"):
            body = self._escaped_lines(args[2])
            if body is not None:
                self.commands.extend(from_python_string(*body))
            else:
                self._command(args[2])

    def _escaped_lines(self, node):
        """(text, where it starts) of a one-line string whose only escapes are line breaks, as
        nbconvert writes a cell's body (`'mo --input_model m.onnx \\\n  --output_dir ir\n'`):
        each `\\n` a line break and each `\\\\\\n` a continued line, of the same length, so
        every span still points at the file. None for any other string."""
        if not isinstance(node, cst.SimpleString) or node.prefix or len(node.quote) != 1:
            return None
        start = self.ctx.span(node)[0] + 1
        text = _ESCAPED_LINE.sub(lambda m: "  \\\n" if len(m.group()) == 4 else " \n", node.value[1:-1])
        return None if "\\" in text.replace("\\\n", "") or "\n" not in text else (text, start)

    def _requirements(self, node, origin: str, group: tuple = ()) -> None:
        """The requirements a string, or a list or tuple of strings (or a name assigned one once),
        names; `group`: the list they are in (`install_requires`, an extra of `extras_require`)."""
        if isinstance(node, cst.Name):
            node = assigned_value(self.ctx, node) or node
        values = [e.value for e in node.elements if isinstance(e, cst.Element)] \
            if isinstance(node, (cst.List, cst.Tuple)) else [node]
        for value in values:
            literal = self._literal(value)
            if literal is not None:
                req = from_pep508(literal[0], literal[1], origin, group=group)
                if req:
                    self.requirements.append(req)


# the fields `str.format` and `%` fill
_FORMAT_FIELD = pattern(r"\{[^{}]*\}")
_PERCENT_FIELD = pattern(r"%(?:\(\w+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcaou]")


# in a string's text: `\\\n` (a backslash, then a line break: a continued shell line), or `\n`
_ESCAPED_LINE = pattern(r"\\\\\\n|\\n")
# in a string's text: a backslash after a blank, then a line break: the string goes on on the next line
_CONTINUED_LINE = pattern(r"(?<=[ \t])\\(?:\r\n|\r|\n)")


def _text(node) -> Optional[str]:
    """The value of a plain string literal, else None."""
    return node.evaluated_value if _plain_string(node) else None


def _ipython_shell(call) -> Optional[str]:
    """`system` for `get_ipython().system(...)` (and its other shell methods); None otherwise."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in ("system", "getoutput", "run_line_magic",
                                                               "run_cell_magic") \
            and isinstance(func.value, cst.Call) and isinstance(func.value.func, cst.Name) \
            and func.value.func.value == "get_ipython":
        return func.attr.value
    return None


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
    statements = _assigning(ctx, name)
    return statements[0].value if len(statements) == 1 and isinstance(statements[0], cst.Assign) else None


def assigned_values(ctx, name) -> list:
    """The values of every `name = <value>` in the scope of `name` (other bindings left out)."""
    return [statement.value for statement in _assigning(ctx, name) if isinstance(statement, cst.Assign)]


def _assigning(ctx, name) -> list:
    """The statements that assign `name` in its scope (an `Assign` for `name = ...`, else the
    node that binds it: an `AugAssign`, a `For`, a parameter, ...)."""
    scope = ctx.scope(name)
    if scope is None:
        return []
    found = []
    for assignment in scope.assignments[name.value]:
        if hasattr(assignment, "node"):
            target = ctx.parent(assignment.node)
            found.append(ctx.parent(target) if isinstance(target, cst.AssignTarget) else target)
    return found


def extended_list(ctx, name):
    """The list `name` is first assigned, when every other assignment of the name in its scope
    only adds to its end (`cmd = cmd + ["--data_type", "FP16"]`, `cmd += [...]`): its first words
    are known, the rest is not."""
    first = None
    for statement in _assigning(ctx, name):
        if first is None and isinstance(statement, cst.Assign) and isinstance(statement.value, (cst.List, cst.Tuple)):
            first = statement.value
        elif not _adds_to_end(statement, name.value):
            return None
    return first


def _joined_words(node):
    """`text` of `" ".join(text.split())`, else None."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "join"
            and _text(node.func.value) == " " and len(node.args) == 1 and node.args[0].keyword is None):
        return None
    split = node.args[0].value
    if isinstance(split, cst.Call) and isinstance(split.func, cst.Attribute) and split.func.attr.value == "split" \
            and not split.args:
        return split.func.value
    return None


def _rejoined_value(ctx, name):
    """The value of `name = <value>` when the only other assignment of the name in its scope
    follows it and makes its blanks one (`name = " ".join(name.split())`, as the OpenVINO
    notebooks write a command over several lines)."""
    statements = _assigning(ctx, name)
    if len(statements) != 2 or not all(isinstance(s, cst.Assign) and len(s.targets) == 1 for s in statements):
        return None
    first, second = sorted(statements, key=lambda s: ctx.span(s)[0])
    words = _joined_words(second.value)
    if isinstance(words, cst.Name) and words.value == name.value \
            and all(isinstance(s.targets[0].target, cst.Name) for s in statements) \
            and ctx.span(second)[1] <= ctx.span(name)[0]:
        return first.value
    return None


def _adds_to_end(statement, name: str) -> bool:
    """`name += ...` or `name = name + ...`."""
    if isinstance(statement, cst.AugAssign):
        return isinstance(statement.operator, cst.AddAssign)
    value = statement.value if isinstance(statement, cst.Assign) else None
    return isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add) \
        and isinstance(value.left, cst.Name) and value.left.value == name


# a line IPython runs as shell or a magic (`!pip install ...`, `%cd data`): a script exported from
# a notebook (Colab's "Download .py") keeps them
_IPYTHON_LINE = pattern(r"(?m)^[ \t]*(?:!|%(?!%))")
# a cell magic whose body is no Python (`%%bash`, `%%writefile x.py`): it applied to one cell of the
# notebook, whose end the exported script no longer shows (`%%time`, `%%capture`: Python still)
_CELL_MAGIC = pattern(r"(?m)^[ \t]*%%(?!(?:time|timeit|capture|prun|debug)\b)")


def read(text: str) -> Document:
    """The module; when it does not parse and holds IPython's `!`/`%` lines (and no cell magic),
    `fallback` reads it as a notebook cell (those lines masked and read as shell), as the exported
    notebook ran."""
    document = whole(text, python=text)
    if _IPYTHON_LINE.search(text) and not _CELL_MAGIC.search(text):
        document.fallback = lambda: _as_notebook_cell(text)
    return document


def _as_notebook_cell(text: str) -> Document:
    from ovlint.surfaces import notebook

    cell = notebook.exported_cell(text)
    return whole(text, python=cell.python, commands=notebook.cell_commands(cell))


KIND = FileKind(
    name="python", label="Python",
    recognise=lambda path, name, suffix: suffix in (".py", ".pyi"),
    read=read, multiline=python_lexer.string_spans,
    facts=(PYTHON, COMMAND, REQUIREMENT, LINK), python_source=True,
    carried=(COMMAND, REQUIREMENT), carriers=(b"subprocess", b"os.system", b"os.popen", b"$ ", b"sage", b"xample",
                                              b"nstall", b"`", b"require", b"get_ipython", b"\n!"),
    carrier_files=("setup.py",), fence="python",
)
