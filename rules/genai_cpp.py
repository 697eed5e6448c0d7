"""OpenVINO GenAI's C++ streamer changes: `StreamerBase::put` became `write`, and
`ChunkStreamerBase` went away."""
from __future__ import annotations

from ovlint.rule import Example, NativeRule, Valid
from ovlint.rules._native import followed_by, names, native, span

WRITE = ("override `StreamingStatus write(int64_t token)` (and, for several tokens at once, "
         "`write(const std::vector<int64_t>& tokens)`); return `ov::genai::StreamingStatus::RUNNING`, "
         "or `STOP` where `put` returned true")


class StreamerCpp(NativeRule):
    code = "OV703"
    name = "genai-cpp-streamer"
    summary = "The GenAI streamer's `put` and `ChunkStreamerBase` were removed in OpenVINO GenAI 2026.0"
    rationale = (
        "`ov::genai::StreamerBase::put(int64_t) -> bool` (true stops generating) gave way in 2025.1 to "
        "`write`, which returns `ov::genai::StreamingStatus`; 2026.0 removed `put`, so an override of it no "
        "longer compiles. `ChunkStreamerBase` (`put_chunk`) was removed in the same release: derive from "
        "`StreamerBase` and override the `write` that takes a vector of tokens."
    )
    deprecated_in = "2025.1"
    removed_in = "2026.0"
    needles = ("StreamerBase",)
    examples = (
        Example("#include <openvino/genai/llm_pipeline.hpp>\n\nclass Printer : public ov::genai::StreamerBase {\n"
                "    bool put(int64_t token) override { return false; }\n    void end() override {}\n};\n",
                filename="streamer.cpp"),
        Example("class Chunks : public ov::genai::ChunkStreamerBase {};\n", filename="streamer.hpp"),
    )
    valid = (Valid("#include <openvino/genai/llm_pipeline.hpp>\n\nclass Printer : public ov::genai::StreamerBase {\n"
                   "    ov::genai::StreamingStatus write(int64_t token) override {\n"
                   "        return ov::genai::StreamingStatus::RUNNING;\n    }\n    void end() override {}\n};\n"
                   "bool put(Queue& q, int item);\n",
                   filename="streamer.cpp"),)

    def check_native(self, source) -> None:
        unit = native(self.ctx)
        streamer = False
        for first, parts, past in names(unit):
            if parts[-1] == "ChunkStreamerBase":
                self.report(span(unit, first, past), f"`ChunkStreamerBase` was removed in OpenVINO GenAI 2026.0: "
                                                     f"derive from `ov::genai::StreamerBase` and {WRITE}")
            streamer = streamer or parts[-1] == "StreamerBase"
        if not streamer:
            return
        classes = self._streamer_classes(unit)
        for index, token in enumerate(unit.code):
            # `bool put(` in a streamer class, or `bool Printer::put(` for such a class
            if token.text != "put" or not followed_by(unit, index + 1, "(") or index < 1:
                continue
            before = index - 1
            if unit.code[before].text == "::" and before >= 2:
                inside = unit.code[before - 1].text in classes
                before -= 2
            else:
                inside = self._enclosing_class(unit, index) in classes
            if inside and unit.code[before].text == "bool":
                self.report((token.start, token.end), f"`StreamerBase::put` was removed in OpenVINO GenAI 2026.0: {WRITE}")

    @staticmethod
    def _streamer_classes(unit) -> set:
        """The names of the classes whose head (`class X : public ...StreamerBase {`) names a streamer base."""
        found = set()
        for i, token in enumerate(unit.code):
            if token.text in ("class", "struct") and i + 1 < len(unit.code) and unit.code[i + 1].kind == "ident":
                head = []
                for later in unit.code[i + 2:]:
                    if later.text in ("{", ";"):
                        break
                    head.append(later.text)
                if "StreamerBase" in head or "ChunkStreamerBase" in head:
                    found.add(unit.code[i + 1].text)
        return found

    @staticmethod
    def _enclosing_class(unit, index: int):
        """The name of the class whose body holds code token `index`, if any."""
        depth = 0
        for i in range(index - 1, -1, -1):
            text = unit.code[i].text
            if text == "}":
                depth += 1
            elif text == "{":
                if depth:
                    depth -= 1
                    continue
                for j in range(i - 1, -1, -1):  # the head of this block
                    if unit.code[j].text in (";", "{", "}"):
                        break
                    if unit.code[j].text in ("class", "struct") and j + 1 < i and unit.code[j + 1].kind == "ident":
                        return unit.code[j + 1].text
        return None
