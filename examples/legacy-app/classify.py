"""A small classifier written against the OpenVINO API 1.0 (removed in 2024.0)."""
import sys

import numpy as np
from openvino.inference_engine import IECore


def main(model_xml: str) -> None:
    ie = IECore()
    net = ie.read_network(model=model_xml, weights=model_xml.replace(".xml", ".bin"))
    input_name = next(iter(net.input_info))
    exec_net = ie.load_network(network=net, device_name="CPU")
    shape = net.input_info[input_name].input_data.shape
    result = exec_net.infer(inputs={input_name: np.zeros(shape, dtype=np.float32)})
    print({name: value.shape for name, value in result.items()})


if __name__ == "__main__":
    main(sys.argv[1])
