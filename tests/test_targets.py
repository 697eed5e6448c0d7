"""One file, four target releases: which findings and fixes each gets; and the target a project's
own pins choose."""
import json

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


def test_the_project_pin_is_the_default_target(ovlint, tmp_path):
    write(tmp_path / "requirements.txt", "openvino>=2024.2,<2025\n")
    write(tmp_path / "app.py", "from openvino.runtime import Node\nkind = None\n")
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "from 2025.0 on" in out and "target OpenVINO 2024.2 (pinned in requirements.txt)" in err
    code, out, err = ovlint("check", "--no-cache", "--target-version", "2026.4")
    assert code == 1 and "pinned" not in err
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\ntarget-version = '2026.0'\n")
    code, out, err = ovlint("check", "--no-cache", "--fix")
    assert code == 0 and (tmp_path / "app.py").read_text().startswith("from openvino import Node")


def test_unknown_target_is_an_error_listing_the_known_ones(ovlint, tmp_path):
    write(tmp_path / "app.py", "import os\n")
    code, _, err = ovlint("check", "--target-version", "2030.1")
    assert code == 2 and "unknown OpenVINO release '2030.1'" in err and "2026.4" in err


def test_a_genai_pin_sets_the_target_too(ovlint, tmp_path):
    # openvino-genai 2025.0 has `put` and `is_assisting_generation`, and no `is_speculative_decoding`
    streamer = ("import openvino_genai as g\n\nclass S(g.StreamerBase):\n    def put(self, t):\n        return False\n\n"
                "def assisted(c):\n    return c.is_speculative_decoding()\n")
    write(tmp_path / "requirements.txt", "openvino-genai==2025.0.0.0\n")
    write(tmp_path / "app.py", streamer)
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "target OpenVINO 2025.0 (pinned in requirements.txt)" in err
    assert "OV702" in out and "OV701" not in out
    write(tmp_path / "requirements.txt", "openvino-genai==2026.0.0.0\n")
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "app.py:4:9: OV701" in out and "OV702" in out


def test_python_support_follows_the_target(ovlint, tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.poetry]\nname = 'a'\n[tool.poetry.dependencies]\n"
                                       "python = '^3.9'\nopenvino = '>=2024.6'\n")
    write(tmp_path / "setup.py", "from setuptools import setup\n\n"
                                 "setup(name='b', python_requires='>=3.8', install_requires=['numpy'])\n")
    code, out, err = ovlint("check", "--no-cache", "--output-format", "concise")
    assert "target OpenVINO 2024.6" in err and code == 0  # 2024.6 still has Python 3.9 wheels
    code, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--target-version", "2025.4")
    assert out.splitlines()[0] == ("pyproject.toml:4:1: OV509 OpenVINO 2025.4 has wheels for Python 3.10 and newer "
                                   "(3.9 was dropped in 2025.4), but this allows Python 3.9: require `>=3.10`, or "
                                   "limit OpenVINO on older Pythons with a `python_version < \"3.10\"` marker")
    assert "setup.py" not in out  # it does not depend on OpenVINO


def test_lowest_python_of_a_specifier():
    from ovlint.rules.discontinued.python_support import lowest_minor

    assert [lowest_minor(s) for s in (">=3.8", "^3.9", "~3.10", ">3.8", "==3.11.*", ">=3.8,!=3.8.*", "<3", "??")] == \
        [8, 9, 10, 8, 11, 9, None, None]
