"""Commands that pick a removed device: `-d MYRIAD`, `--device HDDL`, `-d GNA`."""
from __future__ import annotations

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.discontinued._devices import REMOVED_DEVICES, describe, removed_devices


class RemovedDeviceCommand(CommandRule):
    code = "OV504"
    name = "removed-device-command"
    summary = "This command selects a removed device plugin"
    rationale = (
        "`benchmark_app`, the demos and most OpenVINO tools take the device with `-d`/`--device` (and "
        "`-d_xx` for a second model). MYRIAD and HDDL were removed in "
        f"{REMOVED_DEVICES['MYRIAD'].removed} and GNA in {REMOVED_DEVICES['GNA'].removed}, so such a "
        "command fails on current releases: use CPU, GPU or NPU."
    )
    deprecation = REMOVED_DEVICES["GNA"]
    needles = ("MYRIAD", "HDDL", r"\bGNA")
    examples = (Example("benchmark_app -m model.xml -d MYRIAD\n", filename="bench.sh",
                        message=("This command selects a removed device plugin: MYRIAD (removed in 2023.0); "
                                 "use CPU, GPU or NPU")),
                Example("python3 demo.py -m m.xml --device HETERO:GNA,CPU\n", filename="run.sh",
                        message=("This command selects a removed device plugin: GNA (removed in 2024.0); use "
                                 "CPU, GPU or NPU")))
    valid = (Valid("benchmark_app -m model.xml -d CPU\necho MYRIAD\n", filename="bench.sh"),)

    def check_command(self, command) -> None:
        argv = command.argv
        for index, word in enumerate(argv[:-1]):
            if word in ("-d", "--device", "--target_device") or (word.startswith("-d_") and len(word) < 8):
                found = removed_devices(argv[index + 1])
                if found:
                    self.report(command, f"{self.summary}: {describe(found)}; use CPU, GPU or NPU",
                                deprecation=REMOVED_DEVICES[found[0]])
                    return
