#!/usr/bin/env python3
"""End-to-end soundness of `ovlint check --fix --unsafe-fixes` on a tree of real files.

A copy of the tree is linted, fixed with every fix, and linted again; then four counts, each of
which must be 0:

- lost: findings of the original that had no fix, whose line is still in the fixed file, unchanged,
  with no finding of the same family on it any more (a fix hid what it left behind), but for a
  part held back for another module of the program the fix changed (`main.py` imports it, handed
  to `processor`): that module's migration let the part follow;
- unresolved: `openvino` names in the fixed Python code (imports and dotted names from them) that the
  target release does not have, on lines with no finding that says so;
- cmake: branches of a CMake file that configured OpenVINO (found the legacy packages or OpenVINO)
  and no longer do;
- invalid: files reported as not parsing (OV001) that CPython compiles.

    python tools/soundness.py [TREE]        # TREE defaults to ~/.cache/ovlint-corpus

The target release's names are checked in the newest release's cached environment (tests/ovenvs.py
builds it on first use). The tests run the same checks on programs of their own."""
from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK_NAMES = """
import importlib, json, sys
missing = []
for name in json.load(sys.stdin):
    parts = name.split(".")
    found = None
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except Exception:
            continue
        try:
            for part in parts[cut:]:
                found = getattr(found, part)
        except AttributeError:
            found = None
        break
    if found is None:
        missing.append(name)
print(json.dumps(missing))
"""


@dataclass
class Report:
    files: int = 0
    findings: int = 0
    fixed_files: int = 0
    lost: list = field(default_factory=list)
    unresolved: list = field(default_factory=list)
    cmake: list = field(default_factory=list)
    invalid: list = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"files {self.files}, findings {self.findings}, files changed by the fix {self.fixed_files}",
                f"lost findings: {len(self.lost)}", f"unresolved openvino names: {len(self.unresolved)}",
                f"CMake branches that no longer configure OpenVINO: {len(self.cmake)}",
                f"OV001 on files CPython compiles: {len(self.invalid)}"]

    @property
    def failures(self) -> int:
        return len(self.lost) + len(self.unresolved) + len(self.cmake) + len(self.invalid)


def ovlint(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ovlint", *args], cwd=cwd, capture_output=True, text=True)


def findings(tree: Path) -> list[dict]:
    """Every finding, with the fix `--fix --unsafe-fixes` would apply (or none)."""
    return json.loads(ovlint("check", "--no-cache", "--unsafe-fixes", "--output-format", "json", ".", cwd=tree).stdout)


def check(tree: Path, openvino_python: Path, work: Path) -> Report:
    copy = work / "tree"
    shutil.copytree(tree, copy, symlinks=True)
    originals = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file() and not p.is_symlink()}
    before = findings(copy)
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--quiet", ".", cwd=copy)
    after = findings(copy)
    changed = {p for p, data in originals.items() if p.read_bytes() != data}
    report = Report(files=len(originals), findings=len(before), fixed_files=len(changed))
    report.lost = lost_findings(before, after, copy, originals, changed)
    report.unresolved = unresolved_names(changed, after, copy, openvino_python)
    report.cmake = broken_cmake_branches(changed, originals)
    report.invalid = valid_but_unparsed(before, copy, originals)
    return report


def _units(path: Path, text: str) -> dict:
    """The lines of each unit of a file: the file itself (None), or each code cell of a notebook."""
    if path.suffix == ".ipynb":
        from ovlint.surfaces import notebook

        try:
            return {cell.index: cell.text.splitlines() for cell in notebook.parse(text).cells}
        except notebook.NotebookError:
            return {}
    return {None: text.splitlines()}


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def lost_findings(before, after, tree: Path, originals: dict, changed=()) -> list[str]:
    """Findings without a fix whose line the fix left as it was, and which are reported there no
    more; not one naming a module of the program the fix `changed`, for which its part waited."""
    waited_for = {f"`{p.name}`" for p in changed} | {f"`{p.stem}`" for p in changed if p.suffix == ".py"}
    def line_of(units, diag):
        cell = None if diag["cell"] is None else diag["cell"] - 1
        lines = units.get(cell, [])
        row = diag["location"]["row"]
        return cell, (lines[row - 1] if 0 < row <= len(lines) else None)

    fixed_units = {}
    remaining = set()
    for diag in after:
        path = tree / diag["filename"]
        units = fixed_units.setdefault(path, _units(path, path.read_text(encoding="utf-8", errors="replace")))
        cell, line = line_of(units, diag)
        remaining.add((diag["filename"], cell, line, diag["code"][:3]))
    lost = []
    for diag in before:
        path = tree / diag["filename"]
        if diag["code"].startswith("OV0") or diag.get("fix") or path not in originals:
            continue
        cell, line = line_of(_units(path, _text(originals[path])), diag)
        units = fixed_units.setdefault(path, _units(path, path.read_text(encoding="utf-8", errors="replace")))
        if not line or not line.strip() or line not in units.get(cell, []):
            continue  # the fix changed the line
        if (diag["filename"], cell, line, diag["code"][:3]) not in remaining \
                and not any(name in diag["message"] for name in waited_for):
            lost.append(f"{diag['filename']}:{diag['location']['row']}: {diag['code']} {diag['message'][:80]}")
    return lost


