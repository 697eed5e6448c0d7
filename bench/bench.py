#!/usr/bin/env python3
"""Side-by-side timing of ovlint against its peers, for the performance targets:

1. `real`: the Python files of the OpenVINO corpus (--corpus) that mention `openvino` or `ngraph`,
   copied into a tree: ovlint cold on all cores vs one process that only runs
   `libcst.parse_module` on the same files, and vs Fixit 2's published rate (0.5 files/s); skipped,
   with a line saying so, when the corpus is not there;
2. the same files one by one in one process (`ovlint.engine.runner.process`, cold): the slowest;
3. `plain`: a tree without OpenVINO use (the CPython standard library of this interpreter, tests
   left out): ovlint cold vs `ruff check --select NPY201 --no-cache` and `grep -rlF openvino`;
4. pre-commit shape: `ovlint check FILE` on one file that uses OpenVINO and one that does not
   (alternating, five times as many runs: a tenth of a second is within a busy machine's noise);
5. warm cache vs cold (the plain and real trees, and a generated tree of legacy OpenVINO files);
   a `large` generated tree (--large files, 5% of them using OpenVINO): peak memory, and time per
   file compared with a tree a tenth of its size.

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
              "    try:\n"
              "        libcst.parse_module(p.read_text())\n"
              "    except Exception:\n"  # a file that does not parse costs its attempt, as in ovlint
              "        pass\n")
# as a worker runs them (`engine.pool`): the cyclic collector off while a file is linted, run between files
PER_FILE = ("import gc, os, sys, time\n"
            "from ovlint.base.versions import NEWEST\n"
            "from ovlint.engine import registry, runner\n"
            "from ovlint.engine.pool import COLLECT_AFTER\n"
            "codes = frozenset(r.code for r in registry.all_rules())\n"
            "gc.freeze()\n"
            "gc.disable()\n"
            "slowest = (0.0, '')\n"
            "for folder, _, names in sorted(os.walk(sys.argv[1])):\n"
            "    for name in sorted(n for n in names if n.endswith('.py')):\n"
            "        path = os.path.join(folder, name)\n"
            "        start = time.perf_counter()\n"
            "        runner.process(runner.Task(path, 'python', codes, NEWEST, 'check', False, 1 << 30, 3600))\n"
            "        slowest = max(slowest, (time.perf_counter() - start, os.path.relpath(path, sys.argv[1])))\n"
            "        if gc.get_count()[0] > COLLECT_AFTER:\n"
            "            gc.collect()\n"
            "print(f'{slowest[0]:.3f} {slowest[1]}')\n")
DEFAULT_CORPUS = os.path.expanduser("~/.cache/ovlint-corpus")


def copy_real_tree(corpus: str, root: str) -> int:
    """The corpus's Python files that mention `openvino` or `ngraph`, copied under `root`."""
    copied = 0
    for folder, _, names in os.walk(corpus):
        for name in names:
            source = os.path.join(folder, name)
            if not name.endswith(".py"):
                continue
            with open(source, "rb") as handle:
                data = handle.read()
            if b"openvino" in data or b"ngraph" in data:
                relative = os.path.relpath(source, corpus)
                as_repository(os.path.join(root, relative.split(os.sep)[0]))  # a project of the corpus
                target = os.path.join(root, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as handle:
                    handle.write(data)
                copied += 1
    return copied


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


def as_repository(folder: str) -> str:
    """`folder` made the root of a repository, as the projects users lint are (pre-commit runs only
    in one): what ovlint reads around a file (pins, the program's modules) ends there instead of
    in whatever the temporary folder's parents hold."""
    os.makedirs(os.path.join(folder, ".git"), exist_ok=True)
    return folder


def count_files(root: str) -> int:
    return sum(len(names) for _, _, names in os.walk(root))


def default_command() -> str:
    """The `ovlint` script installed next to this interpreter, as users run it; `python -m ovlint`
    would put the linted tree first on the module path (the standard library's copy included)."""
    script = os.path.join(os.path.dirname(sys.executable), "ovlint")
    return script if os.path.exists(script) else f"{sys.executable} -m ovlint"


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
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="the OpenVINO corpus the real tree comes from")
    parser.add_argument("--ovlint", default=default_command(), help="how to run ovlint")
    args = parser.parse_args()
    ovlint = args.ovlint.split()
    check = ovlint + ["check", "--exit-zero", "--output-format", "concise"]
    rows = []
    notes = []
    slowest = None
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "plain")
        shutil.copytree(args.plain, plain, symlinks=True, ignore=shutil.ignore_patterns(
            "site-packages", "__pycache__", "*.pyc", "test", "tests", "idle_test", "config-*"))
        as_repository(plain)
        generated = os.path.join(work, "openvino")
        make_openvino_tree(as_repository(generated), args.files)
        trees = [("plain", plain), ("openvino", generated)]
        real = os.path.join(work, "real")
        if os.path.isdir(args.corpus) and copy_real_tree(args.corpus, real):
            trees.append(("real", real))
        else:
            notes.append(f"1 real vs parse: skipped, no OpenVINO corpus at {args.corpus}")
        for name, root in trees:
            files = count_files(root)  # before the cache folder is there
            subprocess.run(check + ["."], cwd=root, stdout=subprocess.DEVNULL, env=environment())  # fill the cache
            commands = {"ovlint cold": check + ["--no-cache", "."], "ovlint warm": check + ["."]}
            if name == "plain":
                commands["grep -rlF openvino"] = ["grep", "-rlF", "openvino", "."]
                if shutil.which("ruff"):
                    commands["ruff --select NPY201"] = ["ruff", "check", "--select", "NPY201", "--no-cache",
                                                        "--exit-zero", "-q", "."]
            if name == "real":
                commands["libcst parse only, 1 process"] = [sys.executable, "-c", PARSE_ONLY, "."]
                if shutil.which("fixit"):
                    commands["fixit lint"] = ["fixit", "lint", "."]
            for label, median in medians(commands, root, args.runs).items():
                rows.append((name, files, label, median))
            if name == "real":
                if not shutil.which("fixit"):
                    rows.append((name, files, "fixit (published 0.5 files/s)", files / FIXIT_FILES_PER_SECOND))
                out = subprocess.run([sys.executable, "-c", PER_FILE, real], capture_output=True, text=True,
                                     env=environment()).stdout.split(maxsplit=1)
                slowest = (float(out[0]), out[1].strip()) if out else None
        one_ov = os.path.join(generated, "pkg0", "sample0.py")
        one_plain = next(os.path.join(folder, name) for folder, _, names in os.walk(plain)
                         for name in sorted(names) if name.endswith(".py"))
        # a tenth of a second is within the noise of a busy machine: five times the samples
        single = {"pre-commit, file using OpenVINO": check + ["--no-cache", one_ov],
                  "pre-commit, file without": check + ["--no-cache", one_plain]}
        for label, median in medians(single, work, 5 * args.runs).items():
            rows.append(("file", 1, label, median))
        memory = None
        if args.large:
            for files in (args.large // 10, args.large):
                large = os.path.join(work, f"large{files}")
                make_openvino_tree(as_repository(large), files, share=0.05)
                median = medians({"ovlint cold": check + ["--no-cache", "."]}, large, max(1, args.runs // 2))
                rows.append(("large", files, "ovlint cold", median["ovlint cold"]))
                if files == args.large:
                    memory = peak_memory_mb(check + ["--no-cache", "."], large)
    print(f"{'tree':<10}{'files':>7}  {'command':<36}{'median s':>10}{'files/s':>10}")
    for tree, files, label, median in rows:
        print(f"{tree:<10}{files:>7}  {label:<36}{median:>10.3f}{files / median if median else 0:>10.0f}")
    if memory is not None:
        print(f"peak memory, large tree: {memory:.0f} MB")
    if slowest is not None:
        print(f"slowest file of the real tree, alone in one process: {slowest[1]} {slowest[0]:.3f} s")
    print()
    for line in notes + verdicts(rows, memory, slowest):
        print(line)
    return 0


def verdicts(rows: list, memory, slowest) -> list[str]:
    """One line per target: the measured ratio and whether it is met."""
    value = {(tree, label): median for tree, _, label, median in rows}
    lines = []

    def verdict(name, ratio, limit, detail):
        lines.append(f"{name}: {detail} -> {ratio:.2f} (target <= {limit}) {'met' if ratio <= limit else 'MISSED'}")

    if ("real", "ovlint cold") in value:
        cold = value[("real", "ovlint cold")]
        verdict("1 real vs parse", cold / value[("real", "libcst parse only, 1 process")], 1,
                "ovlint cold (all cores) / parse only")
        fixit = value.get(("real", "fixit lint")) or value.get(("real", "fixit (published 0.5 files/s)"))
        lines.append(f"1' real vs fixit: ovlint is {fixit / cold:.0f}x faster")
    if slowest is not None:
        verdict("2 slowest real file", slowest[0], 2, f"seconds ({slowest[1]})")
    cold = value[("plain", "ovlint cold")]
    if ("plain", "ruff --select NPY201") in value:
        ruff = value[("plain", "ruff --select NPY201")]
        verdict("3 plain vs ruff", cold / ruff, 2, "ovlint cold / ruff")
        lines.append(f"3' plain vs ruff, moonshot: {cold / ruff:.2f} (<= 1) {'met' if cold <= ruff else 'not yet'}")
    lines.append(f"3'' plain vs grep: ovlint cold / grep -> {cold / value[('plain', 'grep -rlF openvino')]:.2f}")
    verdict("4a pre-commit, OpenVINO file", value[("file", "pre-commit, file using OpenVINO")], 0.25, "seconds")
    verdict("4b pre-commit, plain file", value[("file", "pre-commit, file without")], 0.12, "seconds")
    for tree in ("plain", "openvino", "real"):
        if (tree, "ovlint cold") in value:
            verdict(f"5a warm/cold {tree}", value[(tree, "ovlint warm")] / value[(tree, "ovlint cold")], 0.25,
                    "warm / cold")
    large = sorted((count, median) for (tree, count, label, median) in rows if tree == "large")
    if len(large) == 2 and memory is not None:
        (small_n, small_t), (big_n, big_t) = large
        verdict("5b peak memory", memory, 300, "MB")
        verdict("5c linear growth", (big_t / big_n) / (small_t / small_n), 1.25, "time per file, large / tenth")
    return lines


if __name__ == "__main__":
    sys.exit(main())
