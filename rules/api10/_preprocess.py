"""API 1.0 preprocessing as `PrePostProcessor` steps, for OV103.

API 1.0 kept preprocessing with the network (`input_info[name].precision`, `.layout` and
`.preprocess_info`) and applied it when the network was loaded, in a fixed order: the input's
precision and layout, the resize, mean and scale, then the color conversion to the network's BGR
(`ov::pass::AddPreprocessing` in 2023.3, which built exactly these `PrePostProcessor` steps). Two
ways carry that over:

- settings that change what the model's input looks like (precision, layout, resize) move to a
  `PrePostProcessor` built on a copy of the model where `load_network` compiles it (`CompileSite`),
  so the model keeps the shape and type a program reads from it; the site may be in a caller, when
  the function that sets them returns the network;
- mean and scale values and a color conversion, which leave the input's shape and type as they are,
  become steps of a `PrePostProcessor` on the model itself, created before the first of them and
  built after the last (`InPlace`): they can be set per channel in a loop, or in an `if`, as API 1.0
  programs did. A compile-site `PrePostProcessor` wraps the model after these steps, so its resize
  comes first, as in API 1.0.
"""
from __future__ import annotations

from typing import Optional

from ovlint.base.diagnostics import Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import (
    argument, collect, fresh_name, indentation, line_end, string_value,
)
from ovlint.rules.api10._types import CORE, NETWORK, legacy_class

# API 1.0 enum members -> their `ov.preprocess` twin (None: no step, or no twin)
COLOR_FORMATS = {"RGB": "RGB", "BGR": "BGR"}  # RGBX/BGRX change the input's channel count
# 2023.3 resized with RESIZE_NEAREST when asked for RESIZE_AREA (AddPreprocessing)
RESIZE_ALGORITHMS = {"RESIZE_BILINEAR": "RESIZE_LINEAR", "RESIZE_AREA": "RESIZE_NEAREST"}
ENUMS = ("ColorFormat", "ResizeAlgorithm", "MeanVariant")
PORT_MAPS = {"input_info": "input", "inputs": "input", "outputs": "output"}
NCHW = 'Layout("NCHW")'


class PortRef:
    """An API 1.0 input or output reached by name: `network.input_info[key]`."""

    def __init__(self, network, key, side):
        self.network, self.key, self.side = network, key, side


def resolve(rule, expr) -> Optional[PortRef]:
    """The network and the name `expr` (an `input_info[...]`, its `preprocess_info`, or a variable
    assigned one of them once) refers to; None when that cannot be told."""
    ctx, types = rule.ctx, rule.types
    for _ in range(8):
        if isinstance(expr, cst.Attribute) and expr.attr.value == "preprocess_info":
            expr = expr.value
        elif isinstance(expr, cst.Subscript) and isinstance(expr.value, cst.Attribute) and len(expr.slice) == 1 \
                and expr.value.attr.value in PORT_MAPS and isinstance(expr.slice[0].slice, cst.Index):
            owner = types.of(expr.value.value)
            if owner is None or owner.kind != NETWORK or not owner.legacy:
                return None
            side = "output" if expr.value.attr.value == "outputs" else "input"
            return PortRef(expr.value.value, expr.slice[0].slice.value, side)
        elif isinstance(expr, cst.Name):
            values = [bound_value(ctx, a.node) for a in types.referents(expr)]
            if len(values) != 1 or values[0] is None:
                return None
            expr = values[0]
        else:
            return None
    return None


