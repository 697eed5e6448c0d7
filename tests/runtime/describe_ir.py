"""Prints what matters of a converted IR: inference results on a fixed input, the weight file's
size and the element types of its constants (FP16 compression shows in both)."""
import json
import sys
from pathlib import Path

import numpy as np
import openvino as ov

folder = Path(sys.argv[1])
(xml,) = folder.glob("*.xml")
model = ov.Core().read_model(str(xml))
types = sorted({op.get_output_element_type(0).get_type_name() for op in model.get_ordered_ops() if op.get_type_name() == "Constant"})
compiled = ov.Core().compile_model(model, "CPU", {"INFERENCE_PRECISION_HINT": "f32"})
frame = ((np.arange(3 * 8 * 8) % 13) / 13.0).reshape(1, 3, 8, 8).astype(np.float32)
result = compiled(frame)[0]
print(json.dumps({"file": xml.name, "weights_bytes": xml.with_suffix(".bin").stat().st_size, "constants": types,
                  "result": [round(float(v), 4) for v in result.reshape(-1)[:64]]}))
