"""The Model Optimizer Python API; `ov.serialize` writes the weights uncompressed."""
import os
import sys

import openvino as ov
from openvino.tools.mo import convert_model

model = convert_model(os.path.join(os.environ["OVLINT_RUNTIME_DATA"], "convolution.onnx"), input_shape=[1, 3, 8, 8])
ov.serialize(model, os.path.join(sys.argv[1], "model.xml"))
