"""Writes the inventory of the real OpenVINO Python APIs, extracted from the released wheels, to
rules/api10/inventory/ (shipped with ovlint, for the rules to read):

    legacy-2023.3.json    every public class (with methods, properties and constants), function and
                          constant of `openvino.inference_engine` and `ngraph` (all opsets,
                          `ngraph.impl`, helpers, utils) in 2023.3, with each callable's signatures
                          where introspection gives them (all overloads of a pybind11 function)
    mo-2023.3.json        every parameter of `openvino.tools.mo.convert_model` and every option of
                          the `mo` command line (from its own parser), with aliases and defaults
    api20-<release>.json  the API 2.0 names of each release a migration may target: the modules of
                          `openvino` (and `openvino.runtime` where present) and the public members
                          of every class they export

Each module maps its public names to what they are: "module", "function", "object" (a callable
instance), "constant", `{"constant": value}`, or `{"class": ref}` / `{"function": ref}` pointing
into `classes` / `functions` (legacy only, with the signatures), which hold each object once under
the module and name that define it. A class lists its public `members` (each with its `kind`:
method, staticmethod, classmethod, property, class, member of an enum, constant), its `bases`
and, in the legacy file, the signatures of its constructor and methods. The releases come from
tests/ovenvs.py (cached virtual environments, built on first use).

    python tools/api_inventory.py            # all of the above
    python tools/api_inventory.py counts     # corpus-counts.json: how often the corpus uses each
                                             # legacy entry (needs the corpus: --corpus DIR): names,
                                             # members per class (where the class of the object can
                                             # be told; other reads of member names are unattributed),
                                             # convert_model arguments and mo options
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "api10" / "inventory"
PROBE = Path(__file__).resolve().parent / "api_probe.py"

# the releases of tests/ovenvs.py: the last with API 1.0 (its API 2.0 half too), and the
# releases a migration may target
LEGACY = ("api1", "2023.3")
API20 = (("api1", "2023.3"), ("lts2024", "2024.6"), ("v2025_1", "2025.1"), ("current", "2026.4.1"))


def probe(release: str, part: str) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    import ovenvs

    result = subprocess.run([str(ovenvs.python(release)), str(PROBE), part], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def write(name: str, data: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, sort_keys=True, indent=0, separators=(",", ":"), ensure_ascii=False)
    (OUT / name).write_text(text + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT) / name}: {len(text)} bytes")


def compact(found: dict, function_refs: bool) -> dict:
    """Module entries as short values: "module", "function", "object", "constant", or
    {"class": ref}, {"function": ref} (where signatures are kept), {"constant": value}."""
    modules = {}
    for path, entries in found["modules"].items():
        short = {}
        for name, entry in entries.items():
            kind = entry["kind"]
            if kind == "class" or (kind == "function" and function_refs):
                short[name] = {kind: entry["ref"]}
            elif kind == "constant" and "value" in entry:
                short[name] = {"constant": entry["value"]}
            else:
                short[name] = kind
        modules[path] = short
    result = {"modules": modules, "classes": found["classes"]}
    if function_refs:
        result["functions"] = found["functions"]
    return result


def inventory() -> None:
    release, version = LEGACY
    write(f"legacy-{version}.json", {"release": version, **compact(probe(release, "legacy"), function_refs=True)})
    write(f"mo-{version}.json", {"release": version, **probe(release, "mo")})
    for release, version in API20:
        found = probe(release, "api20")
        if not found["version"].startswith(version):
            raise SystemExit(f"{release} holds OpenVINO {found['version']}, not {version}")
        write(f"api20-{version}.json", {"release": version, **compact(found, function_refs=False)})


# --- corpus counts -------------------------------------------------------------------------------

LEGACY_MODULES = ("openvino.inference_engine", "ngraph", "openvino.tools.mo")


def load(name: str) -> dict:
    return json.loads((OUT / name).read_text(encoding="utf-8"))


def python_sources(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(text).get("cells", [])
        except ValueError:
            return []
        code = []
        for cell in cells:
            if cell.get("cell_type") == "code":
                source = cell.get("source", "")
                source = "".join(source) if isinstance(source, list) else source
                # IPython magics and shell lines are not Python
                code.append("\n".join("" if line.lstrip().startswith(("%", "!")) else line
                                      for line in source.splitlines()))
        return code
    if path.suffix == ".md":
        return re.findall(r"```(?:python|py)\n(.*?)```", text, re.S)
    return [text]


IE = "openvino.inference_engine."
MO_CONVERT = "openvino.tools.mo.convert_model"
LIST, DICT, TUPLE = "list", "dict", "tuple"
# What reading a property of (or calling a method of) an API 1.0 or nGraph object gives, by the
# public spelling of the classes (see `public_classes`): how the counter tells the class of `x`
# in `x.member`. "[]" is what a subscript gives.
GIVES = {
    (IE + "IECore", "read_network"): IE + "IENetwork",
    (IE + "IECore", "load_network"): IE + "ExecutableNetwork",
    (IE + "IECore", "import_network"): IE + "ExecutableNetwork",
    (IE + "IENetwork", "input_info"): (DICT, IE + "InputInfoPtr"),
    (IE + "IENetwork", "outputs"): (DICT, IE + "DataPtr"),
    (IE + "ExecutableNetwork", "input_info"): (DICT, IE + "InputInfoCPtr"),
    (IE + "ExecutableNetwork", "outputs"): (DICT, IE + "CDataPtr"),
    (IE + "ExecutableNetwork", "requests"): (LIST, IE + "InferRequest"),
    (IE + "InferRequest", "input_blobs"): (DICT, IE + "Blob"),
    (IE + "InferRequest", "output_blobs"): (DICT, IE + "Blob"),
    (IE + "InferRequest", "query_state"): (LIST, IE + "VariableState"),
    (IE + "InputInfoPtr", "input_data"): IE + "DataPtr",
    (IE + "InputInfoCPtr", "input_data"): IE + "CDataPtr",
    (IE + "InputInfoPtr", "preprocess_info"): IE + "PreProcessInfo",
    (IE + "InputInfoPtr", "tensor_desc"): IE + "TensorDesc",
    (IE + "InputInfoCPtr", "tensor_desc"): IE + "TensorDesc",
    (IE + "Blob", "tensor_desc"): IE + "TensorDesc",
    (IE + "VariableState", "state"): IE + "Blob",
    (IE + "PreProcessInfo", "[]"): IE + "PreProcessChannel",
    ("ngraph.Function", "get_ordered_ops"): (LIST, "ngraph.Node"),
    ("ngraph.Function", "get_ops"): (LIST, "ngraph.Node"),
    ("ngraph.Function", "get_parameters"): (LIST, "ngraph.impl.op.Parameter"),
    ("ngraph.Function", "get_results"): (LIST, "ngraph.Node"),
    ("ngraph.Function", "get_result"): "ngraph.Node",
    ("ngraph.Function", "get_output_op"): "ngraph.Node",
    ("ngraph.Function", "get_output_partial_shape"): "ngraph.PartialShape",
    ("ngraph.Function", "get_output_element_type"): "ngraph.impl.Type",
    ("ngraph.Node", "input"): "ngraph.impl.Input",
    ("ngraph.Node", "output"): "ngraph.impl.Output",
    ("ngraph.Node", "inputs"): (LIST, "ngraph.impl.Input"),
    ("ngraph.Node", "outputs"): (LIST, "ngraph.impl.Output"),
    ("ngraph.Node", "get_type_info"): "ngraph.impl.DiscreteTypeInfo",
    ("ngraph.Node", "type_info"): "ngraph.impl.DiscreteTypeInfo",
    ("ngraph.Node", "get_output_partial_shape"): "ngraph.PartialShape",
    ("ngraph.Node", "get_output_element_type"): "ngraph.impl.Type",
    ("ngraph.Node", "get_element_type"): "ngraph.impl.Type",
    ("ngraph.impl.Input", "get_source_output"): "ngraph.impl.Output",
    ("ngraph.impl.Input", "get_node"): "ngraph.Node",
    ("ngraph.impl.Input", "get_partial_shape"): "ngraph.PartialShape",
    ("ngraph.impl.Input", "get_element_type"): "ngraph.impl.Type",
    ("ngraph.impl.Output", "get_node"): "ngraph.Node",
    ("ngraph.impl.Output", "get_target_inputs"): (LIST, "ngraph.impl.Input"),
    ("ngraph.impl.Output", "get_partial_shape"): "ngraph.PartialShape",
    ("ngraph.impl.Output", "get_element_type"): "ngraph.impl.Type",
    ("ngraph.PartialShape", "get_dimension"): "ngraph.Dimension",
    ("ngraph.PartialShape", "[]"): "ngraph.Dimension",
    ("ngraph.impl.DiscreteTypeInfo", "parent"): "ngraph.impl.DiscreteTypeInfo",
}
# functions (qualified) whose call gives an object; the op functions of nGraph give nodes
RESULTS = {IE + "read_network": IE + "IENetwork", "ngraph.function_from_cnn": "ngraph.Function",
           "ngraph.helpers.function_from_cnn": "ngraph.Function", "ngraph.function_to_cnn": IE + "IENetwork",
           "ngraph.helpers.function_to_cnn": IE + "IENetwork"}
OP_RESULTS = {"parameter": "ngraph.impl.op.Parameter", "constant": "ngraph.impl.op.Constant"}
_SAME = {"list", "tuple", "sorted", "reversed", "iter"}  # builtins handing on the items of a sequence


def public_classes(legacy: dict) -> dict[str, str]:
    """Class ref -> its public spelling: the shortest, `openvino.inference_engine` before `ngraph`."""
    public = {}
    order = sorted(legacy["modules"], key=lambda m: (not m.startswith("openvino"), m.count("."), m))
    for module in order:
        for name, entry in legacy["modules"][module].items():
            if isinstance(entry, dict) and "class" in entry:
                public.setdefault(entry["class"], f"{module}.{name}")
    return public


class Surface:
    """What the counter knows of the legacy APIs: qualified names, classes and their members."""

    def __init__(self, legacy: dict, mo: dict, api20: list):
        self.public = public_classes(legacy)
        self.classes = {}  # qualified name -> the class's public spelling
        self.functions = {}  # qualified name -> what a call gives
        self.names = set()  # every qualified name of the inventory
        for module, entries in legacy["modules"].items():
            for name, entry in entries.items():
                full = f"{module}.{name}"
                self.names.add(full)
                if isinstance(entry, dict) and "class" in entry:
                    self.classes[full] = self.public.get(entry["class"], entry["class"])
                elif isinstance(entry, dict) and "function" in entry:
                    ref = entry["function"]
                    if full in RESULTS:
                        self.functions[full] = RESULTS[full]
                    elif re.match(r"ngraph\.opset\d+\.ops\.", ref):
                        self.functions[full] = OP_RESULTS.get(name, "ngraph.Node")
        self.members = {}  # class public spelling -> {member: kind}
        for ref, cls in legacy["classes"].items():
            self.members[self.public.get(ref, ref)] = {m: about["kind"] for m, about in cls["members"].items()}
        self.member_names = {m for members in self.members.values() for m in members}
        self.convert = [p["name"] for p in mo["convert_model"] if not p["name"].startswith("**")]
        self.telling = telling_members(self.members, api20)


def telling_members(members: dict, api20: list) -> dict[str, str]:
    """Member -> class, for the members that tell an API 1.0 object by themselves: methods and
    properties of one `openvino.inference_engine` class that no API 2.0 class of any target has,
    with a name too particular to be another library's (`read_network`, `output_blobs`)."""
    modern = {m for api in api20 for cls in api["classes"].values() for m in cls["members"]}
    owners = defaultdict(list)
    for cls, names in members.items():
        for name, kind in names.items():
            owners[name].append((cls, kind))
    return {name: found[0][0] for name, found in owners.items()
            if len(found) == 1 and found[0][0].startswith(IE) and found[0][1] in ("method", "property")
            and name not in modern and "_" in name and name not in GENERIC}


