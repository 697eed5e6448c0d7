"""Mean and scale values and a color format as API 1.0 preprocessing: `preprocess_info.init(3)`,
`preprocess_info[c].mean_value` / `.std_scale` per channel, `mean_variant =
MeanVariant.MEAN_VALUE`, `get_number_of_channels()`, and `color_format = ColorFormat.RGB` (the
plugin reverses the channels into the network's BGR); the result is compared with the same
normalisation done in numpy on an unprocessed network."""
import json
import os

import numpy as np
from openvino.inference_engine import ColorFormat, IECore, MeanVariant

DATA = os.environ["OVLINT_RUNTIME_DATA"]
MEAN = (0.5, 1.0, 1.5)
SCALE = (2.0, 4.0, 8.0)


def normalized_network(ie, color_format=None):
    net = ie.read_network(os.path.join(DATA, "classifier.xml"), os.path.join(DATA, "classifier.bin"))
    preprocess = net.input_info["data"].preprocess_info
    preprocess.init(len(MEAN))
    for channel, (mean, scale) in enumerate(zip(MEAN, SCALE)):
        preprocess[channel].mean_value = mean
        preprocess[channel].std_scale = scale
    preprocess.mean_variant = MeanVariant.MEAN_VALUE
    if color_format is not None:
        preprocess.color_format = color_format
    return net


def main():
    ie = IECore()
    ie.set_config({"INFERENCE_PRECISION_HINT": "f32"}, "CPU")
    frame = (np.arange(3 * 8 * 8).reshape(1, 3, 8, 8) % 9).astype(np.float32)
    plain = ie.load_network(ie.read_network(os.path.join(DATA, "classifier.xml")), "CPU")
    net = normalized_network(ie)
    channels = net.input_info["data"].preprocess_info.get_number_of_channels()
    normalized = ie.load_network(net, "CPU")
    rgb = ie.load_network(normalized_network(ie, ColorFormat.RGB), "CPU")
    by_hand = (frame - np.array(MEAN, np.float32).reshape(1, 3, 1, 1)) / np.array(SCALE, np.float32).reshape(1, 3, 1, 1)
    print(json.dumps({
        "channels": channels,
        "plain": plain.infer({"data": frame})["prob"].round(5).tolist(),
        "normalized": normalized.infer({"data": frame})["prob"].round(5).tolist(),
        "by_hand": plain.infer({"data": by_hand})["prob"].round(5).tolist(),
        "rgb": rgb.infer({"data": frame})["prob"].round(5).tolist(),
    }))


if __name__ == "__main__":
    main()
