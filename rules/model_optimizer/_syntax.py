"""The Model Optimizer's own string syntaxes, read the way MO 2023.3 read them (its
`utils/cli_parser.py`), for the values a fix can rewrite: `input` ("data[1 3 224 224]{f32}"),
`input_shape` ("[1,3,224,224],[1,10]"), `mean_values`/`scale_values` ("data[1,2,3],info[4,5,6]"),
the layouts ("nchw", "data(nhwc->nchw),out(nc)") and `transform` ("LowLatency2[use_const_initializer=False]").

Every parser returns None for what it cannot read exactly as MO did; the caller then offers no fix."""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Optional, Union

Dim = Union[int, str]  # an int (-1: dynamic), or MO's text for a range ("1..10", "..5")


class Unreadable(ValueError):
    """A value MO reads differently from what a fix could write (or rejects)."""


# MO's destination types (`SUPPORTED_DATA_TYPES`) -> `ov.Type` attributes
TYPES = {"f32": "f32", "f16": "f16", "f64": "f64", "i8": "i8", "i32": "i32", "i64": "i64", "u8": "u8",
         "u32": "u32", "u64": "u64", "boolean": "boolean", "u1": "u1", "i4": "i4", "u4": "u4"}
_SHAPE = re.compile(r"[(\[]([0-9.?, -]*)[)\]]")


@dataclass
class InputSpec:
    """One input of MO's `input` syntax: `name[shape]{type}`; `frozen`: it had a `->value`."""
    name: Optional[str]
    shape: Optional[list[Dim]]
    type: Optional[str]  # an `ov.Type` attribute
    frozen: bool = False


def split_inputs(text: str) -> list[str]:
    """MO's `split_inputs` (and its layout splitting): commas outside square brackets separate items."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char == "[") - (char == "]")
        if char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def dims(text: str) -> list[Dim]:
    """The dimensions between a shape's brackets: "1 3 ?" or "1,3,1..10"."""
    found = []
    for word in filter(None, re.split(r", *| +", text.strip())):
        if word in ("?", "-1"):
            found.append(-1)
        elif word.isdigit():
            found.append(int(word))
        elif re.fullmatch(r"\d*\.\.\d*", word):
            found.append(word)
        else:
            raise Unreadable(f"dimension {word!r}")
    return found


def parse_input(text: str) -> list[InputSpec]:
    """MO's `input` string: comma-separated `name[shape]{type}->value` items."""
    specs = []
    for item in split_inputs(text):
        head, arrow, _ = item.partition("->")
        kind = re.match(r".*\{(.*)\}.*", head)
        if kind is not None and kind.group(1) not in TYPES:
            raise Unreadable(f"type {kind.group(1)!r}")
        bare = re.sub(r"\{.*\}", "", head)
        shapes = _SHAPE.findall(bare)
        if len(shapes) > 1:
            raise Unreadable("two shapes for one input")
        name = _SHAPE.sub("", bare)
        if not name or name != name.strip():
            raise Unreadable(f"input name {name!r}")
        specs.append(InputSpec(name, dims(shapes[0]) if shapes else None,
                               TYPES[kind.group(1)] if kind else None, bool(arrow)))
    return specs


def parse_shapes(text: str) -> list[list[Dim]]:
    """MO's `input_shape` string: bracketed shapes separated by commas, "[1,3,224,224],[1,10]"."""
    dim = r"([0-9 ]+|-1|\?|[0-9]*\.\.[0-9]*)"
    shape = rf"((\({dim}(,{dim})*\))|(\[{dim}(,{dim})*\]))"
    if not re.fullmatch(rf"{shape}(\s*,\s*{shape})*", text):
        raise Unreadable(f"input_shape {text!r}")
    shapes = re.findall(r"[(\[]([0-9,.? -]+)[)\]]", text)
    if any(" " in word.strip() for found in shapes for word in found.split(",")):
        raise Unreadable(f"input_shape {text!r}")  # MO's PartialShape("1 3") fails
    return [dims(found.replace(" ", "")) for found in shapes]


def parse_values(text: str) -> Union[dict[str, list[str]], list[list[str]]]:
    """MO's `mean_values`/`scale_values` string (`parse_tuple_pairs`): "data[1,2,3],info(4,5,6)"
    gives a dict by name, "[1,2,3]" a list of one list of number words."""
    matches = list(re.finditer(r"[(\[]([0-9., -]+)[)\]]", text))
    if not matches:
        raise Unreadable(f"values {text!r}")
    named, unnamed, start = {}, [], 0
    for match in matches:
        name = text[start:match.start()]
        if start and text[start - 1] != ",":
            raise Unreadable(f"values {text!r}")
        numbers = [word.strip() for word in match.group(1).split(",")]
        for word in numbers:
            try:
                float(word)
            except ValueError:
                raise Unreadable(f"value {word!r}") from None
        (named.__setitem__(name, numbers) if name else unnamed.append(numbers))
        start = match.end() + 1
    if start < len(text) or (named and unnamed):
        raise Unreadable(f"values {text!r}")
    return named or unnamed


