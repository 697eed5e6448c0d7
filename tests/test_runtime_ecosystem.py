"""ovlint with the real tools around it: `pre-commit try-repo` against this checkout, and SARIF
output parsed by models generated from the SARIF 2.1.0 schema."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs
from conftest import write

ROOT = Path(__file__).resolve().parent.parent
LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
pytestmark = pytest.mark.runtime


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
                            GIT_COMMITTER_EMAIL="t@t"))


def test_pre_commit_try_repo(tmp_path):
    pre_commit = ovenvs.python("tools").parent / "pre-commit"
    repo = tmp_path / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    write(repo / "app.py", "from openvino.inference_engine import IECore\n\nie = IECore()\nprint(ie.get_metric('CPU', 'FULL_DEVICE_NAME'))\n")
    write(repo / "requirements.txt", "openvino-dev==2024.6.0\n")
    write(repo / "README.md", "# a project\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "legacy")
    env = dict(os.environ, PRE_COMMIT_HOME=str(ovenvs.CACHE / "pre-commit"))

    def hook(name):
        return subprocess.run([str(pre_commit), "try-repo", str(ROOT), name, "--all-files"], cwd=repo,
                              capture_output=True, text=True, env=env, timeout=900)

    check = hook("ovlint")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "app.py:1:1: OV101" in check.stdout and "requirements.txt:1:1: OV401" in check.stdout
    fix = hook("ovlint-fix")
    assert fix.returncode == 1, fix.stdout + fix.stderr  # files were modified
    assert (repo / "app.py").read_text().startswith("import openvino as ov\n")
    assert (repo / "requirements.txt").read_text() == "openvino==2024.6.0\n"
    again = hook("ovlint")
    assert again.returncode == 0, again.stdout + again.stderr


def test_sarif_parses_with_schema_models(tmp_path):
    write(tmp_path / "app.py", LEGACY)
    write(tmp_path / "requirements.txt", "openvino-dev[onnx]==2024.6.0\n")
    sarif = subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--output-format", "sarif",
                            str(tmp_path)], capture_output=True, text=True).stdout
    (tmp_path / "out.sarif").write_text(sarif)
    probe = ("import json, sys\nfrom sarif_pydantic import Sarif\n"
             "log = Sarif.model_validate(json.load(open(sys.argv[1])))\n"
             "print(len(log.runs[0].results), sum(len(r.fixes or []) for r in log.runs[0].results))\n")
    result = subprocess.run([str(ovenvs.python("tools")), "-c", probe, str(tmp_path / "out.sarif")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["3", "3"]
