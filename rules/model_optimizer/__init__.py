"""OV2xx: The Model Optimizer (`mo`, `openvino.tools.mo`), replaced by `ovc` and `openvino.convert_model`."""
PREFIX = "OV2"
TITLE = "Model Optimizer"
