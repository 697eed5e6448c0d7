"""OpenVINO GenAI rules against the real releases: OV702's rename keeps what a program computes
(the same generation configs count as assisted decoding under 2024.6 before the fix and under the
newest release after it), and a streamer written for `put` fails on the newest release until
OV701's fix gives it a `write`, after which it sees the same tokens as under 2024.6."""
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


STREAMER = Path(__file__).parent / "runtime" / "genai" / "streamer.py"


def test_streamer_put_fix_keeps_what_the_streamer_sees(tmp_path):
    before = ovenvs.run("lts2024", STREAMER, tmp_path)
    assert before.returncode == 0, before.stderr[-2000:]
    broken = ovenvs.run("current", STREAMER, tmp_path)
    assert 'Tried to call pure virtual function "StreamerBase::write"' in broken.stderr
    fixed = tmp_path / STREAMER.name
    shutil.copy(STREAMER, fixed)
    result = subprocess.run([sys.executable, "-m", "ovlint", "check", "--fix", "--unsafe-fixes", "--no-cache",
                             "--target-version", "2026.4", str(fixed)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "def write(self, token):" in fixed.read_text()
    after = ovenvs.run("current", fixed, tmp_path)
    assert after.returncode == 0, after.stderr[-2000:]
    assert json.loads(after.stdout) == json.loads(before.stdout) == [
        [11, 12, "end"], [11, 12, 13, 14, "end"], [11, 12, 13, 14, 15, 16, 17, "end"]]
