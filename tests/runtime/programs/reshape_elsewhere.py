"""A network held by one object and reshaped by another: an estimator keeps `self.net` and
`self.exec_net`; a resizer function reads `estimator.net.input_info[...].input_data.shape`, calls
`estimator.net.reshape({name: (n, c, h, w)})` with a tuple and reloads the executable network on
the estimator; shapes read before and after the reshape."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class Estimator:
    def __init__(self, ie, xml_path, device):
        self.ie = ie
        self.device = device
        self.net = ie.read_network(xml_path, os.path.splitext(xml_path)[0] + ".bin")
        self.input_name = next(iter(self.net.input_info))
        self.exec_net = ie.load_network(network=self.net, num_requests=1, device_name=device)

    def infer(self, image):
        return self.exec_net.infer(inputs={self.input_name: image})


def fit_to(estimator, image):
    n, c, h, w = estimator.net.input_info[estimator.input_name].input_data.shape
    if (h, w) != image.shape[2:]:
        estimator.net.reshape({estimator.input_name: (n, c, image.shape[2], image.shape[3])})
        estimator.exec_net = estimator.ie.load_network(network=estimator.net, num_requests=1,
                                                       device_name=estimator.device)
        return True
    return False


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    estimator = Estimator(ie, os.path.join(DATA, "classifier.xml"), "CPU")
    before = estimator.net.input_info[estimator.input_name].input_data.shape
    results = []
    for size in (8, 12, 12, 6):
        image = (np.arange(3 * size * size).reshape(1, 3, size, size) % 10).astype(np.float32) / 9
        reshaped = fit_to(estimator, image)
        result = estimator.infer(image)
        results.append([size, reshaped, {k: v.round(5).tolist() for k, v in result.items()}])
    print(json.dumps({
        "before": before,
        "after": estimator.net.input_info[estimator.input_name].input_data.shape,
        "outputs": {name: data.shape for name, data in estimator.net.outputs.items()},
        "results": results,
    }))


if __name__ == "__main__":
    main()