def bound_value(ctx, node):
    """The value of `name = value`, given the name's node; None for any other binding."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.AssignTarget) and parent.target is node:
        assign = ctx.parent(parent)
        if len(assign.targets) == 1:
            return assign.value
    return None


def enum_member(ctx, node) -> Optional[tuple[str, str]]:
    """(`ColorFormat`, `RGB`) for a reference to an API 1.0 preprocessing enum member."""
    if isinstance(node, cst.Attribute):
        cls = legacy_class(ctx, node.value)
        if cls in ENUMS:
            return cls, node.attr.value
    return None


def replaced(ctx, span, text) -> list[Edit]:
    """`span` rewritten as `text`, as a deletion and an insertion: the edits other rules make
    inside the span (a map rewrite of `net.input_info[...]`) are then dropped, not clashing."""
    start, end = ctx.span(span)
    edits = [Edit(start, start, text)] if text else []
    return edits + ([Edit(start, end, "")] if end > start else [])


def simple(node) -> bool:
    """A name or a literal, which means the same wherever it is written again."""
    return isinstance(node, (cst.Name, cst.SimpleString, cst.Integer)) and not (
        isinstance(node, cst.SimpleString) and string_value(node) is None)


def atomic(node) -> bool:
    """An expression that needs no brackets wherever an operand stands."""
    return isinstance(node, (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.SimpleString, cst.FormattedString,
                             cst.ConcatenatedString, cst.Integer, cst.Float, cst.List, cst.Tuple, cst.Dict))


def statement_line(ctx, node):
    """The SimpleStatementLine holding `node` as its only statement, or None."""
    while node is not None and not isinstance(node, cst.SimpleStatementLine):
        if isinstance(node, (cst.BaseCompoundStatement, cst.Lambda)):
            return None
        node = ctx.parent(node)
    return node if node is not None and len(node.body) == 1 else None


def top_statement(ctx, node, block):
    """The statement of `block` that holds `node`; None when `node` is not in `block`."""
    while node is not None:
        parent = ctx.parent(node)
        if parent is block:
            return node
        node = parent
    return None


def function_body(ctx, node):
    """The block of the function (or the module) that `node` is in."""
    parent = ctx.parent(node)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Module)):
        parent = ctx.parent(parent)
    if isinstance(parent, cst.FunctionDef):
        return parent.body if isinstance(parent.body, cst.IndentedBlock) else None
    return parent


# compile sites: a PrePostProcessor on a copy of the model where it is compiled


class CompileSite:
    """Where one network is compiled (`load_network`), and the steps moved there."""

    def __init__(self, ctx, load_line, network_arg, name):
        self.ctx, self.load_line, self.network_arg, self.name = ctx, load_line, network_arg, name
        self.steps: list = []

    def edits(self, rule) -> list:
        ctx = self.ctx
        indent = indentation(ctx, self.load_line)
        nl = ctx.newline
        ov = rule.plan.ov(self.load_line)
        lines = [f"{indent}{self.name} = {ov}.preprocess.PrePostProcessor({ctx.source(self.network_arg)}.clone()){nl}"]
        seen = set()
        for _, steps in sorted(self.steps, key=lambda s: s[0]):
            for step in steps:
                if step not in seen:
                    seen.add(step)
                    lines.append(f"{indent}{self.name}{step}{nl}")
        start = ctx.lines.line_span(ctx.span(self.load_line)[0])[0]
        return [ctx.replace((start, start), "".join(lines)), ctx.replace(self.network_arg, f"{self.name}.build()")]


def compile_sites(rule, ref: PortRef, line) -> Optional[list[tuple[CompileSite, str]]]:
    """Each place the network of `ref` is compiled after `line`, with the text naming the port
    there: later in the same block, and, when the function returns the network, after each call of
    the function that keeps what it returns. None when there is none, or a use cannot be followed."""
    ctx = rule.ctx
    key = ctx.source(ref.key)
    here = [(site, key) for site in _sites_after(rule, line, ref.network)]
    body = function_body(ctx, line)
    function = ctx.parent(body) if body is not None else None
    if not isinstance(function, cst.FunctionDef) or not isinstance(ref.network, cst.Name):
        return here or None
    position = _returned_position(rule, function, ref.network)
    if position is False:
        return here or None  # the network does not leave the function
    key_position = None
    if isinstance(ref.key, cst.Name):
        key_position = _returned_position(rule, function, ref.key)
    if ctx.parent(line) is not body or not simple(ref.key) or isinstance(ref.key, cst.Integer) or (
            isinstance(ref.key, cst.Name) and not isinstance(key_position, int)):
        return None  # set conditionally, or named by what the callers cannot see
    found = list(here)
    for call in (c for c in ctx.nodes((cst.Call,)) if rule.types.function(c.func) is function):
        assign = ctx.parent(call)
        caller_line = ctx.parent(assign)
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1
                and isinstance(caller_line, cst.SimpleStatementLine) and len(caller_line.body) == 1):
            return None
        target = assign.targets[0].target
        network = _element(target, position)
        caller_key = key if key_position is None else _element(target, key_position)
        if network is None or caller_key is None:
            return None
        sites = _sites_after(rule, caller_line, network)
        if not sites and not here:
            return None  # a caller that may compile it where the fix cannot see
        caller_key = caller_key if isinstance(caller_key, str) else ctx.source(caller_key)
        found.extend((site, caller_key) for site in sites)
    return found or None


def _element(target, position):
    if position is None:
        return target if isinstance(target, cst.Name) else None
    if isinstance(target, (cst.Tuple, cst.List)) and position < len(target.elements):
        element = target.elements[position].value
        return element if isinstance(element, cst.Name) else None
    return None


def _returned_position(rule, function, name):
    """Where the function returns `name`: None for the whole value, an index into a returned
    tuple, or False when its returns do not agree (or it returns nothing)."""
    positions = set()
    for ret in rule.ctx.within(function, (cst.Return,)):
        value = ret.value
        if isinstance(value, cst.Name) and value.value == name.value:
            positions.add(None)
        elif isinstance(value, cst.Tuple):
            found = [i for i, e in enumerate(value.elements) if isinstance(e.value, cst.Name) and e.value.value == name.value]
            positions.add(found[0] if len(found) == 1 else False)
        else:
            positions.add(False)
    return positions.pop() if len(positions) == 1 else False


def _sites_after(rule, line, network) -> list[CompileSite]:
    """The `load_network(network, ...)` calls in the statements after `line` in its block."""
    ctx = rule.ctx
    block = ctx.parent(line)
    body = list(getattr(block, "body", ()))
    if line not in body:
        return []
    wanted = ctx.source(network)
    sites = ctx.memo("ppp-sites", dict)
    found = []
    for stmt in body[body.index(line) + 1:]:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            continue
        for call in collect(stmt, (cst.Call,)):
            func = call.func
            if not (isinstance(func, cst.Attribute) and func.attr.value == "load_network"):
                continue
            owner = rule.types.of(func.value)
            arg = argument(call, 0, "network")
            load_line = statement_line(ctx, call)
            if owner is None or owner.kind != CORE or arg is None or ctx.source(arg.value) != wanted or load_line is None:
                continue
            if call not in sites:
                sites[call] = CompileSite(ctx, load_line, arg.value, fresh_name(ctx, load_line, "ppp"))
            found.append(sites[call])
    return found


# in place: a PrePostProcessor on the model, around the statements that set mean, scale and color


class InPlace:
    """The mean, scale and color settings of one network in one function, as steps of a
    `PrePostProcessor` created before the first and built after the last."""

    def __init__(self, rule, network):
        self.rule, self.network = rule, network
        self.ctx = rule.ctx
        self.uses: list = []  # nodes whose statements become steps
        self.lists: dict = {}  # a preprocess_info (its variable's binding, or its port's text) -> (means, scales)
        self.inits: dict = {}  # a preprocess_info -> where its first `init(n)` is
        self.steps: list = []  # (key, statement) of the steps on ports written inline
        self._name: Optional[str] = None

    @staticmethod
    def of(rule, network) -> Optional["InPlace"]:
        key = rule.types.binding_key(network)
        if key is None:
            return None
        groups = rule.ctx.memo("ppp-in-place", dict)
        if key not in groups:
            groups[key] = InPlace(rule, network)
        return groups[key]

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = unique_name(self.ctx, self.uses[0], "ppp")
        return self._name

    def frame(self) -> Optional[list[Edit]]:
        """Create the PrePostProcessor before the first use and build it after the last."""
        ctx = self.ctx
        body = self._block()
        tops = [top_statement(ctx, use, body) for use in self.uses] if body is not None else [None]
        if None in tops:
            return None
        first = min(tops, key=lambda s: ctx.span(s)[0])
        last = max(tops, key=lambda s: ctx.span(s)[0])
        indent = indentation(ctx, first)
        nl = ctx.newline
        ov = self.rule.plan.ov(first)
        start = ctx.lines.line_span(ctx.span(first)[0])[0]
        end = line_end(ctx, last)
        return [Edit(start, start, f"{indent}{self.name} = {ov}.preprocess.PrePostProcessor({ctx.source(self.network)}){nl}"),
                Edit(end, end, f"{indent}{self.name}.build(){nl}")]

    def blocked(self, at) -> str:
        """Why the setting at `at` cannot be a step on the model itself: the steps change the model
        from its build on, where API 1.0 applied the settings each `load_network` found, and never
        wrote them with the network."""
        ctx = self.ctx
        source = ctx.source(self.network)
        here = ctx.span(at)[0]
        function = self.rule.types.enclosing(at, cst.FunctionDef)
        if function is not None and not self._made_in(function, source, here) \
                and not self._fresh_at_each_call(function, source) and not runs_once(ctx, function):
            return (f"the settings are made in `{function.name.value}`, which takes the network from elsewhere and "
                    "may run more than once on it: API 1.0 applied them anew at each `load_network`, where the fix's "
                    "steps on the model itself would be added again at each run")
        # a load anywhere in a loop around the setting: the next round's settings come after it
        # (unless each round first reads a network of its own, in a statement of the loop's body)
        loops = []
        node = ctx.parent(at)
        while node is not None and not isinstance(node, (cst.FunctionDef, cst.Module)):
            if isinstance(node, (cst.For, cst.While)) and not self._fresh_each_round(node, source, here):
                loops.append(ctx.span(node))
            node = ctx.parent(node)
        for call in ctx.nodes((cst.Call,)):
            func = call.func
            if not isinstance(func, cst.Attribute):
                continue
            if func.attr.value == "serialize" and ctx.source(func.value) == source:
                return ("the network is serialized, which API 1.0 did without its preprocessing, and the fix "
                        "would add the steps to the model itself")
            if func.attr.value == "load_network" and (
                    ctx.span(call)[0] < here or any(start <= ctx.span(call)[0] < end for start, end in loops)) and any(
                    ctx.source(a.value) == source for a in call.args):
                return ("the network is loaded before this setting (or in the loop that sets it), and each "
                        "`load_network` applied the settings made until then, where the fix's steps on the model "
                        "would apply to every load")
        return ""

    def _made_in(self, function, source: str, before: int) -> bool:
        """Whether `function` makes the network (`source`) itself before `before`, whatever way it
        runs: a statement of its own body (not of an `if` or a loop in it) assigns it a new one
        (`read_network(...)`, `IENetwork(...)`; not another name for one, nor what a call returns,
        which may be kept elsewhere), or declares it a network with a stub (`net: IENetwork = ...`)."""
        ctx = self.ctx
        for statement in function.body.body if isinstance(function.body, cst.IndentedBlock) else ():
            if ctx.span(statement)[0] >= before:
                return False
            for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
                if isinstance(small, cst.Assign) and any(ctx.source(t.target) == source for t in small.targets):
                    made = self._makes_network(small.value)
                elif isinstance(small, cst.AnnAssign) and small.value is not None and ctx.source(small.target) == source:
                    made = self._makes_network(small.value) or (
                        isinstance(small.value, cst.Ellipsis) and legacy_class(ctx, small.annotation.annotation) == "IENetwork")
                else:
                    continue
                if made:
                    return True
        return False

    def _makes_network(self, value) -> bool:
        """Whether `value` is a call that makes a new network: `ie.read_network(...)`, `IENetwork(...)`."""
        if not isinstance(value, cst.Call):
            return False
        func = value.func
        if isinstance(func, cst.Attribute) and func.attr.value == "read_network":
            owner = self.rule.types.of(func.value)
            return owner is not None and owner.kind == CORE
        return legacy_class(self.ctx, func) == "IENetwork"

    def _fresh_at_each_call(self, function, source: str) -> bool:
        """Whether the network (`source`) is a parameter of `function` that each of its callers,
        all of them calls in this module, hands a network made for the call (`load(ie,
        ie.read_network(path))`): however often it runs, no run sees another's network."""
        ctx = self.ctx
        params = [p for p in function.params.params if p.name.value == source]
        callers = _callers(ctx, function)
        if not params or not callers:
            return False
        position, name = function.params.params.index(params[0]), params[0].name.value
        handed = [argument(call, position, name) for call in callers]
        return all(arg is not None and self._makes_network(arg.value) for arg in handed)

    def _fresh_each_round(self, loop, source: str, before: int) -> bool:
        """Whether a statement of `loop`'s own body assigns the network (`source`) before `before`."""
        ctx = self.ctx
        body = loop.body
        for statement in getattr(body, "body", ()):
            if ctx.span(statement)[0] >= before:
                return False
            if isinstance(statement, cst.SimpleStatementLine) and any(
                    isinstance(small, cst.Assign) and any(ctx.source(t.target) == source for t in small.targets)
                    for small in statement.body):
                return True
        return False

    def needs_layout(self, port: str, line) -> bool:
        """Whether the step at `line` on `port` (written inline) declares the layouts: unless an
        earlier step on it, in the function's own block, always did so before."""
        ctx = self.ctx
        body = self._block()
        here = ctx.span(line)[0]
        return not any(f"{self.name}.input({key})" == port and ctx.span(other)[0] < here and ctx.parent(other) is body
                       for key, other in self.steps)

    def _block(self):
        """The block the PrePostProcessor lives in: the one where the network is assigned (a loop's
        body, for a network read in a loop), or else the function's."""
        ctx = self.ctx
        body = function_body(ctx, self.uses[0])
        if isinstance(self.network, cst.Name):
            bindings = [a.node for a in self.rule.types.referents(self.network)]
            lines = [statement_line(ctx, b) for b in bindings]
            if len(lines) == 1 and lines[0] is not None and function_body(ctx, lines[0]) is body:
                return ctx.parent(lines[0])
        return body

    def port(self, ref: PortRef) -> str:
        return f"{self.name}.input({self.ctx.source(ref.key)})"

    def list_names(self, key, base: str, at) -> tuple[str, str]:
        if key not in self.lists:
            self.lists[key] = tuple(unique_name(self.ctx, at, f"{base}_{suffix}") for suffix in ("mean", "scale"))
        return self.lists[key]


