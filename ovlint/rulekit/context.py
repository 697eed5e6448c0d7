"""What a rule sees of the unit it runs on, and how it reports."""
from __future__ import annotations

from functools import cached_property
from types import MemberDescriptorType
from typing import Any, Optional

from ovlint.base import noqa
from ovlint.base.diagnostics import Diagnostic, Edit, Fix
from ovlint.base.lazy import cst
from ovlint.base.text import LineIndex, newline_of
from ovlint.base.versions import Floor, at_least


class UnitContext:
    """One unit of one file: a whole file, a notebook's joined code cells, or one cell."""

    def __init__(self, path: str, text: str, cell: Optional[int], target_version: str, filename: str,
                 file_codes=False, floor: Optional[Floor] = None, partial: str = ""):
        self.path = path
        self.text = text
        self.cell = cell
        self.target_version = target_version  # the release migrated to
        self.floor = floor  # the oldest release the project pins, which fixes must also run on
        self.filename = filename  # the file's base name, for rules gated on it (setup.py)
        self.partial = partial  # why the unit is only part of its program (`Unit.partial`)
        self.lines_are_the_files = cell is None  # whether a line of `text` is that line of the file
        self.lines_named_by_cell = cell is not None  # a notebook's: `line_name` says `cell 3, line 2`
        # the Python names the unit's shell lines expand (a notebook's `! $mo_command`): their strings are commands
        self.shell_names: frozenset[str] = frozenset()
        self.file_codes = file_codes  # what a file-level `ovlint: noqa` exempts (see `noqa.file_exemption`)
        self.diagnostics: list[Diagnostic] = []
        # the fix groups (`Rule.fix_group`) whose every rule runs on this unit
        self.complete_fix_groups: frozenset[str] = frozenset()
        # the unit's commands (its own and those its code carries), set before command and
        # requirement rules run: for a rule that weighs one fact against the others
        self.commands: list = []
        self._lines: Optional[LineIndex] = None
        self._memo: dict = {}
        self.line_name = self._line_name  # a notebook's joined code names its lines by cell

    def _line_name(self, offset: int) -> str:
        """How a message names the line at `offset`: `line 12`, or in a notebook's cell `cell 3, line 2`."""
        row = self.lines.position(offset)[0]
        return f"cell {self.cell + 1}, line {row}" if self.cell is not None else f"line {row}"

    def memo(self, key, factory):
        """One value per unit for `key`: lets the rules of one family share an analysis."""
        try:
            return self._memo[key]
        except KeyError:  # asked a million times a run: the first time alone pays for the exception
            value = self._memo[key] = factory()
            return value

    @property
    def newline(self) -> str:
        """The line ending fixes write: the one the unit uses."""
        return newline_of(self.text)

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

    def can_write(self, since: Optional[str]) -> bool:
        """Whether something that first exists in `since` exists in the target and in the pinned
        floor, so a fix may write it."""
        return not self.cannot_write(since)

    def report(self, rule, where, message: Optional[str], fix: Optional[Fix], deprecation=None) -> None:
        start, end = self.span(where)
        deprecation = deprecation or rule.deprecation
        diag = Diagnostic(rule.code, message or rule.summary, self.path, start, end, fix, self.cell,
                          floor=self.floor)
        if deprecation is not None:
            diag.deprecation = deprecation.key
            diag.deprecated_in, diag.removed_in = deprecation.deprecated, deprecation.removed
        self.diagnostics.append(diag)

    def replace(self, where, content: str) -> Edit:
        start, end = self.span(where)
        return Edit(start, end, content)

    def suppressed(self, code: str, start: int, end: int) -> bool:
        """Whether a `noqa` comment on the first or last line of the span, or the file's own
        `ovlint: noqa`, covers `code`. ovlint's own diagnostics (OV0xx) are never suppressed."""
        if code.startswith("OV0"):
            return False
        lines = self.lines
        rows = {lines.line(lines.position(start)[0]), lines.line(lines.position(end)[0])}
        return noqa.is_suppressed(code, list(rows), self.file_codes)

    def finish(self) -> list[Diagnostic]:
        """The unit's diagnostics that no comment suppresses, with rows, columns and source lines."""
        lines = self.lines
        kept = []
        located: dict[int, list] = {}  # by the id of a fix's edits, which a group's diagnostics share
        for diag in self.diagnostics:
            if self.suppressed(diag.code, diag.start, diag.end):
                continue
            # against the floor the finding was made under: a command run in an older image has its own
            if diag.fix is not None and self.cannot_write(diag.fix.requires, floor=diag.floor):
                diag.message += self.cannot_write(diag.fix.requires, diag.removed_in, diag.floor)
                diag.fix = None
            diag.row, diag.column = lines.position(diag.start)
            diag.end_row, diag.end_column = lines.position(diag.end)
            diag.source_line = lines.line(diag.row)
            if diag.fix is not None:
                if id(diag.fix.edits) not in located:
                    located[id(diag.fix.edits)] = [
                        {"content": e.content, "location": _location(lines, e.start),
                         "end_location": _location(lines, e.end)}
                        for e in diag.fix.edits
                    ]
                diag.edit_locations = located[id(diag.fix.edits)]
            kept.append(diag)
        return kept

    def cannot_write(self, since: Optional[str], gone: Optional[str] = None, floor: Optional[Floor] = None) -> str:
        """Why a fix writing something that first exists in `since` is not offered, as a note to
        append to a message; empty when it can be. `gone`: the release that removed what the fix
        replaces, when known (no release runs both spellings when that is not after `since`);
        `floor`: the one to judge by, when not the unit's."""
        floor = floor or self.floor
        if not at_least(self.target_version, since):
            return f" (the fix needs OpenVINO {since}, newer than the target {self.target_version})"
        if floor is not None and not at_least(floor.release, since):
            if gone is not None and since is not None and at_least(since, gone):
                return (f" (the fix needs OpenVINO {since}, but {floor.origin} pins {floor.release}: "
                        f"raise the pin to {since} or later in the same change as this fix, since what it replaces "
                        f"is gone from {gone} on and no release runs both)")
            return (f" (the fix needs OpenVINO {since}, but {floor.origin} pins {floor.release}: "
                    f"raise the pin to {since} or later first)")
        return ""


