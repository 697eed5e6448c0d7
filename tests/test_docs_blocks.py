"""Code blocks of Markdown and reStructuredText files are linted as their language; prose, quotes,
changelogs and blocks of other languages stay silent, and fixes stay inside the block."""
import json

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
    ovlint("check", "--no-cache", "--target-version", "2026.4", "--fix")
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
