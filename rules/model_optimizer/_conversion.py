"""How one `openvino.tools.mo.convert_model(...)` call becomes `openvino.convert_model(...)`.

`ov.convert_model` kept the model-cutting arguments (`input`, `output`) in a Python form of their
own, and dropped everything MO did to the converted model: the preprocessing (layouts, reversed
channels, mean and scale), the offline transformations (`transform`) and the FP16 compression of
the weights. A `Conversion` works out, for one call, the edits inside the call and the statements
that must follow it to redo the rest on the converted model, the way MO 2023.3 did it
(`back/preprocessing.py`, `moc_frontend/moc_emit_ir.py`):

    model = ov.convert_model("m.onnx", input=("data", [1, 3, 224, 224]))
    ppp = ov.preprocess.PrePostProcessor(model)
    ppp.input("data").model().set_layout(ov.Layout("nchw"))
    ppp.input("data").preprocess().reverse_channels().mean([123.7, 116.3, 103.5]).scale(58.4)
    model = ppp.build()
    compress_model_transformation(model)

MO applied the layouts, then reversed the channels, subtracted the mean and divided by the scale
(whatever order the arguments were given in), then ran the transformations, and compressed the
weights last; a `PrePostProcessor` applies its steps in the order they are added. What cannot be
read before the program runs (values MO read from the model, such as the position of the channels
when no layout was given and the shape is unknown) makes the call `missing` that argument, with
the code to write instead."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import fresh_name
from ovlint.rulekit.python_imports import dotted
from ovlint.rules.model_optimizer._options import (
    CONVERT_PARAMETERS, PRIVATE, PY_DEFAULTS, PY_DROPPED, PY_KEPT, PY_PREPROCESSING, PY_RENAMED, TRANSFORMS,
    python_howto,
)
from ovlint.rules.model_optimizer._static import CALL, DICT, LIST, SCALAR, TUPLE, Value, bound_once, pure, static
from ovlint.rules.model_optimizer._syntax import (
    InputSpec, LayoutSpec, Unreadable, channels, guess_channels, parse_input, parse_layouts, parse_shapes,
    parse_transform, parse_values,
)

MO = "openvino.tools.mo"
LAYOUT_CALLS = {"openvino.Layout", "openvino.runtime.Layout"}
SHAPE_CALLS = {"openvino.PartialShape", "openvino.runtime.PartialShape", "openvino.Shape", "openvino.runtime.Shape"}
LAYOUT_MAP = {f"{MO}.LayoutMap", f"{MO}.utils.cli_parser.LayoutMap"}
INPUT_CUT_INFO = {f"{MO}.InputCutInfo", f"{MO}.utils.cli_parser.InputCutInfo"}
ARRAY_CALLS = {"numpy.array", "numpy.asarray"}


MODEL, PPP = "\x00model\x00", "\x00ppp\x00"  # stand-ins for names the placement of the steps picks
GUESSED = "the input keeps the layout MO guessed from its shape (MO cleared it after the preprocessing)"


class Missing(Exception):
    """An argument the fix cannot carry over, and what to write instead."""

    def __init__(self, argument: str, howto: str):
        super().__init__(argument)
        self.argument, self.howto = argument, howto


@dataclass
class Port:
    """One input (or output) of the converted model that preprocessing addresses."""
    name: Optional[str] = None
    index: Optional[int] = None  # its position, when addressed by position
    shape: Optional[list] = None  # its dimensions, when known (ints, -1 dynamic, "1..10" ranges)
    output: bool = False
    source: Optional[str] = None  # code of the model layout (`ov.Layout("nchw")`)
    source_text: Optional[str] = None  # the layout string, when known
    target: Optional[str] = None
    mean: Optional[Value] = None
    scale_values: Optional[Value] = None
    guessed: Optional[str] = None  # the layout MO guessed from the shape
    guessed_for_mean: bool = False
    reverse: bool = False

    def spec(self, only: bool) -> str:
        """The argument of `ppp.input(...)`: the name, the position, or nothing for the only input."""
        if self.name is not None:
            return json.dumps(self.name)
        return "" if only else str(self.index or 0)


@dataclass
class Conversion:
    """The rewrite of one call: `edits` inside it, then `steps` to run on the converted model
    (lines with MODEL and PPP standing for its name and the preprocessor's, indented by four
    spaces per level)."""
    edits: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    private: list = field(default_factory=list)  # names to import from openvino._offline_transformations
    missing: list = field(default_factory=list)  # (argument, how-to)
    notes: list = field(default_factory=list)  # what may differ from MO
    uses_ov: bool = False  # the edits or steps write the `openvino` module
    evaluated_late: list = field(default_factory=list)  # expressions the steps evaluate after the call

    @property
    def ppp(self) -> bool:
        return any(PPP in line for line in self.steps)


def convert(ctx, call, ov: str) -> Conversion:
    """The rewrite of `call`, writing `ov` for the `openvino` module."""
    return _Planner(ctx, call, ov).run()


class _Planner:
    def __init__(self, ctx, call, ov: str):
        self.ctx, self.call, self.ov = ctx, call, ov
        self.result = Conversion()
        self.args: dict[str, object] = {}
        self.dropped: set[int] = set()
        self.ports: Optional[list[Port]] = None  # the model's inputs, when the call says what they are
        self.loose: dict = {}  # inputs named by preprocessing only (key: name, position or None)

    # -- arguments ----------------------------------------------------------------------------
    def run(self) -> Conversion:
        result = self.result
        for position, arg in enumerate(self.call.args):
            if arg.star:
                result.missing.append((f"`{arg.star}` arguments", "the arguments themselves"))
                continue
            if arg.keyword is not None:
                name = arg.keyword.value
            elif position < len(CONVERT_PARAMETERS):
                name = CONVERT_PARAMETERS[position]
            else:
                result.missing.append((f"positional argument {position + 1}", "keyword arguments"))
                continue
            self.args[name] = arg
        for name, arg in list(self.args.items()):
            try:
                self._argument(name, arg)
            except Missing as missing:
                result.missing.append((missing.argument, missing.howto))
        for step in (self._inputs, self._outputs, self._preprocessing, self._transform, self._compress):
            try:
                step()
            except Missing as missing:
                result.missing.append((missing.argument, missing.howto))
        if not result.missing:
            self._share_weights()
        result.edits += _deletions(self.ctx, self.call, self.dropped)
        return result

    def _argument(self, name, arg) -> None:
        if name in PY_KEPT:
            if name != "input_model" and arg.keyword is None:
                self._keyword(arg, name)
            return
        if name in ("input", "output") and arg.keyword is None:
            self._keyword(arg, name)
        if name in ("input", "input_shape", "output", "compress_to_fp16", "transform", *PY_PREPROCESSING):
            return  # worked out together below
        value = static(self.ctx, arg.value)
        if name in PY_RENAMED and PY_RENAMED[name] not in self.args:
            self._keyword(arg, PY_RENAMED[name])
        elif name in PY_DROPPED or (name in PY_DEFAULTS and _is_default(value, PY_DEFAULTS[name])):
            self._drop(arg)
        elif name in CONVERT_PARAMETERS or name in PY_DEFAULTS:
            raise Missing(f"`{name}`", python_howto(name))
        else:
            raise Missing(f"`{name}`", "no argument of `ov.convert_model` (nor of MO's)")

    def _keyword(self, arg, name: str) -> None:
        if arg.keyword is None:
            self.result.edits.append(self.ctx.replace((self.ctx.span(arg.value)[0],) * 2, f"{name}="))
        elif arg.keyword.value != name:
            self.result.edits.append(self.ctx.replace(arg.keyword, name))

    def _drop(self, arg) -> None:
        self.dropped.add(id(arg))

    def _replace_value(self, arg, content: str) -> None:
        self.result.edits.append(self.ctx.replace(arg.value, content))

    def _given(self, name: str) -> Optional[Value]:
        """The value of argument `name` unless it is absent or MO's default (then it is dropped)."""
        arg = self.args.get(name)
        if arg is None:
            return None
        value = static(self.ctx, arg.value)
        if name in PY_DEFAULTS and _is_default(value, PY_DEFAULTS[name]):
            if name not in ("input", "output"):
                self._drop(arg)
            return None
        return value

    def _ov(self) -> str:
        self.result.uses_ov = True
        return self.ov

    def _late(self, value: Value, argument: str) -> str:
        """`value`'s code, evaluated in a step after the call rather than before it."""
        if value.node is None:  # written by the fix (numbers read from a string)
            return value.source
        if not pure(self.ctx, value.node):
            raise Missing(f"`{argument}`", f"a value computed before the call: bind `{value.source}` to a name first")
        self.result.evaluated_late.append(value.node)
        return value.source

    # -- input, input_shape, output -----------------------------------------------------------
    def _inputs(self) -> None:
        given, shapes = self._given("input"), self._given("input_shape")
        if given is None and shapes is None:
            return
        if shapes is not None and given is not None:
            self._names_with_shapes(given, shapes)
        elif shapes is not None:
            self._input_shape(shapes)
        else:
            self._input(given)

    def _input(self, value: Value) -> None:
        arg = self.args["input"]
        if value.is_(str):
            specs = self._specs(value.value)
            ports = [Port(s.name, i, s.shape) for i, s in enumerate(specs)]
            rendered = [self._render_spec(s) for s in specs]
            if len(specs) > 1 or specs[0].shape is not None or specs[0].type is not None:  # else a name, read alike
                self._replace_value(arg, rendered[0] if len(rendered) == 1 else "[" + ", ".join(rendered) + "]")
            self.ports = ports
            return
        if value.sequence and value.items and all(i.is_(int) or _dimension(self.ctx, i) for i in value.items):
            self.ports = [Port(None, 0, _dims(self.ctx, value))]
            return
        if value.kind == TUPLE:
            self.ports = [self._tuple_port(value, 0)]
            return
        if value.kind == LIST:
            ports, written = [], []
            for index, item in enumerate(value.items):
                written.append(None)
                if item.is_(str):
                    specs = self._specs(item.value)
                    if len(specs) != 1:
                        raise Missing("`input`", "one input per item of the list")
                    if specs[0].shape is not None or specs[0].type is not None:
                        written[-1] = self._render_spec(specs[0])
                    ports.append(Port(specs[0].name, index, specs[0].shape))
                elif item.kind == CALL and self._called(item, INPUT_CUT_INFO):
                    port, written[-1] = self._input_cut_info(item, index)
                    ports.append(port)
                elif item.sequence:
                    ports.append(self._tuple_port(item, index))
                elif item.kind == CALL and self._called(item, SHAPE_CALLS):
                    ports.append(Port(None, index, _dims(self.ctx, item)))
                else:
                    ports.append(Port(None, index))
                    self._note(f"`ov.convert_model` reads `{item.source}` in `input` as a name if it is a string "
                               "(MO read `name[shape]` from it)")
            if any(written) and self._inside(value.node):
                self.result.edits += [self.ctx.replace(item.node, text)
                                      for item, text in zip(value.items, written) if text is not None]
            elif any(written):  # a list bound to a name elsewhere: the call gets a list of its own
                self._replace_value(arg, "[" + ", ".join(text or item.source
                                                         for item, text in zip(value.items, written)) + "]")
            self.ports = ports
            return
        if value.kind == CALL and self._called(value, INPUT_CUT_INFO):
            port, text = self._input_cut_info(value, 0)
            self._replace_value(arg, text)
            self.ports = [port]
            return
        if value.kind == CALL and self._called(value, SHAPE_CALLS):
            self.ports = [Port(None, 0, _dims(self.ctx, value))]
            return
        self._note(f"`ov.convert_model` reads `input={value.source}` as a name if it is a string "
                   "(MO read `name[shape]` from it)")

    def _specs(self, text: str) -> list[InputSpec]:
        try:
            specs = parse_input(text)
        except Unreadable as error:
            raise Missing("`input`", f"`input=[(name, shape, type), ...]` (MO's syntax not read: {error})") from None
        if any(s.frozen for s in specs):
            raise Missing("`input`", "nothing: `ov.convert_model` freezes no input (`->value`); fold the value "
                                     "into the source model, or feed it at inference")
        if any(not s.name for s in specs):
            raise Missing("`input`", "`input=[(name, shape), ...]`")
        return specs

    def _render_spec(self, spec: InputSpec) -> str:
        parts = [json.dumps(spec.name)]
        if spec.shape is not None:
            parts.append(self._render_shape(spec.shape))
        if spec.type is not None:
            parts.append(f"{self._ov()}.Type.{spec.type}")
        return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"

    def _render_shape(self, dims: list) -> str:
        if all(isinstance(d, int) for d in dims):
            return "[" + ", ".join(map(str, dims)) + "]"
        text = ",".join("?" if d == -1 else str(d) for d in dims)
        return f'{self._ov()}.PartialShape("[{text}]")'

    def _tuple_port(self, value: Value, index: int) -> Port:
        """A tuple (or list) of a name, a shape and a type: one input, read alike by both APIs."""
        if value.items and (value.items[0].is_(int) or _dimension(self.ctx, value.items[0])):
            return Port(None, index, _dims(self.ctx, value))
        port = Port(None, index)
        for item in value.items:
            if item.is_(str):
                port.name = item.value
            elif item.sequence or (item.kind == CALL and self._called(item, SHAPE_CALLS)):
                port.shape = _dims(self.ctx, item)
        return port

    def _input_cut_info(self, value: Value, index: int) -> tuple[Port, str]:
        """MO's `InputCutInfo(name, shape, type, value)` is the tuple `(name, shape, type)`."""
        call = value.node
        fields = {}
        for position, arg in enumerate(call.args):
            key = arg.keyword.value if arg.keyword is not None else ("name", "shape", "type", "value")[position]
            fields[key] = arg.value
        if fields.get("value") is not None and not (isinstance(fields["value"], cst.Name)
                                                    and fields["value"].value == "None"):
            raise Missing("`input`", "nothing: `ov.convert_model` freezes no input (`InputCutInfo(value=...)`)")
        parts = [self.ctx.source(fields[k]) for k in ("name", "shape", "type")
                 if k in fields and self.ctx.source(fields[k]) != "None"]
        if not parts or not all(pure(self.ctx, fields[k]) for k in fields):
            raise Missing("`input`", "`input=(name, shape, type)`")
        name = static(self.ctx, fields["name"]) if "name" in fields else None
        shape = static(self.ctx, fields["shape"]) if "shape" in fields else None
        port = Port(name.value if name is not None and name.is_(str) else None, index,
                    _dims(self.ctx, shape) if shape is not None else None)
        return port, parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"

    def _inside(self, node) -> bool:
        start, end = self.ctx.span(self.call)
        return node is not None and start <= self.ctx.span(node)[0] and self.ctx.span(node)[1] <= end

    def _shapes(self, value: Value) -> Optional[list[tuple[str, Optional[list]]]]:
        """The shapes of `input_shape`: (code, dims) each; None when unknown."""
        if value.is_(str):
            try:
                found = parse_shapes(value.value)
            except Unreadable as error:
                raise Missing("`input_shape`", f"`input=[shape, ...]` (MO's syntax not read: {error})") from None
            return [(self._render_shape(dims), dims) for dims in found]
        if value.sequence and value.items and (value.items[0].is_(int) or _dimension(self.ctx, value.items[0])):
            return [(value.source, _dims(self.ctx, value))]
        if value.kind == CALL and self._called(value, SHAPE_CALLS):
            return [(value.source, _dims(self.ctx, value))]
        if value.sequence and all(i.sequence or (i.kind == CALL and self._called(i, SHAPE_CALLS)) for i in value.items):
            return [(i.source, _dims(self.ctx, i)) for i in value.items]
        return None

    def _input_shape(self, value: Value) -> None:
        arg = self.args["input_shape"]
        self._keyword(arg, "input")
        shapes = self._shapes(value)
        if shapes is None:
            self._note(f"`ov.convert_model` reads `input={value.source}` as a name if it is a string "
                       "(MO read shapes from a string `input_shape`)")
            return
        if value.is_(str):
            self._replace_value(arg, shapes[0][0] if len(shapes) == 1 else "[" + ", ".join(c for c, _ in shapes) + "]")
        self.ports = [Port(None, i, dims) for i, (_, dims) in enumerate(shapes)]

    def _names_with_shapes(self, given: Value, shapes: Value) -> None:
        howto = "`input=[(name, shape), ...]`: each input's name with its shape"
        if given.is_(str):
            specs = self._specs(given.value)
            names = [s.name for s in specs if s.shape is None and s.type is None]
            if len(names) != len(specs):
                raise Missing("`input_shape`", howto + " (MO rejects shapes in both)")
        elif given.sequence and all(i.is_(str) for i in given.items):
            names = [i.value for i in given.items]
        else:
            raise Missing("`input_shape`", howto)
        found = self._shapes(shapes)
        if found is None or len(found) != len(names):
            raise Missing("`input_shape`", howto)
        pairs = [f"({json.dumps(n)}, {code})" for n, (code, _) in zip(names, found)]
        self._replace_value(self.args["input"], pairs[0] if len(pairs) == 1 else "[" + ", ".join(pairs) + "]")
        self._drop(self.args["input_shape"])
        self.ports = [Port(n, i, dims) for i, (n, (_, dims)) in enumerate(zip(names, found))]

    def _outputs(self) -> None:
        value = self._given("output")
        if value is not None and value.is_(str) and "," in value.value:
            names = value.value.split(",")  # as MO split it
            self._replace_value(self.args["output"], "[" + ", ".join(json.dumps(n) for n in names) + "]")

    # -- preprocessing ------------------------------------------------------------------------
    def _preprocessing(self) -> None:
        values = {name: self._given(name) for name in PY_PREPROCESSING}
        if not any(v is not None for v in values.values()):
            return
        for name, value in values.items():
            if value is not None:
                self._drop(self.args[name])
        if values["layout"] is not None and (values["source_layout"] is not None or values["target_layout"] is not None):
            raise Missing("`layout`", "one of `layout` and `source_layout`/`target_layout` (MO rejects both)")
        if values["scale"] is not None and values["scale_values"] is not None:
            raise Missing("`scale`", "one of `scale` and `scale_values` (MO rejects both)")
        for name, which in (("layout", None), ("source_layout", "source"), ("target_layout", "target")):
            if values[name] is not None:
                self._layouts(name, values[name], which)
        for name in ("mean_values", "scale_values"):
            if values[name] is not None:
                for key, value in self._per_input(name, values[name]):
                    if key is not None and ":" in key:
                        self._note(f"MO may have read `{key}` as a port of node `{key.rpartition(':')[0]}` and set no "
                                   f"`{name}` on the input; the fix applies them to the input named so: compare the "
                                   "converted models' results")
                    port = self._port(key, name)
                    setattr(port, "mean" if name == "mean_values" else "scale_values", value)
        self._merge_loose()
        scale = values["scale"]
        scale_code = self._scale(scale) if scale is not None else None
        reverse = values["reverse_input_channels"]
        condition = None
        if reverse is not None and not reverse.is_(bool):
            condition = self._late(reverse, "reverse_input_channels")
        # an unnamed setting was for the only input (MO failed with several): without one, what MO did
        # to every input is done to every input, or (reversing channels) to those the call names
        every = self.ports is None and None not in self.loose
        inputs = [p for p in self._all_ports() if not p.output]
        if every and reverse is not None:
            self._note("MO reversed the channels of every input with three, the fix of those the call names")
        for port in inputs:
            self._guess_for_mean(port)
        if reverse is not None:
            self._reverse(inputs)
        self._emit(scale_code, condition, every)

    def _layouts(self, argument: str, value: Value, which: Optional[str]) -> None:
        for key, spec_code in self._layout_items(argument, value, which):
            source, source_text, target = spec_code
            port = self._port(key, argument, layout=True)
            if source is not None:
                port.source, port.source_text = source, source_text
            if target is not None:
                port.target = target

    def _layout_items(self, argument, value: Value, which):
        """(key, (source code, source text, target code)) for each layout of the argument."""
        if value.is_(str):
            try:
                parsed = parse_layouts(value.value, which)
            except Unreadable as error:
                raise Missing(f"`{argument}`", f"`ppp.input(name).model().set_layout(...)` ({error})") from None
            if isinstance(parsed, dict):
                return [(name, self._layout_code(spec)) for name, spec in parsed.items()]
            keys = [None] if len(parsed) == 1 else list(range(len(parsed)))
            return [(key, self._layout_code(spec)) for key, spec in zip(keys, parsed)]
        if value.kind == DICT:
            return [(name, self._layout_value(argument, item, which)) for name, item in value.items.items()]
        if value.sequence and which is None:
            items = [self._layout_value(argument, item, which) for item in value.items]
            keys = [None] if len(items) == 1 else list(range(len(items)))
            return list(zip(keys, items))
        return [(None, self._layout_value(argument, value, which))]

    def _layout_code(self, spec: LayoutSpec):
        def code(text):
            return None if text is None else f"{self._ov()}.Layout({json.dumps(text)})"
        return code(spec.source), spec.source, code(spec.target)

    def _layout_value(self, argument, value: Value, which):
        if value.is_(str):
            spec = parse_layouts(value.value, which)
            if not isinstance(spec, list) or len(spec) != 1:
                raise Missing(f"`{argument}`", "one layout per input")
            return self._layout_code(spec[0])
        if value.kind == CALL and self._called(value, LAYOUT_CALLS):
            code = self._late(value, argument)
            text = static(self.ctx, value.node.args[0].value) if value.node.args else None
            text = text.value if text is not None and text.is_(str) else None
            return (code, text, None) if which != "target" else (None, None, code)
        if value.kind == CALL and self._called(value, LAYOUT_MAP) and which is None:
            parts = {}
            for position, arg in enumerate(value.node.args):
                key = arg.keyword.value if arg.keyword is not None else ("source_layout", "target_layout")[position]
                parts[key] = static(self.ctx, arg.value)
            source, target = parts.get("source_layout"), parts.get("target_layout")
            codes = [self._layout_value(argument, v, w) if v is not None and not v.is_(type(None)) else (None, None, None)
                     for v, w in ((source, "source"), (target, "target"))]
            return codes[0][0], codes[0][1], codes[1][2]
        raise Missing(f"`{argument}`", "`ppp.input(name).model().set_layout(ov.Layout(...))` (and "
                                       "`.tensor().set_layout(...)` for the layout to convert to)")

    def _per_input(self, argument: str, value: Value):
        """(key, values) for `mean_values`/`scale_values`: a name, or None for the only input."""
        howto = (f"`ppp.input(name).preprocess().{'mean' if argument == 'mean_values' else 'scale'}([...])` "
                 "for each input")
        if value.is_(str):
            try:
                parsed = parse_values(value.value)
            except Unreadable as error:
                raise Missing(f"`{argument}`", f"{howto} ({error})") from None
            if isinstance(parsed, list):
                if len(parsed) != 1:
                    raise Missing(f"`{argument}`", howto + " (MO matched unnamed values to inputs in the order of "
                                                           "their first value)")
                return [(None, _words(parsed[0], value.source))]
            return [(name, _words(words, value.source)) for name, words in parsed.items()]
        if value.kind == DICT:
            return [(name, self._values(argument, item, howto)) for name, item in value.items.items()]
        if value.sequence and value.items and all(i.sequence for i in value.items):
            if len(value.items) != 1:
                raise Missing(f"`{argument}`", howto + " (MO matched unnamed values to inputs in the order of "
                                                       "their first value)")
            return [(None, self._values(argument, value.items[0], howto))]
        return [(None, self._values(argument, value, howto))]

    def _values(self, argument, value: Value, howto) -> Value:
        if value.numbers() is not None:
            return value
        if value.kind == CALL and self._called(value, ARRAY_CALLS) and value.node.args:
            inner = static(self.ctx, value.node.args[0].value)
            if inner.numbers() is not None:
                return Value(LIST, value.source, value.node, items=inner.items)
        raise Missing(f"`{argument}`", howto)

    def _scale(self, value: Value) -> str:
        if value.is_(int, float):
            return value.source
        if value.is_(str):
            raise Missing("`scale`", "a number: MO failed on a string (`'<' not supported between instances of "
                                     "'str' and 'float'`)")
        self._note(f"`scale={value.source}` is a number (MO failed on a string)")
        return self._late(value, "scale")

    def _port(self, key, argument: str, layout: bool = False) -> Port:
        """The input (or, for a layout, output) that `key` addresses: a name, a position, or None
        for the only input."""
        howto = f"`ppp.input(name)...` for `{argument}` of each input"
        if self.ports is not None:
            if key is None:
                if len(self.ports) != 1:
                    raise Missing(f"`{argument}`", howto + " (MO needs names when the model has several inputs)")
                return self.ports[0]
            if isinstance(key, int):
                if key >= len(self.ports):
                    raise Missing(f"`{argument}`", howto)
                return self.ports[key]
            for port in self.ports:
                if port.name == key:
                    return port
            if all(p.name is None for p in self.ports) and len(self.ports) == 1:
                self.ports[0].name = key
                return self.ports[0]
            if layout and all(p.name is not None for p in self.ports):
                return self.loose.setdefault(("output", key), Port(key, output=True))
            raise Missing(f"`{argument}`", howto + f" (`{key}` is not among the inputs `input` names)")
        return self.loose.setdefault(key, Port(key if isinstance(key, str) else None,
                                               key if isinstance(key, int) else None))

    def _merge_loose(self) -> None:
        """Without `input`, an unnamed setting is for the only input: the one other settings name."""
        if self.ports is not None or None not in self.loose:
            return
        named = [k for k in self.loose if isinstance(k, str)]
        if any(isinstance(k, int) for k in self.loose):
            raise Missing("`layout`", "settings for every input by name (MO matched unnamed ones by position)")
        if len(named) == 1:
            only, target = self.loose.pop(None), self.loose[named[0]]
            for attribute in ("source", "source_text", "target", "mean", "scale_values"):
                if getattr(target, attribute) is None:
                    setattr(target, attribute, getattr(only, attribute))
        elif named:
            raise Missing("`layout`", "settings for every input by name")

    def _all_ports(self) -> list[Port]:
        ports = list(self.ports or []) + [p for k, p in self.loose.items()]
        if not ports:
            ports = [self.loose.setdefault(None, Port())]
        return ports

    def _note(self, text: str) -> None:
        if text not in self.result.notes:
            self.result.notes.append(text)

    def _guess_for_mean(self, port: Port) -> None:
        """MO put the channels of an input without a layout where a dimension held as many values
        as `mean_values`/`scale_values` gave (three, or it failed)."""
        counts = [len(v.items) for v in (port.mean, port.scale_values) if v is not None]
        if max(counts, default=0) <= 1 or port.source is not None or port.target is not None:
            return
        wanted = [c for c in counts if c > 1]
        if len(set(wanted)) > 1:
            raise Missing("`mean_values`", "as many mean values as scale values (MO rejects these)")
        port.guessed = self._guess(port, wanted[0], "mean_values" if port.mean is not None else "scale_values")
        port.guessed_for_mean = True

    def _guess(self, port: Port, count: int, argument: str) -> str:
        step = "mean" if argument == "mean_values" else "scale"
        howto = ("the input's layout, which MO guessed from a dimension of 3 in its shape: "
                 f"`ppp.input().model().set_layout(ov.Layout(\"NCHW\"))` (where the channels are) before "
                 f"`ppp.input().preprocess().{step}([...])`")
        if count != 3 or port.shape is None or any(not isinstance(d, int) for d in port.shape):
            raise Missing(f"`{argument}`", howto)
        try:
            index = guess_channels(port.shape, count)
        except Unreadable as error:
            raise Missing(f"`{argument}`", f"{howto} (MO fails here: {error})") from None
        self._note(GUESSED)
        return "?" * index + "C" + "?" * (len(port.shape) - index - 1)

    def _reverse(self, inputs: list[Port]) -> None:
        """MO reversed the channels of every input with three of them (or unknown many) where the
        layout, given or guessed from the shape, says where they are."""
        for port in inputs:
            if port.guessed is not None:
                port.reverse = True  # a dimension of 3
            elif port.source is not None:
                port.reverse = self._three_channels(port)
            elif port.target is not None:
                port.reverse = False  # MO looked at the source layout only
            elif port.shape is not None and all(isinstance(d, int) for d in port.shape):
                try:
                    index = guess_channels(port.shape)
                except Unreadable:
                    continue
                port.guessed, port.reverse = "?" * index + "C" + "?" * (len(port.shape) - index - 1), True
                self._note(GUESSED)
            else:
                raise Missing("`reverse_input_channels`", (
                    "the input's layout, which MO guessed from a dimension of 3 in its shape: "
                    "`ppp.input().model().set_layout(ov.Layout(\"NCHW\"))` (where the channels are) before "
                    "`ppp.input().preprocess().reverse_channels()`, the first step"))
        if not any(p.reverse for p in inputs):
            raise Missing("`reverse_input_channels`", "nothing: MO found no input with three channels to reverse")

    def _three_channels(self, port: Port) -> bool:
        if port.source_text is None:
            self._note("MO reversed the channels of an input only when it had three")
            return True
        try:
            index = channels(port.source_text, len(port.shape) if port.shape else None)
        except Unreadable:
            raise Missing("`reverse_input_channels`", "`ppp.input(...).preprocess().reverse_channels()`") from None
        if index is None:
            return False
        if port.shape is None:
            self._note("MO reversed the channels of an input only when it had three")
            return True
        dim = port.shape[index]
        return not isinstance(dim, int) or dim in (3, -1)

    def _emit(self, scale_code: Optional[str], condition: Optional[str], every: bool) -> None:
        ports = self._all_ports()
        only = len([p for p in ports if not p.output]) == 1
        lines = []
        for port in ports:
            head = f"{PPP}.{'output' if port.output else 'input'}({port.spec(only)})"
            guessed = f'{self.ov}.Layout("{port.guessed}")' if port.guessed else None
            if port.source or (guessed and (port.guessed_for_mean or condition is None)):
                lines.append(f"{head}.model().set_layout({port.source or guessed})")
            if port.target is not None:
                lines.append(f"{head}.tensor().set_layout({port.target})")
            steps = []
            if port.reverse and condition is None:
                steps.append(".reverse_channels()")
            elif port.reverse:
                lines.append(f"if {condition}:")
                if guessed and not port.source and not port.guessed_for_mean:
                    lines.append(f"    {head}.model().set_layout({guessed})")
                lines.append(f"    {head}.preprocess().reverse_channels()")
            if port.mean is not None:
                steps.append(f".mean({self._late(port.mean, 'mean_values')})")
            if port.scale_values is not None:
                steps.append(f".scale({self._late(port.scale_values, 'scale_values')})")
            elif scale_code is not None and not port.output and not every:
                steps.append(f".scale({scale_code})")
            if steps:
                lines.append(f"{head}.preprocess(){''.join(steps)}")
        if scale_code is not None and every:
            index = fresh_name(self.ctx, self.call, "index")
            lines += [f"for {index} in range(len({MODEL}.inputs)):",
                      f"    {PPP}.input({index}).preprocess().scale({scale_code})"]
        if lines:
            self.result.uses_ov = True
            self.result.steps += [f"{PPP} = {self.ov}.preprocess.PrePostProcessor({MODEL})", *lines, f"{MODEL} = {PPP}.build()"]
            if any(p.name is not None for p in ports):
                self._note("`ppp.input(name)` finds an input by tensor name (MO also by operation name)")

    # -- transform and compress_to_fp16 -------------------------------------------------------
    def _transform(self) -> None:
        value = self._given("transform")
        if value is None:
            return
        self._drop(self.args["transform"])
        if value.is_(str):
            try:
                transforms = parse_transform(value.value)
            except Unreadable as error:
                raise Missing("`transform`", python_howto("transform") + f" ({error})") from None
            calls = [(name, ", ".join(f"{k}={v!r}" for k, v in args.items())) for name, args in transforms]
        else:
            items = value.items if value.kind == LIST else [value]
            calls = [self._transform_item(item) for item in items]
        for name, arguments in calls:
            if name not in TRANSFORMS:
                raise Missing("`transform`", python_howto("transform") + f" (MO has no `{name}`)")
            function = TRANSFORMS[name]
            self.result.private.append(function)
            self.result.steps.append(f"{function}({MODEL}{', ' + arguments if arguments else ''})")
        self._note(f"the transformations are MO's own calls, from the private `{PRIVATE}`")

    def _transform_item(self, item: Value):
        if item.is_(str):
            found = parse_transform(item.value)
            if len(found) != 1:
                raise Missing("`transform`", python_howto("transform"))
            name, args = found[0]
            return name, ", ".join(f"{k}={v!r}" for k, v in args.items())
        if item.kind == TUPLE and item.items and item.items[0].is_(str):
            arguments = ""
            if len(item.items) == 2 and item.items[1].kind == DICT:
                arguments = ", ".join(f"{k}={self._late(v, 'transform')}" for k, v in item.items[1].items.items())
            elif len(item.items) != 1:
                raise Missing("`transform`", python_howto("transform"))
            return item.items[0].value, arguments
        raise Missing("`transform`", python_howto("transform"))

    def _compress(self) -> None:
        value = self._given("compress_to_fp16")
        if value is None:
            return
        self._drop(self.args["compress_to_fp16"])
        self.result.private.append("compress_model_transformation")
        self._note(f"the FP16 compression of the weights is MO's own call, from the private `{PRIVATE}`")
        if value.kind == SCALAR and value.value:
            self.result.steps.append(f"compress_model_transformation({MODEL})")
        elif value.kind == SCALAR:
            raise Missing("`compress_to_fp16`", python_howto("compress_to_fp16"))
        else:
            self.result.steps += [f"if {self._late(value, 'compress_to_fp16')}:",
                                  f"    compress_model_transformation({MODEL})"]

    def _share_weights(self) -> None:
        """MO copied the weights of a model object; `ov.convert_model` shares them by default."""
        if "share_weights" in self.args or not self.call.args:
            return
        first = self.call.args[0]
        model = self.args.get("input_model", first if first.keyword is None else None)
        if model is None:
            return
        if _pathlike(self.ctx, model.value):
            return
        self._note("`ov.convert_model` shares the weights of a model object (`share_weights=True`) where MO copied "
                   "them: add `share_weights=False` if the framework model changes afterwards")

    def _called(self, value: Value, names: set) -> bool:
        return bool(self.ctx.qualified_names(value.node.func) & names)


