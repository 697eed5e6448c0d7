"""Runs ovlint over files: cache lookups and the prefilter in this process, parsing and
fixing in worker processes, one result per file, never an exception."""
from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field, replace
from typing import Optional, Union

from ovlint.base import depends
from ovlint.engine import dataclass_code, prefilter
from ovlint.base.diagnostics import Diagnostic
from ovlint.base.files import ReadError, read_regular
from ovlint.engine.own_rules import FileNotParsed, FileNotReadable, FixDidNotConverge, InternalError
from ovlint.base.text import DecodeError, SourceText, decode
from ovlint.base.versions import Floor
from ovlint.engine.patch import unified_diff
from ovlint.engine.writer import WriteError, write_atomic
from ovlint.surfaces import named

@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    applied: list[Diagnostic] = field(default_factory=list)
    diff: bytes = b""  # for --diff: a patch in the file's encoding
    fixed_text: Optional[bytes] = None  # for stdin and --diff: the fixed bytes
    cacheable: bool = True
    reads: list = field(default_factory=list)  # what else the result read (`depends.noted`)


@dataclass
class Task:
    path: str
    kind: Optional[str]  # the name of its FileKind
    codes: frozenset
    target: str
    mode: str  # check, fix, diff
    unsafe: bool
    max_file_size: int  # bytes
    timeout: float  # seconds
    root: Optional[str] = None  # the real path of the folder it was found in: fixes stay inside it
    cache_key: Optional[list] = None
    display: Optional[str] = None  # the name to report (stdin)
    floor: Optional[Floor] = None  # the oldest release the project pins
    overlay: Optional[dict] = None  # --diff, linting again: what the run's fixes made of files (absolute path -> bytes)
    admitted: Optional[frozenset] = None  # the codes of the rules the prefilter admitted it to, if screened already


def _engine(rule, path: str, detail: str) -> Diagnostic:
    return Diagnostic(rule.code, f"{rule.summary}: {detail}", path)


def unreadable(path: str, detail: str) -> FileResult:
    return FileResult(path, [_engine(FileNotReadable, path, detail)], cacheable=False)


def read(task: Task) -> tuple[Optional[bytes], Optional[FileResult]]:
    try:
        return read_regular(task.path, task.max_file_size), None
    except ReadError as exc:
        limit = " (the `max-file-size` setting)" if str(exc).startswith("larger than") else ""
        return None, unreadable(task.path, f"{exc}{limit}")


def _admitted(task: Task, data: bytes) -> tuple:
    """The rules the prefilter lets the file through to (their catalog entries)."""
    if task.admitted is not None:  # screened in another process, from the same bytes
        return tuple(r for r in prefilter.rules_for(task.kind, task.codes, task.target) if r.code in task.admitted)
    if b"\x00" in data:  # UTF-16 or UTF-32: the (ASCII) needles show once the zero bytes are gone
        data = data.replace(b"\x00", b"")
    return prefilter.admitted(task.kind, task.codes, task.target, data, os.path.basename(task.path))


def process(task: Task, data: Optional[bytes] = None) -> FileResult:
    """Lint (and fix) one file. Every failure becomes an OV0xx diagnostic."""
    name = task.display or task.path
    if task.kind is None:
        return unreadable(name, "not a file type ovlint knows")
    if data is None and task.overlay:
        data = task.overlay.get(os.path.abspath(task.path))
    if data is None:
        data, failed = read(task)
        if failed:
            return failed
    admitted = _admitted(task, data)
    if not admitted:
        return FileResult(name)
    try:
        kind = named(task.kind)
        source = decode(data, python=kind.python_source, bytewise=kind.bytewise)
    except DecodeError as exc:
        return unreadable(name, str(exc))
    try:
        with depends.recording(task.overlay) as notes:
            result = _lint_or_fix(task, name, data, source, admitted)
        result.reads = depends.noted(notes)
        result.cacheable = result.cacheable and not task.overlay
        return result
    except Exception as exc:  # a bug in a rule or surface must not stop the run
        import traceback

        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if os.environ.get("OVLINT_DEBUG"):
            traceback.print_exc()
        return FileResult(name, [_engine(InternalError, name, detail)], cacheable=False)


def _lint_or_fix(task: Task, name: str, data: bytes, source: SourceText, admitted: tuple) -> FileResult:
    from ovlint.engine.fixer import fix_text
    from ovlint.engine.linter import lint_text

    rules = prefilter.rules_for(task.kind, task.codes, task.target)
    kind = named(task.kind)
    if task.mode == "check":
        return FileResult(name, lint_text(name, kind, source.text, rules, task.target, task.floor,
                                          admitted).diagnostics)
    outcome = fix_text(name, kind, source.text, rules, task.target, task.unsafe, source.encode, task.floor)
    result = FileResult(name, outcome.diagnostics, outcome.applied)
    if outcome.text == source.text:
        return result
    new_bytes = source.encode(outcome.text)
    if task.mode == "diff":
        result.diff = unified_diff(_original(task, source), outcome.text, name)
        result.fixed_text = new_bytes
    elif task.display is not None:
        result.fixed_text = new_bytes
    else:
        try:
            write_atomic(task.path, new_bytes, data, task.root)
        except WriteError as exc:
            result.applied = []
            result.diagnostics = _relint(task, name, source)
            result.diagnostics.append(_engine(FileNotReadable, name, str(exc)))
            result.cacheable = False
    return result


