"""What the C++ program prints, computed with the Python API of the same release."""
import sys

import numpy as np
import openvino as ov

core = ov.Core()
model = core.read_model(sys.argv[1])
shape = list(model.input().get_shape())
frame = ((np.arange(int(np.prod(shape))) % 13) / 13.0).astype(np.float32).reshape(shape)
compiled = core.compile_model(model, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
print("pinned 0")
for value in compiled(frame)[0].reshape(-1):
    print(f"{value:.4f}")
