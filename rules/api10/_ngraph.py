"""What OV108 knows of the nGraph Python API of 2023.3 (checked against the wheels of 2023.3 and
2026.4.1, see inventory/), and the rewrite of `IENetwork(ng.Function.to_capsule(f))`."""
from __future__ import annotations

from typing import Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import argument, fresh_name, indentation, line_end
from ovlint.rules.api10._types import legacy_class

# ops whose nGraph function took bodies and port descriptions (`ngraph.utils.tensor_iterator_types`);
# in API 2.0 they are classes configured after construction
BODY_OPS = {"loop": "Loop", "tensor_iterator": "TensorIterator", "if_op": "If"}
# members of nGraph classes that their API 2.0 twins lack
LOST_MEMBERS = {"Function": {"to_capsule", "from_capsule"}, "PartialShape": {"from_capsule"}}
CAPSULE = ("ngraph.Function.to_capsule", "ngraph.impl.Function.to_capsule")
# names the top level of nGraph had before 2023.3 (DataPtr helpers, gone with 2022.1's API)
OLDER = {"partial_shape_from_data"}


def capsule_of(ctx, call) -> Optional[object]:
    """`f` when `call` is `IENetwork(ng.Function.to_capsule(f))`."""
    if not (isinstance(call, cst.Call) and legacy_class(ctx, call.func) == "IENetwork" and len(call.args) == 1):
        return None
    inner = call.args[0].value
    if call.args[0].keyword is not None or call.args[0].star or not isinstance(inner, cst.Call):
        return None
    if not any(n in CAPSULE for n in ctx.qualified_names(inner.func)) or len(inner.args) != 1:
        return None
    return inner.args[0].value if inner.args[0].keyword is None and not inner.args[0].star else None


def holds_capsule(ctx, value) -> bool:
    """Whether `value` is a capsule of an nGraph function: `Function.to_capsule(f)`, or a name
    assigned one once."""
    from ovlint.surfaces.python import assigned_value

    if isinstance(value, cst.Name):
        value = assigned_value(ctx, value) or value
    return isinstance(value, cst.Call) and any(n in CAPSULE for n in ctx.qualified_names(value.func))


def network_of_function(ctx, call, function) -> Optional[list]:
    """Edits making `call` (which turned the graph `function` into an IENetwork) the graph itself,
    with its outputs named as IENetwork named them: after the layer that produces each (`name.N`
    for the N-th output of a layer with several). None where the names cannot be given: the graph
    is neither assigned from the call nor a plain name."""
    line = ctx.parent(call)
    while line is not None and not isinstance(line, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        line = ctx.parent(line)
    if not (isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1
            and isinstance(ctx.parent(line), (cst.IndentedBlock, cst.Module))):
        return None
    statement = line.body[0]
    if _conditional(ctx, call, statement):
        return None
    indent = indentation(ctx, line)
    if (isinstance(statement, cst.Assign) and statement.value is call and len(statement.targets) == 1
            and _plain(statement.targets[0].target)):
        graph, at = ctx.source(statement.targets[0].target), line_end(ctx, line)
    elif _plain(function):
        graph, at = ctx.source(function), ctx.lines.line_span(ctx.span(line)[0])[0]
    else:
        return None
    result, producer = fresh_name(ctx, call, "result_node"), fresh_name(ctx, call, "producer")
    nl = ctx.newline
    loop = (f"{indent}for {result} in {graph}.get_results():  # name the outputs as IENetwork did{nl}"
            f"{indent}    {producer} = {result}.input_value(0){nl}"
            f"{indent}    {result}.output(0).get_tensor().set_names({{{producer}.get_node().get_friendly_name() + ({nl}"
            f"{indent}        f\".{{{producer}.get_index()}}\" if {producer}.get_node().get_output_size() > 1 else \"\")}}){nl}")
    if at == len(ctx.text) and not ctx.text.endswith(("\n", "\r")):
        loop = nl + loop
    # around the graph, not over it: the graph's own rewrite (`ng.Function(...)` built inline) is an edit of its own
    (start, end), (inner_start, inner_end) = ctx.span(call), ctx.span(function)
    return [ctx.replace((start, inner_start), ""), ctx.replace((inner_end, end), ""), ctx.replace((at, at), loop)]


def function_argument(call, name: str):
    arg = argument(call, 0, name)
    return arg.value if arg is not None and not arg.star and len(call.args) == 1 else None


def _plain(node) -> bool:
    """A name or a dotted name: reading it again gives the same object."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


def _conditional(ctx, node, statement) -> bool:
    """Whether `node` may not run when `statement` does (`a if c else b`, `x and y`, a lambda)."""
    parent = ctx.parent(node)
    while parent is not None and parent is not statement:
        if isinstance(parent, (cst.IfExp, cst.BooleanOperation, cst.Lambda, cst.ListComp, cst.SetComp,
                               cst.DictComp, cst.GeneratorExp)):
            return True
        parent = ctx.parent(parent)
    return False