def openvino_names(source: str) -> dict:
    """Every `openvino` name a module imports or reads through an imported module: name -> line."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    bound, names = {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "openvino":
                    names.setdefault(alias.name, node.lineno)
                    bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else "openvino"
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level \
                and node.module.split(".")[0] == "openvino":
            for alias in node.names:
                if alias.name != "*":
                    names.setdefault(f"{node.module}.{alias.name}", node.lineno)
                    bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            chain, inner = [node.attr], node.value
            while isinstance(inner, ast.Attribute):
                chain.append(inner.attr)
                inner = inner.value
            if isinstance(inner, ast.Name) and inner.id in bound:
                names.setdefault(".".join([bound[inner.id]] + chain[::-1]), node.lineno)
    return names


def unresolved_names(changed, after, tree: Path, openvino_python: Path) -> list[str]:
    """`openvino` names in the fixed Python files the target release lacks, on lines no finding
    points at, below no name imported on such a line (a remaining finding already tells the user:
    `from openvino.tools import pot` reported covers `pot.statistics`)."""
    flagged = {(d["filename"], d["location"]["row"]) for d in after}
    wanted = {}
    for path in changed:
        if path.suffix not in (".py", ".pyi"):
            continue
        name = str(path.relative_to(tree))
        names = openvino_names(path.read_text(encoding="utf-8", errors="replace"))
        reported = [dotted for dotted, line in names.items() if (name, line) in flagged]
        for dotted, line in names.items():
            if (name, line) not in flagged and not any(dotted.startswith(r + ".") for r in reported):
                wanted.setdefault(dotted, f"{name}:{line}")
    if not wanted:
        return []
    result = subprocess.run([str(openvino_python), "-c", CHECK_NAMES], input=json.dumps(sorted(wanted)),
                            capture_output=True, text=True, check=True)
    # a dotted name below a missing one is reported once, at its root
    missing = sorted(json.loads(result.stdout))
    roots = [m for m in missing if not any(m.startswith(other + ".") for other in missing)]
    return [f"{wanted[m]}: {m}" for m in roots]


def broken_cmake_branches(changed, originals: dict) -> list[str]:
    """Branches of fixed CMake files that found OpenVINO (or its legacy packages) and do no more."""
    from ovlint.surfaces import cmake

    def configuring(text: str) -> set:
        commands = cmake.parse(text)
        return {path for command, path in zip(commands, cmake.branches(commands))
                if command.lower == "find_package" and command.arguments
                and command.arguments[0].value.lower() in ("openvino", "inferenceengine", "ngraph")}

    broken = []
    for path in changed:
        if path.name.lower() == "cmakelists.txt" or path.suffix.lower() == ".cmake":
            lost = configuring(_text(originals[path])) - configuring(path.read_text(encoding="utf-8"))
            broken += [f"{path.name}: branch {list(branch)}" for branch in sorted(lost)]
    return broken


def valid_but_unparsed(before, tree: Path, originals: dict) -> list[str]:
    """Python files reported as not parsing (OV001) that CPython compiles."""
    invalid = []
    for diag in before:
        path = tree / diag["filename"]
        if diag["code"] != "OV001" or path.suffix not in (".py", ".pyi") or path not in originals:
            continue
        try:
            compile(originals[path], str(path), "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        invalid.append(f"{diag['filename']}: {diag['message'][:80]}")
    return invalid


def newest_openvino() -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    import ovenvs

    return ovenvs.python("current")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", nargs="?", default=str(Path.home() / ".cache" / "ovlint-corpus"))
    parser.add_argument("--details", action="store_true", help="print each problem found")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        report = check(Path(args.tree).resolve(), newest_openvino(), Path(work))
    for line in report.lines():
        print(line)
    if args.details:
        for kind in ("lost", "unresolved", "cmake", "invalid"):
            for item in getattr(report, kind):
                print(f"  {kind}: {item}")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
