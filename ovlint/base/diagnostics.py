"""The one result type every surface, rule, fixer and reporter shares."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum

from ovlint.base.versions import Floor, at_least


class Applicability(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] of one unit (a file, or one notebook cell) with `content`."""

    start: int
    end: int
    content: str = ""

    def clashes_with(self, other: "Edit", *, touching: bool) -> bool:
        """Whether the two edits cannot both apply. Different replacements of intersecting ranges
        always clash, and an insertion clashes with an edit strictly around it; with `touching`
        (edits of different fixes, whose order at one offset nobody chose) an insertion also
        clashes with an edit it only touches."""
        if self == other:
            return False
        a, b = self, other
        if a.start == a.end or b.start == b.end:
            if touching:
                return a.start <= b.end and b.start <= a.end
            insertion, other_edit = (a, b) if a.start == a.end else (b, a)
            return other_edit.start < insertion.start < other_edit.end
        return a.start < b.end and b.start < a.end


class EditIndex:
    """Edits that do not clash with each other, in order, so that whether another one clashes with
    any of them takes a binary search, not a comparison with each (fixes can have thousands)."""

    def __init__(self):
        self.edits: list[Edit] = []
        self.starts: list[int] = []

    def __contains__(self, edit: Edit) -> bool:
        at = bisect.bisect_left(self.edits, edit)
        return at < len(self.edits) and self.edits[at] == edit

    def clashes(self, edit: Edit, *, touching: bool) -> bool:
        """Whether `edit` clashes with one of the edits (see `Edit.clashes_with`)."""
        # only edits that start before it ends can clash, and as these do not overlap each other,
        # their ends only decrease going back from there
        for at in range(bisect.bisect_right(self.starts, edit.end) - 1, -1, -1):
            other = self.edits[at]
            if other.end < edit.start:
                return False
            if edit.clashes_with(other, touching=touching):
                return True
        return False

    def add(self, edit: Edit) -> None:
        if edit not in self:
            at = bisect.bisect_left(self.edits, edit)
            self.edits.insert(at, edit)
            self.starts.insert(at, edit.start)


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""
    # the first release in which everything the fix writes exists: the fix is offered only when
    # the target and the project's pinned floor are at least this release
    requires: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


@dataclass
class Diagnostic:
    code: str
    message: str
    path: str
    start: int = 0
    end: int = 0
    fix: Fix | None = None
    cell: int | None = None  # the notebook cell it is in (0-based), for display
    url: str | None = None
    # filled in by the linter from the unit's LineIndex
    row: int = 1
    column: int = 1
    end_row: int = 1
    end_column: int = 1
    source_line: str = ""
    # each fix edit as {"content", "location", "end_location"} in 1-based rows and columns
    edit_locations: list = field(default_factory=list)
    # what the finding is about: its key in the rules' deprecation table, and its releases
    deprecation: str | None = None
    deprecated_in: str | None = None
    removed_in: str | None = None
    # the oldest release the project pins, where it has a pin
    floor: Floor | None = None
    # the unit whose text `start`/`end` and the fix's edits index: None for the whole file (and a
    # notebook's joined code cells), a cell when a notebook's cells were linted one by one
    unit: int | None = field(default=None, compare=False)

    def sort_key(self):
        return (self.path, self.cell if self.cell is not None else -1, self.row, self.column, self.code)

    def pin_note(self) -> str | None:
        """How the finding relates to the project's pin: whether the pinned release still has what
        it flags, and at which upgrade it breaks. None without a pin or a release to compare."""
        floor, removed = self.floor, self.removed_in
        if floor is None or (removed is None and self.deprecated_in is None):
            return None
        if removed is None:
            return f"deprecated in {self.deprecated_in}, not removed yet; your pinned {floor} has it"
        if at_least(floor.release, removed):
            return f"removed in {removed}, which your pin {floor} already allows: this code cannot run there"
        return f"removed in {removed}; your pinned {floor} still has it: it breaks when you upgrade to {removed}"

    def to_dict(self) -> dict:
        """The finding as `--output-format json` prints it: 1-based rows, columns and cell."""
        fix = None
        if self.fix is not None:
            fix = {"applicability": self.fix.applicability.value, "message": self.fix.message,
                   "edits": self.edit_locations, "requires": self.fix.requires}
        pin = None
        if self.floor is not None:
            pin = {"release": self.floor.release, "origin": self.floor.origin,
                   "still_has_it": self.removed_in is None or not at_least(self.floor.release, self.removed_in)}
        return {
            "code": self.code,
            "message": self.message,
            "filename": self.path,
            "location": {"row": self.row, "column": self.column},
            "end_location": {"row": self.end_row, "column": self.end_column},
            "cell": None if self.cell is None else self.cell + 1,
            "fix": fix,
            "url": self.url,
            "deprecated_in": self.deprecated_in,
            "removed_in": self.removed_in,
            "pin": pin,
        }

    def to_cache(self) -> dict:
        """`to_dict`, and what the text formats show besides: enough to report the finding again
        without reading the file. Its fix is known by locations only (fixes are always recomputed)."""
        return {**self.to_dict(), "source_line": self.source_line, "deprecation": self.deprecation}

    @classmethod
    def from_cache(cls, data: dict) -> "Diagnostic":
        fix = None
        if data["fix"] is not None:
            fix = Fix((), Applicability(data["fix"]["applicability"]), data["fix"]["message"], data["fix"]["requires"])
        pin = data["pin"]
        return cls(
            code=data["code"], message=data["message"], path=data["filename"], fix=fix,
            cell=None if data["cell"] is None else data["cell"] - 1, url=data["url"],
            row=data["location"]["row"], column=data["location"]["column"], end_row=data["end_location"]["row"],
            end_column=data["end_location"]["column"], source_line=data["source_line"],
            edit_locations=data["fix"]["edits"] if fix is not None else [], deprecation=data["deprecation"],
            deprecated_in=data["deprecated_in"], removed_in=data["removed_in"],
            floor=Floor(pin["release"], pin["origin"]) if pin else None,
        )
