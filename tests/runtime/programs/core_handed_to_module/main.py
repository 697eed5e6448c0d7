"""A program of two modules: this one makes the core and hands it to `processor`, which loads
its network with it. Fixed in one run, both must move to API 2.0 together."""
import json

import numpy as np
from openvino.inference_engine import IECore

from processor import Processor


def main():
    core = IECore()
    core.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    scores = Processor("classifier", core).run(np.full((1, 3, 8, 8), 0.5, np.float32))
    print(json.dumps({"scores": np.round(np.array(scores), 4).tolist()}))


if __name__ == "__main__":
    main()
