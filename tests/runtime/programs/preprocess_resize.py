"""Input preprocessing through `input_info[...].preprocess_info`: `resize_algorithm =
ResizeAlgorithm.RESIZE_BILINEAR` with U8 precision and NCHW layout set on the input, then frames
larger than the network input given as `Blob(TensorDesc("U8", dims, "NCHW"), frame)` through
`set_blob`, resized by the plugin; the network's own input shape is unchanged."""
import json
import os

import numpy as np
from openvino.inference_engine import Blob, IECore, ResizeAlgorithm, TensorDesc

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def prepare(ie, path):
    net = ie.read_network(path, os.path.splitext(path)[0] + ".bin")
    input_name = next(iter(net.input_info))
    info = net.input_info[input_name]
    info.precision = "U8"
    info.layout = "NCHW"
    info.preprocess_info.resize_algorithm = ResizeAlgorithm.RESIZE_BILINEAR
    return net, input_name


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    net, input_name = prepare(ie, os.path.join(DATA, "classifier.xml"))
    output_name = next(iter(net.outputs))
    bilinear = net.input_info[input_name].preprocess_info.resize_algorithm == ResizeAlgorithm.RESIZE_BILINEAR
    exec_net = ie.load_network(network=net, device_name="CPU")
    request = exec_net.requests[0]
    outputs = []
    for size in (16, 24):
        frame = ((np.arange(3 * size * size).reshape(1, 3, size, size) * 7) % 251).astype(np.uint8)
        request.set_blob(input_name, Blob(TensorDesc("U8", [1, 3, size, size], "NCHW"), frame))
        request.infer()
        outputs.append(request.output_blobs[output_name].buffer.round(4).tolist())
    print(json.dumps({
        "bilinear": bilinear,
        "network_input": net.input_info[input_name].input_data.shape,
        "outputs": outputs,
    }))


if __name__ == "__main__":
    main()
