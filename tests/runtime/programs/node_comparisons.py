"""Graph building with comparison operators on nodes (`a >= b`, `a == b`), which made
GreaterEqual and Equal nodes until 2025.0 (since then `>=` raises and `==` returns a bool)."""
import json

import numpy as np
import openvino.runtime as ov
import openvino.runtime.opset8 as ops


def build():
    x = ops.parameter([2, 3], np.float32, name="x")
    threshold = ops.constant(np.full((2, 3), 0.5, np.float32))
    high = ops.relu(x) >= threshold
    unsigned = x == ops.abs(x)
    both = ops.logical_and(high, unsigned)
    return ov.Model([ops.convert(both, "f32")], [x], "compare")


def main():
    model = build()
    compiled = ov.Core().compile_model(model, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    data = np.array([[-1.0, 0.2, 0.7], [2.0, -0.6, 0.5]], np.float32)
    result = compiled([data])[compiled.output(0)]
    # (the old `relu >= constant` built `LessEqual(constant, relu)`: Python asks the right operand
    # first when its class derives from the left one's; the values are the same)
    print(json.dumps({"ops": len(model.get_ordered_ops()), "result": result.tolist()}))


if __name__ == "__main__":
    main()
