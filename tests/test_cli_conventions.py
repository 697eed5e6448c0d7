"""What a ruff user expects of the command line: fix labels that agree with what `--fix` does,
machine-readable output wherever JSON is asked for, usage errors for mistyped subcommands and for
options that cannot go together, whole text when piped, and no styles under NO_COLOR."""
import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write
from ovlint.app import ruledocs
from ovlint.app.cli import CONFLICTS
from ovlint.engine import registry

ROOT = Path(__file__).resolve().parent.parent
LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"
# one module whose API 1.0 migration is unsafe: `read_network` returns an `ov.Model`
UNSAFE_MODULE = "from openvino.inference_engine import IECore\n\nnet = IECore().read_network('m.xml')\n"


def _legacy_app(tmp_path):
    shutil.copytree(ROOT / "examples" / "legacy-app", tmp_path, dirs_exist_ok=True)


def _markers(out: str) -> dict:
    """`path:row:col: CODE [*]` -> the marker of each finding of the concise format."""
    found = {}
    for line in out.splitlines():
        match = re.match(r"(\S+?:\d+:\d+): (OV\d+) (\[[*-]\] )?", line)
        if match:
            found[f"{match[1]} {match[2]}"] = (match[3] or "").strip()
    return found


def test_a_fix_safe_only_sometimes_says_so_everywhere(ovlint, tmp_path):
    rule = registry.find("OV101")
    code, page, _ = ovlint("rule", "OV101")
    assert code == 0 and f"- Fix: safe when {rule.safe_when}: applied by `--fix`; otherwise unsafe" in page
    _, table, _ = ovlint("rules")
    assert re.search(r"^OV101 +inference-engine-import +safe or unsafe ", table, re.M)
    _, listing, _ = ovlint("rules", "--output-format", "json")
    entry = next(r for r in json.loads(listing) if r["code"] == "OV101")
    assert entry["fix"] == "safe or unsafe" and entry["fix_safe_when"] == rule.safe_when
    assert "| safe or unsafe |" in next(line for line in ruledocs.document().splitlines() if "[OV101]" in line)
    write(tmp_path / "app.py", UNSAFE_MODULE)
    _, report, _ = ovlint("report", ".")
    assert f"- Fix: safe when {rule.safe_when}" in report
    # and the finding's marker is what --fix does with it: here, nothing without --unsafe-fixes
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert _markers(out)["app.py:1:1 OV101"] == "[-]"
    _, stats, _ = ovlint("check", "--no-cache", "--statistics")
    assert "OV101\t[-] inference-engine-import" in stats
    ovlint("check", "--no-cache", "--fix")
    assert (tmp_path / "app.py").read_text() == UNSAFE_MODULE


def test_markers_statistics_and_summary_say_what_fix_will_apply(ovlint, tmp_path):
    _legacy_app(tmp_path)
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    markers = _markers(out)
    safe = sum(1 for m in markers.values() if m == "[*]")
    unsafe = sum(1 for m in markers.values() if m == "[-]")
    assert safe and unsafe and f"[*] {safe} fixable with `--fix` ({unsafe} unsafe fixes available" in out
    _, stats, _ = ovlint("check", "--no-cache", "--statistics", "--output-format", "json")
    rows = json.loads(stats)
    assert sum(r["fixable_count"] for r in rows) == safe and sum(r["unsafe_fixable_count"] for r in rows) == unsafe
    # with unsafe fixes on (the option or the configuration), every fix is one --fix applies
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise", "--unsafe-fixes")
    assert set(_markers(out).values()) == {"[*]"} and f"[*] {safe + unsafe} fixable with `--fix`." in out
    write(tmp_path / "ovlint.toml", "unsafe-fixes = true\n")
    _, out, _ = ovlint("check", "--no-cache", "--output-format", "concise")
    assert set(_markers(out).values()) == {"[*]"}
    os.remove(tmp_path / "ovlint.toml")
    code, out, _ = ovlint("check", "--no-cache", "--fix")
    assert code == 1 and f"({safe} fixed, {unsafe} remaining)" in out
    assert f"\n{unsafe} unsafe fixes available with `--fix --unsafe-fixes`: review them.\n" in out
    code, out, _ = ovlint("check", "--no-cache", "--fix", "--unsafe-fixes")
    assert code == 0 and f"({unsafe} fixed, 0 remaining)" in out


def test_the_summary_promises_no_safe_fix_when_there_is_none(ovlint, tmp_path):
    write(tmp_path / "app.py", UNSAFE_MODULE)
    code, out, _ = ovlint("check", "--no-cache")
    assert code == 1 and out.splitlines()[-1] == "3 unsafe fixes available with `--fix --unsafe-fixes`: review them."
    assert "[*]" not in out and "more" not in out


