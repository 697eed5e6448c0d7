"""OV1xx: API 1.0 (`openvino.inference_engine`), nGraph, and their C, C++ and CMake spellings."""
PREFIX = "OV1"
TITLE = "API 1.0 and nGraph"
