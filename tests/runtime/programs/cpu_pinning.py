"""CPU pinning through the removed affinity settings: the "AFFINITY" key and the
`properties.affinity` enum on API 2.0, the "CPU_BIND_THREAD" key on API 1.0; each is read back as
pinning on or off."""
import json

import openvino as ov
import openvino.properties as props
from openvino.inference_engine import IECore


def pinned(setting):
    core = ov.Core()
    core.set_property("CPU", setting)
    return bool(core.get_property("CPU", "ENABLE_CPU_PINNING"))


def bound(config):
    ie = IECore()
    ie.set_config(config, "CPU")
    return str(ie.get_config("CPU", "CPU_BIND_THREAD")) in ("YES", "True")


def main():
    print(json.dumps({
        "affinity_none": pinned({"AFFINITY": "NONE"}),
        "affinity_core": pinned({"AFFINITY": "CORE"}),
        "bind_no": bound({"CPU_BIND_THREAD": "NO"}),
        "bind_yes": bound({"CPU_BIND_THREAD": "YES"}),
        "enum_none": pinned({props.affinity: props.Affinity.NONE}),
        "enum_core": pinned({props.affinity: props.Affinity.CORE}),
    }))


if __name__ == "__main__":
    main()
