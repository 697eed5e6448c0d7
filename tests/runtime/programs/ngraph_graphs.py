"""nGraph: building a Function from opset8 ops, and inspecting a read network through
function_from_cnn; query_network and device metrics on the side."""
import json
import os

import ngraph as ng
import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def build():
    x = ng.opset8.parameter([2, 3], np.float32, name="x")
    y = ng.opset8.relu(ng.opset8.add(x, ng.opset8.constant(np.ones((2, 3), np.float32))))
    return ng.Function([y], [x], "built")


def main():
    built = build()
    ie = IECore()
    net = ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    function = ng.function_from_cnn(net)
    supported = ie.query_network(network=net, device_name="CPU")
    print(json.dumps({
        "built": [built.get_friendly_name(), sorted(op.get_type_name() for op in built.get_ordered_ops()),
                  [list(r.get_output_shape(0)) for r in built.get_results()]],
        "read": sorted(op.get_type_name() for op in function.get_ordered_ops()),
        "parameters": [p.get_friendly_name() for p in function.get_parameters()],
        "supported": len(supported) > 0 and set(supported.values()) == {"CPU"},
        "fp32": "FP32" in ie.get_metric("CPU", "OPTIMIZATION_CAPABILITIES"),
        "devices": "CPU" in ie.available_devices,
    }))


if __name__ == "__main__":
    main()