def test_statistics_follow_the_output_format_and_end_with_the_summary(ovlint, tmp_path):
    write(tmp_path / "a.py", LEGACY)
    write(tmp_path / "b.py", UNSAFE_MODULE)
    code, out, _ = ovlint("check", "--no-cache", "--statistics", "--output-format", "json")
    assert code == 1 and json.loads(out) == [
        {"code": "OV102", "name": "ie-core", "count": 3, "fixable": True, "fixable_count": 1,
         "unsafe_fixable_count": 2},
        {"code": "OV101", "name": "inference-engine-import", "count": 2, "fixable": True, "fixable_count": 1,
         "unsafe_fixable_count": 1}]
    _, out, _ = ovlint("check", "--no-cache", "--statistics", "--output-format", "json-lines")
    assert [json.loads(line)["count"] for line in out.splitlines()] == [3, 2]
    _, out, _ = ovlint("check", "--no-cache", "--statistics")
    assert out.splitlines()[-2:] == [
        "Found 5 finding(s).",
        "[*] 2 fixable with `--fix` (3 unsafe fixes available with `--fix --unsafe-fixes`: review them)."]
    _, out, _ = ovlint("check", "--no-cache", "--statistics", "--quiet")
    assert len(out.splitlines()) == 2
    code, out, err = ovlint("check", "--no-cache", "--statistics", "--output-format", "sarif")
    assert code == 2 and out == "" and "'--statistics' prints text or JSON" in err


def test_a_mistyped_subcommand_is_a_usage_error_and_a_missing_path_a_finding(ovlint, tmp_path):
    code, out, err = ovlint("chek")
    assert code == 2 and out == "" and "unrecognized subcommand 'chek'" in err
    assert "a similar subcommand exists: 'check'" in err
    code, _, err = ovlint("reprot")
    assert code == 2 and "a similar subcommand exists: 'report'" in err
    code, out, _ = ovlint("missing.py", "--no-cache", "--output-format", "concise")
    assert code == 1 and out.startswith("missing.py:1:1: OV003")  # ruff's E902
    code, _, err = ovlint("-n", "rules")  # options before a subcommand
    assert code == 2 and "'rules' is a subcommand, not a path" in err
    write(tmp_path / "chek", "#!/bin/sh\nmo --input_model m.onnx\n")
    code, out, _ = ovlint("chek", "--no-cache", "--output-format", "concise")
    assert code == 1 and out.startswith("chek:2:1: OV201")  # a path of that name is checked


def test_piped_listings_are_whole(ovlint):
    code, out, _ = ovlint("rules")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["code", "name", "fix", "deprecated", "removed", "summary"]
    assert "…" not in out and not any(line != line.rstrip() for line in lines)
    for rule in registry.all_rules():  # one line per rule, its summary whole
        assert any(line.startswith(rule.code + " ") and line.endswith(rule.summary) for line in lines), rule.code
    _, out, _ = ovlint("--help")
    commands = out.split("Commands:", 1)[1]
    assert "..." not in commands and "Lint PATHS; with --fix, migrate them." in commands
    code, out, _ = ovlint("rule", "OV101")
    assert out == ruledocs.rule_markdown(registry.find("OV101"), heading="#").rstrip("\n") + "\n"
    assert not any(line != line.rstrip() for line in out.splitlines())


