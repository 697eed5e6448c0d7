"""The rewritten conversion produces the same model: each script in runtime/conversions/ runs the
Model Optimizer of OpenVINO 2023.3; after `ovlint --fix` it runs `ovc` (or `openvino.convert_model`)
of the newest release. Both IRs must give the same results with the same weight precision."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs
from test_runtime_migration import same

HERE = Path(__file__).parent / "runtime"
CONVERSIONS = sorted((HERE / "conversions").iterdir())
# whether each conversion writes FP16 weights (the CLI compresses by default, the Python API does not)
COMPRESSED = {"default_fp16": True, "fp32_named": False, "module_with_shape": True, "python_api": False}

pytestmark = pytest.mark.runtime


@pytest.fixture(scope="module")
def data():
    return ovenvs.models(HERE / "make_models.py")


def describe(folder: Path, data: Path) -> dict:
    result = ovenvs.run("current", HERE / "describe_ir.py", data, str(folder))
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("conversion", CONVERSIONS, ids=lambda p: p.stem)
def test_the_fixed_conversion_writes_the_same_model(conversion, data, tmp_path):
    legacy_out, fixed_out = tmp_path / "mo", tmp_path / "ovc"
    legacy_out.mkdir()
    fixed_out.mkdir()
    legacy = ovenvs.run("api1", conversion, data, str(legacy_out))
    assert legacy.returncode == 0, legacy.stderr[-2000:]

    script = tmp_path / conversion.name
    shutil.copy(conversion, script)
    fixed = subprocess.run([sys.executable, "-m", "ovlint", "check", "--fix", "--no-cache", str(script)],
                           capture_output=True, text=True)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    text = script.read_text()
    assert "openvino.tools.mo" not in text and "mo --" not in text
    result = ovenvs.run("current", script, data, str(fixed_out))
    assert result.returncode == 0, f"{result.stderr[-2000:]}\n--- fixed:\n{text}"

    expected, actual = describe(legacy_out, data), describe(fixed_out, data)
    assert expected["weights_bytes"] == actual["weights_bytes"] and expected["constants"] == actual["constants"]
    assert ("f16" in expected["constants"]) == COMPRESSED[conversion.stem]
    assert expected["file"] == actual["file"]
    assert not same(expected["result"], actual["result"])
