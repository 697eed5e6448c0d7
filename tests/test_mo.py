"""The Model Optimizer rules on every surface a command can live on, and on the Python API."""
import json

import pytest

from conftest import write

SURFACES = [
    ("convert.sh", "#!/bin/sh\nset -e\nmo --input_model m.onnx --output_dir out\n",
     "#!/bin/sh\nset -e\novc m.onnx --output_model out/\n"),
    ("Dockerfile", "FROM python:3.11\nRUN pip install openvino && \\\n    mo --input_model /m.onnx \\\n"
                   "       --data_type FP16 \\\n       --output_dir /ir\n",
     "FROM python:3.11\nRUN pip install openvino && \\\n    ovc /m.onnx \\\n       --output_model /ir/\n"),
    ("Makefile", "ir:\n\tmo --input_model $< --output_dir $(OUT) --model_name net\n",
     "ir:\n\tovc $< --output_model $(OUT)/net.xml\n"),
    (".github/workflows/ci.yml", "jobs:\n  convert:\n    steps:\n      - run: |\n          mo --input_model m.onnx "
                                 "--framework onnx\n",
     "jobs:\n  convert:\n    steps:\n      - run: |\n          ovc m.onnx\n"),
    ("fold/.github/workflows/ci.yml", "jobs:\n  convert:\n    steps:\n      - run: >\n          mo --input_model m.onnx\n"
                                      "          --output_dir ir\n          --model_name net\n",
     "jobs:\n  convert:\n    steps:\n      - run: >\n          ovc m.onnx\n          --output_model ir/net.xml\n"),
    (".gitlab-ci.yml", "convert:\n  script:\n    - python -m openvino.tools.mo --input_model m.onnx --output_dir ir\n",
     "convert:\n  script:\n    - python -m openvino.tools.ovc m.onnx --output_model ir/\n"),
    ("run.py", "import subprocess\n\nsubprocess.run(['mo', '--input_model', 'm.onnx', '--output_dir', 'ir'], check=True)\n",
     "import subprocess\n\nsubprocess.run(['ovc', 'm.onnx', '--output_model', 'ir/'], check=True)\n"),
    ("run2.py", "import os\n\nos.system(\"mo --input_model m.onnx --input_shape [1,3,8,8]\")\n",
     "import os\n\nos.system(\"ovc m.onnx --input [1,3,8,8]\")\n"),
    # a command built with `.format`, `%` or split into argv: its fields keep their order
    ("formatted.py", "import os\nimport shlex\nimport subprocess\n\n"
                     "os.system('mo --input_model {} --output_dir {} --data_type FP16'.format(m, d))\n"
                     "os.system('mo --input_model %s --output_dir %s' % (m, d))\n"
                     "subprocess.run('mo --input_model m.onnx'.split())\n"
                     "subprocess.run(shlex.split(f'mo --input_model {m}'))\n",
     "import os\nimport shlex\nimport subprocess\n\n"
     "os.system('ovc {} --output_model {}/'.format(m, d))\n"
     "os.system('ovc %s --output_model %s/' % (m, d))\n"
     "subprocess.run('ovc m.onnx'.split())\n"
     "subprocess.run(shlex.split(f'ovc {m}'))\n"),
    # a command over several lines that the program splits at any blank (line breaks too), or
    # makes one line of as the OpenVINO notebooks do: one command, its options on the later lines
    ("lines.py", 'import os\nimport shlex\nimport subprocess\n\n'
                 'cmd = f"""mo\n    --input_model "{m}"\n    --data_type FP32\n    --output_dir ir\n    """\n'
                 'cmd = " ".join(cmd.split())\nos.system(cmd)\n'
                 'os.system(" ".join("""mo --input_model m.onnx\n    --output_dir ir""".split()))\n'
                 'subprocess.run("""mo --input_model m.onnx\n    --output_dir ir""".split())\n'
                 'subprocess.run(shlex.split("""mo --input_model m.onnx\n    --data_type FP32"""))\n',
     'import os\nimport shlex\nimport subprocess\n\n'
     'cmd = f"""ovc "{m}"\n    --compress_to_fp16=False\n    --output_model ir/\n    """\n'
     'cmd = " ".join(cmd.split())\nos.system(cmd)\n'
     'os.system(" ".join("""ovc m.onnx\n    --output_model ir/""".split()))\n'
     'subprocess.run("""ovc m.onnx\n    --output_model ir/""".split())\n'
     'subprocess.run(shlex.split("""ovc m.onnx\n    --compress_to_fp16=False"""))\n'),
    ("sysexe.py", "import subprocess\nimport sys\n\nsubprocess.run([sys.executable, '-m', 'mo', '--input_model', 'm.onnx'])\n",
     "import subprocess\nimport sys\n\nsubprocess.run([sys.executable, '-m', 'openvino.tools.ovc', 'm.onnx'])\n"),
    # ovc's `--compress_to_fp16` takes an optional value: bare, it would take the model path after it,
    # and last or before another option it is no value, which compresses nothing (MO read True)
    ("fp16.sh", "mo --compress_to_fp16 --input_model m.onnx\nmo --compress_to_fp16 False --input_model m.onnx\n"
                "mo --compress_to_fp16 --input_model=m.onnx\nmo --input_model m.onnx --compress_to_fp16\n"
                "mo --input_model m.onnx --compress_to_fp16 --output_dir ir\n",
     "ovc --compress_to_fp16=True m.onnx\novc --compress_to_fp16 False m.onnx\novc --compress_to_fp16=True m.onnx\n"
     "ovc m.onnx --compress_to_fp16=True\novc m.onnx --compress_to_fp16=True --output_model ir/\n"),
    # with an explicit `--compress_to_fp16`, `--data_type` goes away instead of contradicting it
    ("both.sh", "mo --input_model m.onnx --data_type FP32 --compress_to_fp16\n",
     "ovc m.onnx --compress_to_fp16=True\n"),
]


