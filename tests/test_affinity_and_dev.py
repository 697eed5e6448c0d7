"""CPU pinning (OV3xx), DL Streamer's `ie-config` keys (OV117, OV118), and the openvino-dev package and its
tools (OV4xx) on every surface."""
import json
import re

import pytest

from conftest import write

PINNING = [
    ("app.py", "import openvino.runtime.properties as rp\n\nconfig = {rp.affinity: rp.Affinity.NONE}\n",
     "import openvino.properties as rp\n\nconfig = {rp.hint.enable_cpu_pinning(): False}\n"),
    ("app2.py", "import openvino as ov\n\ncore = ov.Core()\ncore.compile_model('m.xml', 'CPU', "
                "{ov.properties.affinity: ov.properties.Affinity.CORE})\n",
     "import openvino as ov\n\ncore = ov.Core()\ncore.compile_model('m.xml', 'CPU', "
     "{ov.properties.hint.enable_cpu_pinning(): True})\n"),
    ("app3.py", "import openvino as ov\n\nov.Core().set_property('CPU', {'AFFINITY': 'CORE', 'NUM_STREAMS': 2})\n",
     "import openvino as ov\n\nov.Core().set_property('CPU', {'ENABLE_CPU_PINNING': 'YES', 'NUM_STREAMS': 2})\n"),
    ("bench.sh", "benchmark_app -m m.xml -pin HYBRID_AWARE -t 5\n", "benchmark_app -m m.xml -pin YES -t 5\n"),
    ("config.json", '{"model_config_list": [{"config": {"name": "m", "plugin_config": {"CPU_BIND_THREAD": "NO"}}}]}\n',
     '{"model_config_list": [{"config": {"name": "m", "plugin_config": {"ENABLE_CPU_PINNING": "NO"}}}]}\n'),
]


@pytest.mark.parametrize("path,source,fixed", PINNING, ids=[p[0] for p in PINNING])
def test_pinning_rewrites(ovlint, tmp_path, path, source, fixed):
    write(tmp_path / path, source)
    assert ovlint("--no-cache")[0] == 1
    ovlint("--fix", "--unsafe-fixes", "--no-cache")
    assert (tmp_path / path).read_text() == fixed


def test_inexact_pinning_needs_unsafe_fixes_and_says_what_is_lost(ovlint, tmp_path):
    source = "import openvino as ov\n\nov.Core().set_property('CPU', {'AFFINITY': 'NUMA'})\n"
    write(tmp_path / "app.py", source)
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert code == 1 and "NUMA nodes" in out and (tmp_path / "app.py").read_text() == source


def test_modern_and_unrelated_code_stays_silent(ovlint, tmp_path):
    write(tmp_path / "ok.py", "import os\nimport openvino.properties.hint as hints\n\nos.sched_setaffinity(0, {0})\n"
                              "config = {hints.enable_cpu_pinning: True, 'affinity': 'x'}\n")
    write(tmp_path / "requirements.txt", "openvino==2024.6.0\nopenvino-telemetry\npot\nngraph\n")
    write(tmp_path / "run.sh", "benchmark_app -m m.xml -pin YES\npip install openvino-tokenizers\n")
    assert ovlint("--no-cache")[0] == 0


