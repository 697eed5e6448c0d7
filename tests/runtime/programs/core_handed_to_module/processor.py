"""The program's processing module: it takes the program's core from its caller, reads its own
network and runs it asynchronously."""
import os

from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


class Processor:
    def __init__(self, name, core=None):
        self._net = IECore().read_network(model=os.path.join(DATA, name + ".xml"))
        self._input = next(iter(self._net.input_info))
        self._output = next(iter(self._net.outputs))
        self._exec_net = core.load_network(network=self._net, device_name="CPU")

    def run(self, frame):
        handle = self._exec_net.start_async(request_id=0, inputs={self._input: frame})
        handle.wait()
        return handle.output_blobs[self._output].buffer.tolist()
