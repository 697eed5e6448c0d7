"""Runs ovlint over files: cache lookups and the prefilter in this process, parsing and
fixing in a process pool, one result per file, never an exception."""
from __future__ import annotations

import contextlib
import difflib
import os
import stat
import sys
from dataclasses import dataclass, field
from typing import Optional

from ovlint.engine import prefilter
from ovlint.base.diagnostics import Diagnostic
from ovlint.engine.own_rules import FileNotReadable, InternalError
from ovlint.base.text import DecodeError, SourceText, decode
from ovlint.base.versions import Floor
from ovlint.engine.writer import WriteError, write_atomic
from ovlint.surfaces import named

@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    applied: list[Diagnostic] = field(default_factory=list)
    diff: str = ""
    fixed_text: Optional[bytes] = None  # for stdin: the fixed bytes
    cacheable: bool = True


@dataclass
class Task:
    path: str
    kind: Optional[str]  # the name of its FileKind
    codes: frozenset
    target: str
    mode: str  # check, fix, diff
    unsafe: bool
    cache_key: Optional[list] = None
    display: Optional[str] = None  # the name to report (stdin)
    floor: Optional[Floor] = None  # the oldest release the project pins


def _engine(rule, path: str, detail: str) -> Diagnostic:
    return Diagnostic(rule.code, f"{rule.summary}: {detail}", path, url=rule.url())


def unreadable(path: str, detail: str) -> FileResult:
    return FileResult(path, [_engine(FileNotReadable, path, detail)], cacheable=False)


def read(task: Task) -> tuple[Optional[bytes], Optional[FileResult]]:
    try:
        st = os.stat(task.path)
        if not stat.S_ISREG(st.st_mode):
            return None, unreadable(task.path, "not a regular file")
        with open(task.path, "rb") as handle:
            return handle.read(), None
    except OSError as exc:
        return None, unreadable(task.path, exc.strerror or str(exc))


def process(task: Task, data: Optional[bytes] = None) -> FileResult:
    """Lint (and fix) one file. Every failure becomes an OV0xx diagnostic."""
    name = task.display or task.path
    if task.kind is None:
        return unreadable(name, "not a file type ovlint knows")
    if data is None:
        data, failed = read(task)
        if failed:
            return failed
    if not prefilter.admitted(task.kind, task.codes, task.target, data, os.path.basename(task.path)):
        return FileResult(name)
    try:
        source = decode(data, python=named(task.kind).python_source)
    except DecodeError as exc:
        return unreadable(name, str(exc))
    try:
        return _lint_or_fix(task, name, data, source)
    except Exception as exc:  # a bug in a rule or surface must not stop the run
        import traceback

        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if os.environ.get("OVLINT_DEBUG"):
            traceback.print_exc()
        return FileResult(name, [_engine(InternalError, name, detail)], cacheable=False)


def _lint_or_fix(task: Task, name: str, data: bytes, source: SourceText) -> FileResult:
    from ovlint.engine.fixer import fix_text
    from ovlint.engine.linter import lint_text

    rules = prefilter.rules_for(task.kind, task.codes, task.target)
    kind = named(task.kind)
    if task.mode == "check":
        return FileResult(name, lint_text(name, kind, source.text, rules, task.target, task.floor).diagnostics)
    outcome = fix_text(name, kind, source.text, rules, task.target, task.unsafe, source.encode, task.floor)
    result = FileResult(name, outcome.diagnostics, outcome.applied)
    if outcome.text == source.text:
        return result
    new_bytes = source.encode(outcome.text)
    if task.mode == "diff":
        result.diff = "".join(difflib.unified_diff(
            source.text.splitlines(keepends=True), outcome.text.splitlines(keepends=True), name, name))
        result.applied = outcome.applied
    elif task.display is not None:
        result.fixed_text = new_bytes
    else:
        try:
            write_atomic(task.path, new_bytes, data)
        except WriteError as exc:
            result.applied = []
            result.diagnostics = _relint(task, name, source)
            result.diagnostics.append(_engine(FileNotReadable, name, str(exc)))
            result.cacheable = False
    return result


def _relint(task: Task, name: str, source: SourceText) -> list[Diagnostic]:
    from ovlint.engine.linter import lint_text

    rules = prefilter.rules_for(task.kind, task.codes, task.target)
    return lint_text(name, named(task.kind), source.text, rules, task.target, task.floor).diagnostics


def run(tasks: list[Task], jobs: int, cache=None) -> list[FileResult]:
    """Process every task; cached results are reused, the rest run on `jobs` processes."""
    results: list[Optional[FileResult]] = [None] * len(tasks)
    pending = []
    for index, task in enumerate(tasks):
        if cache is not None and task.cache_key is not None:
            cached = cache.get(task.path, task.cache_key)
            if cached is not None and (task.mode == "check" or not any(d.fix for d in cached)):
                results[index] = FileResult(task.path, cached)
                continue
        pending.append(index)
    # the prefilter runs here: most files end after one read, and only the rest cross to workers
    heavy = []
    contents: dict[int, bytes] = {}
    for index in pending:
        task = tasks[index]
        if task.kind is not None and not prefilter.rules_for(task.kind, task.codes, task.target):
            results[index] = FileResult(task.path)
            continue
        data, failed = read(task)
        if failed:
            results[index] = failed
        elif task.kind is not None and not prefilter.admitted(task.kind, task.codes, task.target, data,
                                                             os.path.basename(task.path)):
            results[index] = FileResult(task.path)
        else:
            heavy.append(index)
            contents[index] = data
    # the largest first, one at a time: the cores finish together instead of one waiting on a big file
    heavy.sort(key=lambda i: len(contents[i]), reverse=True)
    with _progress(len(heavy)) as advance:
        for index, result in zip(heavy, _map(_process_item, [(tasks[i], contents[i]) for i in heavy], jobs)):
            results[index] = result
            advance()
    if cache is not None:
        for index in pending:  # only results computed in this run: the rest came from the cache
            task, result = tasks[index], results[index]
            if task.cache_key is not None and result.cacheable and (task.mode == "check" or not result.applied):
                cache.put(task.path, task.cache_key, result.diagnostics)
        cache.save()
    return results


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


def _process_item(item: tuple) -> FileResult:
    return process(*item)


def _map(function, items: list, jobs: int):
    if jobs <= 1 or len(items) < 2:
        return [function(item) for item in items]
    import concurrent.futures
    import multiprocessing

    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    import libcst  # noqa: F401  (imported before forking, so each worker inherits it)

    workers = min(jobs, len(items))
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(function, items))
    except concurrent.futures.process.BrokenProcessPool:
        # a worker died (a crash in native code): redo each file alone, so only the culprit fails
        return [_isolated(function, item, context) for item in items]


def _isolated(function, item, context) -> FileResult:
    import concurrent.futures

    try:
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
            return pool.submit(function, item).result()
    except concurrent.futures.process.BrokenProcessPool:
        task = item[0]
        name = task.display or task.path
        return FileResult(name, [_engine(InternalError, name, "the process linting this file crashed")],
                          cacheable=False)
