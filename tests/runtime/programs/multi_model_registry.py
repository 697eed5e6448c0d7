"""Several models in one application, each kept in a dict entry with its network, executable
network and port names (a detector and a recogniser, as multi-stage demos do); the executable
network's own `input_info[...].tensor_desc.dims`, `outputs[...].shape` and `outputs[...].precision`
describe the ports; a stage's output feeds the next stage."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def load_stages(ie, names):
    stages = {}
    for role, name in names.items():
        net = ie.read_network(os.path.join(DATA, name + ".xml"), os.path.join(DATA, name + ".bin"))
        exec_net = ie.load_network(network=net, device_name="CPU", num_requests=1)
        stages[role] = {
            "net": net,
            "exec": exec_net,
            "inputs": list(net.input_info.keys()),
            "outputs": list(net.outputs.keys()),
        }
    return stages


def ports(stage):
    exec_net = stage["exec"]
    return {
        "inputs": {name: info.tensor_desc.dims for name, info in exec_net.input_info.items()},
        "outputs": {name: [data.shape, data.precision] for name, data in exec_net.outputs.items()},
    }


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    stages = load_stages(ie, {"detector": "classifier", "recognizer": "pair"})
    detector = stages["detector"]
    frame = (np.arange(3 * 64).reshape(1, 3, 8, 8) % 8).astype(np.float32) / 7
    scores = detector["exec"].infer({detector["inputs"][0]: frame})[detector["outputs"][0]]
    recognizer = stages["recognizer"]
    feed = {name: scores * (i + 1) for i, name in enumerate(recognizer["inputs"])}
    request = recognizer["exec"].requests[0]
    request.infer(feed)
    print(json.dumps({
        "ports": {role: ports(stage) for role, stage in sorted(stages.items())},
        "names": {role: [stage["inputs"], stage["outputs"]] for role, stage in stages.items()},
        "scores": scores.round(5).tolist(),
        "recognized": {name: request.output_blobs[name].buffer.round(5).tolist() for name in recognizer["outputs"]},
    }))


if __name__ == "__main__":
    main()
