"""The one result type every surface, rule, fixer and reporter shares."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Applicability(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] of one unit (a file, or one notebook cell) with `content`."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""

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
    # the key of what the finding is about in the rules' deprecation table
    deprecation: str | None = None
    # the unit whose text `start`/`end` and the fix's edits index: None for the whole file (and a
    # notebook's joined code cells), a cell when a notebook's cells were linted one by one
    unit: int | None = field(default=None, compare=False)

    def sort_key(self):
        return (self.path, self.cell if self.cell is not None else -1, self.row, self.column, self.code)

    def to_dict(self) -> dict:
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability.value,
                "message": self.fix.message,
                "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in self.fix.edits],
            }
        return {
            "code": self.code,
            "message": self.message,
            "filename": self.path,
            "location": {"row": self.row, "column": self.column},
            "end_location": {"row": self.end_row, "column": self.end_column},
            "cell": self.cell,
            "fix": fix,
            "url": self.url,
            "source_line": self.source_line,
            "edit_locations": self.edit_locations,
            "deprecation": self.deprecation,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Diagnostic":
        fix = None
        if data["fix"] is not None:
            fix = Fix(
                tuple(Edit(e["start"], e["end"], e["content"]) for e in data["fix"]["edits"]),
                Applicability(data["fix"]["applicability"]),
                data["fix"]["message"],
            )
        return cls(
            code=data["code"], message=data["message"], path=data["filename"], fix=fix,
            cell=data["cell"], url=data["url"], row=data["location"]["row"],
            column=data["location"]["column"], end_row=data["end_location"]["row"],
            end_column=data["end_location"]["column"], source_line=data.get("source_line", ""),
            edit_locations=data.get("edit_locations") or [], deprecation=data.get("deprecation"),
        )
