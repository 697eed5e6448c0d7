"""What `get_config` returns, key by key, on the core and on a loaded network: strings for the
keys API 1.0 named (`CPU_THREADS_NUM`, `PERF_COUNT` on the core), typed values (int, bool) for those
API 2.0 named (`NUM_STREAMS`, `INFERENCE_NUM_THREADS`), as the program saw them; `CPU_BIND_THREAD`
read back as the string it was set to."""
import json
import os

from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def typed(value):
    return [type(value).__name__, value]


def main():
    ie = IECore()
    ie.set_config({"CPU_BIND_THREAD": "NO"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    exec_net = ie.load_network(net, "CPU", config={"CPU_THROUGHPUT_STREAMS": "1", "CPU_THREADS_NUM": "1"})
    print(json.dumps({
        "core": [typed(ie.get_config("CPU", "PERF_COUNT")), typed(ie.get_config("CPU", "PERFORMANCE_HINT")),
                 typed(ie.get_config("CPU", "PERFORMANCE_HINT_NUM_REQUESTS")),
                 typed(ie.get_config("CPU", "INFERENCE_NUM_THREADS")), typed(ie.get_config("CPU", "NUM_STREAMS")),
                 typed(ie.get_config("CPU", "CPU_THREADS_NUM")), typed(ie.get_config("CPU", "CPU_THROUGHPUT_STREAMS")),
                 type(ie.get_config("CPU", "ENABLE_CPU_PINNING")).__name__, typed(ie.get_config("CPU", "CPU_BIND_THREAD"))],
        "compiled": [typed(exec_net.get_config("PERF_COUNT")), typed(exec_net.get_config("PERFORMANCE_HINT")),
                     typed(exec_net.get_config("PERFORMANCE_HINT_NUM_REQUESTS")),
                     typed(exec_net.get_config("INFERENCE_NUM_THREADS")), typed(exec_net.get_config("NUM_STREAMS")),
                     typed(exec_net.get_config("CPU_THREADS_NUM")), typed(exec_net.get_config("CPU_THROUGHPUT_STREAMS")),
                     type(exec_net.get_config("ENABLE_CPU_PINNING")).__name__,
                     typed(exec_net.get_config("CPU_BIND_THREAD"))],
    }))


if __name__ == "__main__":
    main()
