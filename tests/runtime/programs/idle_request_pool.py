"""A pool driven by the executable network: `get_idle_request_id()` (-1 when none is idle),
`start_async(request_id=..., inputs=...)`, `exec_net.wait(num_requests=..., timeout=...)`,
`requests[i].wait(WaitMode.RESULT_READY)`, `wait(WaitMode.STATUS_ONLY)` on a finished request
and on one never started, compared with `StatusCode` members."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore, StatusCode, WaitMode

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    input_name = next(iter(net.input_info))
    output_name = next(iter(net.outputs))
    exec_net = ie.load_network(net, "CPU", num_requests=3)
    never_started = exec_net.requests[2].wait(WaitMode.STATUS_ONLY) == StatusCode.INFER_NOT_STARTED

    frames = [np.full((1, 3, 8, 8), k / 7.0, np.float32) for k in range(5)]
    owner = {}
    results = {}
    for k, frame in enumerate(frames):
        request_id = exec_net.get_idle_request_id()
        if request_id < 0:
            status = exec_net.wait(num_requests=1, timeout=-1)
            if status != StatusCode.OK:
                raise RuntimeError("wait failed: {}".format(status))
            request_id = exec_net.get_idle_request_id()
        if request_id in owner:
            done = exec_net.requests[request_id]
            done.wait(WaitMode.RESULT_READY)
            results[owner[request_id]] = done.output_blobs[output_name].buffer.round(5).tolist()
        owner[request_id] = k
        exec_net.start_async(request_id=request_id, inputs={input_name: frame})

    statuses = []
    for request_id, k in sorted(owner.items()):
        request = exec_net.requests[request_id]
        statuses.append(request.wait(WaitMode.RESULT_READY) == StatusCode.OK)
        statuses.append(request.wait(WaitMode.STATUS_ONLY) == StatusCode.OK)
        results[k] = request.output_blobs[output_name].buffer.round(5).tolist()
    print(json.dumps({
        "never_started": never_started,
        "statuses": statuses,
        "all_idle": exec_net.wait(num_requests=len(exec_net.requests), timeout=1000) == StatusCode.OK,
        "results": [results[k] for k in sorted(results)],
    }))


if __name__ == "__main__":
    main()
