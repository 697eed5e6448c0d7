"""Fixes never lose data: encodings, BOM, line endings, modes and untouched bytes survive, and a
file that cannot be written is left whole."""
import os
import stat

import pytest

from conftest import write

LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_and_untouched_bytes(ovlint, tmp_path, newline):
    body = "# -*- keep -*-   \t\nfrom openvino.inference_engine import IECore\n\n\nie = IECore()  # trailing  \nx = 1"
    write(tmp_path / "a.py", body.replace("\n", newline).encode(), mode="wb")
    ovlint("--fix", "--no-cache")
    expected = body.replace("from openvino.inference_engine import IECore", "import openvino as ov")
    expected = expected.replace("IECore()", "ov.Core()")
    assert (tmp_path / "a.py").read_bytes() == expected.replace("\n", newline).encode()


def test_bom_and_latin1_cookie(ovlint, tmp_path):
    write(tmp_path / "bom.py", b"\xef\xbb\xbf" + LEGACY.encode() + "s = 'é'\n".encode(), mode="wb")
    latin = "# -*- coding: latin-1 -*-\n" + LEGACY + "s = 'é'\n"
    write(tmp_path / "latin.py", latin.encode("latin-1"), mode="wb")
    assert ovlint("--fix", "--no-cache")[0] == 0
    assert (tmp_path / "bom.py").read_bytes() == b"\xef\xbb\xbfimport openvino as ov\n\nie = ov.Core()\ns = '\xc3\xa9'\n"
    assert (tmp_path / "latin.py").read_bytes() == (
        "# -*- coding: latin-1 -*-\nimport openvino as ov\n\nie = ov.Core()\ns = 'é'\n").encode("latin-1")


def test_sources_in_a_local_encoding_are_read_and_fixed_byte_for_byte(ovlint, tmp_path):
    """C++, CMake and shell files in GBK or Shift JIS (not UTF-8) are read a byte a character: their
    findings are reported on the right lines, and a fix keeps every byte it does not rewrite."""
    cmake = "# 推理引擎\nfind_package(InferenceEngine REQUIRED)  # 中文注释\n".encode("gbk")
    script = "# 表 モデル変換\nmo --input_model m.onnx\n".encode("shift_jis")  # 表 ends in a backslash byte
    cpp = "// 中文\n#include <inference_engine.hpp>\nInferenceEngine::Core ie; const char* s = \"表\";\n".encode("gbk")
    readme = "# 说明\n\n```bash\nsource /opt/intel/openvino/bin/setupvars.sh\n```\n".encode("gbk")
    write(tmp_path / "CMakeLists.txt", cmake, mode="wb")
    write(tmp_path / "convert.sh", script, mode="wb")
    write(tmp_path / "main.cpp", cpp, mode="wb")
    write(tmp_path / "README.md", readme, mode="wb")
    code, out, _ = ovlint("--output-format", "concise", "--no-cache", ".")
    assert "OV003" not in out and "README.md:4:8: OV508" in out
    assert "CMakeLists.txt:2:1: OV114" in out and "convert.sh:2:1: OV201" in out and "main.cpp:2:11: OV110" in out
    ovlint("--fix", "--unsafe-fixes", "--no-cache", ".")
    assert (tmp_path / "CMakeLists.txt").read_bytes() == cmake.replace(
        b"find_package(InferenceEngine REQUIRED)", b"find_package(OpenVINO REQUIRED COMPONENTS Runtime)")
    fixed = (tmp_path / "convert.sh").read_bytes()
    assert fixed.startswith("# 表 モデル変換\n".encode("shift_jis")) and b"ovc m.onnx" in fixed
    assert (tmp_path / "main.cpp").read_bytes() == cpp  # reported, not rewritten while `InferenceEngine::` stays
    before = {name: (tmp_path / name).read_bytes() for name in ("CMakeLists.txt", "convert.sh", "main.cpp")}
    ovlint("--fix", "--unsafe-fixes", "--no-cache", ".")
    assert {name: (tmp_path / name).read_bytes() for name in before} == before


