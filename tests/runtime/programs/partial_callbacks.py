"""Completion callbacks bound with `functools.partial` and a `py_data` dict, the way a serving
engine tracks free request indices in a queue: the callback gets `(status, py_data)`, stores the
output blob's buffer and the status, and puts the index back; the main loop blocks on the queue."""
import functools
import json
import os
import queue

import numpy as np
from openvino.inference_engine import IECore, StatusCode

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def completed(results, statuses, status, py_data):
    request = py_data["exec_net"].requests[py_data["index"]]
    statuses.append(int(status) == StatusCode.OK)
    results[py_data["frame"]] = {name: request.output_blobs[name].buffer.tolist() for name in ("out_a", "out_z")}
    py_data["free"].put(py_data["index"])


def main():
    ie = IECore()
    net = ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    exec_net = ie.load_network(network=net, device_name="CPU", num_requests=2)
    free = queue.Queue()
    for index in range(len(exec_net.requests)):
        free.put(index)
    results, statuses = {}, []
    callback = functools.partial(completed, results, statuses)
    for frame in range(5):
        index = free.get()
        py_data = {"exec_net": exec_net, "index": index, "frame": frame, "free": free}
        exec_net.requests[index].set_completion_callback(py_callback=callback, py_data=py_data)
        exec_net.requests[index].async_infer({"zeta": np.full((1, 4), frame, np.float32),
                                              "alpha": np.arange(4, dtype=np.float32).reshape(1, 4)})
    for _ in range(len(exec_net.requests)):
        free.get()
    print(json.dumps({"results": [results[k] for k in sorted(results)], "statuses": statuses}))


if __name__ == "__main__":
    main()
