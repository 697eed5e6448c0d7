"""Link commands (shell, Makefiles, Dockerfiles, CI) that name the 2021 libraries: `-linference_engine`,
`-lngraph`, `.../libinference_engine.so`."""
from __future__ import annotations

import os
import re

from ovlint.rulekit.rule import CommandRule, Example, Valid
from ovlint.rules.api10._libraries import LIBRARIES, LIBRARIES_2021, library_file, message

FLAG = re.compile(r"^-l(" + "|".join(LIBRARIES) + r")$")
# compilers and linkers, which read a separate `-l NAME`
COMPILER = re.compile(r"^(?:[\w.+-]*-)?(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|ld|icc|icpc|icx|icpx)(?:-[\d.]+)?$"
                      r"|^\$[({](?:CC|CXX|LD)[)}]$")


def _libraries(pieces: list[tuple[str, tuple[int, int]]], compiler: bool):
    """(spelling, library, span) of each 2021 library named by the pieces of a command, each piece
    a (text, span of the word holding it)."""
    for i, (piece, span) in enumerate(pieces):
        flag = FLAG.match(piece)
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        if flag:
            yield piece, flag.group(1), span
        elif piece == "-l" and compiler and following is not None and following[0] in LIBRARIES:
            yield f"-l {following[0]}", following[0], (span[0], following[1][1])
        elif library_file(piece):
            yield piece, library_file(piece), span


class LegacyLinkFlag(CommandRule):
    code = "OV116"
    name = "legacy-link-flag"
    summary = f"A library of the 2021 layout, gone since OpenVINO {LIBRARIES_2021.removed}"
    rationale = (
        f"OpenVINO {LIBRARIES_2021.removed} replaced the core libraries `inference_engine`, `ngraph`, "
        "`inference_engine_transformations` and `inference_engine_lp_transformations` (and "
        "`inference_engine_legacy`) with one `openvino` library, and the C API's `inference_engine_c_api` "
        "with `openvino_c`; headers moved to `runtime/include` and libraries to `runtime/lib/intel64`. A "
        "build that links with `-linference_engine -lngraph`, or names `libinference_engine.so`, no longer "
        "links. The flags are found in compiler and linker commands, in Makefile recipes (also through "
        "`$(LDLIBS)`-style variables the Makefile sets), Dockerfiles and CI steps. They are reported, not "
        "rewritten: the include and library directories change with them, and `-lopenvino` links only code "
        "written for API 2.0 once API 1.0 is gone (OV111 finds that code)."
    )
    deprecation = LIBRARIES_2021
    needles = tuple(LIBRARIES)
    examples = (
        Example("g++ main.cpp -I$IE/include -L$IE/lib/intel64 -linference_engine -lngraph -o classify\n",
                filename="build.sh",
                message=("`-linference_engine` is a library of the 2021 layout, gone since 2022.1 (one `openvino` "
                         "library replaced `inference_engine`, `ngraph` and the transformations libraries): link "
                         "`-lopenvino`, with headers from `<install>/runtime/include` and libraries from "
                         "`<install>/runtime/lib/intel64`",
                         "`-lngraph` is a library of the 2021 layout, gone since 2022.1 (one `openvino` library "
                         "replaced `inference_engine`, `ngraph` and the transformations libraries): link "
                         "`-lopenvino`, with headers from `<install>/runtime/include` and libraries from "
                         "`<install>/runtime/lib/intel64`")),
        Example("LDLIBS := -L$(IE_DIR)/lib -linference_engine_c_api\n"
                "detect: detect.c\n\t$(CC) $< -o $@ $(LDLIBS)\n", filename="Makefile",
                message=("`-linference_engine_c_api` is a library of the 2021 layout, gone since 2022.1 (one "
                         "`openvino` library replaced `inference_engine`, `ngraph` and the transformations "
                         "libraries): link `-lopenvino_c`, with headers from `<install>/runtime/include` and "
                         "libraries from `<install>/runtime/lib/intel64` (through `$(LDLIBS)`)")),
        Example("RUN cp /opt/intel/openvino/lib/libinference_engine.so /app/lib/\n", filename="Dockerfile",
                message=("`/opt/intel/openvino/lib/libinference_engine.so` is a library of the 2021 layout, gone "
                         "since 2022.1 (one `openvino` library replaced `inference_engine`, `ngraph` and the "
                         "transformations libraries): link `-lopenvino`, with headers from "
                         "`<install>/runtime/include` and libraries from `<install>/runtime/lib/intel64`")),
    )
    valid = (
        Valid("g++ main.cpp -lopenvino -o app\ngrep -l ngraph *.cpp\npip install ngraph-core\n"
              "echo inference_engine\n", filename="build.sh"),
    )

    def check_command(self, command) -> None:
        compiler = bool(command.argv) and bool(COMPILER.match(os.path.basename(command.argv[0])))
        words = command.assignments + command.words
        pieces = [(piece, (word.start, word.end)) for word in words for piece in word.value.split()]
        for spelling, library, span in _libraries(pieces, compiler):
            self.report(span, message(spelling, library, cmake=False))
        for word in words:  # a variable the file sets: `$(LDLIBS)`
            if word.resolved is not None and word.resolved != word.value and self.first_use(word):
                held = [(piece, (word.start, word.end)) for piece in word.resolved.split()]
                for spelling, library, span in _libraries(held, compiler):
                    self.report(span, message(spelling, library, cmake=False) + word.through)
