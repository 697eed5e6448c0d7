"""U8 input and FP32 output precision, a Blob built from a TensorDesc, set_blob, infer()."""
import json
import os

import numpy as np
from openvino.inference_engine import Blob, IECore, TensorDesc

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    input_name = next(iter(net.input_info))
    output_name = next(iter(net.outputs))
    net.input_info[input_name].precision = "U8"
    net.outputs[output_name].precision = "FP32"
    dims = net.input_info[input_name].input_data.shape
    exec_net = ie.load_network(net, "CPU")
    request = exec_net.requests[0]
    outputs = []
    for k in range(2):
        frame = ((np.arange(np.prod(dims)).reshape(dims) + k) % 7).astype(np.uint8)
        desc = TensorDesc("U8", dims, "NCHW")
        request.set_blob(input_name, Blob(desc, frame))
        request.infer()
        outputs.append(request.output_blobs[output_name].buffer.round(5).tolist())
    print(json.dumps({"dims": dims, "outputs": outputs}))


if __name__ == "__main__":
    main()
