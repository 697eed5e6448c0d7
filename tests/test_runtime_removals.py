"""OV605 against the real releases: a 2025.1 program whose PostponedConstant maker fills its
argument fails on the newest release, OV605 flags it, and the maker written as its message says
gives the same results there."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs

PROGRAM = Path(__file__).parent / "runtime" / "removals" / "postponed_constant.py"
pytestmark = pytest.mark.runtime
MIGRATED_MAKER = '''def fill():
    tensor = ov.Tensor(ov.Type.f32, ov.Shape([4]))
    tensor.data[:] = DATA
    return tensor
'''


def test_postponed_constant_maker(tmp_path):
    before = ovenvs.run("v2025_1", PROGRAM, tmp_path)
    assert before.returncode == 0, before.stderr[-2000:]
    broken = ovenvs.run("current", PROGRAM, tmp_path)
    assert "missing 1 required positional argument" in broken.stderr
    found = subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--output-format", "concise",
                            "--target-version", "2026.4", str(PROGRAM)], capture_output=True, text=True).stdout
    assert [line.split(": ")[0].rsplit("/", 1)[-1] for line in found.splitlines() if ": OV" in line] == \
        ["postponed_constant.py:19:57"]
    assert "`tensor = ov.Tensor(ov.Type.f32, ov.Shape([4]))`" in found
    source = PROGRAM.read_text()
    old_maker = source[source.index("def fill(tensor):"):source.index("\n\n\nweights")] + "\n"
    migrated = tmp_path / PROGRAM.name
    migrated.write_text(source.replace(old_maker, MIGRATED_MAKER))
    after = ovenvs.run("current", migrated, tmp_path)
    assert after.returncode == 0, after.stderr[-2000:]
    assert json.loads(after.stdout) == json.loads(before.stdout) == [0.0, 2.0, 4.0, 6.0]
    rerun = subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--target-version", "2026.4",
                            str(migrated)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stdout
