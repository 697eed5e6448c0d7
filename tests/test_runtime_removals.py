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


TYPE_PROGRAM = '''import json
import warnings

from openvino.runtime import Type

warnings.simplefilter("ignore")
kind = Type.undefined
print(json.dumps([kind == Type.dynamic, kind.is_dynamic()]))
'''


@pytest.mark.parametrize("pin,release", [("2023.3.0", "api1"), ("2025.1.0", "v2025_1")])
def test_type_undefined_is_rewritten_only_where_it_is_already_dynamic(tmp_path, pin, release):
    """`Type.undefined` became another name of `Type.dynamic` in 2025.1; before, the two are
    different types. A project pinned before it keeps `undefined` (and is told why); one pinned
    at it gets `dynamic`. Either way the fixed program prints on its release what it printed."""
    program = tmp_path / "element_kind.py"
    program.write_text(TYPE_PROGRAM)
    (tmp_path / "requirements.txt").write_text(f"openvino=={pin}\n")
    before = ovenvs.run(release, program, tmp_path)
    assert before.returncode == 0, before.stderr[-2000:]
    fixed = subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--fix", "--output-format",
                            "concise", str(tmp_path)], capture_output=True, text=True).stdout
    text = program.read_text()
    if release == "api1":
        assert json.loads(before.stdout) == [False, False]
        assert "kind = Type.undefined" in text and "the fix needs OpenVINO 2025.1" in fixed
    else:
        assert json.loads(before.stdout) == [True, True]
        assert "kind = Type.dynamic" in text
        newest = ovenvs.run("current", program, tmp_path)
        assert newest.returncode == 0 and json.loads(newest.stdout) == [True, True], newest.stderr[-2000:]
    after = ovenvs.run(release, program, tmp_path)
    assert after.returncode == 0 and after.stdout == before.stdout, after.stderr[-2000:]
