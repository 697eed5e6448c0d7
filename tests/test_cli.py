"""The command line as a user meets it."""
import json
import os

from conftest import write

LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
FIXED = "import openvino as ov\n\nie = ov.Core()\n"


def test_exit_codes_and_fix(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    write(tmp_path / "clean.py", "import os\n")
    code, out, _ = ovlint("check", ".", "--no-cache")
    assert code == 1 and "app.py:1:1: OV101 [*]" in out and "app.py:3:6: OV102 [*]" in out
    assert "[*] 2 fixable with `--fix`." in out
    code, out, _ = ovlint("--fix", "--no-cache")  # `check` and the path are optional
    assert code == 0 and "2 fixed, 0 remaining" in out
    assert (tmp_path / "app.py").read_text() == FIXED
    code, out, _ = ovlint("check", "--fix", "--no-cache")
    assert code == 0 and "All checks passed!" in out
    write(tmp_path / "app.py", LEGACY)
    code, _, _ = ovlint("--fix", "--exit-non-zero-on-fix", "--no-cache")
    assert code == 1
    write(tmp_path / "app.py", LEGACY)
    assert ovlint("--exit-zero", "--no-cache")[0] == 0


def test_diff_writes_nothing(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    code, out, _ = ovlint("check", "--diff", "--no-cache")
    assert code == 1
    assert "-from openvino.inference_engine import IECore\n+import openvino as ov\n" in out
    assert (tmp_path / "app.py").read_text() == LEGACY


def test_select_ignore_and_noqa(ovlint, tmp_path):
    write(tmp_path / "a.py", "from openvino.inference_engine import IECore  # noqa: OV101\n")
    write(tmp_path / "b.py", "from openvino.inference_engine import IECore  # noqa: OV2\n")
    write(tmp_path / "c.py", "# ovlint: noqa\nfrom openvino.inference_engine import IECore\n")
    write(tmp_path / "d.py", "from openvino.inference_engine import IECore  # NOQA\n")
    code, out, _ = ovlint("--output-format", "concise", "--no-cache")
    assert code == 1 and out.splitlines()[0].startswith("b.py:1:1: OV101")
    assert "a.py" not in out and "c.py" not in out and "d.py" not in out
    assert ovlint("--ignore", "OV1", "--no-cache")[0] == 0
    assert ovlint("--select", "OV2,OV101", "--no-cache")[0] == 1
    code, _, err = ovlint("--select", "OV1O1", "--no-cache")
    assert code == 2 and "unknown rule selector 'OV1O1'" in err


def test_json_output(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    code, out, _ = ovlint("--output-format", "json", "--no-cache")
    items = json.loads(out)
    assert code == 1 and [i["code"] for i in items] == ["OV101", "OV102"]
    item = items[0]
    assert item["code"] == "OV101" and item["filename"] == "app.py" and item["cell"] is None
    assert item["location"] == {"row": 1, "column": 1} and item["end_location"] == {"row": 1, "column": 45}
    assert item["fix"]["applicability"] == "safe"
    assert {"content": "ov.Core", "location": {"row": 3, "column": 6}, "end_location": {"row": 3, "column": 12}} \
        in item["fix"]["edits"]
    assert item["url"].endswith("#ov101-inference-engine-import")


def test_statistics_and_show_fixes(ovlint, tmp_path):
    write(tmp_path / "a.py", LEGACY)
    write(tmp_path / "b.py", LEGACY)
    code, out, _ = ovlint("--statistics", "--no-cache", "--quiet")
    assert code == 1 and [line.split() for line in out.splitlines()] == [
        ["2", "OV101", "[*]", "inference-engine-import"], ["2", "OV102", "[*]", "ie-core"]]
    code, out, _ = ovlint("--fix", "--show-fixes", "--no-cache")
    assert "Fixed 2 finding(s) in a.py:" in out and "Fixed 2 finding(s) in b.py:" in out


def test_config_file_and_errors(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\nignore = ['OV1']\n")
    assert ovlint("--no-cache")[0] == 0
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\nselects = ['OV1']\n")
    code, _, err = ovlint("--no-cache")
    assert code == 2 and "unknown key 'selects'" in err and "did you mean 'select'?" in err and "pyproject.toml" in err
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\nunsafe-fixes = 'yes'\n")
    code, _, err = ovlint("--no-cache")
    assert code == 2 and "'unsafe-fixes' must be true or false" in err
    write(tmp_path / "pyproject.toml", "[tool.ovlint\n")
    code, _, err = ovlint("--no-cache")
    assert code == 2 and "invalid TOML" in err
    os.remove(tmp_path / "pyproject.toml")
    code, _, err = ovlint("--target-version", "2030.1", "--no-cache")
    assert code == 2 and "unknown OpenVINO release '2030.1'" in err and "2026.4" in err


def test_closest_config_wins_and_per_file_ignores(ovlint, tmp_path):
    write(tmp_path / ".ovlint.toml", "[per-file-ignores]\n'legacy/*' = ['OV101']\n")
    write(tmp_path / "legacy" / "old.py", LEGACY)
    write(tmp_path / "sub" / "new.py", LEGACY)
    write(tmp_path / "sub" / "ovlint.toml", "ignore = ['OV1']\n")
    write(tmp_path / "other" / "x.py", LEGACY)
    code, out, _ = ovlint("--output-format", "concise", "--no-cache")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines() if "OV101" in line] == ["other/x.py"]


def test_target_version_silences_rules_not_yet_deprecated(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    assert ovlint("--target-version", "2022.3", "--no-cache")[0] == 0
    assert ovlint("--target-version", "2023.0", "--no-cache")[0] == 1


def test_stdin(ovlint):
    code, out, _ = ovlint("-", "--stdin-filename", "x.py", "--output-format", "concise", input=LEGACY)
    assert code == 1 and out.startswith("x.py:1:1: OV101")
    code, out, err = ovlint("check", "--fix", "-", "--stdin-filename", "x.py", input=LEGACY)
    assert code == 0 and out.startswith(FIXED)


def test_bad_input_is_reported_and_other_files_still_linted(ovlint, tmp_path):
    write(tmp_path / "syntax.py", "import openvino.inference_engine\ndef f(:\n")
    write(tmp_path / "binary.py", b"\x00\x01openvino.inference_engine", mode="wb")
    write(tmp_path / "latin.py", b"from openvino.inference_engine import IECore\n# \xe9\n", mode="wb")
    write(tmp_path / "nb.ipynb", '{"cells": "openvino.inference_engine"')
    write(tmp_path / "good.py", LEGACY)
    code, out, err = ovlint("--output-format", "concise", "--no-cache", ".", "missing.py")
    lines = out.splitlines()
    assert code == 1
    assert any(line.startswith("syntax.py:2:7: OV001") and "syntax error at line 2, column 7" in line for line in lines)
    assert any(line.startswith("binary.py:1:1: OV003") and "binary" in line for line in lines)
    assert any(line.startswith("latin.py:1:1: OV003") and "not valid utf-8" in line for line in lines)
    assert any(line.startswith("nb.ipynb:1:1: OV001") and "invalid notebook" in line for line in lines)
    assert any(line.startswith("missing.py:1:1: OV003") and "no such file" in line for line in lines)
    assert any(line.startswith("good.py:1:1: OV101") for line in lines)
    assert "Traceback" not in out + err
    code, out, _ = ovlint("--fix", "--no-cache", "syntax.py")
    assert (tmp_path / "syntax.py").read_text() == "import openvino.inference_engine\ndef f(:\n"


def test_cache_gives_the_same_results_and_notices_changes(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    write(tmp_path / "clean.py", "import os\n")
    first = ovlint("--output-format", "json")
    assert (tmp_path / ".ovlint_cache").is_dir()
    assert ovlint("--output-format", "json") == first
    write(tmp_path / "app.py", "# nothing here any more\n")
    assert ovlint("--output-format", "json")[0] == 0


LOADER = """from openvino.inference_engine import IECore


def load(path):
    net = IECore().read_network(path)
    print(net.input_info["x"].precision)
    return net
"""
MAIN = """from openvino.inference_engine import IECore
from loader import load

exec_net = IECore().load_network(load("m.xml"), "CPU")
print(exec_net.infer({"x": 1}))
"""
MAIN_MIGRATED = """import openvino as ov
from loader import load

compiled = ov.Core().compile_model(load("m.xml"), "CPU")
print(compiled({"x": 1}))
"""
HELD = "imports it and uses API 1.0 attributes"


def test_a_module_held_for_its_importer_is_fixed_in_the_same_run(ovlint, tmp_path):
    """`loader` waits while `main` reads its network as API 1.0; `main`'s own fix ends that, so
    one run fixes both (a program half migrated would fail on every release), and --diff shows it."""
    write(tmp_path / "loader.py", LOADER)
    write(tmp_path / "main.py", MAIN)
    code, out, _ = ovlint("--no-cache", "--output-format", "concise")
    assert code == 1 and any(line.startswith("loader.py:4:5: OV101") and HELD in line for line in out.splitlines())
    code, diff, _ = ovlint("--no-cache", "--diff", "--unsafe-fixes")
    assert "--- loader.py" in diff and "--- main.py" in diff and "+    net = ov.Core().read_model(path)" in diff
    code, out, err = ovlint("--no-cache", "--fix", "--unsafe-fixes")
    assert code == 0, out + err
    fixed = {name: (tmp_path / name).read_text() for name in ("loader.py", "main.py")}
    assert "ov.Core().read_model(path)" in fixed["loader.py"] and "compile_model" in fixed["main.py"]
    assert all("inference_engine" not in text for text in fixed.values())
    # --diff showed what --fix wrote
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert all(any(line in text for text in fixed.values()) for line in added)
    assert ovlint("--no-cache", "--fix", "--unsafe-fixes")[0] == 0
    assert {name: (tmp_path / name).read_text() for name in fixed} == fixed


def test_a_cached_result_that_read_another_module_is_used_only_while_it_is_unchanged(ovlint, tmp_path):
    write(tmp_path / "loader.py", LOADER)
    write(tmp_path / "main.py", MAIN)
    first = ovlint("--output-format", "concise")
    assert HELD in first[1]
    assert ovlint("--output-format", "concise") == first
    write(tmp_path / "main.py", MAIN_MIGRATED)  # migrated by hand: it reads no API 1.0 attribute any more
    code, out, _ = ovlint("--output-format", "concise")
    assert code == 1 and "loader.py:1:1: OV101" in out and HELD not in out
    write(tmp_path / "util.py", "from loader import load\nload('m.xml').input_info\n")  # a new module reading it
    code, out, _ = ovlint("--output-format", "concise")
    assert "`util.py` imports it and uses API 1.0 attributes" in out
    write(tmp_path / "tool.py", "from loader import load\nload('m.xml').input_info\n")  # and another: both named
    code, out, _ = ovlint("--output-format", "concise")
    assert "`tool.py` and `util.py` import it and use API 1.0 attributes; ovlint does not follow" in out
    assert "Migrate `tool.py` and `util.py` too" in out


def test_a_chain_of_modules_each_waiting_for_the_next_is_fixed_in_one_run(ovlint, tmp_path):
    """`m{k}` compiles what `m{k-1}.load()` returns: each module's hold ends when the next one is
    fixed, a round each; one run fixes them all."""
    write(tmp_path / "m0.py", "from openvino.inference_engine import IECore\n\n\ndef load0(path):\n"
                              "    return IECore().read_network(path)\n")
    for k in range(1, 6):
        write(tmp_path / f"m{k}.py", f"from openvino.inference_engine import IECore\nfrom m{k - 1} import load{k - 1}\n\n\n"
                                     f"def load{k}(path):\n    exec_net = IECore().load_network(load{k - 1}(path), 'CPU')\n"
                                     f"    print(exec_net.requests)\n    return IECore().read_network(path)\n")
    code, out, err = ovlint("--no-cache", "--fix", "--unsafe-fixes")
    assert code == 0, out + err
    assert not any("inference_engine" in (tmp_path / f"m{k}.py").read_text() for k in range(6))


def test_a_module_probed_for_above_the_programs_tree_is_noted_for_the_cache(ovlint, tmp_path):
    """`from common import classify` in `a/b/c/main.py` of a repository: `common.py` at its root is
    looked for, above the tree the program is read from; its appearing changes the cached result."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a" / "b" / "c" / "main.py", "from openvino.inference_engine import IECore\nfrom common import classify\n\n"
                                                  "exec_net = IECore().load_network('m.xml', 'CPU')\nclassify(exec_net)\n")
    first = ovlint("--output-format", "concise")
    assert "is handed to" not in first[1]
    write(tmp_path / "common.py", "def classify(exec_net):\n    return exec_net.requests[0]\n")
    code, out, _ = ovlint("--output-format", "concise")
    assert "`exec_net`, an API 1.0 `ExecutableNetwork`, is handed to `classify` from `common`" in out


def test_results_of_other_code_are_not_reused():
    """The cache is keyed by ovlint's own files too: a rule edited in place (or a checkout installed
    under the same version) does not read the results the old code found."""
    import ovlint.rules
    from ovlint.engine.cache import code_fingerprint

    rule_file = os.path.join(ovlint.rules.__path__[0], "__init__.py")
    before = os.stat(rule_file)
    code_fingerprint.cache_clear()
    first = code_fingerprint()
    try:
        os.utime(rule_file, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        code_fingerprint.cache_clear()
        assert code_fingerprint() != first
    finally:
        os.utime(rule_file, ns=(before.st_atime_ns, before.st_mtime_ns))
        code_fingerprint.cache_clear()
    assert code_fingerprint() == first


def test_parallel_run_equals_serial_run(ovlint, tmp_path):
    for i in range(12):
        write(tmp_path / f"m{i}.py", LEGACY if i % 2 else "import os\n")
    serial = ovlint("--output-format", "json", "--no-cache", "--jobs", "1")
    parallel = ovlint("--output-format", "json", "--no-cache", "--jobs", "2")
    assert serial == parallel and len(json.loads(serial[1])) == 12


def test_gitignore_and_default_excludes(ovlint, tmp_path):
    os.makedirs(tmp_path / ".git")
    write(tmp_path / ".gitignore", "generated/\n*.gen.py\n!keep.gen.py\n")
    for name in ("generated/a.py", "b.gen.py", "keep.gen.py", ".venv/lib/c.py", "node_modules/d.py", "src/e.py"):
        write(tmp_path / name, LEGACY)
    write(tmp_path / "env" / "pyvenv.cfg", "home = /usr\n")
    write(tmp_path / "env" / "f.py", LEGACY)
    code, out, _ = ovlint("--output-format", "concise", "--no-cache")
    assert sorted(line.split(":")[0] for line in out.splitlines() if "OV101" in line) == ["keep.gen.py", "src/e.py"]
    code, out, _ = ovlint("--output-format", "concise", "--no-cache", "generated/a.py")
    assert "generated/a.py:1:1: OV101" in out  # a file named explicitly is always linted


def test_rules_and_rule_commands(ovlint):
    code, out, _ = ovlint("rules", "--output-format", "json")
    assert code == 0 and "OV101" in [r["code"] for r in json.loads(out)]
    code, out, _ = ovlint("rule", "OV101", "--output-format", "json")
    data = json.loads(out)
    assert data["name"] == "inference-engine-import" and data["removed_in"] == "2024.0"
    code, out, _ = ovlint("rule", "OV101")
    assert code == 0 and "inference-engine-import" in out
    assert ovlint("rule", "OV777")[0] == 2
    code, out, _ = ovlint("--version")
    assert code == 0 and out.startswith("ovlint ")
