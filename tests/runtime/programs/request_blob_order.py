"""Positional use of API 1.0's name-sorted dicts: inputs filled by position while walking
`request.input_blobs.items()` (sorted by name, not in model order), `list(request.output_blobs)[0]`,
`zip(net.input_info, arrays)`, and `request.infer()` with no argument after writing into
`input_blobs[name].buffer` in place."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    net = ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    exec_net = ie.load_network(net, "CPU")
    request = exec_net.requests[0]
    for position, (name, blob) in enumerate(request.input_blobs.items()):
        blob.buffer[:] = np.arange(4, dtype=np.float32) + 10 * position
    request.infer()
    first_output = list(request.output_blobs)[0]
    by_position = request.output_blobs[first_output].buffer.tolist()
    arrays = [np.full((1, 4), 1.0, np.float32), np.full((1, 4), 5.0, np.float32)]
    result = exec_net.infer(dict(zip(net.input_info, arrays)))
    print(json.dumps({
        "input_order": list(request.input_blobs),
        "first_output": first_output,
        "by_position": by_position,
        "zipped": [[name, result[name].tolist()] for name in net.outputs],
    }))


if __name__ == "__main__":
    main()
