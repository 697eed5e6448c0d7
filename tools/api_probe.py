"""Introspects the OpenVINO Python packages of the interpreter that runs it and prints one JSON
object on stdout. Run by tools/api_inventory.py inside each cached release (it imports nothing of
ovlint, so it runs under any of them).

    python api_probe.py legacy   # openvino.inference_engine and ngraph (2023.3 and older)
    python api_probe.py mo       # openvino.tools.mo: convert_model's parameters and the mo CLI
    python api_probe.py api20    # openvino (and openvino.runtime where present): names and classes
"""
import argparse
import enum
import importlib
import inspect
import json
import re
import sys
import warnings

warnings.simplefilter("ignore")

# the submodules of the API 2.0 namespaces an inventory lists (relative to `openvino` or
# `openvino.runtime`)
API20_SUBMODULE = re.compile(r"^(opset\d+|properties(\.\w+)*|preprocess|passes|utils|op(\.util)?)$")
LEGACY_SUBMODULE = re.compile(
    r"^(opset\d+|impl(\.op(\.util)?|\.passes)?|helpers|exceptions|opset_utils|utils(\.\w+)?)$")


def public(names):
    return sorted(n for n in names if not n.startswith("_"))


def overloads_from_doc(name, doc):
    """Signatures a pybind11 or Cython (embedsignature) docstring starts with."""
    if not doc:
        return []
    lines = doc.strip().splitlines()
    head = lines[0].strip()
    if "Overloaded function." in doc:
        found = re.findall(rf"^\s*\d+\. (?:\w+\.)*{re.escape(name)}(\(.*)$", doc, re.M)
        return [s.strip() for s in found]
    match = re.match(rf"^(?:[\w.]+\.)?{re.escape(name)}(\(.*\).*)$", head)
    if match and "(*args, **kwargs)" not in match.group(1):
        return [match.group(1).strip()]
    return []


def signatures(name, obj):
    found = overloads_from_doc(name, getattr(obj, "__doc__", None))
    if found:
        return found
    try:
        return [str(inspect.signature(obj))]
    except (TypeError, ValueError):
        return []


def static_kind(cls, name):
    for owner in inspect.getmro(cls):
        if name in vars(owner):
            raw = vars(owner)[name]
            break
    else:
        raw = getattr(cls, name, None)
    if isinstance(raw, staticmethod):
        return "staticmethod", raw.__func__
    if isinstance(raw, classmethod):
        return "classmethod", raw.__func__
    if isinstance(raw, property) or inspect.isgetsetdescriptor(raw) or inspect.ismemberdescriptor(raw):
        return "property", raw
    if type(raw).__name__ == "instancemethod":  # pybind11 methods of a class
        return "method", getattr(cls, name)
    if inspect.isclass(raw):
        return "class", raw
    if callable(raw):
        # pybind11 static methods are plain builtins on the class
        kind = "staticmethod" if inspect.isbuiltin(raw) and getattr(raw, "__self__", None) is None else "method"
        if type(raw).__name__ in ("method_descriptor", "cython_function_or_method", "function", "wrapper_descriptor"):
            kind = "method"
        return kind, getattr(cls, name)
    return "constant", raw


def inherited_from_builtins(cls, name):
    """`args` of an exception, `bit_length` of an IntEnum: Python's, not OpenVINO's."""
    owners = [owner for owner in inspect.getmro(cls) if name in vars(owner)]
    return bool(owners) and all(owner.__module__ == "builtins" for owner in owners)


def class_members(cls, with_signatures):
    members = {}
    for name in public(dir(cls)):
        if inherited_from_builtins(cls, name):
            continue
        try:
            kind, obj = static_kind(cls, name)
        except Exception:  # a descriptor that fails on the class
            kind, obj = "attribute", None
        if kind == "constant" and isinstance(obj, cls):
            kind = "member"  # an enum member (pybind11 enum or enum.Enum)
        entry = {"kind": kind}
        if with_signatures and kind in ("method", "staticmethod", "classmethod"):
            entry["signatures"] = [s for s in signatures(name, obj) if s not in GENERIC]
        elif kind in ("constant", "member"):
            value = constant_value(obj)
            if value is not None:
                entry["value"] = value
        members[name] = entry
    return members


def constant_value(obj):
    if isinstance(obj, enum.Enum):
        obj = obj.value
    if hasattr(obj, "__int__") and type(obj).__module__ not in ("builtins",) and not isinstance(obj, float):
        try:
            return int(obj)
        except Exception:
            return None
    if isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, (list, tuple)) and all(isinstance(v, (bool, int, float, str)) for v in obj):
        return list(obj)
    if isinstance(obj, dict) and all(isinstance(k, (int, str)) and isinstance(v, (bool, int, float, str))
                                     for k, v in obj.items()):
        return {str(k): v for k, v in sorted(obj.items(), key=lambda item: str(item[0]))}
    return None


def qualified(obj):
    module = getattr(obj, "__module__", None) or ""
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", "?")
    if name.startswith("PyCapsule."):  # a pybind11 module-level function
        name = obj.__name__
    return f"{module}.{name}"


GENERIC = {"(self, /, *args, **kwargs)", "(self, *args, **kwargs)", "(self, *args, **kwds)", "(*args, **kwargs)"}


