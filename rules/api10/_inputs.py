"""Inputs API 1.0 took and API 2.0 does not: API 1.0 copied each value of an inputs dict into its
input's blob (`buffer[:] = value`), so a Python list or tuple was converted to the blob's
precision and shape; API 2.0 makes a tensor of a list's own type (f64 for floats, which a f32
input refuses) and rejects a tuple (checked on 2026.4)."""
from __future__ import annotations

from typing import Optional

from ovlint.base.lazy import cst
from ovlint.surfaces.python import assigned_value

# what every call that feeds arrays to a request must know once API 2.0 runs it
SHAPE_NOTE = ("; each array must now have its input's shape: API 1.0 copied it into the input's blob, so an image "
              "without the batch axis (`image.transpose((2, 0, 1))` for an NCHW input) ran, and API 2.0 raises for it: "
              "add the axis (`image[None]`) where that happens")


def listed_input(ctx, inputs) -> Optional[str]:
    """How the first value of the inputs dict `inputs` (a dict display, or a name the scope assigns
    one once) that is a list or tuple is spelt (`angles`, `[frame]`), written as one or held by a
    name the scope assigns one once; None when there is none (or the dict is not known)."""
    value = inputs.value if isinstance(inputs, cst.Arg) else inputs
    if isinstance(value, cst.Name):
        value = assigned_value(ctx, value)
    if not isinstance(value, cst.Dict):
        return None
    for element in value.elements:
        if isinstance(element, cst.DictElement) and _sequence(ctx, element.value):
            spelt = ctx.source(element.value)
            # a tuple's parentheses are not part of its node
            return f"({spelt})" if isinstance(element.value, cst.Tuple) and not spelt.startswith("(") else spelt
    return None


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
