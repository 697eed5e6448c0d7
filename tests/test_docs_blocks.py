"""Code blocks of Markdown and reStructuredText files are linted as their language; prose, quotes,
changelogs and blocks of other languages stay silent, and fixes stay inside the block."""
import json
import re

from conftest import write

README = """\
# Demo

Install with `pip install openvino-dev` (prose stays silent).

```sh
pip install openvino-dev==2023.3.0
```

- In a list:

  ```python
  import subprocess
  subprocess.run(["mo", "--input_model", "m.onnx"])
  ```

```console
$ omz_downloader --name resnet-50-tf
mo --input_model x.onnx
```

> ```sh
> pip install openvino-dev
> ```

```python
>>> from openvino.inference_engine import IECore
```

```text
mo --input_model m.onnx
```
"""


def findings(ovlint):
    code, out, _ = ovlint("check", "--no-cache", "--target-version", "2026.4", "--output-format", "json")
    return [(d["filename"], d["code"], d["location"]["row"], d["location"]["column"]) for d in json.loads(out)]


def test_markdown_blocks_are_linted_at_their_place_in_the_file(ovlint, tmp_path):
    write(tmp_path / "README.md", README)
    assert findings(ovlint) == [("README.md", "OV401", 6, 13), ("README.md", "OV201", 13, 20),
                                ("README.md", "OV402", 17, 3)]


def test_fixes_edit_the_block_only_and_keep_its_indentation(ovlint, tmp_path):
    write(tmp_path / "README.md", README)
    ovlint("check", "--no-cache", "--target-version", "2026.4", "--fix", "--unsafe-fixes")
    fixed = (tmp_path / "README.md").read_text()
    assert fixed == README.replace("pip install openvino-dev==2023.3.0", "pip install openvino==2023.3.0").replace(
        '  subprocess.run(["mo", "--input_model", "m.onnx"])', '  subprocess.run(["ovc", "m.onnx"])')


def test_restructuredtext_code_blocks(ovlint, tmp_path):
    write(tmp_path / "guide.rst", "Guide\n=====\n\n.. code-block:: bash\n   :caption: convert\n\n"
                                  "   mo --input_model model.onnx\n\nText: mo --input_model x.onnx\n")
    assert findings(ovlint) == [("guide.rst", "OV201", 7, 4)]
    ovlint("check", "--no-cache", "--target-version", "2026.4", "--fix")
    assert "\n   ovc model.onnx\n\nText: mo --input_model x.onnx\n" in (tmp_path / "guide.rst").read_text()


def test_changelogs_stay_silent(ovlint, tmp_path):
    write(tmp_path / "CHANGELOG.md", README)
    write(tmp_path / "docs" / "release-notes.rst", ".. code-block:: sh\n\n   mo --input_model m.onnx\n")
    assert findings(ovlint) == []


def test_links_to_the_notebooks_main_branch_and_deprecated_notebooks_in_prose_cells_and_code(ovlint, tmp_path):
    write(tmp_path / "docs/index.rst", "Start with `hello <https://github.com/openvinotoolkit/openvino_notebooks/"
          "tree/main/notebooks/001-hello-world>`__.\n\n"
          ".. note https://github.com/openvinotoolkit/openvino_notebooks/tree/main (a comment)\n")
    write(tmp_path / "README.md", "Try [OCR](https://github.com/openvinotoolkit/openvino_notebooks/blob/main/"
          "notebooks/209-handwritten-ocr/209-handwritten-ocr.ipynb) on\n[Colab](https://colab.research.google.com/"
          "github/openvinotoolkit/openvino_notebooks/blob/latest/notebooks/hello-world/hello-world.ipynb).\n\n"
          "```sh\ngit clone -b main https://github.com/openvinotoolkit/openvino_notebooks.git\n```\n")
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["Based on the [DeepFloyd IF notebook]"
                                                               "(https://github.com/openvinotoolkit/openvino_notebooks"
                                                               "/tree/latest/notebooks/deepfloyd-if)."]},
             {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
              "source": ["import urllib.request\n",
                         "urllib.request.urlretrieve('https://raw.githubusercontent.com/openvinotoolkit/"
                         "openvino_notebooks/main/notebooks/utils/notebook_utils.py', 'notebook_utils.py')\n"]}]
    write(tmp_path / "demo.ipynb", json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    write(tmp_path / "Dockerfile", "FROM python:3.8\nRUN git clone https://github.com/huggingface/transformers && "
          "cd transformers && git apply /nncf/third_party_integration/huggingface_transformers/"
          "0001-Modifications-for-NNCF-usage.patch\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert sorted(" ".join(m) for m in re.findall(r"(?m)^(.*?): (OV5\d\d) ", out)) == [
        "Dockerfile:2:91 OV514", "README.md:1:11 OV512", "README.md:5:14 OV513", "demo.ipynb:cell 1:1:38 OV512",
        "demo.ipynb:cell 2:2:29 OV512", "docs/index.rst:1:20 OV512"]
    assert "the `handwritten-ocr` notebook (Handwritten OCR) is deprecated since 2024.1" in out
    assert "`deepfloyd-if` notebook" in out and "latest/utils/notebook_utils.py" in out
    ovlint("--no-cache", "--fix", "--unsafe-fixes")
    assert "git clone -b latest https://github.com/openvinotoolkit/openvino_notebooks.git" in \
        (tmp_path / "README.md").read_text()


def test_a_block_without_a_language_is_a_console_session_when_it_starts_with_a_prompt(ovlint, tmp_path):
    write(tmp_path / "README.md", "```\n$ pip install openvino-dev\n(output) mo --input_model x\n```\n\n"
          "```\nomz_downloader --all\n$ mo --input_model x\n```\n")
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert [" ".join(m) for m in re.findall(r"(?m)^(.*?): (OV\d+) ", out)] == ["README.md:2:15 OV401"]


def test_a_shell_block_written_as_a_session_is_read_as_one(ovlint, tmp_path):
    write(tmp_path / "README.md", "```bash\n$ mo --input_model m.onnx\nConverted.\n```\n")
    assert findings(ovlint) == [("README.md", "OV201", 2, 3)]
    ovlint("check", "--no-cache", "--target-version", "2026.4", "--fix")
    assert (tmp_path / "README.md").read_text() == "```bash\n$ ovc m.onnx\nConverted.\n```\n"


def test_a_session_line_continued_after_the_second_prompt_is_one_command(ovlint, tmp_path):
    """`$ mo ... \\` then `>    --output_dir ir`: the `> ` is the shell's prompt, not part of the command."""
    write(tmp_path / "README.md", "```console\n$ mo --input_model m.onnx \\\n>    --output_dir ir\n```\n")
    ovlint("check", "--no-cache", "--target-version", "2026.4", "--fix")
    assert (tmp_path / "README.md").read_text() == "```console\n$ ovc m.onnx \\\n>    --output_model ir/\n```\n"