# member names another library may well have (pandas' `to_numpy`, torch's `batch_size`)
GENERIC = {"to_numpy", "batch_size"}


class Module(ast.NodeVisitor):
    """The uses of the legacy APIs in one module: qualified names (through the module's imports
    and their aliases: `IECore`, `ie.IECore`, `ng.opset8.relu`), members of legacy objects (the
    class of the object told by following it from where it is made: constructors, the methods and
    properties that give objects (`GIVES`), assignments, `self.x` attributes, annotations, loops and
    subscripts, the return values of the module's functions), and the arguments of the Model
    Optimizer's `convert_model`. A member name read on an object it cannot tell is unattributed."""

    def __init__(self, surface: Surface, tree):
        self.surface = surface
        self.tree = tree
        self.aliases: dict[str, str] = {}
        self.qualified = Counter()
        self.members = Counter()
        self.unattributed = Counter()
        self.keywords = Counter()
        self.env: dict = {}  # (scope, name) -> type; scope: a function or class node, or None
        self.returns: dict = {}  # function node -> type
        self.functions: dict = {}  # (scope, name) -> function node
        self.parents: dict = {}
        self.calls: list = []  # every call of the module
        self.classes: dict = {}  # name -> the module's class
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                self.calls.append(node)
            elif isinstance(node, ast.ClassDef):
                self.classes.setdefault(node.name, node)
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(LEGACY_MODULES):
                        local = alias.asname or alias.name.split(".")[0]
                        self.aliases[local] = alias.name if alias.asname else local
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    full = f"{node.module or ''}.{alias.name}"
                    if full.startswith(LEGACY_MODULES):
                        self.aliases[alias.asname or alias.name] = full
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[(self.scope(node), node.name)] = node

    # scopes and names

    def scope(self, node):
        """The function (or, for `self.x`, the class) whose names `node` reads: its enclosing
        function, None at module level."""
        parent = self.parents.get(node)
        while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            parent = self.parents.get(parent)
        return parent

    def enclosing_class(self, node):
        parent = self.parents.get(node)
        while parent is not None and not isinstance(parent, ast.ClassDef):
            parent = self.parents.get(parent)
        return parent

    def dotted(self, node) -> Optional[str]:
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def lookup(self, node, name):
        scope = self.scope(node)
        while True:
            if (scope, name) in self.env:
                return self.env[(scope, name)]
            if scope is None:
                return None
            scope = self.scope(scope)

    def self_key(self, node):
        """(class, name) for `self.name` in a method."""
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            cls = self.enclosing_class(node)
            return (cls, "self." + node.attr) if cls is not None else None
        return None

    # what expressions hold

    def gives(self, cls, member, called: bool):
        kinds = self.surface.members.get(cls, {})
        if member not in kinds or (kinds[member] == "method") != called:
            return None
        found = GIVES.get((cls, member))
        if found is None and cls in ("ngraph.impl.op.Constant", "ngraph.impl.op.Parameter"):
            found = GIVES.get(("ngraph.Node", member))
        return found

    def type_of(self, node):
        if isinstance(node, (ast.Name, ast.Attribute)):
            full = self.dotted(node)
            if full is not None:
                if full in self.surface.classes:
                    return ("class", self.surface.classes[full])
                return None
            if isinstance(node, ast.Name):
                return self.lookup(node, node.id)
            key = self.self_key(node)
            if key is not None and key in self.env:
                return self.env[key]
            owner = self.type_of(node.value)
            return self.gives(owner, node.attr, called=False) if isinstance(owner, str) else None
        if isinstance(node, ast.Call):
            func = node.func
            full = self.dotted(func)
            if full is not None:
                if full in self.surface.classes:
                    return self.surface.classes[full]
                return self.surface.functions.get(full)
            if isinstance(func, ast.Attribute):
                owner = self.type_of(func.value)
                if isinstance(owner, str):
                    return self.gives(owner, func.attr, called=True)
                if isinstance(owner, tuple) and owner[0] == DICT and func.attr == "values":
                    return (LIST, owner[1])
                if isinstance(owner, tuple) and owner[0] == DICT and func.attr == "items":
                    return (LIST, (TUPLE, (None, owner[1])))
                if isinstance(func.value, ast.Name) and func.value.id == "self":
                    method = self.functions.get((self.enclosing_class(func), func.attr))
                    return self.returns.get(method)
                return None
            if isinstance(func, ast.Name):
                if func.id in _SAME and len(node.args) == 1:
                    inner = self.type_of(node.args[0])
                    return inner if isinstance(inner, tuple) and inner[0] in (LIST, DICT) else None
                if func.id == "enumerate" and node.args:
                    inner = self.element(self.type_of(node.args[0]))
                    return (LIST, (TUPLE, (None, inner))) if inner is not None else None
                if func.id == "next" and node.args:
                    return self.element(self.type_of(node.args[0]))
                function = self.functions.get((self.scope(node), func.id)) or self.functions.get((None, func.id))
                return self.returns.get(function)
            return None
        if isinstance(node, ast.Subscript):
            owner = self.type_of(node.value)
            if isinstance(owner, str):
                return GIVES.get((owner, "[]"))
            if isinstance(owner, tuple) and owner[0] in (LIST, DICT):
                return owner[1]
            if isinstance(owner, tuple) and owner[0] == TUPLE and isinstance(node.slice, ast.Constant) \
                    and isinstance(node.slice.value, int) and -len(owner[1]) <= node.slice.value < len(owner[1]):
                return owner[1][node.slice.value]
            return None
        if isinstance(node, ast.IfExp):
            return self.type_of(node.body) or self.type_of(node.orelse)
        if isinstance(node, ast.Tuple):
            parts = tuple(self.type_of(e) for e in node.elts)
            return (TUPLE, parts) if any(p is not None for p in parts) else None
        if isinstance(node, (ast.List, ast.ListComp, ast.GeneratorExp)):
            items = [self.type_of(e) for e in node.elts] if isinstance(node, ast.List) else [self.type_of(node.elt)]
            items = [i for i in items if i is not None]
            return (LIST, items[0]) if items else None
        return None

    def element(self, container):
        """What iterating a container gives (a dict gives its keys: names)."""
        if isinstance(container, tuple) and container[0] == LIST:
            return container[1]
        return None

    def annotation(self, node):
        full = self.dotted(node) if node is not None else None
        return self.surface.classes.get(full) if full else None

    # bindings

    def bind(self, target, value) -> bool:
        """Give `target` the type `value`; whether anything changed."""
        if value is None:
            return False
        if isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, tuple) and value[0] == TUPLE and len(value[1]) == len(target.elts):
                return any([self.bind(t, v) for t, v in zip(target.elts, value[1])])
            return False
        if isinstance(target, ast.Name):
            key = (self.scope(target), target.id)
        else:
            key = self.self_key(target)
        if key is None or self.env.get(key) == value:
            return False
        if key in self.env and self.env[key] is not None:
            return False  # the first type found stays: names reused for other objects are not followed
        self.env[key] = value
        return True

    def solve(self) -> None:
        """Bind names until nothing changes; then type the variables no flow reached by a member
        only one API 1.0 class has (`telling_members`), and go on."""
        self._solve()
        evidence = False
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Attribute) and node.attr in self.surface.telling and self.dotted(node) is None:
                target = node.value
                if isinstance(target, ast.Name) or self.self_key(target) is not None:
                    if self.type_of(target) is None:
                        evidence |= self.bind(target, self.surface.telling[node.attr])
        if evidence:
            self._solve()

    def call_sites(self) -> bool:
        """Parameters of the module's functions (and classes' `__init__`) take what every call
        passes them, where the calls that can be told agree."""
        changed = False
        passed = defaultdict(list)
        for node in self.calls:
            func = node.func
            target, skip = None, 0
            if isinstance(func, ast.Name):
                target = self.functions.get((self.scope(node), func.id)) or self.functions.get((None, func.id))
                if target is None and func.id in self.classes:
                    target, skip = self.functions.get((self.classes[func.id], "__init__")), 1
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self":
                target, skip = self.functions.get((self.enclosing_class(func), func.attr)), 1
            if target is None:
                continue
            params = [a.arg for a in target.args.args][skip:]
            for position, arg in enumerate(node.args):
                if position < len(params) and not isinstance(arg, ast.Starred):
                    passed[(target, params[position])].append(self.type_of(arg))
            for keyword in node.keywords:
                if keyword.arg in params:
                    passed[(target, keyword.arg)].append(self.type_of(keyword.value))
        for (function, name), types in passed.items():
            known = {t for t in types if t is not None}
            if len(known) == 1 and (function, name) not in self.env:
                self.env[(function, name)] = known.pop()
                changed = True
        return changed

    def _solve(self) -> None:
        for _ in range(8):
            changed = self.call_sites()
            for node in ast.walk(self.tree):
                if isinstance(node, ast.Assign):
                    value = self.type_of(node.value)
                    changed |= any([self.bind(t, value) for t in node.targets])
                elif isinstance(node, ast.AnnAssign):
                    changed |= self.bind(node.target, self.annotation(node.annotation)
                                         or (self.type_of(node.value) if node.value else None))
                elif isinstance(node, (ast.For, ast.comprehension)):
                    changed |= self.bind(node.target, self.element(self.type_of(node.iter)))
                elif isinstance(node, ast.arg) and node.annotation is not None:
                    typed = self.annotation(node.annotation)
                    if typed is not None and self.env.get((self.parents.get(self.parents.get(node)), node.arg)) is None:
                        self.env[(self.parents.get(self.parents.get(node)), node.arg)] = typed
                        changed = True
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node not in self.returns:
                    for ret in ast.walk(node):
                        if isinstance(ret, ast.Return) and ret.value is not None:
                            value = self.type_of(ret.value)
                            if value is not None:
                                self.returns[node] = value
                                changed = True
                                break
            if not changed:
                return

    # counting

    def count(self) -> None:
        self.solve()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Attribute):
                self.attribute(node)
            elif isinstance(node, ast.Name):
                full = self.aliases.get(node.id)
                if full and not isinstance(self.parents.get(node), ast.Attribute):
                    self.qualified[full] += 1
            elif isinstance(node, ast.Call):
                self.call(node)

    def attribute(self, node) -> None:
        full = self.dotted(node)
        parent = self.parents.get(node)
        if full is not None:
            if not (isinstance(parent, ast.Attribute) and self.dotted(parent)):
                self.qualified[full] += 1  # the longest name only: `ng.opset8.relu` is no use of `ng.opset8`
            owner = self.dotted(node.value)
            cls = self.surface.classes.get(owner) if owner else None
            if cls is not None and node.attr in self.surface.members.get(cls, {}):
                self.members[f"{cls}.{node.attr}"] += 1  # through the class: `StatusCode.OK`
            return
        if node.attr not in self.surface.member_names:
            return
        owner = self.type_of(node.value)
        if isinstance(owner, str) and node.attr in self.surface.members.get(owner, {}):
            self.members[f"{owner}.{node.attr}"] += 1
        else:
            self.unattributed[node.attr] += 1

    def call(self, node) -> None:
        full = self.dotted(node.func)
        if full is None:
            return
        if full == MO_CONVERT:
            for position, arg in enumerate(node.args):
                if isinstance(arg, ast.Starred):
                    self.keywords[f"{MO_CONVERT}(**)"] += 1
                elif position < len(self.surface.convert):
                    self.keywords[f"{MO_CONVERT}({self.surface.convert[position]}=)"] += 1
        for keyword in node.keywords:
            self.keywords[f"{full}({keyword.arg}=)" if keyword.arg else f"{full}(**)"] += 1


