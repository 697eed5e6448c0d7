"""One `ovlint check` run: gather files, run them, print, and choose the exit code."""
from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from typing import Optional

from ovlint.app import links, reporters, statistics, summary
from ovlint.app.fixability import Fixability
from ovlint.app.reporters.safe_text import terminal
from ovlint.base.diagnostics import Diagnostic
from ovlint.base.files import size_text
from ovlint.engine.cache import Cache
from ovlint.engine.discovery import discover
from ovlint.engine.own_rules import InvalidConfiguration
from ovlint.engine.runner import FileResult, Task, isolated, run, unreadable
from ovlint.surfaces import kind_of, named

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list
    mode: str = "check"
    unsafe_fixes: Optional[bool] = None
    output_format: str = "full"
    statistics: bool = False
    show_fixes: bool = False
    exit_zero: bool = False
    exit_non_zero_on_fix: bool = False
    jobs: int = 1
    use_cache: bool = True
    quiet: bool = False
    silent: bool = False  # print nothing but what the run produces (the fixed text of stdin)
    verbose: bool = False
    stdin_filename: Optional[str] = None
    add_noqa: bool = False
    baseline: Optional[str] = None  # report only findings missing from this file
    write_baseline: Optional[str] = None
    report_file: Optional[str] = None  # a migration report of this run
    output_file: Optional[str] = None  # what would go to stdout goes here


def _task(path: str, kind: str, settings, options: CheckOptions, display=None, root=None) -> Task:
    unsafe = settings.unsafe_fixes if options.unsafe_fixes is None else options.unsafe_fixes
    return Task(path, kind, settings.codes_for(display or path), settings.target_version, options.mode,
                unsafe, settings.max_file_size, settings.file_timeout, root=root, display=display,
                floor=settings.floor)


def projects(paths: list[str]) -> list[str]:
    """The trees a run works on, whose content a repository controls: each path's repository, or
    the path itself. Output files inside them never follow links (see `writer.write_output`)."""
    from ovlint.base.files import repository_root

    found = []
    for path in paths:
        folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        found.append(repository_root(folder) or os.path.abspath(folder))
    return found


def sorted_diagnostics(results) -> list:
    return sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())


def _run(options: CheckOptions, resolver, cache=None) -> tuple[list, list]:
    """(a result per file under `options.paths`, missing paths included; the tasks run)."""
    problems: list[tuple[str, str]] = []
    tasks = []
    invalid: dict[str, str] = {}  # config file -> why it cannot be used
    digests: dict[int, str] = {}  # id(settings) -> its digest: a folder's settings serve all its files
    for target in discover(options.paths, resolver, problems):
        if target.kind is None:  # named explicitly (pre-commit passes every text file): nothing to check
            if options.verbose:
                print(f"ovlint: {terminal(target.path)}: not a kind of file ovlint reads; skipped", file=sys.stderr)
            continue
        settings = resolver.for_file(target.path)  # discovery has applied its excludes already
        if settings.error is not None:
            invalid[settings.source] = settings.error
            continue
        task = _task(target.path, target.kind.name, settings, options, root=target.root)
        if cache is not None:
            try:
                digest = digests.get(id(settings)) or digests.setdefault(id(settings), settings.digest())
                task.cache_key = cache.key(os.stat(target.path), digest)
            except OSError:
                pass
        tasks.append(task)
    if options.verbose:
        sources = sorted({resolver.for_file(t.path).source or "(defaults)" for t in tasks})
        print(f"ovlint: {len(tasks)} file(s); settings from {terminal(', '.join(sources)) or '(defaults)'}",
              file=sys.stderr)
    results = run(tasks, options.jobs, cache) + [unreadable(path, why) for path, why in problems]
    results += [_invalid_configuration(source, why) for source, why in sorted(invalid.items())]
    return results, tasks


