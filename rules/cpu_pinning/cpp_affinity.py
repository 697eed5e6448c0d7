"""`ov::affinity` in C++."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules.cpu_pinning._pinning import AFFINITY, SETS_EXACT, pinning
from ovlint.rules._native import closing, followed_by, names, span


class AffinityCpp(NativeRule):
    code = "OV304"
    name = "cpp-affinity"
    summary = f"`ov::affinity` was removed in OpenVINO {AFFINITY.removed}: use `ov::hint::enable_cpu_pinning`"
    rationale = (
        "`ov::affinity(ov::Affinity::CORE)` is `ov::hint::enable_cpu_pinning(true)` and `Affinity::NONE` is "
        "`false`. `HYBRID_AWARE` (true) and `NUMA` (false) are the closest settings, as in the Python rule, "
        "so they need `--unsafe-fixes`. Reading `ov::affinity` back gives a bool now (unsafe too)."
    )
    fix = Applicability.SAFE
    safe_when = SETS_EXACT + " (HYBRID_AWARE and NUMA have a closest one; a read of the setting gets a bool now)"
    deprecation = AFFINITY
    needles = ("affinity",)
    examples = (
        Example("core.set_property(\"CPU\", ov::affinity(ov::Affinity::NONE));\n",
                "core.set_property(\"CPU\", ov::hint::enable_cpu_pinning(false));\n", filename="app.cpp"),
        Example("auto mode = core.get_property(\"CPU\", ov::affinity);\n",
                "auto mode = core.get_property(\"CPU\", ov::hint::enable_cpu_pinning);\n", filename="app.cpp",
                unsafe=True),
    )
    valid = (Valid("core.set_property(\"CPU\", ov::hint::enable_cpu_pinning(true));\n"
                   "sched_setaffinity(0, sizeof(set), &set);\n", filename="app.cpp"),)

    def check_native(self, unit) -> None:
        handled = set()
        for first, parts, past in names(unit):
            if parts != ["ov", "affinity"] or first in handled:
                continue
            if followed_by(unit, past, "("):
                close = closing(unit, past)
                inner = [t.text for t in unit.code[past + 1:close]]
                value = inner[-1] if inner[:-1] == ["ov", "::", "Affinity", "::"] else None
                found = pinning(value)
                fix = None
                if found is not None:
                    text = f"ov::hint::enable_cpu_pinning({'true' if found.enabled else 'false'})"
                    fix = self.make_fix(self.ctx.replace(span(unit, first, close + 1), text),
                                        "Use `enable_cpu_pinning`", unsafe=not found.exact)
                lost = "" if found is None or found.exact else f" (not exact for {value}: {found.lost})"
                self.report(span(unit, first, close + 1), self.summary + lost, fix)
            else:
                fix = self.make_fix(self.ctx.replace(span(unit, first, past), "ov::hint::enable_cpu_pinning"),
                                    "Read `enable_cpu_pinning` (a bool)", unsafe=True)
                self.report(span(unit, first, past), self.summary + " (it reads back a bool)", fix)