def _on_a_terminal(args, env) -> str:
    """What ovlint prints to a pseudo-terminal."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "ovlint", *args], stdout=follower, stderr=follower,
                               env={**os.environ, **env}, cwd=env.get("PWD"))
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode()


def test_no_color_means_no_styles_on_a_terminal(tmp_path):
    write(tmp_path / "app.py", LEGACY)
    plain = {"PWD": str(tmp_path), "NO_COLOR": "", "FORCE_COLOR": ""}
    styled = _on_a_terminal(["check", "--no-cache", "app.py"], plain)
    assert "\x1b[1m" in styled  # bold on a terminal: the check can fail
    for args in (["check", "--no-cache", "app.py"], ["rule", "OV101"], ["rules"]):
        out = _on_a_terminal(args, {**plain, "NO_COLOR": "1"})
        assert "\x1b[" not in out and "OV101" in out, args


@pytest.mark.parametrize("first,second", CONFLICTS)
def test_options_that_cannot_go_together_are_a_usage_error(ovlint, tmp_path, first, second):
    write(tmp_path / "app.py", LEGACY)
    options = {"write_baseline": ["--write-baseline", "baseline.json"]}
    args = options.get(first, ["--" + first.replace("_", "-")]) + options.get(second, ["--" + second.replace("_", "-")])
    code, out, err = ovlint("check", "--no-cache", *args)
    assert code == 2 and out == "" and "cannot be used with" in err
    assert (tmp_path / "app.py").read_text() == LEGACY and not (tmp_path / "baseline.json").exists()


def test_diff_exits_1_only_for_a_diff_and_says_what_it_would_fix(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    code, out, err = ovlint("check", "--no-cache", "--diff", "--report", "report.md")
    assert code == 1 and out.startswith("--- app.py\n") and err == "Would fix 2 finding(s).\n"
    assert "Fixed in this run" not in (tmp_path / "report.md").read_text()  # nothing was written
    write(tmp_path / "app.py", UNSAFE_MODULE)
    code, out, err = ovlint("check", "--no-cache", "--diff")
    assert code == 0 and out == "" and err == "No findings would be fixed (3 unsafe fixes available with `--unsafe-fixes`).\n"
    write(tmp_path / "app.py", "import os\n")
    assert ovlint("check", "--no-cache", "--diff") == (0, "", "")


def test_show_fixes_leaves_a_machine_format_whole(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    code, out, err = ovlint("check", "--no-cache", "--fix", "--show-fixes", "--output-format", "json")
    assert code == 0 and json.loads(out) == [] and "Fixed 2 finding(s) in app.py:" in err


def test_a_stdin_filename_alone_means_standard_input(ovlint, tmp_path):
    write(tmp_path / "other.py", LEGACY)
    code, out, _ = ovlint("check", "--stdin-filename", "x.py", "--output-format", "concise", input=LEGACY)
    assert code == 1 and out.startswith("x.py:1:1: OV101") and "other.py" not in out


def test_short_flags_silent_and_an_empty_run(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    assert ovlint("-V")[1] == ovlint("--version")[1]
    assert ovlint("check", "-n", "-e")[0] == 0 and not (tmp_path / ".ovlint_cache").exists()
    assert ovlint("check", "-n", "-s") == (1, "", "")
    assert ovlint()[0] == 1  # `ovlint` alone checks the current folder
    os.mkdir(tmp_path / "empty")
    code, out, err = ovlint("check", "-n", "empty")
    assert code == 0 and out == "All checks passed!\n" and "no files to check" in err


def _readme_usage() -> list:
    """The commands of the README's usage block, as argument lists (`a|b` choices: the last one)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Usage", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.splitlines():
        words = line.split("#", 1)[0].replace("[PATHS...]", ".").split()
        commands.append([word.rsplit("|", 1)[-1] for word in words[1:]])
    return commands


@pytest.mark.parametrize("args", _readme_usage(), ids=" ".join)
def test_every_command_of_the_readme_runs(ovlint, tmp_path, args):
    write(tmp_path / "app.py", LEGACY)
    code, out, err = ovlint(*args, input=LEGACY)
    assert code in (0, 1) and "Error" not in err and (out or err), (code, out, err)


def test_the_readme_configuration_is_a_valid_one(ovlint, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Configuration", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path / "pyproject.toml", table)
    write(tmp_path / "app.py", LEGACY)
    code, _, err = ovlint("check", "--no-cache")
    assert code in (0, 1) and err == ""


def test_the_output_can_go_to_a_file(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    code, out, err = ovlint("check", "-n", "--output-format", "json", "-o", "findings.json")
    assert code == 1 and out == err == ""
    assert [item["code"] for item in json.loads((tmp_path / "findings.json").read_text())] == ["OV101", "OV102"]
    code, out, _ = ovlint("check", "-n", "--output-file", "findings.txt")
    assert out == "" and (tmp_path / "findings.txt").read_text().endswith("[*] 2 fixable with `--fix`.\n")


@pytest.mark.parametrize("args", [["check", "-n", "-o", "app.py/out.txt"], ["check", "-n", "--report", "app.py/r.md"],
                                  ["check", "-n", "--write-baseline", "app.py/b.json"],
                                  ["report", ".", "-o", "app.py/r.md"]], ids=" ".join)
def test_a_file_ovlint_cannot_write_is_an_error_not_a_traceback(ovlint, tmp_path, args):
    write(tmp_path / "app.py", LEGACY)  # a file, so nothing can be written under it
    code, _, err = ovlint(*args)
    assert code == 2 and err == f"ovlint: error: {args[-1]}: cannot write (Not a directory)\n"


@pytest.mark.parametrize("args", [["check", "-n", "-o", "new/out.txt"], ["check", "-n", "--report", "new/r.md"],
                                  ["check", "-n", "--write-baseline", "new/b.json"],
                                  ["report", ".", "-o", "new/r.md"]], ids=" ".join)
def test_an_output_file_gets_its_missing_folders(ovlint, tmp_path, args):
    write(tmp_path / "app.py", LEGACY)
    ovlint(*args)
    assert (tmp_path / args[-1]).stat().st_size > 0


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    """`ovlint check | head -1`: the reader goes away before ovlint writes."""
    for index in range(40):
        write(tmp_path / f"m{index}.py", LEGACY)
    process = subprocess.Popen([sys.executable, "-m", "ovlint", "check", "-n", "."], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    err = process.stderr.read()
    process.wait(timeout=120)
    assert err == b""
