"""Device discovery and configuration through metrics: `ie.available_devices`,
`get_metric("CPU", "SUPPORTED_METRICS" / "SUPPORTED_CONFIG_KEYS" / "RANGE_FOR_ASYNC_INFER_REQUESTS" /
"RANGE_FOR_STREAMS" / "OPTIMIZATION_CAPABILITIES" / "FULL_DEVICE_NAME")`, `get_config` on the core
and the executable network, `exec_net.get_metric("NETWORK_NAME" / "OPTIMAL_NUMBER_OF_INFER_REQUESTS")`,
`ie.get_versions("CPU")` and `query_network` whose layer map is checked against the network; some
calls name their arguments as API 1.0 did (`metric_name=`, `config=`), which API 2.0 names otherwise."""
import json
import os

from openvino.inference_engine import IECore

DATA = os.environ["OVLINT_RUNTIME_DATA"]


def device_report(ie, device):
    metrics = ie.get_metric(device, "SUPPORTED_METRICS")
    keys = ie.get_metric(device, "SUPPORTED_CONFIG_KEYS")
    requests_range = ie.get_metric(device, "RANGE_FOR_ASYNC_INFER_REQUESTS")
    streams_range = ie.get_metric(device_name=device, metric_name="RANGE_FOR_STREAMS")
    return {
        "has_full_name": "FULL_DEVICE_NAME" in metrics and bool(ie.get_metric(device, "FULL_DEVICE_NAME")),
        "perf_count_key": "PERF_COUNT" in keys,
        "requests_range": [len(requests_range), requests_range[0] >= 1],
        "streams_range": [len(streams_range), streams_range[0]],
        "fp32": "FP32" in ie.get_metric(device, "OPTIMIZATION_CAPABILITIES"),
        "perf_count": ie.get_config(device, "PERF_COUNT"),
    }


def main():
    ie = IECore()
    devices = [d for d in ie.available_devices if d.startswith("CPU")]
    net = ie.read_network(os.path.join(DATA, "pair.xml"), os.path.join(DATA, "pair.bin"))
    layers = ie.query_network(network=net, device_name="CPU", config={})
    exec_net = ie.load_network(network=net, device_name="CPU")
    versions = ie.get_versions("CPU")
    print(json.dumps({
        "devices": devices,
        "report": {device: device_report(ie, device) for device in devices},
        "query": {"inputs_placed": all(layers.get(name) == "CPU" for name in net.input_info),
                  "outputs_placed": all(layers.get(name) == "CPU" for name in net.outputs),
                  "devices": sorted(set(layers.values()))},
        "network_name": exec_net.get_metric(metric_name="NETWORK_NAME"),
        "optimal_requests": exec_net.get_metric("OPTIMAL_NUMBER_OF_INFER_REQUESTS") >= 1,
        "plugin": [sorted(versions), versions["CPU"].description],
    }))


if __name__ == "__main__":
    main()
