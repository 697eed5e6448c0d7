"""OV6xx: Removals from API 2.0 itself: the `openvino.runtime` namespace and smaller spellings."""
PREFIX = "OV6"
TITLE = "later removals (openvino.runtime, ...)"
