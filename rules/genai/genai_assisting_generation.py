"""`is_speculative_decoding()`, renamed `is_assisting_generation()`."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability
from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules.genai._genai import imports_genai


RENAMED = DEPRECATIONS["genai-is-speculative-decoding"]


class AssistingGeneration(PythonRule):
    code = "OV702"
    name = "genai-assisting-generation"
    summary = ("`GenerationConfig.is_speculative_decoding()` was renamed `is_assisting_generation()` "
               f"in OpenVINO GenAI {RENAMED.removed}")
    rationale = (
        "The check that a generation config asks for speculative (assisted) decoding was renamed in "
        f"{RENAMED.removed}, when prompt-lookup decoding joined it, with the same meaning; the old name is gone "
        f"from {RENAMED.removed} on."
    )
    fix = Applicability.SAFE
    deprecation = RENAMED
    needles = ("is_speculative_decoding",)
    context_needles = ("openvino_genai",)
    examples = (Example(
        "import openvino_genai\n\npipe = openvino_genai.LLMPipeline('model', 'CPU')\n"
        "if pipe.get_generation_config().is_speculative_decoding():\n    print('assisted')\n",
        "import openvino_genai\n\npipe = openvino_genai.LLMPipeline('model', 'CPU')\n"
        "if pipe.get_generation_config().is_assisting_generation():\n    print('assisted')\n"),)
    valid = (Valid("def check(engine):\n    return engine.is_speculative_decoding()\n"),
             Valid("import openvino_genai\n\n\ndef check(config):\n    return config.is_assisting_generation()\n"))

    def visit_Call(self, node) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "is_speculative_decoding" \
                and imports_genai(self.ctx):
            self.report(func.attr, fix=self.make_fix(self.ctx.replace(func.attr, "is_assisting_generation"),
                                                     "Use `is_assisting_generation()`"))
