"""Memory API 1.0 shared or did not: a blob made from a C-contiguous array (here an item of a list)
wraps it, so refilling the array in place between inferences feeds each one (a zero-copy input),
while one made from a view that is not contiguous holds a copy; an output blob's `buffer`, kept
across runs (through a variable, or in a dict filled in a loop over `output_blobs.items()`), keeps
each run's values."""
import json
import os

import numpy as np
from openvino.inference_engine import Blob, IECore, TensorDesc

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    exec_net = ie.load_network(net, "CPU")
    request = exec_net.requests[0]
    first, second = sorted(net.input_info)
    outputs = sorted(net.outputs)
    frames = [np.zeros((1, 4), np.float32)]
    wide = np.zeros((1, 8), np.float32)
    request.set_blob(first, Blob(TensorDesc("FP32", [1, 4], "NC"), frames[0]))
    request.set_blob(second, Blob(TensorDesc("FP32", [1, 4], "NC"), wide[:, ::2]))
    refilled, kept, snapshots = [], [], []
    for step in range(3):
        frames[0][:] = step
        wide[:] = step * 10
        request.infer()
        refilled.append([request.output_blobs[name].buffer.tolist() for name in outputs])
        out = request.output_blobs[outputs[0]].buffer
        kept.append(out)
        snapshot = {}
        for name, blob in request.output_blobs.items():
            snapshot[name] = blob.buffer
        snapshots.append(snapshot)
    print(json.dumps({"refilled": refilled, "kept": [k.tolist() for k in kept],
                      "snapshots": [{name: value.tolist() for name, value in s.items()} for s in snapshots]}))


if __name__ == "__main__":
    main()