class Walker:
    """Walks modules, recording each public name; classes and functions are stored once, under the
    module and qualified name that define them, and module entries refer to them."""

    def __init__(self, roots, submodule, own_prefixes, with_signatures):
        self.roots = roots
        self.submodule = submodule
        self.own_prefixes = own_prefixes
        self.with_signatures = with_signatures
        self.modules, self.classes, self.functions = {}, {}, {}

    def own(self, obj):
        module = getattr(obj, "__module__", None) or ""
        return module.startswith(self.own_prefixes)

    def walk(self):
        for root in self.roots:
            try:
                module = importlib.import_module(root)
            except ImportError:
                continue
            self.module(root, module, root)
        return {"modules": self.modules, "classes": dict(sorted(self.classes.items())),
                "functions": dict(sorted(self.functions.items()))}

    def module(self, path, module, root):
        if path in self.modules:
            return
        entries = {}
        self.modules[path] = entries
        for name in public(dir(module)):
            try:
                obj = getattr(module, name)
            except Exception:
                continue
            if inspect.ismodule(obj) or type(obj).__name__ == "LazyLoader":
                # every submodule is named; only those an inventory lists are walked
                if type(obj).__name__ == "LazyLoader" or obj.__name__.startswith(self.own_prefixes):
                    entries[name] = {"kind": "module"}
                relative = f"{path}.{name}"[len(root) + 1:]
                if inspect.ismodule(obj) and obj.__name__.startswith(self.own_prefixes) \
                        and self.submodule.match(relative):
                    self.module(f"{path}.{name}", obj, root)
                continue
            if inspect.isclass(obj):
                if not self.own(obj):
                    continue
                ref = qualified(obj)
                entries[name] = {"kind": "class", "ref": ref}
                self.add_class(ref, obj)
            elif callable(obj) and (inspect.isroutine(obj) or type(obj).__name__ == "cython_function_or_method"):
                if not self.own(obj):
                    continue
                ref = qualified(obj)
                entries[name] = {"kind": "function", "ref": ref}
                if ref not in self.functions:
                    own_name = getattr(obj, "__name__", name)
                    self.functions[ref] = signatures(own_name, obj) if self.with_signatures else []
            elif callable(obj) and self.own(type(obj)):
                entries[name] = {"kind": "object", "type": qualified(type(obj))}
            else:
                value = constant_value(obj)
                if value is None and not self.own(type(obj)):
                    continue
                entry = {"kind": "constant"}
                if value is not None:
                    entry["value"] = value
                else:
                    entry["type"] = qualified(type(obj))
                entries[name] = entry
        if isinstance(getattr(module, "__version__", None), str):
            entries["__version__"] = {"kind": "constant"}  # its value is the release's
        self.modules[path] = dict(sorted(entries.items()))

    def add_class(self, ref, cls):
        if ref in self.classes:
            return
        self.classes[ref] = {}  # placeholder: nested classes may refer back
        members = class_members(cls, self.with_signatures)
        for name, entry in members.items():
            if entry["kind"] == "class":
                nested = getattr(cls, name)
                if self.own(nested):
                    entry["ref"] = qualified(nested)
                    self.add_class(entry["ref"], nested)
        bases = [qualified(b) for b in cls.__bases__ if b is not object and self.own(b)]
        entry = {"members": members}
        if bases:
            entry["bases"] = bases
        if self.with_signatures:
            constructor = [s for s in signatures("__init__", getattr(cls, "__init__", None)) if s not in GENERIC]
            if constructor:
                entry["constructor"] = constructor
        self.classes[ref] = entry


def legacy():
    walker = Walker(["openvino.inference_engine", "ngraph"], LEGACY_SUBMODULE,
                    ("openvino.inference_engine", "ngraph", "_pyngraph"), with_signatures=True)
    return walker.walk()


def api20():
    import openvino
    roots = ["openvino"] + (["openvino.runtime"] if importlib.util.find_spec("openvino.runtime") else [])
    walker = Walker(roots, API20_SUBMODULE, ("openvino",), with_signatures=False)
    found = walker.walk()
    # the implementation modules (openvino._pyopenvino, ...) are not API: keep only what is
    # reachable from a public module, named where the public module shows it
    found["version"] = openvino.get_version()
    return found


def mo():
    from openvino.tools.mo import convert_model
    from openvino.tools.mo.utils import cli_parser

    parameters = []
    for name, parameter in inspect.signature(convert_model).parameters.items():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            parameters.append({"name": "**" + name})
            continue
        entry = {"name": name}
        if parameter.default is not inspect.Parameter.empty:
            entry["default"] = jsonable(parameter.default)
        parameters.append(entry)

    parser = cli_parser.get_all_cli_parser()
    options = []
    for action in parser._actions:
        if not action.option_strings:
            continue
        entry = {"option": max(action.option_strings, key=len), "dest": action.dest,
                 "aliases": sorted(o for o in action.option_strings if o != max(action.option_strings, key=len)),
                 "takes_value": action.nargs != 0}
        if action.default is not None and action.default is not argparse.SUPPRESS:
            entry["default"] = jsonable(action.default)
        if action.help == argparse.SUPPRESS:
            entry["hidden"] = True
        elif action.help and "deprecated" in action.help.lower():
            entry["deprecated"] = True
        options.append(entry)
    return {"convert_model": parameters, "cli": sorted(options, key=lambda o: o["option"])}


def jsonable(value):
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return repr(value)


if __name__ == "__main__":
    part = sys.argv[1]
    result = {"legacy": legacy, "api20": api20, "mo": mo}[part]()
    json.dump(result, sys.stdout, sort_keys=True)