def counts(corpus: Path) -> None:
    legacy = load(f"legacy-{LEGACY[1]}.json")
    mo = load(f"mo-{LEGACY[1]}.json")
    surface = Surface(legacy, mo, [load(f"api20-{version}.json") for _, version in API20])
    known = surface.names | {MO_CONVERT}
    options = {}
    for option in mo["cli"]:
        for spelling in [option["option"], *option["aliases"]]:
            if spelling.startswith("--"):
                options[spelling] = option["option"]

    qualified, members, unattributed, keywords, cli = Counter(), Counter(), Counter(), Counter(), Counter()
    files = Counter()  # (table, entry) -> number of files using it
    scanned = 0
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        scanned += 1
        seen = set()
        if path.suffix in (".py", ".ipynb", ".md"):
            for source in python_sources(path):
                try:
                    tree = ast.parse(source)
                except (SyntaxError, ValueError):
                    continue
                module = Module(surface, tree)
                if not module.aliases:
                    continue
                module.count()
                for table, found, keep in (("q", module.qualified, lambda n: n in known),
                                           ("m", module.members, lambda n: True),
                                           ("u", module.unattributed, lambda n: True),
                                           ("k", module.keywords, lambda n: n.split("(")[0] in known)):
                    total = {"q": qualified, "m": members, "u": unattributed, "k": keywords}[table]
                    for name, n in found.items():
                        if keep(name):
                            total[name] += n
                            seen.add((table, name))
        text = path.read_text(encoding="utf-8", errors="replace") if path.stat().st_size < 2_000_000 else ""
        for line in text.splitlines():
            if re.search(r"(^|[\s/\"'])(mo|mo\.py|mo_\w+\.py)([\s\"']|$)|openvino\.tools\.mo|model_optimizer", line):
                for spelling in re.findall(r"(--\w+)", line):
                    if spelling in options:
                        cli[options[spelling]] += 1
                        seen.add(("c", options[spelling]))
        for key in seen:
            files[key] += 1

    def table(counter, kind, extra=None):
        return {name: {"uses": n, "files": files[(kind, name)], **(extra(name) if extra else {})}
                for name, n in sorted(counter.items(), key=lambda item: (-item[1], item[0]))}

    owners = defaultdict(list)
    for cls, names in surface.members.items():
        for name in names:
            owners[name].append(cls)
    write("corpus-counts.json", {
        "corpus": {"files": scanned, "projects": len([p for p in corpus.iterdir() if p.is_dir()])},
        "method": COUNTING,
        "names": table(qualified, "q"),
        "members": table(members, "m"),
        "unattributed": table(unattributed, "u", lambda name: {"classes": sorted(owners[name])}),
        "keywords": table(keywords, "k"),
        "mo_cli": table(cli, "c"),
    })


