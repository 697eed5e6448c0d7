"""A subclass in the same module overrides the base's loading method (another model, the same
attributes) and runs the executable network with `infer`, then reads the result through the
base's method from `requests[0]`, which API 1.0's `infer` ran."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class Base:
    def __init__(self, name):
        self.name = name
        self.load()

    def load(self):
        self.ie = IECore()
        self.ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
        self.net = self.ie.read_network(os.path.join(DATA, self.name + ".xml"), os.path.join(DATA, self.name + ".bin"))
        self.exec_net = self.ie.load_network(self.net, "CPU")
        self.out_name = next(iter(self.net.outputs))

    def get_output(self):
        return self.exec_net.requests[0].output_blobs[self.out_name].buffer


class Pair(Base):
    def load(self):
        self.ie = IECore()
        self.ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
        self.net = self.ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
        self.exec_net = self.ie.load_network(self.net, "CPU")
        self.out_name = sorted(self.net.outputs)[-1]

    def predict(self, feed):
        self.exec_net.infer(inputs=feed)
        return self.get_output()


def main():
    pair = Pair("pair")
    feed = {name: np.full(info.input_data.shape, 1.0 + i, np.float32)
            for i, (name, info) in enumerate(sorted(pair.net.input_info.items()))}
    classifier = Base("classifier")
    classifier.exec_net.infer({next(iter(classifier.net.input_info)): np.ones((1, 3, 8, 8), np.float32)})
    print(json.dumps({"pair": np.round(pair.predict(feed), 4).tolist(), "output": pair.out_name,
                      "classifier": np.round(classifier.get_output(), 4).tolist()}))


if __name__ == "__main__":
    main()