@dataclass
class LayoutSpec:
    source: Optional[str]
    target: Optional[str]


def _split_arrow(text: str) -> LayoutSpec:
    source, arrow, target = text.partition("->")
    return LayoutSpec(source or None, target or None) if arrow else LayoutSpec(text, None)


def parse_layouts(text: str, which: Optional[str]) -> Union[dict[str, LayoutSpec], list[LayoutSpec]]:
    """MO's layout strings (`parse_layouts_by_destination`). `which`: "source" (`source_layout`),
    "target" (`target_layout`) or None (`layout`, where `a->b` is source and target). A dict by
    name, or a list by input position ("" for the only input: a list of one)."""
    def spec(value: str) -> LayoutSpec:
        if which == "source":
            return LayoutSpec(value, None)
        if which == "target":
            return LayoutSpec(None, value)
        return _split_arrow(value)

    items = split_inputs(text)
    if len(items) == 1 and (items[0][-1:] not in (")", "]") or (items[0][:1] == "[" and items[0][-1:] == "]")):
        return [spec(items[0])]
    named, unnamed = {}, []
    for item in items:
        found = re.match(r"([^\[\]()]*)\((\S+)\)", item) or re.match(r"([^\[\]()]*)(\[\S*\])", item)
        if found is None or not found.group(1):
            unnamed.append(spec(found.group(2) if found else item))
        else:
            named[found.group(1)] = spec(found.group(2))
    if named and unnamed:
        raise Unreadable(f"layouts {text!r}")
    return named or unnamed


def channels(layout: str, rank: Optional[int]) -> Optional[int]:
    """The index of the `C` dimension of a layout string ("nchw", "[n,c,h,w]", "n...c"), counted
    from the end when negative; None when it has none. Raises Unreadable for other forms."""
    text = layout.strip().upper()
    if text.startswith("[") and text.endswith("]"):
        names = [part.strip() for part in text[1:-1].split(",")]
    elif "..." in text:
        head, _, tail = text.partition("...")
        if "C" in head:
            return head.index("C")
        return tail.index("C") - len(tail) if "C" in tail else None
    else:
        names = list(text)
    if not all(re.fullmatch(r"[A-Z?]|[A-Z_][A-Z0-9_]*", n) for n in names):
        raise Unreadable(f"layout {layout!r}")
    if rank is not None and len(names) != rank:
        raise Unreadable(f"layout {layout!r} for rank {rank}")
    return names.index("C") if "C" in names else None


def guess_channels(shape: list[Dim], count: int = 3) -> int:
    """Where MO looked for the channels when no layout was given (`find_channels_dimension`): the
    only static dimension equal to `count`, which must sit where a 3D, 4D or 5D image keeps them."""
    found = [i for i, d in enumerate(shape) if isinstance(d, int) and d == count]
    if len(found) != 1:
        raise Unreadable(f"no single dimension of {count} in {shape}")
    allowed = {3: (0, 2), 4: (1, 3), 5: (1, 4)}.get(len(shape), ())
    if found[0] not in allowed:
        raise Unreadable(f"channels at {found[0]} of a {len(shape)}D input")
    return found[0]


def parse_transform(text: str) -> list[tuple[str, dict]]:
    """MO's `transform` string (`parse_transform`): "LowLatency2[use_const_initializer=False],Pruning"."""
    found = re.findall(r"([a-zA-Z0-9]+)(\[([^\]]+)\])*(,|$)", text)
    if sum(len(name) + len(brackets) + len(end) for name, brackets, _, end in found) != len(text):
        raise Unreadable(f"transform {text!r}")
    transforms = []
    for name, _, arguments, _ in found:
        values = {}
        for argument in filter(None, arguments.split(";")):
            match = re.match(r"^([_a-zA-Z]+)=(.+)$", argument)
            if match is None:
                raise Unreadable(f"transform argument {argument!r}")
            values[match.group(1)] = _transform_value(match.group(2))
        transforms.append((name, values))
    return transforms


def _transform_value(text: str):
    """MO's `convert_string_to_real_type` for one transform argument."""
    if text.startswith("{") and text.endswith("}"):
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            raise Unreadable(f"transform argument {text!r}") from None
        if isinstance(value, dict):
            return value
    if "," in text:
        raise Unreadable(f"transform argument {text!r}")
    if text.isdigit():
        return int(text)
    try:
        return float(text)
    except ValueError:
        pass
    truth = {"y": True, "yes": True, "t": True, "true": True, "on": True,
             "n": False, "no": False, "f": False, "false": False, "off": False}
    return truth.get(text.lower(), text)
