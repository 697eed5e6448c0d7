"""Each surface hands rules the right facts with exact positions, and fixes land where they should."""
import json
import sys

import libcst
import pytest

from ovlint.engine.fixer import fix_text
from ovlint.engine.linter import lint_text
from ovlint.surfaces import conda, named, notebook, pipfile, pyproject, requirements_txt, setup_cfg
from ovlint.surfaces.requirement import from_pip_command
from ovlint.surfaces.shell import from_python_string, split_commands
from ovlint.base.text import SourceText

from conftest import write
from probes import DevPackageProbe, LinkProbe, MoProbe
from trivia import TRIVIA

PROBES = [MoProbe, DevPackageProbe, LinkProbe]


def found(kind, text, path="f"):
    doc = lint_text(path, named(kind), text, PROBES, "2026.4")
    return [(d.code, d.message, d.cell, d.row, d.column, d.end_row, d.end_column) for d in doc.diagnostics]


def fixed(kind, text, path="f"):
    return fix_text(path, named(kind), text, PROBES, "2026.4", False, SourceText(text).encode).text


# -- shell lexer -------------------------------------------------------------------------------

def test_shell_words_keep_quotes_out_of_values_and_spans_in_the_text():
    text = 'FOO=1 mo --input_model "my model.onnx" --output_dir $OUT && echo done\n'
    first, second = split_commands(text)
    assert first.argv == ["mo", "--input_model", "my model.onnx", "--output_dir", "$OUT"]
    assert [text[w.start:w.end] for w in first.words][2] == '"my model.onnx"'
    assert first.words[4].expanded
    assert second.argv == ["echo", "done"]


def test_shell_skips_comments_heredocs_and_redirections_and_keywords():
    text = ("# mo --input_model commented\n"
            "if true; then mo -m a.onnx; fi\n"
            "cat <<END > out.txt\nmo inside a heredoc\nEND\n"
            "mo -m b.onnx 2>&1 | tee log\n")
    argvs = [c.argv for c in split_commands(text)]
    assert ["mo", "-m", "a.onnx"] in argvs
    assert ["mo", "-m", "b.onnx"] in argvs
    assert ["cat"] in argvs and ["tee", "log"] in argvs
    assert not any("inside" in a for argv in argvs for a in argv)


def test_command_substitutions_are_commands_of_their_own():
    from ovlint.surfaces.shell import Variables

    text = ('x=$(mo --input_model b.onnx)\ny=`mo --input_model c.onnx`\n'
            'echo "$(echo $(mo --input_model d.onnx))"\nz=$((1 + 2))\n')
    commands = split_commands(text)
    mo = [c for c in commands if c.argv[0] == "mo"]
    assert [c.argv[2] for c in mo] == ["b.onnx", "c.onnx", "d.onnx"]
    assert all(text[c.words[0].start:c.words[0].end] == "mo" for c in mo)
    assert not any(c.argv[0].startswith(("1", "(")) for c in commands)  # arithmetic is no command
    # a lone word is Azure Pipelines' `$(name)` variable, not a tool run without arguments
    assert [c.argv for c in split_commands("echo $(pot) $(Build.SourcesDirectory)\n")] == [
        ["echo", "$(pot)", "$(Build.SourcesDirectory)"]]
    # in a Makefile `$(NAME)` is a variable
    assert split_commands("echo $(MO_ARGS)\n", variables=Variables(make=True))[0].argv[0] == "echo"
    assert len(split_commands("echo $(MO_ARGS)\n", variables=Variables(make=True))) == 1


def test_a_variable_appended_to_holds_its_whole_value(ovlint, tmp_path):
    """`+=` appends: the command run is the first value and what was added, in a shell (joined as
    written) and in Make (joined by a space); before it, the added part alone was taken for it."""
    text = 'CMD="mo --input_model m.onnx"\nCMD+=" --data_type FP32"\nFRESH+="ovc m.onnx"\n$CMD\n$FRESH\n'
    commands = split_commands(text)
    assert [c.resolved_argv for c in commands[-2:]] == [
        ["mo", "--input_model", "m.onnx", "--data_type", "FP32"], ["ovc", "m.onnx"]]
    # what another branch, or another `if`, appended is not there
    branches = ('P=""\nif [ "$D" = GPU ]; then\n  P+="gpu"\nelif [ "$D" = NPU ]; then\n  P+="npu"\nelse\n'
                '  P+="ie-config=CPU_BIND_THREAD=NO"\nfi\nif [ -n "$X" ]; then P+=" x"; fi\n'
                'if true; then\n  P+=" nireq=4"\nfi\necho $P\n')
    echo = split_commands(branches)[-1]
    assert echo.words[1].resolved == " nireq=4"
    inner = split_commands(branches.replace('  P+=" nireq=4"\n', '  P+="a"\n  P+="b"\n'))[-1]
    assert inner.words[1].resolved == "ab"  # in one branch, one after the other
    # set in each branch and nowhere else: what one of them set
    after = 'if [ -n "$F" ]; then C="mo --compress_to_fp16"; else C="mo"; fi\nC+=" --input_model m.onnx"\n$C\n'
    assert split_commands(after)[-1].resolved_argv == ["mo", "--input_model", "m.onnx"]
    write(tmp_path / "Makefile", "MO = mo --input_model m.onnx\nMO += --data_type FP16\nconvert:\n\t$(MO)\n")
    write(tmp_path / "convert.sh", text)
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert code == 1 and [line.split(" ")[:2] for line in out.splitlines()[:2]] == [
        ["Makefile:4:2:", "OV201"], ["convert.sh:4:1:", "OV201"]]


def test_the_command_a_container_runs_is_unwrapped_too():
    text = 'docker run --rm -v $PWD:/w img bash -c "mo --input_model a.onnx &&\n  omz_downloader --name b"\n'
    argvs = [c.argv for c in split_commands(text)]
    assert ["mo", "--input_model", "a.onnx"] in argvs and ["omz_downloader", "--name", "b"] in argvs
    assert ["mo", "--input_model", "m.onnx"] in [c.argv for c in split_commands(
        "docker run --pull always --rm img mo --input_model m.onnx\n")]  # `always` is no image
    mo = next(c for c in split_commands(text) if c.argv[0] == "mo")
    assert text[mo.words[0].start:mo.words[0].end] == "mo"


def test_a_dockerfile_here_document_is_the_script_its_shell_runs():
    from ovlint.surfaces.dockerfile import commands

    text = ("FROM ubuntu:22.04\nRUN <<EOT\nset -e\nmo --input_model y.onnx\nEOT\n"
            "RUN <<-EOT bash\n\tmo --input_model z.onnx\n\tEOT\n"
            "RUN <<EOF python3\nprint('mo --input_model p.onnx')\nEOF\n"
            "COPY <<EOF /app/run.sh\nmo --input_model c.onnx\nEOF\nRUN mo --input_model b.onnx\n")
    found = [c for c in commands(text) if c.argv[0] == "mo"]
    assert [c.argv[2] for c in found] == ["y.onnx", "z.onnx", "b.onnx"]  # not a Python script, nor a copied file
    assert all(text[c.words[0].start:c.words[0].end] == "mo" for c in found)


