"""API 1.0 keys in DL Streamer's `ie-config` property of GStreamer pipelines written in Python strings
(`Gst.parse_launch("... gvadetect ie-config=CPU_BIND_THREAD=NO ! ...")`)."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules.api10._ie_config import CONFIG_KEYS, changes
from ovlint.rules.api10.gstreamer_ie_config import RATIONALE, SAFE_WHEN


class GStreamerIeConfigPython(PythonRule):
    code = "OV118"
    name = "gstreamer-ie-config-python"
    summary = "An API 1.0 key in a GStreamer pipeline's `ie-config`"
    rationale = RATIONALE + (" This rule reads Python strings, f-strings included (a field's value is not "
                             "rewritten); a string with escapes is reported without a fix.")
    fix = Applicability.SAFE
    safe_when = SAFE_WHEN
    deprecation = CONFIG_KEYS
    needles = ("ie-config",)
    examples = (
        Example('from gi.repository import Gst\n\npipeline = Gst.parse_launch(\n'
                '    "videotestsrc ! gvadetect model=m.xml ie-config=CPU_BIND_THREAD=YES,GPU_THROUGHPUT_STREAMS=2 "\n'
                '    "! fakesink")\n',
                'from gi.repository import Gst\n\npipeline = Gst.parse_launch(\n'
                '    "videotestsrc ! gvadetect model=m.xml ie-config=ENABLE_CPU_PINNING=YES,NUM_STREAMS=2 "\n'
                '    "! fakesink")\n'),
        Example('def element(model, threads):\n'
                '    return f"gvaclassify model={model} ie-config=CPU_THREADS_NUM={threads}"\n',
                'def element(model, threads):\n'
                '    return f"gvaclassify model={model} ie-config=INFERENCE_NUM_THREADS={threads}"\n'),
        Example("PIPELINE = 'videotestsrc ! gvaclassify model=m.xml device=CPU ie-config=ENFORCE_BF16=YES ! fakesink'\n",
                "PIPELINE = 'videotestsrc ! gvaclassify model=m.xml device=CPU ie-config=INFERENCE_PRECISION_HINT=bf16 "
                "! fakesink'\n", unsafe=True),
        Example('pipeline = "gvadetect ie-config=CPU_THROUGHPUT_STREAMS=CPU_THROUGHPUT_AUTO\\\\n"\n',
                message="`CPU_THROUGHPUT_STREAMS` is `NUM_STREAMS` in API 2.0"),
    )
    valid = (
        Valid('pipeline = "gvadetect model=m.xml ie-config=NUM_STREAMS=2 ! fakesink"\n'
              'config = "CPU_BIND_THREAD=NO"  # no ie-config property\n'
              '# "gvadetect ie-config=CPU_BIND_THREAD=NO" in a comment\n'),
    )

    def visit_SimpleString(self, node) -> None:
        if "b" not in node.prefix.lower():
            self._check(node, len(node.prefix) + len(node.quote), "\\" not in node.value)

    def visit_FormattedString(self, node) -> None:
        text = self.ctx.text[slice(*self.ctx.span(node))]
        self._check(node, len(node.start), "\\" not in text and "{{" not in text and "}}" not in text)

    def _check(self, node, opening: int, writable: bool) -> None:
        """Report each API 1.0 item of the literal's `ie-config`; its text as written starts
        `opening` characters into the node."""
        start, end = self.ctx.span(node)
        inner = start + opening
        for change in changes(self.ctx.text[inner:end]):
            fix = None
            if writable and change.replacement is not None:
                fix = self.make_fix(self.ctx.replace((inner + change.start, inner + change.end), change.replacement),
                                    "Use the API 2.0 key", unsafe=change.unsafe)
            self.report((inner + change.start, inner + change.end), change.message, fix,
                        deprecation=change.deprecation)
