"""Networks read from memory and from other paths: `read_network(model=xml_bytes,
weights=bin_bytes, init_from_buffer=True)` when given a tuple of bytes (an anomaly inferencer's
loader), `read_network(onnx_path, "", False)` with no weights and the flag given in place, `read_network(model=xml_path)` that finds the
.bin itself, and the module-level `read_network(xml, bin)` function."""
import json
import os
from pathlib import Path

import numpy as np
from openvino.inference_engine import IECore, read_network

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def load_model(ie_core, path):
    if isinstance(path, tuple):
        network = ie_core.read_network(model=path[0], weights=path[1], init_from_buffer=True)
    else:
        path = Path(path)
        if path.suffix == ".xml":
            network = ie_core.read_network(model=str(path))
        elif path.suffix == ".onnx":
            network = ie_core.read_network(str(path), "", False)
        else:
            raise ValueError(path)
    input_blob = next(iter(network.input_info))
    output_blob = next(iter(network.outputs))
    executable_network = ie_core.load_network(network=network, device_name="CPU")
    return input_blob, output_blob, executable_network


def main():
    ie_core = IECore()
    ie_core.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    xml = Path(DATA, "classifier.xml").read_bytes()
    weights = Path(DATA, "classifier.bin").read_bytes()
    frame = (np.arange(3 * 64).reshape(1, 3, 8, 8) % 6).astype(np.float32) / 5
    results = {}
    for label, source in (("buffer", (xml, weights)), ("xml", os.path.join(DATA, "classifier.xml")),
                          ("onnx", os.path.join(DATA, "convolution.onnx"))):
        input_blob, output_blob, executable_network = load_model(ie_core, source)
        output = executable_network.infer(inputs={input_blob: frame})[output_blob]
        results[label] = [input_blob, output_blob, list(output.shape), output.reshape(-1)[:6].round(5).tolist()]
    module_level = read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    results["module_level"] = [module_level.name, list(module_level.input_info), list(module_level.outputs)]
    print(json.dumps(results))


if __name__ == "__main__":
    main()
