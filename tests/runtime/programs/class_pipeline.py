"""An application class: objects kept in `self`, set in one method and used in others, a helper
method returning the network, requests walked in a loop, blobs written in place."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class Pipeline:
    def __init__(self, device):
        self.ie = IECore()
        self.net = self._read("pair")
        self.exec_net = self.ie.load_network(self.net, device, num_requests=2)

    def _read(self, name):
        return self.ie.read_network(os.path.join(DATA, name + ".xml"), os.path.join(DATA, name + ".bin"))

    def run(self, frames):
        for request, frame in zip(self.exec_net.requests, frames):
            request.input_blobs["zeta"].buffer[:] = frame
            request.input_blobs["alpha"].buffer[:] = frame * 3
            request.async_infer()
        outputs = []
        for request in self.exec_net.requests:
            request.wait(-1)
            outputs.append({name: request.output_blobs[name].buffer.tolist() for name in request.output_blobs})
        return outputs


def main():
    pipeline = Pipeline("CPU")
    frames = [np.arange(4, dtype=np.float32).reshape(1, 4) + k for k in range(2)]
    print(json.dumps({"outputs": pipeline.run(frames), "requests": len(pipeline.exec_net.requests),
                      "inputs": sorted(pipeline.net.input_info)}))


if __name__ == "__main__":
    main()
