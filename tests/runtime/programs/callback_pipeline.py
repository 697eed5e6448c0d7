"""An asynchronous pipeline class: a deque of idle requests taken from `exec_net.requests`,
`set_completion_callback(py_callback=self.method, py_data=(request, id))`, a callback that
checks `status != 0` and reads `request.output_blobs`, `async_infer(inputs=...)`, a
`threading.Event` for the next idle request and `request.wait()` over every request at the end."""
import json
import os
import threading
from collections import deque

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class AsyncPipeline:
    def __init__(self, ie, net, device="CPU", max_requests=2):
        self.exec_net = ie.load_network(network=net, device_name=device, num_requests=max_requests)
        self.input_name = next(iter(net.input_info))
        self.idle = deque(self.exec_net.requests)
        self.completed = {}
        self.statuses = []
        self.event = threading.Event()
        self.lock = threading.Lock()

    def on_done(self, status, data):
        request, frame_id = data
        with self.lock:
            self.statuses.append(status)
            if status != 0:
                raise RuntimeError("inference failed with status {}".format(status))
            self.completed[frame_id] = {name: blob.buffer.round(5).tolist()
                                        for name, blob in request.output_blobs.items()}
            self.idle.append(request)
        self.event.set()

    def submit(self, frame, frame_id):
        with self.lock:
            request = self.idle.popleft()
            if not self.idle:
                self.event.clear()
        request.set_completion_callback(py_callback=self.on_done, py_data=(request, frame_id))
        request.async_infer(inputs={self.input_name: frame})

    def is_ready(self):
        with self.lock:
            return len(self.idle) != 0

    def wait_any(self):
        self.event.wait()

    def wait_all(self):
        for request in self.exec_net.requests:
            request.wait()


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    pipeline = AsyncPipeline(ie, net)
    frames = [np.full((1, 3, 8, 8), k / 5.0, np.float32) + np.arange(8, dtype=np.float32) / 8 for k in range(6)]
    for frame_id, frame in enumerate(frames):
        while not pipeline.is_ready():
            pipeline.wait_any()
        pipeline.submit(frame, frame_id)
    pipeline.wait_all()
    print(json.dumps({
        "completed": [pipeline.completed[k] for k in sorted(pipeline.completed)],
        "statuses": sorted(set(pipeline.statuses)),
        "callbacks": len(pipeline.statuses),
        "idle": len(pipeline.idle),
    }))


if __name__ == "__main__":
    main()
