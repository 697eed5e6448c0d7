"""Inputs API 1.0 took and API 2.0 does not: API 1.0 copied each value of an inputs dict into its
input's blob (`buffer[:] = value`), so a Python list or tuple was converted to the blob's
precision and shape; API 2.0 makes a tensor of a list's own type (f64 for floats, which a f32
input refuses) and rejects a tuple (checked on 2026.4)."""
from __future__ import annotations

from typing import Optional

import re

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import int_value, walk
from ovlint.surfaces.python import assigned_value, assigned_values

# what every call that feeds arrays to a request must know once API 2.0 runs it
SHAPE_NOTE = ("; each array must now have its input's shape: API 1.0 copied it into the input's blob, so an image "
              "without the batch axis (`image.transpose((2, 0, 1))` for an NCHW input) ran, and API 2.0 raises for it: "
              "add the axis (`image[None]`) where that happens")


def listed_input(ctx, inputs) -> Optional[str]:
    """How the first value of the inputs dict `inputs` (a dict display, or a name the scope assigns
    one once) that is a list or tuple is spelt (`angles`, `[frame]`), written as one or held by a
    name the scope assigns one once; None when there is none (or the dict is not known)."""
    for value in _fed(ctx, inputs):
        if _sequence(ctx, value):
            spelt = ctx.source(value)
            # a tuple's parentheses are not part of its node
            return f"({spelt})" if isinstance(value, cst.Tuple) and not spelt.startswith("(") else spelt
    return None


def _fed(ctx, inputs) -> list:
    """The values of the inputs dict `inputs`: a dict display, or a name the scope assigns one once."""
    value = inputs.value if isinstance(inputs, cst.Arg) else inputs
    if isinstance(value, cst.Name):
        value = assigned_value(ctx, value)
    if not isinstance(value, cst.Dict):
        return []
    return [element.value for element in value.elements if isinstance(element, cst.DictElement)]


def _sequence(ctx, value) -> bool:
    if isinstance(value, cst.Name):
        value = assigned_value(ctx, value)
    return isinstance(value, (cst.List, cst.Tuple, cst.ListComp)) or (
        isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in ("list", "tuple"))


def list_input_message(call: str, value: str) -> str:
    """What a finding on a call given such an input says (the call is not rewritten)."""
    return (f"`{call}` gets `{value}`, a Python list or tuple, as an input: API 1.0 copied it into the input's blob, "
            "converting it to the blob's precision and shape; API 2.0 makes a tensor of a list's own type (f64 for "
            "floats, which an f32 input refuses) and rejects a tuple. Pass an array of the input's element type and "
            f"shape (for an f32 input, `np.asarray({value}, dtype=np.float32)` with its batch axis); then the fix follows")


def axisless_input(ctx, inputs) -> Optional[str]:
    """How the first value of the inputs dict `inputs` is spelt that is an image whose channels a
    call moved first (`image.transpose((2, 0, 1))`, `np.moveaxis(image, -1, 0)`), written so or
    assigned so in its scope, where no assignment of it adds an axis (`reshape`, `[None]`,
    `np.expand_dims`); None when there is none. API 1.0 copied such a 3-D array into a 4-D blob;
    API 2.0 raises for it (checked on 2026.4.1)."""
    return next((ctx.source(value) for value in _fed(ctx, inputs) if _without_batch_axis(ctx, value)), None)


def axisless_input_message(call: str, value: str) -> str:
    return (f"`{call}` gets `{value}`, an image whose channels were moved first and that has no batch axis: API 1.0 "
            "copied it into the input's 4-D blob, and API 2.0 raises for it. Add the axis where the image is made "
            f"(`{value}[None]` or `np.expand_dims({value}, 0)`); then the fix follows")


def _without_batch_axis(ctx, value) -> bool:
    values = assigned_values(ctx, value) if isinstance(value, cst.Name) else [value]
    return any(_moves_channels_first(call) for v in values for call in walk(v, (cst.Call,))) and \
        not any(_ADDS_AXIS.search(ctx.source(v)) for v in values)


# what gives an image a batch axis, or may: a reshape, an index with `None`, a stack of images
_ADDS_AXIS = re.compile(r"reshape|expand_dims|newaxis|\bNone\b|stack|concatenate|unsqueeze|blobFromImage|array\(\s*\[")


def _moves_channels_first(call) -> bool:
    """`x.transpose((2, 0, 1))`, `x.transpose(2, 0, 1)`, `np.transpose(x, (2, 0, 1))`,
    `np.moveaxis(x, -1, 0)` (or 2), `np.rollaxis(x, 2)` (or -1)."""
    if not isinstance(call.func, cst.Attribute) or any(a.keyword or a.star for a in call.args):
        return False
    method, args = call.func.attr.value, [a.value for a in call.args]
    if method == "transpose":
        axes = [e.value for e in args[-1].elements] if len(args) in (1, 2) and isinstance(
            args[-1], (cst.Tuple, cst.List)) else args if len(args) == 3 else []
        return [int_value(axis) for axis in axes] == [2, 0, 1]
    numbers = [int_value(a) for a in args[1:]]
    if method == "moveaxis":
        return len(numbers) == 2 and numbers[0] in (2, -1) and numbers[1] == 0
    if method == "rollaxis":
        return numbers in ([2], [-1], [2, 0], [-1, 0])
    return False
