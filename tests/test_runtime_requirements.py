"""Rewritten `openvino-dev` requirements resolve against the package index (pip --dry-run in a
throwaway environment), including pins only `openvino` can satisfy."""
import subprocess
import sys

import pytest

import ovenvs

pytestmark = pytest.mark.runtime

PINS = [
    "openvino-dev==2023.3.0\n",
    "openvino-dev[onnx]>=2024.0,<2025\n",
    "openvino-dev~=2024.6.0; python_version >= '3.9'\n",
    "openvino-dev>=2025.0\n",  # no openvino-dev release satisfies it
]


def resolves(requirements) -> subprocess.CompletedProcess:
    return subprocess.run([str(ovenvs.python("current")), "-m", "pip", "install", "--dry-run", "--no-deps",
                           "--ignore-installed", "--quiet", "-r", str(requirements)],
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("pin", PINS, ids=[p.strip() for p in PINS])
def test_fixed_requirements_install(pin, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(pin)
    fixed = subprocess.run([sys.executable, "-m", "ovlint", "check", "--fix", "--unsafe-fixes", "--no-cache",
                            str(requirements)],
                           capture_output=True, text=True)
    assert fixed.returncode == 0, fixed.stdout
    text = requirements.read_text()
    assert "openvino-dev" not in text and text.startswith("openvino")
    result = resolves(requirements)
    assert result.returncode == 0, f"{text}\n{result.stderr[-2000:]}"


def test_a_pin_only_openvino_satisfies_does_not_resolve_unfixed(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(PINS[-1])
    assert resolves(requirements).returncode != 0
