"""The program's loading module: it reads the network, checks its inputs and hands the network
to the module that imports it, which reads API 1.0 attributes of its own."""
import os

from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def load(name):
    net = IECore().read_network(os.path.join(DATA, name + ".xml"), os.path.join(DATA, name + ".bin"))
    precisions = {port: info.precision for port, info in net.input_info.items()}
    return net, precisions
