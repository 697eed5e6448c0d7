"""The API inventory in rules/api10/inventory/ (written by tools/api_inventory.py from the released
wheels) is well formed, kept in its canonical sorted form, and holds facts known of the releases."""
import json
from pathlib import Path

import pytest

INVENTORY = Path(__file__).resolve().parent.parent / "rules" / "api10" / "inventory"
TARGETS = ("2023.3", "2024.6", "2025.1", "2026.4.1")
KINDS = {"method", "staticmethod", "classmethod", "property", "class", "member", "constant", "attribute"}


def load(name):
    return json.loads((INVENTORY / name).read_text(encoding="utf-8"))


def files():
    return sorted(p.name for p in INVENTORY.glob("*.json"))


def names(data, module):
    return data["modules"][module]


def members(data, module, name):
    return data["classes"][data["modules"][module][name]["class"]]["members"]


def test_every_part_is_there():
    expected = {"legacy-2023.3.json", "mo-2023.3.json", "corpus-counts.json"} | {f"api20-{t}.json" for t in TARGETS}
    assert set(files()) == expected


@pytest.mark.parametrize("name", files())
def test_the_data_is_canonical(name):
    """Sorted keys, one item a line: regenerating it gives a readable diff and no noise."""
    text = (INVENTORY / name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, indent=0, separators=(",", ":"), ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name", [n for n in files() if n.startswith(("legacy-", "api20-"))])
def test_every_reference_resolves(name):
    data = load(name)
    classes, functions = data["classes"], data.get("functions", {})
    for module, entries in data["modules"].items():
        for entry in entries.values():
            if isinstance(entry, dict):
                ((kind, value),) = entry.items()
                assert kind in ("class", "function", "constant"), (module, entry)
                assert kind != "class" or value in classes, (module, entry)
                assert kind != "function" or value in functions, (module, entry)
            else:
                assert entry in ("module", "function", "object", "constant"), (module, entry)
    for ref, cls in classes.items():
        assert set(cls) <= {"members", "bases", "constructor"}, ref
        for member, about in cls["members"].items():
            assert about["kind"] in KINDS, (ref, member)
            assert "ref" not in about or about["ref"] in classes, (ref, member)


def test_api10_and_ngraph_of_2023_3():
    legacy = load("legacy-2023.3.json")
    ie = "openvino.inference_engine"
    core = members(legacy, ie, "IECore")
    assert core["read_network"]["kind"] == "method"
    assert any("init_from_buffer" in s for s in core["read_network"]["signatures"])
    assert {"load_network", "import_network", "query_network", "get_metric", "set_config"} <= set(core)
    network = members(legacy, ie, "IENetwork")
    assert network["batch_size"]["kind"] == "property" and network["reshape"]["kind"] == "method"
    assert "layers" not in network and "inputs" not in network  # gone before 2023.3
    request = members(legacy, ie, "InferRequest")
    assert {"set_completion_callback", "get_perf_counts", "latency", "query_state"} <= set(request)
    assert "get_idle_request_id" in members(legacy, ie, "ExecutableNetwork")
    assert members(legacy, ie, "StatusCode")["INFER_NOT_STARTED"] == {"kind": "member", "value": -11}
    assert members(legacy, ie, "WaitMode")["RESULT_READY"]["value"] == -1
    assert "IEPlugin" not in names(legacy, ie)
    assert names(legacy, "ngraph.opset8")["relu"] == {"function": "ngraph.opset1.ops.relu"}
    assert "function_from_cnn" in names(legacy, "ngraph")
    assert {f"ngraph.opset{n}" for n in range(1, 12)} <= set(legacy["modules"])
    function = legacy["classes"][names(legacy, "ngraph")["Function"]["class"]]
    assert function["members"]["to_capsule"]["kind"] == "staticmethod" and len(function["constructor"]) >= 2


def test_model_optimizer_of_2023_3():
    mo = load("mo-2023.3.json")
    parameters = {p["name"]: p for p in mo["convert_model"]}
    assert {"mean_values", "scale_values", "reverse_input_channels", "layout", "source_layout", "input_shape",
            "compress_to_fp16"} <= set(parameters)
    assert parameters["compress_to_fp16"]["default"] is False  # the Python API's default
    options = {o["option"]: o for o in mo["cli"]}
    assert options["--input_model"]["aliases"] == ["-m", "-w"]
    assert options["--compress_to_fp16"]["default"] is True  # the command line's default
    assert "--data_type" not in options


@pytest.mark.parametrize("target", TARGETS)
def test_api20_of_each_target(target):
    api = load(f"api20-{target}.json")
    assert api["release"] == target
    top = names(api, "openvino")
    assert "reshape" in members(api, "openvino", "Model")
    assert "read_network" not in members(api, "openvino", "Core")
    assert {"read_model", "compile_model", "get_property", "set_property", "query_model"} <= set(
        members(api, "openvino", "Core"))
    assert {"set_callback", "get_profiling_info", "query_state", "wait_for"} <= set(
        members(api, "openvino", "InferRequest"))
    assert "get_idle_request_id" in members(api, "openvino", "AsyncInferQueue")
    assert "PrePostProcessor" in names(api, "openvino.preprocess")
    assert top["properties"] == "module" and "hint" in names(api, "openvino.properties")
    assert ("openvino.runtime" in api["modules"]) == (target != "2026.4.1")
    assert ("opset8" in top) == (target >= "2025")  # openvino.opsetN at the top level since 2025.0


def test_corpus_counts():
    """Per entry: members by the class of the object they are read on, the rest of the member names
    apart (tests/test_coverage.py checks that every key is an entry of the inventory)."""
    counts = load("corpus-counts.json")
    assert counts["corpus"]["files"] > 0 and counts["method"]
    assert counts["names"]["openvino.inference_engine.IECore"]["uses"] > 0
    assert counts["members"]["openvino.inference_engine.IECore.read_network"]["uses"] > 0
    assert "openvino.inference_engine.DataPtr.shape" in counts["members"] and "shape" in counts["unattributed"]
    for table in ("names", "members", "unattributed", "keywords", "mo_cli"):
        for entry in counts[table].values():
            assert entry["uses"] >= entry["files"] > 0
