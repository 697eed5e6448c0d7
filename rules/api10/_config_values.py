"""What `get_config` returned in API 1.0, next to what `get_property` returns: typed values (bool,
int, enums) for the keys API 2.0 named, strings for the rest, and, on a compiled model, strings for
some keys API 2.0 kept. The fix writes the conversion that gives the program its old value back.
Checked on 2023.3 (API 1.0 and 2.0), 2024.6 and 2026.4 by tests/runtime/programs/config_values.py."""
from __future__ import annotations

from typing import Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import argument, rename, string_value
from ovlint.rules.api10._plan import imported_strings
from ovlint.rules.api10._types import Types
from ovlint.rules.api10.legacy_config_key import KEYS as LEGACY_KEYS

_YES_NO = ('("YES" if ', ' else "NO")')
_STR = ("str(", ")")
# the key as the program spells it -> what the fix writes around `core.get_property(device, key)`
CORE_STRINGS = {"PERF_COUNT": _YES_NO, "EXCLUSIVE_ASYNC_REQUESTS": _YES_NO, "PERFORMANCE_HINT_NUM_REQUESTS": _STR,
                "PERFORMANCE_HINT": ("", ".name"), "CPU_THREADS_NUM": _STR, "CPU_THROUGHPUT_STREAMS": _STR,
                "GPU_THROUGHPUT_STREAMS": _STR}
CORE_SAME = {"DEVICE_ID", "INFERENCE_NUM_THREADS", "NUM_STREAMS", "ENABLE_CPU_PINNING"}
# ... around `compiled_model.get_property(key)`: a compiled model gives the other keys as API 1.0 did
COMPILED_STRINGS = {"CPU_THREADS_NUM": _STR, "CPU_THROUGHPUT_STREAMS": _STR, "GPU_THROUGHPUT_STREAMS": _STR}
# keys whose API 1.0 values the API 2.0 one holds only in part: what the conversion gives otherwise
_LOSSY = {"CPU_BIND_THREAD": (_YES_NO, "`NUMA` and `HYBRID_AWARE` read back as `\"YES\"`")}
COMPILED_SAME = {"DEVICE_ID", "INFERENCE_NUM_THREADS", "NUM_STREAMS", "ENABLE_CPU_PINNING", "PERF_COUNT",
                 "EXCLUSIVE_ASYNC_REQUESTS", "PERFORMANCE_HINT_NUM_REQUESTS", "PERFORMANCE_HINT"}


def _conversion(ctx, call, key, compiled: bool) -> tuple[list, str, bool]:
    """(edits converting the value of the `get_config` call `call` back to its API 1.0 form, what
    the message adds, whether the rewrite may change the value); `key`: the argument naming the key."""
    name: Optional[str] = string_value(key.value) if key is not None else None
    strings, same = (COMPILED_STRINGS, COMPILED_SAME) if compiled else (CORE_STRINGS, CORE_SAME)
    new = LEGACY_KEYS[name].new if name in LEGACY_KEYS and LEGACY_KEYS[name].new else name
    if name in strings:
        before, after = strings[name]
        start, end = ctx.span(call)
        edits = [ctx.replace(at, text) for at, text in (((start, start), before), ((end, end), after)) if text]
        note = f"; it returns `{new}` typed, where API 1.0 returned a string: the fix converts it back"
        if compiled:  # the count in use, where API 1.0 gave the one configured (`0`, `CPU_THROUGHPUT_AUTO`: automatic)
            return edits, note + (" to a string, but a compiled model gives the number in use where API 1.0 gave the "
                                  "configured one (`0` or `..._AUTO` for automatic)"), True
        return edits, note, False
    if name in _LOSSY:
        (before, after), lost = _LOSSY[name]
        start, end = ctx.span(call)
        return ([ctx.replace((start, start), before), ctx.replace((end, end), after)],
                f"; it returns `{new}` as a bool, where API 1.0 returned a string: the fix converts it back, but {lost}",
                True)
    if name in same:
        return [], "", False
    return [], "; it returns typed values (bool, int, enums) where API 1.0 returned strings", True


