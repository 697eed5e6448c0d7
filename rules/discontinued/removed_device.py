"""Python code that selects a removed device: GNA, MYRIAD or HDDL."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.property_settings import settings
from ovlint.rulekit.python_edits import argument, keyword, string_value
from ovlint.surfaces.python import assigned_value
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules.discontinued._devices import DEVICE_CALLS, GNA_KEY, REMOVED_DEVICES, describe, removed_devices

MYRIAD, GNA = REMOVED_DEVICES["MYRIAD"], REMOVED_DEVICES["GNA"]
OPENCV_TARGETS = {"DNN_TARGET_MYRIAD": "MYRIAD", "DNN_TARGET_HDDL": "HDDL"}
IE_PLUGIN = {"openvino.inference_engine.IEPlugin", "openvino.inference_engine.ie_api.IEPlugin"}


class RemovedDevice(PythonRule):
    code = "OV503"
    name = "removed-device"
    summary = "This device plugin was removed"
    rationale = (
        "The MYRIAD (Neural Compute Stick 2) and HDDL (Vision Accelerator) plugins were removed in "
        f"{MYRIAD.removed} and the GNA plugin in {GNA.removed} (with its `GNA_*` keys and `intel_gna` "
        "properties). A device string naming one of them, also inside `HETERO:`, `MULTI:` or `AUTO:`, and also "
        "through a name assigned it once or an `add_argument(..., default=...)` the code passes on, fails on "
        "current releases: run on `CPU`, `GPU` or `NPU`, or stay on the last release with the plugin "
        f"({MYRIAD.last} LTS for MYRIAD and HDDL, {GNA.last} LTS for GNA)."
    )
    deprecation = GNA
    needles = ("GNA", "intel_gna", "MYRIAD", "HDDL")
    # OpenCV's DNN module runs its MYRIAD and HDDL targets on OpenVINO's plugins
    context_needles = ("openvino", "DNN_TARGET_MYRIAD", "DNN_TARGET_HDDL")
    examples = (
        Example("import openvino as ov\n\ncompiled = ov.Core().compile_model('m.xml', 'MYRIAD')\n",
                message=("This device plugin was removed: MYRIAD (removed in 2023.0); use CPU, GPU or NPU")),
        Example("import openvino.properties as props\n\nmode = props.intel_gna.execution_mode\n",
                message=("This device plugin was removed: GNA (removed in 2024.0) and its `intel_gna` "
                         "properties; use CPU, GPU or NPU")),
        Example("import openvino as ov\n\nov.Core().compile_model(model, device_name='HETERO:GNA,CPU')\n",
                message=("This device plugin was removed: GNA (removed in 2024.0); use CPU, GPU or NPU")),
        Example("from openvino.inference_engine import IEPlugin\n\nplugin = IEPlugin(device=\"MYRIAD\")\n",
                message=("This device plugin was removed: MYRIAD (removed in 2023.0); use CPU, GPU or NPU")),
        Example("import cv2\n\nnet = cv2.dnn.readNet('m.xml', 'm.bin')\nnet.setPreferableTarget(cv2.dnn.DNN_TARGET_MYRIAD)\n",
                message=("This device plugin was removed: OpenCV's `DNN_TARGET_MYRIAD` runs the network on OpenVINO's "
                         "MYRIAD plugin (removed in 2023.0); use `cv2.dnn.DNN_TARGET_CPU` or another target")),
        Example("from cv2.dnn import DNN_TARGET_HDDL, readNet\n\nreadNet('m.xml', 'm.bin').setPreferableTarget(DNN_TARGET_HDDL)\n",
                message=("This device plugin was removed: OpenCV's `DNN_TARGET_HDDL` runs the network on OpenVINO's "
                         "HDDL plugin (removed in 2023.0); use `cv2.dnn.DNN_TARGET_CPU` or another target")),
        # a default the program runs on unless told otherwise, and a constant
        Example("import argparse\nimport openvino as ov\n\nparser = argparse.ArgumentParser()\n"
                "parser.add_argument('-d', '--device', default='MYRIAD')\nargs = parser.parse_args()\n"
                "ov.Core().compile_model('m.xml', args.device)\nDEVICE = 'HDDL'\nov.Core().compile_model('m.xml', DEVICE)\n",
                message=("This device plugin was removed: MYRIAD (removed in 2023.0) (`args.device` defaults to it); "
                         "use CPU, GPU or NPU",
                         "This device plugin was removed: HDDL (removed in 2023.0) (through `DEVICE`); use CPU, GPU "
                         "or NPU")),
        Example("import openvino as ov\n\nconfig = {'GNA_DEVICE_MODE': 'GNA_SW_EXACT'}\n",
                message=("This device plugin was removed: `GNA_DEVICE_MODE` configures GNA (removed in "
                         "2024.0)")),
    )
    valid = (
        Valid("import openvino as ov\n\nov.Core().compile_model('m.xml', 'AUTO:GPU,CPU')\nprint('MYRIAD')\n"),
        Valid("import cv2\n\nDNN_TARGET_MYRIAD = 3\nnet = cv2.dnn.readNet('m.onnx')\nnet.setPreferableTarget(cv2.dnn.DNN_TARGET_CPU)\n"),
        Valid("import openvino as ov\n\nPREFIXES = {'GNA_': 'keys of the removed GNA plugin'}\n"),
        # a default changed before parsing, and another object's `device`
        Valid("import argparse\nimport openvino as ov\n\nparser = argparse.ArgumentParser()\n"
              "parser.add_argument('--device', default='MYRIAD')\nparser.set_defaults(device='CPU')\n"
              "args = parser.parse_args()\nov.Core().compile_model('m.xml', args.device)\n"
              "ov.Core().compile_model('m.xml', settings.device)\n"),
        Valid("import argparse\nfrom openvino.inference_engine import IEPlugin\n\nparser = argparse.ArgumentParser()\n"
              "parser.add_argument('-d', choices=['CPU', 'GPU', 'MYRIAD'], help='device: CPU, GPU or MYRIAD')\n"
              "plugin = IEPlugin(device=parser.parse_args().d)\n"),
    )

    def visit_Attribute(self, node) -> None:
        """`props.intel_gna.*`: the properties of the removed GNA plugin; `cv2.dnn.DNN_TARGET_MYRIAD`:
        OpenCV's target on OpenVINO's MYRIAD plugin."""
        names = self.ctx.qualified_names(node)
        if node.attr.value == "intel_gna" and any(n.endswith("properties.intel_gna") for n in names):
            self.report(node, f"{self.summary}: GNA (removed in {GNA.removed}) and its `intel_gna` properties; "
                              "use CPU, GPU or NPU")
        elif node.attr.value in OPENCV_TARGETS and f"cv2.dnn.{node.attr.value}" in names:
            self._opencv_target(node, node.attr.value)

    def visit_Name(self, node) -> None:
        """`DNN_TARGET_MYRIAD` imported from `cv2.dnn`."""
        parent = self.ctx.parent(node)
        if node.value in OPENCV_TARGETS and not isinstance(parent, (cst.Attribute, cst.ImportAlias)) \
                and f"cv2.dnn.{node.value}" in self.ctx.qualified_names(node):
            self._opencv_target(node, node.value)

    def _opencv_target(self, node, target: str) -> None:
        device = OPENCV_TARGETS[target]
        self.report(node, f"{self.summary}: OpenCV's `{target}` runs the network on OpenVINO's {device} plugin "
                          f"(removed in {REMOVED_DEVICES[device].removed}); use `cv2.dnn.DNN_TARGET_CPU` or another "
                          "target", deprecation=REMOVED_DEVICES[device])

    def visit_Module(self, node) -> None:
        ctx = self.ctx
        for setting in settings(ctx):
            if GNA_KEY.match(setting.key) and (setting.passed(ctx) or "openvino" in ctx.text):
                self.report(setting.key_node, f"{self.summary}: `{setting.key}` configures GNA (removed in {GNA.removed})")

    def visit_Call(self, node) -> None:
        func = node.func
        if self.ctx.qualified_names(func) & IE_PLUGIN:  # `IEPlugin(device="MYRIAD")`, API 1.0 before 2021
            arg = argument(node, 0, "device")
            args = [arg] if arg is not None else []
        elif isinstance(func, cst.Attribute) and func.attr.value in DEVICE_CALLS:
            args = node.args
        else:
            return
        for arg in args:
            text, through = self._device(arg.value)
            found = removed_devices(text) if text else []
            if found:
                self.report(arg.value, f"{self.summary}: {describe(found)}{through}; use CPU, GPU or NPU",
                            deprecation=REMOVED_DEVICES[found[0]])

    def _device(self, value) -> tuple:
        """(the device string `value` is, how it is: ` (through ...)`): a literal; a name the module
        assigns a literal once (`DEVICE = "MYRIAD"`); `args.device`, whose `add_argument` defaults to a literal."""
        text = string_value(value)
        if text is not None:
            return text, ""
        if isinstance(value, cst.Name):
            assigned = assigned_value(self.ctx, value)
            text = string_value(assigned) if assigned is not None else None
            return (text, f" (through `{value.value}`)") if text is not None else (None, "")
        if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name):
            parsed = assigned_value(self.ctx, value.value)  # `args = parser.parse_args()`
            parser = parsed.func.value if isinstance(parsed, cst.Call) and isinstance(parsed.func, cst.Attribute) \
                and parsed.func.attr.value == "parse_args" and isinstance(parsed.func.value, cst.Name) else None
            defaults = self.ctx.memo((self.code, "defaults"), self._argparse_defaults)
            default = defaults.get((parser.value, value.attr.value)) if parser is not None else None
            if default is not None:
                return default, f" (`{self.ctx.source(value)}` defaults to it)"
        return None, ""

    def _argparse_defaults(self) -> dict:
        """(parser, dest) -> the string default each `parser.add_argument(..., default="...")` of the
        module gives, but those a `parser.set_defaults(dest=...)` changes."""
        found, changed = {}, set()
        for call in self.ctx.nodes((cst.Call,)):
            func = call.func
            if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
                continue
            parser = func.value.value
            if func.attr.value == "set_defaults":
                changed.update((parser, a.keyword.value) for a in call.args if a.keyword is not None)
                continue
            if func.attr.value != "add_argument":
                continue
            default, dest = keyword(call, "default"), keyword(call, "dest")
            text = string_value(default.value) if default is not None else None
            if text is None:
                continue
            flags = [string_value(a.value) for a in call.args if a.keyword is None]
            flags = [f for f in flags if f]
            named = string_value(dest.value) if dest is not None else next(
                (f.lstrip("-") for f in flags if f.startswith("--")), flags[0].lstrip("-") if flags else None)
            if named:
                found[(parser, named.replace("-", "_"))] = text
        return {key: text for key, text in found.items() if key not in changed}
