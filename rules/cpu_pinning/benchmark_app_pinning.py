"""`benchmark_app -pin NUMA|HYBRID_AWARE`: values the tool no longer accepts."""
from __future__ import annotations

import os

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.cpu_pinning._pinning import message, pinning
from ovlint.surfaces.shell import replace_word

PIN = DEPRECATIONS["benchmark-app-pin"]
OPTIONS = ("-pin", "--infer_threads_pinning")


class BenchmarkAppPinning(CommandRule):
    code = "OV302"
    name = "benchmark-app-pinning"
    summary = f"`benchmark_app -pin` takes only YES or NO since OpenVINO {PIN.removed}"
    rationale = (
        "With the affinity property gone, `benchmark_app -pin` maps to `ENABLE_CPU_PINNING` and accepts "
        "`YES` or `NO` only. `HYBRID_AWARE` becomes `YES` and `NUMA` becomes `NO`, what the CPU plugin did "
        "internally, but core-type selection and NUMA binding are lost, so the fix is unsafe."
    )
    fix = Applicability.UNSAFE
    deprecation = PIN
    needles = ("benchmark_app",)
    examples = (
        Example("benchmark_app -m model.xml -d CPU -pin NUMA\n", "benchmark_app -m model.xml -d CPU -pin NO\n",
                filename="bench.sh", unsafe=True),
        Example("RUN benchmark_app -m /m.xml -pin=HYBRID_AWARE\n", filename="Dockerfile",
                message=("`-pin` was removed (AFFINITY in 2025.0, CPU_BIND_THREAD with API 1.0 in 2024.0): "
                         "use `-pin YES|NO` = True; not exact for `HYBRID_AWARE`: the choice of performance "
                         "or efficiency cores is automatic now (`ov::hint::scheduling_core_type` sets it)")),
    )
    valid = (Valid("benchmark_app -m model.xml -pin YES\n", filename="bench.sh"),)

    def check_command(self, command) -> None:
        argv = command.argv
        if not argv or os.path.basename(argv[0]) not in ("benchmark_app", "benchmark_app.py"):
            return
        for index, word in enumerate(argv):
            name, eq, inline = word.partition("=")
            if name not in OPTIONS:
                continue
            value = inline if eq else (argv[index + 1] if index + 1 < len(argv) else None)
            found = pinning(value)
            if value is None or value.upper() in ("YES", "NO"):
                return
            fix = None
            if found is not None and not eq:
                edit = replace_word(command, index + 1, "YES" if found.enabled else "NO")
                fix = self.make_fix(edit, "Use YES or NO", unsafe=True) if edit else None
            self.report(command, message("-pin", value, found).replace("`ENABLE_CPU_PINNING`", "`-pin YES|NO`"), fix)
            return
