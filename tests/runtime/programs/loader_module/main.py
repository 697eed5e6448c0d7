"""A program of two modules: `loader` returns an IENetwork, which this module compiles and runs.
Fixed in one run, both modules must move to API 2.0 together."""
import json

import numpy as np
from openvino.inference_engine import IECore

from loader import load


def main():
    net, precisions = load("pair")
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    exec_net = ie.load_network(net, "CPU")
    feed = {name: np.full((1, 4), 1.0 + i, np.float32) for i, name in enumerate(sorted(precisions))}
    result = exec_net.infer(feed)
    print(json.dumps({"precisions": precisions,
                      "outputs": {name: np.round(value, 4).tolist() for name, value in sorted(result.items())}}))


if __name__ == "__main__":
    main()
