"""Ping-pong over pre-created requests: start_async(request_id=...), requests[id].wait(-1) == OK,
output_blobs[...].buffer, and the optimal number of requests (num_requests=0)."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore, StatusCode

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    input_name = next(iter(net.input_info))
    output_name = next(iter(net.outputs))
    exec_net = ie.load_network(network=net, device_name="CPU", num_requests=0)
    pool = ie.load_network(network=net, device_name="CPU", num_requests=2)
    frames = [np.full((1, 3, 8, 8), k / 4, np.float32) for k in range(4)]
    results = []
    pool.start_async(request_id=0, inputs={input_name: frames[0]})
    for k in range(len(frames)):
        current, following = k % 2, (k + 1) % 2
        if k + 1 < len(frames):
            pool.start_async(following, {input_name: frames[k + 1]})
        if pool.requests[current].wait(-1) == StatusCode.OK:
            results.append(pool.requests[current].output_blobs[output_name].buffer.round(5).tolist())
    print(json.dumps({"optimal_at_least_one": len(exec_net.requests) >= 1, "pool": len(pool.requests),
                      "results": results}))


if __name__ == "__main__":
    main()