DEV = [
    ("requirements.txt", "-r base.txt\nopenvino-dev==2024.6.0 ; sys_platform == 'linux'  # runtime\n",
     "-r base.txt\nopenvino==2024.6.0 ; sys_platform == 'linux'  # runtime\n"),
    ("constraints.txt", "OpenVINO_Dev==2023.3.0\n", "openvino==2023.3.0\n"),
    # pip expands `${NAME}` in a requirements file: the name and extras are before the variable
    ("env/requirements.txt", "openvino_dev[onnx]==${OV_VERSION}\nnumpy\n", "openvino==${OV_VERSION}\nonnx\nnumpy\n"),
    ("marker/requirements.txt", 'openvino-dev[onnx]==${V} ; python_version < "3.12"\nopenvino-dev==2022.${MINOR}\n',
     'openvino==${V} ; python_version < "3.12"\nonnx; python_version < "3.12"\nopenvino==2022.${MINOR}\n'),
    ("pyproject.toml", "[project]\nname = 'a'\ndependencies = ['numpy', 'openvino-dev>=2023.1']\n",
     "[project]\nname = 'a'\ndependencies = ['numpy', 'openvino>=2023.1']\n"),
    ("poetry/pyproject.toml", "[tool.poetry.dependencies]\npython = '^3.10'\nopenvino-dev = '^2024.0'\n",
     "[tool.poetry.dependencies]\npython = '^3.10'\nopenvino = '^2024.0'\n"),
    ("setup.cfg", "[options]\ninstall_requires =\n    openvino-dev==2024.0.0\n",
     "[options]\ninstall_requires =\n    openvino==2024.0.0\n"),
    ("setup.py", "from setuptools import setup\n\nsetup(name='a', install_requires=['openvino-dev'])\n",
     "from setuptools import setup\n\nsetup(name='a', install_requires=['openvino'])\n"),
    ("environment.yml", "dependencies:\n  - python=3.11\n  - pip:\n    - openvino-dev==2024.6.0\n",
     "dependencies:\n  - python=3.11\n  - pip:\n    - openvino==2024.6.0\n"),
    ("Pipfile", "[packages]\nopenvino-dev = '==2024.6.0'\n", "[packages]\nopenvino = '==2024.6.0'\n"),
    (".github/workflows/ci.yml", "jobs:\n  t:\n    steps:\n      - run: pip install -U openvino-dev[pytorch]\n",
     "jobs:\n  t:\n    steps:\n      - run: pip install -U openvino torch\n"),
    # the extras' frameworks once each, and not those listed beside it
    ("install.sh", "pip install openvino-dev[onnx,tensorflow,tensorflow2]==2023.3.0 onnx\n",
     "pip install openvino==2023.3.0 tensorflow onnx\n"),
    # a quoted word stays one requirement: the frameworks are words (argv items) of their own
    ("quoted.sh", "pip install \"openvino-dev[onnx]>=2023.1.0\" 'torch'\n",
     "pip install \"openvino>=2023.1.0\" onnx 'torch'\n"),
    ("marker.sh", "pip install \"openvino-dev[onnx]>=2023.1; python_version >= '3.8'\"\n",
     "pip install \"openvino>=2023.1; python_version >= '3.8'\" \"onnx; python_version >= '3.8'\"\n"),
    ("argv.py", "import subprocess\n\nsubprocess.check_call(['pip', 'install', 'openvino-dev[onnx]==2023.3.0'])\n",
     "import subprocess\n\nsubprocess.check_call(['pip', 'install', 'openvino==2023.3.0', 'onnx'])\n"),
    ("var/setup.py", "from setuptools import setup\n\nrequires = ['openvino-dev']\nsetup(name='a', install_requires=requires)\n",
     "from setuptools import setup\n\nrequires = ['openvino']\nsetup(name='a', install_requires=requires)\n"),
    ("exec/Dockerfile", 'FROM python:3.10\nRUN ["pip", "install", "openvino-dev[onnx]==2023.3.0"]\n',
     'FROM python:3.10\nRUN ["pip", "install", "openvino==2023.3.0", "onnx"]\n'),
]


@pytest.mark.parametrize("path,source,fixed", DEV, ids=[d[0] for d in DEV])
def test_openvino_dev_rewrites(ovlint, tmp_path, path, source, fixed):
    write(tmp_path / path, source)
    code, out, _ = ovlint("--select", "OV401", "--no-cache", "--output-format", "concise")
    assert code == 1 and "OV401" in out
    # the tools `openvino-dev` carried may be run elsewhere in the project: the fix is unsafe
    assert ovlint("--select", "OV401", "--fix", "--no-cache")[0] == 1
    assert ovlint("--select", "OV401", "--fix", "--unsafe-fixes", "--no-cache")[0] == 0
    assert (tmp_path / path).read_text() == fixed


