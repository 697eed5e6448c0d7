#!/usr/bin/env python3
"""Side-by-side timing of ovlint and `grep -rlF openvino` on two trees:

* `plain`: a tree with no OpenVINO use (the CPython standard library of this interpreter);
* `openvino`: a generated tree of realistic legacy OpenVINO files (Python, notebooks,
  requirements, shell scripts).

Prints the median wall time of each command over --runs runs (alternating), files/s, and the
ratio to grep. `python bench/bench.py --help` for options. No timing is asserted anywhere.
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
NOTEBOOK = {"cells": [
    {"cell_type": "markdown", "metadata": {}, "source": ["# Convert\n"]},
    {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
     "source": ["%pip install openvino-dev[onnx]==2023.3.0\n", "!mo --input_model model.onnx\n",
                "from openvino.inference_engine import IECore\n", "ie = IECore()\n"]},
], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def make_openvino_tree(root: str, files: int) -> None:
    for i in range(files):
        folder = os.path.join(root, f"pkg{i // 50}")
        os.makedirs(folder, exist_ok=True)
        kind = i % 10
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


def timed(command: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench(name: str, root: str, runs: int, ovlint: list[str]) -> list[tuple]:
    files = count_files(root)
    commands = {
        "ovlint cold (--no-cache)": ovlint + ["check", "--no-cache", "--exit-zero", "-q", "."],
        "ovlint warm (cache)": ovlint + ["check", "--exit-zero", "-q", "."],
        "grep -rlF openvino": ["grep", "-rlF", "openvino", "."],
    }
    if shutil.which("ruff"):
        commands["ruff check --select NPY201 --no-cache"] = ["ruff", "check", "--select", "NPY201", "--no-cache",
                                                              "--exit-zero", "-q", "."]
    subprocess.run(commands["ovlint warm (cache)"], cwd=root, stdout=subprocess.DEVNULL)  # fill the cache
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            times[label].append(timed(command, root))
    grep = statistics.median(times["grep -rlF openvino"])
    rows = []
    for label, values in times.items():
        median = statistics.median(values)
        rows.append((name, files, label, median, files / median if median else 0.0, median / grep if grep else 0.0))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=500, help="files in the generated OpenVINO tree")
    parser.add_argument("--plain", default=sysconfig.get_paths()["stdlib"], help="tree without OpenVINO use")
    parser.add_argument("--ovlint", default=f"{sys.executable} -m ovlint", help="how to run ovlint")
    args = parser.parse_args()
    ovlint = args.ovlint.split()
    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "plain")
        shutil.copytree(args.plain, plain, ignore=shutil.ignore_patterns("site-packages", "__pycache__", "*.pyc"),
                        symlinks=True)
        generated = os.path.join(work, "openvino")
        make_openvino_tree(generated, args.files)
        rows = bench("plain", plain, args.runs, ovlint) + bench("openvino", generated, args.runs, ovlint)
    print(f"{'tree':<10}{'files':>7}  {'command':<40}{'median s':>10}{'files/s':>10}{'x grep':>8}")
    for tree, files, label, median, rate, ratio in rows:
        print(f"{tree:<10}{files:>7}  {label:<40}{median:>10.3f}{rate:>10.0f}{ratio:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
