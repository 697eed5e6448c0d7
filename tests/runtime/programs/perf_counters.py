"""Profiling, as a sample's `-pc` flag does: `set_config({"PERF_COUNT": "YES"}, "CPU")`,
`exec_net.get_config("PERF_COUNT")`, `request.get_perf_counts()` (a dict from layer name to a dict
with `status`, `layer_type`, `exec_type`, `real_time`, `cpu_time`) walked in a helper, and
`request.latency` after a synchronous and an asynchronous run."""
import json
import os

import numpy as np
from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def summarize(perf_counts):
    parameters = sorted(name for name, stats in perf_counts.items() if stats["layer_type"] == "Parameter")
    statuses = {stats["status"] for stats in perf_counts.values()}
    times = [stats[key] for stats in perf_counts.values() for key in ("real_time", "cpu_time")]
    return {
        "parameters": parameters,
        "statuses_known": statuses <= {"EXECUTED", "NOT_RUN", "OPTIMIZED_OUT"},
        "some_executed": "EXECUTED" in statuses,
        "times_are_ints": all(isinstance(t, int) and t >= 0 for t in times),
    }


def main():
    ie = IECore()
    ie.set_config({"PERF_COUNT": "YES"}, "CPU")
    net = ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    exec_net = ie.load_network(net, "CPU", num_requests=1)
    request = exec_net.requests[0]
    feed = {"zeta": np.ones((1, 4), np.float32), "alpha": np.full((1, 4), 2, np.float32)}
    request.infer(feed)
    sync_latency = request.latency
    summary = summarize(request.get_perf_counts())
    request.async_infer(feed)
    request.wait(-1)
    print(json.dumps({
        "perf_count": exec_net.get_config("PERF_COUNT"),
        "summary": summary,
        "latency_is_float": isinstance(sync_latency, float) and isinstance(request.latency, float),
        "latency_positive": sync_latency > 0 and request.latency > 0,
        "out_a": request.output_blobs["out_a"].buffer.tolist(),
    }))


if __name__ == "__main__":
    main()
