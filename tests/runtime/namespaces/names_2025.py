"""openvino.runtime names that `openvino` exports only since 2025.0: opsets and Node."""
import json

import numpy as np
import openvino.runtime.opset13 as ops
from openvino.runtime import Core, Model, Node

x = ops.parameter([2, 3], np.float32, name="x")
y = ops.relu(ops.add(x, ops.constant(np.full((2, 3), -1.0, np.float32))))
model = Model([y], [x], "built")
compiled = Core().compile_model(model, "CPU")
result = compiled([np.arange(6, dtype=np.float32).reshape(2, 3)])[0]
print(json.dumps({"node": isinstance(y.node if hasattr(y, "node") else y, Node),
                  "ops": sorted(op.get_type_name() for op in model.get_ordered_ops()),
                  "result": result.tolist()}))
