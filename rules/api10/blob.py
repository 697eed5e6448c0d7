"""Python API 1.0: `Blob`, `TensorDesc` and a blob's `buffer`."""
from __future__ import annotations

from ovlint.base.lazy import cst
from ovlint.rulekit.rule import Example, Valid
from ovlint.rulekit.python_edits import argument, delete_argument, deleted_line, rename, string_value
from ovlint.rules.api10._base import (
    API_1, BLOB, LEGACY_SPELLING, OUTPUT_BLOBS, PRECISIONS, SPELLS_IE, Api10Rule, legacy_class, legacy_reference,
    propose_class_reference,
)
from ovlint.rules.api10._types import PUT, TUPLE

TENSOR_DESC_HOWTO = ("`TensorDesc` is API 1.0: an `ov.Tensor` takes its type and shape from the array, "
                     "and a layout other than the model's is declared with `PrePostProcessor` "
                     "(`ppp.input(name).tensor().set_layout(ov.Layout(\"NHWC\"))`)")


class BlobUse(Api10Rule):
    code = "OV106"
    # its visit_Name/visit_Attribute look only for names of `openvino.inference_engine`
    hook_needles = {"visit_Name": SPELLS_IE, **dict.fromkeys(("visit_Call", "visit_Assign", "visit_Element",
                                                             "visit_DictElement"), ("output_blobs",))}
    name = "blob"
    summary = f"`Blob` and `TensorDesc` are API 1.0, removed in OpenVINO {API_1.removed}"
    rationale = (
        "API 2.0 wraps data in `ov.Tensor`: `Blob(desc, array)` is `ov.Tensor(array)` and a blob's "
        "`buffer` is the tensor's `data`. A `TensorDesc` has no counterpart: element type and shape come "
        "from the array, and a layout that differs from the model's is declared once on the model with "
        "`PrePostProcessor` (OV103 moves `input_info[name].layout` there). A blob shared the memory of a "
        "C-contiguous array (a program could refill the array in place between inferences) and copied any other; "
        "`ov.Tensor(array)` copies, and `shared_memory=True` raises for an array that is not C-contiguous, so the fix "
        "passes `shared_memory=array.flags.c_contiguous` for an array kept in a variable. The fix drops a "
        "`TensorDesc` that only feeds `Blob` constructors. An output blob kept its inference's values, where an output "
        "tensor is the request's memory, which the next inference overwrites: a blob's `buffer` read later becomes a "
        "copy of `data`, and an output blob kept in a container or on an object, read after a later inference, or kept for "
        "the next round of a loop, is reported without a fix."
    )
    examples = (
        Example(
            "from openvino.inference_engine import Blob, TensorDesc\n\n"
            "desc = TensorDesc(\"U8\", [1, 3, 8, 8], \"NCHW\")\nblob = Blob(desc, frame)\n",
            "import openvino as ov\n\nblob = ov.Tensor(frame, shared_memory=frame.flags.c_contiguous)\n",
            unsafe=True,
        ),
        Example("from openvino.inference_engine import TensorDesc\n\n"
                "print(TensorDesc(\"FP32\", [1], \"C\").dims)\n",
                message=("`TensorDesc` is API 1.0: an `ov.Tensor` takes its type and shape from the array, "
                         "and a layout other than the model's is declared with `PrePostProcessor` "
                         '(`ppp.input(name).tensor().set_layout(ov.Layout("NHWC"))`)')),
        Example("from openvino.inference_engine import Blob\n\n\ndef read(blob: Blob):\n    return blob.buffer\n",
                "import openvino as ov\n\n\ndef read(blob: ov.Tensor):\n    return blob.data\n"),
    )
    valid = (
        Valid("import openvino as ov\n\ntensor = ov.Tensor(frame)\nprint(tensor.data)\n"),
        Valid("class Blob:\n    buffer = b\"\"\n\n\nprint(Blob().buffer)\n"),
    )

    def visit_Name(self, node) -> None:
        self._constructor(node)

    def visit_Call(self, node) -> None:
        func = node.func
        called = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        if called in _KEEPING and node.args and not node.args[-1].keyword:
            self._kept(node.args[-1].value)

    def visit_Assign(self, node) -> None:
        if any(isinstance(t.target, (cst.Subscript, cst.Attribute)) for t in node.targets):
            self._kept(node.value)
        elif len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name) and self._read_after_inference(node):
            self._kept(node.value)

    def _read_after_inference(self, assign) -> bool:
        """Whether the name `assign` binds is read after an inference that follows the binding
        (`blob = request.output_blobs["out"]`, `request.infer(...)`, `blob.buffer`), in the order of
        the code."""
        ctx = self.ctx
        target = assign.targets[0].target
        scope = ctx.scope(assign)
        reads = [ctx.span(ref.node)[0] for a in (scope.assignments[target.value] if scope else ())
                 if getattr(a, "node", None) is target for ref in a.references]
        bound = ctx.span(assign)[1]
        runs = ctx.memo("blob-inferences", lambda: [
            (ctx.span(call)[0], ctx.source(call.func.value)) for call in ctx.nodes((cst.Call,))
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in _INFERENCES])
        # `request.output_blobs[...]`: only that request's inferences overwrite what it holds
        value = assign.value
        blobs = value.value if isinstance(value, cst.Subscript) else None
        request = ctx.source(blobs.value) if isinstance(blobs, cst.Attribute) and blobs.attr.value == "output_blobs" else None
        if any(bound < run < read for run, owner in runs if request in (None, owner) for read in reads):
            return True
        # in a loop, a read before the binding reads the previous round's (`prev = cur` at its end)
        loop = self.types.enclosing(assign, (cst.For, cst.While, cst.FunctionDef, cst.Module))
        if not isinstance(loop, (cst.For, cst.While)):
            return False
        start, end = ctx.span(loop)
        named = [ctx.span(access.node)[0] for access in (scope.accesses[target.value] if scope else ())]
        return any(start < read < bound for read in named) and any(
            start < run < end for run, owner in runs if request in (None, owner))

    def visit_Element(self, node) -> None:
        if isinstance(self.ctx.parent(node), (cst.List, cst.Set)):  # a tuple is most often unpacked at once
            self._kept(node.value)

    def visit_DictElement(self, node) -> None:
        self._kept(node.value)

    def _kept(self, value) -> None:
        """An output blob (or the request's dict of them) put into a container or onto an object,
        to be read later: an API 2.0 output tensor is the request's memory, which the next inference
        overwrites, where the blob kept its inference's values. A copy must be taken where it is
        kept, which the program's later reads cannot tell: the part is held for a person."""
        if isinstance(value, cst.Tuple):  # `(frame_id, request.output_blobs)`, kept whole
            for element in value.elements:
                self._kept(element.value)
            return
        if not isinstance(value, (cst.Name, cst.Attribute, cst.Subscript)):
            return  # only `request.output_blobs`, and names and items bound to it or its items, hold them
        held = self.types.of(value)
        if held is not None and held.kind == TUPLE:  # `item = (i, blobs)`, then kept
            held = next((part for part in held.parts if _output(part)), None)
        if _output(held):
            what = "output blobs" if held.kind == OUTPUT_BLOBS else "an output blob"
            self.propose(value, f"This keeps {what} to read later: in API 2.0 an output tensor is the request's "
                                "memory, which the next inference overwrites, where a blob kept its inference's "
                                "values; keep a copy instead (`request.get_tensor(name).data.copy()`)")

    def visit_Attribute(self, node) -> None:
        self._constructor(node)
        if not self.may_concern(node.attr.value):
            return
        owner = self.types.of(node.value)
        if owner is None or owner.kind != BLOB:
            return
        ctx = self.ctx
        if node.attr.value == "buffer":
            if owner.output and not _consumed(ctx, node):
                self.propose(node.attr, "An output blob's `buffer` is the tensor's `data` in API 2.0, a view of the "
                                        "request's output that the next inference overwrites, where the blob's kept "
                                        "this inference's values: the fix copies it (read at once, as by "
                                        "`.buffer.tolist()` or `.buffer.argmax()`, it needs no copy)",
                             [ctx.replace(node.attr, "data.copy()")], unsafe=False,
                             fix_message="Use a copy of `data`")
                return
            self.propose(node.attr, "A blob's `buffer` is the tensor's `data` in API 2.0",
                         [rename(ctx, node, "data")], unsafe=False, fix_message="Use `data`")
        elif node.attr.value == "tensor_desc":
            member = ctx.parent(node)
            member = member.attr.value if isinstance(member, cst.Attribute) and member.value is node else None
            blob = ctx.source(node.value)
            if member == "dims":
                self.propose(node.attr, "`blob.tensor_desc.dims` is the tensor's `shape` in API 2.0",
                             [ctx.replace(ctx.parent(node), f"list({blob}.shape)")], unsafe=False,
                             fix_message="Use the tensor's `shape`")
                return
            if member == "precision":
                self.propose(node.attr, "`blob.tensor_desc.precision` is the tensor's `element_type` in API 2.0, an "
                                        "`ov.Type`: the fix spells its name as API 1.0 did (`FP32`)",
                             [ctx.replace(ctx.parent(node), f"{blob}.element_type.get_type_name(){LEGACY_SPELLING}")],
                             fix_message="Use the tensor's `element_type`")
                return
            self.propose(node.attr, "`blob.tensor_desc` is API 1.0: a tensor has `shape` and `element_type` (an "
                                    "`ov.Type`: `f32` for FP32, `u8` for U8, ...) and no layout")

    def _constructor(self, node) -> None:
        cls = legacy_reference(self.ctx, node)
        if cls not in ("Blob", "TensorDesc"):
            return
        parent = self.ctx.parent(node)
        call = parent if isinstance(parent, cst.Call) and parent.func is node else None
        if cls == "TensorDesc":
            self._tensor_desc(node, call)
            return
        data = argument(call, 1, "array") if call is not None else None
        desc = argument(call, 0, "tensor_desc") if call is not None else None
        edits = None
        message = ("`Blob(desc, array)` is `ov.Tensor(array)` in API 2.0, which copies the array where a blob "
                   "shared a C-contiguous one's memory: the fix passes `shared_memory` for an array kept in a variable "
                   "or an item, which the program may fill in place")
        if data is not None and desc is not None and data.keyword is None:
            edits = [self.ctx.replace(node, f"{self.plan.ov(node)}.Tensor"), delete_argument(self.ctx, call, desc)]
            if _reread(data.value) and not data.value.lpar:  # `(a)`: its span is the name inside
                end = self.ctx.span(data.value)[1]
                held = self.ctx.source(data.value)
                edits.append(self.ctx.replace((end, end), f", shared_memory={held}.flags.c_contiguous"))
        elif data is None and desc is not None and len(call.args) == 1:
            message = "`Blob(desc)` is `ov.Tensor(type, shape)` in API 2.0"
            edits = self._empty_tensor(node, call, desc.value)
        propose_class_reference(self, node, "Blob", edits, message)

    def _empty_tensor(self, node, call, desc):
        """`Blob(TensorDesc("FP32", dims, layout))` -> `ov.Tensor(ov.Type.f32, dims)`."""
        ctx = self.ctx
        if not (isinstance(desc, cst.Call) and legacy_class(ctx, desc.func) == "TensorDesc"):
            return None
        precision, dims = argument(desc, 0, "precision"), argument(desc, 1, "dims")
        element = PRECISIONS.get(string_value(precision.value)) if precision is not None else None
        if element is None or dims is None:
            return None
        ov = self.plan.ov(node)
        return [ctx.replace(call, f"{ov}.Tensor({ov}.Type.{element}, {ctx.source(dims.value)})")]

    def _tensor_desc(self, node, call) -> None:
        """A TensorDesc passed straight to `Blob`, or kept in a variable only `Blob` reads, goes away
        with the Blob's rewrite; anything else needs a hand."""
        ctx = self.ctx
        if call is None:
            self.propose(node, TENSOR_DESC_HOWTO)
            return
        holder = ctx.parent(call)
        if isinstance(holder, cst.Arg) and self._feeds_blob(holder):
            self.propose(node, TENSOR_DESC_HOWTO, (), fix_message="Drop the descriptor")
            return
        assign = holder
        line = ctx.parent(assign)
        if (isinstance(assign, cst.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0].target, cst.Name)
                and isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1):
            target = assign.targets[0].target
            scope = ctx.scope(assign)
            references = [ref.node for a in scope.assignments[target.value] if getattr(a, "node", None) is target
                          for ref in a.references]
            if references and all(isinstance(ctx.parent(r), cst.Arg) and self._feeds_blob(ctx.parent(r))
                                  for r in references):
                self.propose(node, TENSOR_DESC_HOWTO, deleted_line(ctx, line), fix_message="Drop the descriptor")
                return
        self.propose(node, TENSOR_DESC_HOWTO)

    def _feeds_blob(self, arg) -> bool:
        call = self.ctx.parent(arg)
        return (isinstance(call, cst.Call) and legacy_class(self.ctx, call.func) == "Blob"
                and argument(call, 0, "tensor_desc") is arg)


