"""The op functions of nGraph's Python API of 2023.3 (checked against the wheels of 2023.3 and
2026.4.1, see inventory/)."""

# the op functions at the top level of `ngraph`, by the opset that defines them: `ng.softmax` is
# opset8's (axis may be negative), `ng.relu` opset1's. `openvino.opsetN` has each under the same
# name and arguments (later releases add a trailing `name=` to some).
_OPS = {
    "opset1": "abs absolute acos add asin atan avg_pool binary_convolution ceil ceiling clamp concat constant convert "
              "convert_like convolution convolution_backprop_data cos cosh ctc_greedy_decoder "
              "deformable_psroi_pooling depth_to_space divide elu equal erf exp fake_quantize floor floor_mod "
              "gather_tree greater greater_equal grn group_convolution group_convolution_backprop_data hard_sigmoid "
              "less less_equal log logical_and logical_not logical_or logical_xor lrn matmul maximum minimum mod "
              "multiply negative normalize_l2 not_equal one_hot pad parameter power prelu prior_box_clustered "
              "psroi_pooling range reduce_logical_and reduce_logical_or reduce_max reduce_mean reduce_min "
              "reduce_prod reduce_sum region_yolo relu reshape result reverse_sequence select selu sigmoid sign sin "
              "sinh space_to_depth split sqrt squared_difference squeeze strided_slice subtract tan tanh "
              "tensor_iterator tile transpose unsqueeze variadic_split",
    "opset2": "batch_to_space reorg_yolo roi_pooling space_to_batch",
    "opset3": "assign broadcast bucketize cum_sum cumsum embedding_bag_offsets_sum embedding_bag_packed_sum "
              "embedding_segments_sum extract_image_patches gru_cell non_zero read_value rnn_cell "
              "scatter_elements_update scatter_update shape_of shuffle_channels",
    "opset4": "acosh asinh atanh ctc_loss hswish lstm_cell mish proposal reduce_l1 reduce_l2 softplus swish",
    "opset5": "batch_norm_inference gru_sequence hsigmoid log_softmax loop lstm_sequence rnn_sequence round",
    "opset6": "ctc_greedy_decoder_seq_len gather_elements mvn",
    "opset7": "dft einsum gelu idft roll",
    "opset8": "adaptive_avg_pool adaptive_max_pool deformable_convolution detection_output gather gather_nd "
              "i420_to_bgr i420_to_rgb if_op matrix_nms max_pool nv12_to_bgr nv12_to_rgb prior_box random_uniform "
              "slice softmax",
    "opset9": "eye generate_proposals grid_sample irdft multiclass_nms non_max_suppression rdft roi_align softsign",
    "opset10": "is_finite is_inf is_nan unique",
    "opset11": "interpolate topk",
}
OPS = {op: opset for opset, ops in _OPS.items() for op in ops.split()}
