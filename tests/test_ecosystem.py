"""CI output formats, baselines, `--add-noqa` and the Python API."""
import json
from xml.etree import ElementTree

import ovlint
from conftest import write

LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"


def test_github_annotations(ovlint, tmp_path):
    write(tmp_path / "a,b.py", LEGACY)
    code, out, _ = ovlint("--no-cache", "--output-format", "github")
    first = out.splitlines()[0]
    assert code == 1
    assert first.startswith("::error title=ovlint (OV101),file=a%2Cb.py,line=1,col=1,endLine=1,endColumn=45::OV101 ")


def test_gitlab_code_quality_fingerprints_survive_moved_lines(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    _, out, _ = ovlint("--no-cache", "--output-format", "gitlab")
    before = json.loads(out)
    write(tmp_path / "app.py", "# a new first line\n" + LEGACY)
    _, out, _ = ovlint("--no-cache", "--output-format", "gitlab")
    after = json.loads(out)
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] for i in after] == [2, 4]
    assert {i["check_name"] for i in after} == {"OV101", "OV102"} and all(i["severity"] == "major" for i in after)


def test_sarif_has_rules_results_and_fixes(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    _, out, _ = ovlint("--no-cache", "--output-format", "sarif")
    log = json.loads(out)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "ovlint"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["OV101", "OV102"]
    result = run["results"][1]
    assert result["ruleId"] == "OV102" and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert {"deletedRegion": {"startLine": 3, "startColumn": 6, "endLine": 3, "endColumn": 12},
            "insertedContent": {"text": "ov.Core"}} in replacement


def test_junit_and_json_lines(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    _, out, _ = ovlint("--no-cache", "--output-format", "junit")
    suites = ElementTree.fromstring(out.split("?>", 1)[1])
    assert suites.get("failures") == "2" and suites.find("testsuite").get("name") == "app.py"
    _, out, _ = ovlint("--no-cache", "--output-format", "json-lines")
    assert [json.loads(line)["code"] for line in out.splitlines()] == ["OV101", "OV102"]
    write(tmp_path / "app.py", "import os\n")
    _, out, _ = ovlint("--no-cache", "--output-format", "junit")
    assert ElementTree.fromstring(out.split("?>", 1)[1]).get("failures") == "0"


def test_baseline_reports_only_new_findings(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    code, _, err = ovlint("--no-cache", "--write-baseline", "baseline.json")
    assert code == 0 and "wrote 2 finding(s)" in err
    write(tmp_path / "app.py", "import os\n\n" + LEGACY)  # the old findings moved down
    assert ovlint("--no-cache", "--baseline", "baseline.json")[0] == 0
    write(tmp_path / "app.py", "import os\n\n" + LEGACY + "other = IECore()\n")
    code, out, _ = ovlint("--no-cache", "--baseline", "baseline.json", "--output-format", "concise")
    assert code == 1 and out.splitlines()[0].startswith("app.py:6:9: OV102") and "OV101" not in out
    write(tmp_path / "bad.json", "{}")
    code, _, err = ovlint("--no-cache", "--baseline", "bad.json")
    assert code == 2 and "not an ovlint baseline" in err


def test_add_noqa_silences_every_finding_in_place(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY + "x = IECore()  # noqa: OV2\n")
    write(tmp_path / "requirements.txt", "openvino-dev==2024.6.0\n")
    write(tmp_path / "build.sh", "mo --input_model m.onnx \\\n   --output_dir ir\n")
    code, _, err = ovlint("--no-cache", "--add-noqa")
    assert code == 0 and "added 4 noqa comment(s)" in err
    assert (tmp_path / "app.py").read_text() == (
        "from openvino.inference_engine import IECore  # noqa: OV101\n\nie = IECore()  # noqa: OV102\n"
        "x = IECore()  # noqa: OV102, OV2\n")
    assert (tmp_path / "requirements.txt").read_text() == "openvino-dev==2024.6.0  # noqa: OV401\n"
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert out.splitlines()[0].startswith("build.sh:1:1: OV201")  # a continued line cannot take a comment
    assert not any(line.startswith(("app.py", "requirements.txt")) for line in out.splitlines())


def test_add_noqa_after_a_docstring_holding_its_quote_character(ovlint, tmp_path):
    write(tmp_path / "app.py", "'''It's the \"demo\" app.'''\n" + LEGACY)
    code, _, err = ovlint("--no-cache", "--add-noqa", "app.py")
    assert code == 0 and "added 2 noqa comment(s)" in err
    assert (tmp_path / "app.py").read_text().splitlines()[1:] == [
        "from openvino.inference_engine import IECore  # noqa: OV101", "", "ie = IECore()  # noqa: OV102"]


def test_add_noqa_comments_the_lines_of_notebook_cells(ovlint, tmp_path):
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
             for source in (["from openvino.inference_engine import IECore\n", "DOC = \"\"\"a\n", "b\"\"\"\n"],
                            ["!mo --input_model m.onnx\n", "ie = IECore()"])]
    cells.append({"cell_type": "markdown", "metadata": {}, "source": ["https://github.com/openvinotoolkit/"
                                                                      "openvino_notebooks/tree/main/notebooks"]})
    write(tmp_path / "nb.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    code, _, err = ovlint("--no-cache", "--add-noqa")
    assert code == 0 and "added 3 noqa comment(s)" in err
    fixed = json.loads((tmp_path / "nb.ipynb").read_text())["cells"]
    assert fixed[0]["source"] == ["from openvino.inference_engine import IECore  # noqa: OV101\n", "DOC = \"\"\"a\n",
                                  "b\"\"\"\n"]
    assert fixed[1]["source"] == ["!mo --input_model m.onnx  # noqa: OV201\n", "ie = IECore()  # noqa: OV102"]
    assert fixed[2] == cells[2]
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert [line.split(":")[1] for line in out.splitlines() if " OV" in line] == ["cell 3"]  # a Markdown cell's


def test_python_api():
    found = ovlint.lint_source(LEGACY, "app.py")
    assert [(d.code, d.row) for d in found] == [("OV101", 1), ("OV102", 3)]
    fixed, remaining = ovlint.fix_source(LEGACY, "app.py")
    assert fixed == "import openvino as ov\n\nie = ov.Core()\n" and remaining == []
    assert [d.code for d in ovlint.lint_source("openvino-dev\n", "requirements.txt", select=["OV4"])] == ["OV401"]
    assert ovlint.lint_source(LEGACY, "app.py", ignore=["OV1"]) == []


def test_report_markdown_and_html(ovlint, tmp_path):
    from html.parser import HTMLParser

    write(tmp_path / "app.py", LEGACY + "exec_net = ie.load_network('m.xml', 'CPU')\nexec_net.get_idle_request_id()\n")
    write(tmp_path / "requirements.txt", "openvino-dev==2024.6.0\n")
    code, out, _ = ovlint("report", ".")
    assert code == 0
    assert "| findings | 5 |" in out and "| OV4xx openvino-dev and its tools | 1 |" in out
    assert "- [ ] `app.py:5:10` [OV104](#ov104-executable-network): `exec_net.get_idle_request_id()`" in out
    assert "| pinned release (fixes must run on it too) | 2024.6 (requirements.txt:1) |" in out
    assert "| removed in 2024.0 | 4 |\n| removed in 2025.0 | 1 |" in out
    code, _, _ = ovlint("report", ".", "--format", "html", "-o", "report.html")
    page = (tmp_path / "report.html").read_text()

    class Checker(HTMLParser):
        boxes, tables = 0, 0

        def handle_starttag(self, tag, attrs):
            self.boxes += tag == "input"
            self.tables += tag == "table"

    checker = Checker()
    checker.feed(page)
    assert code == 0 and checker.tables == 5 and checker.boxes == 5  # every finding but none --fix applies
    assert page.startswith("<!DOCTYPE html>") and "&lt;" not in page.split("<h1")[0]


def test_fix_run_writes_a_report_of_what_it_did(ovlint, tmp_path):
    write(tmp_path / "requirements.txt", "openvino-dev==2024.6.0\n")
    write(tmp_path / "app.py", LEGACY)
    code, _, _ = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "--report", "migration.md")
    text = (tmp_path / "migration.md").read_text()
    assert "## Fixed in this run" in text and "| [OV401](#ov401-openvino-dev-requirement) | 1 |" in text
    assert "| [OV102](#ov102-ie-core) | 1 |" in text and "| findings | 0 |" in text


def test_add_noqa_never_puts_a_comment_where_docker_or_yaml_would_not_read_one(ovlint, tmp_path):
    dockerfile = ("FROM ubuntu:20.04\n"
                  "ENV InferenceEngine_DIR=/opt/intel/openvino_2021/deployment_tools/inference_engine/share\n"
                  "ENTRYPOINT [\"mo\", \"--input_model\", \"/m/a.onnx\"]\n"
                  "RUN mo --input_model a.onnx --output_dir ir\n")
    workflow = ("jobs:\n  convert:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - run: mo --input_model b.onnx\n          --output_dir out\n"
                "      - run: >-\n          omz_downloader --name x &&\n          mo --input_model d.onnx\n")
    write(tmp_path / "Dockerfile", dockerfile)
    write(tmp_path / ".github" / "workflows" / "ci.yml", workflow)
    code, _, err = ovlint("--no-cache", "--add-noqa", ".")
    assert code == 0 and "added 2 noqa comment(s)" in err and "4 finding(s) cannot take a noqa comment" in err
    # a `#` after ENV is an error to Docker, and after an exec-form array it makes a shell command
    assert (tmp_path / "Dockerfile").read_text() == dockerfile.replace(
        "--output_dir ir\n", "--output_dir ir  # noqa: OV201\n")
    # a `#` inside a scalar YAML folds into one line ends it, or comments out what is folded after it
    assert (tmp_path / ".github" / "workflows" / "ci.yml").read_text() == workflow.replace(
        "mo --input_model d.onnx\n", "mo --input_model d.onnx  # noqa: OV201\n")


def test_a_conda_environment_is_recognised_by_its_content_under_any_name(ovlint, tmp_path):
    write(tmp_path / "openvino.yml", "name: ov\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.9\n"
                                     "  - pip\n  - pip:\n      - openvino-dev[onnx]==2023.3.0\n")
    write(tmp_path / "Chart.yaml", "apiVersion: v2\nname: app\ndependencies:\n  - name: openvino-dev\n"
                                   "    version: 1.0.0\n")  # a Helm chart's dependencies are charts
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and out.splitlines()[0].startswith("openvino.yml:8:9: OV401") and "Chart.yaml" not in out


def test_an_exec_form_array_continued_over_lines_is_read(ovlint, tmp_path):
    """Docker joins the lines a trailing backslash continues before it reads the JSON array."""
    write(tmp_path / "Dockerfile", 'FROM ubuntu:20.04\nCMD ["server", \\\n    "--model", '
                                   '"/opt/intel/openvino/deployment_tools/intel_models/a.xml"]\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and "Dockerfile:3:17: OV508 `deployment_tools/intel_models` is a 2021 path" in out


def test_a_workdir_in_the_2021_layout_is_read_as_the_folder_the_next_instructions_run_in(ovlint, tmp_path):
    write(tmp_path / "Dockerfile", "FROM ubuntu:18.04\nENV OV=/opt/intel/openvino\n"
                                   "WORKDIR ${OV}/deployment_tools/model_optimizer/install_prerequisites\n"
                                   "RUN ./install_prerequisites_onnx.sh\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "Dockerfile:3:9: OV508 `deployment_tools/model_optimizer` is a 2021 path" in out
    assert "Migrating from OpenVINO 2021.4 (Dockerfile:3)" in out
