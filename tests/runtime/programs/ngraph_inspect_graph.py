"""Inspecting a read network's graph with nGraph, as an accuracy tool does: `ng.function_from_cnn`,
a walk over `get_ordered_ops()` recording each node's type, friendly name, `get_attributes()`,
output shapes and the producers of its `inputs()`; Constant values through `get_data()`;
`function.get_output_op(0)`, `get_output_size()`, `is_dynamic()`; then an output added by name to
the network that the function views (it counts one output more), and the edited network run. The
graph is walked before the output is added: where API 1.0 listed the new Result (next to its
producer, or last) is not something API 2.0 reproduces."""
import json
import os

import ngraph as ng
import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def graph_of(function):
    nodes = []
    for node in function.get_ordered_ops():
        entry = {
            "type": node.get_type_name(),
            "name": node.get_friendly_name(),
            "shape": list(node.get_output_partial_shape(0).to_shape()),
            "inputs": [i.get_source_output().get_node().get_friendly_name() for i in node.inputs()],
        }
        if node.get_type_name() in ("Convolution", "Softmax", "ReduceMean"):
            entry["attributes"] = {k: v for k, v in sorted(node.get_attributes().items())}
        if node.get_type_name() == "Constant":
            entry["data_sum"] = float(np.asarray(node.get_data()).sum().round(4))
        nodes.append(entry)
    return nodes


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    function = ng.function_from_cnn(net)
    last = function.get_output_op(0)
    graph = graph_of(function)
    relu = [node.get_friendly_name() for node in function.get_ordered_ops() if node.get_type_name() == "Relu"]
    net.add_outputs(relu)
    exec_net = ie.load_network(net, "CPU")
    result = exec_net.infer({"data": np.full((1, 3, 8, 8), 0.5, np.float32)})
    print(json.dumps({
        "graph": graph,
        "last": [last.get_type_name(), last.input(0).get_source_output().get_node().get_friendly_name()],
        "outputs": [function.get_output_size(), function.is_dynamic()],
        "result": {name: float(value.sum().round(4)) for name, value in sorted(result.items())},
    }))


if __name__ == "__main__":
    main()
