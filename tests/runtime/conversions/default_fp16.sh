# mo compressed weights to FP16 by default since 2023.1, as ovc does
mo --input_model "$OVLINT_RUNTIME_DATA/convolution.onnx" --output_dir "$1"
