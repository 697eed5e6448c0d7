"""CPU affinity properties in Python: `props.affinity`, `Affinity.*`, "AFFINITY" and
"CPU_BIND_THREAD" keys."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.property_settings import (
    beside_openvino_keys, openvino_module, rename_key, replace_string, settings, strings_in,
)
from ovlint.rulekit.python_edits import string_value
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules.cpu_pinning._pinning import AFFINITY, BIND_THREAD, KEYS, SETS_EXACT, message, pinning

MODULES = ("openvino.properties", "openvino.runtime.properties")


class AffinityProperty(PythonRule):
    code = "OV301"
    name = "cpu-affinity"
    summary = f"`ov::affinity` was removed in OpenVINO {AFFINITY.removed}: use `hint.enable_cpu_pinning`"
    rationale = (
        f"The CPU affinity property (`props.affinity`, `\"AFFINITY\"`) was deprecated in {AFFINITY.deprecated} and "
        f"removed in {AFFINITY.removed}; the API 1.0 key `CPU_BIND_THREAD` went with API 1.0 in "
        f"{BIND_THREAD.removed}. Both became the boolean "
        "`ov::hint::enable_cpu_pinning` (`\"ENABLE_CPU_PINNING\"`): `CORE`/`YES` pin threads (True), "
        "`NONE`/`NO` do not (False). `HYBRID_AWARE` maps to True and `NUMA` to False, what the CPU plugin "
        "did internally, but they lose core-type selection and NUMA binding, so those fixes are unsafe. "
        "Reading the property back gives a bool instead of an `Affinity`, so that rewrite is unsafe too."
    )
    fix = Applicability.SAFE
    safe_when = SETS_EXACT + " (HYBRID_AWARE and NUMA have a closest one; a read of the setting gets a bool now)"
    deprecation = AFFINITY
    needles = (r"\bAFFINITY\b", r"\baffinity\b", r"\bAffinity\b", "CPU_BIND_THREAD")
    examples = (
        Example("import openvino as ov\n\nov.Core().set_property(\"CPU\", {\"AFFINITY\": \"NONE\"})\n",
                "import openvino as ov\n\nov.Core().set_property(\"CPU\", {\"ENABLE_CPU_PINNING\": \"NO\"})\n"),
        Example("import openvino.properties as props\n\nconfig = {props.affinity: props.Affinity.CORE}\n",
                "import openvino.properties as props\n\nconfig = {props.hint.enable_cpu_pinning(): True}\n"),
        Example("import openvino as ov\nimport openvino.properties as props\n\n"
                "ov.Core().set_property(\"CPU\", props.affinity(props.Affinity.NONE))\n",
                "import openvino as ov\nimport openvino.properties as props\n\n"
                "ov.Core().set_property(\"CPU\", props.hint.enable_cpu_pinning(False))\n"),
        Example("import openvino as ov\n\ncore = ov.Core()\ncore.set_property(\"CPU\", {\"CPU_BIND_THREAD\": \"NUMA\"})\n",
                "import openvino as ov\n\ncore = ov.Core()\ncore.set_property(\"CPU\", {\"ENABLE_CPU_PINNING\": \"NO\"})\n",
                unsafe=True),
        Example("import openvino as ov\n\nmode = ov.Core().get_property(\"CPU\", \"AFFINITY\")\n",
                "import openvino as ov\n\nmode = ov.Core().get_property(\"CPU\", \"ENABLE_CPU_PINNING\")\n",
                unsafe=True),
        Example("def user_config(threads):\n    config = {}\n    config['CPU_BIND_THREAD'] = 'NO'\n"
                "    config['CPU_THREADS_NUM'] = str(threads)\n    return config\n",
                "def user_config(threads):\n    config = {}\n    config['ENABLE_CPU_PINNING'] = 'NO'\n"
                "    config['CPU_THREADS_NUM'] = str(threads)\n    return config\n"),
        Example("import openvino as ov\n\nconfig = {'CPU': {}}\nconfig['CPU']['AFFINITY'] = pin_mode\n"
                "ov.Core().set_property('CPU', config['CPU'])\n",
                message=("`AFFINITY` was removed (AFFINITY in 2025.0, CPU_BIND_THREAD with API 1.0 in "
                         "2024.0): use `ENABLE_CPU_PINNING` (the value is not written here, so the key is not "
                         "renamed: the new key takes a bool, True where `YES` or `CORE` pinned threads, False for "
                         "`NO` or `NONE`)")),
        Example("import openvino as ov\n\nov.Core().set_property(\"CPU\", {\"AFFINITY\": mode})\n",
                message=("`AFFINITY` was removed (AFFINITY in 2025.0, CPU_BIND_THREAD with API 1.0 in "
                         "2024.0): use `ENABLE_CPU_PINNING` (the value is not written here, so the key is not "
                         "renamed: the new key takes a bool, True where `YES` or `CORE` pinned threads, False for "
                         "`NO` or `NONE`)")),
    )
    valid = (
        Valid("import openvino.properties.hint as hints\n\nconfig = {hints.enable_cpu_pinning: False}\n"),
        Valid("import os\n\nos.sched_setaffinity(0, {1})\nlabels = {\"affinity\": \"high\", \"AFFINITY\": 3}\n"),
        Valid("JOB_ENV = {\"CPU_BIND_THREAD\": \"NO\", \"OMP_NUM_THREADS\": \"8\"}\n"
              "SCHED = {\"AFFINITY\": \"CORE\", \"POLICY\": \"fifo\"}\n"),
        Valid("import openvino as ov\n\ndef describe(config):\n    rows = {}\n    rows['AFFINITY'] = config.mode\n"
              "    print(rows)\n"),
    )

    def visit_Module(self, node) -> None:
        for setting in settings(self.ctx):
            if setting.key in KEYS and not setting.guarded:
                self._setting(setting)

    def _setting(self, setting) -> None:
        ctx, key = self.ctx, setting.key
        if setting.reading:
            fix = self.make_fix(rename_key(ctx, setting, "ENABLE_CPU_PINNING"), "Read `ENABLE_CPU_PINNING` (a bool)",
                                unsafe=True)
            self.report(setting.key_node, f"`{key}` was removed: read `ENABLE_CPU_PINNING`, a bool", fix,
                        deprecation=KEYS[key])
            return
        literals = strings_in(setting.value)
        found = [pinning(string_value(s)) for s in literals]
        if (literals and None in found) or (not literals and not setting.passed(ctx)):
            return  # "AFFINITY": "high", or a value of unknown origin in a dict OpenVINO never sees
        if not (setting.reaches or openvino_module(ctx) or beside_openvino_keys(ctx, setting)):
            return  # a table of the program's own ({"AFFINITY": "CORE", "POLICY": "fifo"})
        value = string_value(literals[0]) if literals else None
        fix = None
        others = self._other_pinning_keys(setting)
        if literals and others:
            # a second ENABLE_CPU_PINNING key in one dict: one of the two settings would be lost
            self.report(setting.key_node, message(key, value, found[0]) + (
                f" (not renamed: the same dict also sets `{others[0]}`; keep one setting)"), None, deprecation=KEYS[key])
            return
        note = ""
        if literals:
            edits = [rename_key(ctx, setting, "ENABLE_CPU_PINNING")]
            edits += [replace_string(ctx, s, f.word) for s, f in zip(literals, found)]
            # another use of the key that a safe fix leaves as it is would then see another property
            uses = [other for other in settings(ctx) if other.key == key and not other.guarded]
            # a use of the key no setting is (`config["AFFINITY"]` read back from the program's own dict)
            spelt = ctx.text.count(f'"{key}"') + ctx.text.count(f"'{key}'")
            kept = spelt > len(uses) or not all(self._exact(other) for other in uses)
            note = f" (an unsafe fix: the module also sets or reads `{key}` where it is not renamed safely)" if kept else ""
            fix = self.make_fix(edits, "Use `ENABLE_CPU_PINNING`", unsafe=kept or not all(f.exact for f in found))
        self.report(setting.key_node, message(key, value, found[0] if found else None) + note, fix,
                    deprecation=KEYS[key])

    @staticmethod
    def _exact(setting) -> bool:
        """Whether a setting of a pinning key is renamed by a safe fix: set to values that map exactly."""
        literals = strings_in(setting.value) if not setting.reading else []
        found = [pinning(string_value(s)) for s in literals]
        return bool(literals) and all(f is not None and f.exact for f in found)

    def _other_keys(self, setting) -> set:
        """The other keys the setting's dict holds."""
        if setting.group is None:
            return set()
        return {other.key for other in settings(self.ctx) if other.group == setting.group} - {setting.key}

    def _other_pinning_keys(self, setting) -> list:
        """The other pinning keys the setting's dict holds (`ENABLE_CPU_PINNING` too)."""
        return sorted(self._other_keys(setting) & (KEYS.keys() | {"ENABLE_CPU_PINNING"}))


    def visit_Attribute(self, node) -> None:
        names = self.ctx.qualified_names(node)
        if any(f"{m}.affinity" in names for m in MODULES):
            parent = self.ctx.parent(node)
            called = isinstance(parent, cst.Call) and parent.func is node
            # a key or an argument: before 2026.0 only its name (what calling it without a value gives)
            # is accepted there for `hint.enable_cpu_pinning`; anything else (`getters = [..., affinity]`,
            # called later) keeps a function, but one of a bool where there was an enum: unsafe
            given = (isinstance(parent, cst.DictElement) and parent.key is node) or isinstance(parent, cst.Arg)
            fix = self.make_fix(self.ctx.replace(node.attr, "hint.enable_cpu_pinning" + ("()" if given else "")),
                                "Use `hint.enable_cpu_pinning`", unsafe=not (called or given))
            self.report(node, f"`properties.affinity` was removed in {AFFINITY.removed}: use "
                              "`properties.hint.enable_cpu_pinning`", fix)
            return
        for module in MODULES:
            prefix = f"{module}.Affinity."
            member = next((n[len(prefix):] for n in names if n.startswith(prefix)), None)
            if member is not None:
                found = pinning(member)
                fix = self.make_fix(self.ctx.replace(node, str(found.enabled)), f"Use {found.enabled}",
                                    unsafe=not found.exact) if found else None
                self.report(node, message(f"Affinity.{member}", member, found), fix)
                return
