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
                                             # legacy entry (needs the corpus: --corpus DIR)
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


class Uses(ast.NodeVisitor):
    """Counts, in one module, the legacy names it reads (through its imports and their aliases:
    `IECore`, `ie.IECore`, `ng.opset8.relu`), every attribute name it reads, and the keyword
    arguments of its calls to legacy names."""

    def __init__(self):
        self.aliases: dict[str, str] = {}
        self.qualified = Counter()
        self.attributes = Counter()
        self.keywords = Counter()

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name.startswith(LEGACY_MODULES):
                local = alias.asname or alias.name.split(".")[0]
                self.aliases[local] = alias.name if alias.asname else local

    def visit_ImportFrom(self, node):
        module = node.module or ""
        for alias in node.names:
            full = f"{module}.{alias.name}"
            if full.startswith(LEGACY_MODULES):
                self.aliases[alias.asname or alias.name] = full

    def dotted(self, node) -> str | None:
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def visit_Attribute(self, node):
        self.attributes[node.attr] += 1
        full = self.dotted(node)
        if full:
            self.qualified[full] += 1  # not the prefixes: `ng.opset8.relu` is no use of `ng.opset8`
        else:
            self.generic_visit(node)

    def visit_Name(self, node):
        full = self.aliases.get(node.id)
        if full:
            self.qualified[full] += 1

    def visit_Call(self, node):
        full = self.dotted(node.func)
        if full:
            for keyword in node.keywords:
                if keyword.arg:
                    self.keywords[f"{full}({keyword.arg}=)"] += 1
        self.generic_visit(node)


def legacy_members(legacy: dict) -> dict[str, list[str]]:
    """Member name -> the public legacy classes (by their public path) that have it."""
    public = {}
    # the shortest public spelling, `openvino.inference_engine` before `ngraph`
    order = sorted(legacy["modules"], key=lambda m: (not m.startswith("openvino"), m.count("."), m))
    for module in order:
        for name, entry in legacy["modules"][module].items():
            if isinstance(entry, dict) and "class" in entry:
                public.setdefault(entry["class"], f"{module}.{name}")
    members = defaultdict(set)
    for ref, cls in legacy["classes"].items():
        for member in cls.get("members", {}):
            members[member].add(public.get(ref, ref))
    return {name: sorted(owners) for name, owners in members.items()}


def counts(corpus: Path) -> None:
    legacy = load(f"legacy-{LEGACY[1]}.json")
    mo = load(f"mo-{LEGACY[1]}.json")
    known = {f"{module}.{name}" for module, entries in legacy["modules"].items() for name in entries}
    known |= {f"openvino.tools.mo.{name}" for name in ("convert_model", "InputCutInfo", "LayoutMap")}
    members = legacy_members(legacy)
    options = {}
    for option in mo["cli"]:
        for spelling in [option["option"], *option["aliases"]]:
            if spelling.startswith("--"):
                options[spelling] = option["option"]

    qualified, attributes, keywords, cli = Counter(), Counter(), Counter(), Counter()
    files = Counter()  # entry -> number of files using it
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
                uses = Uses()
                uses.visit(tree)
                if not uses.aliases:
                    continue
                for name, n in uses.qualified.items():
                    if name in known:
                        qualified[name] += n
                        seen.add(("q", name))
                for name, n in uses.attributes.items():
                    if name in members:
                        attributes[name] += n
                        seen.add(("a", name))
                for name, n in uses.keywords.items():
                    if name.split("(")[0] not in known:
                        continue
                    keywords[name] += n
                    seen.add(("k", name))
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

    write("corpus-counts.json", {
        "corpus": {"files": scanned, "projects": len([p for p in corpus.iterdir() if p.is_dir()])},
        "names": table(qualified, "q"),
        "members": table(attributes, "a", lambda name: {"classes": members[name]}),
        "keywords": table(keywords, "k"),
        "mo_cli": table(cli, "c"),
    })


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
