"""The bookkeeping of the adversarial suite (tests/test_adversarial.py): every attempt is recorded
under its class, and `pytest` prints a table of them (tried, held, failed) after the run."""
from __future__ import annotations

import os
import subprocess
import sys

# OVLINT_HYPOTHESIS_PROFILE=soak: more cases and the full sizes of the large inputs
SOAK = os.environ.get("OVLINT_HYPOTHESIS_PROFILE") == "soak"

CLASSES = {
    1: "parser crash (segfault)",
    2: "traceback ends the run",
    3: "hang or unbounded read",
    4: "write outside the project",
    5: "read-only, owner, hard links",
    6: "silent miss",
    7: "changed bytes or broken file",
    8: "config error ends the run",
    9: "output injection",
    10: "resource blow-up",
    11: "workers and time limits",
}
RECORDS: list[tuple[int, str, bool, str]] = []  # class, attempt, held, what failed
MEASURES: list[str] = []  # time and memory of the large inputs


class Attempts:
    """The attempts of one test: each is recorded, and the test fails listing those that failed."""

    def __init__(self, number: int):
        self.number = number
        self.failed: list[str] = []

    def check(self, name: str, held, detail: str = "") -> None:
        RECORDS.append((self.number, name, bool(held), detail))
        if not held:
            self.failed.append(f"{name}: {detail}"[:600])

    def done(self) -> None:
        assert not self.failed, f"{len(self.failed)} attempt(s) of class {self.number} failed:\n" + "\n".join(self.failed)


def ovlint(cwd, *args, input: bytes | None = None, timeout: float = 60, preexec=None, here: bool = False):
    """(exit code, stdout, stderr) of ovlint run in its own process; exit code None if it hung.
    `here`: in this process instead (faster), for inputs that cannot hang or crash it; an exception
    that escapes shows as a traceback on stderr."""
    if here:
        return _here(cwd, args, input)
    try:
        proc = subprocess.run([sys.executable, "-m", "ovlint", *map(str, args)], cwd=cwd, input=input,
                              capture_output=True, timeout=timeout, preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        return None, "", "timed out"
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def _here(cwd, args, input):
    import traceback

    from click.testing import CliRunner

    from ovlint.app.cli import main

    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(map(str, args)), input=input)
    finally:
        os.chdir(before)
    err = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        err += "Traceback " + "".join(traceback.format_exception(result.exception))
    return result.exit_code, result.stdout, err


def measured(cwd, *args, timeout: float = 600):
    """(exit code, seconds, peak memory in MiB of ovlint and its workers) of one run."""
    script = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
              "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
              "print(code, time.perf_counter() - start, "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "ovlint", *map(str, args)], cwd=cwd,
                         capture_output=True, text=True, timeout=timeout).stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def table() -> list[str]:
    lines = ["| # | class | tried | held | failed |", "|---|---|---|---|---|"]
    for number, name in CLASSES.items():
        found = [r for r in RECORDS if r[0] == number]
        if found:
            held = sum(1 for r in found if r[2])
            lines.append(f"| {number} | {name} | {len(found)} | {held} | {len(found) - held} |")
    total = len(RECORDS)
    held = sum(1 for r in RECORDS if r[2])
    lines.append(f"| | all | {total} | {held} | {total - held} |")
    return lines