def _original(task: Task, source: SourceText) -> SourceText:
    """The file as it is on disk: a --diff run linting it again started from its fixed text."""
    if not (task.overlay and os.path.abspath(task.path) in task.overlay):
        return source
    data, failed = read(task)
    return source if failed else decode(data, python=named(task.kind).python_source, bytewise=named(task.kind).bytewise)


def _relint(task: Task, name: str, source: SourceText) -> list[Diagnostic]:
    from ovlint.engine.linter import lint_text

    rules = prefilter.rules_for(task.kind, task.codes, task.target)
    return lint_text(name, named(task.kind), source.text, rules, task.target, task.floor).diagnostics


def run(tasks: list[Task], jobs: int, cache=None) -> list[FileResult]:
    """Process every task; cached results are reused, the rest run on `jobs` worker processes."""
    results: list[Optional[FileResult]] = [None] * len(tasks)
    pending = []
    for index, task in enumerate(tasks):
        if cache is not None and task.cache_key is not None:
            cached = cache.get(task.path, task.cache_key)
            if cached is not None and (task.mode == "check" or not any(d.fix for d in cached[0])):
                results[index] = FileResult(task.path, cached[0], reads=cached[1])
                continue
        pending.append(index)
    unscreened, sizes = [], {}
    for index in pending:
        task = tasks[index]
        if task.kind is not None and not prefilter.rules_for(task.kind, task.codes, task.target):
            results[index] = FileResult(task.path)
        else:
            unscreened.append(index)
            sizes[index] = _size(task.path)
    with _Workers(jobs) as workers:
        admitted_codes = _screen(tasks, unscreened, sizes, results, workers)
        admitted = list(admitted_codes)
        # the largest first: the cores finish together instead of one waiting on a big file at the end
        admitted.sort(key=lambda i: sizes[i], reverse=True)
        for index, result in zip(admitted, workers.map([(replace(tasks[i], admitted=admitted_codes.get(i)), None)
                                                        for i in admitted])):
            results[index] = result
    if any(task.mode != "check" for task in tasks):
        pending = sorted(set(pending) | _settle(tasks, results, jobs))
    if cache is not None:
        for index in pending:  # only results computed in this run: the rest came from the cache
            task, result = tasks[index], results[index]
            if task.cache_key is not None and result.cacheable and (task.mode == "check" or not result.applied):
                cache.put(task.path, task.cache_key, result.diagnostics, result.reads)
        cache.save()
    return results


ROUNDS = 10  # a fix run lints files again at most this many times in all


def _settle(tasks: list[Task], results: list, jobs: int) -> set:
    """Lint again, fixing, the files whose results read a file this run fixed, until no fix
    changes what another result read: a module's part held back while a module importing it read
    its objects as API 1.0 is fixed once that module's own fix ends it, in the same run, not in a
    second one (and the program never left half migrated). --diff shows them as its fixes left them
    (`Task.overlay`). New workers each round: what a worker keeps of the program's modules (read
    once per process) is what the last round left. The indices of the results replaced."""
    made = {os.path.abspath(r.path): r.fixed_text for r in results if r is not None and r.applied}
    changed = set(made)  # the files the last round fixed; `made`: all so far, with their bytes (--diff)
    again: set = set()
    for round_ in range(ROUNDS):
        touched = [i for i, r in enumerate(results) if r is not None and depends.touched(r.reads, changed)]
        if not touched:
            break
        if round_ == ROUNDS - 1:  # a chain of modules each waiting for the next: say so, do not hide it
            for index in touched:
                results[index].diagnostics.append(_engine(FixDidNotConverge, results[index].path, (
                    f"the modules it reads were still being fixed after {ROUNDS} rounds: run `--fix` again")))
                results[index].cacheable = False
            break
        overlay = {path: data for path, data in made.items() if data is not None} or None
        # a file its own fix changed is screened again
        redo = [replace(tasks[i], overlay=overlay if tasks[i].mode == "diff" else None, admitted=None) for i in touched]
        with _Workers(jobs) as workers:
            redone = workers.map([(task, None) for task in redo])
        changed = set()
        for index, result in zip(touched, redone):
            before = results[index]
            if result.applied:
                path = os.path.abspath(result.path)
                changed.add(path)
                made[path] = result.fixed_text
            result.applied = before.applied + result.applied
            if not result.applied[len(before.applied):]:  # nothing more fixed: the last round's text stands
                result.diff, result.fixed_text = before.diff, before.fixed_text
            results[index] = result
        again.update(touched)
    return again