def test_notebook_pip_line(ovlint, tmp_path):
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": ["%pip install -q openvino-dev[onnx]==2024.6.0\n"]}
    write(tmp_path / "nb.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert ovlint("--select", "OV401", "--fix", "--unsafe-fixes", "--no-cache")[0] == 0
    fixed = json.loads((tmp_path / "nb.ipynb").read_text())
    assert fixed["cells"][0]["source"] == ["%pip install -q openvino==2024.6.0 onnx\n"]


def test_tools_name_their_replacement(ovlint, tmp_path):
    write(tmp_path / "q.sh", "pot -c q.json\naccuracy_check -c ac.yml\nomz_converter --name m\ncompile_tool -m m.xml\n")
    write(tmp_path / "q.py", "from openvino.tools.pot import IEEngine\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert code == 1
    assert out.count("OV402") == 4 and "nncf.quantize" in out and "export_model()" in out and "huggingface" in out
    assert "q.py:1:1: OV403" in out


def test_model_api_is_its_own_package(ovlint, tmp_path):
    write(tmp_path / "app.py", "from openvino.model_zoo.model_api.adapters import OpenvinoAdapter\n"
                               "from openvino.model_zoo import _configuration\n")
    write(tmp_path / "requirements.txt", "openmodelzoo-modelapi==2022.3.0\nopenvino-model-api\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    lines = out.splitlines()
    assert "app.py:1:1: OV403" in lines[0] and "import `model_api.adapters` instead" in lines[0]
    assert "app.py:2:1: OV403 `openvino.model_zoo` (the Open Model Zoo tools' Python package)" in lines[1]
    assert lines[2].startswith("requirements.txt:1:1: OV404 `openmodelzoo-modelapi` ended with 2022.3.0")
    assert "Found 3 finding(s)." in out


def test_legacy_install_layout(ovlint, tmp_path):
    write(tmp_path / "Dockerfile", "\n".join([
        "RUN wget https://apt.repos.intel.com/openvino/2021/GPG-PUB-KEY-INTEL-OPENVINO-2021",
        "RUN echo 'deb https://apt.repos.intel.com/openvino/2021 all main' > /etc/apt/sources.list.d/ov.list",
        "RUN cd /opt/intel/openvino/deployment_tools/model-optimizer && ls",
        "RUN cp -r build/include $STAGING_DIR/deployment_tools/inference_engine/",  # a build's own layout
        "RUN . /opt/intel/openvino_2025/setupvars.sh",
        "ENV LD_LIBRARY_PATH=/opt/intel/openvino/deployment_tools/ngraph/lib:${LD_LIBRARY_PATH}",
    ]) + "\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--target-version", "2026.4")
    lines = [line for line in out.splitlines() if line.startswith("Dockerfile:")]
    assert [line.split(": ")[0] for line in lines] == ["Dockerfile:1:10", "Dockerfile:2:10", "Dockerfile:3:8",
                                                       "Dockerfile:6:5"]
    assert "GPG-PUB-KEY-INTEL-SW-PRODUCTS.PUB" in lines[0] and "`ubuntu22 main` on 22.04" in lines[1]
    assert "`deployment_tools/model-optimizer` is a 2021 path" in lines[2] and "`ovc`" in lines[2]
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--target-version", "2024.6")
    assert "Dockerfile:2:" not in out and "Dockerfile:3:8" in out


def test_the_root_link_of_older_installs_is_a_2021_path_and_the_python_package_is_not(ovlint, tmp_path):
    write(tmp_path / "run.sh", "\n".join([
        "python3 app.py -l /opt/intel/openvino/inference_engine/lib/intel64/libcpu_extension_sse4.so",
        "cd $INTEL_OPENVINO_DIR/inference_engine/samples/cpp && ./build_samples.sh",
        "ls /opt/intel/openvino_2021/python/python3.8/openvino/inference_engine",
        "ls /usr/lib/python3/dist-packages/openvino/inference_engine /opt/intel/openvino/inference_engine_extra",
    ]) + "\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV508")
    assert re.findall(r"(?m)^run.sh:(\d+):\d+: OV508 `([^`]+)`", out) == [
        ("1", "inference_engine/lib/intel64"), ("2", "inference_engine")]


def test_gstreamer_ie_config_in_notebooks_dockerfiles_and_variables(ovlint, tmp_path):
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
             for source in (["!gst-launch-1.0 videotestsrc ! gvadetect model=m.xml ie-config=CPU_BIND_THREAD=NO "
                             "! fakesink\n"],
                            ["pipeline = f'gvadetect model={m} ie-config=CPU_THROUGHPUT_STREAMS=2 ! fakesink'\n"])]
    write(tmp_path / "demo.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    write(tmp_path / "Dockerfile", "FROM dlstreamer/dlstreamer:2022.1\n"
          'ENV DETECT="gvadetect model=/m.xml ie-config=CPU_THREADS_NUM=4"\n')
    # quoted assignments set variables too: the pipeline is reported where it runs
    write(tmp_path / "bench.sh", 'PARAMS="ie-config=CPU_BIND_THREAD=NUMA nireq=4"\n'
          'PIPELINE="videotestsrc ! gvainference model=m.xml ${PARAMS} ! fakesink"\n'
          'gst-launch-1.0 $PIPELINE\n')
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV117,OV118")
    assert sorted(" ".join(m) for m in re.findall(r"(?m)^(.*?): (OV\d+) ", out)) == [
        "Dockerfile:2:46 OV117", "bench.sh:3:16 OV117", "demo.ipynb:cell 1:1:64 OV117", "demo.ipynb:cell 2:1:44 OV118"]
    assert "not exact for `NUMA`" in out and "(through `$PIPELINE`)" in out
    assert ovlint("--no-cache", "--fix", "--select", "OV117,OV118")[0] == 1  # the variable's use is not rewritten
    assert 'ie-config=INFERENCE_NUM_THREADS=4"' in (tmp_path / "Dockerfile").read_text()
    cells = [c["source"][0] for c in json.loads((tmp_path / "demo.ipynb").read_text())["cells"]]
    assert "ie-config=ENABLE_CPU_PINNING=NO " in cells[0] and "ie-config=NUM_STREAMS=2 " in cells[1]


def test_a_stale_path_in_a_variable_is_reported_once_where_it_is_first_used(ovlint, tmp_path):
    write(tmp_path / "convert.sh", "OV=/opt/intel/openvino_2021\nMO_DIR=$OV/deployment_tools/model_optimizer\n"
          'if [ ! -d "$MO_DIR" ]; then\n  echo "no Model Optimizer in $MO_DIR"\nfi\n'
          "python3 $MO_DIR/mo.py --help\nsource $OV/bin/setupvars.sh\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV508")
    # the file sources 2021's install: its floor, which each finding names after it
    assert re.findall(r"(?m)^convert\.sh:(\d+):(\d+): OV508 .*?(\(through `[^)]*\)) \[breaks at 2022.1, pinned 2021.1\]$",
                      out) == [
        ("3", "11", "(through `$MO_DIR`)"), ("7", "8", "(through `$OV`)")]


def test_a_variable_s_first_use_without_a_stale_path_hides_none_and_every_path_of_a_word_is_named(ovlint, tmp_path):
    """`$OV/install_dependencies/...` first, then `$OV/bin/setupvars.sh`: each finding through the
    variable is made once, where it is first made; a word with several 2021 paths names them all."""
    write(tmp_path / "setup.sh", "OV=/opt/intel/openvino\nls $OV/install_dependencies\nsource $OV/bin/setupvars.sh\n"
                                 "source $OV/bin/setupvars.sh\nexport LD_LIBRARY_PATH=$LD_LIBRARY_PATH:/opt/intel/openvino/"
                                 "deployment_tools/ngraph/lib:/opt/intel/openvino/deployment_tools/inference_engine/lib/intel64\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV508")
    assert re.findall(r"(?m)^setup\.sh:(\d+):\d+: OV508", out) == ["3", "5"]
    assert "`deployment_tools/ngraph/lib` is a 2021 path, gone since 2022.1: use `runtime/lib/intel64`; " \
           "`deployment_tools/inference_engine/lib/intel64` is a 2021 path" in out


def test_a_stale_path_written_in_an_assignment_is_not_reported_again_where_it_is_used(ovlint, tmp_path):
    write(tmp_path / "vars.sh", "export model_downloader=/opt/intel/openvino/deployment_tools/tools/downloader.py\n"
          'echo "model_downloader="$model_downloader\npython3 $model_downloader --name x\n')
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV508")
    assert re.findall(r"(?m)^vars\.sh:(\d+):(\d+): OV508", out) == [("1", "8")]


def test_repeated_slashes_in_a_stale_path_count_as_one(ovlint, tmp_path):
    write(tmp_path / "env.sh", "export INTEL_OPENVINO_DIR=/opt/intel/openvino_2021/\n"
          "source ${INTEL_OPENVINO_DIR}/bin/setupvars.sh\nsource /opt/intel/openvino_2021//bin/setupvars.sh\n"
          "cd /opt/intel/openvino_2021/deployment_tools//model_optimizer\n"
          "source /opt/intel/openvino_2025//setupvars.sh\n")
    write(tmp_path / "CMakeLists.txt", 'include_directories("$ENV{INTEL_OPENVINO_DIR}//deployment_tools/'
          'inference_engine//include")\n')
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV508,OV511")
    assert sorted(re.findall(r"(?m)^(\S+?:\d+:\d+): (OV\d+) ", out)) == [
        ("CMakeLists.txt:1:21", "OV511"), ("env.sh:2:8", "OV508"), ("env.sh:3:8", "OV508"), ("env.sh:4:4", "OV508")]
    assert "`deployment_tools/inference_engine/include` is a 2021 path" in out
    assert "`deployment_tools/model_optimizer` is a 2021 path" in out


def test_two_pinning_keys_in_one_config_are_not_both_renamed(ovlint, tmp_path):
    """`{"CPU_BIND_THREAD": "NUMA", "AFFINITY": "CORE"}` would become two `ENABLE_CPU_PINNING` keys
    with opposite values: both are reported, neither renamed."""
    server = ('{"model_config_list": [{"config": {"name": "m", "base_path": "/m",\n'
              '  "plugin_config": {"CPU_BIND_THREAD": "NUMA", "AFFINITY": "CORE"}}}]}\n')
    program = 'import openvino as ov\n\nov.Core().compile_model("m.xml", "CPU", {"AFFINITY": "CORE", "ENABLE_CPU_PINNING": "NO"})\n'
    write(tmp_path / "config.json", server)
    write(tmp_path / "app.py", program)
    code, out, _ = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    assert code == 1 and (tmp_path / "config.json").read_text() == server and (tmp_path / "app.py").read_text() == program
    assert out.count("keep one setting") == 3


def test_a_key_tested_in_the_programs_own_dict_is_no_guard_and_device_dicts_are_apart(ovlint, tmp_path):
    program = ('import openvino as ov\n\ncore = ov.Core()\n\n\ndef b(model, config):\n'
               '    if "CPU_BIND_THREAD" in config:\n        config["CPU_BIND_THREAD"] = "NO"\n'
               '    return core.compile_model(model, "CPU", config)\n\n\n'
               'def d(model):\n    return core.compile_model(model, "MULTI", {"DEVICE_PROPERTIES": '
               '{"CPU": {"CPU_BIND_THREAD": "YES"}, "GPU": {"ENABLE_CPU_PINNING": "NO"}}})\n')
    write(tmp_path / "app.py", program)
    # the test of `"CPU_BIND_THREAD" in config` keeps the old key: the renames are unsafe
    code, out, _ = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    fixed = (tmp_path / "app.py").read_text()
    assert 'config["ENABLE_CPU_PINNING"] = "NO"' in fixed and '{"CPU": {"ENABLE_CPU_PINNING": "YES"}' in fixed


def test_a_2021_library_path_names_the_library_that_replaced_it(ovlint, tmp_path):
    write(tmp_path / "copy.sh", "cp ${OV}/openvino/deployment_tools/ngraph/lib/libngraph${EXT} lib/\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise", "--select", "OV508")
    assert "the libraries are in `runtime/lib/intel64`, and `libngraph` is `libopenvino` there" in out


def test_a_model_server_command_is_reported_at_its_option_for_every_registry_s_image(ovlint, tmp_path):
    """Docker Hub's `openvino/model_server` and Red Hat's `openvino-model-server` run the same server;
    the finding points at the option and its value, not at the image."""
    write(tmp_path / "serve.sh", "podman run -d registry.connect.redhat.com/intel/openvino-model-server:latest \\\n"
                                 "  --model_path /m --model_name m \\\n  --shape auto\n"
                                 "docker run openvino/model_server:latest --model_path /m --model_name m "
                                 "--plugin_config '{\"CPU_THROUGHPUT_STREAMS\": \"1\"}'\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    found = [(d["location"]["row"], d["location"]["column"], d["end_location"]["column"], d["message"][:40])
             for d in json.loads(out)]
    assert found == [(3, 3, 15, "`--shape auto` is deprecated: give the s"),
                     (4, 72, 121, "`--plugin_config` uses the API 1.0 key `")]


def test_a_model_server_config_that_is_not_json_is_reported_and_other_json_like_files_are_not(ovlint, tmp_path):
    """The Model Server reads strict JSON: a trailing comma in a config holding its keys is an
    error ovlint names (OV001), where it used to pass in silence; a `tsconfig.json` with comments
    holds no rule's words and is never read."""
    write(tmp_path / "config.json", '{"model_config_list": [{"config": {"name": "a", "base_path": "/m",\n'
                                    '  "plugin_config": {"CPU_THROUGHPUT_STREAMS": "CPU_THROUGHPUT_AUTO"},}}]}\n')
    write(tmp_path / "tsconfig.json", '{\n  // options\n  "compilerOptions": {},\n}\n')
    write(tmp_path / ".devcontainer" / "devcontainer.json",  # JSON with comments, for its own tools
          '{\n  // mounts the model_config_list of the server\n  "name": "ovms",\n}\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and out.splitlines()[0].startswith("config.json:1:1: OV001 not JSON (")
    assert "tsconfig" not in out and "devcontainer" not in out


def test_replacing_openvino_dev_on_a_release_older_than_ovc_says_the_converter_goes(ovlint, tmp_path):
    write(tmp_path / "Dockerfile", "FROM openvino/ubuntu20_dev:2022.3.0\nRUN pip install openvino-dev[tensorflow2]==2022.3\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    (finding,) = [d for d in json.loads(out) if d["code"] == "OV401"]
    assert "`openvino` has no model converter: `ovc` ships from 2023.1" in finding["fix"]["message"]
    # `[tensorflow2]` of 2022.3 capped TensorFlow at 2.10.0; the `tensorflow` the fix adds is not
    assert "without the version bounds the extra set on them" in finding["fix"]["message"]
    write(tmp_path / "Dockerfile", "FROM openvino/ubuntu22_dev:2024.6.0\nRUN pip install openvino-dev==2024.6.0\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    assert "no model converter" not in out


def test_replacing_an_unpinned_openvino_dev_says_the_runtime_moves_to_the_newest(ovlint, tmp_path):
    write(tmp_path / "install.sh", "pip install openvino-dev\npip install openvino-dev==2023.3.0\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    messages = [d["fix"]["message"] for d in json.loads(out) if d["code"] == "OV401"]
    assert ["`openvino-dev` installed its last release, 2024.6.0" in m for m in messages] == [True, False]


def test_benchmark_app_holds_openvino_dev_only_below_the_release_whose_openvino_carries_it(ovlint, tmp_path):
    """Below 2023.1 only `openvino-dev` installs `benchmark_app`: a notebook or script of the folder
    that runs it holds the requirement until the pin rises; nothing breaks on the way, so its own
    finding counts as no break."""
    notebook = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                      "source": ["!benchmark_app -m model.xml -d CPU\n"]}],
                           "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    for folder, release in (("old", "2022.2.0"), ("new", "2023.3.0")):
        write(tmp_path / folder / "requirements.txt", f"openvino-dev=={release}\n")
        write(tmp_path / folder / "bench.ipynb", notebook)
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "old/requirements.txt:1:1: OV401 `openvino-dev` ended with 2024.6.0: depend on `openvino` (not replaced " \
           "while `bench.ipynb` runs `benchmark_app`, which only `openvino-dev` installs on 2022.2: raise the pin to " \
           "2023.1 first)" in out
    assert "new/requirements.txt:1:1: OV401 [-]" in out and "new/bench.ipynb" not in out
    assert "Migrating from OpenVINO 2022.2 (old/requirements.txt:1) to 2026.4: 1 break at 2025.0, 1 deprecated, " \
           "not removed yet." in out


def test_openvino_dev_stays_while_the_code_it_installs_for_imports_its_tools(ovlint, tmp_path):
    """`openvino` never carried `openvino.tools.mo`, POT or the Open Model Zoo tools: while a module
    or notebook in the requirement file's folder (or below) imports or runs one, replacing the
    package breaks it; code beside the folder is another project's."""
    write(tmp_path / "app" / "requirements.txt", "openvino-dev==2022.3.0\n")
    write(tmp_path / "app" / "tools" / "convert.py", "from openvino.tools.mo import convert_model\n\nconvert_model('m.onnx')\n")
    write(tmp_path / "other" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "convert.py", "from openvino.tools.mo import convert_model\n")
    # unpinned beside a file that pins `openvino`: pip installs the `openvino-dev` of that release
    write(tmp_path / "dev" / "requirements.txt", "openvino==2022.1.0\n")
    write(tmp_path / "dev" / "requirements-dev.txt", "-r requirements.txt\nopenvino-dev\n")
    # a shell script beside that runs a tool, a command list in Python, a notebook's `! mo`, code beside
    # a `requirements/` folder; not an example in a docstring
    write(tmp_path / "sh" / "requirements.txt", "openvino-dev==2022.3.0\n")
    write(tmp_path / "sh" / "get.sh", "# omz_downloader --help\nset -e\nomz_downloader --name resnet-50-tf\n")
    write(tmp_path / "list" / "requirements.txt", "openvino-dev==2022.3.0\n")
    write(tmp_path / "list" / "prep.py", "import subprocess\n\nsubprocess.run(['omz_converter', '--name', 'm'])\n")
    write(tmp_path / "nb" / "requirements.txt", "openvino-dev==2022.3.0\n")
    write(tmp_path / "nb" / "convert.ipynb", json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                                                                    "execution_count": None, "source": ["! mo -m m.onnx\n"]}],
                                                         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    write(tmp_path / "reqdir" / "requirements" / "base.txt", "openvino-dev==2022.3.0\n")
    write(tmp_path / "reqdir" / "src" / "convert.py", "from openvino.tools.mo import convert_model\n")
    write(tmp_path / "doc" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "doc" / "app.py", '"""Convert first:\n\nfrom openvino.tools.mo import convert_model\n"""\n')
    # a CI job, a Dockerfile, a Makefile that install the file and run a tool
    write(tmp_path / "ci" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "ci" / ".github" / "workflows" / "test.yml",
          "jobs:\n  t:\n    steps:\n      - run: pip install -r requirements.txt\n      - run: omz_downloader --name m\n")
    write(tmp_path / "docker" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "docker" / "Dockerfile", "FROM python:3.10\nRUN pip install -r requirements.txt\n"
                                             "RUN omz_converter --name m\n")
    write(tmp_path / "make" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "make" / "Makefile", "models:\n\tpip install -r requirements.txt && omz_downloader --name m\n")
    # a CI job's own install, for the code of its repository
    write(tmp_path / "job" / ".github" / "workflows" / "test.yml",
          "jobs:\n  t:\n    steps:\n      - run: pip install openvino-dev==2023.3.0 && python check.py\n")
    write(tmp_path / "job" / "check.py", "from openvino.tools.mo import convert_model\n")
    write(tmp_path / "gitlab" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "gitlab" / ".gitlab-ci.yml", "convert:\n  script:\n    - pip install -r requirements.txt\n"
                                                  "    - omz_converter --name m\n")
    # a Makefile target, a comment, a Dockerfile's notes: no command
    write(tmp_path / "none" / "requirements.txt", "openvino-dev==2023.3.0\n")
    write(tmp_path / "none" / "Makefile", "omz_downloader : deps\n\tpython3 get.py  # (omz_downloader --name m)\n")
    write(tmp_path / "none" / "Dockerfile.md", "RUN omz_downloader --name m\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    found = {d["filename"]: d for d in json.loads(out) if d["code"] == "OV401"}
    for name, use in (("sh/requirements.txt", "`get.sh` runs `omz_downloader`"),
                      ("list/requirements.txt", "`prep.py` runs `omz_converter`"),
                      ("nb/requirements.txt", "`convert.ipynb` runs `mo`"),
                      ("reqdir/requirements/base.txt", "`../src/convert.py` imports `openvino.tools.mo`"),
                      ("ci/requirements.txt", "`.github/workflows/test.yml` runs `omz_downloader`"),
                      ("docker/requirements.txt", "`Dockerfile` runs `omz_converter`"),
                      ("make/requirements.txt", "`Makefile` runs `omz_downloader`"),
                      ("gitlab/requirements.txt", "`.gitlab-ci.yml` runs `omz_converter`"),
                      ("job/.github/workflows/test.yml", "`../../check.py` imports `openvino.tools.mo`")):
        assert found[name]["fix"] is None and f"not replaced while {use}" in found[name]["message"], name
    assert found["doc/requirements.txt"]["fix"] is not None and found["none/requirements.txt"]["fix"] is not None
    held = found["app/requirements.txt"]
    assert held["fix"] is None and "not replaced while `tools/convert.py` imports `openvino.tools.mo`" in held["message"]
    assert found["other/requirements.txt"]["fix"] is not None
    assert "installed its last release" not in found["dev/requirements-dev.txt"]["fix"]["message"]
    # the import migrated in the same run (OV202, at 2023.3 where `openvino.convert_model` is), the package follows
    write(tmp_path / "app" / "requirements.txt", "openvino-dev==2023.3.0\n")
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "app")
    assert "openvino.tools" not in (tmp_path / "app" / "tools" / "convert.py").read_text()
    assert (tmp_path / "app" / "requirements.txt").read_text() == "openvino==2023.3.0\n"


def test_an_affinity_value_written_apart_from_its_key_is_reported_not_left_behind(ovlint, tmp_path):
    # renaming the key alone would hand `enable_cpu_pinning` an `ov::Affinity`, which no longer exists
    source = ("void configure(std::map<std::string, ov::Any>& config) {\n"
              "    config.emplace(ov::affinity.name(), ov::Affinity::NONE);\n"
              "    auto mode = ov::Affinity::CORE;\n}\n")
    write(tmp_path / "config.cpp", source)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "config.cpp").read_text() == source
    assert [line.split(":")[1:3] for line in out.splitlines() if " OV304 " in line] == [["2", "20"], ["2", "41"],
                                                                                         ["3", "17"]]
    assert out.count("`NONE` is `false`") == 3


@pytest.mark.parametrize("source", [
    # `onnx` in an optional group is not installed with the dependency the extra was part of
    "[project]\nname = 'a'\ndependencies = ['openvino-dev[onnx]>=2023.1']\n\n"
    "[project.optional-dependencies]\ntest = ['onnx>=1.12']\n",
    # a Poetry table keeps its `extras`, which `openvino` does not have
    "[tool.poetry.dependencies]\npython = '^3.10'\nopenvino-dev = {version = '^2023.1', extras = ['onnx']}\n\n"
    "[tool.poetry.group.dev.dependencies]\nonnx = '*'\n",
    # an extra of `extras_require` is not installed with `install_requires`
    "from setuptools import setup\n\nsetup(name='x', install_requires=['openvino-dev[onnx]==2023.3.0'], "
    "extras_require={'dev': ['onnx']})\n",
])
def test_an_extra_whose_package_would_be_lost_is_reported_not_rewritten(ovlint, tmp_path, source):
    name = "setup.py" if source.startswith("from setuptools") else "pyproject.toml"
    write(tmp_path / name, source)
    code, out, _ = ovlint("--select", "OV401", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    assert code == 1 and (tmp_path / name).read_text() == source
    assert "what its extras installed, `onnx`, by hand" in out


def test_a_toml_requirement_with_escaped_marker_quotes_is_read_and_reported_without_a_fix(ovlint, tmp_path):
    # its value is not its text, so no span inside it can be edited; its pin still counts
    source = ('[project]\nname = "a"\ndependencies = [\n'
              '    "openvino-dev==2022.3.0 ; python_version < \\"3.11\\"",\n    "numpy",\n]\n')
    write(tmp_path / "pyproject.toml", source)
    code, out, _ = ovlint("--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    assert code == 1 and (tmp_path / "pyproject.toml").read_text() == source
    (line,) = out.splitlines()[:1]
    assert line.startswith("pyproject.toml:4:6: OV401 ") and "(not rewritten: the string holds escapes)" in line
    assert "Migrating from OpenVINO 2022.3 (pyproject.toml:4)" in out


def test_a_configuration_built_where_nothing_names_openvino_is_read_by_every_key_rule(ovlint, tmp_path):
    # the pinning key and the other legacy keys of one dict are judged alike: a half-migrated dict
    # must not check clean
    write(tmp_path / "config.py", "def user_config(threads):\n    config = {}\n"
                                  "    config['CPU_THREADS_NUM'] = str(threads)\n"
                                  "    config['CPU_BIND_THREAD'] = 'NO'\n    return config\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert code == 1 and "config.py:3:12: OV107" in out and "config.py:4:12: OV301" in out


def test_a_key_asked_of_api_1_s_list_of_supported_keys_is_renamed_with_the_list(ovlint, tmp_path):
    """The list becomes `SUPPORTED_PROPERTIES`, which names keys as API 2.0 does: the guard asks
    for the new name, and the setting it guards is migrated, not left as tolerant code."""
    write(tmp_path / "app.py", 'from openvino.inference_engine import IECore\n\nie = IECore()\n'
                               'keys = ie.get_metric("CPU", "SUPPORTED_CONFIG_KEYS")\n'
                               'if "CPU_THROUGHPUT_STREAMS" in keys:\n    ie.set_config({"CPU_THROUGHPUT_STREAMS": "3"}, "CPU")\n'
                               'if "CPU_BIND_THREAD" not in keys:\n    print("no pinning")\n'
                               'if "DYN_BATCH_ENABLED" in keys:\n    print("dynamic batch")\n')
    code, out, _ = ovlint("check", "--fix", "--unsafe-fixes", "--no-cache", "--output-format", "concise")
    assert 'app.py:9:4: OV107 `DYN_BATCH_ENABLED` is not an API 2.0 key' in out
    assert (tmp_path / "app.py").read_text().startswith("from openvino.inference_engine")  # held by that one
    (tmp_path / "app.py").write_text("\n".join((tmp_path / "app.py").read_text().splitlines()[:8]) + "\n")
    ovlint("check", "--fix", "--unsafe-fixes", "--no-cache")
    assert (tmp_path / "app.py").read_text() == (
        'import openvino as ov\n\nie = ov.Core()\nkeys = ie.get_property("CPU", "SUPPORTED_PROPERTIES")\n'
        'if "NUM_STREAMS" in keys:\n    ie.set_property("CPU", {"NUM_STREAMS": "3"})\n'
        'if "ENABLE_CPU_PINNING" not in keys:\n    print("no pinning")\n')


def test_a_pinning_key_used_elsewhere_without_a_safe_rename_makes_each_rename_unsafe(ovlint, tmp_path):
    """`--fix` alone would rename one setting and leave the other, and the read, on the old key."""
    program = ("from openvino.inference_engine import IECore\n\nie = IECore()\n"
               "ie.set_config({'CPU_BIND_THREAD': 'NUMA'}, 'CPU')\nie.set_config({'CPU_BIND_THREAD': 'NO'}, 'CPU')\n"
               "print(ie.get_config('CPU', 'CPU_BIND_THREAD'))\n")
    write(tmp_path / "app.py", program)
    ovlint("check", "--fix", "--no-cache", "--select", "OV301")
    assert (tmp_path / "app.py").read_text() == program


def test_a_pinning_key_read_back_from_the_program_s_own_dict_makes_the_rename_unsafe(ovlint, tmp_path):
    program = ('import openvino as ov\n\nconfig = {"AFFINITY": "NONE"}\nov.Core().set_property("CPU", config)\n'
               'print(config["AFFINITY"])\n')
    write(tmp_path / "app.py", program)
    ovlint("check", "--fix", "--no-cache", "--select", "OV301")
    assert (tmp_path / "app.py").read_text() == program  # a safe rename would make the read a KeyError


def test_api_1_s_list_of_supported_keys_read_for_itself_is_not_renamed(ovlint, tmp_path):
    write(tmp_path / "app.py", 'from openvino.inference_engine import IECore\n\nie = IECore()\n'
                               'print(sorted(ie.get_metric("CPU", "SUPPORTED_CONFIG_KEYS")))\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--select", "OV107")
    assert "app.py:4:35: OV107 `SUPPORTED_CONFIG_KEYS` is `SUPPORTED_PROPERTIES`" in out
    assert "(not rewritten: the program reads the list itself here" in out


def test_pot_run_from_a_python_list_with_arguments_it_does_not_spell_is_pot(ovlint, tmp_path):
    write(tmp_path / "quantize.py", 'import subprocess\n\nPOT_ARGS = load()\nsubprocess.run(["pot"] + POT_ARGS)\n')
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and "quantize.py:4:18: OV402" in out


def test_a_poetry_table_pins_by_a_bare_version_and_drops_openvino_dev_beside_openvino(ovlint, tmp_path):
    """Poetry's `openvino = "2022.3.0"` is exactly that release; renaming `openvino-dev` beside it
    would write the key twice (invalid TOML), so that line goes."""
    write(tmp_path / "pyproject.toml", '[tool.poetry.dependencies]\nopenvino-dev = "2022.3.0"\nopenvino = "2022.3.0"\n')
    write(tmp_path / "app.py", "from openvino.runtime import Core\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (tmp_path / "pyproject.toml").read_text() == '[tool.poetry.dependencies]\nopenvino = "2022.3.0"\n'
    assert (tmp_path / "app.py").read_text() == "from openvino.runtime import Core\n" and "OV002" not in out
    assert "pyproject.toml:2 pins 2022.3" in out


def test_a_property_function_kept_to_be_called_later_stays_a_function(ovlint, tmp_path):
    """`properties.affinity` in a list of getters is called later: writing the call there (as for a
    dict key) would hand `p()` a string. It becomes the function, by an unsafe fix (a bool where an
    enum was)."""
    source = ("from openvino import Core, properties\n\ncore = Core()\n"
              "for p in [properties.num_streams, properties.affinity]:\n    print(p(), core.get_property('CPU', p()))\n")
    write(tmp_path / "probe.py", source)
    ovlint("check", "--no-cache", "--fix")
    assert (tmp_path / "probe.py").read_text() == source
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    assert "[properties.num_streams, properties.hint.enable_cpu_pinning]:" in (tmp_path / "probe.py").read_text()
