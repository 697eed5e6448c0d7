"""The benchmark harness runs end to end (a smoke test: no timing is asserted)."""
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"


def test_bench_harness_runs(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.py").write_text("import os\n")
    result = subprocess.run([sys.executable, str(BENCH), "--runs", "1", "--files", "12", "--large", "40",
                             "--plain", str(plain)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["tree", "files", "command"]
    assert any(line.startswith("openvino") and "ovlint cold" in line for line in lines)
    assert any(line.startswith("plain") and "grep -rlF openvino" in line for line in lines)
    assert any(line.startswith("2 openvino vs parse:") for line in lines)
    assert any(line.startswith("5a peak memory:") for line in lines)
