"""A network built with nGraph and run through API 1.0: `ng.parameter`, `ng.constant`,
`ng.matmul`, `ng.add`, `ng.relu`, `ng.softmax` (the top-level names), node names through `name=`,
`ng.Function(results, parameters, name)`, `ng.Function.to_capsule(function)` handed to
`IENetwork(...)`, and `ng.function_to_cnn`; the built function is walked with `get_ordered_ops()`,
`get_output_partial_shape`, `get_output_element_type` against `ng.impl.Type.f32`."""
import json

import ngraph as ng
import numpy as np
from openvino.inference_engine import IECore, IENetwork


def dense(x, units, seed, name):
    rows = list(x.get_output_shape(0))[1]
    weights = (((np.arange(rows * units) * seed) % 11) - 5).reshape(rows, units).astype(np.float32) / 10
    return ng.add(ng.matmul(x, ng.constant(weights), False, False), ng.constant(np.float32(0.1)), name=name)


def build(batch):
    features = ng.parameter([batch, 6], np.float32, name="features")
    hidden = ng.relu(dense(features, 5, 3, "hidden_dense"), name="hidden")
    scores = ng.softmax(dense(hidden, 3, 7, "logits"), 1, name="scores")
    return ng.Function([scores], [features], "dense_net")


def describe(function):
    return {
        "name": function.get_friendly_name(),
        "ops": [op.get_type_name() for op in function.get_ordered_ops()],
        "shapes": [str(op.get_output_partial_shape(0)) for op in function.get_ordered_ops()
                   if op.get_type_name() != "Result"],
        "f32": all(op.get_output_element_type(0) == ng.impl.Type.f32 for op in function.get_ordered_ops()),
        "parameters": [p.get_friendly_name() for p in function.get_parameters()],
    }


def main():
    function = build(2)
    net = IENetwork(ng.Function.to_capsule(function))
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    exec_net = ie.load_network(net, "CPU")
    features = (np.arange(12).reshape(2, 6) % 5).astype(np.float32) / 4
    result = exec_net.infer({"features": features})
    other = ng.function_to_cnn(build(1))
    print(json.dumps({
        "described": describe(function),
        "network": [net.name, list(net.input_info), list(net.outputs)],
        "scores": result["scores"].round(5).tolist(),
        "other": [other.name, other.input_info["features"].input_data.shape, list(other.outputs)],
    }))


if __name__ == "__main__":
    main()
