"""`ovlint --fix --unsafe-fixes` keeps behaviour: each program in runtime/programs/ is written
against API 1.0 and nGraph. It runs under OpenVINO 2023.3, fails under the newest release, and
after the fix must print the same JSON there (within float tolerance: CPUs with bf16 may round
differently between releases). Select these tests alone with `pytest -m runtime`."""
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs

HERE = Path(__file__).parent / "runtime"
# a program is a module, or a folder of modules run as `main.py`
PROGRAMS = sorted([*(HERE / "programs").glob("*.py"), *(HERE / "programs").glob("*/main.py")])
TOLERANCE = 1e-3

pytestmark = pytest.mark.runtime


@pytest.fixture(scope="module")
def data():
    return ovenvs.models(HERE / "make_models.py")


def ovlint(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ovlint", *args], capture_output=True, text=True)


def same(expected, actual, where="$") -> list[str]:
    """Where two JSON values differ; floats within TOLERANCE count as equal."""
    if isinstance(expected, float) or isinstance(actual, float):
        ok = isinstance(actual, (int, float)) and math.isclose(expected, actual, rel_tol=TOLERANCE, abs_tol=TOLERANCE)
        return [] if ok else [f"{where}: {expected!r} != {actual!r}"]
    if isinstance(expected, dict) and isinstance(actual, dict):
        if expected.keys() != actual.keys():
            return [f"{where}: keys {sorted(expected)} != {sorted(actual)}"]
        return [d for key in expected for d in same(expected[key], actual[key], f"{where}.{key}")]
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{where}: {len(expected)} items != {len(actual)}"]
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in same(e, a, f"{where}[{i}]")]
    return [] if expected == actual else [f"{where}: {expected!r} != {actual!r}"]


def copied(program: Path, into: Path) -> Path:
    """A copy of the program in `into`: the copy of the file it runs."""
    if program.name != "main.py":
        return Path(shutil.copy(program, into / program.name))
    shutil.copytree(program.parent, into, dirs_exist_ok=True)
    return into / "main.py"


def sources(folder: Path) -> dict:
    return {p.name: p.read_text() for p in sorted(folder.glob("*.py"))}


def test_comparison_tells_values_apart():
    assert same({"a": [1.0, "x"]}, {"a": [1.0004, "x"]}) == []
    assert same({"a": [1.0]}, {"a": [1.01]}) and same([1], [1, 2]) and same({"a": 1}, {"b": 1})


@pytest.mark.parametrize("program", PROGRAMS, ids=ovenvs.program_name)
def test_fixed_program_behaves_the_same(program, data, tmp_path):
    expected = ovenvs.baseline(program, data)
    unfixed = ovenvs.run("current", program, data)
    assert unfixed.returncode != 0, "the legacy program already runs on the newest release"

    fixed = copied(program, tmp_path)
    first = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", str(tmp_path))
    assert first.returncode == 0, f"findings remain after the fix:\n{first.stdout}{first.stderr}"
    text = sources(tmp_path)
    second = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", str(tmp_path))
    assert second.returncode == 0 and sources(tmp_path) == text, "a second fix changed the program"

    result = ovenvs.run("current", fixed, data)
    assert result.returncode == 0, f"the fixed program fails:\n{result.stderr[-3000:]}\n--- fixed:\n{text}"
    differences = same(expected, json.loads(result.stdout.strip().splitlines()[-1]))
    assert not differences, "\n".join(differences[:20]) + f"\n--- fixed:\n{text}"


# programs whose migration needs names that first shipped after the pinned release
NEEDS_NEWER = {"ngraph_graphs": "2025.0", "ngraph_builder": "2025.0", "node_comparisons": "2025.0"}  # `openvino.opsetN`


@pytest.mark.parametrize("program", PROGRAMS, ids=ovenvs.program_name)
def test_a_pinned_project_is_fixed_for_its_pin_and_the_newest_release(program, data, tmp_path):
    """In a project pinned to 2023.3 the fixed program runs on 2023.3 and, where every fix was
    possible, on the newest release too, printing what the original printed on 2023.3."""
    expected = ovenvs.baseline(program, data)
    (tmp_path / "requirements.txt").write_text("openvino==2023.3.0\n")
    fixed = copied(program, tmp_path)
    check = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise", str(tmp_path))
    text = fixed.read_text()
    on_pin = ovenvs.run("api1", fixed, data)
    assert on_pin.returncode == 0, f"the fixed program fails on its pinned release:\n{on_pin.stderr[-3000:]}\n{text}"
    assert not same(expected, json.loads(on_pin.stdout.strip().splitlines()[-1]))
    if program.stem in NEEDS_NEWER:
        assert check.returncode == 1 and f"raise the pin to {NEEDS_NEWER[program.stem]} or later" in check.stdout
        return
    assert check.returncode == 0, f"findings remain after the fix:\n{check.stdout}{check.stderr}"
    newest = ovenvs.run("current", fixed, data)
    assert newest.returncode == 0, f"the fixed program fails:\n{newest.stderr[-3000:]}\n--- fixed:\n{text}"
    differences = same(expected, json.loads(newest.stdout.strip().splitlines()[-1]))
    assert not differences, "\n".join(differences[:20]) + f"\n--- fixed:\n{text}"
