"""A streamer written for OpenVINO GenAI 2024.6 (`put` returns True to stop), driven the way each
release's pipeline drives a streamer: `put` per token id before 2025.1, then `write` with a token
id or a list of them. Prints the tokens each streamer saw. (No model runs here: the pipeline is
emulated, the streamer class and `StreamerBase` are real.)"""
import json

import openvino_genai as ov_genai


class Collector(ov_genai.StreamerBase):
    def __init__(self, limit):
        super().__init__()
        self.tokens = []
        self.limit = limit

    def put(self, token_id):
        self.tokens.append(token_id)
        return len(self.tokens) >= self.limit

    def end(self):
        self.tokens.append("end")


def generate(streamer, chunks):
    for chunk in chunks:
        if hasattr(ov_genai, "StreamingStatus"):
            if streamer.write(chunk) != ov_genai.StreamingStatus.RUNNING:
                break
        elif any(streamer.put(token) for token in (chunk if isinstance(chunk, list) else [chunk])):
            break
    streamer.end()


seen = []
for limit in (2, 4, 10):
    streamer = Collector(limit)
    generate(streamer, [11, [12, 13], 14, [15, 16, 17]])
    seen.append(streamer.tokens)
print(json.dumps(seen))
