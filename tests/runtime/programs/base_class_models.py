"""A model base class in the same module: the core is passed to the constructor and stored on
`self`, the network is read in the base `__init__` and the executable network loaded in another
base method; subclasses read `self.net.input_info` / `self.net.outputs` and call
`self.exec_net.infer` in their own methods. The core infers in f32 through `set_config`."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class IEModel:
    def __init__(self, ie, model_name, device="CPU"):
        self.ie = ie
        self.device = device
        self.net = ie.read_network(os.path.join(DATA, model_name + ".xml"),
                                   os.path.join(DATA, model_name + ".bin"))
        self.exec_net = None

    def load(self, num_requests=1):
        self.exec_net = self.ie.load_network(network=self.net, device_name=self.device,
                                             num_requests=num_requests)
        return self

    def input_shapes(self):
        return {name: info.input_data.shape for name, info in self.net.input_info.items()}

    def output_names(self):
        return list(self.net.outputs)


class Classifier(IEModel):
    def __init__(self, ie):
        super().__init__(ie, "classifier")
        self.input_name = next(iter(self.net.input_info))
        self.output_name = next(iter(self.net.outputs))

    def classify(self, frame):
        scores = self.exec_net.infer({self.input_name: frame})[self.output_name]
        return int(np.argmax(scores)), scores.round(5).tolist()


class PairModel(IEModel):
    def __init__(self, ie):
        super().__init__(ie, "pair")

    def run(self, value):
        feed = {}
        for i, name in enumerate(self.net.input_info):
            feed[name] = np.full(self.net.input_info[name].input_data.shape, value + i, np.float32)
        outputs = self.exec_net.infer(inputs=feed)
        return {name: outputs[name].tolist() for name in self.output_names()}


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    classifier = Classifier(ie).load()
    pair = PairModel(ie).load(num_requests=2)
    frame = (np.arange(3 * 8 * 8).reshape(1, 3, 8, 8) % 5) / 4.0
    top, scores = classifier.classify(frame)
    print(json.dumps({
        "classifier": {"inputs": classifier.input_shapes(), "outputs": classifier.output_names(),
                       "top": top, "scores": scores},
        "pair": {"inputs": pair.input_shapes(), "outputs": pair.output_names(), "result": pair.run(1.0)},
        "requests": [len(classifier.exec_net.requests), len(pair.exec_net.requests)],
    }))


if __name__ == "__main__":
    main()
