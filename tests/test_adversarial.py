"""ovlint attacked: each test generates the inputs of one class of failure (and variants of them)
and checks that every attempt held: no crash, hang, traceback, unbounded read, write outside the
project, changed byte or injected output, and time and memory that grow linearly. The attempts
are counted per class; `pytest` prints the table after the run. OVLINT_HYPOTHESIS_PROFILE=soak
runs more cases and the large inputs at full size."""
import ast
import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from xml.dom import minidom

import pytest
from hypothesis import given, settings, strategies as st

from adversary import MEASURES, SOAK, Attempts, measured, ovlint
from conftest import write

LEGACY = "from openvino.inference_engine import IECore\nie = IECore()\n"
FIXED = "import openvino as ov\nie = ov.Core()\n"


def _lines(out: str, name: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(name + ":")]


def _one_line_verdict(out: str, name: str, codes=("OV001",)) -> bool:
    """The file got exactly one line, an OV001 (or one of `codes`)."""
    found = _lines(out, name)
    return len(found) == 1 and any(f" {code} " in found[0] for code in codes)


# 1. Parser crashes ---------------------------------------------------------------------------

CHAINS = {
    "not": lambda n: "x = " + "not " * n + "1",
    "minus": lambda n: "x = " + "-" * n + "1",
    "invert": lambda n: "x = " + "~" * n + "1",
    "and": lambda n: "x = " + "a and " * n + "a",
    "or": lambda n: "x = " + "a or " * n + "a",
    "attribute": lambda n: "x = a" + ".a" * n,
    "call": lambda n: "x = a" + "()" * n,
    "subscript": lambda n: "x = a" + "[0]" * n,
    "lambda": lambda n: "x = " + "lambda: " * n + "1",
    "lambda-default": lambda n: "x = " + "lambda a=" * n + "1" + ": 1" * n,
    "sum": lambda n: "x = " + "a+" * n + "a",
    "power": lambda n: "x = " + "a**" * n + "a",
    "conditional": lambda n: "x = " + "a if b else " * n + "c",
    "concatenation": lambda n: "x = " + "'a' " * n,
    "comparison": lambda n: "x = " + "a < " * n + "a",
    "f-string": lambda n: "x = " + 'f"{' * min(n, 190) + "1" + '}"' * min(n, 190),
    "brackets": lambda n: "x = " + "(" * n + "1" + ")" * n,
    "lists": lambda n: "x = " + "[" * n + "]" * n,
    "calls": lambda n: "x = " + "f(" * n + "1" + ")" * n,
    "walrus": lambda n: "x = " + "(a := " * min(n, 199) + "1" + ")" * min(n, 199),
    "indentation": lambda n: "".join(" " * i + "if a:\n" for i in range(min(n, 300))) + " " * min(n, 300) + "pass",
    "decorators": lambda n: "@d\n" * n + "def f(): pass",
}
SIZES = (12000, 40000) if SOAK else (12000,)
NEAR_LIMIT = ("lambda-default", "subscript", "conditional", "brackets", "f-string", "not")


def _deepest(make) -> int:
    """The longest chain the lexer lets LibCST parse."""
    from ovlint.surfaces import python_lexer

    low, high = 1, 20000
    while high - low > 1:
        middle = (low + high) // 2
        try:
            python_lexer.check(make(middle))
            low = middle
        except ValueError:
            high = middle
    return low


OPERATORS = ["not ", "-", "~", "+", "a and ", "a or ", "a.", "a+", "a*", "a**", "lambda: ", "a if b else ", "await ",
             "(", "[", "f(", "a[", "'s' ", "a < ", "*", "yield "]


@st.composite
def chains(draw):
    """A random chain of prefix and infix operators, long enough to matter."""
    parts = draw(st.lists(st.sampled_from(OPERATORS), min_size=50, max_size=200))
    return "x = " + "".join(parts) * draw(st.integers(20, 150)) + "a"


