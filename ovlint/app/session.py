"""One `ovlint check` run: gather files, run them, print, and choose the exit code."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Optional

from ovlint.app import reporters
from ovlint.engine.cache import Cache
from ovlint.base.diagnostics import Applicability
from ovlint.engine.discovery import discover
from ovlint.engine.runner import Task, process, run, unreadable
from ovlint.surfaces import kind_of, named, python

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
    verbose: bool = False
    stdin_filename: Optional[str] = None
    add_noqa: bool = False
    baseline: Optional[str] = None  # report only findings missing from this file
    write_baseline: Optional[str] = None
    report_file: Optional[str] = None  # a migration report of this run


def _task(path: str, kind: str, settings, options: CheckOptions, display=None) -> Task:
    unsafe = settings.unsafe_fixes if options.unsafe_fixes is None else options.unsafe_fixes
    return Task(path, kind, settings.codes_for(display or path), settings.target_version, options.mode,
                unsafe, display=display, floor=settings.floor)


def sorted_diagnostics(results) -> list:
    return sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())


def _run(options: CheckOptions, resolver, cache=None) -> tuple[list, list]:
    """(a result per file under `options.paths`, missing paths included; the tasks run)."""
    missing: list[str] = []
    tasks = []
    for target in discover(options.paths, resolver, missing):
        if target.kind is None:  # named explicitly (pre-commit passes every text file): nothing to check
            if options.verbose:
                print(f"ovlint: {target.path}: not a kind of file ovlint reads; skipped", file=sys.stderr)
            continue
        settings = resolver.for_file(target.path)  # discovery has applied its excludes already
        task = _task(target.path, target.kind.name, settings, options)
        if cache is not None:
            try:
                task.cache_key = cache.key(os.stat(target.path), settings.digest())
            except OSError:
                pass
        tasks.append(task)
    if options.verbose:
        sources = sorted({resolver.for_file(t.path).source or "(defaults)" for t in tasks})
        print(f"ovlint: {len(tasks)} file(s); settings from {', '.join(sources) or '(defaults)'}", file=sys.stderr)
    results = run(tasks, options.jobs, cache) + [unreadable(path, "no such file or directory") for path in missing]
    return results, tasks


def collect(options: CheckOptions, resolver) -> tuple[list, str]:
    """Every diagnostic under `options.paths`, sorted, and the target release of the first path."""
    results, _ = _run(options, resolver)
    target = resolver.for_directory(options.paths[0] if os.path.isdir(options.paths[0]) else
                                    os.path.dirname(os.path.abspath(options.paths[0]))).target_version
    return sorted_diagnostics(results), target


def run_check(options: CheckOptions, resolver) -> int:
    if options.paths == ["-"]:
        return _run_stdin(options, resolver)
    cache = None
    if options.use_cache:
        here = resolver.for_directory(os.getcwd())
        cache = Cache(os.path.join(here.root, here.cache_dir))
    results, tasks = _run(options, resolver, cache)
    if options.write_baseline:
        return _write_baseline(results, options.write_baseline)
    if options.add_noqa:
        return _add_noqa(results, tasks)
    if options.report_file:
        from ovlint.app import report

        target = tasks[0].target if tasks else resolver.for_directory(os.getcwd()).target_version
        report.write(options.report_file, sorted_diagnostics(results), target, [d for r in results for d in r.applied])
    return _report(results, options, sys.stdout, sorted({t.target for t in tasks}))


def _write_baseline(results, path: str) -> int:
    from ovlint.app import baseline

    diagnostics = sorted_diagnostics(results)
    count = baseline.write(path, [d for d in diagnostics if not d.code.startswith("OV0")])
    print(f"ovlint: wrote {count} finding(s) to {path}", file=sys.stderr)
    return EXIT_CLEAN


def _add_noqa(results, tasks) -> int:
    from ovlint.app import noqa_writer
    from ovlint.engine.fixer import apply_edits
    from ovlint.base.text import DecodeError, decode
    from ovlint.engine.writer import WriteError, write_atomic

    kinds = {(t.display or t.path): (t.path, named(t.kind)) for t in tasks}
    added = 0
    for result in results:
        if not result.diagnostics or result.path not in kinds:
            continue
        path, kind = kinds[result.path]
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            source = decode(data, python=kind.python_source)
            edits = noqa_writer.edits(kind, source.text, result.diagnostics)
            if edits:
                write_atomic(path, source.encode(apply_edits(source.text, edits)), data)
                added += len(edits)
        except (OSError, DecodeError, WriteError) as exc:
            print(f"ovlint: {result.path}: no noqa comments added ({exc})", file=sys.stderr)
    print(f"ovlint: added {added} noqa comment(s)", file=sys.stderr)
    return EXIT_CLEAN


def _run_stdin(options: CheckOptions, resolver) -> int:
    name = options.stdin_filename or "-"
    settings = resolver.for_file(name if options.stdin_filename else os.path.join(os.getcwd(), "stdin.py"))
    kind = (kind_of(name) if options.stdin_filename else python.KIND) or None
    kind = kind.name if kind is not None else None
    data = sys.stdin.buffer.read()
    task = _task(name, kind, settings, options, display=name)
    result = process(task, data)
    if options.mode == "fix":
        sys.stdout.buffer.write(result.fixed_text if result.fixed_text is not None else data)
        sys.stdout.flush()
        return _report([result], options, sys.stderr)
    return _report([result], options, sys.stdout)


def _report(results, options: CheckOptions, out, targets=()) -> int:
    diagnostics = sorted_diagnostics(results)
    if options.baseline:
        from ovlint.app import baseline

        diagnostics = baseline.new_findings(diagnostics, baseline.read(options.baseline))
    applied = [d for r in results for d in r.applied]
    diffs = [r.diff for r in results if r.diff]
    if options.mode == "diff":
        for diff in diffs:
            out.write(diff)
    elif options.statistics:
        for line in statistics_lines(diagnostics):
            out.write(line + "\n")
    else:
        reporters.render(options.output_format, diagnostics, out)
    if options.show_fixes and applied:
        _print_applied(results, out)
    if not options.quiet and options.output_format in ("full", "concise") and not options.statistics:
        summary_out = out if options.mode != "diff" else sys.stderr
        _summary(diagnostics, applied, options, summary_out)
        for line in upgrade_steps(diagnostics, targets):
            summary_out.write(line + "\n")
    if any(d.code == "OV004" for d in diagnostics):
        return EXIT_ERROR
    if options.exit_zero:
        return EXIT_CLEAN
    if options.mode == "diff" and diffs:
        return EXIT_FINDINGS
    if diagnostics or (options.exit_non_zero_on_fix and applied):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _print_applied(results, out) -> None:
    for result in results:
        if not result.applied:
            continue
        out.write(f"Fixed {len(result.applied)} finding(s) in {result.path}:\n")
        for diag in result.applied:
            out.write(f"    {diag.code} {diag.message}\n")


def _summary(diagnostics, applied, options: CheckOptions, out) -> None:
    fixed = len(applied)
    remaining = len(diagnostics)
    verb = "would be fixed" if options.mode == "diff" else "fixed"
    if remaining == 0 and fixed == 0:
        out.write("All checks passed!\n")
        return
    if fixed:
        out.write(f"Found {fixed + remaining} finding(s) ({fixed} {verb}, {remaining} remaining).\n")
    else:
        out.write(f"Found {remaining} finding(s).\n")
    if options.mode == "check":
        safe = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.SAFE)
        unsafe = sum(1 for d in diagnostics if d.fix and d.fix.applicability is Applicability.UNSAFE)
        if safe:
            out.write(f"[*] {safe} fixable with `ovlint --fix`.\n")
        if unsafe:
            out.write(f"[-] {unsafe} more fixable with `ovlint --fix --unsafe-fixes` (review these).\n")


def statistics_lines(diagnostics) -> list[str]:
    from collections import Counter

    from ovlint.engine import registry

    counts = Counter(d.code for d in diagnostics)
    fixable = {d.code for d in diagnostics if d.fix is not None}
    rules = registry.by_code()
    return [
        f"{count:>5}\t{code}\t{'[*] ' if code in fixable else '    '}{rules[code].name if code in rules else ''}"
        for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def upgrade_steps(diagnostics, targets=()) -> list[str]:
    """One line per pinned floor: what breaks at each upgrade step from it to the target."""
    from collections import Counter, defaultdict

    from ovlint.base.versions import at_least, parse

    by_floor: dict = defaultdict(Counter)
    for diag in diagnostics:
        if diag.floor is None:
            continue
        if diag.removed_in is None:
            step = "deprecated" if diag.deprecated_in else None
        elif at_least(diag.floor.release, diag.removed_in):
            step = "gone"
        else:
            step = diag.removed_in
        if step:
            by_floor[diag.floor][step] += 1
    target = f" to {targets[0]}" if len(targets) == 1 else ""
    lines = []
    for floor, steps in sorted(by_floor.items(), key=lambda item: (parse(item[0].release), item[0].origin)):
        parts = [f"{count} break at {release}" for release, count in
                 sorted(((r, c) for r, c in steps.items() if r not in ("gone", "deprecated")), key=lambda rc: parse(rc[0]))]
        if steps["gone"]:
            parts.append(f"{steps['gone']} use what the pinned release no longer has")
        if steps["deprecated"]:
            parts.append(f"{steps['deprecated']} deprecated, not removed yet")
        lines.append(f"Migrating from OpenVINO {floor}{target}: " + ", ".join(parts) + ".")
    return lines
