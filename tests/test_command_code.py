"""The code of `python -c CODE` is linted by the Python rules wherever the command stands (shell
scripts, Dockerfiles, CI steps, notebooks, Python's own `subprocess` calls), reported where the
code is, and fixed only inside one shell-quoted string that can hold the fix."""
from ovlint.base import versions
from ovlint.base.text import SourceText
from ovlint.engine import registry
from ovlint.engine.command_code import EXPANDED, UNQUOTABLE, WITHOUT_OPENVINO, code_word
from ovlint.engine.fixer import fix_text
from ovlint.engine.linter import lint_text
from ovlint.surfaces import named
from ovlint.surfaces.shell import split_commands

RULES = registry.all_rules()


def lint(kind, text, path="f"):
    return lint_text(path, named(kind), text, RULES, versions.NEWEST).diagnostics


def fixed(kind, text, path="f"):
    return fix_text(path, named(kind), text, RULES, versions.NEWEST, True, SourceText(text).encode).text


def test_the_code_word_is_found_past_interpreter_options_only():
    def index(line):
        return code_word(split_commands(line)[0])

    assert index('python3 -c "import x"') == 2
    assert index('/usr/bin/python3.11 -W ignore -B -c "import x"') == 5
    assert index("python -m openvino.tools.mo -c x") is None
    assert index("python script.py -c x") is None
    assert index("bash -c x") is None


def test_a_shell_script_one_liner_is_reported_at_its_code_and_fixed_in_its_quotes():
    text = ('#!/bin/sh\npython3 -c "from openvino.runtime import Core; print(Core().available_devices)"\n'
            "python3 -c 'import openvino.runtime as ov; print(ov.get_version())'\n")
    found = [(d.code, d.row, d.column, d.fix is not None) for d in lint("shell", text, "smoke.sh")]
    assert found == [("OV601", 2, 13, True), ("OV601", 3, 13, True)]
    assert fixed("shell", text, "smoke.sh") == (
        '#!/bin/sh\npython3 -c "from openvino import Core; print(Core().available_devices)"\n'
        "python3 -c 'import openvino as ov; print(ov.get_version())'\n")


def test_api_1_in_a_dockerfile_run_is_migrated_on_its_line():
    text = 'FROM ubuntu:22.04\nRUN python3 -c "from openvino.inference_engine import IECore; print(IECore().available_devices)"\n'
    assert fixed("dockerfile", text, "Dockerfile") == (
        'FROM ubuntu:22.04\nRUN python3 -c "import openvino as ov; print(ov.Core().available_devices)"\n')
    assert lint("dockerfile", fixed("dockerfile", text, "Dockerfile"), "Dockerfile") == []


def test_an_import_that_checks_the_install_is_reported_not_removed():
    text = 'steps:\n  - run: python -c "from openvino.inference_engine import IECore"\n'
    path = ".github/workflows/ci.yml"
    (diag,) = lint("ci-yaml", text, path)
    assert (diag.code, diag.row, diag.column, diag.fix) == ("OV101", 2, 21, None)
    assert diag.message.endswith(WITHOUT_OPENVINO)
    assert fixed("ci-yaml", text, path) == text


def test_code_in_a_python_list_is_reported_without_a_fix():
    text = 'import subprocess\n\nsubprocess.run(["python3", "-c", "import openvino.runtime as ov"])\n'
    (diag,) = [d for d in lint("python", text, "app.py") if d.row == 3]
    assert (diag.code, diag.column, diag.fix) == ("OV601", 35, None) and diag.message.endswith(UNQUOTABLE)


def test_a_noqa_comment_on_the_line_and_code_that_does_not_parse_stay_silent():
    text = ('python3 -c "import openvino.runtime as ov"  # noqa: OV601\n'
            'python3 -c "import openvino.runtime as ov; print(("\n'
            'python3 -c "import openvino.runtime as $MODULE"\n')
    assert lint("shell", text, "run.sh") == []


def test_the_interpreter_a_module_runs_itself_counts():
    text = 'import subprocess, sys\n\nsubprocess.check_call([sys.executable, "-c", "import openvino.runtime"])\n'
    assert [(d.code, d.row) for d in lint("python", text, "app.py")] == [("OV601", 3)]


def test_code_with_shell_variables_or_in_a_yaml_scalar_is_reported_without_what_it_cannot_hold():
    text = 'python3 -c "import openvino.runtime as ov; print(ov.get_version(), \'$HOME\')"\n'
    (diag,) = lint("shell", text, "run.sh")
    assert diag.code == "OV601" and diag.fix is None and diag.message.endswith(EXPANDED)
    # a plain YAML scalar ends at `: `, which the fix would write
    yaml = ("steps:\n  - run: python -c \"from openvino.inference_engine import IECore; "
            "print(sorted(IECore().get_metric('CPU', 'SUPPORTED_METRICS'), key=lambda k: k))\"\n")
    assert all(d.fix is None for d in lint("ci-yaml", yaml, ".github/workflows/ci.yml"))


def test_a_cmd_step_s_code_is_not_rewritten():
    text = ("jobs:\n  t:\n    runs-on: windows-latest\n    steps:\n      - shell: cmd\n"
            "        run: python -c \"import openvino.runtime as ov\"\n")
    (diag,) = lint("ci-yaml", text, ".github/workflows/ci.yml")
    assert diag.fix is None and "not a POSIX shell" in diag.message
