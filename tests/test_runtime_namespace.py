"""`openvino.runtime` fixes import and behave the same under the release they target: the 2024
LTS (only names `openvino` exported since 2023.1 are rewritten) and the newest release (all)."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs
from test_runtime_migration import same

HERE = Path(__file__).parent / "runtime"
pytestmark = pytest.mark.runtime

CASES = [  # program, target, environment of the target, whether the fix leaves nothing behind
    ("names_2023.py", "2024.6", "lts2024", True),
    ("names_2023.py", "2026.4", "current", True),
    ("names_2025.py", "2024.6", "lts2024", False),
    ("names_2025.py", "2026.4", "current", True),
]


@pytest.fixture(scope="module")
def data():
    return ovenvs.models(HERE / "make_models.py")


@pytest.mark.parametrize("name,target,release,complete", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_fixed_module_runs_on_its_target(name, target, release, complete, data, tmp_path):
    program = HERE / "namespaces" / name
    expected = ovenvs.baseline(program, data, "lts2024")
    fixed = tmp_path / name
    shutil.copy(program, fixed)
    result = subprocess.run([sys.executable, "-m", "ovlint", "check", "--fix", "--no-cache", "--select", "OV6",
                             "--target-version", target, str(fixed)], capture_output=True, text=True)
    assert (result.returncode == 0) == complete, result.stdout
    text = fixed.read_text()
    assert ("from openvino.runtime" in text or "import openvino.runtime" in text) != complete
    ran = ovenvs.run(release, fixed, data)
    assert ran.returncode == 0, f"{ran.stderr[-2000:]}\n--- fixed:\n{text}"
    assert not same(expected, json.loads(ran.stdout.strip().splitlines()[-1]))
    if release == "current":
        assert ovenvs.run("current", program, data).returncode != 0, "the original already runs on 2026"