def test_a_local_encoding_whose_backslash_bytes_could_escape_is_not_read_byte_for_byte(ovlint, tmp_path):
    """In Shift JIS `ソ` is 0x83 0x5C: read byte for byte, its backslash would escape the closing
    quote, and the code after it would be taken for a string (or a string for code)."""
    source = 'const char* s = "ソ";\n#include <ngraph/ngraph.hpp>\n'.encode("shift_jis")
    write(tmp_path / "main.cpp", source, mode="wb")
    code, out, _ = ovlint("--fix", "--output-format", "concise", "--no-cache", ".")
    assert "main.cpp:1:1: OV003" in out and "may end a character (GBK, Shift JIS)" in out
    assert (tmp_path / "main.cpp").read_bytes() == source


def test_permissions_are_kept(ovlint, tmp_path):
    path = write(tmp_path / "tool.py", LEGACY)
    os.chmod(path, 0o751)
    ovlint("--fix", "--no-cache")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751


def test_read_only_file_is_left_whole(ovlint, tmp_path, monkeypatch):
    # os.access is what the writer asks; faking it makes the test hold when run as root too
    path = write(tmp_path / "ro.py", LEGACY)
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert path.read_text() == LEGACY
    assert "ro.py:1:1: OV003" in out and "read-only" in out and code == 1


def test_failed_write_leaves_original_and_no_temp_file(ovlint, tmp_path, monkeypatch):
    path = write(tmp_path / "a.py", LEGACY)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, out, _ = ovlint("--fix", "--no-cache", "--output-format", "concise")
    assert path.read_text() == LEGACY
    assert "No space left on device" in out and "a.py" in out
    assert sorted(os.listdir(tmp_path)) == ["a.py"]


def test_fix_that_breaks_syntax_is_not_written(tmp_path):
    from ovlint.base.diagnostics import Edit
    from ovlint.engine.fixer import fix_text
    from ovlint.rulekit.rule import PythonRule
    from ovlint.base.text import SourceText
    from ovlint.surfaces import named

    class Breaker(PythonRule):
        code, name, summary, rationale, needles = "OV997", "breaker", "breaks", "test", ("x",)

        def visit_Name(self, node):
            if node.value == "x":
                self.report(node, fix=self.make_fix(Edit(*self.ctx.span(node), "x +"), "break"))

    text = "x = 1\n"
    outcome = fix_text("a.py", named("python"), text, [Breaker], "2026.4", False, SourceText(text).encode)
    assert outcome.text == text
    assert [d.code for d in outcome.diagnostics] == ["OV997", "OV002"]


def test_fix_that_this_python_does_not_compile_is_not_written(tmp_path):
    """LibCST reads Python 3.12's f-strings, which reuse their quote inside a field: a module this
    Python compiled must compile once fixed, or the fix is not written."""
    from ovlint.base.diagnostics import Edit
    from ovlint.base.text import SourceText
    from ovlint.engine.fixer import fix_text
    from ovlint.rulekit.rule import PythonRule
    from ovlint.surfaces import named
    from ovlint.surfaces.python import compiles

    written = 'x = f"{a["b"]}"'

    class Rewriter(PythonRule):
        code, name, summary, rationale, needles = "OV997", "rewriter", "rewrites", "test", ("x",)

        def visit_Assign(self, node):
            self.report(node, fix=self.make_fix(Edit(*self.ctx.span(node), written), "rewrite"))

    text = "x = 1\n"
    outcome = fix_text("a.py", named("python"), text, [Rewriter], "2026.4", False, SourceText(text).encode)
    if compiles(written):  # Python 3.12 and later
        assert outcome.text == written + "\n"
    else:
        assert outcome.text == text
        assert [d.code for d in outcome.diagnostics] == ["OV997", "OV002"]
        assert "does not compile with Python" in outcome.diagnostics[1].message


def test_notebook_json_formatting_is_kept(ovlint, tmp_path):
    source = ('{\n "cells": [\n  {\n   "cell_type": "code",\n   "execution_count": 1,\n   "metadata": {},\n'
              '   "outputs": [{"name": "stdout", "output_type": "stream", "text": ["ok\\n"]}],\n'
              '   "source": [\n    "from openvino.inference_engine import IECore\\n",\n    "ie = IECore()"\n   ]\n'
              '  }\n ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')
    write(tmp_path / "n.ipynb", source)
    code, out, _ = ovlint("--fix", "--no-cache")
    assert code == 0
    assert (tmp_path / "n.ipynb").read_text() == source.replace(
        '"from openvino.inference_engine import IECore\\n",\n    "ie = IECore()"',
        '"import openvino as ov\\n",\n    "ie = ov.Core()"')
