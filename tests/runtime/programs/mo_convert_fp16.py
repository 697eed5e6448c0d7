"""`from openvino.tools import mo` then `mo.convert_model(...)` with `input="data[1 3 10 10]"`,
`source_layout="nchw"`, per-input `mean_values={"data": [...]}`, a single `scale=...` and
`compress_to_fp16=True`, saved with `openvino.runtime.serialize(model, xml)` (FP16 weights: fewer
bytes than the convolution's FP32 weights alone) and run with `openvino.runtime.Core`."""
import json
import os
import tempfile

import numpy as np
from openvino.runtime import Core, serialize
from openvino.tools import mo

DATA = os.environ["OVLINT_RUNTIME_DATA"]
WEIGHT_BYTES = 8 * 3 * 3 * 3 * 4  # the convolution's weights in FP32


def convert(onnx_path, compress):
    return mo.convert_model(onnx_path, input="data[1 3 10 10]", source_layout="nchw",
                            mean_values={"data": [0.5, 0.5, 0.5]}, scale=2.0, compress_to_fp16=compress)


def main():
    onnx_path = os.path.join(DATA, "convolution.onnx")
    core = Core()
    core.set_property("CPU", {"INFERENCE_PRECISION_HINT": "f32"})
    frame = (np.arange(300).reshape(1, 3, 10, 10) % 4).astype(np.float32)
    sizes, outputs = {}, {}
    with tempfile.TemporaryDirectory() as folder:
        for label, compress in (("fp16", True), ("fp32", False)):
            model = convert(onnx_path, compress)
            xml = os.path.join(folder, label + ".xml")
            serialize(model, xml)
            sizes[label] = os.path.getsize(os.path.join(folder, label + ".bin"))
            compiled = core.compile_model(core.read_model(xml), "CPU")
            outputs[label] = compiled([frame])[compiled.output(0)]
    print(json.dumps({
        "fp32_weights": sizes["fp32"] >= WEIGHT_BYTES,
        "fp16_weights": sizes["fp16"] < WEIGHT_BYTES,
        "shape": list(outputs["fp16"].shape),
        "fp16_close": bool(np.allclose(outputs["fp16"], outputs["fp32"], atol=1e-2)),
        "fp32_sum": float(outputs["fp32"].sum().round(3)),
    }))


if __name__ == "__main__":
    main()