@pytest.mark.parametrize("path,source,fixed", SURFACES, ids=[s[0] for s in SURFACES])
def test_mo_is_rewritten_on_every_surface(ovlint, tmp_path, path, source, fixed):
    write(tmp_path / path, source)
    code, out, _ = ovlint("check", "--select", "OV201", "--no-cache", "--output-format", "concise")
    assert code == 1 and "OV201" in out
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert code == 0, out
    assert (tmp_path / path).read_text() == fixed


def test_notebook_cell(ovlint, tmp_path):
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": ["!mo --input_model model.onnx --output_dir ir\n", "print('done')\n",
                       # IPython expands `{sys.executable}`: the kernel's own interpreter; `%run -m` runs a module
                       "!{sys.executable} -m openvino.tools.mo --input_model m.onnx\n",
                       "%run -m openvino.tools.mo --input_model m.onnx\n"]}
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    write(tmp_path / "convert.ipynb", json.dumps(notebook, indent=1))
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert code == 0
    fixed = json.loads((tmp_path / "convert.ipynb").read_text())
    assert fixed["cells"][0]["source"] == ["!ovc model.onnx --output_model ir/\n", "print('done')\n",
                                           "!{sys.executable} -m openvino.tools.ovc m.onnx\n",
                                           "%run -m openvino.tools.ovc m.onnx\n"]


