"""Commands that pick a removed device: `-d MYRIAD`, `--device HDDL`, `-d GNA`."""
from __future__ import annotations

import os
import re

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.discontinued._devices import REMOVED_DEVICES, describe, removed_devices


NCS_SETUP = "install_NCS_udev_rules.sh"
NCS_RULES = "97-myriad-usbboot.rules"
# a test that the script is there, before it runs (`[ -f ... ]`, `test -e ...`)
_GUARDED = re.compile(r"-[fex][ \t]+[\"']?\S*install_NCS_udev_rules\.sh")
RUNNERS = ("bash", "sh", "source", ".")


class RemovedDeviceCommand(CommandRule):
    code = "OV504"
    name = "removed-device-command"
    summary = "This command selects a removed device plugin"
    rationale = (
        "`benchmark_app`, the demos and most OpenVINO tools take the device with `-d`/`--device` (and "
        "`-d_xx` for a second model). MYRIAD and HDDL were removed in "
        f"{REMOVED_DEVICES['MYRIAD'].removed} and GNA in {REMOVED_DEVICES['GNA'].removed}, so such a "
        "command fails on current releases: use CPU, GPU or NPU. The script that set up the Neural Compute "
        "Stick 2 for the MYRIAD plugin, `install_NCS_udev_rules.sh`, went with it, and so did the udev rules it "
        "copied (`97-myriad-usbboot.rules`); a step that runs the script only where it is there "
        "(`if [ -f .../install_NCS_udev_rules.sh ]`) is skipped on later releases and stays silent."
    )
    deprecation = REMOVED_DEVICES["GNA"]
    needles = ("MYRIAD", "HDDL", r"\bGNA", "install_NCS_udev_rules", "97-myriad-usbboot")
    examples = (Example("benchmark_app -m model.xml -d MYRIAD\n", filename="bench.sh",
                        message=("This command selects a removed device plugin: MYRIAD (removed in 2023.0); "
                                 "use CPU, GPU or NPU")),
                Example("cp /opt/intel/openvino_2022/runtime/3rdparty/97-myriad-usbboot.rules /etc/udev/rules.d/\n",
                        filename="setup.sh",
                        message=("`97-myriad-usbboot.rules` (the Neural Compute Stick 2's udev rules) went with the "
                                 "MYRIAD plugin, removed in 2023.0: drop the step, or stay on 2022.3 for the stick")),
                Example("sudo /opt/intel/openvino_2022/install_dependencies/install_NCS_udev_rules.sh\n",
                        filename="setup.sh",
                        message=("`install_NCS_udev_rules.sh` set up the Neural Compute Stick 2 for the MYRIAD plugin, "
                                 "removed in 2023.0 with the script: drop the step, or stay on 2022.3 for the stick")),
                Example("python3 demo.py -m m.xml --device HETERO:GNA,CPU\n", filename="run.sh",
                        message=("This command selects a removed device plugin: GNA (removed in 2024.0); use "
                                 "CPU, GPU or NPU")),
                # through a variable the file sets
                Example("DEVICE=MYRIAD\nbenchmark_app -m model.xml -d $DEVICE\n", filename="bench.sh",
                        message=("This command selects a removed device plugin: MYRIAD (removed in 2023.0) (through "
                                 "`$DEVICE`); use CPU, GPU or NPU")))
    valid = (Valid("DEVICE=MYRIAD\nfor DEVICE in CPU GPU; do\n  benchmark_app -m model.xml -d $DEVICE\ndone\n", filename="bench.sh"),
             Valid("benchmark_app -m model.xml -d CPU\necho MYRIAD\n", filename="bench.sh"),
             Valid("echo install_NCS_udev_rules.sh is gone\nrm -f install_NCS_udev_rules.sh\n", filename="setup.sh"),
             # a release without the script skips the step
             Valid("S=/opt/intel/openvino/install_dependencies/install_NCS_udev_rules.sh\n"
                   "if [ -f /opt/intel/openvino/install_dependencies/install_NCS_udev_rules.sh ]; then\n"
                   "    /opt/intel/openvino/install_dependencies/install_NCS_udev_rules.sh -y\nfi\n", filename="setup.sh"))

    def _set_otherwise(self, word: str) -> bool:
        """Whether a variable the word expands is also set by a loop or a prompt (`for DEVICE in CPU
        GPU`, `read -p ... DEVICE`), which the value the file assigns it does not tell."""
        text = self.ctx.text
        return any(re.search(rf"(?i)\b(?:for|select)[ \t]+%*{name}\b|\bread\b[^\n]*\b{name}\b|/p[ \t]+{name}=", text)
                   for name in filter(None, (a or b for a, b in re.findall(r"\$\{?(\w+)\}?|%(\w+)%", word))))

    def check_command(self, command) -> None:
        argv = command.argv
        # the script is what runs: the command itself, or what a shell runs or sources (`sudo` is read through)
        runs = argv[1] if len(argv) > 1 and argv[0] in RUNNERS else argv[0]
        if os.path.basename(runs) == NCS_SETUP:
            start = command.words[0].start
            if _GUARDED.search(self.ctx.text, max(0, start - 400), start):
                return  # `if [ -f .../install_NCS_udev_rules.sh ]; then ...`: a release without it skips the step
            self.report(command, f"`{NCS_SETUP}` set up the Neural Compute Stick 2 for the MYRIAD plugin, removed in "
                                 f"{REMOVED_DEVICES['MYRIAD'].removed} with the script: drop the step, or stay on "
                                 f"{REMOVED_DEVICES['MYRIAD'].last} for the stick", deprecation=REMOVED_DEVICES["MYRIAD"])
            return
        rules = next((w for w in command.words if os.path.basename(w.value) == NCS_RULES), None)
        if rules is not None and argv[0] not in ("echo", "rm"):
            self.report(command, f"`{NCS_RULES}` (the Neural Compute Stick 2's udev rules) went with the MYRIAD plugin, "
                                 f"removed in {REMOVED_DEVICES['MYRIAD'].removed}: drop the step, or stay on "
                                 f"{REMOVED_DEVICES['MYRIAD'].last} for the stick", deprecation=REMOVED_DEVICES["MYRIAD"])
            return
        for index, word in enumerate(argv[:-1]):
            if word in ("-d", "--device", "--target_device") or (word.startswith("-d_") and len(word) < 8):
                value = command.words[index + 1]  # `-d $DEVICE` after `DEVICE=MYRIAD` too
                found = removed_devices(argv[index + 1]) or (
                    removed_devices(value.resolved or "") if not self._set_otherwise(value.value) else [])
                if found:
                    through = value.through if not removed_devices(argv[index + 1]) else ""
                    self.report(command, f"{self.summary}: {describe(found)}{through}; use CPU, GPU or NPU",
                                deprecation=REMOVED_DEVICES[found[0]])
                    return
