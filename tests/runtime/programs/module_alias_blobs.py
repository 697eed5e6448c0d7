"""The module imported under an alias and kept on an object (`import openvino.inference_engine as
ie`, `self.ie = ie`): `self.ie.TensorDesc(precision=..., dims=..., layout=...)`,
`self.ie.Blob(desc, array)`, `request.set_blob(blob_name=..., blob=...)`, `request.infer()` and
`request.output_blobs[...].buffer`; a blob's `tensor_desc.dims` and `tensor_desc.precision`, and
an empty `Blob(desc)`. (A tensor has no layout: `tensor_desc.layout` is reported for a hand
migration.)"""
import json
import os

import numpy as np
import openvino.inference_engine as ie

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class Backend:
    def __init__(self, weights):
        self.ie = ie
        core = ie.IECore()
        core.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
        network = core.read_network(model=weights, weights=os.path.splitext(weights)[0] + ".bin")
        self.executable_network = core.load_network(network, device_name="CPU", num_requests=1)

    def forward(self, im):
        desc = self.ie.TensorDesc(precision="FP32", dims=im.shape, layout="NCHW")
        request = self.executable_network.requests[0]
        request.set_blob(blob_name="data", blob=self.ie.Blob(desc, im))
        request.infer()
        return request.output_blobs["prob"].buffer.round(5).tolist()


def describe(blob):
    return {"dims": list(blob.tensor_desc.dims), "precision": blob.tensor_desc.precision,
            "sum": float(np.asarray(blob.buffer).sum())}


def main():
    backend = Backend(os.path.join(DATA, "classifier.xml"))
    frames = [np.full((1, 3, 8, 8), v, np.float32) * np.arange(8, dtype=np.float32) for v in (0.1, 0.3)]
    blob = ie.Blob(ie.TensorDesc("FP32", [2, 4], "NC"), np.arange(8, dtype=np.float32).reshape(2, 4))
    empty = ie.Blob(ie.TensorDesc("FP32", [1, 4], "NC"))
    print(json.dumps({
        "outputs": [backend.forward(frame) for frame in frames],
        "blob": describe(blob),
        "empty_dims": list(empty.tensor_desc.dims),
    }))


if __name__ == "__main__":
    main()
