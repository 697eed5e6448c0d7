"""Edits and lookups that Python rules of any family need: arguments of a call, literal values,
the statement a node sits in, whole lines, indentation, fresh names, nodes of a kind under a node."""
from __future__ import annotations

from typing import Optional

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_imports import caught
from ovlint.surfaces import cst_walk


def rename(ctx, attribute, new: str) -> Edit:
    """`x.old` -> `x.new`: replaces the attribute's name only."""
    return ctx.replace(attribute.attr, new)


def drop_attribute(ctx, attribute) -> Edit:
    """`x.name` -> `x`: removes the attribute's name and the dot before it (with any space or line
    break between them and `x`), `x`'s parentheses kept."""
    return Edit(parenthesized(ctx, attribute.value)[1], ctx.span(attribute.attr)[1], "")


def keyword(call, name: str):
    return next((a for a in call.args if a.keyword is not None and a.keyword.value == name), None)


def argument(call, position: int, name: str):
    """The argument passed by keyword `name`, or positionally at `position`."""
    found = keyword(call, name)
    if found is not None:
        return found
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position] if position < len(positional) else None


def delete_argument(ctx, call, arg) -> Edit:
    """Remove `arg` (with its `*` or `**`, its keyword, its parentheses) and the comma that
    separates it from its neighbour."""
    args = list(call.args)
    index = args.index(arg)
    start, end = ctx.span(arg)
    if index + 1 < len(args):
        return Edit(start, ctx.span(args[index + 1])[0], "")
    if index > 0:
        start = ctx.span(args[index - 1])[1]
    return Edit(start, end, "")


def parenthesized(ctx, node) -> tuple[int, int]:
    """The span of `node` with the parentheses around it (its own span leaves them out), measured
    by the code of the space inside each, which may hold a comment with brackets of its own."""
    start, end = ctx.span(node)
    for lpar in reversed(getattr(node, "lpar", ())):
        start -= len(_code(lpar.whitespace_after)) + 1
    for rpar in getattr(node, "rpar", ()):
        end += len(_code(rpar.whitespace_before)) + 1
    return start, end


def _code(node) -> str:
    return cst.Module([]).code_for_node(node)


def string_value(node) -> Optional[str]:
    if isinstance(node, cst.SimpleString) and "\\" not in node.value and "b" not in node.prefix.lower():
        return node.evaluated_value
    return None


def int_value(node) -> Optional[int]:
    if isinstance(node, cst.Integer):
        return int(node.value, 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus) and isinstance(node.expression, cst.Integer):
        return -int(node.expression.value, 0)
    return None


def statement_of(ctx, node):
    """The SimpleStatementLine whose only statement is `node`, or holds `node` as its value
    (`x = node`, `node` as an expression statement); else None."""
    line = ctx.parent(node)
    if not isinstance(line, cst.SimpleStatementLine):
        line = ctx.parent(line) if line is not None else None
    if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1:
        return line
    return None


def whole_lines(ctx, node) -> tuple[int, int]:
    """From the start of the line `node` starts on to past the newline of the line it ends on."""
    start, end = ctx.span(node)
    return ctx.lines.line_span(start)[0], ctx.lines.line_span(max(start, end - 1))[1]


def deleted_line(ctx, line) -> list[Edit]:
    """Delete a statement line, leaving `pass` where the block would be left empty."""
    block = ctx.parent(line)
    if not isinstance(block, cst.Module) and len(getattr(block, "body", ())) == 1:
        return [ctx.replace(line.body[0], "pass")]
    return [Edit(*whole_lines(ctx, line), "")]


# what a handler catches when an import fails
_IMPORT_FAILURES = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
# said of an import kept for that reason
PROBE_NOTE = (" (kept: it is in a `try` whose `except` goes on without it, so it tells the program whether the "
              "module is installed, which it never is from that release on; decide what the program does then)")


def probes_import(ctx, statement) -> bool:
    """Whether the import `statement` tells the program whether its module is installed: it
    stands in a `try:` body, and a handler of that `try` that catches its failure (`ImportError`,
    or more) goes on without the module (`HAVE_MO = False`) rather than stopping the program.
    Removed as unused, it would make the program take the module for installed, and choose by
    that; a check that stops the program without it goes with the module's uses."""
    child, trying = statement, ctx.parent(statement)
    while trying is not None and not (isinstance(trying, cst.Try) and trying.body is child):
        if isinstance(trying, (cst.FunctionDef, cst.ClassDef, cst.Module)):
            return False
        child, trying = trying, ctx.parent(trying)
    if trying is None:
        return False
    return any((handler.type is None or any(name.rpartition(".")[2] in _IMPORT_FAILURES for name in caught(handler)))
               and not _stops(handler.body) for handler in trying.handlers)


def _stops(block) -> bool:
    """Whether a block ends the program: its last statement raises, or calls `exit`."""
    last = block.body[-1] if block.body else None
    small = last.body[-1] if isinstance(last, cst.SimpleStatementLine) and last.body else None
    if isinstance(small, cst.Raise):
        return True
    call = small.value if isinstance(small, cst.Expr) else None
    func = call.func if isinstance(call, cst.Call) else None
    name = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else ""
    return name in ("exit", "quit", "_exit", "abort")


def indentation(ctx, node) -> str:
    start = ctx.span(node)[0]
    line_start = ctx.text.rfind("\n", 0, start) + 1
    return ctx.text[line_start:start]


def line_end(ctx, line) -> int:
    """Offset just past the newline that ends `line` (a statement)."""
    end = ctx.span(line)[1]
    nl = ctx.text.find("\n", end)
    return len(ctx.text) if nl < 0 else nl + 1


def fresh_name(ctx, node, base: str) -> str:
    """`base`, or `base_`, ... : a name unused in the scope of `node` and at module level."""
    scope = ctx.scope(node)
    taken = set(ctx.imports.global_names())
    if scope is not None:
        taken |= {a.name for a in scope.assignments}
        taken |= {a.node.value for a in scope.accesses if isinstance(a.node, cst.Name)}
    name = base
    while name in taken:
        name += "_"
    return name


def collect(root, kinds) -> list:
    """Nodes of one kind under `root`, not descending into nested functions or classes."""
    return _under(root, kinds, into_nested=False)


def walk(root, kinds) -> list:
    """Every node of one kind under `root`, nested functions included."""
    return _under(root, kinds, into_nested=True)


def _under(root, kinds, into_nested: bool) -> list:
    found = []
    matches: dict[type, bool] = {}  # per node type: `isinstance` on LibCST's classes is slow
    nested = () if into_nested else (cst.FunctionDef, cst.ClassDef, cst.Lambda)
    cst_walk.syntax_only(kinds, "collect() and walk()")
    nodes, parents = cst_walk.preorder(root)
    hidden: set[int] = set()  # the nodes inside a nested function, class or lambda
    for node in nodes:
        parent = parents.get(id(node))
        if parent is not None and (id(parent) in hidden or (parent is not root and type(parent) in nested)):
            hidden.add(id(node))
            continue
        kind = type(node)
        match = matches.get(kind)
        if match is None:
            match = matches[kind] = issubclass(kind, kinds)
        if match:
            found.append(node)
    return found
