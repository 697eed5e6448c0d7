#!/usr/bin/env python3
"""Side-by-side timing of ovlint against its peers, for the five performance targets:

1. `plain`: a tree without OpenVINO use (the CPython standard library of this interpreter, tests
   left out): ovlint cold vs `ruff check --select NPY201 --no-cache` and `grep -rlF openvino`;
2. `openvino`: a generated tree of realistic legacy OpenVINO files (Python, notebooks,
   requirements, shell scripts): ovlint cold vs one process that only runs `libcst.parse_module`
   on its Python files, and vs Fixit 2 (when installed; else its published rate, 0.5 files/s);
3. warm cache vs cold on both trees;
4. pre-commit shape: `ovlint check FILE` on one file that uses OpenVINO and one that does not;
5. a `large` tree (--large files, 5% of them using OpenVINO): peak memory, and time per file
   compared with a tree a tenth of its size.

Commands run alternately, --runs times each; medians are printed, with each target's verdict.
`python bench/bench.py --help` for options. Nothing here is asserted by the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

LEGACY_PY = '''"""Sample {i}."""
import numpy as np
from openvino.inference_engine import IECore


def run_{i}(xml):
    ie = IECore()
    net = ie.read_network(model=xml, weights=xml[:-4] + ".bin")
    exec_net = ie.load_network(network=net, device_name="CPU", num_requests=2)
    name = next(iter(net.input_info))
    return exec_net.infer({{name: np.zeros(net.input_info[name].input_data.shape)}})
'''
PLAIN_PY = '''"""Module {i}: no OpenVINO here."""
import os


def walk_{i}(root):
    return [name for name in os.listdir(root) if not name.startswith(".")]
'''
NOTEBOOK = {"cells": [
    {"cell_type": "markdown", "metadata": {}, "source": ["# Convert\n"]},
    {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
     "source": ["%pip install openvino-dev[onnx]==2023.3.0\n", "!mo --input_model model.onnx\n",
                "from openvino.inference_engine import IECore\n", "ie = IECore()\n"]},
], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
FIXIT_FILES_PER_SECOND = 0.5  # Fixit 2, default rules, on the 2-core reference machine
PARSE_ONLY = ("import libcst, pathlib, sys\n"
              "for p in pathlib.Path(sys.argv[1]).rglob('*.py'):\n"
              "    libcst.parse_module(p.read_text())\n")


def make_openvino_tree(root: str, files: int, share: float = 1.0) -> None:
    """`files` files; `share` of them use OpenVINO (a tenth notebooks, a tenth requirements)."""
    every = max(1, round(1 / share)) if share < 1 else 1
    for i in range(files):
        folder = os.path.join(root, f"pkg{i // 50}")
        os.makedirs(folder, exist_ok=True)
        if i % every:
            with open(os.path.join(folder, f"module{i}.py"), "w") as handle:
                handle.write(PLAIN_PY.format(i=i))
            continue
        kind = (i // every) % 10
        if kind == 8:
            with open(os.path.join(folder, f"notebook{i}.ipynb"), "w") as handle:
                json.dump(NOTEBOOK, handle, indent=1)
        elif kind == 9:
            with open(os.path.join(folder, f"requirements{i}.txt"), "w") as handle:
                handle.write("numpy<2\nopenvino-dev[onnx]==2023.3.0\n")
        else:
            with open(os.path.join(folder, f"sample{i}.py"), "w") as handle:
                handle.write(LEGACY_PY.format(i=i))


def count_files(root: str) -> int:
    return sum(len(names) for _, _, names in os.walk(root))


def environment() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure an installed ovlint, with its bytecode
    return env


def timed(command: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment())
    return time.perf_counter() - start


def peak_memory_mb(command: list[str], cwd: str) -> float:
    """The largest resident set of the command or any process it started."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True,
                         env=environment()).stdout
    return int(out.strip() or 0) / 1024


