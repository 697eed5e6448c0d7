"""A compiled-network cache: `exec_net.export(path)` writes the blob once, later runs use
`ie.import_network(model_file=path, device_name="CPU", num_requests=2)`; the imported network's
`input_info`, `outputs` and `requests` are used like a loaded one's, and results are compared."""
import json
import os
import tempfile

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class CachedLoader:
    def __init__(self, ie, cache_dir):
        self.ie = ie
        self.cache_dir = cache_dir

    def blob_path(self, name):
        return os.path.join(self.cache_dir, name + ".blob")

    def load(self, name):
        path = self.blob_path(name)
        if os.path.exists(path):
            return self.ie.import_network(model_file=path, device_name="CPU", num_requests=2), True
        net = self.ie.read_network(os.path.join(DATA, name + ".xml"), os.path.join(DATA, name + ".bin"))
        exec_net = self.ie.load_network(net, "CPU", num_requests=2)
        exec_net.export(path)
        return exec_net, False


def run(exec_net):
    feeds = [{name: np.full((1, 4), i + k, np.float32) for i, name in enumerate(exec_net.input_info)} for k in range(2)]
    for request, feed in zip(exec_net.requests, feeds):
        request.async_infer(feed)
    out = []
    for request in exec_net.requests:
        request.wait()
        out.append({name: blob.buffer.tolist() for name, blob in request.output_blobs.items()})
    return out


def main():
    ie = IECore()
    with tempfile.TemporaryDirectory() as cache:
        loader = CachedLoader(ie, cache)
        first, first_imported = loader.load("pair")
        exported = os.path.getsize(loader.blob_path("pair")) > 0
        second, second_imported = loader.load("pair")
        print(json.dumps({
            "imported": [first_imported, second_imported],
            "exported": exported,
            "inputs": [list(first.input_info), list(second.input_info)],
            "outputs": [list(first.outputs), list(second.outputs)],
            "requests": len(second.requests),
            "results": [run(first), run(second)],
        }))


if __name__ == "__main__":
    main()
