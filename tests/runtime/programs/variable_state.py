"""A stateful network (ReadValue/Assign) driven through API 1.0 memory states:
`request.query_state()`, `state.name`, `state.state.buffer` (a Blob), `state.reset()`, and a new
state written as `state.state = Blob(TensorDesc("FP32", [1, 3], "NC"), array)`; each request keeps
its own state."""
import json
import os

import numpy as np
from openvino.inference_engine import Blob, IECore, TensorDesc

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class StreamingModel:
    def __init__(self, ie, name):
        self.net = ie.read_network(os.path.join(DATA, name + ".xml"), os.path.join(DATA, name + ".bin"))
        self.exec_net = ie.load_network(self.net, "CPU", num_requests=2)

    def step(self, request_id, value):
        request = self.exec_net.requests[request_id]
        request.infer({"step": np.full((1, 3), value, np.float32)})
        return request.output_blobs["running"].buffer.tolist()

    def states(self, request_id):
        return {state.name: state.state.buffer.tolist() for state in self.exec_net.requests[request_id].query_state()}

    def reset(self, request_id):
        for state in self.exec_net.requests[request_id].query_state():
            state.reset()

    def restore(self, request_id, values):
        for state in self.exec_net.requests[request_id].query_state():
            state.state = Blob(TensorDesc("FP32", [1, 3], "NC"), np.array([values], np.float32))


def main():
    model = StreamingModel(IECore(), "accumulator")
    steps = [model.step(0, v) for v in (1, 2, 3)]
    after_steps = model.states(0)
    other = model.states(1)
    model.reset(0)
    after_reset = model.step(0, 5)
    model.restore(1, [10, 20, 30])
    restored = model.step(1, 1)
    print(json.dumps({"steps": steps, "after_steps": after_steps, "other_request": other,
                      "after_reset": after_reset, "restored": restored, "final": model.states(1)}))


if __name__ == "__main__":
    main()
