"""A Python list as an input, against the real releases: API 1.0 copied it into the input's blob;
`compiled_model(inputs)` refuses it. ovlint leaves such a call (and its part of the module) as it
is and says what to pass; once the program passes an array, the fix gives the same results."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import ovenvs

RUNTIME = Path(__file__).parent / "runtime"
PROGRAM = RUNTIME / "inputs" / "list_input.py"
pytestmark = pytest.mark.runtime


def _ovlint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", *args], capture_output=True, text=True)


def test_a_list_input_holds_the_call_until_it_is_an_array(tmp_path):
    data = ovenvs.models(RUNTIME / "make_models.py")
    before = ovenvs.run("api1", PROGRAM, data)
    assert before.returncode == 0, before.stderr[-2000:]
    # the rewrite the call would otherwise get fails on the newest release
    naive = tmp_path / "naive.py"
    naive.write_text(PROGRAM.read_text().replace("from openvino.inference_engine import IECore", "import openvino as ov")
                     .replace("IECore()", "ov.Core()").replace("read_network", "read_model")
                     .replace("next(iter(net.input_info))", "net.inputs[0].get_any_name()")
                     .replace("next(iter(net.outputs))", "net.outputs[0].get_any_name()")
                     .replace("net.input_info[input_name].input_data.shape", "net.input(input_name).shape")
                     .replace("load_network(network=net", "compile_model(model=net").replace("exec_net.infer(", "exec_net("))
    failed = ovenvs.run("current", naive, data)
    assert failed.returncode != 0 and "f64" in failed.stderr, failed.stderr[-2000:]

    program = tmp_path / PROGRAM.name
    program.write_text(PROGRAM.read_text())
    found = _ovlint("--output-format", "concise", str(program)).stdout
    assert "gets `[frame]`, a Python list or tuple" in found and "np.asarray([frame], dtype=np.float32)" in found
    _ovlint("--fix", "--unsafe-fixes", str(program))
    assert program.read_text() == PROGRAM.read_text()  # held: nothing half migrated

    program.write_text(PROGRAM.read_text().replace("{input_name: [frame]}",
                                                   "{input_name: np.asarray([frame], dtype=np.float32)}"))
    _ovlint("--fix", "--unsafe-fixes", str(program))
    assert "inference_engine" not in program.read_text()
    after = ovenvs.run("current", program, data)
    assert after.returncode == 0, after.stderr[-2000:]
    assert json.loads(after.stdout) == pytest.approx(json.loads(before.stdout), abs=1e-4)