def legacy_keys_looped(ctx, key) -> list[str]:
    """The API 1.0 keys a key variable takes from the literal it loops over (`for key in
    ("CPU_THROUGHPUT_STREAMS", "PERF_COUNT")`, in a comprehension too, or through a name that
    literal is assigned to once): asked of API 2.0 by their old names, they fail or come back typed."""
    if key is None or not isinstance(key.value, cst.Name):
        return []
    name, node, iterated, place = key.value.value, key.value, None, None
    while iterated is None and node is not None:
        node = ctx.parent(node)
        loops = [node] if isinstance(node, cst.For) else []
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)):
            loop = node.for_in  # beside the element, not above it
            while loop is not None:
                loops.append(loop)
                loop = loop.inner_for_in
        for loop in loops:
            place = _place_in(loop.target, name)
            if place is not None:
                iterated = loop.iter
                break
        if isinstance(node, (cst.FunctionDef, cst.Lambda)):
            return []
    if isinstance(iterated, cst.Name):  # a literal assigned to that name once, anywhere in the module
        if _parameter_of_enclosing(ctx, node, iterated.value):
            return []  # a function's own list, not the module's of that name
        bound = ctx.memo("assigned-values", lambda: _assigned_values(ctx)).get(iterated.value, ())
        if not bound and not place:  # a list another module of the program holds (`from settings import KEYS`)
            return [key for key in imported_strings(ctx, iterated) if key in LEGACY_KEYS]
        iterated = bound[0] if len(bound) == 1 else None
    if not isinstance(iterated, (cst.Tuple, cst.List, cst.Set)):
        return []
    items = [e.value for e in iterated.elements]
    if place:  # `for label, key in [("streams", "CPU_THROUGHPUT_STREAMS"), ...]`
        items = [i.elements[place[0]].value for i in items
                 if isinstance(i, (cst.Tuple, cst.List)) and len(i.elements) > place[0]]
    return [s for s in map(string_value, items) if s in LEGACY_KEYS]


def _place_in(target, name: str) -> Optional[tuple]:
    """() when a loop's target is `name`, (i,) when it is the i-th name of a tuple target; else None."""
    if isinstance(target, cst.Name):
        return () if target.value == name else None
    if isinstance(target, (cst.Tuple, cst.List)):
        for index, element in enumerate(target.elements):
            if isinstance(element.value, cst.Name) and element.value.value == name:
                return (index,)
    return None


def _parameter_of_enclosing(ctx, node, name: str) -> bool:
    function = Types.of_unit(ctx).enclosing(node, cst.FunctionDef)
    return function is not None and any(p.name.value == name for p in (
        *function.params.params, *function.params.posonly_params, *function.params.kwonly_params))


def legacy_keys_looped_into(ctx, config) -> list[str]:
    """The API 1.0 keys a config dict literal takes from a loop over a list of them (`{key: "2"}` in
    `for key in KEYS`, `{k: "2" for k in KEYS}`): what `set_property` would be given by old names."""
    if isinstance(config, cst.DictComp):
        keys = [config.key]
    elif isinstance(config, cst.Dict):
        keys = [e.key for e in config.elements if isinstance(e, cst.DictElement)]
    else:
        return []
    return [k for key in keys if isinstance(key, cst.Name) for k in legacy_keys_looped(ctx, cst.Arg(key))]


def _assigned_values(ctx) -> dict:
    """Name -> the values the module's `name = value` statements assign it."""
    found: dict = {}
    for assign in ctx.nodes((cst.Assign, cst.AnnAssign)):
        targets = [t.target for t in assign.targets] if isinstance(assign, cst.Assign) else [assign.target]
        if len(targets) == 1 and isinstance(targets[0], cst.Name) and assign.value is not None:
            found.setdefault(targets[0].value, []).append(assign.value)
    return found


