"""API 1.0 keys in DL Streamer's `ie-config` property of GStreamer pipelines run from shell commands
(`gst-launch-1.0 ... gvadetect ie-config=CPU_BIND_THREAD=NO ! ...`)."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.api10._ie_config import CONFIG_KEYS, changes
from ovlint.surfaces.shell import value_span

# when a rewrite is exact (completes "safe when ..."; `safe_when` on the rules)
SAFE_WHEN = ("the key has an API 2.0 name for the same setting and its value is kept or maps exactly "
             "(`CPU_BIND_THREAD=YES|NO`, stream and thread counts); `NUMA` and `HYBRID_AWARE` pinning and "
             "`ENFORCE_BF16` have a closest one")
RATIONALE = (
    "DL Streamer's inference elements (`gvadetect`, `gvaclassify`, `gvainference`, ...) hand the "
    "`ie-config=KEY=VALUE,...` property to OpenVINO as properties. OpenVINO "
    f"{CONFIG_KEYS.removed} removed the API 1.0 keys: `CPU_THROUGHPUT_STREAMS` and `GPU_THROUGHPUT_STREAMS` "
    "are `NUM_STREAMS`, `CPU_THREADS_NUM` is `INFERENCE_NUM_THREADS`, `CPU_BIND_THREAD=YES|NO` is "
    "`ENABLE_CPU_PINNING=YES|NO` (`NUMA` and `HYBRID_AWARE` map to the closest setting: an unsafe fix), "
    "`ENFORCE_BF16` is `INFERENCE_PRECISION_HINT`. Newer DL Streamer releases translate some of them, with a "
    "warning, for the CPU and GPU devices only; other devices (`AUTO`, `MULTI`) reject them. Each key is "
    "rewritten in place where the value is known; a key without a counterpart is reported."
)


class GStreamerIeConfig(CommandRule):
    code = "OV117"
    name = "gstreamer-ie-config"
    summary = "An API 1.0 key in a GStreamer pipeline's `ie-config`"
    rationale = RATIONALE + (" Pipelines are read from shell scripts, Dockerfiles, Makefiles, CI steps and notebook "
                             "`!` lines, also through a variable the file sets (reported where it is used, not "
                             "rewritten); Python strings are OV118's.")
    fix = Applicability.SAFE
    safe_when = SAFE_WHEN
    deprecation = CONFIG_KEYS
    needles = ("ie-config",)
    examples = (
        Example("gst-launch-1.0 filesrc location=in.mp4 ! decodebin ! gvadetect model=face.xml device=CPU "
                "ie-config=CPU_THROUGHPUT_STREAMS=4,CPU_BIND_THREAD=NO nireq=8 ! fakesink\n",
                "gst-launch-1.0 filesrc location=in.mp4 ! decodebin ! gvadetect model=face.xml device=CPU "
                "ie-config=NUM_STREAMS=4,ENABLE_CPU_PINNING=NO nireq=8 ! fakesink\n", filename="detect.sh"),
        Example("gst-launch-1.0 videotestsrc ! gvainference model=m.xml ie-config=CPU_BIND_THREAD=NUMA ! fakesink\n",
                "gst-launch-1.0 videotestsrc ! gvainference model=m.xml ie-config=ENABLE_CPU_PINNING=NO ! fakesink\n",
                filename="run.sh", unsafe=True),
        Example('PIPELINE="videotestsrc ! gvadetect model=m.xml ie-config=CPU_THREADS_NUM=${THREADS} ! fakesink"\n'
                "gst-launch-1.0 $PIPELINE\n", filename="bench.sh",
                message=("`CPU_THREADS_NUM` is `INFERENCE_NUM_THREADS` in API 2.0 (through `$PIPELINE`)")),
        Example("gst-launch-1.0 videotestsrc ! gvadetect model=m.xml ie-config=DYN_BATCH_ENABLED=YES ! fakesink\n",
                filename="run.sh",
                message=("`DYN_BATCH_ENABLED` is not an API 2.0 key: use dynamic shapes (`model.reshape` "
                         "with `-1`) instead")),
    )
    valid = (
        Valid("gst-launch-1.0 videotestsrc ! gvadetect model=m.xml ie-config=NUM_STREAMS=2,PERF_COUNT=YES ! fakesink\n"
              "echo CPU_BIND_THREAD=NO\n", filename="run.sh"),
    )

    def check_command(self, command) -> None:
        if command.origin == "python":
            return  # OV118 reads every Python string
        for word in command.assignments + command.words:
            found = changes(word.value)
            for change in found:
                where = value_span(self.ctx.text, word, change.start, change.end)
                if where is None:  # escapes inside the word: its value is not the text
                    self.report((word.start, word.end), change.message, deprecation=change.deprecation)
                    continue
                fix = None if change.replacement is None else self.make_fix(
                    self.ctx.replace(where, change.replacement), "Use the API 2.0 key", unsafe=change.unsafe,
                    requires=change.deprecation.since)
                self.report(where, change.message, fix, deprecation=change.deprecation)
            if not found and word.resolved is not None and self.first_use(word):  # a pipeline kept in a variable
                for change in changes(word.resolved):
                    self.report((word.start, word.end),
                                change.message + word.through,
                                deprecation=change.deprecation)