def test_onbuild_and_healthcheck_run_the_instruction_they_hold():
    from ovlint.surfaces.dockerfile import commands

    text = ("FROM ubuntu\nONBUILD RUN mo --input_model a.onnx\n"
            "HEALTHCHECK --interval=5m CMD benchmark_app -m a.xml\nHEALTHCHECK NONE\n")
    assert [c.argv[0] for c in commands(text)] == ["mo", "benchmark_app"]
    mo = commands(text)[0]
    assert text[mo.words[0].start:mo.words[0].end] == "mo"


def test_quoted_assignments_set_variables_and_quoted_values_keep_their_place():
    from ovlint.surfaces.shell import value_span

    text = 'MO="python3 /opt/mo.py"\n$MO --input_model m.onnx\n"X=1" echo\nenv OPTS="-a b" run\n'
    first, second, third = split_commands(text)  # the assignment alone is no command
    assert first.resolved_argv == ["python3", "/opt/mo.py", "--input_model", "m.onnx"]
    assert second.argv == ["X=1", "echo"]  # a quoted name is no assignment
    assert third.argv == ["run"] and [w.value for w in third.assignments] == ["OPTS=-a b"]
    (opts,) = third.assignments
    assert text[slice(*value_span(text, opts, 5, 9))] == "-a b"
    assert value_span(text, opts, 3, 7) is None  # across the opening quote


def test_shell_continuation_joins_lines():
    text = "mo \\\n  --input_model m.onnx \\\n  --output_dir out\n"
    (command,) = split_commands(text)
    assert command.argv == ["mo", "--input_model", "m.onnx", "--output_dir", "out"]


# -- carriers ----------------------------------------------------------------------------------

def test_shell_script_position_and_fix():
    text = "#!/bin/sh\nset -e\n  mo --input_model m.onnx  # convert\n"
    assert found("shell", text) == [("OV999", "mo --input_model m.onnx", None, 3, 3, 3, 26)]
    assert fixed("shell", text) == "#!/bin/sh\nset -e\n  ovc --input_model m.onnx  # convert\n"


def test_dockerfile_env_values_are_words_of_an_env_command():
    from ovlint.surfaces.dockerfile import commands as from_dockerfile

    text = ("FROM ubuntu:20.04\n"
            "ENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH}:/opt/lib \\\n"
            "    MODE=\"a b\"\n"
            "env MO_PATH /opt/mo.py\n")
    commands = from_dockerfile(text)
    assert [c.argv for c in commands] == [["env", "LD_LIBRARY_PATH=${LD_LIBRARY_PATH}:/opt/lib", "MODE=a b"],
                                          ["env", "MO_PATH", "/opt/mo.py"]]
    assert [text[w.start:w.end] for w in commands[0].words] == ["ENV", "LD_LIBRARY_PATH=${LD_LIBRARY_PATH}:/opt/lib",
                                                                'MODE="a b"']


def test_dockerfile_run_with_continuations_and_comment_lines():
    text = ("FROM python:3.10\n"
            "RUN pip install openvino-dev==2023.3 && \\\n"
            "# a comment inside the instruction\n"
            "    mo --input_model /m.onnx \\\n"
            "       --output_dir /ir\n"
            'CMD ["mo", "--help"]\n'
            "# RUN mo --commented\n")
    result = found("dockerfile", text)
    assert ("OV998", "pip-install:openvino-dev==2023.3", None, 2, 17, 2, 37) in result
    assert ("OV999", "mo --input_model /m.onnx --output_dir /ir", None, 4, 5, 5, 24) in result
    assert ("OV999", "mo --help", None, 6, 7, 6, 19) in result
    assert len(result) == 3
    out = fixed("dockerfile", text)
    assert "RUN pip install openvino==2023.3 && \\\n" in out
    assert "    ovc --input_model /m.onnx \\\n" in out
    assert 'CMD ["ovc", "--help"]' in out


def test_makefile_recipes_only():
    text = "mo: model.onnx\n\t@mo --input_model $< \\\n\t  --output_dir ir\nall:\n\techo mo\n"
    assert found("makefile", text) == [("OV999", "mo --input_model $< --output_dir ir", None, 2, 3, 3, 19)]


def test_github_actions_and_gitlab_ci():
    github = ("jobs:\n  build:\n    steps:\n      - run: mo --input_model a.onnx\n"
              "      - name: convert\n        run: |\n          pip install openvino-dev\n"
              "          mo --input_model b.onnx\n      - uses: actions/checkout@v4\n")
    result = found("ci-yaml", github, ".github/workflows/ci.yml")
    assert [(r[0], r[3], r[4]) for r in result] == [("OV999", 4, 14), ("OV998", 7, 23), ("OV999", 8, 11)]
    gitlab = ("convert:\n  script:\n    - pip install 'openvino-dev[onnx]'\n    - mo --input_model c.onnx\n"
              "  image: python\n")
    result = found("ci-yaml", gitlab, ".gitlab-ci.yml")
    assert [(r[0], r[1], r[3], r[4]) for r in result] == [
        ("OV998", "pip-install:openvino-dev[onnx]", 3, 20), ("OV999", "mo --input_model c.onnx", 4, 7)]
    assert "- pip install 'openvino[onnx]'" in fixed("ci-yaml", gitlab, ".gitlab-ci.yml")


def test_yaml_folds_lines_of_folded_blocks_and_plain_scalars_into_one_command():
    """YAML turns the line breaks of a `>` block (between lines at its own indentation) and of a
    plain scalar that goes on over more lines into spaces: the shell gets one command."""
    github = ("jobs:\n  build:\n    steps:\n      - run: >\n          mo --input_model a.onnx\n"
              "          --output_dir ir\n\n          echo done\n"
              "      - run: mo --input_model b.onnx\n          --output_dir ir\n      - name: x\n"
              "        run: |\n          mo --input_model c.onnx\n          --output_dir ir\n")
    result = found("ci-yaml", github, ".github/workflows/ci.yml")
    assert [(r[1], r[3]) for r in result] == [("mo --input_model a.onnx --output_dir ir", 5),
                                             ("mo --input_model b.onnx --output_dir ir", 9),
                                             ("mo --input_model c.onnx", 13)]
    gitlab = "convert:\n  script:\n    - mo --input_model d.onnx\n      --output_dir ir\n  image: python\n"
    assert [r[1] for r in found("ci-yaml", gitlab, ".gitlab-ci.yml")] == ["mo --input_model d.onnx --output_dir ir"]