def test_parser_crashes_never_end_the_run(tmp_path):
    attempts = Attempts(1)
    names = {}
    for construct, make in CHAINS.items():
        # over the limit, and just under it: LibCST parses that much on a stack made for it
        sizes = SIZES + (_deepest(make),) if SOAK or construct in NEAR_LIMIT else SIZES
        for size in sizes:
            name = f"{construct}-{size}.py"
            write(tmp_path / name, "import openvino.inference_engine\n" + make(size) + "\n")
            names[name] = construct
    generated = []

    @settings(max_examples=200 if SOAK else 10, database=None)
    @given(chains())
    def collect(text):
        generated.append(text)

    collect()
    for index, text in enumerate(generated):
        name = f"random-{index}.py"
        write(tmp_path / name, "import openvino.inference_engine\n" + text + "\n")
        names[name] = "random"
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                     "source": ["import openvino.runtime\n", CHAINS["minus"](20000) + "\n"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    write(tmp_path / "cell.ipynb", json.dumps(nb))
    names["cell.ipynb"] = "notebook"
    write(tmp_path / "good.py", LEGACY)
    for jobs in ("1", "2") if SOAK else ("1",):  # the crash test below runs --jobs 2
        code, out, err = ovlint(tmp_path, "--no-cache", "--output-format", "concise", "--jobs", jobs, ".", timeout=600)
        attempts.check(f"run --jobs {jobs}", code == 1 and "Traceback" not in err and _lines(out, "good.py"),
                       f"exit {code}: {err[-300:]}")
        for name in names:
            found = _lines(out, name)
            attempts.check(f"{name} --jobs {jobs}", found and not any(" OV004 " in f for f in found), str(found)[:200])
    for name in ("minus-12000.py", f"lambda-default-{_deepest(CHAINS['lambda-default'])}.py", "cell.ipynb"):
        code, out, _ = ovlint(tmp_path, "--no-cache", "--output-format", "concise", "-", "--stdin-filename", name,
                              input=(tmp_path / name).read_bytes())
        attempts.check(f"stdin {name}", code == 1 and _one_line_verdict(out, name), out[-300:])
    # the Python API, in a process of its own so that a crash would show as its exit status
    script = textwrap.dedent("""
        import sys, ovlint
        for path in sys.argv[1:]:
            codes = {d.code for d in ovlint.lint_source(open(path, encoding="utf-8").read(), path)}
            print(path, "OV004" not in codes)
    """)
    proc = subprocess.run([sys.executable, "-c", script, *sorted(n for n in names if n.endswith(".py"))],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    verdicts = dict(line.split() for line in proc.stdout.splitlines())
    for name in names:
        if name.endswith(".py"):
            attempts.check(f"API {name}", proc.returncode == 0 and verdicts.get(name) == "True",
                           f"exit {proc.returncode}: {proc.stderr[-200:]}")
    attempts.done()


CRASHING = textwrap.dedent("""
    import ctypes, sys
    from ovlint.surfaces import python
    parse = python.parse
    def crashing(text):
        if "CRASH_HERE" in text:
            ctypes.string_at(0)  # a segfault, as a bug in native code would cause
        return parse(text)
    python.parse = crashing
    from ovlint.app.cli import main
    sys.argv = ["ovlint"] + sys.argv[1:]
    main()
""")


def test_a_crash_in_native_code_is_one_files_verdict(tmp_path):
    attempts = Attempts(1)
    write(tmp_path / "crash.py", "import openvino.inference_engine\n# CRASH_HERE\n")
    for i in range(3):
        write(tmp_path / f"good{i}.py", LEGACY)
    for args in (["--jobs", "1"], ["--jobs", "2"], ["--fix", "--jobs", "1"]):
        proc = subprocess.run([sys.executable, "-c", CRASHING, "--no-cache", "--output-format", "concise", *args, "."],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        crash = _lines(proc.stdout, "crash.py")
        attempts.check(f"native crash {' '.join(args)}",
                       proc.returncode == 2 and len(crash) == 1 and "OV004" in crash[0] and "SIGSEGV" in crash[0]
                       and all(_lines(proc.stdout, f"good{i}.py") or "--fix" in args for i in range(3)),
                       proc.stdout[-300:] + proc.stderr[-300:])
        if "--fix" in args:
            attempts.check("others fixed after a crash", all((tmp_path / f"good{i}.py").read_text() == FIXED
                                                              for i in range(3)))
    proc = subprocess.run([sys.executable, "-c", CRASHING, "--no-cache", "-", "--stdin-filename", "crash.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          input="import openvino.inference_engine\n# CRASH_HERE\n")
    attempts.check("native crash on stdin", proc.returncode == 2 and "OV004" in proc.stdout, proc.stdout[-300:])
    attempts.done()


# 2. Tracebacks --------------------------------------------------------------------------------

COOKIES = ["rot13", "hex", "base64", "zlib", "uu", "bz2", "quopri", "punycode", "idna", "utf-16", "utf-32",
           "utf-8-sig", "no-such-codec", "latin-1", "cp1252", "utf-7", "mbcs", "undefined"]


def test_inputs_that_raised_are_one_line_each(tmp_path):
    attempts = Attempts(2)
    for cookie in COOKIES:
        write(tmp_path / f"cookie-{cookie}.py", f"# coding: {cookie}\n{LEGACY}".encode("ascii"), mode="wb")
    shapes = {
        "tool-string": 'tool = "x"\n', "tool-number": "tool = 5\n", "tool-array": "tool = []\n",
        "ovlint-number": "[tool]\novlint = 5\n", "ovlint-string": '[tool]\novlint = "x"\n',
        "select-number": "[tool.ovlint]\nselect = 5\n", "unknown-key": "[tool.ovlint]\nselectt = []\n",
        "bad-code": '[tool.ovlint]\nselect = ["XX9"]\n', "deep-array": "x = " + "[" * 3000 + "]" * 3000 + "\n",
        "not-utf8": b"[tool.ovlint]\nselect = ['\xff']\n", "invalid": "[tool.ovlint\n",
        "bad-size": "[tool.ovlint]\nmax-file-size = -1\n", "bad-timeout": "[tool.ovlint]\nfile-timeout = true\n",
    }
    for name, body in shapes.items():
        write(tmp_path / name / "pyproject.toml", body, mode="wb" if isinstance(body, bytes) else "w")
        write(tmp_path / name / "app.py", LEGACY)
    # the dependency files a folder's pinned release is read from, in the run's own process
    deep = "[" * 3000 + "]" * 3000
    pinned = {"Pipfile": f"x = {deep}\n", "setup.cfg": "[options]\n[options]\ninstall_requires =\n  openvino==x\n",
              "environment.yml": f"dependencies:\n  - pip:\n    - {deep}\n", "requirements.txt": b"\xff\xfe\x00o",
              "constraints.txt": "openvino==" + "9" * 5000 + "\n", "requirements.in": "-r " + "../" * 500 + "\n"}
    for name, body in pinned.items():
        write(tmp_path / f"pins-{name}" / name, body, mode="wb" if isinstance(body, bytes) else "w")
        write(tmp_path / f"pins-{name}" / "app.py", LEGACY)
    code, out, err = ovlint(tmp_path, "--no-cache", "--output-format", "concise", ".")
    attempts.check("one run over all of them", code in (1, 2) and "Traceback" not in err, err[-300:])
    for cookie in COOKIES:
        found = _lines(out, f"cookie-{cookie}.py")
        attempts.check(f"coding: {cookie}", found and not any(" OV004 " in f for f in found), str(found))
    for name in shapes:
        found = _lines(out, f"{name}/app.py") + _lines(out, f"{name}/pyproject.toml")
        attempts.check(f"pyproject {name}", found and not any(" OV004 " in f for f in found), str(found))
    for name in pinned:
        found = _lines(out, f"pins-{name}/app.py")
        attempts.check(f"a pin read from a hostile {name}", found and not any(" OV004 " in f for f in found),
                       str(found))
    attempts.done()


def _cache_file(root):
    folder = root / ".ovlint_cache"
    return next(folder.glob("results-*.json"))


def test_a_cache_of_any_shape_is_a_miss(tmp_path):
    attempts = Attempts(2)
    write(tmp_path / "app.py", LEGACY)
    code, first, _ = ovlint(tmp_path, "--output-format", "concise")
    cache = _cache_file(tmp_path)
    good = json.loads(cache.read_text())
    key = next(iter(good))
    entry = good[key]
    shapes = {
        "path to number": {key: 5}, "list": [], "string": "x", "null": None, "entry too short": {key: [entry[0]]},
        "entries not a list": {key: [entry[0], 5, [], []]}, "empty finding": {key: [entry[0], [{}], [], []]},
        "edit table out of range": {key: [entry[0], [dict(entry[1][0], fix={"applicability": "safe", "message": "m",
                                                                             "edits": 99})], [], []]},
        "row as text": {key: [entry[0], [dict(entry[1][0], location={"row": "x", "column": 1})], entry[2], entry[3]]},
        "another file's finding": {key: [entry[0], [dict(entry[1][0], filename="/etc/passwd")], entry[2], entry[3]]},
        "unknown applicability": {key: [entry[0], [dict(entry[1][0], fix={"applicability": "?", "message": "",
                                                                          "edits": 0})], entry[2], entry[3]]},
        "reads of another shape": {key: [entry[0], entry[1], entry[2], [["file"]]]},
        "reads not a list": {key: [entry[0], entry[1], entry[2], {"file": 1}]},
        "deep": "[" * 100000 + "]" * 100000,
    }
    for name, shape in shapes.items():
        cache.write_text(shape if isinstance(shape, str) and shape.startswith("[") else json.dumps(shape))
        code, out, err = ovlint(tmp_path, "--output-format", "concise", here=True)
        attempts.check(f"cache {name}", code == 1 and out == first and "Traceback" not in err, out + err[-300:])
    cache.write_bytes(b"\xff\x00garbage")
    code, out, err = ovlint(tmp_path, "--output-format", "concise", here=True)
    attempts.check("cache not JSON", code == 1 and out == first, err[-300:])
    attempts.done()


def test_a_baseline_of_any_shape_is_an_error_not_a_traceback(tmp_path):
    attempts = Attempts(2)
    write(tmp_path / "app.py", LEGACY)
    shapes = {"empty finding": {"format": "ovlint-baseline/1", "findings": [{}]}, "list": [],
              "number findings": {"format": "ovlint-baseline/1", "findings": [1]}, "string": "x",
              "wrong format": {"format": 2, "findings": []}, "deep": "[" * 100000 + "]" * 100000}
    for name, shape in shapes.items():
        write(tmp_path / "baseline.json", shape if isinstance(shape, str) and shape.startswith("[") else json.dumps(shape))
        code, out, err = ovlint(tmp_path, "--no-cache", "--baseline", "baseline.json", here=True)
        attempts.check(f"baseline {name}", code == 2 and "ovlint: error:" in err and "Traceback" not in err, err[-300:])
    write(tmp_path / "baseline.json", b"\xff\xfe", mode="wb")
    code, _, err = ovlint(tmp_path, "--no-cache", "--baseline", "baseline.json", here=True)
    attempts.check("baseline not UTF-8", code == 2 and "Traceback" not in err, err[-300:])
    attempts.done()


def _file_size_limit(size: int):
    def limit():  # a disk that is full after `size` bytes: writes fail with EFBIG instead of a signal
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


def test_output_files_missing_folders_and_full_disks(tmp_path):
    attempts = Attempts(2)
    write(tmp_path / "app.py", LEGACY)
    code, _, err = ovlint(tmp_path, "--no-cache", "--report", "new/folder/report.md")
    attempts.check("--report into a missing folder", code == 1 and (tmp_path / "new/folder/report.md").is_file(), err)
    code, _, err = ovlint(tmp_path, "report", "-o", "other/report.html", "--format", "html")
    attempts.check("-o into a missing folder", code == 0 and (tmp_path / "other/report.html").is_file(), err)
    write(tmp_path / "plain", "x")
    for args in (["--report", "plain/report.md"], ["--write-baseline", "plain/b.json"], ["--report", "/dev/full"]):
        code, _, err = ovlint(tmp_path, "--no-cache", *args)
        attempts.check(f"{' '.join(args)}", code == 2 and "ovlint: error:" in err and "Traceback" not in err, err)
    code, _, err = ovlint(tmp_path, "report", "-o", "/dev/full")
    attempts.check("-o /dev/full", code == 2 and "Traceback" not in err, err)
    write(tmp_path / "baseline.json", "old baseline")
    for args in (["--fix"], ["--report", "r.md"], ["--write-baseline", "baseline.json"], []):
        write(tmp_path / "app.py", LEGACY)
        code, _, err = ovlint(tmp_path, *args, preexec=_file_size_limit(20))
        attempts.check(f"full disk {' '.join(args) or '(cache)'}",
                       code is not None and "Traceback" not in err
                       and (tmp_path / "app.py").read_text().startswith(LEGACY)
                       and (tmp_path / "baseline.json").read_text() == "old baseline", err[-300:])
    attempts.check("no temporary file left", not list(tmp_path.rglob("*.ovlint-tmp")) and not list(tmp_path.rglob(".*.tmp")))
    attempts.done()


# 3. Hangs and unbounded reads -----------------------------------------------------------------

def test_fifos_and_devices_never_hang(tmp_path):
    attempts = Attempts(3)
    write(tmp_path / "app.py", LEGACY)
    os.mkfifo(tmp_path / "pipe.py")
    os.mkfifo(tmp_path / "pipe")
    for named in ("pipe.py", "pipe", "/dev/zero", "/dev/null", "/dev/urandom"):
        code, out, err = ovlint(tmp_path, "--no-cache", "--output-format", "concise", named, timeout=30)
        attempts.check(f"named {named}", code == 1 and "not a regular file" in out, f"{code} {out} {err[-200:]}")
    cases = {".gitignore": "a .gitignore", "pyproject.toml": "a pyproject.toml", "ovlint.toml": "an ovlint.toml",
             "requirements.txt": "a requirements.txt", "sub.py": "a linted file"}
    batch = tmp_path / "batch"
    for target in ("fifo", "zero"):
        for name in cases:
            root = batch / f"{target}-{name}"
            write(root / "app.py", LEGACY)
            os.mkfifo(root / name) if target == "fifo" else os.symlink("/dev/zero", root / name)
        # .git/info/exclude is read for the repository a run starts in
        repository = tmp_path / f"exclude-{target}"
        write(repository / "app.py", LEGACY)
        (repository / ".git/info").mkdir(parents=True)
        os.mkfifo(repository / ".git/info/exclude") if target == "fifo" else \
            os.symlink("/dev/zero", repository / ".git/info/exclude")
        code, out, err = ovlint(repository, "--no-cache", "--output-format", "concise", timeout=30)
        attempts.check(f"a .git/info/exclude that is {target}", code == 1 and _lines(out, "app.py"), f"{code} {err}")
    code, out, err = ovlint(batch, "--no-cache", "--output-format", "concise", timeout=60)
    attempts.check("one run over them", code is not None and "Traceback" not in err, f"{code} {err[-300:]}")
    for target in ("fifo", "zero"):
        for name, what in cases.items():
            attempts.check(f"{what} that is {target}", _lines(out, f"{target}-{name}/app.py"), out[-300:])
    for target in ("fifo", "zero"):
        root = tmp_path / f"cache-{target}"
        write(root / "app.py", LEGACY)
        ovlint(root)
        cache = _cache_file(root)
        cache.unlink()
        os.mkfifo(cache) if target == "fifo" else os.symlink("/dev/zero", cache)
        code, out, err = ovlint(root, "--output-format", "concise", timeout=30)
        attempts.check(f"cache file is {target}", code == 1 and _lines(out, "app.py"), f"{code} {err[-200:]}")
        baseline = root / f"baseline-{target}"
        os.mkfifo(baseline) if target == "fifo" else os.symlink("/dev/zero", baseline)
        code, _, err = ovlint(root, "--no-cache", "--baseline", baseline.name, timeout=30)
        attempts.check(f"--baseline is {target}", code == 2 and "not a regular file" in err, f"{code} {err[-200:]}")
        code, _, err = ovlint(root, "--no-cache", "--config", baseline.name, timeout=30)
        attempts.check(f"--config is {target}", code == 2 and "Traceback" not in err, f"{code} {err[-200:]}")
    # a FIFO named as an output: nobody reads it, so writing must fail at once, not wait
    code, _, err = ovlint(tmp_path, "report", "-o", str(tmp_path / "pipe"), "app.py", timeout=30)
    attempts.check("-o a FIFO nobody reads", code == 2 and "Traceback" not in err, f"{code} {err[-200:]}")
    attempts.done()


def test_size_limits_are_read_limits(tmp_path):
    attempts = Attempts(3)
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\nmax-file-size = 1000\n")
    write(tmp_path / "big.py", LEGACY + "#" * 2000 + "\n")
    write(tmp_path / "small.py", LEGACY)
    code, out, _ = ovlint(tmp_path, "--no-cache", "--output-format", "concise")
    attempts.check("file over max-file-size", _one_line_verdict(out, "big.py", ("OV003",)) and "max-file-size" in out
                   and _lines(out, "small.py"), out)
    data = (LEGACY + "#" * 2000 + "\n").encode()
    code, out, _ = ovlint(tmp_path, "--no-cache", "-", "--stdin-filename", "big.py", input=data)
    attempts.check("stdin over max-file-size", code == 1 and "max-file-size" in out, out)
    code, out, _ = ovlint(tmp_path, "--no-cache", "--fix", "-", "--stdin-filename", "big.py", input=data)
    attempts.check("stdin over max-file-size with --fix passes every byte through", out.encode() == data)
    attempts.done()


# 4. Writes outside the project ----------------------------------------------------------------

def test_nothing_is_written_outside_the_project(tmp_path):
    attempts = Attempts(4)
    outside = tmp_path / "outside"
    write(outside / "x.py", LEGACY)
    write(outside / "victim.txt", "victim")
    tree = tmp_path / "tree"
    write(tree / "own.py", LEGACY)
    os.symlink("../outside", tree / "linked")
    for args in (["--fix", "--unsafe-fixes"], ["--add-noqa"]):
        code, out, err = ovlint(tmp_path, "--no-cache", *args, "tree")
        attempts.check(f"{args[0]} through a linked folder", (outside / "x.py").read_text() == LEGACY, err)
    attempts.check("the tree itself is fixed", (tree / "own.py").read_text() != LEGACY)
    for value in ("/tmp/ovlint-abs-cache", "../../..", "../outside", str(outside)):
        project = tmp_path / f"cachedir-{abs(hash(value))}"
        write(project / "app.py", LEGACY)
        write(project / "pyproject.toml", f"[tool.ovlint]\ncache-dir = {json.dumps(value)}\n")
        before = set(os.listdir(outside)) | set(os.listdir(tmp_path))
        code, _, err = ovlint(project)
        after = set(os.listdir(outside)) | set(os.listdir(tmp_path))
        attempts.check(f"cache-dir = {value!r}", code == 2 and "cache-dir" in err and before == after
                       and not os.path.exists("/tmp/ovlint-abs-cache"), err)
    project = tmp_path / "linked-cache"
    write(project / "app.py", LEGACY)
    os.symlink("../outside", project / ".ovlint_cache")
    ovlint(project)
    attempts.check("a linked .ovlint_cache", sorted(os.listdir(outside)) == ["victim.txt", "x.py"])
    project = tmp_path / "dangling"
    write(project / "app.py", LEGACY)
    (project / ".ovlint_cache").mkdir()
    os.symlink("../../outside/created", project / ".ovlint_cache/.gitignore")
    ovlint(project)
    attempts.check("a dangling link in the cache folder", not (outside / "created").exists())
    for option, name in (("--report", "report.md"), ("--write-baseline", "baseline.json")):
        project = tmp_path / f"out{option}"
        write(project / "app.py", LEGACY)
        os.symlink("../outside/victim.txt", project / name)
        ovlint(project, "--no-cache", option, name)
        attempts.check(f"{option} onto a committed link", (outside / "victim.txt").read_text() == "victim"
                       and not (project / name).is_symlink() and (project / name).stat().st_size > 0)
        os.symlink("../outside", project / "linkdir")
        code, _, err = ovlint(project, "--no-cache", option, "linkdir/new.out")
        attempts.check(f"{option} into a linked folder", code == 2 and not (outside / "new.out").exists(), err)
    project = tmp_path / "report-o"
    write(project / "app.py", LEGACY)
    os.symlink("../outside/victim.txt", project / "r.md")
    ovlint(project, "report", "-o", "r.md")
    attempts.check("report -o onto a committed link", (outside / "victim.txt").read_text() == "victim")
    # the process's own output, redirected to a file: written into, and /dev/stdout stays a link
    for stream in ("/dev/stdout", "/dev/fd/1"):
        with open(tmp_path / "redirected.md", "wb") as redirected:
            code = subprocess.run([sys.executable, "-m", "ovlint", "report", "-o", stream], cwd=project,
                                  stdout=redirected, timeout=60).returncode
        attempts.check(f"report -o {stream} into a redirected file", code == 0 and os.path.islink("/dev/stdout")
                       and (tmp_path / "redirected.md").read_text().startswith("# OpenVINO migration report"))
    attempts.done()


# 5. Read-only files, owners and hard links ----------------------------------------------------

def test_read_only_owner_and_links_are_respected(tmp_path):
    attempts = Attempts(5)
    tree = tmp_path / "tree"
    write(tree / "ro.py", LEGACY)
    os.chmod(tree / "ro.py", 0o444)
    write(tree / "ro_dir/app.py", LEGACY)
    write(tree / "exec.py", LEGACY)
    os.chmod(tree / "exec.py", 0o750)
    write(tree / "linked.py", LEGACY)
    os.link(tree / "linked.py", tmp_path / "hardlink.py")
    write(tree / "user.py", LEGACY)
    root = os.geteuid() == 0
    if root:
        os.chown(tree / "user.py", 4321, 4322)
    os.chmod(tree / "ro_dir", 0o555)
    try:
        for args in (["--fix"], ["--add-noqa"]):
            code, out, err = ovlint(tmp_path, "--no-cache", "--output-format", "concise", *args, "tree")
            attempts.check(f"{args[0]}: a 444 file", (tree / "ro.py").read_text() == LEGACY)
            attempts.check(f"{args[0]}: a file in a 555 folder", (tree / "ro_dir/app.py").read_text() == LEGACY)
            attempts.check(f"{args[0]}: a hard-linked file", (tree / "linked.py").read_text() == LEGACY
                           and os.stat(tree / "linked.py").st_nlink == 2)
            if args == ["--fix"]:
                attempts.check("each is said so", all(_lines(out, f"tree/{n}") for n in ("ro.py", "ro_dir/app.py", "linked.py"))
                               and "read-only" in out and "hard links" in out, out)
                attempts.check("mode bits kept", stat.S_IMODE(os.stat(tree / "exec.py").st_mode) == 0o750
                               and (tree / "exec.py").read_text() == FIXED)
                owner = os.stat(tree / "user.py")
                attempts.check("owner and group kept", (tree / "user.py").read_text() == FIXED
                               and (not root or (owner.st_uid, owner.st_gid) == (4321, 4322)))
    finally:
        os.chmod(tree / "ro_dir", 0o755)
    attempts.done()


# 6. Silent misses -----------------------------------------------------------------------------

def test_nothing_is_passed_over_in_silence(tmp_path):
    attempts = Attempts(6)
    legacy_req = "openvino-dev[onnx]==2023.3.0\n"
    for codec, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00")):
        write(tmp_path / f"{codec}.py", bom + LEGACY.encode(codec), mode="wb")
        write(tmp_path / codec / "requirements.txt", bom + legacy_req.encode(codec), mode="wb")
    write(tmp_path / "nobom.py", LEGACY.encode("utf-16-le"), mode="wb")
    for depth in (499, 501, 2000, 100000):
        config = '{"model_config_list": [{"config": {"name": "m", "base_path": "/m", "plugin_config": ' \
                 + "[" * depth + "]" * depth + "}}]}"
        write(tmp_path / f"config{depth}" / "config.json", config)
    # a file is read only when it holds some rule's needle (`inference_engine`), as this one does
    write(tmp_path / "deep.ipynb", '{"cells": ' + "[" * 5000 + "]" * 5000 + ', "openvino.inference_engine": 1}')
    code, out, _ = ovlint(tmp_path, "--no-cache", "--output-format", "concise", "--target-version", "2026.4")
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le"):
        attempts.check(f"{codec} .py", _one_line_verdict(out, f"{codec}.py", ("OV003",)), out)
        found = _lines(out, f"{codec}/requirements.txt")
        attempts.check(f"{codec} requirements.txt", any(" OV401 " in f for f in found), str(found))
    attempts.check("UTF-16 without a mark", _one_line_verdict(out, "nobom.py", ("OV003",)), out)
    for depth in (499, 501, 2000, 100000):
        attempts.check(f"config.json {depth} deep", _lines(out, f"config{depth}/config.json"), out[-300:])
    attempts.check("a notebook nested 5000 deep", _one_line_verdict(out, "deep.ipynb"), out[-300:])
    code, _, _ = ovlint(tmp_path, "--no-cache", "--fix", "--unsafe-fixes", "--target-version", "2026.4", "utf-16-le")
    fixed = (tmp_path / "utf-16-le/requirements.txt").read_bytes()
    attempts.check("UTF-16 requirements fixed in UTF-16", fixed.startswith(b"\xff\xfe")
                   and fixed[2:].decode("utf-16-le") == "openvino==2023.3.0\nonnx\n", repr(fixed))
    attempts.done()


# 7. Changed bytes and broken files ------------------------------------------------------------

def _pip_lines(text: str) -> list[str]:
    """The requirements pip reads from a requirements file (its line joining and comments)."""
    from packaging.requirements import Requirement

    joined, current = [], ""
    for line in text.splitlines():
        if line.endswith("\\") and not re.match(r"\s*#", line):
            current += line[:-1]
            continue
        joined.append(current + (" " + line if re.match(r"\s*#", line) else line))
        current = ""
    joined.append(current)
    found = []
    for line in joined:
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if line and not line.startswith("-"):
            found.append(str(Requirement(line)))  # raises as pip would
    return found


REQUIREMENT_VARIANTS = [
    "openvino-dev[onnx]==2023.3.0 \\\n    # the tools\nnumpy\n",
    "openvino-dev[onnx]==2023.3.0 \\\n# comment\n",
    "openvino-dev[onnx,pytorch]==2023.3.0 \\\n  ; python_version >= '3.8'\n",
    "openvino-\\\ndev[onnx]==2023.3.0\n",
    "openvino-dev[onnx]==2023.3.0 \\",
    "openvino-dev[onnx]==2023.3.0\r\n# x\r\n",
    "# a comment \\\nopenvino-dev[tensorflow2]>=2023.0\n",
    "openvino-dev[onnx]==2023.3.0  # tools \\\nnumpy\n",
]


def test_fixes_keep_bytes_and_files_valid(tmp_path):
    attempts = Attempts(7)
    for index, text in enumerate(REQUIREMENT_VARIANTS):
        folder = tmp_path / f"req{index}"
        write(folder / "requirements.txt", text.encode(), mode="wb")
        code, out, err = ovlint(folder, "--no-cache", "--fix", "--unsafe-fixes", "--target-version", "2026.4")
        fixed = (folder / "requirements.txt").read_text()
        try:
            held = "openvino-dev" not in " ".join(_pip_lines(fixed)) or fixed == text
        except Exception as exc:  # pip would reject the file
            held = False
            out += f" ({exc})"
        attempts.check(f"OV401 on {text!r}", held and "Traceback" not in err, f"{fixed!r} {out}")
    write(tmp_path / "sig.py", "# coding: utf-8-sig\n" + LEGACY)
    write(tmp_path / "latin.py", ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + LEGACY).encode("latin-1"), mode="wb")
    ovlint(tmp_path, "--no-cache", "--fix", "sig.py", "latin.py")
    attempts.check("utf-8-sig cookie gains no mark", (tmp_path / "sig.py").read_bytes() == ("# coding: utf-8-sig\n" + FIXED).encode())
    attempts.check("latin-1 bytes kept", (tmp_path / "latin.py").read_bytes()
                   == ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + FIXED).encode("latin-1"))
    attempts.done()


NOQA_CASES = {
    "strings.py": ('from openvino.inference_engine import IECore\nDOC = """\nie = IECore()\n"""\n'
                   'x = f"""{IECore()\n}"""\ny = IECore(\n)\nS = \'\'\'a\nb\'\'\' ; ie = IECore()\n'),
    "CMakeLists.txt": "find_package(InferenceEngine [[\n]] REQUIRED)\nmessage(\"${InferenceEngine_LIBRARIES}\n\")\n",
    "run.sh": 'mo --input_model m.onnx --data_type "FP16\n"\npot -c "a\nb"\n',
    "pyproject.toml": '[project]\nname = "x"\ndependencies = ["openvino-dev"]\ndescription = """\nopenvino-dev\n"""\n',
    "setup.cfg": "[options]\ninstall_requires =\n    openvino-dev\npython_requires = >=3.7\n",
    "main.cpp": '#include <inference_engine.hpp>\nauto s = R"(\n#include <inference_engine.hpp>\n)";\n',
    "Dockerfile": 'RUN mo --input_model "a\nb" && pip install openvino-dev\n',
}


def _values(name: str, text: str):
    """What a file means, comments aside, as far as a test can tell."""
    if name.endswith(".py"):
        return ast.dump(ast.parse(text))
    if name.endswith(".toml"):
        import tomllib

        return tomllib.loads(text)
    if name == "setup.cfg":
        import configparser

        parser = configparser.ConfigParser()
        parser.read_string(text)
        return {s: dict(parser[s]) for s in parser.sections()}
    # the text with the comments ovlint adds taken out: what is left must be what was there
    return re.sub(r"  (#|//) noqa: [A-Z0-9, ]+$", "", text, flags=re.M)


def test_add_noqa_never_changes_a_value(tmp_path):
    attempts = Attempts(7)
    for name, text in NOQA_CASES.items():
        write(tmp_path / name, text)
    code, _, err = ovlint(tmp_path, "--no-cache", "--add-noqa", "--target-version", "2026.4")
    for name, text in NOQA_CASES.items():
        after = (tmp_path / name).read_text()
        attempts.check(f"--add-noqa in {name}", _values(name, after) == _values(name, text), f"{after!r} {err}")
    attempts.check("comments were added where they can go", "noqa" in (tmp_path / "strings.py").read_text())
    attempts.done()


DIFF_CASES = {
    "formfeed.py": LEGACY.replace("\nie", "\n\x0c\nie") + "x = 1\x0c\n",
    "noeol.py": LEGACY.rstrip("\n"),
    "crlf.py": LEGACY.replace("\n", "\r\n"),
    "cr.py": LEGACY.replace("\n", "\r"),
    "bom.py": "\ufeff" + LEGACY,
    "vt.py": LEGACY + "y = '\x0b\x1c\x1d\x1e\x85\u2028'\n",
    "name with space.py": LEGACY,
    "quote\"back\\slash.py": LEGACY,
    "ctl\x01name.py": LEGACY,
}


@pytest.mark.parametrize("tool", ["git apply", "patch"])
def test_diff_output_applies_as_fix_would(tmp_path, tool):
    attempts = Attempts(7)
    for mode in ("diff", "fix"):
        for name, text in DIFF_CASES.items():
            write(tmp_path / mode / name, text.encode("utf-8"), mode="wb")
    write(tmp_path / "diff/latin.py", ("# coding: latin-1\n# \xe9\n" + LEGACY).encode("latin-1"), mode="wb")
    write(tmp_path / "fix/latin.py", ("# coding: latin-1\n# \xe9\n" + LEGACY).encode("latin-1"), mode="wb")
    code, _, _ = ovlint(tmp_path / "diff", "--no-cache", "--diff", "--unsafe-fixes")
    patch = subprocess.run([sys.executable, "-m", "ovlint", "--no-cache", "--diff", "--unsafe-fixes"],
                           cwd=tmp_path / "diff", capture_output=True).stdout
    ovlint(tmp_path / "fix", "--no-cache", "--fix", "--unsafe-fixes")
    command = ["git", "apply", "--unsafe-paths", "-p0", "-"] if tool == "git apply" else ["patch", "-p0", "-s"]
    applied = subprocess.run(command, cwd=tmp_path / "diff", input=patch, capture_output=True)
    attempts.check(f"{tool} accepts the diff", applied.returncode == 0, applied.stderr.decode(errors="replace"))
    for name in list(DIFF_CASES) + ["latin.py"]:
        attempts.check(f"{tool}: {name!r} as --fix writes it",
                       (tmp_path / "diff" / name).read_bytes() == (tmp_path / "fix" / name).read_bytes())
    attempts.done()


# 8. Configuration errors ----------------------------------------------------------------------

def test_a_broken_config_costs_its_folder_only(tmp_path):
    attempts = Attempts(8)
    broken = {"invalid": "[tool.ovlint\n", "unknown": "[tool.ovlint]\nselectt = []\n",
              "type": "[tool.ovlint]\nignore = 5\n", "code": '[tool.ovlint]\nselect = ["OV999X"]\n',
              "table": "[tool]\novlint = 5\n", "bytes": b"[tool.ovlint]\n\xff = 1\n",
              "cache": '[tool.ovlint]\ncache-dir = "../.."\n', "release": '[tool.ovlint]\ntarget-version = "1999.1"\n',
              "ovlint.toml": 'select = "OV"\n'}
    for name, body in broken.items():
        config = "ovlint.toml" if name == "ovlint.toml" else "pyproject.toml"
        write(tmp_path / f"b-{name}" / config, body, mode="wb" if isinstance(body, bytes) else "w")
        write(tmp_path / f"b-{name}" / "app.py", LEGACY)
    write(tmp_path / "good/app.py", LEGACY)
    write(tmp_path / "good/deeper/pyproject.toml", "[tool.ovlint]\nignore = []\n")
    write(tmp_path / "good/deeper/app.py", LEGACY)
    code, out, err = ovlint(tmp_path, "--no-cache", "--output-format", "concise")
    attempts.check("the run goes on, exit 2", code == 2 and "Traceback" not in err, err[-300:])
    attempts.check("the other folders are linted", _lines(out, "good/app.py") and _lines(out, "good/deeper/app.py"))
    for name in broken:
        config = "ovlint.toml" if name == "ovlint.toml" else "pyproject.toml"
        attempts.check(f"{name}: reported for its folder",
                       _one_line_verdict(out, f"b-{name}/{config}", ("OV006",)) and not _lines(out, f"b-{name}/app.py"),
                       out[-500:])
    for fmt in ("json", "sarif", "junit"):
        code, out, _ = ovlint(tmp_path, "--no-cache", "--output-format", fmt)
        attempts.check(f"OV006 in {fmt}", code == 2 and "OV006" in out)
    attempts.done()


# 9. Output injection --------------------------------------------------------------------------

HOSTILE_NAMES = [b"ctl\x01\x02.py", b"esc\x1b[31mred\x1b]0;title\x07.py", b"nl\n# heading [x](http:evil) `tick`.py",
                 b"bad\xff\xfe.py", b"bidi\xe2\x80\xae.py", b"amp&lt;<b>.py", b"pipe|cell|.py", b"star*_~.py",
                 b"``fence``.py", b"cr\rline.py", b"del\x7f.py", b"c1\xc2\x9b31m.py", b"tab\tname.py", b"%0Apct.py",
                 b"::error file=x::y.py"]
HOSTILE_SOURCE = (b"from openvino.inference_engine import IECore  # \x1b[2J\x1b]8;;http://evil\x07\n"
                  b"ie = IECore()\nnet = ie.read_network('\x1b[31m')\n")


def test_outputs_are_escaped_for_their_format(tmp_path):
    attempts = Attempts(9)
    for name in HOSTILE_NAMES:
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
            handle.write(HOSTILE_SOURCE)
    control = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e]")
    for fmt in ("full", "concise", "github") if SOAK else ("full", "github"):
        proc = subprocess.run([sys.executable, "-m", "ovlint", "--no-cache", "--output-format", fmt, "--show-fixes"],
                              cwd=tmp_path, capture_output=True, env=dict(os.environ, FORCE_COLOR=""))
        text = proc.stdout.decode("utf-8")
        lines = text.split("\n")
        attempts.check(f"{fmt}: no control character", proc.returncode == 1
                       and not any(control.search(line) for line in lines), repr(text[:300]))
        if fmt == "github":
            attempts.check("github: one command per line", all(not line or line.startswith("::error ") for line in lines))
    for fmt in ("junit", "sarif", "gitlab", "json", "json-lines") if SOAK else ("junit", "sarif", "gitlab"):
        proc = subprocess.run([sys.executable, "-m", "ovlint", "--no-cache", "--output-format", fmt],
                              cwd=tmp_path, capture_output=True)
        try:
            text = proc.stdout.decode("utf-8")
            if fmt == "junit":
                minidom.parseString(proc.stdout)
            elif fmt == "json-lines":
                [json.loads(line) for line in text.splitlines()]
            else:
                json.loads(text)
            held, detail = proc.returncode == 1, ""
        except Exception as exc:
            held, detail = False, repr(exc)
        attempts.check(f"{fmt}: well formed", held, detail + proc.stderr.decode(errors="replace")[-300:])
    for fmt, name in (("markdown", "r.md"), ("html", "r.html")):
        proc = subprocess.run([sys.executable, "-m", "ovlint", "report", "--format", fmt, "-o", name],
                              cwd=tmp_path, capture_output=True)
        attempts.check(f"report {fmt} written", proc.returncode == 0, proc.stderr.decode(errors="replace")[-300:])
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse((tmp_path / "r.md").read_text())
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    links = [t for token in tokens for t in (token.children or []) if t.type == "link_open"]
    attempts.check("report: no heading from a file name", not any("heading" in h or "tick" in h for h in headings),
                   str(headings))
    attempts.check("report: links only to rules",
                   all(link.attrs["href"].startswith(("#", "https://")) and "evil" not in link.attrs["href"]
                       for link in links), str([link.attrs for link in links]))
    html = (tmp_path / "r.html").read_text()
    attempts.check("report html: no tag from a file name", "<b>" not in html and "evil" not in html.replace("http:evil", ""))
    attempts.done()


# 10. Resource blow-ups ------------------------------------------------------------------------

def _linear(small: tuple, large: tuple, factor: int) -> bool:
    """Time and memory of the large input within a margin of linear (noise and start-up aside)."""
    (_, small_time, small_memory), (_, large_time, large_memory) = small, large
    return large_time <= max(1.0, small_time) * factor * 2.5 and large_memory <= 2048


def _dockerfile(lines: int) -> str:
    body = []
    for i in range(lines // 4):
        body += ["RUN pip install openvino-dev==2023.3.0 && \\", "    # step", "    mo --input_model m.onnx",
                 f"ENV A{i}=/opt/intel/openvino/deployment_tools"]
    return "\n".join(body) + "\n"


def _measure(attempts, what: str, folder, make, sizes, args, factor):
    results = []
    for size in sizes:
        write(folder / str(size) / make[0], make[1](size))
        results.append(measured(folder / str(size), "--no-cache", "--target-version", "2026.4", *args, make[0]))
        MEASURES.append(f"{what} {size:,}: exit {results[-1][0]}, {results[-1][1]:.1f} s, {results[-1][2]:.0f} MiB")
    attempts.check(f"{what}: linear, under 2 GiB", _linear(results[0], results[1], factor)
                   and all(r[0] in (0, 1) for r in results), str(results))


def test_large_inputs_cost_linear_time_and_bounded_memory(tmp_path):
    attempts = Attempts(10)
    lines = (20_000, 200_000) if SOAK else (1_000, 10_000)
    _measure(attempts, "Dockerfile lines", tmp_path / "docker", ("Dockerfile", _dockerfile), lines, [], 10)
    edits = (2_000, 20_000) if SOAK else (100, 1_000)
    each = ("app.py", lambda n: "import openvino as ov\n" + "".join(f"x{i} = ov.Type.undefined\n" for i in range(n)))
    _measure(attempts, "edits of OV602 fixes", tmp_path / "edits", each, edits, ["--diff"], 10)
    group = ("app.py", lambda n: "from openvino.inference_engine import IECore\n"
             + "".join(f"ie{i} = IECore()\n" for i in range(n)))
    _measure(attempts, "edits of one OV1xx group fix", tmp_path / "group", group, edits, ["--diff", "--unsafe-fixes"], 10)
    write(tmp_path / "list/app.py", "import openvino.inference_engine\nx = [" + "1," * 5_000_000 + "]\n")
    code, seconds, memory = measured(tmp_path / "list", "--no-cache", "--output-format", "concise", "app.py")
    MEASURES.append(f"10 MB one-line list: exit {code}, {seconds:.1f} s, {memory:.0f} MiB")
    attempts.check("10 MB one-line list: refused at once", code == 1 and seconds < 30 and memory < 2048)
    attempts.done()


# 11. Workers and time limits ------------------------------------------------------------------

def test_workers_die_with_their_parent(tmp_path):
    attempts = Attempts(11)
    for i in range(40):
        write(tmp_path / f"m{i:02}.py", LEGACY + "x = [" + "1, " * 20000 + "]\n")
    process = subprocess.Popen([sys.executable, "-m", "ovlint", "--fix", "--no-cache", "--jobs", "2", "."],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not workers:
        time.sleep(0.2)
        workers = [int(p) for p in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                                  text=True).stdout.split()]
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(1.0)
    alive = [pid for pid in workers if os.path.exists(f"/proc/{pid}") and "Z" not in
             open(f"/proc/{pid}/stat").read().split()[2]]
    attempts.check("workers found", bool(workers))
    attempts.check("no worker outlives a SIGKILLed parent", not alive, str(alive))
    for i in range(40):
        text = (tmp_path / f"m{i:02}.py").read_text()
        attempts.check(f"m{i:02}.py whole", text.startswith((LEGACY, FIXED)) and text.endswith("]\n"))
    attempts.done()


def test_a_file_over_its_time_limit_is_stopped_and_reported(tmp_path):
    attempts = Attempts(11)
    write(tmp_path / "pyproject.toml", "[tool.ovlint]\nfile-timeout = 1\n")
    write(tmp_path / "slow.py", LEGACY + "x = [" + "1, " * 150000 + "]\n")
    write(tmp_path / "fast.py", LEGACY)
    for args in ([], ["--fix", "--jobs", "1"]):
        start = time.monotonic()
        code, out, err = ovlint(tmp_path, "--no-cache", "--output-format", "concise", *args, timeout=120)
        attempts.check(f"time limit {' '.join(args)}", code == 1 and _one_line_verdict(out, "slow.py")
                       and "file-timeout" in out and time.monotonic() - start < 60, out + err[-300:])
        attempts.check("the slow file is unchanged", (tmp_path / "slow.py").read_text().startswith(LEGACY))
    attempts.done()


# generated: hostile names, messages and source lines through every format, in this process

HOSTILE = st.text(alphabet=st.sampled_from(list("ab #[]()`*_<>&|!~%:,\\\"'\t\n\r\x00\x01\x1b\x7f\x85\x9b")
                                           + ["\u202e", "\u2066", "\udcff", "\udc80", "\ufffe", "é", "\U0001f600"]),
                  min_size=1, max_size=30)


@settings(database=None)
@given(path=HOSTILE, message=HOSTILE, line=HOSTILE)
def test_every_format_escapes_what_it_is_given(path, message, line):
    import io

    from markdown_it import MarkdownIt

    from ovlint.app import report, reporters
    from ovlint.app.fixability import Fixability
    from ovlint.base.diagnostics import Applicability, Diagnostic, Fix

    diag = Diagnostic("OV102", f"`IECore` {message}", path + ".py", fix=Fix((), Applicability.UNSAFE, message),
                      row=1, column=1, end_row=1, end_column=2, source_line=line)
    manual = Diagnostic("OV111", message, path + ".cpp", row=2, column=1, end_row=2, end_column=3, source_line=line)
    attempts = Attempts(9)
    control = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
    for fmt in reporters.FORMATS:
        out = io.StringIO()
        try:
            reporters.render(fmt, [diag, manual], out, fixability=Fixability())
            text = out.getvalue()
            text.encode("utf-8")  # what a terminal or a file takes
            if fmt in ("full", "concise", "github"):
                held = not any(control.search(line) for line in text.split("\n"))
            elif fmt == "junit":
                held = minidom.parseString(text.encode("utf-8")) is not None
            elif fmt == "json-lines":
                held = all(json.loads(line) for line in text.splitlines())
            else:
                held = json.loads(text) is not None
            detail = repr(text[:200])
        except Exception as exc:
            held, detail = False, repr(exc)
        attempts.check(f"{fmt} of {path!r}", held, detail)
    page = report.markdown([diag, manual], "2026.4")
    tokens = MarkdownIt("commonmark").enable("table").parse(page)
    headings = sum(1 for t in tokens if t.type == "heading_open")
    expected = sum(1 for t in MarkdownIt("commonmark").enable("table").parse(report.markdown(
        [Diagnostic("OV102", "`IECore` m", "a.py", fix=Fix((), Applicability.UNSAFE, "m")),
         Diagnostic("OV111", "m", "a.cpp")], "2026.4")) if t.type == "heading_open")
    links = [t.attrs["href"] for token in tokens for t in (token.children or []) if t.type == "link_open"]
    attempts.check(f"report of {path!r}", headings == expected and all(h.startswith(("#", "https://")) for h in links),
                   f"{headings} headings, links {links}")
    attempts.done()


REQUIREMENT_PARTS = ["openvino-dev[onnx]==2023.3.0", "openvino-dev[pytorch,onnx]>=2023.1", "numpy", " \\", "\\",
                     "  # a comment", "# comment \\", "; python_version >= '3.8'", "--hash=sha256:00", "-r base.txt",
                     "openvino==2024.6.0", "", "   "]


@settings(database=None)
@given(st.lists(st.lists(st.sampled_from(REQUIREMENT_PARTS), min_size=1, max_size=3).map("".join), max_size=6),
       st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_requirement_fixes_keep_files_pip_reads(lines, newline, final):
    import ovlint

    text = newline.join(lines) + (newline if final else "")
    attempts = Attempts(7)
    try:
        before = _pip_lines(text)
    except Exception:
        before = None  # pip rejects it already: the fix must not be the one to blame
    fixed, _ = ovlint.fix_source(text, "requirements.txt", target_version="2026.4")
    try:
        after = _pip_lines(fixed)
        held = before is None or not any(r.startswith("openvino-dev") for r in after) or fixed == text
        detail = ""
    except Exception as exc:
        held, detail = before is None, repr(exc)
    attempts.check(f"fix of {text!r}", held, f"{fixed!r} {detail}")
    attempts.done()