def medians(commands: dict, cwd: str, runs: int) -> dict:
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            times[label].append(timed(command, cwd))
    return {label: statistics.median(values) for label, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=500, help="files in the generated OpenVINO tree")
    parser.add_argument("--large", type=int, default=20000, help="files in the large tree (0: skip it)")
    parser.add_argument("--plain", default=sysconfig.get_paths()["stdlib"], help="tree without OpenVINO use")
    parser.add_argument("--ovlint", default=f"{sys.executable} -m ovlint", help="how to run ovlint")
    args = parser.parse_args()
    ovlint = args.ovlint.split()
    check = ovlint + ["check", "--exit-zero", "--output-format", "concise"]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "plain")
        shutil.copytree(args.plain, plain, symlinks=True, ignore=shutil.ignore_patterns(
            "site-packages", "__pycache__", "*.pyc", "test", "tests", "idle_test", "config-*"))
        generated = os.path.join(work, "openvino")
        make_openvino_tree(generated, args.files)
        for name, root in (("plain", plain), ("openvino", generated)):
            subprocess.run(check + ["."], cwd=root, stdout=subprocess.DEVNULL, env=environment())  # fill the cache
            commands = {"ovlint cold": check + ["--no-cache", "."], "ovlint warm": check + ["."],
                        "grep -rlF openvino": ["grep", "-rlF", "openvino", "."]}
            if name == "plain" and shutil.which("ruff"):
                commands["ruff --select NPY201"] = ["ruff", "check", "--select", "NPY201", "--no-cache",
                                                    "--exit-zero", "-q", "."]
            if name == "openvino":
                commands["libcst parse only, 1 process"] = [sys.executable, "-c", PARSE_ONLY, "."]
                if shutil.which("fixit"):
                    commands["fixit lint"] = ["fixit", "lint", "."]
            files = count_files(root)
            for label, median in medians(commands, root, args.runs).items():
                rows.append((name, files, label, median))
            if name == "openvino" and not shutil.which("fixit"):
                rows.append((name, files, "fixit (published 0.5 files/s)", files / FIXIT_FILES_PER_SECOND))
        one_ov = os.path.join(generated, "pkg0", "sample0.py")
        one_plain = next(os.path.join(folder, name) for folder, _, names in os.walk(plain)
                         for name in sorted(names) if name.endswith(".py"))
        for label, path in (("pre-commit, file using OpenVINO", one_ov), ("pre-commit, file without", one_plain)):
            rows.append(("file", 1, label, medians({label: check + ["--no-cache", path]}, work, args.runs)[label]))
        memory = None
        if args.large:
            for files in (args.large // 10, args.large):
                large = os.path.join(work, f"large{files}")
                make_openvino_tree(large, files, share=0.05)
                median = medians({"ovlint cold": check + ["--no-cache", "."]}, large, max(1, args.runs // 2))
                rows.append(("large", files, "ovlint cold", median["ovlint cold"]))
                if files == args.large:
                    memory = peak_memory_mb(check + ["--no-cache", "."], large)
    print(f"{'tree':<10}{'files':>7}  {'command':<36}{'median s':>10}{'files/s':>10}")
    for tree, files, label, median in rows:
        print(f"{tree:<10}{files:>7}  {label:<36}{median:>10.3f}{files / median if median else 0:>10.0f}")
    if memory is not None:
        print(f"peak memory, large tree: {memory:.0f} MB")
    print()
    for line in verdicts(rows, memory):
        print(line)
    return 0


def verdicts(rows: list, memory) -> list[str]:
    """One line per target: the measured ratio and whether it is met."""
    value = {(tree, label): median for tree, _, label, median in rows}
    lines = []

    def verdict(name, ratio, limit, detail):
        lines.append(f"{name}: {detail} -> {ratio:.2f} (target <= {limit}) {'met' if ratio <= limit else 'MISSED'}")

    cold = value[("plain", "ovlint cold")]
    if ("plain", "ruff --select NPY201") in value:
        verdict("1a plain vs ruff", cold / value[("plain", "ruff --select NPY201")], 1, "ovlint cold / ruff")
    verdict("1b plain vs grep", cold / value[("plain", "grep -rlF openvino")], 3, "ovlint cold / grep")
    verdict("2 openvino vs parse", value[("openvino", "ovlint cold")] /
            value[("openvino", "libcst parse only, 1 process")], 1, "ovlint cold (all cores) / parse only")
    fixit = value.get(("openvino", "fixit lint")) or value.get(("openvino", "fixit (published 0.5 files/s)"))
    lines.append(f"2' openvino vs fixit: ovlint is {fixit / value[('openvino', 'ovlint cold')]:.0f}x faster")
    for tree in ("plain", "openvino"):
        verdict(f"3 warm/cold {tree}", value[(tree, "ovlint warm")] / value[(tree, "ovlint cold")], 0.25, "warm / cold")
    verdict("4a pre-commit, OpenVINO file", value[("file", "pre-commit, file using OpenVINO")], 0.35, "seconds")
    verdict("4b pre-commit, plain file", value[("file", "pre-commit, file without")], 0.15, "seconds")
    large = sorted((count, median) for (tree, count, label, median) in rows if tree == "large")
    if len(large) == 2 and memory is not None:
        (small_n, small_t), (big_n, big_t) = large
        verdict("5a peak memory", memory, 300, "MB")
        verdict("5b linear growth", (big_t / big_n) / (small_t / small_n), 1.25, "time per file, large / tenth")
    return lines


if __name__ == "__main__":
    sys.exit(main())
