"""Writes the IR models the runtime migration tests use; runs inside the API 2.0 environment.

Names are chosen so that model order and name order differ: API 1.0 sorted inputs and outputs by
name, API 2.0 keeps model order, and a migration must not mix the two up."""
import sys
from pathlib import Path

import numpy as np
import openvino as ov
import openvino.opset13 as ops


def named(node, name):
    node.set_friendly_name(name)
    node.output(0).set_names({name})
    return node


def classifier():
    data = named(ops.parameter([1, 3, 8, 8], np.float32), "data")
    weights = ops.constant(((np.arange(4 * 3 * 3 * 3) % 7) - 3).reshape(4, 3, 3, 3).astype(np.float32) / 8)
    conv = ops.convolution(data, weights, [1, 1], [1, 1], [1, 1], [1, 1])
    pooled = ops.reduce_mean(ops.relu(conv), ops.constant(np.array([2, 3], np.int64)), keep_dims=False)
    prob = named(ops.softmax(pooled, 1), "prob")
    return ov.Model([ops.result(prob)], [data], "classifier")


def two_in_two_out():
    zeta = named(ops.parameter([1, 4], np.float32), "zeta")
    alpha = named(ops.parameter([1, 4], np.float32), "alpha")
    out_z = named(ops.multiply(zeta, ops.constant(np.float32(2))), "out_z")
    out_a = named(ops.add(alpha, zeta), "out_a")
    return ov.Model([ops.result(out_z), ops.result(out_a)], [zeta, alpha], "pair")


def accumulator():
    """A stateful model: a variable `total` that each inference adds its input to."""
    step = named(ops.parameter([1, 3], np.float32), "step")
    info = ov.op.util.VariableInfo()
    info.data_shape = ov.PartialShape([1, 3])
    info.data_type = ov.Type.f32
    info.variable_id = "total"
    variable = ov.op.util.Variable(info)
    total = named(ops.add(ops.read_value(ops.constant(np.zeros((1, 3), np.float32)), variable), step), "running")
    return ov.Model([ops.result(total)], [ops.assign(total, variable)], [step], "accumulator")


def onnx_classifier(path: Path) -> None:
    """A small ONNX convolution for the Model Optimizer and ovc to convert."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    weights = numpy_helper.from_array(
        (((np.arange(8 * 3 * 3 * 3) * 37) % 101) / 101.0 - 0.5).reshape(8, 3, 3, 3).astype(np.float32), "w")
    graph = helper.make_graph(
        [helper.make_node("Conv", ["data", "w"], ["conv"], pads=[1, 1, 1, 1]),
         helper.make_node("Relu", ["conv"], ["scores"])],
        "convolution",
        [helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, [1, 8, 8, 8])],
        [weights])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, str(path))


def main(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, build in (("classifier", classifier), ("pair", two_in_two_out), ("accumulator", accumulator)):
        ov.save_model(build(), str(target / f"{name}.xml"), compress_to_fp16=False)
    onnx_classifier(target / "convolution.onnx")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
