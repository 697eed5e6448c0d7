"""A `PostponedConstant` maker written for its first signature (`maker(tensor) -> None`)."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.python_edits import argument
from ovlint.rulekit.rule import Example, PythonRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS

INTRODUCED, MAKER = DEPRECATIONS["postponed-constant"], DEPRECATIONS["postponed-constant-maker"]
POSTPONED_CONSTANT = {"openvino.utils.postponed_constant.PostponedConstant"}


def _required_positional(function, skip_self: bool) -> int:
    params = list(function.params.posonly_params) + list(function.params.params)
    if skip_self:
        params = params[1:]
    return sum(1 for p in params if p.default is None)


class PostponedConstantMaker(PythonRule):
    code = "OV605"
    name = "postponed-constant-maker"
    summary = f"The `PostponedConstant` maker takes no argument and returns the tensor since OpenVINO {MAKER.since}"
    rationale = (
        "`openvino.utils.postponed_constant.PostponedConstant(element_type, shape, maker, name)` came in "
        f"{INTRODUCED.since} with a maker that fills the tensor it is given (`maker(tensor) -> None`). "
        f"{MAKER.since} calls "
        "`maker()` and uses the tensor it returns, so a one-argument maker fails with \"missing 1 required "
        "positional argument\" when the model is saved. Create the tensor inside the maker, fill it, and "
        "return it. Makers ovlint can see (a lambda, a function or a class with `__call__` defined in the "
        "module) are checked; others are left alone."
    )
    deprecation = MAKER
    applies_from = MAKER.since
    needles = ("PostponedConstant",)
    examples = (Example(
        "import openvino as ov\nfrom openvino.utils.postponed_constant import PostponedConstant\n\n\n"
        "def fill(tensor):\n    tensor.data[:] = 1.0\n\n\n"
        "weights = PostponedConstant(ov.Type.f32, ov.Shape([4]), fill, 'weights')\n",
                        message=("The `PostponedConstant` maker takes no argument and returns the tensor "
                                 "since OpenVINO 2026.0: inside the maker create the tensor (`tensor = "
                                 "ov.Tensor(ov.Type.f32, ov.Shape([4]))`), fill it, and `return tensor`")),)
    valid = (Valid(
        "import numpy as np\nimport openvino as ov\nfrom openvino.utils.postponed_constant import PostponedConstant\n\n\n"
        "def make():\n    return ov.Tensor(np.ones(4, np.float32))\n\n\n"
        "weights = PostponedConstant(ov.Type.f32, ov.Shape([4]), make, 'weights')\n"),
        Valid("from openvino.utils.postponed_constant import PostponedConstant\n\n"
              "weights = PostponedConstant(kind, shape, lambda t: t.data.fill(1))\n", target="2025.2"))

    def visit_Call(self, node) -> None:
        if not self.ctx.qualified_names(node.func) & POSTPONED_CONSTANT:
            return
        maker, kind, shape = (argument(node, 2, "maker"), argument(node, 0, "element_type"),
                              argument(node, 1, "shape"))
        if maker is None or not self._fills_its_argument(maker.value):
            return
        create = (f"`tensor = ov.Tensor({self.ctx.source(kind.value)}, {self.ctx.source(shape.value)})`"
                  if kind is not None and shape is not None else "`tensor = ov.Tensor(element_type, shape)`")
        self.report(maker.value, f"{self.summary}: inside the maker create the tensor ({create}), fill it, "
                                 "and `return tensor`")

    def _fills_its_argument(self, maker) -> bool:
        """A maker that takes one argument: `lambda t: ...`, a function, or an instance of a class
        whose `__call__` takes one."""
        if isinstance(maker, cst.Lambda):
            return _required_positional(maker, skip_self=False) == 1
        if isinstance(maker, cst.Call) and isinstance(maker.func, cst.Name):
            cls = self._definition(maker.func, cst.ClassDef)
            call = next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__call__"),
                        None) if cls is not None else None
            return call is not None and _required_positional(call, skip_self=True) == 1
        if isinstance(maker, cst.Name):
            function = self._definition(maker, cst.FunctionDef)
            return function is not None and _required_positional(function, skip_self=False) == 1
        return False

    def _definition(self, name, kind):
        """The one `def`/`class` statement `name` refers to, if that is its only binding."""
        scope = self.ctx.scope(name)
        if scope is None:
            return None
        bindings = [a.node for a in scope[name.value] if hasattr(a, "node")]
        return bindings[0] if len(bindings) == 1 and isinstance(bindings[0], kind) else None
