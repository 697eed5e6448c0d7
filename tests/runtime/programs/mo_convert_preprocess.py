"""The Model Optimizer's Python API with preprocessing folded into the model:
`openvino.tools.mo.convert_model(onnx, mean_values=..., scale_values=..., reverse_input_channels=True,
layout="nchw", input_shape=[...], compress_to_fp16=False)`, then `openvino.runtime.serialize` (FP32 weights); the
IR is read back with `IECore.read_network` and run on raw frames, next to the unconverted ONNX
model fed frames normalised by hand."""
import json
import os
import tempfile

import numpy as np
from openvino.inference_engine import IECore
from openvino.runtime import serialize
from openvino.tools.mo import convert_model

DATA = os.environ["OVLINT_RUNTIME_DATA"]
MEAN = [10.0, 20.0, 30.0]
SCALE = [2.0, 4.0, 8.0]


def export_ir(onnx_path, folder):
    model = convert_model(onnx_path, mean_values=MEAN, scale_values=SCALE, reverse_input_channels=True,
                          layout="nchw", input_shape=[1, 3, 12, 12], compress_to_fp16=False)
    xml = os.path.join(folder, "converted.xml")
    serialize(model, xml)
    return xml, os.path.getsize(xml.replace(".xml", ".bin"))


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    onnx_path = os.path.join(DATA, "convolution.onnx")
    frame = ((np.arange(3 * 144).reshape(1, 3, 12, 12) * 5) % 64).astype(np.float32)
    with tempfile.TemporaryDirectory() as folder:
        xml, weight_bytes = export_ir(onnx_path, folder)
        net = ie.read_network(xml, xml.replace(".xml", ".bin"))
        converted = ie.load_network(net, "CPU").infer({"data": frame})["scores"]
    reference_net = ie.read_network(onnx_path)
    reference_net.reshape({"data": [1, 3, 12, 12]})
    mean, scale = (np.array(v, np.float32).reshape(1, 3, 1, 1) for v in (MEAN, SCALE))
    by_hand = (frame[:, ::-1] - mean) / scale
    reference = ie.load_network(reference_net, "CPU").infer({"data": by_hand})["scores"]
    print(json.dumps({
        "inputs": {name: info.input_data.shape for name, info in net.input_info.items()},
        "fp32_weights": weight_bytes >= 8 * 3 * 3 * 3 * 4,
        "matches_by_hand": bool(np.allclose(converted, reference, atol=1e-4)),
        "checksum": float(converted.sum().round(2)),
        "corner": converted[0, :, 0, 0].round(4).tolist(),
    }))


if __name__ == "__main__":
    main()