def test_yaml_folds_lines_of_a_quoted_scalar_into_one_command():
    """A quoted scalar that goes on over more lines: YAML turns each line break into a space. One
    whose value is not its text so read (an escape, a blank line) is not read over its lines."""
    github = ("jobs:\n  build:\n    steps:\n      - run: \"mo --input_model a.onnx\n          --output_dir ir\"\n"
              "      - run: 'mo --input_model b.onnx\n          --output_dir ir'\n"
              "      - run: \"mo --input_model c.onnx \\\n          --output_dir ir\"\n"
              "      - run: 'mo --input_model d''s.onnx\n          --output_dir ir'\n"
              "      - run: \"mo --input_model e.onnx --output_dir ir # then\n          --model_name foo\"\n")
    result = found("ci-yaml", github, ".github/workflows/ci.yml")
    assert [(r[1], r[3]) for r in result] == [("mo --input_model a.onnx --output_dir ir", 4),
                                             ("mo --input_model b.onnx --output_dir ir", 6)]
    assert '- run: "ovc --input_model a.onnx\n          --output_dir ir"\n' in fixed("ci-yaml", github, ".github/workflows/ci.yml")


def test_ci_pipelines_kept_elsewhere_are_recognised_by_content(ovlint, tmp_path):
    write(tmp_path / "ci/nightly.yml", "name: nightly\non: push\njobs:\n  models:\n    runs-on: ubuntu-22.04\n"
          "    steps:\n      - uses: actions/checkout@v4\n      - run: omz_downloader --name resnet-50-tf\n")
    write(tmp_path / "ci/templates/quantize.yaml", "build:\n  stage: test\n  script:\n"
          "    - pot -c quantization.json\n")
    write(tmp_path / "pipelines/steps.yml", "parameters:\n- name: os\nsteps:\n- script: |\n"
          "    python3 deployment_manager.py --targets cpu\n")
    write(tmp_path / ".github/actions/setup/action.yml", "name: setup\nruns:\n  using: composite\n  steps:\n"
          "    - run: accuracy_check -c ac.yml\n      shell: bash\n")
    # YAML that is not CI stays silent, whatever its keys hold
    write(tmp_path / "config.yml", "tool:\n  run: pot -c q.json\nsteps: [accuracy_check]\n")
    write(tmp_path / "k8s/job.yaml", "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n"
          "      containers:\n      - name: get\n        command: [\"omz_downloader\", \"--all\"]\n")
    write(tmp_path / "compose.yml", "services:\n  convert:\n    command: pot -c q.json\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", ".")
    flagged = sorted({line.split(":")[0] for line in out.splitlines() if "OV402" in line})
    assert flagged == [".github/actions/setup/action.yml", "ci/nightly.yml", "ci/templates/quantize.yaml",
                       "pipelines/steps.yml"]
    assert code == 1


def test_python_subprocess_and_os_system_literals():
    text = ("import os\nimport subprocess as sp\n"
            "sp.run(['mo', '--input_model', path])\n"
            "os.system('mo --input_model x.onnx')\n"
            "run(['mo'])  # not subprocess\n"
            "mo = 3\n")
    result = found("python", text)
    assert [(r[1], r[3], r[4], r[6]) for r in result] == [
        ("mo --input_model path", 3, 10, 36), ("mo --input_model x.onnx", 4, 12, 35)]
    out = fixed("python", text)
    assert "sp.run(['ovc', '--input_model', path])" in out and "os.system('ovc --input_model x.onnx')" in out


def test_commands_a_module_docstring_or_a_message_shows_are_commands_and_prose_is_not():
    text = ('"""Export a model.\n\nRequirements:\n    $ pip install onnx openvino-dev  # CPU\n\n'
            "Usage:\n    mo --input_model m.onnx\n    Run it on a laptop, mo --input_model works there too.\n\n"
            'Example:\n    mo = Exporter()\nInstallation is easy: pip install openvino-dev and run.\n"""\n'
            "from utils import check_requirements\n\n\n"
            "def export():\n"
            '    """Usage:\n        mo --input_model m.onnx\n    """\n'
            "    check_requirements(('openvino-dev>=2023.0', 'onnx'))\n"
            '    print("Install it with pip install openvino-dev first.")\n'
            '    print("Run `mo --input_model m.onnx` and `mo = 3` later")\n'
            '    raise SystemExit("missing tools: `pip install openvino-dev`")\n')
    result = [(r[1], r[3]) for r in found("python", text)]
    assert result == [("pip-install:openvino-dev", 4), ("mo --input_model m.onnx", 7),
                      ("python-call:openvino-dev>=2023.0", 21), ("mo --input_model m.onnx", 23),
                      ("pip-install:openvino-dev", 24)]


def links(kind, text, path="f"):
    return [(r[1], r[2], r[3], r[4]) for r in found(kind, text, path) if r[0] == "OV997"]


def test_links_in_code_commands_prose_and_markdown_cells_but_not_comments():
    python = ('import subprocess\n# https://in.a/comment\nurl = "https://a.example/x.py"\n'
              'page = f"https://b.example/{name}/y"\nsubprocess.run(["wget", "https://c.example/z"])\n')
    assert links("python", python) == [("https://a.example/x.py", None, 3, 8), ("https://b.example/", None, 4, 10),
                                        ("https://c.example/z", None, 5, 26)]
    shell = 'URL="https://d.example/a b" # https://in.a/comment\nwget "$URL" https://e.example/f.\n'
    assert links("shell", shell) == [("https://d.example/a", None, 2, 6), ("https://e.example/f", None, 2, 13)]
    markdown = ("Read [this](https://g.example/h), or <https://i.example/j>.\n<!-- https://in.a/comment -->\n"
                "```sh\ncurl -O https://k.example/l\n```\n")
    assert links("markdown", markdown, "README.md") == [("https://g.example/h", None, 1, 13),
                                                         ("https://i.example/j", None, 1, 39),
                                                         ("https://k.example/l", None, 4, 9)]
    notebook = _notebook(("markdown", ["# Title\n", "See https://o.example/p"]), ("code", "x = 'https://m.example/n'"))
    assert links("notebook", notebook) == [("https://o.example/p", 0, 2, 5), ("https://m.example/n", 1, 1, 6)]


def test_setup_py_requirements():
    text = "from setuptools import setup\nsetup(install_requires=['numpy', 'openvino-dev>=2023.0'],\n" \
           "      extras_require={'x': ['openvino_dev']})\n"
    result = found("python", text, "setup.py")
    assert [(r[1], r[3], r[4]) for r in result] == [
        ("setup-py:openvino-dev>=2023.0", 2, 35), ("setup-py:openvino_dev", 3, 30)]
    assert found("python", text, "other.py") == []


# -- notebooks ---------------------------------------------------------------------------------

