#!/usr/bin/env python3
"""Checks that this checkout of ovlint reports and fixes exactly what BASE_REF does on a tree of
real code (by default the OpenVINO corpus, ~/.cache/ovlint-corpus): the JSON findings and the
`--diff --unsafe-fixes` output, for the default target and each `--target`.

    python bench/same_results.py BASE_REF [--tree DIR] [--target 2026.4 --target 2024.0]

BASE_REF is checked out with `git archive` into a temporary folder and run with this
interpreter's dependencies; its outputs are kept in ~/.cache/ovlint-same-results/<commit>/, so
comparing again after each change runs only this checkout. Exits 1 when anything differs, and
prints the first differences."""
from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
CACHE = Path.home() / ".cache" / "ovlint-same-results"
DEFAULT_TREE = Path.home() / ".cache" / "ovlint-corpus"


def commands(targets: list[str]) -> dict[str, list[str]]:
    """Each output compared, by a file name, with the ovlint arguments producing it."""
    found = {}
    for target in [None, *targets]:
        extra = ["--target-version", target] if target else []
        suffix = f"-{target}" if target else ""
        found[f"findings{suffix}.json"] = ["check", "--no-cache", "--exit-zero", "--output-format", "json", *extra, "."]
        found[f"fixes{suffix}.diff"] = ["check", "--no-cache", "--diff", "--unsafe-fixes", *extra, "."]
    return found


def run_all(source: Path, tree: Path, targets: list[str], out: Path) -> None:
    """Run the ovlint in `source` (a checkout whose `rules/` is importable as `ovlint.rules`)."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(source))
    for name, args in commands(targets).items():
        result = subprocess.run([sys.executable, "-m", "ovlint", *args], cwd=tree, env=env,
                                capture_output=True, text=True)
        if result.returncode not in (0, 1):
            raise SystemExit(f"ovlint {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
        (out / name).write_text(result.stdout)
    shutil.rmtree(tree / ".ovlint_cache", ignore_errors=True)


def importable_checkout(ref: str, folder: Path) -> Path:
    """The files of `ref` laid out as the wheel installs them: `rules/` inside `ovlint/`."""
    archive = subprocess.run(["git", "-C", str(HERE), "archive", ref, "ovlint", "rules"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder)
    (folder / "rules").rename(folder / "ovlint" / "rules")
    return folder


def compare(base: Path, head: Path, names) -> list[str]:
    problems = []
    for name in names:
        old, new = (base / name).read_text(), (head / name).read_text()
        if name.endswith(".json"):
            size = len(json.loads(old))
            what = f"{size} findings"
        else:
            size = old.count("\n")
            what = f"{size} diff lines"
        if old == new:
            print(f"{name}: identical ({what})")
        else:
            problems.append(name)
            print(f"{name}: DIFFERENT ({what} before)")
            sys.stdout.writelines(list(difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True), "base", "head", n=1))[:60])
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base_ref")
    parser.add_argument("--tree", type=Path, default=DEFAULT_TREE)
    parser.add_argument("--target", action="append", default=None, help="also compare at this target release")
    args = parser.parse_args()
    if not args.tree.is_dir():
        print(f"no tree at {args.tree}: nothing compared")
        return 0
    targets = args.target if args.target is not None else ["2026.4", "2024.0"]
    commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", args.base_ref], capture_output=True, text=True,
                            check=True).stdout.strip()
    base = CACHE / f"{commit}-{args.tree.resolve().as_posix().replace('/', '_')}"
    with tempfile.TemporaryDirectory() as work:
        missing = [n for n in commands(targets) if not (base / n).exists()]
        if missing:
            run_all(importable_checkout(commit, Path(work) / "base"), args.tree, targets, base)
        head = Path(work) / "head"
        run_all(HERE, args.tree, targets, head)
        problems = compare(base, head, commands(targets))
    print("same results" if not problems else f"results differ in {', '.join(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
