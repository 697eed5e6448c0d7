"""One file, four target releases: which findings and fixes each gets; a project's pin is the floor
its fixes must run on, and never hides a finding."""
import json
import os

import pytest

from conftest import write

SOURCE = """\
from openvino.inference_engine import IECore
from openvino.runtime import Core, Node
import openvino.runtime.opset13 as ops
import openvino as ov

core = Core()
core.set_property("CPU", {"AFFINITY": "NONE"})
kind = ov.Type.undefined
"""

EXPECTED = {  # code -> whether it has a fix, per target
    "2023.3": {"OV101": True, "OV601": False},
    "2024.6": {"OV101": True, "OV301": True, "OV601": False},
    "2025.0": {"OV101": True, "OV301": True, "OV601": True},
    "2026.4": {"OV101": True, "OV301": True, "OV601": True, "OV602": True},
}


@pytest.mark.parametrize("target", sorted(EXPECTED))
def test_findings_and_fixes_follow_the_target(ovlint, tmp_path, target):
    write(tmp_path / "app.py", SOURCE)
    code, out, _ = ovlint("check", "--target-version", target, "--output-format", "json", "--no-cache")
    found = {}
    for item in json.loads(out):
        found[item["code"]] = found.get(item["code"], False) or item["fix"] is not None
    assert found == EXPECTED[target]


def test_a_fix_the_target_cannot_import_says_which_release_can(ovlint, tmp_path):
    write(tmp_path / "app.py", "from openvino.runtime import Node\n")
    code, out, _ = ovlint("check", "--target-version", "2024.6", "--no-cache", "--output-format", "concise")
    assert code == 1 and "exports `Node` from 2025.0 on" in out


def test_the_names_a_fix_waits_for_are_listed_in_source_order():
    from ovlint import lint_source

    source = "import openvino.runtime as rt\n\n" + "".join(f"x{i} = rt.{name}\n" for i, name in enumerate(
        ["Output", "Node", "Input", "Symbol", "RTMap", "Extension", "Op", "Version"]))
    [finding] = lint_source(source, "app.py", select=["OV601"], target_version="2024.6")
    assert finding.message.endswith("(`openvino` exports `Output`, `Node`, `Input`, `Symbol`, `RTMap`, `Extension`, "
                                    "`Op`, `Version` from 2025.0 on)")


LEGACY_PROJECT = {
    "app.py": "from openvino.inference_engine import IECore\n\nie = IECore()\nnet = ie.read_network('m.xml')\n",
    "graph.py": "from openvino.runtime import Core\n\ncore = Core()\ncore.set_property('CPU', {'AFFINITY': 'CORE'})\n",
    "convert.sh": "mo --input_model model.onnx --output_dir ir\n",
}
PINS = ["openvino-dev[onnx]==2021.4.2", "openvino-dev==2022.3.0", "openvino-dev==2023.0.0", "openvino==2024.6.0"]