def _requoted(edit: Edit, fstrings: list) -> Optional[Edit]:
    """`edit`, when it lies inside the fields of some of `fstrings` ((start, end, closing quote)),
    with the quote that would end one of them swapped for the one none of them uses; None when
    there is none, or the edit holds a backslash (an escaped quote would change its string)."""
    around = [quote for start, end, quote in fstrings if start < edit.start and edit.end < end]
    if any(quote in edit.content for quote in around if len(quote) == 3):
        return None
    taken = {quote for quote in around if len(quote) == 1}  # a triple quote ends only at three
    clashing = [quote for quote in taken if quote in edit.content]
    if not clashing:
        return edit
    free = [quote for quote in ('"', "'") if quote not in taken]
    if len(clashing) > 1 or not free or free[0] in edit.content or "\\" in edit.content:
        return None
    return Edit(edit.start, edit.end, edit.content.replace(clashing[0], free[0]))


def _location(lines: LineIndex, offset: int) -> dict:
    row, column = lines.position(offset)
    return {"row": row, "column": column}


class PythonContext(UnitContext):
    """A unit parsed by LibCST; scopes, positions and parents are worked out on first use (many
    modules never need them), and qualified names per node asked about, since most nodes are never
    asked about."""

    def __init__(self, unit: UnitContext, *, wrapper):
        super().__init__(unit.path, unit.text, unit.cell, unit.target_version, unit.filename, unit.file_codes,
                         unit.floor, unit.partial)
        self.diagnostics = unit.diagnostics  # one list for the unit, whatever kind of rule reports
        self._lines = unit._lines
        self.line_name = unit.line_name
        self.module = wrapper.module
        self._wrapper = wrapper
        self._qualified: dict = {}
        self._imports = None

    @cached_property
    def _scopes(self):
        from ovlint.surfaces.cst_walk import resolve_scopes

        return resolve_scopes(self._wrapper, self._index.by_type)

    @cached_property
    def _spans(self):
        from ovlint.surfaces.python import NodeSpans

        return NodeSpans(self.module)

    @cached_property
    def _index(self):
        from ovlint.surfaces.python import NodeIndex

        return NodeIndex.of(self.module)

    # what a finding says when its fix is not offered for the quotes of an f-string
    FSTRING_QUOTES = (" (not fixed: the rewrite writes a string inside an f-string's field that the quote the "
                      "f-string leaves free cannot hold)")

    def requoted(self, edits: tuple) -> Optional[tuple]:
        """`edits`, those inside an f-string's field writing their string literals in the quote
        the f-string does not use (before Python 3.12 its own quote ends it wherever it stands);
        None when one of them cannot be written so (see `_requoted`)."""
        if not any('"' in e.content or "'" in e.content for e in edits):
            return edits
        fstrings = self.memo("fstrings", lambda: [(*self.span(node), node.end) for node in self.nodes((cst.FormattedString,))])
        found = tuple(_requoted(edit, fstrings) for edit in edits)
        return None if None in found else found

    def requote_in_fstrings(self) -> None:
        """Every fix of the unit in the right quotes inside f-strings (see `requoted`); a fix that
        cannot be is not offered."""
        done: dict = {}  # id of a fix -> the fix in the right quotes, or None (diagnostics share fixes)
        for diag in self.diagnostics:
            fix = diag.fix
            if fix is None:
                continue
            if id(fix) not in done:
                edits = self.requoted(fix.edits)
                done[id(fix)] = fix if edits == fix.edits else None if edits is None else \
                    Fix(edits, fix.applicability, fix.message, fix.requires)
            diag.fix = done[id(fix)]
            if diag.fix is None:
                diag.message += self.FSTRING_QUOTES

    def order(self, node) -> int:
        """Where `node` comes in the module: nodes sort as their positions do (a parent before its
        children), without working out every position. A definition's position is its `def` or
        `class`, after its decorators: it sorts as its name does."""
        from libcst import ClassDef, FunctionDef

        if type(node) is FunctionDef or type(node) is ClassDef:
            node = node.name
        return self._index.order[id(node)]

    def within(self, owner, kinds: tuple) -> list:
        """The nodes of `kinds` in the function, class or lambda `owner`, in source order, those of
        nested functions, classes and lambdas left out (`python_edits.collect` on it, from the index
        rather than a walk of each function)."""
        return self.memo(("within", kinds), lambda: self._by_owner(kinds)).get(id(owner), [])

    def _by_owner(self, kinds: tuple) -> dict:
        from libcst import ClassDef, FunctionDef, Lambda

        owners = (FunctionDef, ClassDef, Lambda)
        parents = self._index.parents
        found: dict = {}
        for node in self.nodes(kinds):
            owner = parents.get(id(node))
            while owner is not None and type(owner) not in owners:
                owner = parents.get(id(owner))
            if owner is not None:
                found.setdefault(id(owner), []).append(node)
        return found

    def in_order(self) -> list:
        """Every node of the module in LibCST's visiting order (parents before their children)."""
        return self._index.nodes

    def nodes(self, kinds: tuple) -> list:
        """Every node of the module of one of `kinds`, in source order (one walk serves every rule)."""
        from ovlint.surfaces.cst_walk import syntax_only

        syntax_only(kinds, "nodes()")
        order = self._index.order
        lists = [nodes for node_type, nodes in self._index.by_type.items() if issubclass(node_type, kinds)]
        if len(lists) == 1:
            return list(lists[0])
        return sorted((n for nodes in lists for n in nodes), key=lambda node: order[id(node)])

    def span(self, where: Any) -> tuple[int, int]:
        if isinstance(where, tuple) or isinstance(getattr(where, "start", None), int):
            return super().span(where)
        start, end = self._spans[where]
        # a file without a final line break: LibCST's code generation counts one, then drops it
        return min(start, len(self.text)), min(end, len(self.text))

    def source(self, node) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def qualified_names(self, node) -> frozenset[str]:
        # what LibCST's QualifiedNameProvider computes, without its visit of every node; rules ask
        # about the same node about ten times, so each answer is kept
        names = self._qualified.get(id(node))
        if names is None:
            scope = self.scope(node)
            names = frozenset(q.name for q in scope.get_qualified_names_for(node)) if scope else frozenset()
            self._qualified[id(node)] = names
        return names

    def scope(self, node):
        value = self._scopes.get(node)
        return value() if callable(value) else value

    def parent(self, node):
        return self._index.parents.get(id(node))

    def scopes(self) -> list:
        """Every distinct scope of the module (found once: a module has a scope for each of its nodes)."""
        return self.memo("scopes", self._distinct_scopes)

    def _distinct_scopes(self) -> list:
        seen: dict[int, object] = {}
        for value in self._scopes.values():
            scope = value() if callable(value) else value
            if scope is not None:
                seen.setdefault(id(scope), scope)
        return list(seen.values())

    def close(self) -> None:
        """Let go of the unit's analyses once its rules have run. Scope analysis links scopes,
        assignments and accesses both ways, and the analyses rules share refer back to this
        context: cycles that keep the module's tree alive until the cyclic collector walks all of
        it, a tenth of the time on large modules. With the links cut, reference counting frees
        the tree at once."""
        if "_scopes" in self.__dict__:
            _unlink_scopes(self.scopes())
        self._memo.clear()
        self.__dict__.clear()

    @property
    def imports(self):
        from ovlint.rulekit.python_imports import ImportHelper

        if self._imports is None:
            self._imports = ImportHelper(self)
        return self._imports


