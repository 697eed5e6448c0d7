"""A C++ project rewritten by ovlint (headers, nGraph aliases, `ov::affinity`, and
`find_package(InferenceEngine)`/`find_package(ngraph)` in CMake) configures and builds against the
OpenVINO developer package inside the newest `openvino` wheel, and its program infers the same
scores as the Python API. Select it alone with `pytest -m runtime -k cmake`."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs

HERE = Path(__file__).parent / "runtime"
pytestmark = pytest.mark.runtime
COMPILER = shutil.which("c++") or shutil.which("g++") or shutil.which("clang++")


@pytest.mark.skipif(COMPILER is None or shutil.which("cmake") is None,
                    reason="needs a C++ compiler and cmake on PATH to build the C++ example")
def test_rewritten_cmake_project_builds_and_runs(tmp_path):
    data = ovenvs.models(HERE / "make_models.py")
    project = tmp_path / "project"
    shutil.copytree(HERE / "cmake_project", project)
    fixed = subprocess.run([sys.executable, "-m", "ovlint", "check", "--fix", "--no-cache", str(project)],
                           capture_output=True, text=True)
    assert fixed.returncode == 0, fixed.stdout
    assert "find_package(OpenVINO REQUIRED COMPONENTS Runtime)" in (project / "CMakeLists.txt").read_text()

    python = ovenvs.python("current")
    package = subprocess.run([str(python), "-c", "import openvino, os; print(os.path.dirname(openvino.__file__))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    build = tmp_path / "build"
    configure = subprocess.run(["cmake", "-S", str(project), "-B", str(build), f"-DOpenVINO_DIR={package}/cmake",
                                f"-DCMAKE_CXX_COMPILER={COMPILER}"], capture_output=True, text=True)
    assert configure.returncode == 0, configure.stdout[-3000:] + configure.stderr[-3000:]
    compiled = subprocess.run(["cmake", "--build", str(build)], capture_output=True, text=True)
    assert compiled.returncode == 0, compiled.stdout[-3000:] + compiled.stderr[-3000:]

    model = str(data / "classifier.xml")
    ran = subprocess.run([str(build / "classify"), model], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    expected = subprocess.run([str(python), str(HERE / "cmake_project" / "expected.py"), model],
                              capture_output=True, text=True, check=True).stdout
    assert ran.stdout.split() == expected.split()