def _deletions(ctx, call, dropped: set) -> list[Edit]:
    """Edits removing the arguments whose ids are in `dropped` with their commas, none overlapping."""
    args = list(call.args)
    edits = []

    # an argument's span holds its keyword, star and parentheses (`input_shape=(1, 3)`), not its comma
    for i, arg in enumerate(args):
        if id(arg) not in dropped:
            continue
        if any(id(a) not in dropped for a in args[i + 1:]):
            edits.append(Edit(ctx.span(arg)[0], ctx.span(args[i + 1])[0]))
        elif i == 0 or id(args[i - 1]) not in dropped:  # the first of the trailing ones
            kept = [a for a in args[:i] if id(a) not in dropped]
            begin = ctx.span(kept[-1])[1] if kept else ctx.span(arg)[0]
            edits.append(Edit(begin, ctx.span(args[-1])[1]))
    return edits


def _is_default(value: Value, default) -> bool:
    if value.is_(type(None)) and (default is None or default == ()):
        return True
    if isinstance(default, tuple):
        return value.sequence and not value.items
    return value.kind == SCALAR and value.value == default and type(value.value) is type(default)


def _dimension(ctx, value: Value) -> bool:
    return value.kind == CALL and bool(ctx.qualified_names(value.node.func) & {"openvino.Dimension",
                                                                               "openvino.runtime.Dimension"})