def _unlink_scopes(scopes: list) -> None:
    """Empty the module's scopes (those given, their parents and the module's builtins) and the
    assignments and accesses they hold; nothing reads them after its unit is closed. A scope is
    emptied only if it is the module's own (its `globals` is the module's scope): LibCST makes
    the builtins' scope anew for each module, and one it shared would be left alone."""
    found = {id(scope): scope for scope in scopes}
    pending = list(found.values())
    while pending:
        scope = pending.pop()
        for link in (getattr(scope, "parent", None), getattr(scope, "globals", None)):
            if link is not None and id(link) not in found:
                found[id(link)] = link
                pending.append(link)
    own = {id(scope) for scope in scopes}
    for scope in found.values():
        if id(getattr(scope, "globals", None)) not in own:
            continue
        for value in list(vars(scope).values()):
            if isinstance(value, dict):
                for group in value.values():
                    if isinstance(group, set):
                        for item in group:
                            _empty(item)
        vars(scope).clear()


def _empty(obj) -> None:
    """Drop `obj`'s attributes and empty the collections its slots hold (what links it to other
    objects); safe to repeat (an access is held under its name and under its node)."""
    attributes = getattr(obj, "__dict__", None)
    if attributes is not None:
        attributes.clear()
    slots = _COLLECTION_SLOTS.get(type(obj))
    if slots is None:
        slots = _COLLECTION_SLOTS[type(obj)] = _collection_slots(obj)
    for slot in slots:
        try:
            slot.__get__(obj).clear()
        except AttributeError:  # not set on this one
            pass


def _collection_slots(obj) -> tuple:
    found = []
    for cls in type(obj).__mro__:
        for attribute in vars(cls).values():
            if isinstance(attribute, MemberDescriptorType):
                try:
                    value = attribute.__get__(obj)
                except AttributeError:
                    continue
                if isinstance(value, (set, dict, list)):
                    found.append(attribute)
    return tuple(found)


_COLLECTION_SLOTS: dict[type, tuple] = {}  # a class -> its slots that hold sets, dicts or lists
