"""The benchmark harness runs end to end (a smoke test: no timing is asserted)."""
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"


def test_bench_harness_runs(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.py").write_text("import os\n")
    corpus = tmp_path / "corpus"  # stands for the OpenVINO corpus: files that do and do not mention it
    (corpus / "project").mkdir(parents=True)
    (corpus / "project" / "infer.py").write_text("from openvino.inference_engine import IECore\nie = IECore()\n")
    (corpus / "project" / "other.py").write_text("import os\n")
    result = subprocess.run([sys.executable, str(BENCH), "--runs", "1", "--files", "12", "--large", "40",
                             "--plain", str(plain), "--corpus", str(corpus)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["tree", "files", "command"]
    assert any(line.startswith("real") and line.split()[1] == "1" and "ovlint cold" in line for line in lines)
    assert any(line.startswith("plain") and "grep -rlF openvino" in line for line in lines)
    assert any(line.startswith("1 real vs parse:") for line in lines)
    assert any(line.startswith("2 slowest real file:") and "project/infer.py" in line for line in lines)
    assert any(line.startswith("5b peak memory:") for line in lines)


def test_bench_says_when_it_has_no_corpus(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.py").write_text("import os\n")
    result = subprocess.run([sys.executable, str(BENCH), "--runs", "1", "--files", "4", "--large", "0",
                             "--plain", str(plain), "--corpus", str(tmp_path / "none")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"1 real vs parse: skipped, no OpenVINO corpus at {tmp_path / 'none'}" in result.stdout.splitlines()
