"""ovlint with the real tools around it: `pre-commit` with the README's snippet, SARIF output
validated against the SARIF 2.1.0 schema, the GitHub Action and the README's CI snippets validated
against SchemaStore's schemas (as check-jsonschema vendors them), and the HTML report rendered by
headless Chromium."""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ovenvs
from conftest import write
from test_release import pre_commit_snippet, release_tag, repository

ROOT = Path(__file__).resolve().parent.parent
LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
pytestmark = pytest.mark.runtime


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
                            GIT_COMMITTER_EMAIL="t@t"))


def _release(tmp_path) -> Path:
    """This checkout's files in a repository whose commit has the release tag, as a release is published."""
    names = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard"], check=True,
                           capture_output=True, text=True).stdout.splitlines()
    release = tmp_path / "ovlint"
    for name in names:
        if (ROOT / name).is_file():
            (release / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, release / name)
    _git(release, "init", "-q")
    _git(release, "add", ".")
    _git(release, "commit", "-qm", "release")
    _git(release, "tag", release_tag())
    return release


def test_pre_commit_runs_the_readme_snippet_as_written(tmp_path):
    """The README's snippet, its repository URL pointed at a tagged copy of this checkout."""
    pre_commit = ovenvs.python("tools").parent / "pre-commit"
    snippet = pre_commit_snippet()
    release = _release(tmp_path)
    repo = tmp_path / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    write(repo / "app.py", "from openvino.inference_engine import IECore\n\nie = IECore()\nprint(ie.get_metric('CPU', 'FULL_DEVICE_NAME'))\n")
    write(repo / "requirements.txt", "openvino-dev==2024.6.0\n")
    write(repo / "README.md", "# a project\n")
    write(repo / ".pre-commit-config.yaml",
          "repos:\n" + textwrap.indent(snippet.replace(f"repo: {repository()}", f"repo: {release}"), "  "))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "legacy")
    env = dict(os.environ, PRE_COMMIT_HOME=str(ovenvs.CACHE / "pre-commit"))

    def hook(name):
        return subprocess.run([str(pre_commit), "run", name, "--all-files"], cwd=repo,
                              capture_output=True, text=True, env=env, timeout=900)

    check = hook("ovlint")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "app.py:1:1: OV101" in check.stdout and "requirements.txt:1:1: OV401" in check.stdout
    fix = hook("ovlint-fix")
    assert fix.returncode == 1, fix.stdout + fix.stderr  # files were modified
    assert (repo / "app.py").read_text().startswith("import openvino as ov\n")
    # replacing `openvino-dev` is unsafe (the project may run its tools): the hook leaves it reported
    assert (repo / "requirements.txt").read_text() == "openvino-dev==2024.6.0\n"
    again = hook("ovlint")
    assert again.returncode == 1 and "OV401" in again.stdout and "OV101" not in again.stdout, again.stdout


# the SARIF 2.1.0 JSON schema (its final release-to-manufacturing revision, rtm.5) as Microsoft's
# SARIF tooling ships it on the npm registry; the digest is the registry's own
SARIF_SCHEMA = ("https://registry.npmjs.org/@microsoft/jest-sarif/-/jest-sarif-1.0.0-beta.0.tgz",
                "sha512-A1fOhPd6Ic5iDk4F9YPw1qNB4XF+7+IviR7xl8r2F6QzQkx5cpY9LsGk2rExiFIEcBbjpVnSmwWGBukASkiQ9A==",
                "package/lib/schemas/sarif-2.1.0-rtm.5.json")
VALIDATE = """import json, sys
from jsonschema import Draft4Validator
validator = Draft4Validator(json.load(open(sys.argv[1])))
for error in validator.iter_errors(json.load(open(sys.argv[2]))):
    print("/".join(map(str, error.absolute_path)), error.message[:200])
"""