def unseen_keys_note(ctx, config) -> str:
    """What a message adds for a config whose keys are not written where it is used (read from a
    file, built elsewhere): API 2.0 rejects API 1.0 keys, at `compile_model`."""
    from ovlint.surfaces.python import assigned_value

    value = assigned_value(ctx, config) if isinstance(config, cst.Name) else config
    if isinstance(value, (cst.Dict, cst.DictComp)) or (isinstance(value, cst.Name) and value.value == "None"):
        return ""
    return (f"; the keys of `{ctx.source(config)}` are not written here: wherever they come from (a YAML or JSON "
            "file, another module), API 1.0 keys must take their API 2.0 names (`CPU_THROUGHPUT_STREAMS` is "
            "`NUM_STREAMS`, `CPU_THREADS_NUM` `INFERENCE_NUM_THREADS`, `CPU_BIND_THREAD` `ENABLE_CPU_PINNING`), "
            "or `compile_model` fails; ovlint renames them only in the code it reads")


def looped_note(keys: list, method: str = "get_property") -> str:
    """What a message adds for a key that comes from a list holding API 1.0 keys."""
    note = (f"; the key comes from a list holding API 1.0 keys ({', '.join(f'`{k}`' for k in keys)}), which "
            "API 2.0 names otherwise or not at all: rename them there (by hand: the list may serve other uses too)")
    return note + (", and mind that `get_property` returns typed values where API 1.0 returned strings"
                   if method == "get_property" else "")


def positional(ctx, call, names: tuple) -> Optional[list]:
    """Edits dropping the keywords of `call`'s arguments, which API 2.0 names otherwise (and
    differently from release to release), where they already come in the order `names` gives;
    None where they do not."""
    edits = []
    for index, arg in enumerate(call.args):
        if arg.keyword is None:
            continue
        if arg.star or index >= len(names) or arg.keyword.value != names[index]:
            return None
        edits.append(ctx.replace((ctx.span(arg)[0], ctx.span(arg.value)[0]), ""))
    return edits


def propose_renamed(rule, call, func, new: str, names: tuple, message: str, unsafe: bool) -> None:
    """`func` renamed `new`, the API 1.0 keywords of its arguments (`names`, in order) dropped:
    API 2.0 names them otherwise, and differently from release to release. Arguments named out of
    that order are reported without a fix."""
    unnamed = positional(rule.ctx, call, names)
    looped = legacy_keys_looped(rule.ctx, argument(call, len(names) - 1, names[-1]))
    if looped:
        rule.propose(func.attr, message + looped_note(looped))
        return
    rule.propose(func.attr, message + ("" if unnamed is not None else "; its arguments are named out of order: "
                                                                       "pass them by position"),
                 None if unnamed is None else [rename(rule.ctx, func, new), *unnamed], unsafe=unsafe,
                 fix_message=f"Use `{new}`")


def propose_get_property(rule, call, func, compiled: bool) -> None:
    """`get_config` of the core (`device_name, config_name`) or of a compiled model (`config_name`)
    is `get_property`, its value converted back to its API 1.0 form."""
    ctx = rule.ctx
    names = ("config_name",) if compiled else ("device_name", "config_name")
    key = argument(call, len(names) - 1, "config_name")
    looped = legacy_keys_looped(ctx, key)
    if looped:
        rule.propose(func.attr, "`get_config` is `get_property` in API 2.0" + looped_note(looped))
        return
    converted, note, unsafe = _conversion(ctx, call, key, compiled)
    unnamed = positional(ctx, call, names)
    rule.propose(func.attr, "`get_config` is `get_property` in API 2.0 (OV107 renames legacy keys)" + note
                 + ("" if unnamed is not None else "; its arguments are named out of order: pass them by position"),
                 None if unnamed is None else [rename(ctx, func, "get_property"), *unnamed, *converted],
                 unsafe=unsafe, fix_message="Use `get_property`")