_REPEATING = (cst.For, cst.While, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp, cst.Lambda, cst.ClassDef)


def _callers(ctx, function) -> Optional[list]:
    """The calls of a function of the module (not a method, not decorated: a decorator may keep it
    to call again) when they are all its name is used for, in this module and in the program's
    modules around it (none imports the module, or those that do do not import the function); None
    otherwise."""
    return ctx.memo(("callers", id(function)), lambda: _find_callers(ctx, function))


def _find_callers(ctx, function) -> Optional[list]:
    from ovlint.rules.api10._plan import imported_elsewhere

    if function.decorators or ctx.parent(function) is not ctx.module:
        return None
    name = function.name.value
    spelt = [node for node in ctx.nodes((cst.Name,)) if node.value == name and node is not function.name]
    if not all(isinstance(ctx.parent(n), cst.Call) and ctx.parent(n).func is n for n in spelt) \
            or imported_elsewhere(ctx, name):
        return None
    return [ctx.parent(n) for n in spelt]


def runs_once(ctx, function, depth: int = 3) -> bool:
    """Whether `function` runs at most once: a function of the module called once (see
    `_callers`), outside any loop, comprehension or lambda, at the module's top level or in a
    function that runs once itself (`depth` levels of callers at most)."""
    callers = _callers(ctx, function) if depth else None
    if callers is None or len(callers) != 1:
        return False
    node = callers[0]
    while node is not None and not isinstance(node, (cst.FunctionDef, cst.Module)):
        if isinstance(node, _REPEATING):
            return False
        node = ctx.parent(node)
    return node is ctx.module or runs_once(ctx, node, depth - 1)


def unique_name(ctx, at, base: str) -> str:
    """A fresh name (`fresh_name`) no other name this fix introduces in the unit has taken."""
    taken = ctx.memo("ppp-names", set)
    name = fresh_name(ctx, at, base)
    while name in taken:
        name += "_"
    taken.add(name)
    return name
