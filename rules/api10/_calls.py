"""Who calls the module's own functions and methods, and with what: the call sites the type model
reads to type a parameter from the arguments it receives.

Besides plain calls, a site is a class instantiation (`Model(core)` fills `__init__`), a
`super().__init__(...)`, a method called on an instance, a callback registered with an API
1.0 request (`set_completion_callback(fn, data)` calls `fn(status, data)`), and a function another
thread or process runs (`threading.Thread(target=fn, args=(...))`, `executor.submit(fn, ...)`),
through bound methods and `functools.partial`."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Optional

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import argument

# API 1.0 request methods registering a callback `fn` -> their parameters (`fn`, its data); the
# request calls `fn(status, data)`
CALLBACKS = {"set_completion_callback": ("py_callback", "py_data")}
# classes that run `target(*args, **kwargs)` in another thread or process -> the positions of
# `target`, `args` and `kwargs` (`Thread(group, target, name, args, kwargs)`, `Timer(interval, function, args, kwargs)`)
RUNNERS = {"threading.Thread": (1, 3, 4), "multiprocessing.Process": (1, 3, 4),
           "multiprocessing.context.Process": (1, 3, 4), "threading.Timer": (1, 2, 3)}
_RUNNER_KEYWORDS = ("target", "args", "kwargs")
_TIMER_KEYWORDS = ("function", "args", "kwargs")
# methods that run their first argument with the rest (`executor.submit(fn, *args, **kwargs)`), or
# with an `args` tuple and a `kwds` dict (`pool.apply_async(fn, args, kwds)`)
SUBMITS = {"submit"}
APPLIES = {"apply", "apply_async"}
_STATUS = object()  # the status a completion callback receives: no API object


@dataclass
class Site:
    """One way a function is called: `positional` fills its parameters from index `first` on
    (1 when `self` is bound); None stands for a value nothing is known about."""

    node: object  # the call (or the registration of a callback)
    positional: list
    keywords: dict = field(default_factory=dict)
    first: int = 0

    def argument(self, index: int, name: str):
        if self.first <= index < self.first + len(self.positional):
            found = self.positional[index - self.first]
            return None if found is _STATUS else found
        return self.keywords.get(name)


class Calls:
    """The sites of every function and method of a module. Sites the code alone tells (calls by
    name, `self.method`, `super()`, constructors) are found once; a method called on a value and
    a callback registered with a request need the value's type, worked out when asked."""

    def __init__(self, types):
        self.types = weakref.proxy(types)  # owned by `types`: a strong link back would be a cycle
        self._plain: Optional[dict] = None  # function -> sites
        self._on_values: dict = {}  # method name -> `value.method(...)` calls
        self._registrations: list = []

    def of(self, function) -> list[Site]:
        self._index()
        types = self.types
        sites = list(self._plain.get(function, ()))
        name = function.name.value
        for call in self._on_values.get(name, ()):
            cls = types.instance_class(call.func.value)
            if cls is not None and types.classes.method(cls, name) is function:
                sites.extend(_site(call, 1, []))
        for call in self._registrations:
            if types.holds_request(call.func.value):
                names = CALLBACKS[call.func.attr.value]
                callback = argument(call, 0, names[0])
                data = argument(call, 1, names[1])
                target = self.callee(callback.value) if callback is not None else None
                if target is not None and target[0] is function:
                    _, first, bound = target
                    sites.append(Site(call, bound + [_STATUS, data.value if data is not None else None], {}, first))
        return sites

    def everything(self):
        """(site, function) for every site of the module."""
        return [(site, function) for function in self.types.ctx.nodes((cst.FunctionDef,))
                for site in self.of(function)]

    def _index(self) -> None:
        if self._plain is not None:
            return
        self._plain = {}
        for call in self.types.ctx.nodes((cst.Call,)):
            func = call.func
            target = self.callee(func, typed=False)
            if target is not None:
                function, first, bound = target
                self._plain.setdefault(function, []).extend(_site(call, first, bound))
                continue
            spawned = self._spawned(call)
            if spawned is not None:
                function, site = spawned
                self._plain.setdefault(function, []).append(site)
            elif isinstance(func, cst.Attribute):
                if func.attr.value in CALLBACKS:
                    self._registrations.append(call)
                else:
                    self._on_values.setdefault(func.attr.value, []).append(call)

    def _spawned(self, call):
        """(function, site) when `call` has another thread or process run one of the module's
        functions (`Thread(target=fn, args=(a,))`, `executor.submit(fn, a)`); None otherwise, or
        when its arguments are not written out."""
        func = call.func
        name = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else ""
        if name in SUBMITS or name in APPLIES:
            if not isinstance(func, cst.Attribute) or not call.args or call.args[0].keyword or call.args[0].star:
                return None
            runs = call.args[0].value
            if name in SUBMITS:
                positional, keywords = _arguments(call, skip=1)
            else:
                positional, keywords = _packed(argument(call, 1, "args"), argument(call, 2, "kwds"))
        elif name in ("Thread", "Process", "Timer"):
            runner = next((q for q in self.types.ctx.qualified_names(func) if q in RUNNERS), None)
            if runner is None:
                return None
            at_target, at_args, at_kwargs = RUNNERS[runner]
            names = _TIMER_KEYWORDS if runner == "threading.Timer" else _RUNNER_KEYWORDS
            runs = argument(call, at_target, names[0])
            runs = runs.value if runs is not None else None
            positional, keywords = _packed(argument(call, at_args, names[1]), argument(call, at_kwargs, names[2]))
        else:
            return None
        target = self.callee(runs, typed=False) if runs is not None and positional is not None else None
        if target is None:
            return None
        function, first, bound = target
        return function, Site(call, bound + positional, keywords, first)

    def callee(self, func, typed: bool = True):
        """(FunctionDef, index of the first parameter the arguments fill, arguments already bound)
        for a callable expression of the module: a function, a class, a method of `self`,
        `super().method`, a `functools.partial` of one of them, and with `typed` a method of an
        instance (which needs the type model)."""
        types = self.types
        if isinstance(func, cst.Name):
            for assignment in types.referents(func):
                node = assignment.node
                if isinstance(node, cst.FunctionDef):
                    return node, 0, []
                if isinstance(node, cst.ClassDef):
                    init = types.classes.method(node, "__init__")
                    return (init, 1, []) if init is not None else None
                bound = types.assigned_value(node)
                if bound is not None and _is_partial(types, bound):
                    return self.callee(bound, typed)
            return None
        if isinstance(func, cst.Call) and _is_partial(types, func) and func.args and not func.args[0].keyword:
            target = self.callee(func.args[0].value, typed)
            rest, keywords = _arguments(func, skip=1)
            if target is None or rest is None or keywords:
                return None
            function, first, bound = target
            return function, first, bound + rest
        if isinstance(func, cst.Attribute):
            name = func.attr.value
            value = func.value
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "super":
                cls = types.enclosing(func, cst.ClassDef)
                method = types.classes.method_of_bases(cls, name) if cls is not None else None
                return (method, 1, []) if method is not None else None
            if types.is_self(value):
                cls = types.enclosing(func, cst.ClassDef)
                method = types.classes.method(cls, name) if cls is not None else None
                return (method, 1, []) if method is not None else None
            cls = types.instance_class(value) if typed else None
            if cls is not None:
                method = types.classes.method(cls, name)
                return (method, 1, []) if method is not None else None
            if isinstance(value, cst.Name):  # `Base.__init__(self, ...)`: self is passed explicitly
                cls = types.class_named(value)
                method = types.classes.method(cls, name) if cls is not None else None
                return (method, 0, []) if method is not None else None
        return None