def _invalid_configuration(source: str, why: str) -> FileResult:
    path = os.path.relpath(source)
    detail = why[len(source) + 2:] if why.startswith(source + ": ") else why
    diag = Diagnostic(InvalidConfiguration.code, f"{InvalidConfiguration.summary}: {detail}", path)
    return FileResult(path, [diag], cacheable=False)


def collect(options: CheckOptions, resolver) -> tuple[list, str]:
    """Every diagnostic under `options.paths`, sorted, and the target release of the first path."""
    results, _ = _run(options, resolver)
    target = resolver.for_directory(options.paths[0] if os.path.isdir(options.paths[0]) else
                                    os.path.dirname(os.path.abspath(options.paths[0]))).target_version
    return sorted_diagnostics(results), target


def run_check(options: CheckOptions, resolver) -> int:
    if options.paths == ["-"]:
        return _run_stdin(options, resolver)
    here = resolver.for_directory(os.getcwd())  # run-wide settings: the cache and the rules' page
    cache = None
    if options.use_cache:
        # a cache folder from a repository's own config stays inside it; one from --config may lie anywhere
        cache = Cache(os.path.join(here.root, here.cache_dir), None if resolver.fixed else here.root)
    results, tasks = _run(options, resolver, cache)
    if not results and not (options.quiet or options.silent):
        print("ovlint: warning: no files to check under the given path(s)", file=sys.stderr)
    if options.write_baseline:
        return _write_baseline(results, options)
    if options.add_noqa:
        return _add_noqa(results, tasks)
    if options.report_file:
        from ovlint.app import report

        target = tasks[0].target if tasks else here.target_version
        fixed = [d for r in results for d in r.applied] if options.mode == "fix" else []
        report.write(options.report_file, sorted_diagnostics(results), target, fixed, projects(options.paths))
    with _output(options) as out:
        return _report(results, options, out, _fixability(tasks), here, sorted({t.target for t in tasks}))


@contextlib.contextmanager
def _output(options: CheckOptions):
    """Standard output, or the `--output-file`, written whole at the end (a WriteError when it
    cannot be written)."""
    if options.output_file is None:
        yield sys.stdout
        return
    import io

    from ovlint.engine.writer import write_output

    buffer = io.BytesIO()
    handle = io.TextIOWrapper(buffer, encoding="utf-8")
    yield handle
    handle.flush()
    write_output(options.output_file, buffer.getvalue(), projects(options.paths))


def _fixability(tasks) -> Fixability:
    return Fixability(frozenset(t.display or t.path for t in tasks if t.unsafe))


def _write_baseline(results, options: CheckOptions) -> int:
    from ovlint.app import baseline

    diagnostics = sorted_diagnostics(results)
    path = options.write_baseline
    count = baseline.write(path, [d for d in diagnostics if not d.code.startswith("OV0")], projects(options.paths))
    print(f"ovlint: wrote {count} finding(s) to {terminal(path)}", file=sys.stderr)
    return EXIT_CLEAN


def _add_noqa(results, tasks) -> int:
    from ovlint.app import noqa_writer
    from ovlint.base.files import ReadError, read_regular
    from ovlint.engine.fixer import apply_edits
    from ovlint.base.text import DecodeError, decode
    from ovlint.engine.writer import WriteError, write_atomic

    by_name = {(t.display or t.path): t for t in tasks}
    added = left = 0
    for result in results:
        if not result.diagnostics or result.path not in by_name:
            continue
        task = by_name[result.path]
        kind = named(task.kind)
        try:
            data = read_regular(task.path, task.max_file_size)
            source = decode(data, python=kind.python_source, bytewise=kind.bytewise)
            edits, comments, skipped = noqa_writer.edits(kind, source.text, result.diagnostics)
            left += skipped
            if edits:
                write_atomic(task.path, source.encode(apply_edits(source.text, edits)), data, task.root)
                added += comments
        except (ReadError, DecodeError, WriteError) as exc:
            print(f"ovlint: {terminal(result.path)}: no noqa comments added ({terminal(str(exc))})", file=sys.stderr)
    print(f"ovlint: added {added} noqa comment(s)", file=sys.stderr)
    if left:
        print(f"ovlint: {left} finding(s) cannot take a noqa comment where they are (a line that goes on, a "
              "value over several lines, a Markdown cell, a file without line comments, or ovlint's own about a "
              "file it could not read): fix them, or exclude the file with `per-file-ignores`", file=sys.stderr)
    return EXIT_CLEAN


