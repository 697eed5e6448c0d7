"""API 1.0 configuration keys: set_config(config, device), config= of load_network, get_config, and
a setting applied only when the device lists its key (benchmark_app's idiom)."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def main():
    ie = IECore()
    ie.set_config({"CPU_THREADS_NUM": "1", "CPU_BIND_THREAD": "YES"}, "CPU")
    ie.set_config({"ENFORCE_BF16": "NO", "PERF_COUNT": "YES"}, "CPU")
    supported_config_keys = ie.get_metric("CPU", "SUPPORTED_CONFIG_KEYS")
    if "CPU_THROUGHPUT_STREAMS" in supported_config_keys:
        ie.set_config({"CPU_THROUGHPUT_STREAMS": "3"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    exec_net = ie.load_network(net, "CPU", config={"CPU_THROUGHPUT_STREAMS": "2"})
    request = exec_net.requests[0]
    request.infer({"data": np.full((1, 3, 8, 8), 0.5, np.float32)})
    print(json.dumps({
        "threads": int(exec_net.get_config("CPU_THREADS_NUM")),
        "streams": int(exec_net.get_config("CPU_THROUGHPUT_STREAMS")),
        "core_threads": int(ie.get_config("CPU", "CPU_THREADS_NUM")),
        "core_streams": ie.get_config("CPU", "CPU_THROUGHPUT_STREAMS"),  # a string in API 1.0
        "prob": request.output_blobs["prob"].buffer.round(5).tolist(),
    }))


if __name__ == "__main__":
    main()
