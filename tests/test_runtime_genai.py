"""OpenVINO GenAI rules against the real releases: OV702's rename keeps what a program computes
(the same generation configs count as assisted decoding under 2024.6 before the fix and under the
newest release after it), and what OV701 flags fails on the newest release where its how-to works."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs

PROGRAM = Path(__file__).parent / "runtime" / "genai" / "generation_config.py"
pytestmark = pytest.mark.runtime


def test_assisting_generation_fix_keeps_results(tmp_path):
    before = ovenvs.run("lts2024", PROGRAM, tmp_path)
    assert before.returncode == 0, before.stderr[-2000:]
    assert ovenvs.run("current", PROGRAM, tmp_path).returncode != 0, "the original already runs on 2026"
    fixed = tmp_path / PROGRAM.name
    shutil.copy(PROGRAM, fixed)
    result = subprocess.run([sys.executable, "-m", "ovlint", "check", "--fix", "--no-cache", "--target-version",
                             "2026.4", str(fixed)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert fixed.read_text().count("is_assisting_generation()") == 1
    after = ovenvs.run("current", fixed, tmp_path)
    assert after.returncode == 0, after.stderr[-2000:]
    assert json.loads(after.stdout) == json.loads(before.stdout) == [False, True, True]


STREAMERS = """import openvino_genai as ov_genai


class Old(ov_genai.StreamerBase):
    def put(self, token_id):
        return False


class New(ov_genai.StreamerBase):
    def write(self, token):
        return ov_genai.StreamingStatus.RUNNING


try:
    Old().write(5)
    print("old streamer works")
except RuntimeError as error:
    print(error)
print(New().write(5), New().write([1, 2]))
"""


def test_streamer_put_is_flagged_and_fails_where_write_works(tmp_path):
    program = tmp_path / "streamers.py"
    program.write_text(STREAMERS)
    found = subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--output-format", "concise",
                            "--target-version", "2026.4", str(program)], capture_output=True, text=True).stdout
    assert [line.split(": ")[1] for line in found.splitlines() if ": OV" in line] == ["OV701 `StreamerBase.put` "
                                                                                      "was removed in OpenVINO GenAI 2026.0"]
    ran = ovenvs.run("current", program, tmp_path)
    assert ran.stdout.splitlines() == ['Tried to call pure virtual function "StreamerBase::write"',
                                       "StreamingStatus.RUNNING StreamingStatus.RUNNING"], ran.stderr[-2000:]
