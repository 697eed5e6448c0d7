"""OpenVINO GenAI's C++ streamer changes: `StreamerBase::put` became `write`, and
`ChunkStreamerBase` went away."""
from __future__ import annotations

from ovlint.rulekit.rule import Example, NativeRule, Valid
from ovlint.rules._deprecations import DEPRECATIONS
from ovlint.rules._native import followed_by, names, span

PUT, CHUNKS = DEPRECATIONS["genai-streamer-put"], DEPRECATIONS["genai-chunk-streamer-base"]
WRITE = ("override `StreamingStatus write(int64_t token)` (and, for several tokens at once, "
         "`write(const std::vector<int64_t>& tokens)`); return `ov::genai::StreamingStatus::RUNNING`, "
         "or `STOP` where `put` returned true")


class StreamerCpp(NativeRule):
    code = "OV703"
    name = "genai-cpp-streamer"
    summary = f"The GenAI streamer's `put` and `ChunkStreamerBase` were removed in OpenVINO GenAI {PUT.removed}"
    rationale = (
        f"`ov::genai::StreamerBase::put(int64_t) -> bool` (true stops generating) gave way in {PUT.deprecated} to "
        f"`write`, which returns `ov::genai::StreamingStatus`; {PUT.removed} removed `put`, so an override of it no "
        "longer compiles. `ChunkStreamerBase` (`put_chunk`) was removed in the same release: derive from "
        "`StreamerBase` and override the `write` that takes a vector of tokens."
    )
    deprecation = PUT
    needles = ("StreamerBase",)
    examples = (
        Example("#include <openvino/genai/llm_pipeline.hpp>\n\nclass Printer : public ov::genai::StreamerBase {\n"
                "    bool put(int64_t token) override { return false; }\n    void end() override {}\n};\n",
                filename="streamer.cpp",
                message=("`StreamerBase::put` was removed in OpenVINO GenAI 2026.0: override "
                         "`StreamingStatus write(int64_t token)` (and, for several tokens at once, "
                         "`write(const std::vector<int64_t>& tokens)`); return "
                         "`ov::genai::StreamingStatus::RUNNING`, or `STOP` where `put` returned true")),
        Example("class Chunks : public ov::genai::ChunkStreamerBase {};\n", filename="streamer.hpp",
                message=("`ChunkStreamerBase` was removed in OpenVINO GenAI 2026.0: derive from "
                         "`ov::genai::StreamerBase` and override `StreamingStatus write(int64_t token)` "
                         "(and, for several tokens at once, `write(const std::vector<int64_t>& tokens)`); "
                         "return `ov::genai::StreamingStatus::RUNNING`, or `STOP` where `put` returned true")),
    )
    valid = (Valid("#include <openvino/genai/llm_pipeline.hpp>\n\nclass Printer : public ov::genai::StreamerBase {\n"
                   "    ov::genai::StreamingStatus write(int64_t token) override {\n"
                   "        return ov::genai::StreamingStatus::RUNNING;\n    }\n    void end() override {}\n};\n"
                   "bool put(Queue& q, int item);\n",
                   filename="streamer.cpp"),)

    def check_native(self, unit) -> None:
        streamer = False
        for first, parts, past in names(unit):
            if parts[-1] == "ChunkStreamerBase":
                self.report(span(unit, first, past), f"`ChunkStreamerBase` was removed in OpenVINO GenAI "
                                                     f"{CHUNKS.removed}: derive from `ov::genai::StreamerBase` and {WRITE}",
                            deprecation=CHUNKS)
            streamer = streamer or parts[-1] == "StreamerBase"
        if not streamer:
            return
        code = unit.code
        streamers = set()  # classes whose head names a streamer base
        blocks = []  # for each open `{`, the class it is the body of, or None
        head = None  # the words of a class head being read: its name first
        for index, token in enumerate(code):
            text = token.text
            if text in ("class", "struct") and index + 1 < len(code) and code[index + 1].kind == "ident":
                head = [code[index + 1].text]
            elif text == ";":
                head = None
            elif text == "{":
                if head and ("StreamerBase" in head or "ChunkStreamerBase" in head):
                    streamers.add(head[0])
                blocks.append(head[0] if head else None)
                head = None
            elif text == "}":
                if blocks:
                    blocks.pop()
            elif head is not None:
                head.append(text)
            elif text == "put" and followed_by(unit, index + 1, "(") and self._overrides_put(code, index, streamers,
                                                                                             blocks):
                self.report((token.start, token.end), f"`StreamerBase::put` was removed in OpenVINO GenAI {PUT.removed}: {WRITE}")

    @staticmethod
    def _overrides_put(code, index: int, streamers: set, blocks: list) -> bool:
        """`bool put(` in the body of a streamer class, or `bool Printer::put(` for such a class."""
        before = index - 1
        if before >= 2 and code[before].text == "::":
            owner = code[before - 1].text
            before -= 2
        else:
            owner = next((block for block in reversed(blocks) if block), None)
        return before >= 0 and owner in streamers and code[before].text == "bool"
