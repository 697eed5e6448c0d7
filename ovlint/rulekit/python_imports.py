"""Adding imports from fixes: reuse a binding that exists, else insert one import, once.

Two rules asking for the same import produce identical edits, which the fixer applies once.
"""
from __future__ import annotations

import os
import re
import sys
import sysconfig
from functools import lru_cache

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import cst


class ImportHelper:
    def __init__(self, ctx):
        self.ctx = ctx
        self.module = ctx.module
        self._global_names = None

    def module_alias(self, module: str, preferred: str) -> tuple[str, tuple[Edit, ...]]:
        """The name under which `module` is (or will be) bound, and the edits that bind it."""
        for stmt in self._top_level_imports():
            if isinstance(stmt, cst.Import):
                for alias in stmt.names:
                    if dotted(alias.name) == module:
                        if alias.asname is None:
                            if "." not in module:
                                return module, ()
                        else:
                            return alias.asname.name.value, ()
        name = preferred
        while name in self.global_names():
            name += "_"
        statement = f"import {module}" if name == module else f"import {module} as {name}"
        return name, (self.insert_statement(statement),)

    def global_names(self) -> set[str]:
        if self._global_names is None:
            scope = self.ctx.scope(self.module)
            names = set()
            if scope is not None:
                names = {a.name for a in scope.assignments}
                names |= {a.node.value for a in scope.accesses if isinstance(a.node, cst.Name)}
            self._global_names = names
        return self._global_names

    def insert_statement(self, statement: str) -> Edit:
        """An edit inserting `statement` on a line of its own after the leading imports."""
        text = self.ctx.text
        newline = self.ctx.newline
        anchor = None
        for stmt in self.module.body:
            if _is_docstring(stmt) and anchor is None and stmt is self.module.body[0]:
                anchor = stmt
                continue
            if isinstance(stmt, cst.SimpleStatementLine) and all(
                isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
            ):
                anchor = stmt
                continue
            break
        first_code = next((s for s in self.module.body if not _masked_magic(s)), None)
        if anchor is None and first_code is not None and self.ctx.path.endswith(".ipynb"):
            # a notebook whose first cells are shell commands (one per platform, `# Linux` and
            # `# Windows`): before its first Python, which every run of the notebook runs
            offset = text.rfind("\n", 0, self.ctx.span(first_code)[0]) + 1
        elif anchor is None:
            offset = _after_header_comments(text)
        else:
            _, end = self.ctx.span(anchor)
            line_end = text.find("\n", end)
            offset = len(text) if line_end < 0 else line_end + 1
            if line_end < 0:
                statement = newline + statement
        return Edit(offset, offset, statement + newline)

    def _top_level_imports(self):
        for stmt in self.module.body:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, (cst.Import, cst.ImportFrom)):
                        yield small


def dotted(node) -> str:
    """`a.b.c` for a Name/Attribute chain; empty for anything else."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{dotted(node.value)}.{node.attr.value}"
    return ""


def caught(handler) -> set[str]:
    """The exceptions an `except` clause names, dotted (`errors.Timeout`); `""` for a bare one."""
    kind = handler.type
    return {dotted(e.value) for e in kind.elements} if isinstance(kind, cst.Tuple) else \
        {dotted(kind) if kind is not None else ""}


def _masked_magic(stmt) -> bool:
    """Whether `stmt` is a notebook's IPython line as the notebook surface masks it (`0#xxx`)."""
    return (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Expr)
            and isinstance(stmt.body[0].value, cst.Integer) and stmt.body[0].value.value == "0")


def _is_docstring(stmt) -> bool:
    return (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
            and isinstance(stmt.body[0], cst.Expr) and isinstance(stmt.body[0].value, cst.SimpleString))


def _after_header_comments(text: str) -> int:
    """Past a shebang, coding cookie and leading comment block."""
    offset = 0
    for m in re.finditer(r"[^\n]*\n", text):
        if m.group().startswith("#"):
            offset = m.end()
        else:
            break
    return offset


@lru_cache(maxsize=None)
def standard_library() -> frozenset:
    """The top-level names of the standard library's modules (the running Python's)."""
    names = getattr(sys, "stdlib_module_names", None)  # Python 3.10 and later
    if names is None:  # the modules in the library's folder, and those built in
        folder = sysconfig.get_paths()["stdlib"]
        names = {name[:-3] if name.endswith(".py") else name for name in os.listdir(folder)
                 if name.endswith(".py") or os.path.isdir(os.path.join(folder, name))}
        names |= set(sys.builtin_module_names)
    return frozenset(names)
