mo --input_model "$OVLINT_RUNTIME_DATA/convolution.onnx" \
   --compress_to_fp16=False \
   --output_dir "$1" --model_name net