def _is_partial(types, call) -> bool:
    return isinstance(call, cst.Call) and "functools.partial" in types.ctx.qualified_names(call.func)


def _site(call, first: int, bound: list) -> list[Site]:
    positional, keywords = _arguments(call)
    return [Site(call, bound + positional, keywords, first)] if positional is not None else []


def _packed(args, kwargs):
    """(positional values, keyword values) of an `args` tuple and a `kwargs` dict written out as
    literals (either may be absent); (None, None) when one is anything else."""
    positional, keywords = [], {}
    if args is not None:
        if not isinstance(args.value, (cst.Tuple, cst.List)) or any(isinstance(e, cst.StarredElement)
                                                                   for e in args.value.elements):
            return None, None
        positional = [element.value for element in args.value.elements]
    if kwargs is not None:
        entries = getattr(kwargs.value, "elements", None)
        if not isinstance(kwargs.value, cst.Dict) or any(
                not isinstance(e, cst.DictElement) or not isinstance(e.key, cst.SimpleString) for e in entries):
            return None, None
        keywords = {e.key.evaluated_value: e.value for e in entries}
    return positional, keywords


def _arguments(call, skip: int = 0):
    """(positional values, keyword values) of a call; (None, None) when a `*args` hides positions."""
    positional, keywords = [], {}
    for arg in call.args[skip:]:
        if arg.star == "*":
            return None, None
        if arg.star:
            continue
        if arg.keyword is None:
            positional.append(arg.value)
        else:
            keywords[arg.keyword.value] = arg.value
    return positional, keywords
