"""Which generation configs ask for assisted (speculative) decoding, under OpenVINO GenAI 2024.6."""
import json
import openvino_genai

plain = openvino_genai.GenerationConfig()
plain.max_new_tokens = 8
assisted = openvino_genai.GenerationConfig()
assisted.num_assistant_tokens = 5
threshold = openvino_genai.GenerationConfig()
threshold.assistant_confidence_threshold = 0.4
print(json.dumps([config.is_speculative_decoding() for config in (plain, assisted, threshold)]))