def _dims(ctx, value: Value) -> Optional[list]:
    """The dimensions of a literal shape; None when any is unknown."""
    if value.kind == CALL and value.node.args and ctx.qualified_names(value.node.func) & SHAPE_CALLS:
        value = static(ctx, value.node.args[0].value)
    if value.sequence and all(i.is_(int) for i in value.items):
        return [i.value if i.value >= 0 else -1 for i in value.items]
    return None


def _words(words: list[str], source: str) -> Value:
    """Numbers MO read from a string, written as a list."""
    items = [Value(SCALAR, w, None, float(w)) for w in words]
    return Value(LIST, "[" + ", ".join(w if _is_number(w) else repr(float(w)) for w in words) + "]", None, items=items)


def _is_number(word: str) -> bool:
    try:
        return isinstance(eval(word, {"__builtins__": {}}), (int, float))  # noqa: S307 (digits, dots, minus only)
    except Exception:  # noqa: BLE001
        return False


def _pathlike(ctx, node, depth: int = 0) -> bool:
    """A path to the model: a string, an f-string, `os.path.join(...)`, `Path(...)`, `str(...)`,
    `a / b`, a name bound once to one of them, or a parameter annotated `str` or `Path`."""
    if isinstance(node, (cst.FormattedString, cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(node, cst.Name) and depth < 3:
        bound = bound_once(ctx, node)
        if bound is not None:
            return _pathlike(ctx, bound, depth + 1)
        scope = ctx.scope(node)
        params = [a.node for a in (scope[node.value] if scope is not None else ()) if hasattr(a, "node")]
        if len(params) != 1 or not isinstance(params[0], cst.Param) or params[0].annotation is None:
            return False
        kind = params[0].annotation.annotation
        return bool(({dotted(kind)} | ctx.qualified_names(kind)) & {"str", "Path", "pathlib.Path", "os.PathLike"})
    if isinstance(node, cst.BinaryOperation):
        return isinstance(node.operator, (cst.Divide, cst.Add))
    if isinstance(node, cst.Call):
        names = ctx.qualified_names(node.func) | {dotted(node.func)}
        return bool(names & {"os.path.join", "pathlib.Path", "Path", "str", "os.fspath", "os.path.abspath",
                             "os.path.expanduser"})
    return False
