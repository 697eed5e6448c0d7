"""The Model Server's command line (`ovms ...`, `docker run openvino/model_server ...`): the options
its `config.json` rule (OV505) checks in the file."""
from __future__ import annotations

import json
import os

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.cpu_pinning._pinning import KEYS as PINNING_KEYS
from ovlint.rules.discontinued.model_server_config import API_1, AUTO_SHAPE, PLUGIN_KEYS


def is_model_server(argv: list[str]) -> bool:
    """`ovms`, `/ovms/bin/ovms`, or a Model Server image run with its entrypoint's options (Docker
    Hub's `openvino/model_server`, Red Hat's `registry.connect.redhat.com/intel/openvino-model-server`)."""
    if not argv:
        return False
    name = os.path.basename(argv[0])
    return name == "ovms" or (("model_server" in argv[0] or "openvino-model-server" in argv[0]) and len(argv) > 1
                              and argv[1].startswith("-"))


class ModelServerCommand(CommandRule):
    code = "OV510"
    name = "model-server-command"
    summary = "Deprecated or removed OpenVINO Model Server option"
    rationale = (
        "The Model Server takes the settings of its `config.json` on the command line as well: "
        f"`--shape auto` and `--batch_size auto` (deprecated in {AUTO_SHAPE.deprecated}: give the shape, or a "
        "dynamic dimension `-1`) and `--plugin_config` with API 1.0 keys (`CPU_THROUGHPUT_STREAMS` is "
        "`NUM_STREAMS`, `CPU_THREADS_NUM` is `INFERENCE_NUM_THREADS`, `CPU_BIND_THREAD` and `AFFINITY` are "
        "`ENABLE_CPU_PINNING`). The server is found by name (`ovms`) or as a `docker run` of a Model "
        "Server image followed by its options. The JSON sits in a shell word, so it is reported, not "
        "rewritten."
    )
    deprecation = AUTO_SHAPE
    needles = ("ovms", "model_server", "openvino-model-server")
    examples = (
        Example("docker run -d -p 9000:9000 openvino/model_server:2022.1 --model_path /models/m --model_name m "
                "--port 9000 --shape auto\n", filename="serve.sh",
                message="`--shape auto` is deprecated: give the shape (a dimension of -1 makes it dynamic)"),
        Example("/ovms/bin/ovms --model_name m --model_path /m --port 9000 "
                "--plugin_config '{\"CPU_THROUGHPUT_STREAMS\": \"1\"}'\n", filename="serve.sh",
                message="`--plugin_config` uses the API 1.0 key `CPU_THROUGHPUT_STREAMS`: use `NUM_STREAMS`"),
    )
    valid = (Valid("docker run -p 9000:9000 openvino/model_server:latest --model_path /m --model_name m "
                   "--shape \"(1,3,-1,-1)\" --plugin_config '{\"NUM_STREAMS\": \"1\"}'\necho --shape auto\n",
                   filename="serve.sh"),)

    def check_command(self, command) -> None:
        argv = command.argv
        if not is_model_server(argv):
            return
        for index, word in enumerate(argv):
            name, eq, inline = word.partition("=")
            value = inline if eq else (argv[index + 1] if index + 1 < len(argv) else None)
            # the option and its value, where the words are the file's
            where = (command.words[index].start, command.words[index if eq or value is None else index + 1].end) \
                if len(command.words) == len(argv) else command
            if name in ("--shape", "--batch_size") and value == "auto":
                self.report(where, f"`{name} auto` is deprecated: give the {name[2:].replace('_', ' ')} (a "
                                   "dimension of -1 makes it dynamic)")
            elif name == "--plugin_config" and value:
                self._plugin_config(where, value)

    def _plugin_config(self, where, value: str) -> None:
        try:
            config = json.loads(value)
        except ValueError:
            return
        if not isinstance(config, dict):
            return
        for key in config:
            if key in PLUGIN_KEYS:
                self.report(where, f"`--plugin_config` uses the API 1.0 key `{key}`: use `{PLUGIN_KEYS[key]}`",
                            deprecation=API_1)
            elif key in PINNING_KEYS:
                self.report(where, f"`--plugin_config` uses `{key}`, which was removed: use `ENABLE_CPU_PINNING`",
                            deprecation=PINNING_KEYS[key])
