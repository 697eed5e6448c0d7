"""A Python streamer that overrides `put`, which OpenVINO GenAI no longer calls."""
from __future__ import annotations

from ovlint.base.diagnostics import Applicability, Edit
from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import indentation, line_end
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

PUT = DEPRECATIONS["genai-streamer-put"]
STREAMER_BASES = {"openvino_genai.StreamerBase", "openvino_genai.py_openvino_genai.StreamerBase"}
WRITE_ADAPTER = """{indent}def write(self, token):
{indent}{unit}for token_id in token if isinstance(token, list) else [token]:
{indent}{unit}{unit}if self.put(token_id):
{indent}{unit}{unit}{unit}return {module}.StreamingStatus.STOP
{indent}{unit}return {module}.StreamingStatus.RUNNING
"""


class StreamerPut(PythonRule):
    code = "OV701"
    name = "genai-streamer-put"
    summary = f"`StreamerBase.put` was removed in OpenVINO GenAI {PUT.removed}: define `write`"
    rationale = (
        "A custom streamer used to override `put(self, token) -> bool`, returning True to stop generating. "
        f"{PUT.since} added `write(self, token) -> StreamingStatus` and {PUT.removed} removed `put`: generation with such "
        "a streamer fails with 'Tried to call pure virtual function StreamerBase::write'. `write` is not a "
        "rename: it receives a token id or a list of token ids, and returns "
        "`openvino_genai.StreamingStatus.RUNNING` to go on or `STOP` (also `CANCEL`) to stop. The fix "
        "(unsafe, as it adds a method) keeps `put` and adds a `write` that hands it each token in order and "
        "returns STOP as soon as `put` returns True, which is what the pipeline did with `put`. Callback "
        "functions that return a bool still work: True is read as STOP."
    )
    fix = Applicability.UNSAFE
    deprecation = PUT
    needles = ("StreamerBase",)
    context_needles = ("openvino_genai",)
    examples = (Example(
        "import openvino_genai as ov_genai\n\n\nclass Printer(ov_genai.StreamerBase):\n"
        "    def __init__(self, tokenizer):\n        super().__init__()\n        self.tokenizer = tokenizer\n\n"
        "    def put(self, token_id):\n        print(self.tokenizer.decode([token_id]), end='')\n"
        "        return False\n\n    def end(self):\n        print()\n",
        "import openvino_genai as ov_genai\n\n\nclass Printer(ov_genai.StreamerBase):\n"
        "    def __init__(self, tokenizer):\n        super().__init__()\n        self.tokenizer = tokenizer\n\n"
        "    def put(self, token_id):\n        print(self.tokenizer.decode([token_id]), end='')\n"
        "        return False\n\n"
        "    def write(self, token):\n        for token_id in token if isinstance(token, list) else [token]:\n"
        "            if self.put(token_id):\n                return ov_genai.StreamingStatus.STOP\n"
        "        return ov_genai.StreamingStatus.RUNNING\n\n    def end(self):\n        print()\n",
        unsafe=True),)
    valid = (Valid(
        "import openvino_genai as ov_genai\n\n\nclass Printer(ov_genai.StreamerBase):\n"
        "    def write(self, token):\n        ids = token if isinstance(token, list) else [token]\n"
        "        print(ids, end='')\n        return ov_genai.StreamingStatus.RUNNING\n\n"
        "class Queue:\n    def put(self, item):\n        pass\n"),)

    def __init__(self, ctx):
        super().__init__(ctx)
        self.streamers: set[str] = set()  # this module's classes that derive from StreamerBase
        self.writers: set[str] = set()  # ... and those that have (or are given) a `write`

    def _is_streamer_base(self, expr) -> bool:
        if isinstance(expr, cst.Name) and expr.value in self.streamers:
            return True
        return bool(self.ctx.qualified_names(expr) & STREAMER_BASES)

    def visit_ClassDef(self, node) -> None:
        if not any(self._is_streamer_base(base.value) for base in node.bases):
            return
        name = node.name.value
        self.streamers.add(name)
        methods = {s.name.value: s for s in node.body.body if isinstance(s, cst.FunctionDef)}
        inherited = any(isinstance(b.value, cst.Name) and b.value.value in self.writers for b in node.bases)
        if "write" in methods or inherited:
            self.writers.add(name)
            return
        put = methods.get("put")
        if put is None:
            return
        self.writers.add(name)  # the fix gives it one, and its subclasses inherit it
        self.report(put.name, f"`StreamerBase.put` was removed in OpenVINO GenAI {PUT.removed}: define "
                              "`write(self, token)`, "
                              "which gets a token id or a list of them and returns `StreamingStatus.RUNNING`, or "
                              "`STOP` where `put` returned True", self._adapter(put))

    def _adapter(self, put):
        """A `write` after `put` that feeds it each token; None when `put` is not a plain method."""
        params = put.params
        plain = (not put.decorators and put.asynchronous is None and not params.posonly_params
                 and len(params.params) == 2 and all(p.default is None for p in params.params)
                 and params.star_arg is cst.MaybeSentinel.DEFAULT and not params.kwonly_params
                 and params.star_kwarg is None and isinstance(put.body, cst.IndentedBlock))
        if not plain:
            return None
        indent = indentation(self.ctx, put)
        unit = indentation(self.ctx, put.body.body[0])[len(indent):] or "    "
        module, imports = self.ctx.imports.module_alias("openvino_genai", "openvino_genai")
        nl = self.ctx.newline
        method = WRITE_ADAPTER.format(indent=indent, unit=unit, module=module).replace("\n", nl)
        end = line_end(self.ctx, put)
        following = self.ctx.text[end:self.ctx.text.find("\n", end) + 1 or len(self.ctx.text)]
        if following.strip():  # keep a blank line before the next statement, as before `write`
            method += nl
        return self.make_fix((Edit(end, end, nl + method), *imports),
                             "Add a `write` that hands each token to `put`", unsafe=True)
