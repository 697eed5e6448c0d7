"""Commands of the tools `openvino-dev` carried: pot, accuracy_check, omz_*, deployment_manager,
compile_tool."""
from __future__ import annotations

import os

from ovlint.base.versions import at_least
from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.model_optimizer._options import open_ended
from ovlint.rules.openvino_dev._tools import BENCHMARK_APP, DEV, TOOLS, TOOL_NEEDLES, describe, tool_of


class DevToolCommand(CommandRule):
    code = "OV402"
    name = "openvino-dev-tool"
    summary = "A tool of the discontinued `openvino-dev` package"
    rationale = (
        "`openvino-dev` carried command-line tools that current OpenVINO does not install: the "
        "Post-training Optimization Tool (`pot`, replaced by NNCF's `nncf.quantize`), the Accuracy "
        "Checker (`accuracy_check`, `convert_annotation`), the Open Model Zoo tools (`omz_downloader`, "
        "`omz_converter`, `omz_quantizer`, `omz_info_dumper`), the Deployment Manager and the Compile "
        "Tool. The message names what replaces each one; there is no mechanical rewrite. `benchmark_app` "
        f"and `ovc` ship with `openvino` and are not reported, but for `benchmark_app` run on a release before "
        f"{BENCHMARK_APP.since}, where `openvino` did not carry it yet: there it comes from `openvino-dev`, which goes "
        "only once the pin reaches that release; nothing breaks on the way, so it counts as no break."
    )
    deprecation = DEV
    needles = (*TOOL_NEEDLES, "benchmark_app")
    examples = (
        Example("pot -c config.json --output-dir results\n", filename="quantize.sh",
                message=("`pot` (the Post-training Optimization Tool) went away with `openvino-dev` (removed "
                         "in 2024.0); instead use NNCF, `nncf.quantize(model, nncf.Dataset(data, "
                         "transform))`; DefaultQuantization's `preset` is "
                         "`preset=nncf.QuantizationPreset.PERFORMANCE|MIXED`, `stat_subset_size` is "
                         "`subset_size`, `target_device` is `target_device=nncf.TargetDevice.CPU|GPU|ANY`; "
                         "AccuracyAwareQuantization is `nncf.quantize_with_accuracy_control(model, "
                         "calibration_dataset, validation_dataset, validate, max_drop=...)`")),
        Example("myriad_compile -m model.xml -o model.blob -VPU_NUMBER_OF_SHAVES 4\n", filename="blob.sh",
                message=("`myriad_compile` (the Compile Tool for the MYRIAD device, as older installs named it; "
                         "the MYRIAD plugin went in 2023.0 too) was removed in 2023.0; instead use "
                         "`ov.Core().compile_model(model, device).export_model()` written to a file for CPU, GPU or "
                         "NPU (MYRIAD has no successor: stay on 2022.3 for the stick, with `compile_tool -d MYRIAD`)")),
        Example("pip install openvino-dev==2023.0.0\nbenchmark_app -m model.xml -d CPU\n", filename="bench.sh",
                message=("`benchmark_app` comes with `openvino-dev` on 2023.0, which bench.sh:1 pins: `openvino` "
                         "carries it from 2023.1 on, so keep `openvino-dev` until the pin reaches 2023.1 "
                         "(`openvino-dev` ended with 2024.6.0)")),
        Example("omz_downloader --name resnet-50-tf -o models\n", filename="models.sh",
                message=("`omz_downloader` (the Open Model Zoo downloader) went away with `openvino-dev` "
                         "(removed in 2025.0); instead use a download from the OpenVINO pages on Hugging "
                         "Face (`huggingface-cli download OpenVINO/<model>`) or the framework's own hub, and "
                         "convert them with `ovc`")),
        Example("import subprocess\n\nsubprocess.run(['python', '-m', 'openvino.tools.pot', '-c', 'q.json'])\n",
                message=("`pot` (the Post-training Optimization Tool) went away with `openvino-dev` (removed "
                         "in 2024.0); instead use NNCF, `nncf.quantize(model, nncf.Dataset(data, "
                         "transform))`; DefaultQuantization's `preset` is "
                         "`preset=nncf.QuantizationPreset.PERFORMANCE|MIXED`, `stat_subset_size` is "
                         "`subset_size`, `target_device` is `target_device=nncf.TargetDevice.CPU|GPU|ANY`; "
                         "AccuracyAwareQuantization is `nncf.quantize_with_accuracy_control(model, "
                         "calibration_dataset, validation_dataset, validate, max_drop=...)`")),
        Example("OMZ=/opt/intel/openvino_2021/deployment_tools/open_model_zoo\n"
                "python3 $OMZ/tools/downloader/downloader.py --name face-detection-0200\n", filename="models.sh",
                message=("`omz_downloader` (the Open Model Zoo downloader) went away with `openvino-dev` "
                         "(removed in 2025.0); instead use a download from the OpenVINO pages on Hugging "
                         "Face (`huggingface-cli download OpenVINO/<model>`) or the framework's own hub, and "
                         "convert them with `ovc`")),
    )
    valid = (
        Valid("benchmark_app -m model.xml\novc model.onnx\npython -m pot.solver\npython3 tools/converter.py\n",
              filename="run.sh"),
        Valid("pip install openvino==2023.1.0\nbenchmark_app -m model.xml\n", filename="bench.sh"),
        # FreeBSD's jail manager: a subcommand first, where POT takes options only
        Valid("pot create -p web -t single\npot start web\n", filename="jails.sh"),
    )

    def check_command(self, command) -> None:
        unlisted = open_ended(command)
        argv = command.argv if tool_of(command.argv, unlisted) or not command.resolved else command.resolved_argv
        tool = tool_of(argv, unlisted)
        if tool is not None:
            self.report(command, describe(tool, tuple(argv)), deprecation=TOOLS[tool][2])
        elif argv and os.path.basename(argv[0]) == "benchmark_app" and self.ctx.floor is not None \
                and not at_least(self.ctx.floor.release, BENCHMARK_APP.since):
            floor = self.ctx.floor
            self.report(command, f"`benchmark_app` comes with `openvino-dev` on {floor.release}, which {floor.origin} "
                                 f"pins: `openvino` carries it from {BENCHMARK_APP.since} on, so keep `openvino-dev` "
                                 f"until the pin reaches {BENCHMARK_APP.since} (`openvino-dev` ended with {DEV.last})",
                        deprecation=BENCHMARK_APP)
