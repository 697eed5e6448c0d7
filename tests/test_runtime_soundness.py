"""The soundness harness (`tools/soundness.py`) on programs of the project's own: the runtime
programs, the example project, and one small file per construct a fix touches that once went wrong
(imports in try/except, requests kept on a compiled model, a notebook command continued over
lines, CMake branches, tabs after spaces). Fixed with every fix, nothing may be lost, no `openvino`
name of the fixed code may be missing from the newest release, no CMake branch may stop finding
OpenVINO, and no file CPython compiles may be called unparsable."""
import json
import shutil
import sys
from pathlib import Path

import pytest

import ovenvs

pytestmark = pytest.mark.runtime

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import soundness  # noqa: E402

CONSTRUCTS = {
    "vendor_import.py": """\
try:
    from vendor.openvino.inference_engine import IECore
except ImportError:
    from openvino.inference_engine import IECore

ie = IECore()
net = ie.read_network("m.xml")
print(net.layers)
""",
    "kept_requests.py": """\
from openvino.inference_engine import IECore

ie = IECore()


def load(path, requests):
    return ie.load_network(ie.read_network(path), "CPU", num_requests=requests)


pipeline = {"exec": load("m.xml", 2)}
print(pipeline["exec"].requests[1])
""",
    "guarded_runtime.py": """\
try:
    import openvino.runtime as ov
    available = True
except ImportError:
    available = False

if available:
    core = ov.Core()
""",
    "tabs.py": "import openvino.inference_engine as ie\n\nif True:\n        x = 1\n\ty = ie.IECore()\n",
    "CMakeLists.txt": """\
cmake_minimum_required(VERSION 3.13)
project(app)
if(USE_QUIET)
    find_package(InferenceEngine QUIET)
else()
    find_package(InferenceEngine REQUIRED)
endif()
find_package(ngraph REQUIRED)
add_executable(app main.cpp)
target_link_libraries(app ${InferenceEngine_LIBRARIES} ${NGRAPH_LIBRARIES})
""",
}
NOTEBOOK = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": [
    "!mo.py --input_model model.caffemodel \\\n", "    --data_type FP16 \\\n", "    --mean_values [1,2,3]\n",
    "x = 1 \\\n", "    % 2\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_fixing_own_programs_loses_nothing_and_writes_only_what_the_newest_release_has(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "tests" / "runtime" / "programs", tree / "programs")
    shutil.copytree(ROOT / "tests" / "runtime" / "cmake_project", tree / "cmake_project")
    shutil.copytree(ROOT / "examples", tree / "examples")
    for name, text in CONSTRUCTS.items():
        (tree / "constructs").mkdir(exist_ok=True)
        (tree / "constructs" / name).write_text(text)
    (tree / "constructs" / "convert.ipynb").write_text(json.dumps(NOTEBOOK))
    work = tmp_path / "work"
    work.mkdir()
    report = soundness.check(tree, ovenvs.python("current"), work)
    assert report.findings > 300 and report.fixed_files > 30, report.lines()
    assert (report.lost, report.unresolved, report.cmake, report.invalid) == ([], [], [], [])
