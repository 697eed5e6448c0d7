"""What a rule sees of the unit it runs on, and how it reports."""
from __future__ import annotations

from functools import cached_property
from typing import Any, Optional

from ovlint.base.diagnostics import Diagnostic, Edit, Fix
from ovlint.base.text import LineIndex


class UnitContext:
    """One unit of one file: a whole file, or one notebook cell."""

    def __init__(self, path: str, text: str, cell: Optional[int], target_version: str, filename: str):
        self.path = path
        self.text = text
        self.cell = cell
        self.target_version = target_version
        self.filename = filename  # the file's base name, for rules gated on it (setup.py)
        self.diagnostics: list[Diagnostic] = []
        self.enabled_codes: frozenset[str] = frozenset()  # the codes of every rule running on this unit
        self._lines: Optional[LineIndex] = None
        self._memo: dict = {}

    def memo(self, key, factory):
        """One value per unit for `key`: lets the rules of one family share an analysis."""
        if key not in self._memo:
            self._memo[key] = factory()
        return self._memo[key]

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def span(self, where: Any) -> tuple[int, int]:
        if isinstance(where, tuple):
            return where
        start, end = getattr(where, "start", None), getattr(where, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            return start, end
        raise TypeError(f"cannot locate {where!r}")

    def report(self, rule, where, message: Optional[str], fix: Optional[Fix]) -> None:
        start, end = self.span(where)
        self.diagnostics.append(
            Diagnostic(rule.code, message or rule.summary, self.path, start, end, fix, self.cell, rule.url())
        )

    def replace(self, where, content: str) -> Edit:
        start, end = self.span(where)
        return Edit(start, end, content)


class PythonContext(UnitContext):
    """A unit parsed by LibCST, with its scopes; positions and parents are worked out on first use,
    and qualified names per node asked about, since most nodes are never asked about."""

    def __init__(self, *args, wrapper, scopes, **kwargs):
        super().__init__(*args, **kwargs)
        self.module = wrapper.module
        self._wrapper = wrapper
        self._scopes = scopes
        self._qualified: dict = {}
        self._imports = None

    @cached_property
    def _positions(self):
        from libcst.metadata import PositionProvider

        return self._wrapper.resolve(PositionProvider)

    @cached_property
    def _parents(self) -> dict:
        from ovlint.surfaces.python import parent_map

        return parent_map(self.module)

    def span(self, where: Any) -> tuple[int, int]:
        if isinstance(where, tuple) or isinstance(getattr(where, "start", None), int):
            return super().span(where)
        pos = self._positions[where]
        return (self.lines.offset(pos.start.line, pos.start.column),
                self.lines.offset(pos.end.line, pos.end.column))

    def source(self, node) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def qualified_names(self, node) -> frozenset[str]:
        # what LibCST's QualifiedNameProvider computes, without its visit of every node; rules ask
        # about the same node about ten times, so each answer is kept
        names = self._qualified.get(node)
        if names is None:
            scope = self.scope(node)
            names = frozenset(q.name for q in scope.get_qualified_names_for(node)) if scope else frozenset()
            self._qualified[node] = names
        return names

    def scope(self, node):
        value = self._scopes.get(node)
        return value() if callable(value) else value

    def parent(self, node):
        return self._parents.get(node)

    def scopes(self) -> list:
        """Every distinct scope of the module."""
        seen: dict[int, object] = {}
        for value in self._scopes.values():
            scope = value() if callable(value) else value
            if scope is not None:
                seen.setdefault(id(scope), scope)
        return list(seen.values())

    @property
    def imports(self):
        from ovlint.rulekit.python_imports import ImportHelper

        if self._imports is None:
            self._imports = ImportHelper(self)
        return self._imports
