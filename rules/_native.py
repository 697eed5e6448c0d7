"""What the C/C++ rules share: name lookups over the unit's tokens."""
from __future__ import annotations

from ovlint.surfaces.native import Native


def names(unit: Native):
    """(index of the first code token, parts, index past the name) of every qualified name
    that starts a name (`a::b`, not the `b` of `x.a::b`)."""
    index = 0
    while index < len(unit.code):
        if unit.code[index].kind == "ident" and unit.starts_name(index):
            parts, end = unit.qualified(index)
            yield index, parts, end
            index = end
        else:
            index += 1


def span(unit: Native, first: int, past: int) -> tuple[int, int]:
    return unit.code[first].start, unit.code[past - 1].end


def followed_by(unit: Native, index: int, text: str) -> bool:
    return index < len(unit.code) and unit.code[index].text == text


def closing(unit: Native, open_index: int) -> int:
    """The index of the `)` matching the `(` at `open_index` (or the last token)."""
    depth = 0
    for i in range(open_index, len(unit.code)):
        token = unit.code[i].text
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0:
                return i
    return len(unit.code) - 1


def uses_inference_engine(unit: Native) -> bool:
    """Whether the unit is Inference Engine code (so its CamelCase method names are IE's)."""
    return any("inference_engine" in i.path or i.path.startswith(("ie_", "cpp/ie_")) for i in unit.includes) or any(
        t.text == "InferenceEngine" for t in unit.code)
