"""Editing a network and saving it: `net.add_outputs("Relu_5")` (an intermediate layer by name,
whose output then shows up in `net.outputs` and in the inference result under that name),
`get_ov_name_for_tensor`, `net.reshape` to a batch of 2, and `net.serialize(xml, bin)`; the saved
copy is read back and its weight file compared with the original."""
import json
import os
import tempfile

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    net.add_outputs("Relu_5")
    net.reshape({"data": [2, 3, 8, 8]})
    tensor_name = net.get_ov_name_for_tensor("prob")
    with tempfile.TemporaryDirectory() as tmp:
        xml, weights = os.path.join(tmp, "edited.xml"), os.path.join(tmp, "edited.bin")
        net.serialize(xml, weights)
        same_weights = os.path.getsize(weights) == os.path.getsize(os.path.join(DATA, "classifier.bin"))
        copy = ie.read_network(xml, weights)
        copy_outputs = {name: data.shape for name, data in copy.outputs.items()}
        exec_net = ie.load_network(copy, "CPU")
    frame = (np.arange(2 * 3 * 64).reshape(2, 3, 8, 8) % 7).astype(np.float32) / 6
    result = exec_net.infer({"data": frame})
    print(json.dumps({
        "outputs": sorted(net.outputs),
        "tensor_name": tensor_name,
        "same_weights": same_weights,
        "copy_outputs": copy_outputs,
        "relu_sum": float(result["Relu_5"].sum().round(3)),
        "prob": result["prob"].round(5).tolist(),
    }))


if __name__ == "__main__":
    main()
