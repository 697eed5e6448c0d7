"""A PostponedConstant whose maker fills the tensor it is given (OpenVINO 2025.1-2025.x); prints
what the saved model computes from it."""
import json
import os
import tempfile

import numpy as np
import openvino as ov
import openvino.opset13 as ops
from openvino.utils.postponed_constant import PostponedConstant

DATA = np.arange(4, dtype=np.float32)


def fill(tensor):
    tensor.data[:] = DATA


weights = PostponedConstant(ov.Type.f32, ov.Shape([4]), fill, "weights")
x = ops.parameter([4], ov.Type.f32, name="x")
model = ov.Model([ops.multiply(x, weights.output(0))], [x])
path = os.path.join(tempfile.mkdtemp(), "model.xml")
ov.save_model(model, path, compress_to_fp16=False)
print(json.dumps(ov.Core().compile_model(path, "CPU")({"x": np.full(4, 2, np.float32)})[0].tolist()))
