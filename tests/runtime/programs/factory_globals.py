"""Factory functions returning networks and executable networks; the core is a module global,
networks are kept in a module-level dict keyed by role and executable networks in a module-level
list; a function reads them back through `global` lookups and indexing."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore, IENetwork

DATA = os.environ["OVLINT_RUNTIME_DATA"]

IE = IECore()
NETWORKS = {}
EXECUTABLES = []


def read(name) -> IENetwork:
    return IE.read_network(model=os.path.join(DATA, name + ".xml"), weights=os.path.join(DATA, name + ".bin"))


def compile_network(net, requests=1):
    return IE.load_network(net, "CPU", config={"INFERENCE_PRECISION_HINT": "f32"}, num_requests=requests)


def register(role, name):
    net = read(name)
    NETWORKS[role] = net
    EXECUTABLES.append(compile_network(net, requests=len(EXECUTABLES) + 1))
    return len(EXECUTABLES) - 1


def describe(role):
    net = NETWORKS[role]
    return {
        "inputs": sorted(net.input_info),
        "first_input": next(iter(net.input_info)),
        "outputs": {name: data.shape for name, data in net.outputs.items()},
    }


def infer(index, value):
    exec_net = EXECUTABLES[index]
    feed = {name: np.full(info.input_data.shape, value, np.float32) for name, info in exec_net.input_info.items()}
    result = exec_net.infer(feed)
    return [[name, np.asarray(result[name]).round(5).tolist()] for name in result]


def main():
    slots = {role: register(role, name) for role, name in (("scorer", "classifier"), ("pair", "pair"))}
    print(json.dumps({
        "slots": slots,
        "described": {role: describe(role) for role in sorted(NETWORKS)},
        "requests": [len(exec_net.requests) for exec_net in EXECUTABLES],
        "results": {role: infer(index, 0.25) for role, index in slots.items()},
    }))


if __name__ == "__main__":
    main()
