#!/bin/sh
# Convert the ONNX model to OpenVINO IR with the legacy Model Optimizer.
set -e
mo --input_model model.onnx --output_dir ir --data_type FP16
