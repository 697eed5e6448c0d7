"""A frame handed to `exec_net.infer` wrapped in a list, as API 1.0 allowed: it copied the list
into the input's blob, converting it to the blob's precision."""
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
    _, c, h, w = net.input_info[input_name].input_data.shape
    exec_net = ie.load_network(network=net, device_name="CPU")
    frame = (np.arange(c * h * w).reshape(c, h, w) % 11) / 10.0
    result = exec_net.infer({input_name: [frame]})
    print(json.dumps([round(float(p), 5) for p in result[output_name][0]]))


main()
