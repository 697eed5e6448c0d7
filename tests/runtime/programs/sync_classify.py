"""Synchronous classification: IECore, read_network, input_info / outputs, load_network, infer."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    input_name = next(iter(net.input_info))
    output_name = next(iter(net.outputs))
    n, c, h, w = net.input_info[input_name].input_data.shape
    exec_net = ie.load_network(network=net, device_name="CPU")
    frame = (np.arange(n * c * h * w).reshape(n, c, h, w) % 11) / 10.0
    result = exec_net.infer(inputs={input_name: frame})
    probs = result[output_name][0]
    print(json.dumps({
        "names": [input_name, output_name, list(net.input_info.keys()), len(net.outputs)],
        "shape": [n, c, h, w],
        "top": int(np.argmax(probs)),
        "probs": [round(float(p), 5) for p in probs],
        "device": ie.get_metric("CPU", "FULL_DEVICE_NAME") != "",
        "result_names": list(result),
    }))


if __name__ == "__main__":
    main()