@pytest.mark.parametrize("pin", PINS)
def test_a_pin_never_silences_a_rule(ovlint, tmp_path, pin):
    for name, text in LEGACY_PROJECT.items():
        write(tmp_path / name, text)
    write(tmp_path / "requirements.txt", pin + "\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    families = {item["code"][:3] for item in json.loads(out)}
    expected = {"OV1", "OV2", "OV3", "OV6"} | ({"OV4"} if "openvino-dev" in pin else set())
    assert code == 1 and families == expected


# `openvino-dev` stays while `convert.sh` runs `mo`, which its release has no `ovc` for
@pytest.mark.parametrize("pin,fixable", [("openvino-dev==2022.3.0", set()),
                                         ("openvino-dev==2023.0.0", {"OV301"}),
                                         ("openvino==2023.3.0", {"OV101", "OV102", "OV201", "OV301", "OV601"})])
def test_a_fix_is_offered_only_when_the_pinned_release_has_what_it_writes(ovlint, tmp_path, pin, fixable):
    for name, text in LEGACY_PROJECT.items():
        write(tmp_path / name, text)
    write(tmp_path / "requirements.txt", pin + "\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    found = json.loads(out)
    assert {item["code"] for item in found if item["fix"]} == fixable
    for item in found:
        assert item["pin"] == {"release": pin.split("==")[1][:6], "origin": "requirements.txt:1",
                               "still_has_it": item["removed_in"] is None or item["removed_in"] > pin.split("==")[1]}
        if item["fix"] is None and item["code"] in ("OV101", "OV201", "OV601"):
            assert f"but requirements.txt:1 pins {pin.split('==')[1][:6]}: raise the pin to 2023.1" in item["message"]


@pytest.mark.parametrize("name, text", [
    ("requirements-ov.txt", "openvino==2023.3.0\n"),
    ("openvino.yml", "name: ov\ndependencies:\n  - python=3.8\n  - pip:\n    - openvino==2023.3.0\n"),
    # conda-forge's own package, in conda's spelling (`=2023.3.0` matches 2023.3.0 and its builds)
    ("environment.yml", "name: ov\nchannels:\n  - conda-forge\ndependencies:\n  - conda-forge::openvino=2023.3.0\n"),
    ("environment.yml", "name: ov\ndependencies:\n  - openvino 2023.3.0 py310_0\n  - numpy\n"),
    # a system package of 2022 and later, installed before the code runs
    ("install.sh", "apt-get install -y openvino-2023.3.0\npython3 graph.py\n"),
    # what `conda env export` writes, with the build after the version
    ("environment.yml", "name: ov\ndependencies:\n  - openvino=2023.3.0=py310h1234567_0\n"),
    # a CI job that installs a release with an action, then runs the code
    (os.path.join(".github", "workflows", "ci.yml"), "jobs:\n  t:\n    steps:\n      - uses: abrown/install-openvino-action@v9\n"
                                                     "        with:\n          version: 2023.3.0\n      - run: python3 graph.py\n"),
])
def test_any_dependency_file_of_the_folder_pins_it(ovlint, tmp_path, name, text):
    """Another requirements file, or a conda environment under another name, pins the folder as
    `requirements.txt` does: a fix the pinned release cannot run is withheld."""
    write(tmp_path / name, text)
    write(tmp_path / "graph.py", "from openvino.runtime import opset8\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert (tmp_path / "graph.py").read_text() == "from openvino.runtime import opset8\n"
    assert f"the fix needs OpenVINO 2025.0, but {name}:" in out and "pins 2023.3" in out


def test_a_requirement_older_than_the_table_pins_the_release_it_names(ovlint, tmp_path):
    """`openvino==2021.3.0` pins 2021.3, as it is written (a release before 2021.4 is no known
    target, but it is the pin the user looks for); a version from before 2018 counts as 2021.4."""
    write(tmp_path / "old" / "requirements.txt", "numpy\nopenvino==2021.3.0\n")
    write(tmp_path / "old" / "app.py", "from openvino.inference_engine import IECore\nie = IECore()\n")
    write(tmp_path / "odd" / "requirements.txt", "openvino>=1.0\n")
    write(tmp_path / "odd" / "app.py", "from openvino.inference_engine import IECore\nie = IECore()\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "Migrating from OpenVINO 2021.3 (old/requirements.txt:2) to" in out
    assert "Migrating from OpenVINO 2021.4 (odd/requirements.txt:1) to" in out


def test_a_pin_in_an_included_requirements_file_pins_the_folder(ovlint, tmp_path):
    """`-r requirements/base.txt` installs what that file pins: its pin is the folder's (includes
    that include each other are read once)."""
    write(tmp_path / "requirements.txt", "-r requirements/base.txt\nnumpy\n")
    write(tmp_path / "requirements" / "base.txt", "-r ../requirements.txt\nopenvino==2023.3.0\n")
    write(tmp_path / "app" / "graph.py", "from openvino.runtime import opset8\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert (tmp_path / "app" / "graph.py").read_text() == "from openvino.runtime import opset8\n"
    assert f"the fix needs OpenVINO 2025.0, but {os.path.join('requirements', 'base.txt')}:2 pins 2023.3" in out


def test_cpp_and_cmake_fixes_need_api_2_0(ovlint, tmp_path):
    """The `openvino/` headers and the OpenVINO CMake package arrived with API 2.0 in 2022.1: a
    project pinned to 2021.4 keeps its includes and packages, and is told which pin to raise."""
    write(tmp_path / "requirements.txt", "openvino==2021.4.2\n")
    write(tmp_path / "CMakeLists.txt", "find_package(InferenceEngine REQUIRED)\n")
    write(tmp_path / "app.cpp", "#include <inference_engine.hpp>\nint main() {}\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (tmp_path / "CMakeLists.txt").read_text() == "find_package(InferenceEngine REQUIRED)\n"
    assert (tmp_path / "app.cpp").read_text() == "#include <inference_engine.hpp>\nint main() {}\n"
    assert out.count("the fix needs OpenVINO 2022.1, but requirements.txt:1 pins 2021.4") == 2


def test_a_project_pinned_to_2022_3_keeps_mo_and_is_told_which_pin_to_raise(ovlint, tmp_path):
    write(tmp_path / "requirements.txt", "openvino-dev==2022.3.0\n")
    write(tmp_path / "convert.sh", "mo --input_model model.onnx --output_dir ir\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (tmp_path / "convert.sh").read_text() == "mo --input_model model.onnx --output_dir ir\n"
    # `mo` needs `openvino-dev` on 2022.3, where `openvino` has no converter
    assert (tmp_path / "requirements.txt").read_text() == "openvino-dev==2022.3.0\n"
    assert "while `convert.sh` runs `mo`, which only `openvino-dev` installs" in out
    assert ("convert.sh:1:1: OV201 The Model Optimizer (`mo`) was removed in OpenVINO 2025.0: use `ovc` (the fix "
            "needs OpenVINO 2023.1, but requirements.txt:1 pins 2022.3: raise the pin to 2023.1 or later first) "
            "[breaks at 2025.0, pinned 2022.3]") in out.splitlines()
    write(tmp_path / "requirements.txt", "openvino==2023.1.0\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix")
    assert code == 0 and (tmp_path / "convert.sh").read_text() == "ovc model.onnx --output_model ir/\n"


def test_a_file_that_installs_an_old_release_is_fixed_for_it(ovlint, tmp_path):
    """A Dockerfile's own `pip install openvino-dev==2022.3.0` is the release its commands run on:
    `mo` stays (`ovc` arrived in 2023.1), and so does `openvino-dev`, which the file still needs for
    `mo` and `omz_downloader`."""
    dockerfile = ("FROM python:3.8\nRUN pip install openvino-dev==2022.3.0 && mo --input_model m.onnx --output_dir ir/ "
                  "&& omz_downloader --name resnet-50-tf\n")
    write(tmp_path / "Dockerfile", dockerfile)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "Dockerfile").read_text() == dockerfile
    assert "pins 2022.3: raise the pin to 2023.1 or later first" in out
    assert "not replaced while the file runs `mo`, which only `openvino-dev` installs" in out
    # a project pin lower than the file's own is still the floor
    write(tmp_path / "requirements.txt", "openvino==2022.1.0\n")
    write(tmp_path / "Dockerfile", "RUN pip install openvino==2023.1.0 && mo --input_model m.onnx\n")
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "requirements.txt:1 pins 2022.1" in out



def test_a_release_installed_through_a_variable_the_file_sets_is_its_floor(ovlint, tmp_path):
    dockerfile = ("FROM python:3.8-slim\nARG OPENVINO_VERSION=2022.3.0\n"
                  "RUN pip install openvino-dev[onnx]==${OPENVINO_VERSION}\nRUN mo --input_model m.onnx --output_dir ir\n")
    script = 'OV_VERSION=2022.3.0\npip install "openvino-dev[onnx]==${OV_VERSION}"\nmo --input_model m.onnx\n'
    write(tmp_path / "Dockerfile", dockerfile)
    write(tmp_path / "setup.sh", script)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "Dockerfile").read_text() == dockerfile and (tmp_path / "setup.sh").read_text() == script
    assert "Dockerfile:3 pins 2022.3" in out and "setup.sh:2 pins 2022.3" in out

def test_an_install_is_replaced_once_the_tools_it_carried_are(ovlint, tmp_path):
    write(tmp_path / "Dockerfile", "RUN pip install openvino-dev==2024.0.0 && mo --input_model m.onnx --output_dir ir\n"
                                   "RUN benchmark_app -m ir/m.xml\n")
    # the `mo` its own fix rewrites no longer holds the install back (whose fix is unsafe, as the
    # project may run the other tools elsewhere)
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "Dockerfile:1:17: OV401 [-]" in out and "Dockerfile:1:43: OV201 [*]" in out
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    assert code == 0, out
    assert (tmp_path / "Dockerfile").read_text() == ("RUN pip install openvino==2024.0.0 && ovc m.onnx --output_model ir/\n"
                                                     "RUN benchmark_app -m ir/m.xml\n")
    # before 2023.1 `benchmark_app` came with `openvino-dev` only
    write(tmp_path / "Dockerfile", "RUN pip install openvino-dev==2022.3.0\nRUN benchmark_app -m m.xml\n")
    _, out, _ = ovlint("check", "--no-cache", "--fix")
    assert (tmp_path / "Dockerfile").read_text().startswith("RUN pip install openvino-dev==2022.3.0")
    assert "runs `benchmark_app`" in out


def test_a_notebook_that_installs_a_release_pins_its_cells(ovlint, tmp_path):
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": ["!pip install openvino==2022.3.0"]},
             {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": ["!mo --input_model m.onnx --output_dir ir"]}]
    write(tmp_path / "demo.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "but demo.ipynb (cell 1, line 1) pins 2022.3: raise the pin" in out


def test_the_text_formats_say_what_breaks_at_which_upgrade(ovlint, tmp_path):
    for name, text in LEGACY_PROJECT.items():
        write(tmp_path / name, text)
    write(tmp_path / "requirements.txt", "openvino-dev==2022.3.0\n")
    code, out, _ = ovlint("check", "--no-cache")
    assert ("  = pin: removed in 2024.0; your pinned 2022.3 (requirements.txt:1) still has it: it breaks when you "
            "upgrade to 2024.0") in out
    assert out.splitlines()[-1] == ("Migrating from OpenVINO 2022.3 (requirements.txt:1) to 2026.4: 3 break at 2024.0, "
                                    "3 break at 2025.0, 1 break at 2026.0.")


def test_the_target_comes_from_the_command_line_or_the_configuration_never_from_a_pin(ovlint, tmp_path):
    write(tmp_path / "requirements.txt", "openvino>=2024.2,<2025\n")
    write(tmp_path / "app.py", "from openvino.runtime import Node\nkind = None\n")
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and "OV601" in out and err == ""  # the newest target, and no note about the pin
    assert "raise the pin to 2025.0" in out  # `openvino.Node` needs 2025.0; the pin allows 2024.2
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\ntarget-version = '2024.6'\n")
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise")
    assert code == 1 and "exports `Node` from 2025.0 on" in out and "raise the pin" not in out
    write(tmp_path / "requirements.txt", "openvino>=2025.0\n")
    code, out, err = ovlint("check", "--no-cache", "--fix", "--target-version", "2026.0")
    assert code == 0 and (tmp_path / "app.py").read_text().startswith("from openvino import Node")


def test_unknown_target_is_an_error_listing_the_known_ones(ovlint, tmp_path):
    write(tmp_path / "app.py", "import os\n")
    code, _, err = ovlint("check", "--target-version", "2030.1")
    assert code == 2 and "unknown OpenVINO release '2030.1'" in err and "2026.4" in err


def test_a_genai_pin_is_a_floor_too(ovlint, tmp_path):
    # openvino-genai 2025.0 has `put` and `is_assisting_generation`, and no `is_speculative_decoding`;
    # `write` (what the OV701 fix adds) and `StreamingStatus` arrive in 2025.1
    streamer = ("import openvino_genai as g\n\nclass S(g.StreamerBase):\n    def put(self, t):\n        return False\n\n"
                "def assisted(c):\n    return c.is_speculative_decoding()\n")
    write(tmp_path / "requirements.txt", "openvino-genai==2025.0.0.0\n")
    write(tmp_path / "app.py", streamer)
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    fixes = {item["code"]: item["fix"] for item in json.loads(out)}
    assert set(fixes) == {"OV701", "OV702"} and fixes["OV701"] is None and fixes["OV702"] is not None
    write(tmp_path / "requirements.txt", "openvino-genai==2025.1.0.0\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "json")
    assert all(item["fix"] is not None for item in json.loads(out))


def test_python_support_follows_the_target(ovlint, tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.poetry]\nname = 'a'\n[tool.poetry.dependencies]\n"
                                       "python = '^3.9'\nopenvino = '>=2024.6'\n")
    write(tmp_path / "setup.py", "from setuptools import setup\n\n"
                                 "setup(name='b', python_requires='>=3.8', install_requires=['numpy'])\n")
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise", "--target-version", "2024.6")
    assert code == 0  # 2024.6 still has Python 3.9 wheels
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert out.splitlines()[0] == ("pyproject.toml:4:1: OV509 OpenVINO 2026.4 has wheels for Python 3.10 and newer "
                                   "(3.9 was dropped in 2025.4), but this allows Python 3.9: require `>=3.10`, or "
                                   "limit OpenVINO on older Pythons with a `python_version < \"3.10\"` marker "
                                   "[breaks at 2025.4, pinned 2024.6]")
    assert "setup.py" not in out  # it does not depend on OpenVINO


def test_lowest_python_of_a_specifier():
    from ovlint.rules.discontinued.python_support import lowest_minor

    assert [lowest_minor(s) for s in (">=3.8", "^3.9", "~3.10", ">3.8", "==3.11.*", ">=3.8,!=3.8.*", "<3", "??")] == \
        [8, 9, 10, 8, 11, 9, None, None]


def test_python_that_installs_an_old_release_is_fixed_for_it(ovlint, tmp_path):
    source = ('import subprocess\nsubprocess.run("pip install openvino-dev==2022.3.0", shell=True)\n'
              'subprocess.run("mo --input_model m.onnx", shell=True)\nfrom openvino.runtime import Core\n')
    write(tmp_path / "convert.py", source)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and (tmp_path / "convert.py").read_text() == source
    assert out.count("convert.py:2 pins 2022.3") == 2


def test_a_suppressed_mo_still_needs_openvino_dev(ovlint, tmp_path):
    dockerfile = "RUN pip install openvino-dev==2023.3.0\nRUN mo --input_model m.onnx  # noqa: OV201\n"
    write(tmp_path / "Dockerfile", dockerfile)
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    assert (tmp_path / "Dockerfile").read_text() == dockerfile


def test_a_file_built_from_an_image_or_install_of_a_release_is_fixed_for_it(ovlint, tmp_path):
    """`FROM openvino/ubuntu20_dev:2021.4.2`, `source /opt/intel/openvino_2021/bin/setupvars.sh` and
    an `intel-openvino-...-2021.4.752` system package say what the file runs on, as a pin does:
    `ovc` (2023.1) is not there, so `mo` stays. Python code that names such a path is not pinned by it."""
    files = {"Dockerfile": "FROM openvino/ubuntu20_dev:2021.4.2\nRUN mo --input_model m.onnx\n",
             "setup.sh": "source /opt/intel/openvino_2021/bin/setupvars.sh\nmo --input_model m.onnx\n",
             "apt.Dockerfile": "FROM ubuntu:20.04\nRUN apt-get install -y intel-openvino-dev-ubuntu20-2021.4.752\n"
                               "RUN mo --input_model m.onnx\n",
             "arg.Dockerfile": "ARG OPENVINO_VERSION=2022.3.0\nFROM openvino/ubuntu20_dev:${OPENVINO_VERSION} AS build\n"
                               "RUN mo --input_model m.onnx\n",
             "both.Dockerfile": "FROM ubuntu:20.04\nRUN apt-get install -y intel-openvino-dev-ubuntu20-2021.4.752\n"
                                "RUN . /opt/intel/openvino_2021/bin/setupvars.sh && mo --input_model m.onnx\n",
             "convert.sh": "docker run --rm openvino/ubuntu20_dev:2021.4.2 bash -c \"mo --input_model m.onnx\"\n",
             "tag.sh": "TAG=2022.3.0\ndocker run --rm openvino/ubuntu20_dev:$TAG mo --input_model m.onnx\n",
             "default.Dockerfile": "FROM openvino/ubuntu20_dev:${OPENVINO_VERSION:-2022.3.0}\nRUN mo --input_model m.onnx\n",
             "base.Dockerfile": "ARG BASE=openvino/ubuntu20_dev:2022.3.0\nFROM ${BASE}\nRUN mo --input_model m.onnx\n",
             # the install layout up to 2021.4 (2022.1 has neither `deployment_tools` nor `bin/setupvars.sh`)
             "layout.sh": "python3 /opt/intel/openvino/deployment_tools/model_optimizer/mo.py --input_model m.onnx\n",
             # ... also under the variable its `setupvars` set
             "variable.sh": "python3 $INTEL_OPENVINO_DIR/deployment_tools/model_optimizer/mo.py --input_model m.onnx\n",
             # the toolkit's archive, downloaded and installed (its release is older than the layout's last)
             "archive.Dockerfile": "FROM ubuntu:18.04\nARG LINK=https://example.com/15944/l_openvino_toolkit_p_2019.3.334.tgz\n"
                                   "RUN wget $LINK && tar xf l_openvino_toolkit*.tgz && ./install.sh -s silent.cfg\n"
                                   "RUN . /opt/intel/openvino/bin/setupvars.sh && mo --input_model m.onnx\n"
                                   "# l_openvino_toolkit_p_2018.5.445.tgz was the first tried: a comment names nothing\n",
             # ... its release given by an `ARG`
             "version.Dockerfile": "FROM ubuntu:18.04\nARG OPENVINO_VERSION=2020.2.120\n"
                                   "RUN wget https://example.com/l_openvino_toolkit_p_${OPENVINO_VERSION}.tgz\n"
                                   "RUN . /opt/intel/openvino/bin/setupvars.sh && mo --input_model m.onnx\n",
             # a `#` in a string is no comment
             "echo.sh": 'echo "step #1" && wget https://example.com/l_openvino_toolkit_p_2021.2.185.tgz\n'
                        "source /opt/intel/openvino/bin/setupvars.sh && mo --input_model m.onnx\n",
             "nb.ipynb": json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                                                "outputs": [], "source": "!source /opt/intel/openvino/bin/setupvars.sh"
                                                                         " && mo --input_model m.onnx\n"}],
                                     "metadata": {}, "nbformat": 4, "nbformat_minor": 5})}
    # each in a folder of its own: a Dockerfile pins its folder's other files too
    for index, (name, text) in enumerate(files.items()):
        write(tmp_path / str(index) / name, text)
    write(tmp_path / "code" / "app.py", 'import sys\nsys.path.append("/opt/intel/openvino_2021/python")\n'
                                        "from openvino.runtime import Core\n")
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert code == 1 and all((tmp_path / str(index) / name).read_text() == text
                             for index, (name, text) in enumerate(files.items()))
    assert "Dockerfile:1 pins 2021.4" in out and "setup.sh:1 pins 2021.1" in out and "apt.Dockerfile:2 pins 2021.4" in out
    assert "arg.Dockerfile:2 pins 2022.3" in out
    assert "both.Dockerfile:2 pins 2021.4" in out  # the package says which 2021 the folder is
    assert "convert.sh:1 pins 2021.4" in out and "tag.sh:2 pins 2022.3" in out
    assert "default.Dockerfile:1 pins 2022.3" in out and "base.Dockerfile:1 pins 2022.3" in out
    assert "layout.sh:1 pins 2021.4" in out and "nb.ipynb (cell 1, line 1) pins 2021.4" in out and "archive.Dockerfile:2 pins 2019.3" in out
    assert "echo.sh:1 pins 2021.2" in out and "version.Dockerfile:3 pins 2020.2" in out
    assert "variable.sh:1) to 2026.4" in out and "Migrating from OpenVINO 2021.4 (10/variable.sh:1)" in out
    assert (tmp_path / "code" / "app.py").read_text().endswith("from openvino import Core\n")


def test_a_script_in_an_install_folder_or_a_cmake_build_of_one_names_its_release(ovlint, tmp_path):
    """`cd /opt/intel/openvino/deployment_tools/model_optimizer` then `python3 mo_tf.py ...` runs the
    2021 layout's MO, as its full path does; a CMake build of that layout's headers and libraries
    builds on 2021.4 at most, so a C++ header of 2022.1 waits for the pin. A CMake file that also
    names the 2022.1 layout, or looks among candidates, supports both and pins nothing."""
    write(tmp_path / "mo" / "convert.sh", "cd /opt/intel/openvino/deployment_tools/model_optimizer/\n"
                                          "python3 mo_tf.py --input_model $BASE/model.pb --data_type FP32\n")
    legacy = ("set(IE $ENV{INTEL_OPENVINO_DIR}/deployment_tools/inference_engine)\n"
              "include_directories(${IE}/include $ENV{INTEL_OPENVINO_DIR}/deployment_tools/ngraph/include)\n"
              "add_executable(app app.cpp)\n")
    write(tmp_path / "cpp" / "CMakeLists.txt", legacy)
    write(tmp_path / "cpp" / "src" / "app.cpp", "#include <ngraph/ngraph.hpp>\n")
    write(tmp_path / "both" / "CMakeLists.txt", legacy + "include_directories($ENV{INTEL_OPENVINO_DIR}/runtime/include)\n")
    write(tmp_path / "both" / "app.cpp", "#include <ngraph/ngraph.hpp>\n")
    write(tmp_path / "probe" / "CMakeLists.txt", "find_path(IE_INCLUDE inference_engine.hpp PATHS "
                                                 "/opt/intel/openvino/deployment_tools/inference_engine/include)\n")
    write(tmp_path / "probe" / "app.cpp", "#include <ngraph/ngraph.hpp>\n")
    # text about an install, or candidates a search is given, is not what the build uses
    write(tmp_path / "text" / "CMakeLists.txt",
          'option(WITH_2021 "Also build for /opt/intel/openvino_2021 installs" OFF)\n'
          'message(STATUS "Known to work from /opt/intel/openvino_2021.4.752 on")\n'
          "set(_CANDIDATES /opt/intel/openvino_2021/deployment_tools/inference_engine/include)\n"
          "find_path(IE_INCLUDE inference_engine.hpp PATHS ${_CANDIDATES})\n")
    write(tmp_path / "text" / "app.cpp", "#include <ngraph/ngraph.hpp>\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "mo/convert.sh:2:1: OV201" in out and "mo/convert.sh:1 pins 2021.4" in out
    assert "cpp/src/app.cpp:1:11: OV110" in out and "cpp/CMakeLists.txt:2 pins 2021.4" in out
    assert "both/app.cpp:1:11: OV110 [*]" in out and "probe/app.cpp:1:11: OV110 [*]" in out
    assert "text/app.cpp:1:11: OV110 [*]" in out


def test_a_repository_takes_no_pin_from_the_folders_above_it(ovlint, tmp_path):
    """A `requirements.txt` in a home folder pins the projects under it that pin nothing, but not a
    repository: its pins are its own."""
    write(tmp_path / "requirements.txt", "openvino==2022.3.0\n")
    write(tmp_path / "loose" / "app.py", "from openvino.inference_engine import IECore\nie = IECore()\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / "app.py", "from openvino.inference_engine import IECore\nie = IECore()\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "loose/app.py:2:6: OV102" in out and "requirements.txt:1 pins 2022.3" in out
    assert "repo/app.py:2:6: OV102 [*]" in out
    # settings from `--config` leave the pins as they are
    write(tmp_path / "settings.toml", 'select = ["OV"]\n')
    code, out, _ = ovlint("check", "--no-cache", "--config", str(tmp_path / "settings.toml"), "--output-format", "concise")
    assert "loose/app.py:2:6: OV102" in out and "requirements.txt:1 pins 2022.3" in out


def test_a_project_folder_or_a_notebooks_container_names_no_release(ovlint, tmp_path):
    # a folder of the project's own called deployment_tools; a container a notebook starts runs apart
    write(tmp_path / "build.sh", "python3 ./deployment_tools/export.py\nmo --input_model m.onnx\n")
    write(tmp_path / "nb.ipynb", json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
         "source": "!docker run openvino/ubuntu20_dev:2021.4 ls\n!mo --input_model m.onnx\n"}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "pins 2021" not in out and out.count("OV201 [*]") == 2


def test_a_dockerfile_pins_the_code_of_its_folder(ovlint, tmp_path):
    """The image a Dockerfile builds runs the code beside it (and below it) on the release it starts
    `FROM` or installs: `ov.Core` (2023.1) is not in 2021.4. A Dockerfile of another base pins nothing."""
    write(tmp_path / "app" / "Dockerfile", "FROM openvino/ubuntu20_dev:2021.4.2\nCOPY . /app\nCMD python3 /app/main.py\n")
    legacy = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
    write(tmp_path / "app" / "main.py", legacy)
    write(tmp_path / "app" / "lib" / "util.py", "from openvino.runtime import Core\n")
    write(tmp_path / "web" / "Dockerfile", "FROM python:3.10\nCOPY . /web\n")
    write(tmp_path / "web" / "main.py", legacy)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert (tmp_path / "app" / "main.py").read_text() == legacy
    assert (tmp_path / "app" / "lib" / "util.py").read_text() == "from openvino.runtime import Core\n"
    assert "app/Dockerfile:1 pins 2021.4" in out and "app/lib/util.py:1:1: OV601" in out
    assert (tmp_path / "web" / "main.py").read_text() == "import openvino as ov\n\nie = ov.Core()\n"
    # the last stage runs the code, on what pip installs there if it does; a dependency file that
    # pins OpenVINO outweighs a Dockerfile; notes about a Dockerfile are no Dockerfile
    runtime = "from openvino.runtime import Node\n"  # `openvino.Node` arrived in 2025.0
    cases = {"stages": ("FROM openvino/ubuntu20_dev:2021.4.2 AS convert\nRUN mo --input_model m.onnx\n"
                        "FROM openvino/ubuntu22_runtime:2025.1.0\nCOPY . /app\n", None),
             "upgraded": ("FROM openvino/ubuntu20_dev:2022.1.0\nRUN pip install --upgrade openvino==2025.1.0\n", None),
             "stated": ("FROM openvino/ubuntu20_dev:2021.4.2\n", "openvino>=2025.0\n")}
    for name, (dockerfile, requirements) in cases.items():
        write(tmp_path / name / "Dockerfile", dockerfile)
        write(tmp_path / name / "app.py", runtime)
        if requirements:
            write(tmp_path / name / "requirements.txt", requirements)
    write(tmp_path / "notes" / "Dockerfile.md", "FROM openvino/ubuntu20_dev:2021.4.2\n")
    write(tmp_path / "notes" / "app.py", runtime)
    ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert all((tmp_path / name / "app.py").read_text() == "from openvino import Node\n"
               for name in (*cases, "notes"))


def test_a_system_package_named_through_a_variable_names_its_release(ovlint, tmp_path):
    """`apt install intel-openvino-dev-ubuntu20-$VERSION_VINO` with `VERSION_VINO=2021.4.582` installs
    2021.4, which also tells which release of 2021 the install folder `openvino_2021` is."""
    write(tmp_path / "install.sh", 'export VERSION_VINO="2021.4.582"\nsudo apt install intel-openvino-dev-ubuntu20-$VERSION_VINO\n'
                                   "source /opt/intel/openvino_2021/bin/setupvars.sh\n")
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "Migrating from OpenVINO 2021.4 (install.sh:2)" in out


def test_a_ci_job_or_script_that_runs_the_code_on_a_release_pins_it(ovlint, tmp_path):
    """A workflow that builds the project after sourcing a 2021 install, and a launcher script that
    runs `main.py` there, run that code on 2021.4: `find_package(OpenVINO)` (2022.1) and `ov.Core`
    (2023.1) are not in it. A file that states a pin outweighs them."""
    write(tmp_path / "proj" / ".github" / "workflows" / "ci.yml",
          "on: push\njobs:\n  build:\n    runs-on: ubuntu-20.04\n    steps:\n"
          "      - run: sudo apt-get install -y intel-openvino-dev-ubuntu20-2021.4.752\n"
          "      - run: source /opt/intel/openvino_2021/bin/setupvars.sh && cmake -B out . && cmake --build out\n")
    cmake = "find_package(InferenceEngine REQUIRED)\n"
    write(tmp_path / "proj" / "CMakeLists.txt", cmake)
    # a ROS workspace built by catkin
    write(tmp_path / "ros" / ".travis.yml", "script:\n  - source /opt/intel/openvino_2021/bin/setupvars.sh\n"
                                            "  - catkin_make_isolated --install\n")
    write(tmp_path / "ros" / "CMakeLists.txt", cmake)
    write(tmp_path / "app" / "run_app.sh", "#!/bin/bash\nsource /opt/intel/openvino_2021/bin/setupvars.sh && python3 -u main.py\n")
    # the oldest installs' variable, a module run, a trigger on part of the tree (not where the job runs)
    for name, script in (("cvsdk", "source $INTEL_CVSDK_DIR/bin/setupvars.sh\npython3 main.py\n"),
                         ("module", "pip install openvino==2022.3.0\npython -m main\n")):
        write(tmp_path / name / "run.sh", script)
        write(tmp_path / name / "main.py", "from openvino.inference_engine import IECore\n\nie = IECore()\n")
    legacy = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
    write(tmp_path / "app" / "main.py", legacy)
    write(tmp_path / "stated" / "run.sh", "source /opt/intel/openvino_2021/bin/setupvars.sh\npython3 main.py\n")
    write(tmp_path / "stated" / "requirements.txt", "openvino==2024.6.0\n")
    write(tmp_path / "stated" / "main.py", legacy)
    # a script that only converts a model with an older release, and a workflow of one project of
    # several (`working-directory:`), run none of the folder's code
    write(tmp_path / "convert" / "convert.sh", 'python3 -m venv /tmp/mo\n/tmp/mo/bin/pip install "openvino-dev==2023.0.2"\n'
                                               "/tmp/mo/bin/mo --input_model m.onnx\n")
    write(tmp_path / "convert" / "main.py", legacy)
    # ... or with the 2021 install's own scripts, by path or in its folder (but a script of the
    # project's own named like one of them runs the folder's code)
    for name, script in (("mo_path", "python3 /opt/intel/openvino/deployment_tools/model_optimizer/mo.py -m a.onnx\n"),
                         ("mo_there", "cd /opt/intel/openvino_2021/deployment_tools/model_optimizer\n"
                                      "python3 -u mo_tf.py --input_model a.pb\n"),
                         ("omz", "python3 $INTEL_OPENVINO_DIR/deployment_tools/tools/model_downloader/downloader.py "
                                 "--name m\n"),
                         ("bench", "python3 ~/intel/openvino_2022/tools/benchmark_tool/benchmark_app.py -m m.xml\n"),
                         # installs, then runs something (a tool, through a wrapper), or only names an install
                         ("bench_after", "pip install openvino==2022.1.0\nbenchmark_app -m model.xml -d CPU\n"),
                         ("wrapped", "python3 -m venv v\nv/bin/pip install openvino-dev==2021.4.2\n"
                                     "taskset -c 0 v/bin/mo --input_model m.onnx\n"),
                         ("echoed", "echo To try the old demo, run: pip install openvino==2021.4.2\n"),
                         ("own", "source /opt/intel/openvino_2021/bin/setupvars.sh\npython3 tools/converter.py\n"),
                         ("own_dir", "source /opt/intel/openvino_2021/bin/setupvars.sh\nDIR=$(dirname \"$0\")\n"
                                     "python3 \"$DIR/converter.py\" --input a.jpg\n"),
                         ("stdin", "source /opt/intel/openvino_2021/bin/setupvars.sh\npython3 - <<EOF\nimport main\nEOF\n"),
                         ("joined", "source /opt/intel/openvino_2021/bin/setupvars.sh\npython3 -mmain\n"),
                         ("named", "source /opt/intel/openvino_2021/bin/setupvars.sh\npython3 openvino_yolo/converter.py\n"),
                         # a setup script installing the runtime into the project's venv, running no tool
                         ("setup", "python3 -m venv venv\n. venv/bin/activate\npip install openvino==2022.3.0\n")):
        write(tmp_path / name / "convert.sh", script)
        write(tmp_path / name / "main.py", legacy)
    write(tmp_path / "mono" / ".github" / "workflows" / "cpp.yml",
          "on:\n  push:\n    paths: [cpp/**]\njobs:\n  build:\n    runs-on: ubuntu-20.04\n"
          "    defaults:\n      run:\n        working-directory: cpp\n    steps:\n"
          "      - run: source /opt/intel/openvino_2021/bin/setupvars.sh && cmake -B out\n")
    write(tmp_path / "mono" / "app" / "main.py", legacy)
    _, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    for name in ("convert", "mono/app", "mo_path", "mo_there", "omz", "bench", "bench_after", "wrapped", "echoed"):
        assert (tmp_path / name / "main.py").read_text() == "import openvino as ov\n\nie = ov.Core()\n", name
    assert (tmp_path / "setup" / "main.py").read_text() == legacy and "but setup/convert.sh:3 pins 2022.3" in out
    for name in ("own", "own_dir", "stdin", "joined", "named"):
        assert (tmp_path / name / "main.py").read_text() == legacy and f"but {name}/convert.sh:1 pins 2021.1" in out
    assert (tmp_path / "proj" / "CMakeLists.txt").read_text() == (tmp_path / "ros" / "CMakeLists.txt").read_text() == cmake
    assert "but proj/.github/workflows/ci.yml:6 pins 2021.4" in out
    assert (tmp_path / "app" / "main.py").read_text() == legacy and "but app/run_app.sh:2 pins 2021.1" in out  # a year alone is its first release
    assert "but cvsdk/run.sh:1 pins 2021.4" in out and "but module/run.sh:1 pins 2022.3" in out
    assert (tmp_path / "stated" / "main.py").read_text() == "import openvino as ov\n\nie = ov.Core()\n"


def test_a_command_run_in_an_openvino_image_runs_on_its_release_in_notebooks_and_python(ovlint, tmp_path):
    """`docker run openvino/ubuntu20_dev:2022.2.0 mo ...` runs `mo` of 2022.2, where `ovc` (2023.1)
    is not: the command keeps `mo`, while the code around it, which runs elsewhere, is migrated."""
    line = "docker run --rm -v /m:/m openvino/ubuntu20_dev:2022.2.0 mo --input_model /m/m.onnx --output_dir /m/ir"
    cells = [f"!{line}\n", "from openvino.runtime import Core\n"]
    write(tmp_path / "nb.ipynb", json.dumps({"cells": [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c} for c in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    program = "import subprocess\n\nsubprocess.run(%r, check=True)\n" % line.split()
    write(tmp_path / "convert.py", program)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert (tmp_path / "convert.py").read_text() == program
    fixed = [c["source"] for c in json.loads((tmp_path / "nb.ipynb").read_text())["cells"]]
    assert fixed == [cells[0], "from openvino import Core\n"]
    assert "convert.py:3 pins 2022.2" in out and "nb.ipynb (cell 1, line 1) pins 2022.2" in out and out.count("OV201") == 2


def test_a_here_document_names_no_release_the_file_runs_on(ovlint, tmp_path):
    """A Dockerfile's `COPY <<EOF` (or a script's `cat <<EOF > Dockerfile`) writes another file:
    the image that file is built from is not this one's."""
    write(tmp_path / "Dockerfile", "FROM openvino/ubuntu22_dev:2024.6.0\nRUN <<A cat > /a.sh && <<B cat > /b\n"
                                   "echo a\nA\nFROM openvino/ubuntu20_dev:2021.4\nB\nRUN mo --input_model m.onnx\n")
    write(tmp_path / "make.sh", "cat <<EOF > Dockerfile.old\nFROM openvino/ubuntu20_dev:2021.4\nEOF\n"
                                "mo --input_model m.onnx\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "pins 2021" not in out and out.count("OV201 [*]") == 2


def test_a_comment_or_a_removal_names_no_release_the_file_runs_on(ovlint, tmp_path):
    write(tmp_path / "Dockerfile", "FROM python:3.10\n# was /opt/intel/openvino_2021 before\n"
                                   "RUN apt-get purge -y intel-openvino-dev-ubuntu20-2021.4.752 && pip install openvino==2024.6.0\n"
                                   "RUN mo --input_model m.onnx\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "pins 2021" not in out and "Dockerfile:3 pins 2024.6" not in out and "[*]" in out


def test_an_image_a_python_string_runs_is_its_commands_floor_and_the_summary_names_it_once(ovlint, tmp_path):
    program = ('import os\n\nos.system("docker run --rm openvino/ubuntu20_dev:2022.2.0 mo --input_model a.onnx")\n'
               'os.system("docker run --rm openvino/ubuntu20_dev:2022.2.0 mo --input_model b.onnx")\n')
    write(tmp_path / "convert.py", program)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--output-format", "concise")
    assert (tmp_path / "convert.py").read_text() == program and out.count("pins 2022.2") == 2
    assert [line for line in out.splitlines() if line.startswith("Migrating")] == [
        "Migrating from OpenVINO 2022.2 (convert.py:3) to 2026.4: 2 break at 2025.0."]


def test_the_private_offline_transformations_module_needs_the_release_that_has_it(ovlint, tmp_path):
    """`openvino._offline_transformations` arrived in 2022.3 (2022.1 and 2022.2 have only the public
    module): a project pinned below keeps its import."""
    source = "from openvino.offline_transformations import compress_model_transformation\n"
    write(tmp_path / "requirements.txt", "openvino>=2022.1\n")
    write(tmp_path / "model.py", source)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (tmp_path / "model.py").read_text() == source
    assert "the fix needs OpenVINO 2022.3, but requirements.txt:1 pins 2022.1" in out
    write(tmp_path / "requirements.txt", "openvino==2022.3.0\n")
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    assert (tmp_path / "model.py").read_text().startswith("from openvino._offline_transformations import")


def test_api_2_0_keys_in_configs_wait_for_a_release_that_takes_them(ovlint, tmp_path):
    """A Model Server's `config.json` and DL Streamer's `ie-config` hand their keys to the plugin of
    the pinned release: 2021.4 rejects `NUM_STREAMS`, 2022.3 `ENABLE_CPU_PINNING`."""
    config = ('{"model_config_list": [{"config": {"name": "m", "base_path": "/models/m", '
              '"plugin_config": {"CPU_THROUGHPUT_STREAMS": "CPU_THROUGHPUT_AUTO"}}}]}\n')
    pipeline = "gst-launch-1.0 videotestsrc ! gvadetect model=m.xml ie-config=CPU_BIND_THREAD=NO ! fakesink\n"
    write(tmp_path / "requirements.txt", "openvino==2021.4.2\n")
    write(tmp_path / "config.json", config)
    write(tmp_path / "run.sh", pipeline)
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes", "--output-format", "concise")
    assert (tmp_path / "config.json").read_text() == config and (tmp_path / "run.sh").read_text() == pipeline
    assert "use `NUM_STREAMS` (the fix needs OpenVINO 2022.1, but requirements.txt:1 pins 2021.4" in out
    assert "(the fix needs OpenVINO 2023.0, but requirements.txt:1 pins 2021.4" in out
    write(tmp_path / "requirements.txt", "openvino==2023.0.0\n")
    ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    assert '"NUM_STREAMS": "AUTO"' in (tmp_path / "config.json").read_text()
    assert "ie-config=ENABLE_CPU_PINNING=NO" in (tmp_path / "run.sh").read_text()


@pytest.mark.parametrize("name, text, floor", [
    ("requirements.txt", "openvino>=2022\n", "2022.1"),
    ("environment.yml", "name: ov\ndependencies:\n  - openvino=2023\n", "2023.0"),
    ("CMakeLists.txt", "find_package(OpenVINO 2023 REQUIRED)\n", "2023.0"),
    ("install.sh", "source /opt/intel/openvino_2024/setupvars.sh\npython3 app.py\n", "2024.0"),
])
def test_a_year_alone_is_its_first_release(ovlint, tmp_path, name, text, floor):
    """2021 and 2022 began with `.1`, later years with `.0`: `openvino>=2022` allows 2022.1, a
    `find_package(OpenVINO 2023)` takes 2023.0."""
    write(tmp_path / name, text)
    write(tmp_path / "app.py", "from openvino.runtime import Core\n")
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert f"Migrating from OpenVINO {floor} ({name}:" in out