def _schema_errors(schema, log, tmp_path) -> list:
    (tmp_path / "log.sarif").write_text(json.dumps(log))
    result = subprocess.run([str(ovenvs.python("tools")), "-c", VALIDATE, str(schema), str(tmp_path / "log.sarif")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.splitlines()


def test_sarif_validates_against_the_schema(tmp_path):
    write(tmp_path / "app.py", LEGACY)
    write(tmp_path / "requirements.txt", "openvino-dev[onnx]==2024.6.0\n")
    write(tmp_path / "Dockerfile", "RUN mo --input_model m.onnx --data_type FP16\n")
    write(tmp_path / "main.cpp", '#include <inference_engine.hpp>\nInferenceEngine::Core ie;\n')
    write(tmp_path / "broken.py", "from openvino.inference_engine import (\n")
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": ["from openvino.inference_engine import IECore\n", "ie = IECore()\n"]}
    write(tmp_path / "demo.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    out = subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--output-format", "sarif",
                          str(tmp_path)], capture_output=True, text=True).stdout
    log = json.loads(out)
    results = log["runs"][0]["results"]
    kinds = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit(".", 1)[-1] for r in results}
    assert {"py", "txt", "cpp", "ipynb"} <= kinds and any(r.get("fixes") for r in results)
    schema = ovenvs.npm_file(*SARIF_SCHEMA)
    assert _schema_errors(schema, log, tmp_path) == []
    # the check can fail: a result without its message is not SARIF
    del results[0]["message"]
    assert any("'message' is a required property" in line for line in _schema_errors(schema, log, tmp_path))


def _chromium() -> str:
    found = os.environ.get("OVLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") \
        or shutil.which("google-chrome")
    assert found, "the HTML report is checked in headless Chromium: install it (Debian: apt-get install chromium)"
    return found


def chromium(tmp_path, *args) -> subprocess.CompletedProcess:
    """Headless Chromium with nothing of its own to do on the network (this machine has none)."""
    return subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'chromium'}", *args],
                          capture_output=True, text=True, timeout=120)


def test_html_report_renders_in_chromium(tmp_path):
    page = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "ovlint", "report", "examples/legacy-app", "--format", "html", "-o",
                    str(page)], cwd=ROOT, check=True, capture_output=True)
    markdown = subprocess.run([sys.executable, "-m", "ovlint", "report", "examples/legacy-app"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert dom.count('<input type="checkbox">') == markdown.count("\n- [ ] ") > 0
    links = set(re.findall(r'href="#([^"]+)"', dom))
    assert links and all(f'id="{anchor}"' in dom for anchor in links)
    assert "<code>ovlint --fix</code>" in dom and "`" not in dom.split("<h2")[0]
    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=1100,1400", f"--screenshot={shot}", page.as_uri())
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1100, 1400)



def _readme_yaml_blocks() -> list:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [textwrap.dedent(body) for _, body in re.findall(r"\n( *)```yaml\n(.*?)\n\1```", text, re.S)]


@pytest.mark.parametrize("schema,marker", [("vendor.github-workflows", "runs-on:"), ("vendor.gitlab-ci", "codequality:")])
def test_readme_ci_snippets_match_their_schemas(schema, marker, tmp_path):
    [snippet] = [block for block in _readme_yaml_blocks() if marker in block]
    (tmp_path / "ci.yml").write_text(snippet)
    check = ovenvs.python("tools").parent / "check-jsonschema"
    result = subprocess.run([str(check), "--builtin-schema", schema, str(tmp_path / "ci.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_action_matches_the_github_actions_schema(tmp_path):
    check = ovenvs.python("tools").parent / "check-jsonschema"
    result = subprocess.run([str(check), "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # the check can fail: an input description with an unquoted ": " is not YAML
    broken = tmp_path / "action.yml"
    broken.write_text((ROOT / "action.yml").read_text().replace('description: "The ovlint to install: a pip',
                                                                 "description: The ovlint to install: a pip"))
    result = subprocess.run([str(check), "--builtin-schema", "vendor.github-actions", str(broken)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Failed to parse" in result.stdout
