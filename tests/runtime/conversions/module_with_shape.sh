python -m openvino.tools.mo --input_model "$OVLINT_RUNTIME_DATA/convolution.onnx" --input_shape [1,3,8,8] \
    --framework onnx --output_dir "$1/"
