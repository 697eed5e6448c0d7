"""`ov::affinity` in C++."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules.cpu_pinning._pinning import AFFINITY, BIND_THREAD, SETS_EXACT, pinning
from ovlint.rules._native import closing, followed_by, names, span


class AffinityCpp(NativeRule):
    code = "OV304"
    name = "cpp-affinity"
    summary = f"`ov::affinity` was removed in OpenVINO {AFFINITY.removed}: use `ov::hint::enable_cpu_pinning`"
    rationale = (
        "`ov::affinity(ov::Affinity::CORE)` is `ov::hint::enable_cpu_pinning(true)` and `Affinity::NONE` is "
        "`false`. `HYBRID_AWARE` (true) and `NUMA` (false) are the closest settings, as in the Python rule, "
        "so they need `--unsafe-fixes`. Reading `ov::affinity` back gives a bool now (unsafe too). API 1.0's "
        "`CPU_BIND_THREAD` key (`CONFIG_KEY(CPU_BIND_THREAD)`, `KEY_CPU_BIND_THREAD`, `\"CPU_BIND_THREAD\"` in a "
        "config map) is reported with the pinning setting its value maps to; the map itself is API 1.0, so "
        "there is no rewrite in place. Neither is there for `ov::affinity.name()` with its `ov::Affinity` value "
        "written apart (`config.emplace(ov::affinity.name(), ov::Affinity::NONE)`), nor for an `ov::Affinity` "
        "value anywhere else: each is reported with the bool it becomes."
    )
    fix = Applicability.SAFE
    safe_when = SETS_EXACT + " (HYBRID_AWARE and NUMA have a closest one; a read of the setting gets a bool now)"
    deprecation = AFFINITY
    needles = ("affinity", "Affinity", "CPU_BIND_THREAD")
    examples = (
        Example("core.set_property(\"CPU\", ov::affinity(ov::Affinity::NONE));\n",
                "core.set_property(\"CPU\", ov::hint::enable_cpu_pinning(false));\n", filename="app.cpp"),
        Example("auto mode = core.get_property(\"CPU\", ov::affinity);\n",
                "auto mode = core.get_property(\"CPU\", ov::hint::enable_cpu_pinning);\n", filename="app.cpp",
                unsafe=True),
        Example("ie.SetConfig({{CONFIG_KEY(CPU_BIND_THREAD), CONFIG_VALUE(NO)}}, \"CPU\");\n", filename="demo.cpp",
                message="`CPU_BIND_THREAD` was removed with API 1.0 in 2024.0: use `ov::hint::enable_cpu_pinning(false)`"),
        Example("config[CONFIG_KEY(CPU_BIND_THREAD)] = CONFIG_VALUE(YES);\n", filename="demo.cpp",
                message="`CPU_BIND_THREAD` was removed with API 1.0 in 2024.0: use `ov::hint::enable_cpu_pinning(true)`"),
        Example("std::map<std::string, std::string> config = {{\"CPU_BIND_THREAD\", \"NUMA\"}};\n", filename="demo.cpp",
                message=("`CPU_BIND_THREAD` was removed with API 1.0 in 2024.0: use "
                         "`ov::hint::enable_cpu_pinning(false)` (not exact for NUMA: threads are no longer bound to "
                         "NUMA nodes; `NUM_STREAMS: NUMA` keeps streams per NUMA node)")),
    )
    valid = (Valid("core.set_property(\"CPU\", ov::hint::enable_cpu_pinning(true));\n"
                   "sched_setaffinity(0, sizeof(set), &set);\n// CPU_BIND_THREAD was replaced\n", filename="app.cpp"),)

    def check_native(self, unit) -> None:
        self._bind_thread(unit)
        inside = []  # the `ov::affinity(...)` calls: the `ov::Affinity` value in one goes with its rewrite
        for first, parts, past in names(unit):
            if parts[:2] == ["ov", "Affinity"] and len(parts) == 3:
                if not any(start < first < end for start, end in inside):
                    self.report(span(unit, first, past), f"`ov::Affinity` was removed in OpenVINO {AFFINITY.removed}: "
                                                         "`ov::hint::enable_cpu_pinning` takes a bool instead "
                                                         f"({_AS_BOOL})")
                continue
            if parts != ["ov", "affinity"]:
                continue
            if followed_by(unit, past, "."):  # `ov::affinity.name()`: its value is written apart, an `ov::Affinity`
                self.report(span(unit, first, past), self.summary + " (its value, written apart, becomes a bool: "
                                                                    f"{_AS_BOOL})")
                continue
            if followed_by(unit, past, "("):
                close = closing(unit, past)
                inside.append((past, close))
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

    def _bind_thread(self, unit) -> None:
        """API 1.0's `CPU_BIND_THREAD` key: `CONFIG_KEY(CPU_BIND_THREAD)`, `KEY_CPU_BIND_THREAD`, or the
        string `"CPU_BIND_THREAD"` in a config map; its value follows the comma."""
        code = unit.code
        for index, token in enumerate(code):
            if token.text == "CPU_BIND_THREAD" and index > 1 and code[index - 2].text == "CONFIG_KEY":
                first, past = index - 2, index + 2
            elif token.text == "KEY_CPU_BIND_THREAD" or (token.kind == "string" and token.text == '"CPU_BIND_THREAD"'):
                first, past = index, index + 1
            else:
                continue
            value = _value(code, past)
            found = pinning(value)
            how = (f"`ov::hint::enable_cpu_pinning({'true' if found.enabled else 'false'})`" if found is not None
                   else "`ov::hint::enable_cpu_pinning(true|false)`")
            lost = "" if found is None or found.exact else f" (not exact for {value}: {found.lost})"
            self.report(span(unit, first, past), f"`CPU_BIND_THREAD` was removed with API 1.0 in {BIND_THREAD.removed}: "
                                                 f"use {how}{lost}", deprecation=BIND_THREAD)


# what each `ov::Affinity` value is as a pinning setting
_AS_BOOL = "`CORE` is `true`, `NONE` is `false`; `HYBRID_AWARE` is closest to `true` and `NUMA` to `false`"


def _value(code, past: int):
    """`NO` of `, CONFIG_VALUE(NO)`, `, PluginConfigParams::NO` or `, "NO"` after a key, or of
    `] = NO` (`config[KEY_CPU_BIND_THREAD] = PluginConfigParams::NO`)."""
    after = [t.text for t in code[past:past + 2]]
    if after[:1] == [","]:
        start = past + 1
    elif after == ["]", "="]:
        start = past + 2
    else:
        return None
    rest = [t.text for t in code[start:start + 7]]
    if rest[:2] == ["CONFIG_VALUE", "("] and len(rest) > 2:
        return rest[2]
    if rest and rest[0].startswith('"'):
        return rest[0].strip('"')
    names = []
    for text in rest:
        if text == "::" or text.isidentifier():
            names.append(text)
        else:
            break
    return names[-1] if names and names[-1] != "::" else None
