"""The compiled dataclass methods kept between runs: the same classes as without them, read only
from a file the user owns and only others cannot write, never written when bytecode is not."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from ovlint.engine import dataclass_code

# makes dataclasses of every kind of generated method, and reports what they do and how many
# texts the interpreter compiled for them (the `compile` audit event)
PROBE = r'''
import json, sys
compiled = []
sys.addaudithook(lambda event, args: compiled.append(1) if event == "compile" and args[1] == "<string>" else None)
if sys.argv[1] == "cached":
    from ovlint.engine import dataclass_code
    dataclass_code.install()
compiled.clear()
import dataclasses
from dataclasses import dataclass, field, FrozenInstanceError

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: "list[int]" = field(default_factory=list)

@dataclass(kw_only=True, eq=False)
class Settings:
    name: str = "n"
    def __post_init__(self):
        self.name = self.name.upper()

made = len(compiled)
try:
    Point(1).x = 2
    frozen = False
except FrozenInstanceError:
    frozen = True
print(json.dumps({
    "compiled": made,
    "repr": repr(Point(1, [2])), "eq": Point(1) == Point(1), "lt": Point(1) < Point(2),
    "hash": hash(Point(3, ())) == hash(Point(3, ())), "frozen": frozen,
    "init": {k: repr(v) for k, v in Point.__init__.__annotations__.items()},
    "post_init": Settings(name="a").name, "kw_only": str(__import__("inspect").signature(Settings)),
}))
'''


def probe(mode: str, cache_home, **env) -> dict:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home), **env}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if env.get("PYTHONDONTWRITEBYTECODE"):
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=environment,
                          check=True)
    assert done.stderr == ""  # an error while keeping the code, at exit too, would show here
    return json.loads(done.stdout)


def kept_files(cache_home) -> list:
    folder = cache_home / "ovlint"
    return sorted(folder.glob("dataclass-code-*")) if folder.is_dir() else []


def test_classes_are_the_same_with_kept_code_and_the_second_run_compiles_nothing(tmp_path):
    plain = probe("plain", tmp_path / "unused")
    first = probe("cached", tmp_path)
    (kept,) = kept_files(tmp_path)
    second = probe("cached", tmp_path)
    assert first["compiled"] > 0 and second["compiled"] == 0 and plain["compiled"] > 0
    for result in (first, second):
        # annotations too: the kept code is compiled without ovlint's own `from __future__ import annotations`
        assert {k: v for k, v in result.items() if k != "compiled"} == {k: v for k, v in plain.items()
                                                                        if k != "compiled"}
    assert plain["init"]["x"] == "<class 'int'>"
    if hasattr(os, "getuid"):
        assert kept.stat().st_mode & 0o777 == 0o600


def test_a_file_others_can_write_or_that_is_damaged_is_not_used(tmp_path):
    probe("cached", tmp_path)
    (kept,) = kept_files(tmp_path)
    if hasattr(os, "getuid"):
        kept.chmod(0o666)
        assert probe("cached", tmp_path)["compiled"] > 0
        assert kept.stat().st_mode & 0o777 == 0o600  # written anew, the user's own
    kept.write_bytes(b"\xff not marshal data")
    result = probe("cached", tmp_path)
    assert result["compiled"] > 0 and result["frozen"] is True
    assert probe("cached", tmp_path)["compiled"] == 0


def test_entries_other_than_texts_and_their_code_are_ignored(tmp_path):
    import marshal

    path = tmp_path / "kept.marshal"
    good = compile("x = 1", "<string>", "exec", dont_inherit=True)
    path.write_bytes(marshal.dumps({"x = 1": good, "y = 2": "not code", 3: good}))
    path.chmod(0o600)
    assert dataclass_code._load(str(path)) == {"x = 1": good}
    path.write_bytes(marshal.dumps(["not", "a", "dict"]))
    assert dataclass_code._load(str(path)) == {}


def test_nothing_is_written_when_python_writes_no_bytecode(tmp_path):
    assert probe("cached", tmp_path, PYTHONDONTWRITEBYTECODE="1")["compiled"] > 0
    assert kept_files(tmp_path) == []


def test_the_command_runs_with_kept_code(tmp_path):
    """`python -m ovlint` (the `ovlint` command's entry) twice: the second run on kept code."""
    (tmp_path / "app.py").write_text("from openvino.inference_engine import IECore\nie = IECore()\n")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [subprocess.run([sys.executable, "-m", "ovlint", "check", "--no-cache", "--output-format", "concise",
                            "app.py"], cwd=tmp_path, capture_output=True, text=True, env=environment)
            for _ in range(2)]
    (kept,) = kept_files(tmp_path / "cache")
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and "OV101" in runs[0].stdout
    # LibCST is imported by the worker that lints the file, which never exits on its own: it keeps its code
    texts = dataclass_code._load(str(kept))
    assert any("whitespace_before_colon" in text for text in texts)


def test_what_two_processes_compile_is_kept_by_both(tmp_path):
    """A worker and the process that started it read the file before either wrote it."""
    write_one = ("import sys\nfrom ovlint.engine import dataclass_code\ndataclass_code.install()\n"
                 "import dataclasses\nsys.stdin.readline()\n"
                 "dataclasses.make_dataclass(sys.argv[1], [(sys.argv[1].lower() + '_field', int)])\n"
                 "dataclass_code.keep_new()\n")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    first, second = (subprocess.Popen([sys.executable, "-c", write_one, name], stdin=subprocess.PIPE, text=True,
                                      env=environment) for name in ("First", "Second"))
    for process in (first, second):  # both have read the (missing) file by now, or read it next
        process.communicate("\n", timeout=60)
    (kept,) = kept_files(tmp_path)
    texts = dataclass_code._load(str(kept))
    assert any("first_field" in t for t in texts) and any("second_field" in t for t in texts)


def test_a_cache_folder_that_cannot_be_written_costs_only_the_compilation(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")  # a file: no folder can be made under it
    result = probe("cached", blocker)
    assert result["compiled"] > 0 and result["frozen"] is True
    assert probe("cached", blocker)["compiled"] > 0