# the calls that run an inference, after which a request's output tensors hold new values
_INFERENCES = {"infer", "start_async", "async_infer", "infer_new_request"}
# what makes a new object of an array, or reads it at once: an output's `data` read so needs no copy
_CONSUMING = {"copy", "tolist", "item", "argmax", "argmin", "max", "min", "sum", "mean", "std", "shape", "dtype",
              "size", "ndim", "astype", "flatten", "any", "all", "nonzero", "argsort", "tobytes"}


# functions that read an array at once, keeping no view of it
_READERS = {"builtins.print", "builtins.len", "builtins.str", "builtins.repr", "builtins.float", "builtins.int",
            *(f"numpy.{name}" for name in ("argmax", "argmin", "max", "min", "amax", "amin", "sum", "mean", "std",
                                           "any", "all", "copy", "argsort", "count_nonzero"))}


def _consumed(ctx, node) -> bool:
    """Whether the value of `node` (an array) is read at once (`.tolist()`, `np.argmax(...)`,
    `print(...)`), where a view of it would not outlive the read."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Attribute):
        return parent.value is node and parent.attr.value in _CONSUMING
    call = ctx.parent(parent) if isinstance(parent, cst.Arg) and parent.keyword is None and not parent.star else None
    return isinstance(call, cst.Call) and bool(ctx.qualified_names(call.func) & _READERS)


def _reread(node) -> bool:
    """Whether `node` reads the same array when read again: a name, an attribute, or an item of one
    by a name or a literal (`frames[i]`)."""
    if isinstance(node, cst.Subscript):
        return _reread(node.value) and all(_plain_index(element.slice) for element in node.slice)
    return isinstance(node, cst.Name) or (isinstance(node, cst.Attribute) and _reread(node.value))


def _plain_index(index) -> bool:
    """`i`, `0`, `"key"`, or a slice of such bounds (`0:1`, `:n`)."""
    plain = (cst.Name, cst.Integer, cst.SimpleString)
    if isinstance(index, cst.Index):
        return isinstance(index.value, plain)
    return isinstance(index, cst.Slice) and all(part is None or isinstance(part, plain)
                                                for part in (index.lower, index.upper, index.step))


# calls that keep their last argument: a container's `append`/`put`/..., `heapq.heappush(heap, item)`
_KEEPING = PUT | {"heappush"}


def _output(held) -> bool:
    """Whether `held` is API 1.0 output blobs (the request's dict of them, or one)."""
    return held is not None and held.legacy and (held.kind == OUTPUT_BLOBS or (held.kind == BLOB and held.output))
