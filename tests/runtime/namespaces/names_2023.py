"""openvino.runtime names that `openvino` exports since 2023.1."""
import json
import os
import sys
import tempfile

import numpy as np
import openvino.runtime as ov
import openvino.runtime.properties as props
from openvino.runtime import Core, PartialShape, Tensor, Type, serialize

DATA = os.environ["OVLINT_RUNTIME_DATA"]

core = Core()
model = core.read_model(os.path.join(DATA, "classifier.xml"))
model.reshape({"data": PartialShape([1, 3, 8, 8])})
with tempfile.TemporaryDirectory() as folder:
    serialize(model, os.path.join(folder, "copy.xml"))
    size = os.path.getsize(os.path.join(folder, "copy.bin"))
compiled = core.compile_model(model, "CPU", {props.inference_num_threads(): 1})
result = compiled([Tensor(np.full((1, 3, 8, 8), 0.25, np.float32))])[0]
print(json.dumps({"bytes": size, "type": str(ov.Type.f32), "element": Type.f32.get_type_name(),
                  "prob": [round(float(v), 4) for v in result.reshape(-1)], "python": sys.version_info[0]}))
