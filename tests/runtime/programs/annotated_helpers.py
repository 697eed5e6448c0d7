"""Helpers that take API 1.0 objects as annotated parameters or return them; dict views of
inputs and outputs; the batch size read and set; serialize."""
import json
import os
import tempfile

import numpy as np
from openvino.inference_engine import ExecutableNetwork, IECore, IENetwork

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def load(ie, name):
    return ie.read_network(os.path.join(DATA, name + ".xml"), os.path.join(DATA, name + ".bin"))


def describe(net: IENetwork) -> dict:
    return {
        "name": net.name,
        "batch": net.batch_size,
        "inputs": [[name, list(info.input_data.shape)] for name, info in net.input_info.items()],
        "outputs": [list(data.shape) for data in net.outputs.values()],
        "output_names": list(net.outputs.keys()),
    }


def run(exec_net: ExecutableNetwork, feed) -> dict:
    result = exec_net.infer(feed)
    return {name: np.asarray(result[name]).round(5).tolist() for name in exec_net.outputs}


def main():
    ie = IECore()
    net = load(ie, "pair")
    before = describe(net)
    net.batch_size = 3
    after = describe(net)
    with tempfile.TemporaryDirectory() as tmp:
        net.serialize(os.path.join(tmp, "copy.xml"), os.path.join(tmp, "copy.bin"))
        copy = describe(load_from(ie, tmp))
    exec_net = ie.load_network(net, "CPU")
    feed = {name: np.full((3, 4), i + 1, np.float32) for i, name in enumerate(exec_net.input_info)}
    print(json.dumps({"before": before, "after": after, "copy": copy, "result": run(exec_net, feed)}))


def load_from(ie, folder):
    return ie.read_network(os.path.join(folder, "copy.xml"), os.path.join(folder, "copy.bin"))


if __name__ == "__main__":
    main()
