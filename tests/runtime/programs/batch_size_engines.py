"""One executable network per batch size, as a vocoder engine does: `net.batch_size = b` on a
network held by the engine, then `load_network` for each size into a dict keyed by batch size;
the request for a batch is chosen by the smallest size that fits, and `net.batch_size` read back."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class BatchedEngine:
    def __init__(self, ie, model_xml, batch_sizes, device="CPU"):
        self.ie = ie
        self.device = device
        self.net = self.load_network(model_xml)
        self.original_batch = self.net.batch_size
        self.exec_nets = self.create_exec_networks(self.net, batch_sizes)

    def load_network(self, model_xml):
        model_bin = os.path.splitext(model_xml)[0] + ".bin"
        return self.ie.read_network(model=model_xml, weights=model_bin)

    def create_exec_networks(self, net, batch_sizes):
        exec_nets = {}
        for size in batch_sizes:
            net.batch_size = size
            exec_nets[size] = self.ie.load_network(network=net, device_name=self.device)
        return exec_nets

    def infer(self, frames):
        size = min(b for b in self.exec_nets if b >= len(frames))
        batch = np.zeros([size] + list(frames[0].shape), np.float32)
        batch[:len(frames)] = frames
        exec_net = self.exec_nets[size]
        input_name = next(iter(exec_net.input_info))
        result = exec_net.infer({input_name: batch})
        return size, {name: value[:len(frames)].round(5).tolist() for name, value in result.items()}


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    engine = BatchedEngine(ie, os.path.join(DATA, "classifier.xml"), [1, 2, 4])
    frames = [np.full((3, 8, 8), k / 3.0, np.float32) * np.arange(8, dtype=np.float32) for k in range(3)]
    print(json.dumps({
        "original_batch": engine.original_batch,
        "last_batch": engine.net.batch_size,
        "inputs": {b: [info.input_data.shape for info in e.input_info.values()] for b, e in engine.exec_nets.items()},
        "single": engine.infer(frames[:1]),
        "triple": engine.infer(frames),
    }))


if __name__ == "__main__":
    main()