def _notebook(*cells):
    return json.dumps({"cells": [
        {"cell_type": kind, "metadata": {}, "source": source, **({"outputs": [], "execution_count": None}
                                                               if kind == "code" else {})}
        for kind, source in cells], "metadata": {"kernelspec": {"name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def test_notebook_cells_magics_and_positions():
    text = _notebook(
        ("markdown", ["Run `mo` first\n"]),
        ("code", ["%pip install openvino-dev\n", "!mo --input_model m.onnx\n", "x = 1\n", "x?\n"]),
        ("code", ["%%bash\n", "mo --input_model n.onnx\n"]),
        ("code", ["files = !ls\n", "if x:\n", "    !mo -m k.onnx\n"]),
    )
    result = found("notebook", text, "n.ipynb")
    assert [(r[0], r[2], r[3], r[4]) for r in result] == [
        ("OV998", 1, 1, 14), ("OV999", 1, 2, 2), ("OV999", 2, 2, 1), ("OV999", 3, 3, 6)]


def test_an_indented_escape_that_starts_a_cell_is_read_as_ipython_runs_it():
    """IPython takes a cell's first indentation off its lines: ` !ls` runs, and the cell's Python,
    and the rest of the notebook with it, is read; an escape inside a block keeps its indentation."""
    text = _notebook(("code", [" !mo --input_model m.onnx\n", "\t%pip install openvino-dev\n", "x = 1\n"]),
                     ("code", ["if x:\n", "    !mo -m k.onnx\n"]))
    doc = lint_text("n.ipynb", named("notebook"), text, PROBES, "2026.4")
    assert doc.parsed and [(d.code, d.cell, d.row) for d in doc.diagnostics] == [
        ("OV999", 0, 1), ("OV998", 0, 2), ("OV999", 1, 2)]


def test_prompts_of_the_python_shell_are_read_as_ipython_takes_them_off():
    """IPython takes `... ` off a cell's lines when its second line has it: a block pasted from a
    session parses, and the rest of the notebook is read."""
    text = _notebook(("code", ["for name in names:\n", "...     !mo -m k.onnx\n", "...     print(name)\n"]),
                     ("code", ["x = 1\n", "y = 2\n", "...     !mo -m n.onnx\n"]))
    doc = lint_text("n.ipynb", named("notebook"), text, PROBES, "2026.4")
    assert [(d.code, d.cell, d.row) for d in doc.diagnostics] == [("OV999", 0, 2), ("OV001", 1, 3)]


def test_notebook_fix_changes_only_the_cell_source():
    text = _notebook(("code", ["import os\n", "!mo --input_model m.onnx\n"]), ("code", ["print(1)"]))
    data = json.loads(text)
    data["cells"][0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["é ok\n"]}]
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    out = fixed("notebook", text, "n.ipynb")
    expected = text.replace('"!mo --input_model m.onnx\\n"', '"!ovc --input_model m.onnx\\n"')
    assert out == expected


def test_broken_notebooks_are_reported_not_raised():
    for text in ("{not json", '{"nbformat": 4}', '[1, 2]', '{"cells": [{"cell_type": "code", "source": 3}]}'):
        doc = lint_text("n.ipynb", named("notebook"), text, PROBES, "2026.4")
        assert [d.code for d in doc.diagnostics] == ["OV001"] and not doc.parsed
    old = '{"nbformat": 3, "worksheets": [{"cells": [{"cell_type": "code", "input": ["import os"]}]}]}'
    (found,) = lint_text("n.ipynb", named("notebook"), old, PROBES, "2026.4").diagnostics
    assert "nbformat 3" in found.message and "nbconvert" in found.message


def _all_rules():
    from ovlint.engine import registry

    return list(registry.all_rules())


def test_a_writefile_cell_is_linted_as_a_module_of_its_own_and_fixed_below_its_magic():
    text = _notebook(
        ("code", ["from openvino.inference_engine import IECore\n"]),
        ("code", ["%%writefile infer.py\n", "from openvino.inference_engine import IECore\n", "ie = IECore()\n",
                  "net = ie.read_network(model='m.xml')\n"]),
        ("code", ["%%writefile -a 'more.py'\n", "core = IECore()\n"]),  # no import here: not IECore
        ("code", ["!python3 infer.py\n", "core = IECore()\n"]))
    doc = lint_text("n.ipynb", named("notebook"), text, _all_rules(), "2026.4")
    assert [(d.code, d.cell, d.row, d.column) for d in doc.diagnostics] == [
        ("OV101", 0, 1, 1), ("OV101", 1, 2, 1), ("OV102", 1, 3, 6), ("OV102", 1, 4, 10), ("OV102", 3, 2, 8)]
    out = fix_text("n.ipynb", named("notebook"), text, _all_rules(), "2026.4", True, SourceText(text).encode)
    cells = ["".join(c["source"]) for c in json.loads(out.text)["cells"]]
    assert cells[1] == "%%writefile infer.py\nimport openvino as ov\nie = ov.Core()\nnet = ie.read_model(model='m.xml')\n"
    assert cells[2] == "%%writefile -a 'more.py'\ncore = IECore()\n" and out.diagnostics == []
    again = fix_text("n.ipynb", named("notebook"), out.text, _all_rules(), "2026.4", True, SourceText(out.text).encode)
    assert again.text == out.text and again.applied == []


def test_a_writefile_module_that_does_not_parse_leaves_the_other_cells_joined():
    text = _notebook(("code", ["from openvino.inference_engine import IECore\n"]),
                     ("code", ["%%writefile old.py\n", "def f(:\n"]),
                     ("code", ["ie = IECore()\n"]))
    doc = lint_text("n.ipynb", named("notebook"), text, _all_rules(), "2026.4")
    assert [(d.code, d.cell, d.row, d.column) for d in doc.diagnostics] == [
        ("OV101", 0, 1, 1), ("OV001", 1, 2, 7), ("OV102", 2, 1, 6)]  # the import of cell 1 is known in cell 3


def test_an_edit_of_a_writefile_magic_line_leaves_its_cell_as_it_was():
    text = _notebook(("code", ["%%writefile app.py\n", "x = 1\n"]), ("code", ["y = 2\n"]))
    doc = notebook.read(text)
    texts = doc.unit_texts()
    texts[("module", 0)] = "import os\n" + texts[("module", 0)]
    assert doc.rebuild(texts) == text
    texts[("module", 0)] = "%%writefile app.py\nimport os\nx = 1\n"
    assert json.loads(doc.rebuild(texts))["cells"][0]["source"] == ["%%writefile app.py\n", "import os\n", "x = 1\n"]


def test_a_writefile_shell_script_cell_is_read_as_shell_commands():
    text = _notebook(("code", ["%%writefile run.sh\n", "mo --input_model m.onnx\n"]),
                     ("code", ["%%writefile notes.txt\n", "mo --input_model m.onnx\n"]))
    assert [(r[0], r[2], r[3], r[4]) for r in found("notebook", text, "n.ipynb")] == [("OV999", 0, 2, 1)]


def test_notebook_masking_keeps_offsets():
    cell = notebook._cell(0, "a = 1\n!pip install x\nb = !ls\nif a:\n  %time f()\ny?\nz??  \n?a\n", None)
    assert len(cell.python) == len(cell.text)
    compile(cell.python, "cell", "exec")


# -- dependency files --------------------------------------------------------------------------

def test_requirements_file_markers_hashes_and_comments():
    text = ("numpy==1.26  # pinned\n-r base.txt\nOpenVINO_Dev[onnx]==2023.3 ; python_version < '3.12'\n"
            "openvino-dev==2024.6.0 \\\n    --hash=sha256:abc\n# openvino-dev==1\n")
    reqs = requirements_txt.from_requirements_file(text)
    assert [(r.name, r.extras, r.specifier, r.hashed) for r in reqs] == [
        ("numpy", (), "==1.26", False), ("openvino-dev", ("onnx",), "==2023.3", False),
        ("openvino-dev", (), "==2024.6.0", True)]
    dev = reqs[1]
    assert text[dev.name_start:dev.name_end] == "OpenVINO_Dev"
    assert text[dev.start:dev.end] == "OpenVINO_Dev[onnx]==2023.3 ; python_version < '3.12'"


def test_pyproject_pep621_poetry_and_errors():
    text = ('[project]\nname = "x"\ndependencies = [\n  "openvino-dev[onnx]>=2023.0",  # c\n  "numpy",\n]\n'
            '[project.optional-dependencies]\nconvert = ["openvino_dev"]\n'
            '[tool.poetry.dependencies]\nopenvino-dev = { version = "^2023.0", extras = ["pytorch"] }\n')
    reqs = pyproject.from_pyproject(text)
    assert [(r.name, r.origin, r.extras) for r in reqs] == [
        ("openvino-dev", "pyproject", ("onnx",)), ("numpy", "pyproject", ()),
        ("openvino-dev", "pyproject", ()), ("openvino-dev", "poetry", ("pytorch",))]
    assert text[reqs[0].start:reqs[0].end] == "openvino-dev[onnx]>=2023.0"
    assert text[reqs[3].name_start:reqs[3].name_end] == "openvino-dev"
    assert reqs[3].specifier == "^2023.0"
    doc = lint_text("pyproject.toml", named("pyproject"), "[project\n", PROBES, "2026.4")
    assert [d.code for d in doc.diagnostics] == ["OV001"]


def test_setup_cfg_conda_and_pipfile():
    cfg = "[metadata]\nname = x\n[options]\ninstall_requires =\n    numpy\n    openvino-dev==2023.3\n" \
          "[options.extras_require]\nconvert = openvino-dev[onnx]\n"
    assert [(r.name, r.extras) for r in setup_cfg.from_setup_cfg(cfg)] == [
        ("numpy", ()), ("openvino-dev", ()), ("openvino-dev", ("onnx",))]
    environment = "name: x\ndependencies:\n  - python=3.10\n  - openvino-dev\n  - pip:\n    - openvino-dev==2023.3\n"
    (req,) = conda.from_conda(environment)
    assert environment[req.start:req.end] == "openvino-dev==2023.3"
    table = '[packages]\nopenvino-dev = "==2023.3"\n[dev-packages]\npytest = "*"\n'
    assert [(r.name, r.specifier) for r in pipfile.from_pipfile(table)] == [
        ("openvino-dev", "==2023.3"), ("pytest", "")]


def test_pip_install_words():
    (command,) = split_commands("python3 -m pip install -U --index-url $IDX 'openvino-dev>=2023' -r r.txt ./pkg\n")
    assert [(r.name, r.carrier) for r in from_pip_command(command)] == [("openvino-dev", "word")]
    (command,) = from_python_string("uv pip install openvino-dev", 10)
    assert [r.start for r in from_pip_command(command)] == [25]


@pytest.mark.parametrize("kind,path", [("shell", "a.sh"), ("dockerfile", "Dockerfile"), ("makefile", "Makefile"),
                                       ("ci-yaml", ".gitlab-ci.yml"), ("requirements", "requirements.txt")])
def test_comments_never_produce_findings(kind, path):
    text = "# mo --input_model x\n# pip install openvino-dev\n"
    assert found(kind, text, path) == []


def _example_modules():
    from ovlint.engine import registry

    for rule in registry.all_rules():
        for source in [e.source for e in rule.examples if e.filename.endswith(".py")] + \
                      [v.source for v in rule.valid if v.filename.endswith(".py")]:
            yield libcst.parse_module(source)


def test_parents_and_qualified_names_match_libcst_providers():
    from libcst.metadata import MetadataWrapper, ParentNodeProvider, QualifiedNameProvider

    from ovlint.rulekit.context import PythonContext, UnitContext
    from ovlint.surfaces.python import NodeIndex

    checked = 0
    for module in _example_modules():
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        provided = wrapper.resolve_many([ParentNodeProvider, QualifiedNameProvider])
        parents = provided[ParentNodeProvider].items()
        assert NodeIndex.of(module).parents == {id(node): parent for node, parent in parents
                                                if not isinstance(node, TRIVIA)}
        unit = UnitContext("x.py", module.code, None, "2026.4", "x.py")
        ctx = PythonContext(unit, wrapper=wrapper)  # its scopes: the wrapper's ScopeProvider, on first use
        for node, names in provided[QualifiedNameProvider].items():
            names = names() if callable(names) else names
            assert ctx.qualified_names(node) == {q.name for q in names}
            checked += 1
    assert checked > 5000  # every node of every Python example of every rule


def test_spans_are_libcsts_positions_as_offsets():
    from pathlib import Path

    from libcst.metadata import MetadataWrapper, PositionProvider

    from ovlint.base.text import LineIndex
    from ovlint.surfaces.python import node_spans

    root = Path(__file__).resolve().parent.parent
    sources = [m.code for m in _example_modules()]
    sources += [p.read_text(encoding="utf-8") for folder in ("ovlint", "rules") for p in sorted((root / folder).rglob("*.py"))]
    # no final line break; CRLF and a tab; a string over two lines and a non-ASCII comment
    sources += ["x = 1", "if x:\r\n\tpass\r\n", 's = """a\nb"""  # é\n\n\n']
    checked = 0
    for source in sources:
        module = libcst.parse_module(source)
        positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        spans = node_spans(module)
        lines = LineIndex(module.code)
        assert spans.keys() == positions.keys()
        for node, where in positions.items():
            if where.end.line > len(lines.starts):  # the line break LibCST counts at the end of a file without one
                assert spans[node][1] == len(module.code) + len(module.default_newline)
                continue
            assert spans[node] == (lines.offset(where.start.line, where.start.column),
                                   lines.offset(where.end.line, where.end.column))
            checked += 1
    assert checked > 100_000


def test_spans_asked_one_by_one_generate_the_code_only_as_far_as_needed():
    from ovlint.surfaces.cst_walk import preorder
    from ovlint.surfaces.python import NodeSpans, node_spans

    checked = 0
    for module in _example_modules():
        every = node_spans(module)
        nodes = preorder(module)[0]
        in_order, backwards = NodeSpans(module), NodeSpans(module)
        assert [in_order[n] for n in nodes] == [every[n] for n in nodes]
        assert [backwards[n] for n in reversed(nodes)] == [every[n] for n in reversed(nodes)]
        if len(module.body) > 1:  # the first statement's nodes need its code only
            first = NodeSpans(module)
            first[module.body[0]]
            assert module.body[-1] not in first.spans
        checked += len(nodes)
    assert checked > 4_000


def test_the_node_index_finds_what_a_walk_finds_in_source_order():
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from ovlint.rulekit.context import PythonContext, UnitContext
    from ovlint.rulekit.python_edits import collect, walk

    kinds = [(cst.Call,), (cst.Name, cst.Attribute), (cst.ClassDef,), (cst.BaseExpression,),
             (cst.Import, cst.ImportFrom)]
    checked = 0
    for module in _example_modules():
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        ctx = PythonContext(UnitContext("x.py", module.code, None, "2026.4", "x.py"), wrapper=wrapper)
        positions = wrapper.resolve(PositionProvider)
        for kind in kinds:
            found = ctx.nodes(kind)
            assert [id(n) for n in found] == [id(n) for n in walk(module, kind)]
            starts = [(positions[n].start.line, positions[n].start.column) for n in found]
            assert starts == sorted(starts)
            assert [ctx.order(n) for n in found] == sorted(ctx.order(n) for n in found)
            checked += len(found)
        for owner in ctx.nodes((cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            for kind in ((cst.Call,), (cst.Return,), (cst.Assign, cst.AnnAssign), (cst.Name,)):
                assert [id(n) for n in ctx.within(owner, kind)] == [id(n) for n in collect(owner, kind)]
    assert checked > 4000  # the nodes of every Python example of every rule


def test_one_pass_calls_the_rules_visit_and_leave_methods_as_libcsts_visit_does():
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from ovlint.rulekit.context import PythonContext, UnitContext
    from ovlint.surfaces.python import traverse

    class Events:
        def __init__(self):
            self.events = []

        def visit_Call(self, node):
            self.events.append(("call", id(node)))

        def visit_Name(self, node):
            self.events.append(("name", id(node)))

        def leave_Module(self, node):
            self.events.append(("module ends", id(node)))

    class WithLeaves(Events):  # leaving other nodes than the module takes the other way down the list
        def leave_Call(self, node):
            self.events.append(("call ends", id(node)))

        def leave_Attribute(self, node):
            self.events.append(("attribute ends", id(node)))

    class Expected(cst.CSTVisitor):
        def __init__(self, methods):
            super().__init__()
            self.methods, self.events = methods, methods.events

        def on_visit(self, node):
            method = getattr(self.methods, f"visit_{type(node).__name__}", None)
            if method:
                method(node)
            return True

        def on_leave(self, node):
            method = getattr(self.methods, f"leave_{type(node).__name__}", None)
            if method:
                method(node)

    checked = 0
    for module in _example_modules():
        for rule_class in (Events, WithLeaves):
            ctx = PythonContext(UnitContext("x.py", module.code, None, "2026.4", "x.py"),
                                wrapper=MetadataWrapper(module, unsafe_skip_copy=True))
            rule, expected = rule_class(), Expected(rule_class())
            traverse(ctx, [rule])
            module.visit(expected)
            assert rule.events == expected.events
            checked += len(rule.events)
    assert checked > 4000  # events of every Python example of every rule


def test_a_decorated_definition_comes_after_its_decorators_as_its_position_does():
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from ovlint.rulekit.context import PythonContext, UnitContext

    module = cst.parse_module("ie = 1\n\n@register(ie := 2)\ndef ie():\n    pass\n")
    ctx = PythonContext(UnitContext("x.py", module.code, None, "2026.4", "x.py"),
                        wrapper=MetadataWrapper(module, unsafe_skip_copy=True))
    function = ctx.nodes((cst.FunctionDef,))[0]
    walrus = ctx.nodes((cst.NamedExpr,))[0].target
    assert ctx.order(walrus) < ctx.order(function)
    assert ctx.span(walrus)[0] < ctx.span(function)[0]


def test_a_notebook_command_is_one_unit_across_its_continuation_lines():
    text = _notebook(("code", ["!mo.py \\\n", "    --input_model net.caffemodel \\\n", "    --data_type FP16\n",
                               "x = 1\n"]),
                     ("code", ["!mo --input_model m.onnx \\\n", "   --output_dir ir\n"]))
    from ovlint.engine import registry

    doc = lint_text("n.ipynb", named("notebook"), text, list(registry.all_rules()), "2026.4")
    assert doc.parsed  # the continuation lines were never read as Python
    # the Caffe model and the FP16 option on the continuation lines belong to the first command
    assert [(d.code, d.cell, d.row) for d in doc.diagnostics] == [("OV501", 0, 1), ("OV201", 1, 1)]
    assert fixed("notebook", text, "n.ipynb") == text.replace('"!mo --input_model', '"!ovc --input_model')


def test_a_notebook_line_starting_with_an_operator_inside_brackets_is_python():
    cell = notebook._cell(0, "total = (1\n         % 2)\nif total:\n    print(total)\n", None)
    assert cell.python == cell.text and cell.shell_ranges == []


def test_a_notebook_cell_that_does_not_parse_is_named_with_its_line():
    from ovlint.engine import registry

    text = _notebook(("code", ["import os\n"]), ("code", ["x = 1\n", "def f(:\n"]))
    doc = lint_text("n.ipynb", named("notebook"), text, list(registry.all_rules()), "2026.4")
    (diag,) = [d for d in doc.diagnostics if d.code == "OV001"]
    assert (diag.cell, diag.row) == (1, 2) and "syntax error at line 2" in diag.message


SYNTAX_ERRORS = [  # (program, the line and column CPython names, what it says)
    ("try:\n    pass\nexcept ValueError, e:\n    print 'no'\n\ndef usage():\n    return 'x'\n", 4, 8,
     "multiple exception types must be parenthesized"),
    ("x = 1\nprint \"failed\"\ny = 2\n", 3, 1, "Missing parentheses in call to 'print'"),
    ("x = foo(1,\n        2\ny = 3\n", 2, 8, "'(' was never closed"),
    ("def f():\n    x = 1\n      y = 2\n", 4, 7, "unexpected indent"),
    ("def f():\n        x = 1\n    y = 2\n", 4, 5, "unindent does not match any outer indentation level"),
    ("s = 'h\u00e9llo'; x = (1 2)\n", 2, 19, "Perhaps you forgot a comma?"),
]


@pytest.mark.skipif(sys.version_info < (3, 10), reason="CPython 3.9 places some of these errors elsewhere")
@pytest.mark.parametrize("program,row,column,message", SYNTAX_ERRORS, ids=["except", "print", "bracket", "indent", "dedent", "utf8"])
def test_a_syntax_error_is_reported_where_it_is_with_a_message_naming_that_place(program, row, column, message):
    from ovlint.engine import registry

    text = "from openvino.inference_engine import IECore\n" + program
    for kind, source in (("python", text), ("notebook", _notebook(("code", text.splitlines(True))))):
        doc = lint_text("f.ipynb" if kind == "notebook" else "f.py", named(kind), source,
                        list(registry.all_rules()), "2026.4")
        (diag,) = [d for d in doc.diagnostics if d.code == "OV001"]
        assert (diag.row, diag.column) == (row, column), (kind, diag.message)
        assert diag.message.startswith(f"syntax error at line {row}, column {column}: ") and message in diag.message


def test_a_syntax_error_only_libcst_finds_is_placed_where_its_message_says(monkeypatch):
    from ovlint.base.text import LineIndex
    from ovlint.surfaces import python

    class NativeError(Exception):  # as LibCST's native parser raises it: its raw line is one too far
        message = "parser error: error at 2:4: expected one of (, *, +"
        raw_line, raw_column = 3, 6

    monkeypatch.setattr(python, "_cpython_error", lambda text: None)  # as if CPython took the text
    text = "x = 1\ny = (\n"
    span, said = python.syntax_error(NativeError(), text, LineIndex(text))
    assert span == (10, 10) and said == "syntax error at line 2, column 5: expected one of (, *, +"


def test_valid_python_with_tabs_libcst_rejects_is_linted_at_its_positions_without_fixes():
    from ovlint.engine import registry

    text = "if a:\n  if b:\n \t\tfrom openvino.inference_engine import IECore\n  y = 2\n"
    compile(text, "t.py", "exec")  # CPython accepts it
    doc = lint_text("t.py", named("python"), text, list(registry.all_rules()), "2026.4")
    assert doc.parsed
    (diag,) = doc.diagnostics
    assert (diag.code, diag.row, diag.column, diag.fix) == ("OV101", 3, 4, None)
    assert "mixes tabs and spaces" in diag.message


@pytest.mark.parametrize("silent,flagged,codes", [
    # `mo` is code here, not a command
    ('"""Usage: see the docs."""\nimport re\n\nmo = re.match("a", "a")\nprint(mo.group(0))\n',
     '"""Usage: see the docs."""\nimport subprocess\n\nsubprocess.run(["mo", "--input_model", "m.onnx"])\n',
     ["OV201"]),
    # `, mo.` is a match object's method here, in no import
    ('import re\n\nmo = re.match("a", "a")\nprint(mo.start(), mo.group(0), mo.end())\n',
     'import os, mo.ops.op\nfrom mo.front.extractor import FrontExtractorOp\n', ["OV203", "OV203"]),
], ids=["command-in-strings", "import-rule-in-imports"])
def test_a_python_module_whose_strings_or_imports_hold_no_needle_where_it_counts_is_not_parsed(
        monkeypatch, silent, flagged, codes):
    from ovlint.engine import registry
    from ovlint.surfaces import python

    rules = list(registry.all_rules())
    parsed = []
    monkeypatch.setattr(python, "parse", lambda text, real=python.parse: parsed.append(text) or real(text))
    assert lint_text("a.py", named("python"), silent, rules, "2026.4").diagnostics == []
    assert parsed == []
    assert [d.code for d in lint_text("b.py", named("python"), flagged, rules, "2026.4").diagnostics] == codes
    assert parsed == [flagged]


def test_python_string_spans_are_the_tokenizers_strings():
    """On this project's own modules, the strings the lexer finds outside other strings are those
    the tokenizer finds (from the opening quote on; an f-string whole)."""
    import io
    import pathlib
    import tokenize

    from ovlint.surfaces import python_lexer

    def outermost(spans):
        return {s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)}

    root = pathlib.Path(__file__).resolve().parent.parent
    paths = [*root.glob("ovlint/**/*.py"), *root.glob("rules/**/*.py"), *root.glob("tests/*.py")]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        starts = [0]
        for line in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        spans, opened = [], []
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            start, end = (starts[token.start[0] - 1] + token.start[1], starts[token.end[0] - 1] + token.end[1])
            if token.type == tokenize.STRING:
                spans.append((start, end))
            elif token.type == getattr(tokenize, "FSTRING_START", None):  # Python 3.12 on
                opened.append(start)
            elif token.type == getattr(tokenize, "FSTRING_END", None):
                spans.append((opened.pop(), end))
        quoted = [(start + len(text[start:end]) - len(text[start:end].lstrip("rRbBuUfF")), end) for start, end in spans]
        assert outermost(quoted) == outermost(python_lexer.string_spans(text)), path
    assert len(paths) > 100


def test_documentation_with_windows_line_ends_reads_and_fixes_as_with_unix_ones():
    from ovlint.engine import registry
    from ovlint.surfaces import kind_of

    rules = [r for r in registry.all_rules() if r.code in ("OV201", "OV601")]
    markdown = ("1. Convert:\n\n   ```bash\n   mo --input_model model.onnx\n   ```\n\nNext paragraph.\n\n"
                "```python\nfrom openvino.runtime import Core\n```\n")
    rst = "Guide\n=====\n\n.. code-block:: bash\n\n   mo --input_model model.onnx\n\nNext.\n\n" \
          ".. code-block:: python\n\n   from openvino.runtime import Core\n"
    for path, text in (("README.md", markdown), ("doc.rst", rst)):
        crlf = text.replace("\n", "\r\n")
        found = [(d.code, d.row, d.column) for d in lint_text(path, kind_of(path), text, rules, "2026.4").diagnostics]
        assert len(found) == 2
        assert [(d.code, d.row, d.column)
                for d in lint_text(path, kind_of(path), crlf, rules, "2026.4").diagnostics] == found
        fixed = fix_text(path, kind_of(path), crlf, rules, "2026.4", False, SourceText(crlf).encode).text
        assert fixed == fix_text(path, kind_of(path), text, rules, "2026.4", False,
                                 SourceText(text).encode).text.replace("\n", "\r\n") != crlf


def test_a_command_in_a_multi_line_string_of_a_file_with_windows_line_ends_is_never_misplaced():
    # CPython reads "\r\n" in a string literal as "\n": the value is shorter than the text, so a
    # position in one is not a position in the other (`mo` became `ovcel`)
    from ovlint.engine import registry
    from ovlint.surfaces import kind_of

    rules = [r for r in registry.all_rules() if r.code == "OV201"]
    unix = '"""Convert first:\n\n    $ mo --input_model a.onnx\n"""\nimport os\n'
    assert fix_text("a.py", kind_of("a.py"), unix, rules, "2026.4", False, SourceText(unix).encode).text == \
        unix.replace("$ mo --input_model a.onnx", "$ ovc a.onnx")
    windows = unix.replace("\n", "\r\n")
    assert fix_text("a.py", kind_of("a.py"), windows, rules, "2026.4", False, SourceText(windows).encode).text == windows


def test_a_script_exported_from_a_notebook_is_read_as_its_cell(ovlint, tmp_path):
    """Colab's "Download .py" keeps `!` and `%` lines, which are no Python: such a script is read as
    the notebook cell it was (those lines shell or masked) instead of being one syntax error; a
    script that does not parse for another reason still is."""
    write(tmp_path / "colab.py", "%cd /content\nfrom openvino.runtime import Core\n"
                                 "!mo --input_model m.onnx --output_dir ir\ncore = Core()\n")
    write(tmp_path / "capture.py", "%%capture\n!pip install -q openvino-dev\nfrom openvino.runtime import Core\n")
    write(tmp_path / "broken.py", "!ls\nfrom openvino.runtime import Core\nprint 'done'\n")
    # a cell magic applied to a cell whose end the script no longer shows: not read so
    write(tmp_path / "cellmagic.py", "%%bash\nmo --input_model m.onnx\n!ls\nmo = '--input_model'\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "colab.py:2:1: OV601 [*]" in out and "colab.py:3:2: OV201 [*]" in out and "colab.py:1:1: OV001" not in out
    assert "broken.py:3:1: OV001" in out and "cellmagic.py:1:1: OV001" in out and "cellmagic.py:2" not in out
    assert "capture.py:3:1: OV601" in out  # `%%capture`'s body is Python
    ovlint("check", "--no-cache", "--fix")
    assert (tmp_path / "colab.py").read_text() == ("%cd /content\nfrom openvino import Core\n"
                                                   "!ovc m.onnx --output_model ir/\ncore = Core()\n")
    assert ovlint("check", "--no-cache", "--fix", "colab.py")[0] == 0


def test_a_windows_batch_file_is_read_and_reported_not_rewritten(ovlint, tmp_path):
    """cmd quotes, escapes (`^`) and continues lines its own way and `\\` separates paths: a `.bat`
    file's commands are read (also across `^` line ends, after `call`, `@`, `if`, `for ... do` and
    `start`, at `&&`) and
    reported with why they are not rewritten; its install's `setupvars.bat` names its release."""
    text = ('@echo off\r\nREM mo --input_model ignored.onnx\r\n:: mo --input_model ignored.onnx\r\n'
            'call "C:\\Program Files (x86)\\IntelSWTools\\openvino_2021\\bin\\setupvars.bat"\r\n'
            'python "%INTEL_OPENVINO_DIR%\\deployment_tools\\model_optimizer\\mo.py" --input_model m.onnx ^\r\n'
            '  --output_dir ir\r\ncd models && @mo --input_model "a b.onnx"\r\n'
            'if exist x.onnx mo --input_model x.onnx\r\nfor %%m in (*.onnx) do mo --input_model %%m\r\n'
            'if not exist ir (\r\n  start "" /wait mo --input_model y.onnx\r\n)\r\n')
    assert [c.argv for c in named("batch").read(text).units[0].commands] == [
        ["C:\\Program Files (x86)\\IntelSWTools\\openvino_2021\\bin\\setupvars.bat"],
        ["python", "%INTEL_OPENVINO_DIR%\\deployment_tools\\model_optimizer\\mo.py", "--input_model", "m.onnx",
         "--output_dir", "ir"],
        ["cd", "models"], ["mo", "--input_model", "a b.onnx"], ["mo", "--input_model", "x.onnx"],
        ["mo", "--input_model", "%%m"], ["mo", "--input_model", "y.onnx"]]
    (tmp_path / "convert.bat").write_bytes(text.encode())
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "convert.bat").read_bytes() == text.encode()
    assert "convert.bat:7:14: OV201" in out and "the script runs in `cmd`, not a POSIX shell" in out
    assert "convert.bat:5:1: OV201" in out and "convert.bat:5 pins 2021.4" in out


def test_a_batch_file_that_runs_the_code_on_an_install_pins_its_folder(ovlint, tmp_path):
    write(tmp_path / "app" / "run.bat", "call C:\\Intel\\openvino_2021.4.752\\bin\\setupvars.bat\r\npython app.py\r\n")
    write(tmp_path / "app" / "app.py", "from openvino.inference_engine import IECore\n\nie = IECore()\n")
    write(tmp_path / "convert" / "convert.bat", "call C:\\Intel\\openvino_2021.4.752\\bin\\setupvars.bat\r\n"
                                               "mo --input_model m.onnx\r\n")
    write(tmp_path / "convert" / "app.py", "from openvino.inference_engine import IECore\n\nie = IECore()\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "app/app.py:3:6: OV102 `IECore` is `ov.Core` in API 2.0 (the fix needs OpenVINO 2023.1, but app/run.bat:1 pins 2021.4" in out
    assert "convert/app.py:3:6: OV102 [*]" in out  # a script that only converts pins nothing


def test_a_batch_file_reads_variables_pip_installs_and_windows_python(ovlint, tmp_path):
    """`set NAME=value` then `%NAME%`, `pip install` lines, `C:\\Python38\\python.exe app.py` and the
    `py` launcher read as in a shell script; the `IntelSWTools` folder is the Windows installs' up to 2020.4."""
    write(tmp_path / "conv" / "convert.bat",
          '@echo off\r\ncall "C:\\Program Files (x86)\\IntelSWTools\\openvino\\bin\\setupvars.bat"\r\n'
          "set TOOLS=%INTEL_OPENVINO_DIR%/deployment_tools\r\n"
          'python "%TOOLS%/model_optimizer/mo.py" --input_model m.onnx\r\n')
    for name, line in (("exe", "C:\\Python38\\python.exe app.py"), ("launcher", "py -3.8 app.py"),
                       ("pip", "pip install openvino-dev==2021.4.2\r\npython app.py"),
                       ("pipexe", "C:\\venv\\Scripts\\pip.exe install openvino-dev==2021.4.2\r\npython app.py")):
        write(tmp_path / name / "run.bat", line + "\r\n" if name.startswith("pip") else
              "call C:\\Intel\\openvino_2021.4.752\\bin\\setupvars.bat\r\n" + line + "\r\n")
        write(tmp_path / name / "app.py", "from openvino.inference_engine import IECore\n\nie = IECore()\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "conv/convert.bat:2:6: OV508 `bin/setupvars.bat` is a 2021 path" in out
    assert "conv/convert.bat:4:8: OV508" in out and "(through `%TOOLS%`)" in out
    assert "Migrating from OpenVINO 2020.4 (conv/convert.bat:2)" in out
    for name in ("exe", "launcher", "pip", "pipexe"):
        assert f"{name}/app.py:3:6: OV102 `IECore` is `ov.Core` in API 2.0 (the fix needs" in out, name
    assert "pip/run.bat:1:13: OV401" in out and "the script runs in `cmd`" in out