def _run_stdin(options: CheckOptions, resolver) -> int:
    name = options.stdin_filename or "-"
    settings = resolver.for_file(name if options.stdin_filename else os.path.join(os.getcwd(), "stdin.py"))
    from ovlint.surfaces import python

    kind = (kind_of(name) if options.stdin_filename else python.KIND) or None
    kind = kind.name if kind is not None else None
    data = sys.stdin.buffer.read(settings.max_file_size + 1)
    task = _task(name, kind, settings, options, display=name)
    too_large = len(data) > settings.max_file_size
    if too_large:
        limit = size_text(settings.max_file_size)
        result = unreadable(name, f"larger than {limit} (the `max-file-size` setting)")
    else:
        result = isolated([(task, data)], 1)[0]
    fixability = _fixability([task])
    if options.mode == "fix":
        sys.stdout.buffer.write(result.fixed_text if result.fixed_text is not None else data)
        if too_large:  # the rest goes through unchanged, never held whole
            import shutil

            shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
        sys.stdout.flush()
        return _report([result], options, sys.stderr, fixability, settings)
    with _output(options) as out:
        return _report([result], options, out, fixability, settings)


def _report(results, options: CheckOptions, out, fixability: Fixability, settings, targets=()) -> int:
    """Print the run's findings; `settings` say where their rules' documentation is."""
    diagnostics = sorted_diagnostics(results)
    if options.baseline:
        from ovlint.app import baseline

        diagnostics = baseline.new_findings(diagnostics, baseline.read(options.baseline))
    if diagnostics:  # the documentation's address is read from the package's metadata: only when needed
        links.attach(diagnostics, links.page(settings))
    applied = [d for r in results for d in r.applied]
    diffs = [r.diff for r in results if r.diff]
    text = options.output_format in ("full", "concise")
    if options.silent:
        pass
    elif options.mode == "diff":
        out.flush()
        for diff in diffs:  # bytes in each file's encoding, as `patch` needs them
            out.buffer.write(diff)
        out.buffer.flush()
    elif options.statistics:
        statistics.render(options.output_format, diagnostics, fixability, out)
    else:
        reporters.render(options.output_format, diagnostics, out, fixability=fixability)
    if options.show_fixes and applied and not options.silent:
        _print_applied(results, out if text else sys.stderr)  # a machine format owns stdout
    if text and not (options.quiet or options.silent):
        if options.mode == "diff":  # the diff alone is on stdout, so patch tools can read it whole
            lines = summary.diff_lines(diagnostics, applied, fixability)
            summary_out = sys.stderr
        else:
            lines = summary.check_lines(diagnostics, applied, fixability, options.mode == "fix")
            lines += summary.upgrade_steps(diagnostics, targets)
            summary_out = out
        for line in lines:
            summary_out.write(line + "\n")
    if any(d.code in ("OV004", InvalidConfiguration.code) for d in diagnostics):
        return EXIT_ERROR
    if options.exit_zero:
        return EXIT_CLEAN
    if options.mode == "diff":  # as ruff's: 1 when there is a diff, whatever else remains
        return EXIT_FINDINGS if diffs else EXIT_CLEAN
    if diagnostics or (options.exit_non_zero_on_fix and applied):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _print_applied(results, out) -> None:
    for result in results:
        if not result.applied:
            continue
        out.write(f"Fixed {len(result.applied)} finding(s) in {terminal(result.path)}:\n")
        for diag in result.applied:
            out.write(f"    {diag.code} {terminal(diag.message)}\n")
