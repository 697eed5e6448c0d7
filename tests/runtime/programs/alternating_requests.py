"""Two requests used in turn, as Open Model Zoo demos drive them (`cur_request_id` /
`next_request_id`): `exec_net.start_async(request_id=..., inputs=...)` for the next frame while
the current one finishes, `requests[i].wait(-1) == 0` and `wait(WaitMode.RESULT_READY)` compared
with `StatusCode.OK`, a finished request polled with `wait(WaitMode.STATUS_ONLY)`, and its
`output_blobs` read after each swap. (Pools driven by `get_idle_request_id()` and `exec_net.wait()`
have no API 2.0 counterpart: ovlint reports them for a hand migration, see the OV104 tests.)"""
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
    exec_net = ie.load_network(net, "CPU", num_requests=2)

    frames = [np.full((1, 3, 8, 8), k / 7.0, np.float32) for k in range(5)]
    cur_request_id, next_request_id = 0, 1
    exec_net.start_async(request_id=cur_request_id, inputs={input_name: frames[0]})
    results, statuses = [], []
    for frame in frames[1:] + [None]:
        if frame is not None:
            exec_net.start_async(request_id=next_request_id, inputs={input_name: frame})
        if exec_net.requests[cur_request_id].wait(-1) == 0:
            results.append(exec_net.requests[cur_request_id].output_blobs[output_name].buffer.round(5).tolist())
        statuses.append(exec_net.requests[cur_request_id].wait(WaitMode.RESULT_READY) == StatusCode.OK)
        statuses.append(exec_net.requests[cur_request_id].wait(WaitMode.STATUS_ONLY) == StatusCode.OK)
        cur_request_id, next_request_id = next_request_id, cur_request_id
    print(json.dumps({"results": results, "statuses": statuses, "count": len(exec_net.requests)}))


if __name__ == "__main__":
    main()