COUNTING = [
    "Names (`IECore`, `ng.opset8.relu`, `ie_api.IECore`) are counted wherever a module reads them through its imports "
    "of `openvino.inference_engine`, `ngraph` or `openvino.tools.mo` and their aliases; a dotted name counts once, "
    "as its longest legacy spelling.",
    "Members are counted per class: `x.member` counts for the class of `x` when the counter can tell it, by "
    "following the object from where it is made (a constructor, a legacy function, a method or property that gives "
    "objects: `read_network`, `input_info`, `requests`, `get_ordered_ops`, ...) through assignments, `self.x` "
    "attributes, annotations, loops, subscripts, the return values of the module's functions and what its calls pass to "
    "the parameters of its functions and classes; members read through the class (`StatusCode.OK`) count for it too.",
    "An object no flow reaches (a core or a network handed in from another module) is told by a member only one "
    "API 1.0 class has and API 2.0 lacks, with a particular name (`read_network`, `load_network`, `output_blobs`, "
    "`async_infer`, ...): its other members then count for that class too.",
    "A member name read on an object the counter cannot tell (`shape` of a numpy array, `name` of anything, an object "
    "passed in from elsewhere) is left out of the entries and kept apart as unattributed.",
    "The arguments of `openvino.tools.mo.convert_model` are counted by keyword or position; `mo` options wherever a "
    "line of any file runs `mo`, `mo.py` or `openvino.tools.mo`.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=("inventory", "counts"), default="inventory")
    parser.add_argument("--corpus", type=Path, default=Path.home() / ".cache" / "ovlint-corpus")
    args = parser.parse_args()
    if args.mode == "counts":
        if not args.corpus.is_dir():
            raise SystemExit(f"no corpus at {args.corpus}")
        counts(args.corpus)
    else:
        inventory()


if __name__ == "__main__":
    main()
