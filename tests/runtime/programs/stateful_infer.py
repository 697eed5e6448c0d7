"""A stateful network (ReadValue/Assign) run through `exec_net.infer` alone: API 1.0 ran
`requests[0]` on each call, so the running total carries from one call to the next, and a
second network loaded from the same model keeps a total of its own."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def load(ie):
    net = ie.read_network(os.path.join(DATA, "accumulator.xml"), os.path.join(DATA, "accumulator.bin"))
    return ie.load_network(net, "CPU")


def main():
    ie = IECore()
    first, second = load(ie), load(ie)
    totals = [first.infer({"step": np.full((1, 3), value, np.float32)})["running"].tolist() for value in (1, 2, 3)]
    other = second.infer({"step": np.ones((1, 3), np.float32)})["running"].tolist()
    print(json.dumps({"totals": totals, "other": other}))


if __name__ == "__main__":
    main()
