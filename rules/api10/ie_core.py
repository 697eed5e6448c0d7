"""Python API 1.0: `IECore`, its methods, and the pre-2021 `IEPlugin`."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import (
    argument, delete_argument, fresh_name, indentation, int_value, keyword, line_end, rename, statement_of,
)
from ovlint.rules.api10._base import API_1, CORE, PLUGIN, SPELLS_IE, Api10Rule, legacy_reference
from ovlint.rules.api10._config_values import (
    legacy_keys_looped_into, looped_note, positional, propose_get_property, propose_renamed, unseen_keys_note,
)

OPTIMAL_REQUESTS = '.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS")'
# methods that exist on `ov.Core` too (with the same meaning) are not listed
AMBIGUOUS = {"add_extension"}


def _returned(ctx, call):
    """The `return` statement whose value is `call`, or a tuple starting with it."""
    parent = ctx.parent(call)
    if isinstance(parent, cst.Element):
        pair = ctx.parent(parent)
        if isinstance(pair, cst.Tuple) and pair.elements[0] is parent and not pair.lpar:
            parent = ctx.parent(pair)
            return parent if isinstance(parent, cst.Return) else None
        return None
    return parent if isinstance(parent, cst.Return) else None


class IECoreUse(Api10Rule):
    code = "OV102"
    # its visit_Name/visit_Attribute look only for names of `openvino.inference_engine`
    hook_needles = {"visit_Name": SPELLS_IE, "visit_Attribute": SPELLS_IE}
    name = "ie-core"
    summary = f"`IECore` and its methods are API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "`IECore` became `ov.Core`. Its methods were renamed and some changed shape: `read_network` "
        "is `read_model` (it returns an `ov.Model`), `load_network` is `compile_model` (keyword "
        "`network=` is `model=`; API 2.0 creates infer requests on demand, so `num_requests=N` becomes "
        "a list of `create_infer_request()`), `get_metric`/`get_config` are `get_property`, "
        "`set_config(config, device)` is `set_property(device, config)` (the arguments swap), "
        "`query_network` is `query_model`, and `add_extension` loses its device argument (extensions "
        "built against the old `IExtension` interface no longer load). `get_config` returned every "
        "value as a string where `get_property` returns bools, ints and enums: for the keys whose type "
        "is known the fix turns the value back into the string (`\"YES\"`/`\"NO\"`). `import_network(file)` "
        "is `import_model(bytes)`: the fix reads the file with `pathlib`, and `read_network(..., "
        "init_from_buffer=True)` is `read_model(model_bytes, weights_bytes)`. The pre-2021 "
        "`IEPlugin` has no counterpart: create an `ov.Core` and pass the device to `compile_model`."
    )
    examples = (
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "print(ie.get_metric(\"CPU\", \"FULL_DEVICE_NAME\"))\n",
            "import openvino as ov\n\nie = ov.Core()\nprint(ie.get_property(\"CPU\", \"FULL_DEVICE_NAME\"))\n",
        ),
        Example(
            "from openvino.inference_engine import IECore\n\nie = IECore()\n"
            "net = ie.read_network(model=\"m.xml\")\n"
            "exec_net = ie.load_network(network=net, device_name=\"CPU\", num_requests=2)\n"
            "request = exec_net.requests[1]\n",
            "import openvino as ov\n\nie = ov.Core()\n"
            "net = ie.read_model(model=\"m.xml\")\n"
            "exec_net = ie.compile_model(model=net, device_name=\"CPU\")\n"
            "exec_net_requests = [exec_net.create_infer_request() for _ in range(2)]\n"
            "request = exec_net_requests[1]\n",
            unsafe=True,
        ),
        Example(
            "from openvino.inference_engine import IECore\n\n\nclass App:\n"
            "    def __init__(self):\n        self.core = IECore()\n\n"
            "    def tune(self):\n        self.core.set_config({\"PERF_COUNT\": \"YES\"}, \"CPU\")\n",
            "import openvino as ov\n\n\nclass App:\n"
            "    def __init__(self):\n        self.core = ov.Core()\n\n"
            "    def tune(self):\n        self.core.set_property(\"CPU\", {\"PERF_COUNT\": \"YES\"})\n",
            unsafe=True,
        ),
        # the flag API 1.0 took third: `read_model`'s third parameter is a config
        Example("from openvino.inference_engine import IECore\n\nnet = IECore().read_network(\"m.xml\", \"m.bin\", False)\n",
                "import openvino as ov\n\nnet = ov.Core().read_model(\"m.xml\", \"m.bin\")\n", unsafe=True),
        Example("import openvino as ov\n\nexec_net = ov.Core().import_network(\"model.blob\", \"CPU\")\n",
                "import openvino as ov\nimport pathlib\n\n"
                "exec_net = ov.Core().import_model(pathlib.Path(\"model.blob\").read_bytes(), \"CPU\")\n"),
        Example("from openvino.inference_engine import IECore\n\nprint(IECore().get_config(\"CPU\", \"PERF_COUNT\"))\n",
                "import openvino as ov\n\n"
                "print((\"YES\" if ov.Core().get_property(\"CPU\", \"PERF_COUNT\") else \"NO\"))\n"),
        Example("from openvino.inference_engine import IEPlugin\n\nplugin = IEPlugin(device=\"CPU\")\n",
                message=("`IEPlugin` (the pre-2021 API) was removed: create `ov.Core()` and pass the device "
                         "to `core.compile_model(model, device)`")),
    )
    valid = (
        Valid("import openvino as ov\n\ncore = ov.Core()\nmodel = core.read_model(\"m.xml\")\n"
              "compiled = core.compile_model(model, \"CPU\")\n"),
        Valid("class Loader:\n    def read_network(self, path):\n        return path\n\n\n"
              "net = Loader().read_network(\"m.xml\")\n"),
        Valid("import openvino as ov\n\ncore = ov.Core()\ncore.add_extension(\"libext.so\")\n"),
    )

    def visit_Name(self, node) -> None:
        self._class_reference(node)

    def visit_Attribute(self, node) -> None:
        self._class_reference(node)

    def _class_reference(self, node) -> None:
        cls = legacy_reference(self.ctx, node)
        call = self.ctx.parent(node)
        if cls == "read_network" and isinstance(call, cst.Call) and call.func is node:
            self.propose(node, "The function `read_network(model, weights)` is API 1.0: API 2.0 reads models "
                               "with `ov.Core().read_model(model, weights)`",
                         [self.ctx.replace(node, f"{self.plan.ov(node)}.Core().read_model")],
                         fix_message="Use `ov.Core().read_model`")
        elif cls == "IECore":
            # `ov.Core` stands wherever `IECore` did: calls, annotations, isinstance checks
            self.propose(node, "`IECore` is `ov.Core` in API 2.0", [self.ctx.replace(node, f"{self.plan.ov(node)}.Core")],
                         unsafe=False, fix_message="Use `ov.Core`")
        elif cls == "IEPlugin":
            self.propose(node, "`IEPlugin` (the pre-2021 API) was removed: create `ov.Core()` and pass the "
                               "device to `core.compile_model(model, device)`")

    def visit_Call(self, node) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or not self.may_concern(func.attr.value):
            return
        owner = self.types.of(func.value)
        if owner is None and func.attr.value in ("read_network", "load_network"):
            self.untraced(func.attr, f"`{func.attr.value}()`")
        if owner is None or owner.kind not in (CORE, PLUGIN):
            return
        method = func.attr.value
        if owner.kind == PLUGIN:
            self.propose(func.attr, f"`IEPlugin.{method}` is API 1.0, where a plugin object stood for one device; "
                                    "API 2.0 has no plugin objects: use `ov.Core` methods with the device "
                                    "(`compile_model(model, device)`, `set_property(device, config)`)")
            return
        if not owner.legacy and method in AMBIGUOUS:
            return
        handler = self.METHODS.get(method)
        if handler is not None:
            handler(self, node, func)

    def _read_network(self, call, func) -> None:
        ctx = self.ctx
        buffer = argument(call, 2, "init_from_buffer")  # `read_network(xml, bin, False)` too
        if buffer is not None and isinstance(buffer.value, cst.Name) and buffer.value.value == "False":
            self.propose(func.attr, "`read_network` is `read_model` in API 2.0, which reads files (no "
                                    "`init_from_buffer`); it returns an `ov.Model`, whose inputs and outputs are "
                                    "ports instead of dicts keyed by layer name",
                         [rename(ctx, func, "read_model"), delete_argument(ctx, call, buffer)],
                         fix_message="Use `read_model`")
            return
        if buffer is not None:
            message = ("`read_network(model, weights, init_from_buffer=True)` is `read_model(model, weights)` in "
                       "API 2.0, which takes the model and weights as bytes (a `str` model would be read as a path)")
            self.propose(func.attr, message, [rename(ctx, func, "read_model"), delete_argument(ctx, call, buffer)],
                         fix_message="Use `read_model` with the bytes")
            return
        self.propose(func.attr, "`read_network` is `read_model` in API 2.0; it returns an `ov.Model`, whose "
                                "inputs and outputs are ports instead of dicts keyed by layer name",
                     [rename(ctx, func, "read_model")], fix_message="Use `read_model`")

    def _network_to_model(self, call, func, method: str) -> list:
        """Rename the method, and its keyword `network=` to `model=`."""
        edits = [rename(self.ctx, func, method)]
        network = keyword(call, "network")
        if network is not None:
            edits.append(self.ctx.replace(network.keyword, "model"))
        return edits

    def _load_network(self, call, func) -> None:
        ctx = self.ctx
        edits = self._network_to_model(call, func, "compile_model")
        requests = argument(call, 3, "num_requests")
        if requests is not None:
            edits.append(delete_argument(ctx, call, requests))
        message = ("`load_network` is `compile_model` in API 2.0 (keyword `network=` is `model=`); it creates "
                   "no infer requests: call `create_infer_request()` for each one you need")
        created = self._request_list(call, requests)
        if created is None:
            message += ("; the program uses its requests, which the fix creates on a line after this statement, "
                        "but the statement shares its line (after `:` or beside `;`): put it on a line of its own")
        self.propose(func.attr, message, None if created is None else edits + list(created),
                     fix_message="Use `compile_model`")

    def _request_list(self, call, requests):
        """Edits creating the requests `exec_net.requests` used to hold, when the program uses
        them: a list beside the variable the call is assigned to, or the requests kept on the
        compiled model (`Plan.keeps_requests`), also where the call is returned. None when the
        requests are used but the statement shares its line, where no statement can follow it."""
        ctx = self.ctx
        parent = ctx.parent(call)
        returned = _returned(ctx, call)
        line = statement_of(ctx, returned.value if returned is not None else call)
        if line is None:
            used = (self.plan.keeps_requests() if returned is not None or not isinstance(parent, cst.Assign)
                    else len(parent.targets) == 1 and self.plan.requests_name(parent.targets[0].target) is not None)
            return None if used else ()
        if returned is not None and self.plan.keeps_requests():
            # `return call, x` -> `compiled = call`, its requests, `return compiled, x`
            held = fresh_name(ctx, call, "compiled")
            indent = indentation(ctx, line)
            rest = ctx.text[ctx.span(call)[1]:ctx.span(returned.value)[1]]
            after = (f"{indent}{held}.requests = [{held}.create_infer_request() for _ in range({self._count(held, requests)})]"
                     f"{ctx.newline}{indent}return {held}{rest}")
            return [ctx.replace((ctx.span(returned)[0], ctx.span(call)[0]), f"{held} = "),
                    ctx.replace((ctx.span(call)[1], ctx.span(returned.value)[1]), ""), *self._after(line, after)]
        if not isinstance(parent, cst.Assign) or len(parent.targets) != 1:
            return ()
        target = parent.targets[0].target
        name = self.plan.requests_name(target)
        if name is None:
            return ()
        owner = ctx.source(target)
        statement = f"{indentation(ctx, line)}{name} = [{owner}.create_infer_request() for _ in range({self._count(owner, requests)})]"
        return self._after(line, statement)

    def _count(self, owner: str, requests) -> str:
        """How many requests `num_requests` made (1 when not given; 0 asked for the device's optimum)."""
        if requests is None:
            return "1"
        value = int_value(requests.value)
        text = self.ctx.source(requests.value)
        return (owner + OPTIMAL_REQUESTS if value == 0 else text if value is not None
                else f"{text} or {owner}{OPTIMAL_REQUESTS}")

    def _after(self, line, statement: str) -> list:
        """An edit adding `statement` (indented) on a line after `line`."""
        ctx = self.ctx
        end = line_end(ctx, line)
        if end == len(ctx.text) and not ctx.text.endswith("\n"):
            return [ctx.replace((end, end), ctx.newline + statement)]
        return [ctx.replace((end, end), statement + ctx.newline)]

    def _get_metric(self, call, func) -> None:
        propose_renamed(self, call, func, "get_property", ("device_name", "metric_name"),
                        "`get_metric` is `get_property` in API 2.0", unsafe=False)

    def _get_config(self, call, func) -> None:
        propose_get_property(self, call, func, compiled=False)

    def _set_config(self, call, func) -> None:
        ctx = self.ctx
        message = "`set_config(config, device)` is `set_property(device, config)` in API 2.0: the arguments swap"
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if len(call.args) != 2 or len(positional) != 2:
            self.propose(func.attr, message)
            return
        config, device = positional
        looped = legacy_keys_looped_into(ctx, config.value)
        if looped:
            self.propose(func.attr, message + looped_note(looped, "set_property"))
            return
        config_start = ctx.span(config.value)[0]
        edits = [rename(ctx, func, "set_property"),
                 ctx.replace((config_start, config_start), ctx.source(device.value) + ", "),
                 ctx.replace((ctx.span(config.value)[1], ctx.span(device.value)[1]), "")]
        self.propose(func.attr, message + unseen_keys_note(ctx, config.value), edits,
                     fix_message="Use `set_property(device, config)`")

    def _query_network(self, call, func) -> None:
        message = "`query_network` is `query_model` in API 2.0 (keyword `network=` is `model=`)"
        edits = self._network_to_model(call, func, "query_model")
        if keyword(call, "config") is not None:
            # API 2.0 names it `properties` in some releases, `config` in others: by position it is the same
            unnamed = positional(self.ctx, call, ("network", "device_name", "config"))
            if unnamed is None:
                message += "; its arguments are named out of order: pass them by position"
            edits = None if unnamed is None else [edits[0], *unnamed]
        self.propose(func.attr, message, edits, fix_message="Use `query_model`")

    def _add_extension(self, call, func) -> None:
        message = ("`add_extension(path, device)` is `add_extension(path)` in API 2.0; extensions built "
                   "against the API 1.0 `IExtension` interface no longer load and must be rebuilt as "
                   "`ov::Extension`s")
        device = argument(call, 1, "device_name")
        edits = [delete_argument(self.ctx, call, device)] if device is not None else []
        path = keyword(call, "extension_path")
        if path is not None:  # API 2.0 names the parameter differently: pass it by position
            edits.append(self.ctx.replace((self.ctx.span(path.keyword)[0], self.ctx.span(path.value)[0]), ""))
        self.propose(func.attr, message, edits, fix_message="Drop the device argument")

    def _unregister_plugin(self, call, func) -> None:
        self.propose(func.attr, "`unregister_plugin(device)` is `unload_plugin(device)` in API 2.0",
                     [rename(self.ctx, func, "unload_plugin")], fix_message="Use `unload_plugin`")

    def _import_network(self, call, func) -> None:
        """`import_network(file, device, config, num_requests)` reads the file; `import_model`
        takes its bytes, and creates no requests (see `_request_list`)."""
        ctx = self.ctx
        message = ("`import_network(file, device)` is `import_model(data, device, config)` in API 2.0: it takes "
                   "the exported bytes instead of the file")
        path, device = argument(call, 0, "model_file"), argument(call, 1, "device_name")
        config, requests = argument(call, 2, "config"), argument(call, 3, "num_requests")
        if path is None or device is None or any(a.star for a in call.args):
            self.propose(func.attr, message)
            return
        pathlib, imports = ctx.imports.module_alias("pathlib", "pathlib")
        arguments = [f"{pathlib}.Path({ctx.source(path.value)}).read_bytes()", ctx.source(device.value)]
        if config is not None:
            arguments.append(ctx.source(config.value))
        text = f"{ctx.source(func.value)}.import_model({', '.join(arguments)})"
        edits = [ctx.replace(call, text), *imports, *self._request_list(call, requests)]
        self.propose(func.attr, message, edits, unsafe=False, fix_message="Use `import_model` with the file's bytes")

    # the IECore methods with an API 2.0 counterpart -> how each call is migrated
    METHODS = {"read_network": _read_network, "load_network": _load_network, "get_metric": _get_metric,
               "get_config": _get_config, "set_config": _set_config, "query_network": _query_network,
               "add_extension": _add_extension, "import_network": _import_network,
               "unregister_plugin": _unregister_plugin}
