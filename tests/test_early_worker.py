"""The worker started before the command line is read: only for named files that use OpenVINO on
more than one core, taken by the pool and giving the same results, and gone with the run if unused."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ovlint.app import early_worker
from ovlint.base.versions import NEWEST
from ovlint.engine import pool, registry, runner

LEGACY = "from openvino.inference_engine import IECore\nie = IECore()\nnet = ie.read_network('m.xml')\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "plain.py").write_text("import os\nprint(os.sep)\n")
    (tmp_path / "notes.txt").write_text("openvino\n")
    return tmp_path


def test_only_python_files_and_notebooks_named_for_a_check_count(files, monkeypatch):
    monkeypatch.chdir(files)
    assert early_worker._named_files(["legacy.py", "plain.py", "notes.txt", "missing.py"]) == ["legacy.py", "plain.py"]
    assert early_worker._named_files(["check", "--fix", "legacy.py"]) == ["legacy.py"]
    assert early_worker._named_files(["--select", "OV1", "legacy.py"]) == ["legacy.py"]
    assert early_worker._named_files(["report", "legacy.py"]) == []
    assert early_worker._named_files(["rules"]) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_the_pool_takes_the_early_worker_and_it_lints_as_any_worker(files, monkeypatch):
    monkeypatch.chdir(files)
    monkeypatch.setattr(early_worker, "_cores", lambda: 2)
    early_worker.start_if_useful(["plain.py"])
    assert pool._spare is None  # no OpenVINO in it: nothing to prepare for
    early_worker.start_if_useful(["check", "plain.py", "legacy.py"])
    spare = pool._take_spare(runner._process_item)
    try:
        assert spare is not None and pool._spare is None
        codes = frozenset(r.code for r in registry.all_rules())
        task = runner.Task(str(files / "legacy.py"), "python", codes, NEWEST, "check", False, 1 << 30, 60)
        spare.submit(0, (task, None), 60)
        assert spare.conn.recv() == runner.process(task)
    finally:
        spare.stop()


def test_a_pool_for_another_function_ends_the_early_worker(files, monkeypatch):
    monkeypatch.chdir(files)
    monkeypatch.setattr(early_worker, "_cores", lambda: 2)
    early_worker.start_if_useful(["legacy.py"])
    spare = pool._spare
    if spare is None:
        pytest.skip("workers are forked on Linux only")
    with pool.Pool(len, 1) as other:
        assert spare not in other.idle and not spare.process.is_alive()
        assert other.map([[1, 2]], timeout=lambda item: 60, crashed=None, timed_out=None) == [2]


def test_not_on_one_core(files, monkeypatch):
    monkeypatch.chdir(files)
    monkeypatch.setattr(early_worker, "_cores", lambda: 1)
    early_worker.start_if_useful(["legacy.py"])
    assert pool._spare is None


def test_an_unused_early_worker_ends_with_the_run(files):
    """`--select OV5` leaves the file nothing to report: no pool runs, and the worker must not stay."""
    script = ("import sys\nfrom ovlint.app import early_worker\nfrom ovlint.engine import pool\n"
              "early_worker._cores = lambda: 2\nearly_worker.start_if_useful(['legacy.py'])\n"
              "print(pool._spare.process.pid if pool._spare else 0, flush=True)\n"
              "sys.argv = ['ovlint', 'check', '--no-cache', '--select', 'OV5', 'legacy.py']\n"
              "from ovlint.app.cli import main\nmain()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=files, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    pid = int(done.stdout.split()[0])
    if pid == 0:
        pytest.skip("workers are forked on Linux only")
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