# below this many bytes in all, files are screened here: forking workers would cost more
SCREENED_HERE = 1 << 20
# the bytes the workers screen per item: few items to send, enough of them to share out evenly
BATCH_BYTES = 256 << 10
BATCH_FILES = 256


def _screen(tasks: list[Task], indices: list[int], sizes: dict, results: list, workers: "_Workers") -> dict:
    """The indices of the tasks the prefilter admits, to be linted, each with the codes of the rules
    it admits them to (None: to be screened where linted); the results of the rest go into
    `results`. Most files end here, after one read: in this process for a few small files, else
    in batches on the workers. A batch whose worker died or ran out of time is linted file by
    file, so that the file that did it is reported alone."""
    if workers.jobs == 1 or sum(sizes[i] for i in indices) < SCREENED_HERE:
        screened = [_screened(tasks[i]) for i in indices]
    else:
        batches = _batches(indices, sizes)
        screened = [outcome for batch, outcomes in zip(batches, workers.map([[tasks[i] for i in b] for b in batches]))
                    for outcome in (outcomes or [None] * len(batch))]
    admitted = {}
    for index, outcome in zip(indices, screened):
        if isinstance(outcome, FileResult):
            results[index] = outcome
        else:
            admitted[index] = outcome
    return admitted


def _batches(indices: list[int], sizes: dict) -> list[list[int]]:
    batches: list[list[int]] = [[]]
    size = 0
    for index in indices:
        if batches[-1] and (size + sizes[index] > BATCH_BYTES or len(batches[-1]) == BATCH_FILES):
            batches.append([])
            size = 0
        batches[-1].append(index)
        size += sizes[index]
    return batches


def _screened(task: Task) -> Union[FileResult, frozenset, None]:
    """The result of a file the prefilter rejects, or that cannot be read; else it is to be linted,
    and this is the codes of the rules the prefilter admits it to (None for a file of no kind)."""
    data, failed = read(task)
    if failed:
        return failed
    if task.kind is None:
        return None
    admitted = _admitted(task, data)
    return frozenset(r.code for r in admitted) if admitted else FileResult(task.path)


def _size(path: str) -> int:
    """The size of the file at `path`; 0 when it cannot be told (reading it will say why)."""
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


class _Workers:
    """The worker processes of a run, started when first needed: a run whose files all end in
    the prefilter here starts none."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = None

    def __enter__(self) -> "_Workers":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.__exit__(*exc)

    def map(self, items: list) -> list:
        """`_work(item)` for each item: a list of tasks to screen (None when its worker died or
        ran out of time), or a (task, data) to lint."""
        if not items:
            return []
        if self.pool is None:
            from ovlint.engine.pool import Pool

            # each worker imports what its files need (LibCST, the rules), all of them at once on
            # their own cores, where this process importing it first would keep them waiting
            self.pool = Pool(_work, self.jobs)
        with _progress(len(items) if isinstance(items[0], tuple) else 0) as advance:
            return self.pool.map(items, timeout=_timeout, crashed=_crashed, timed_out=_timed_out, done=advance)


def isolated(items: list[tuple[Task, Optional[bytes]]], jobs: int) -> list[FileResult]:
    """`process(task, data)` for each item in worker processes, so that a file that crashes the
    parser, or takes longer than its time limit, is reported alone and the run goes on."""
    with _Workers(jobs) as workers:
        return workers.map(items)


def _work(item):
    if isinstance(item, list):
        return [_screened(task) for task in item]
    result = process(*item)
    dataclass_code.keep_new()  # what a worker compiled importing LibCST: workers never exit on their own
    return result


def _timeout(item) -> float:
    return max(task.timeout for task in item) if isinstance(item, list) else item[0].timeout


def _crashed(item, how: str) -> Optional[FileResult]:
    if isinstance(item, list):
        return None
    name = item[0].display or item[0].path
    return FileResult(name, [_engine(InternalError, name, how)], cacheable=False)


def _timed_out(item) -> Optional[FileResult]:
    if isinstance(item, list):
        return None
    task = item[0]
    name = task.display or task.path
    detail = f"not linted: it took longer than {task.timeout:g} s (the `file-timeout` setting)"
    return FileResult(name, [_engine(FileNotParsed, name, detail)], cacheable=False)


PROGRESS_FROM = 200  # files to parse before a progress bar is worth showing


@contextlib.contextmanager
def _progress(total: int):
    """A transient progress bar on an interactive terminal, for long runs only; never in CI logs
    or when standard error is piped."""
    if total < PROGRESS_FROM or not sys.stderr.isatty() or os.environ.get("CI"):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("linting", total=total)
        yield lambda: bar.advance(task)
