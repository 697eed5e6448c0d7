"""The version namespaces of `ov::op` that declare each operation, the first of them per name:
`ngraph::op::Add` was the alias of one of them (read from the 2026.4 headers, `openvino/op/*.hpp`)."""
from __future__ import annotations


# version -> the operations whose first declaration is in `ov::op::v<version>`
FIRST_VERSION = {
    0: (
        "Abs Acos Asin Atan BatchNormInference CTCGreedyDecoder Ceiling Clamp Concat Constant Convert Cos "
        "Cosh CumSum DepthToSpace DetectionOutput Elu Erf Exp FakeQuantize Floor GRN Gelu HardSigmoid "
        "Interpolate LRN LSTMCell Log MVN MatMul Negative NormalizeL2 PRelu PSROIPooling Parameter PriorBox "
        "PriorBoxClustered Proposal RNNCell ROIPooling Range RegionYolo Relu ReorgYolo Result ReverseSequence "
        "Selu ShapeOf ShuffleChannels Sigmoid Sign Sin Sinh SpaceToDepth Sqrt SquaredDifference Squeeze Tan "
        "Tanh TensorIterator Tile Unsqueeze Xor "
    ).split(),
    1: (
        "Add AvgPool BatchToSpace BinaryConvolution Broadcast ConvertLike Convolution ConvolutionBackpropData "
        "DeformableConvolution DeformablePSROIPooling Divide Equal FloorMod Gather GatherTree Greater "
        "GreaterEqual GroupConvolution GroupConvolutionBackpropData Less LessEqual LogicalAnd LogicalNot "
        "LogicalOr LogicalXor MaxPool Maximum Minimum Mod Multiply NonMaxSuppression NotEqual OneHot Pad "
        "Power ReduceLogicalAnd ReduceLogicalOr ReduceMax ReduceMean ReduceMin ReduceProd ReduceSum Reshape "
        "Reverse Select Softmax SpaceToBatch Split StridedSlice Subtract TopK Transpose VariadicSplit "
    ).split(),
    3: (
        "Acosh Asinh Assign Atanh Bucketize EmbeddingBagOffsetsSum EmbeddingBagPackedSum EmbeddingSegmentsSum "
        "ExtractImagePatches GRUCell NonZero ROIAlign ReadValue ScatterElementsUpdate ScatterNDUpdate "
        "ScatterUpdate "
    ).split(),
    4: (
        "CTCLoss HSwish Mish ReduceL1 ReduceL2 SoftPlus Swish "
    ).split(),
    5: (
        "GRUSequence GatherND HSigmoid LSTMSequence LogSoftmax Loop RNNSequence Round "
    ).split(),
    6: (
        "CTCGreedyDecoderSeqLen ExperimentalDetectronDetectionOutput "
        "ExperimentalDetectronGenerateProposalsSingleImage ExperimentalDetectronPriorGridGenerator "
        "ExperimentalDetectronROIFeatureExtractor ExperimentalDetectronTopKROIs GatherElements "
    ).split(),
    7: (
        "DFT Einsum IDFT Roll "
    ).split(),
    8: (
        "AdaptiveAvgPool AdaptiveMaxPool I420toBGR I420toRGB If MatrixNms MulticlassNms NV12toBGR NV12toRGB "
        "RandomUniform Slice "
    ).split(),
    9: (
        "Eye GenerateProposals GridSample IRDFT RDFT SoftSign "
    ).split(),
    10: (
        "IsFinite IsInf IsNaN Unique "
    ).split(),
    12: (
        "GroupNormalization "
    ).split(),
    13: (
        "BitwiseAnd BitwiseNot BitwiseOr BitwiseXor FakeConvert Multinomial NMSRotated "
        "ScaledDotProductAttention "
    ).split(),
    14: (
        "ConvertPromoteTypes Inverse "
    ).split(),
    15: (
        "BitwiseLeftShift BitwiseRightShift Col2Im EmbeddingBagOffsets EmbeddingBagPacked ROIAlignRotated "
        "STFT SearchSorted SliceScatter StringTensorPack StringTensorUnpack "
    ).split(),
    16: (
        "Identity "
    ).split(),
}
OP_VERSION = {op: version for version, ops in FIRST_VERSION.items() for op in ops}
# version namespaces of the operations declared in several (`Interpolate`: v0, v4, v11)
LATER_VERSIONS = {
    "Assign": (6,), "AvgPool": (14, 16), "BatchNormInference": (5,), "Broadcast": (3,), "DeformableConvolution": (8,),
    "DetectionOutput": (8,), "Gather": (7, 8), "GatherND": (8,), "Gelu": (7,), "Interpolate": (4, 11),
    "LSTMCell": (4,), "MVN": (6,), "MaxPool": (8, 14), "MulticlassNms": (9,), "NonMaxSuppression": (3, 4, 5, 9),
    "OneHot": (16,), "Pad": (12,), "PriorBox": (8,), "Proposal": (4,), "ROIAlign": (9,), "Range": (4,),
    "ReadValue": (6,), "ScatterElementsUpdate": (12,), "ScatterNDUpdate": (15,), "ShapeOf": (3,), "Softmax": (8,),
    "Squeeze": (15,), "TopK": (3, 11),
}
# the operations whose settings are a nested `Attributes` struct in their first version, which
# nGraph named `ngraph::op::<Op>Attrs`
ATTRIBUTES = {"DetectionOutput", "Interpolate", "PriorBox", "PriorBoxClustered", "Proposal"}


def op_spelling(name: str) -> str | None:
    """How `ov::op` spells what `ngraph::op::<name>` named, with the other versions it declares
    the operation in; None for a name it does not declare."""
    if name.endswith("Attrs") and name[:-5] in ATTRIBUTES:
        return f"`ov::op::v{OP_VERSION[name[:-5]]}::{name[:-5]}::Attributes`"
    if name not in OP_VERSION:
        return None
    later = LATER_VERSIONS.get(name, ())
    return f"`ov::op::v{OP_VERSION[name]}::{name}`" + (
        f" (also `{'`, `'.join(f'v{v}' for v in later)}`: the version the code used)" if later else "")