def test_options_without_equivalent_are_named_and_nothing_is_rewritten(ovlint, tmp_path):
    source = "mo --input_model m.onnx --mean_values [1,2,3] --batch 4 --output_dir ir\n"
    write(tmp_path / "convert.sh", source)
    code, out, _ = ovlint("check", "--select", "OV2", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "`--mean_values` → a `PrePostProcessor` step" in out and "`--batch` → `ov.set_batch" in out
    assert (tmp_path / "convert.sh").read_text() == source


def test_a_line_break_the_shell_gets_ends_the_command(ovlint, tmp_path):
    """`os.system` of a string over several lines runs each line as a command: the options on
    the second are not `mo`'s, and are left as they are."""
    source = 'import os\n\nos.system("""mo --input_model m.onnx\n    --output_dir ir""")\n'
    write(tmp_path / "convert.py", source)
    ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert (tmp_path / "convert.py").read_text() == 'import os\n\nos.system("""ovc m.onnx\n    --output_dir ir""")\n'


def test_a_command_list_extended_later_is_still_read(ovlint, tmp_path):
    """`cmd = ["mo", ...]`, then `cmd = cmd + [...]` or `cmd += [...]`: the command begins as the
    list does; what follows is not known, so it is reported, not rewritten."""
    source = ("import subprocess\n\n\ndef convert(model, half):\n    cmd = ['mo', '--input_model', model]\n"
              "    if half:\n        cmd = cmd + ['--data_type', 'FP16']\n    cmd += ['--output_dir', 'ir']\n"
              "    subprocess.Popen(cmd).wait()\n")
    write(tmp_path / "convert.py", source)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    assert code == 1 and "convert.py:5:13: OV201" in out and (tmp_path / "convert.py").read_text() == source
    # a list the name is given anew is another command
    write(tmp_path / "convert.py", source.replace("cmd = cmd + ['--data_type', 'FP16']", "cmd = ['ovc', model]"))
    assert ovlint("check", "--select", "OV201", "--no-cache")[0] == 0


def test_a_data_type_known_only_at_run_time_is_told_its_ovc_option(ovlint, tmp_path):
    write(tmp_path / "convert.sh", "mo --input_model m.onnx --data_type $PRECISION\nmo --input_model m.onnx --data_type FP64\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "`--data_type $PRECISION` → `--compress_to_fp16=True` where it is FP16, `--compress_to_fp16=False`" in out
    assert "`--data_type FP64` → no ovc option: FP32 or FP16 weights only" in out
    # an f-string's field, as written
    write(tmp_path / "convert.sh", "")
    write(tmp_path / "convert.py", 'import os\n\nos.system(f"mo --input_model m.onnx --data_type {precision}")\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "`--data_type {precision}` → `--compress_to_fp16=True`" in out


def test_unrelated_words_and_ovc_stay_silent(ovlint, tmp_path):
    write(tmp_path / "run.sh", "ovc m.onnx\n./demo --mo\nmo=1\necho mo\nmodel=mo\npython3 demo.py\n")
    write(tmp_path / "app.py", "mo = 3\nprint(mo)\n")
    assert ovlint("check", "--select", "OV2,OV5", "--no-cache")[0] == 0


def test_discontinued_frameworks_point_to_onnx(ovlint, tmp_path):
    write(tmp_path / "convert.sh", "mo --input_model net.caffemodel --input_proto deploy.prototxt\n"
                                   "mo --framework kaldi --input_model am.nnet\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    lines = out.splitlines()
    assert code == 1 and [line.split()[1] for line in lines[:2]] == ["OV501", "OV501"]
    assert "Caffe models" in lines[0] and "Kaldi models" in lines[1] and "OV201" not in out


def test_python_api(ovlint, tmp_path):
    write(tmp_path / "convert.py", "from openvino.tools.mo import convert_model\n\n"
                                   "model = convert_model('m.onnx', input_shape=[1, 3], silent=True)\n")
    code, _, _ = ovlint("check", "--fix", "--no-cache")
    assert code == 0
    assert (tmp_path / "convert.py").read_text() == (
        "from openvino import convert_model\n\nmodel = convert_model('m.onnx', input=[1, 3])\n")


def test_commands_built_in_python_strings(ovlint, tmp_path):
    source = ("import os\nimport subprocess\n\n"
              "cmd = f\"mo --input_model {onnx} --output_dir {out}\"\n"
              "subprocess.check_output(cmd, shell=True)\n"
              "os.system(\"mo --input_model \" + str(onnx) + \" --output_dir \" + out)\n")
    write(tmp_path / "export.py", source)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and out.count("OV201") == 1 and "export.py:6:" in out  # the `+` chain has no fix
    assert (tmp_path / "export.py").read_text() == source.replace(
        "f\"mo --input_model {onnx} --output_dir {out}\"", "f\"ovc {onnx} --output_model {out}/\"")


def test_input_names_and_shapes_given_apart_are_not_made_two_inputs(ovlint, tmp_path):
    """`--input data --input_shape [1,3,8,8]` would become two `--input` options, one losing the
    names or the shapes: ovc wants them together (`--input data[1,3,8,8]`), which is left to a person."""
    source = "mo --input_model m.onnx --input data --input_shape [1,3,8,8] --output_dir ir\n"
    write(tmp_path / "convert.sh", source)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--unsafe-fixes", "--no-cache",
                          "--output-format", "concise")
    assert code == 1 and (tmp_path / "convert.sh").read_text() == source
    assert "`--input name[1,3,224,224]`" in out


def test_a_python_argument_list_that_goes_on_unlisted_runs_mo_and_is_not_rewritten(ovlint, tmp_path):
    source = "import subprocess\n\nsubprocess.run(['mo'] + extra)\n"
    write(tmp_path / "run.py", source)
    code, out, _ = ovlint("check", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "options come from a variable" in out and (tmp_path / "run.py").read_text() == source


@pytest.mark.parametrize("item", ['"--input_model={}".format(m)', 'f"--input_model={m}"', '"--input_model=" + m'])
def test_a_python_argument_list_with_an_option_built_by_an_expression_is_not_rewritten(ovlint, tmp_path, item):
    # ovc has no `--input_model`: rewriting only `mo` would hand it on
    source = f"import subprocess\n\nm = 'm.onnx'\nsubprocess.run(['mo', {item}, '--output_dir', 'ir'])\n"
    write(tmp_path / "run.py", source)
    code, out, _ = ovlint("check", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "options come from a variable or an expression" in out
    assert (tmp_path / "run.py").read_text() == source


def test_a_ci_step_in_powershell_or_cmd_is_reported_not_rewritten(ovlint, tmp_path):
    # PowerShell continues a line with a backquote, cmd with a caret: read as POSIX shell, the
    # rewrite would leave the MO options of the next line to ovc
    linux = ("jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: pwsh\n        shell: pwsh\n"
             "        run: |\n          mo --input_model m.onnx `\n            --output_dir ir\n"
             "      - run: mo --input_model m.onnx\n        shell: cmd\n"
             "      - run: mo --input_model m.onnx --output_dir ir\n        shell: bash\n"
             # the next step's shell is not this one's
             "      - run: mo --input_model b.onnx\n      - shell: pwsh\n        run: Write-Host done\n")
    windows = ("jobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - run: mo --input_model m.onnx `\n"
               "          --output_dir ir\n      - run: mo --input_model n.onnx\n"
               "      - run: mo --input_model=models\\m.onnx\n"  # a Windows path: not a POSIX escape
               "      - shell: pwsh\n        working-directory: models\n        run: mo --input_model m.onnx\n")
    write(tmp_path / "azure-pipelines.yml", "pool:\n  vmImage: ubuntu-latest\nsteps:\n  - task: PowerShell@2\n"
                                           "    inputs:\n      script: |\n        mo --input_model m.onnx `\n"
                                           "          --output_dir ir\n")
    write(tmp_path / ".github/workflows/linux.yml", linux)
    write(tmp_path / ".github/workflows/windows.yml", windows)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1
    assert (tmp_path / ".github/workflows/linux.yml").read_text() == linux.replace(
        "mo --input_model m.onnx --output_dir ir\n        shell: bash", "ovc m.onnx --output_model ir/\n        shell: bash"
    ).replace("mo --input_model b.onnx", "ovc b.onnx")
    # a one-line command reads the same in PowerShell
    assert (tmp_path / ".github/workflows/windows.yml").read_text() == windows.replace("mo --input_model n.onnx",
                                                                                      "ovc n.onnx")
    assert "the step runs in `pwsh`" in out and "the step runs in `cmd`" in out and "default shell is PowerShell" in out
    assert "azure-pipelines.yml:7:9: OV201 The Model Optimizer" in out and "the step runs in `PowerShell`" in out
    assert out.count("windows.yml:") == 3


def test_mo_scripts_need_no_option_to_be_the_model_optimizer(ovlint, tmp_path):
    """Only a bare `mo` can be the bash Mustache renderer; `mo_tf.py` or `mo.py` is always MO."""
    write(tmp_path / "convert.sh", "./mo_tf.py\npython3 mo.py\nmo --help\n")
    code, out, _ = ovlint("check", "--select", "OV201", "--no-cache", "--output-format", "concise")
    assert [line.split(":")[1] for line in out.splitlines() if " OV201 " in line] == ["1", "2"]


def test_a_shape_in_parentheses_is_given_to_ovc_in_brackets(ovlint, tmp_path):
    """MO read `--input_shape "(1,3,224,224)"`; ovc rejects parentheses (checked with 2023.3 and 2026.4).
    Only the parentheses change, so the word keeps its quoting, in a shell or in a Python list."""
    write(tmp_path / "convert.py", 'import subprocess\nsubprocess.run(["mo", "--input_model", "m.onnx", '
                                   '"--input_shape", "(1,3,224,224)"])\n')
    write(tmp_path / "convert.sh", 'mo --input_model m.onnx --input_shape "(1,3,224,224)"\n'
                                   'mo --input_model m.onnx --input_shape="(1,3,224,224),[1,10]"\n'
                                   'mo --input_model m.onnx --input_shape "(1, 3 4)"\n')
    ovlint("--fix", "--no-cache")
    assert (tmp_path / "convert.sh").read_text().splitlines() == [
        'ovc m.onnx --input "[1,3,224,224]"', "ovc m.onnx '--input=[1,3,224,224],[1,10]'",
        'mo --input_model m.onnx --input_shape "(1, 3 4)"']
    assert (tmp_path / "convert.py").read_text().endswith('subprocess.run(["ovc", "m.onnx", "--input", "[1,3,224,224]"])\n')


def test_a_saved_model_folder_is_ovcs_input_and_a_word_that_cannot_change_is_said(ovlint, tmp_path):
    write(tmp_path / "saved.sh", "mo --saved_model_dir saved_model --output_dir ir\n")
    write(tmp_path / "run.py", "import subprocess\nsubprocess.run(['mo', '--input_model', str(path), "
                               "'--output_dir', str(ir_dir)])\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert (tmp_path / "saved.sh").read_text() == "ovc saved_model --output_model ir/\n"
    assert "run.py:2:18: OV201" in out and "cannot be written in place here" in out


def test_a_formatted_command_keeps_every_field_it_fills(ovlint, tmp_path):
    # deleting `--framework {}` would hand the framework's value to the next field
    source = "import os\n\nos.system('mo --framework {} --input_model {}'.format(fw, m))\n"
    write(tmp_path / "run.py", source)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "OV201" in out and (tmp_path / "run.py").read_text() == source


@pytest.mark.parametrize("path, source", [
    ("fp16.sh", "mo --input_model m.onnx --compress_to_fp16 $FP16\n"),  # the flag's value, whatever it holds
    ("fp16.py", "import subprocess\n\nsubprocess.run(['mo', '--input_model', 'm.onnx', '--compress_to_fp16', "
                "f'--output_dir={d}'])\n"),  # not the flag's value: an option ovc rejects
])
def test_what_follows_a_flag_without_a_value_is_not_taken_for_its_value(ovlint, tmp_path, path, source):
    write(tmp_path / path, source)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "options come from a variable or an expression" in out
    assert (tmp_path / path).read_text() == source


def test_windows_is_told_job_by_job(ovlint, tmp_path):
    # a Linux job keeps its fixes beside a Windows job; on Windows a backquote is PowerShell's escape
    workflow = ("jobs:\n  linux:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mo --input_model m.onnx\n"
                "  windows:\n    runs-on: windows-latest\n    steps:\n      - run: mo --input_model `\"m.onnx`\"\n")
    azure = ("jobs:\n- job: linux\n  pool:\n    vmImage: ubuntu-latest\n  steps:\n  - script: mo --input_model m.onnx\n"
             "- job: win\n  pool:\n    vmImage: windows-latest\n  steps:\n  - bash: mo --input_model m.onnx \\\\\n"
             "      --output_dir ir\n")
    write(tmp_path / ".github/workflows/ci.yml", workflow)
    write(tmp_path / "azure-pipelines.yml", azure)
    ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert (tmp_path / ".github/workflows/ci.yml").read_text() == workflow.replace(
        "- run: mo --input_model m.onnx\n", "- run: ovc m.onnx\n")
    assert (tmp_path / "azure-pipelines.yml").read_text() == azure.replace(
        "script: mo --input_model m.onnx", "script: ovc m.onnx").replace(
        "bash: mo --input_model m.onnx \\\\\n      --output_dir ir", "bash: ovc m.onnx \\\\\n      --output_model ir/")


def test_a_shape_from_a_variable_goes_to_ovc_only_in_brackets(ovlint, tmp_path):
    # MO read `(1,3,8,8)` too; ovc rejects it, and a variable's value is not rewritten
    source = 'SHAPE="(1,3,8,8)"\nmo --input_model m.onnx --input_shape "$SHAPE"\nmo --input_model m.onnx --input_shape "$S2"\n'
    write(tmp_path / "conv.sh", source)
    write(tmp_path / "ok.sh", 'SHAPE="[1,3,8,8]"\nmo --input_model m.onnx --input_shape "$SHAPE"\n')
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache", "--output-format", "concise")
    assert (tmp_path / "conv.sh").read_text() == source and out.count("the shape comes from a variable") == 2
    assert (tmp_path / "ok.sh").read_text() == 'SHAPE="[1,3,8,8]"\novc m.onnx --input "$SHAPE"\n'


def test_a_shape_in_brackets_with_variable_dimensions_goes_to_ovc(ovlint, tmp_path):
    write(tmp_path / "conv.sh", 'mo --input_model m.onnx --input_shape [1,3,$H,${W}],[1,$N]\n'
                                'mo --input_model m.onnx --input_shape [$S]\nmo --input_model m.onnx --input_shape $S\n')
    ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert (tmp_path / "conv.sh").read_text() == ('ovc m.onnx --input [1,3,$H,${W}],[1,$N]\novc m.onnx --input [$S]\n'
                                                  'mo --input_model m.onnx --input_shape $S\n')


def test_a_gitlab_job_on_a_windows_runner_is_told_by_its_tags(ovlint, tmp_path):
    source = ("stages: [build]\nwin:\n  tags: [windows]\n  script:\n    - mo --input_model m.onnx `\n"
              "        --output_dir ir\nlinux:\n  script:\n    - mo --input_model m.onnx\n")
    write(tmp_path / ".gitlab-ci.yml", source)
    ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert (tmp_path / ".gitlab-ci.yml").read_text() == source.replace(
        "    - mo --input_model m.onnx\n", "    - ovc m.onnx\n")


def test_a_command_kept_in_a_variable_a_notebook_line_runs_is_a_command(ovlint, tmp_path):
    # the openvino_notebooks idiom: an f-string over several lines, run by `! $mo_command`
    cells = ['mo_command = f"""mo\n    --input_model "{onnx_path}"\n    --output_dir "ir"\n    """\n'
             'mo_command = " ".join(mo_command.split())\n', "! $mo_command\n", 'other = "mo --input_model m.onnx"\n']
    write(tmp_path / "nb.ipynb", json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c} for c in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    fixed = [c["source"] for c in json.loads((tmp_path / "nb.ipynb").read_text())["cells"]]
    assert fixed[0].startswith('mo_command = f"""ovc "{onnx_path}"\n    --output_model "ir/"\n')
    assert fixed[1:] == cells[1:]  # a string no shell line runs is not a command


def test_a_notebook_exported_to_python_runs_its_commands_through_ipython(ovlint, tmp_path):
    write(tmp_path / "exported.py", "get_ipython().system('mo --input_model m.onnx')\n"
                                    "get_ipython().run_line_magic('pip', 'install openvino-dev==2024.6.0')\n"
                                    "requires = ['openvino-dev==2024.6.0']\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "exported.py:1:23: OV201" in out and "exported.py:2:46: OV401" in out
    assert "exported.py:3" not in out  # a list no setup() installs


def test_a_bash_cell_exported_to_python_is_read_with_its_escaped_line_breaks(ovlint, tmp_path):
    body = "'mo --input_model m.onnx \\\\\\n  --output_dir ir\\necho done\\n'"
    write(tmp_path / "exported.py", f"get_ipython().run_cell_magic('bash', '', {body})\n")
    ovlint("check", "--select", "OV201", "--fix", "--no-cache")
    assert (tmp_path / "exported.py").read_text() == (
        "get_ipython().run_cell_magic('bash', '', 'ovc m.onnx \\\\\\n  --output_model ir/\\necho done\\n')\n")


@pytest.mark.parametrize("path, source", [
    ("azure-pipelines.yml", "pool:\n  vmImage: windows-latest\nsteps:\n  - script: |\n      mo --input_model m.onnx ^\n"
                            "        --output_dir ir\n"),
    (".gitlab-ci.yml", "default:\n  tags: [windows]\nconvert:\n  script:\n    - mo --input_model m.onnx `\n"
                       "        --output_dir ir\n"),
    (".gitlab-ci.yml", ".win:\n  tags: [windows]\nconvert:\n  extends: .win\n  script:\n    - mo --input_model m.onnx `\n"
                       "        --output_dir ir\n"),
])
def test_windows_every_job_takes_from_the_pipeline_is_seen(ovlint, tmp_path, path, source):
    write(tmp_path / path, source)
    code, out, _ = ovlint("check", "--select", "OV201", "--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "may run on Windows" in out and (tmp_path / path).read_text() == source


def test_only_a_notebook_line_that_runs_a_variable_makes_its_string_a_command(ovlint, tmp_path):
    cells = ['msg = "mo --input_model m.onnx is gone"\n', "!echo $msg\n",
             'cmds = """mo --input_model a.onnx\nls -d out"""\n', "!{cmds}\n"]
    write(tmp_path / "nb.ipynb", json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c} for c in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    # `echo` runs, not the message; two lines are two commands (no `-d` option of `mo`)
    assert [line.split(":")[1] for line in out.splitlines() if " OV" in line] == ["cell 3"]
    assert "OV201" in out and "OV501" not in out


def test_a_script_of_the_project_named_like_mo_is_not_the_model_optimizer(ovlint, tmp_path):
    write(tmp_path / "utils" / "mo.py", "from ultralytics import YOLO\n\nYOLO('m.pt').export(format='openvino')\n")
    write(tmp_path / "tools" / "mo.py", "from mo.subprocess_main import subprocess_main\nsubprocess_main(framework=None)\n")
    write(tmp_path / "Makefile", "ir:\n\tpython3 ./utils/mo.py --input_model m.pt --output_dir ir\n"
                                 "\tpython3 tools/mo.py --input_model m.onnx --output_dir ir\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert [line.split(" ")[0] for line in out.splitlines() if "OV201" in line] == ["Makefile:3:2:"]


def test_a_command_in_adjacent_literals_is_read_and_a_check_for_mo_waits_for_the_command_it_guards(ovlint, tmp_path):
    write(tmp_path / "export.py", "from subprocess import run\n\n\ndef export(onnx, out):\n"
                                  "    command = f'mo.py --input_model=\"{onnx}\" ' \\\n"
                                  "              f'--output_dir=\"{out}\"'\n"
                                  "    run('mo.py -h', shell=True, check=True)\n    run(command, shell=True, check=True)\n\n\n"
                                  "def export2(onnx, out):\n    run((f'mo --input_model {onnx} '\n"
                                  "         f'--output_dir {out}'), shell=True, check=True)\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--select", "OV201")
    lines = out.splitlines()
    assert [line.split(" ")[0] for line in lines if "OV201" in line] == ["export.py:5:17:", "export.py:7:10:", "export.py:12:12:"]
    assert "it checks for the Model Optimizer, which the command at line 5 still runs" in lines[1]
    # a rewrite deleting `--input_model` could take the quotes between the literals: reported, not rewritten
    assert "write the `ovc` command by hand" in lines[2] and "once the pin" not in lines[2]
    # pinned before `ovc`, writing it by hand waits for the pin too
    write(tmp_path / "requirements.txt", "openvino-dev==2022.3.0\n")
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--select", "OV201")
    assert "by hand once the pin allows: `ovc` needs OpenVINO 2023.1, but requirements.txt:1 pins 2022.3" in out


def test_a_windows_path_to_mo_is_the_model_optimizer_of_its_install(ovlint, tmp_path):
    write(tmp_path / "convert.sh", 'python "C:\\Program Files (x86)\\IntelSWTools\\openvino\\deployment_tools\\'
                                   'model_optimizer\\mo.py" --input_model m.onnx --output_dir out\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "convert.sh:1:1: OV201" in out and "pins 2020.4" in out  # a Windows install of 2020 (IntelSWTools) runs no `ovc`
    assert "convert.sh:1:8: OV508 `deployment_tools/model_optimizer` is a 2021 path" in out


def test_a_windows_path_in_a_raw_string_of_a_python_list_is_read(ovlint, tmp_path):
    write(tmp_path / "convert.py", 'import subprocess\n\nsubprocess.run(["python", r"C:\\tools\\mo.py", "--input_model", "m.onnx"])\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--select", "OV201")
    assert "convert.py:3:18: OV201" in out


def test_mo_run_by_xargs_or_find_is_reported_not_rewritten(ovlint, tmp_path):
    """xargs adds the arguments it reads (here the model) to the command, and find runs it on each
    file it finds: the words in the text are not all of the command, so it is reported without a fix."""
    script = ('find . -name "*.onnx" -print0 | xargs -0 -n1 -P4 mo --output_dir ir --input_model\n'
              "ls *.onnx | xargs -I{} mo --input_model {}\n"
              'find models -name "*.onnx" -exec mo --input_model {} --output_dir ir \\;\n'
              "find . -name x -exec rm {} +\n"
              "find . -exec find . -exec mo --input_model {} \\; \\;\n")
    write(tmp_path / "convert.sh", script)
    code, out, _ = ovlint("--output-format", "concise", "--no-cache", "convert.sh")
    assert out.count("OV201") == 4 and out.count("not rewritten: xargs adds arguments it reads from its input") == 2
    assert "convert.sh:1:50: OV201" in out and "convert.sh:2:24: OV201" in out
    assert "convert.sh:3:34: OV201" in out and "not rewritten: find runs it on each file it finds" in out
    ovlint("--fix", "--unsafe-fixes", "--no-cache", "convert.sh")
    assert (tmp_path / "convert.sh").read_text() == script


def test_a_python_string_continued_on_the_next_line_is_one_command(ovlint, tmp_path):
    """A backslash before the line break continues a Python string; the value leaves both out."""
    source = ('import os\nos.system("mo --input_model model.onnx \\\n--output_dir ir")\n'
              'cmd = "python3 mo.py --input_model {} \\\n    --output_dir {}".format(m, d)\nos.system(cmd)\n')
    write(tmp_path / "run.py", source)
    code, out, _ = ovlint("--output-format", "concise", "--no-cache", "run.py")
    assert "run.py:2:12: OV201" in out and "run.py:4:8: OV201" in out
    ovlint("--fix", "--no-cache", "run.py")
    assert (tmp_path / "run.py").read_text() == (
        'import os\nos.system("ovc model.onnx \\\n--output_model ir/")\n'
        'cmd = "ovc {} \\\n    --output_model {}/".format(m, d)\nos.system(cmd)\n')


def test_a_check_for_mo_stays_while_the_file_names_mo_in_a_command_it_cannot_read(ovlint, tmp_path):
    """A command built up with `+=` is not read whole; the check that MO is there must stay with it,
    or a program that stopped cleanly without MO would now run on and fail."""
    source = ("from subprocess import run, CalledProcessError, DEVNULL\n\n\ndef export(onnx_path, out_dir):\n"
              "    command_line = f'mo.py --input_model=\"{onnx_path}\" --output_dir=\"{out_dir}\"'\n"
              "    command_line += ' --reverse_input_channels'\n    try:\n"
              "        run('mo.py -h', stdout=DEVNULL, stderr=DEVNULL, shell=True, check=True)\n"
              "    except CalledProcessError:\n        return print('Model Optimizer not found')\n"
              "    run(command_line, shell=True, check=True)\n")
    write(tmp_path / "export.py", source)
    code, out, _ = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    assert (tmp_path / "export.py").read_text() == source
    write(tmp_path / "convert.sh", 'if mo.py -h > /dev/null; then echo ok; fi\nCMD="mo"\nCMD+=" --input_model m.onnx"\n$CMD\n')
    ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "convert.sh")
    assert (tmp_path / "convert.sh").read_text().startswith("if mo.py -h")
    assert "export.py:8:14: OV201" in out and "which line 5 still names where ovlint reads no command it rewrites" in out


def test_an_empty_output_folder_is_the_current_one(ovlint, tmp_path):
    write(tmp_path / "convert.sh", 'mo --input_model m.onnx --output_dir ""\nmo --input_model m.onnx --output_dir "" --model_name net\n')
    ovlint("--fix", "--no-cache", "convert.sh")
    assert (tmp_path / "convert.sh").read_text() == 'ovc m.onnx --output_model "./"\novc m.onnx --output_model "./net.xml"\n'


def test_a_notebook_runs_mo_through_a_python_string_it_sets(ovlint, tmp_path):
    """`MO = "mo"` then `!$MO ...`, `!{MO} ...`, `!python {mo_path} ...`: IPython expands the Python
    names, so that is MO (reported, not rewritten: the command is the variable's)."""
    cells = ['MO = "mo"\nmo_path = "/home/me/model_optimizer/mo.py"\n',
             "!{MO} --input_model m.onnx\n!$MO --input_model m.onnx\n!python {mo_path} --input_model m.onnx\n"]
    write(tmp_path / "nb.ipynb", json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                                                        "outputs": [], "source": c} for c in cells],
                                             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert [line.split(" OV201 ")[0] for line in out.splitlines() if " OV201 " in line] == \
        ["nb.ipynb:cell 2:1:2:", "nb.ipynb:cell 2:2:2:", "nb.ipynb:cell 2:3:2:"]
    assert out.count("the command comes from a variable the file sets") == 3
    # a name the notebook binds otherwise too may hold anything when the line runs
    for other in ('MO = os.environ.get("MO", "ovc")\n', "for MO in ['ovc']:\n    pass\n"):
        cells[0] = 'MO = "mo"\n' + other
        write(tmp_path / "nb.ipynb", json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                                                            "outputs": [], "source": c} for c in cells],
                                                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
        code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
        assert "cell 2:1:2" not in out and "cell 2:2:2" not in out, other


def test_a_tensorflow_model_through_mos_scripts_gets_an_unsafe_rewrite_that_names_the_layout(ovlint, tmp_path):
    """MO's scripts before 2022.1 gave TensorFlow models NCHW inputs; a script of 2022.1 (the
    package's `tools/mo/`) kept NHWC, as `ovc` does."""
    write(tmp_path / "convert.sh", "python3 mo_tf.py --input_model m.pb\npython3 mo.py --input_model m.onnx\n"
                                   "python3 ./tools/mo/openvino/tools/mo/mo.py --input_model m.pb\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    notes = ["gave a TensorFlow model NCHW inputs" in d["message"] for d in json.loads(out) if d["code"] == "OV201"]
    assert notes == [True, False, False]


def test_a_model_name_in_another_script_goes_into_the_output_model(ovlint, tmp_path):
    """A name of letters beyond ASCII (`modèle`) is written as it is, unquoted as MO read it."""
    write(tmp_path / "convert.sh", "mo --input_model m.onnx --output_dir ir --model_name modèle\n"
                                   "mo --input_model m.onnx --output_dir \"my ir\" --model_name 模型\n")
    write(tmp_path / "convert.py", "import subprocess\n\nsubprocess.run(['mo', '--input_model', 'm.onnx', "
                                   "'--output_dir', 'ir', '--model_name', 'modèle'])\n")
    ovlint("--fix", "--no-cache", ".")
    assert (tmp_path / "convert.sh").read_text() == ("ovc m.onnx --output_model ir/modèle.xml\n"
                                                     "ovc m.onnx --output_model \"my ir/模型.xml\"\n")
    assert "['ovc', 'm.onnx', '--output_model', 'ir/modèle.xml']" in (tmp_path / "convert.py").read_text()


def test_a_wrapper_of_the_files_own_named_mo_still_runs_mo_with_its_options(ovlint, tmp_path):
    """A function `mo` that runs MO in a container is called with MO's own options: that is MO."""
    write(tmp_path / "convert.sh", 'mo() {\n  docker run --rm -v "$PWD":/w openvino/ubuntu20_dev:2023.0.0 mo "$@"\n}\n'
                                   "mo --input_model m.onnx --data_type FP16\nmo $TEMPLATE_ARGS\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and "convert.sh:4:1: OV201" in out and "convert.sh:5" not in out
    # the renderer sourced in a file with CRLF line ends
    write(tmp_path / "convert.sh", ". ./mo\r\nmo $TEMPLATE_ARGS page.mo\r\n", newline="")
    assert ovlint("check", "--no-cache", "--output-format", "concise")[0] == 0


def test_a_documented_command_with_placeholders_is_reported_without_a_rewrite(ovlint, tmp_path):
    """`<ir_dir>` in a README is a value for the reader to fill in; read as shell, it is a
    redirection, and the rewrite left it as a stray word after `--output_model=./`."""
    source = ("```sh\npython3 mo.py --input_model <models_dir>/googlenet.onnx --data_type FP32 --output_dir <ir_dir>\n"
              "```\n")
    write(tmp_path / "README.md", source)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "README.md").read_text() == source
    assert "(not rewritten: it is written with placeholders (`<name>`)" in out


def test_a_bare_mo_in_a_file_that_installs_openvino_dev_is_mo(ovlint, tmp_path):
    """`mo -h` alone could be another tool's; after `pip install openvino-dev` it is MO, and the
    install is not replaced while the pinned release has no `ovc` to run instead."""
    source = "pip install openvino-dev[onnx]==2022.1\nmo -h\n"
    write(tmp_path / "setup.sh", source)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "setup.sh").read_text() == source
    assert "setup.sh:2:1: OV201" in out and "not replaced while the file runs `mo`" in out


def test_a_move_to_ovc_left_half_done_is_reported(ovlint, tmp_path):
    """A script that picks its converter by whether `mo` is installed, and an `ovc` line written by
    hand with MO's options: after OV201's fix the `mo` branch never runs, and `ovc` rejects them."""
    write(tmp_path / "gen.sh", "if ! command -v mo &> /dev/null; then\n"
                               "    ovc m.onnx --output_model m --input_shape [1,3,8,8] --data_type FP32\n"
                               "else\n    mo --input_model m.onnx --model_name m\nfi\n")
    write(tmp_path / "render.sh", "command -v mo || curl -sSL https://git.io/get-mo -o mo\n./mo < page.mustache\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    found = [line.split(" ", 2)[:2] for line in out.splitlines() if line.startswith(("gen.sh", "render.sh"))]
    assert found == [["gen.sh:1:17:", "OV204"], ["gen.sh:2:33:", "OV204"], ["gen.sh:2:57:", "OV204"],
                     ["gen.sh:4:5:", "OV201"]]
    assert "`ovc` takes no `--data_type`, the Model Optimizer's option: `ovc` compresses weights to FP16 unless " \
           "`--compress_to_fp16=False`, which keeps FP32" in out
