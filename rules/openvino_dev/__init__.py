"""OV4xx: The `openvino-dev` package, the tools it carried, and other packages no longer published."""
PREFIX = "OV4"
TITLE = "openvino-dev and its tools"
