"""The lines that end the text formats: how many findings, what `--fix` would fix (ruff's
wording), and per pinned release what breaks at each upgrade step."""
from __future__ import annotations


def _unsafe(count: int) -> str:
    return f"{count} unsafe fix{'es' if count != 1 else ''}"


def check_lines(diagnostics, applied, fixability, fixing: bool) -> list[str]:
    """After a check run, or a fix run (`fixing`) with what it `applied`."""
    fixed, remaining = len(applied), len(diagnostics)
    if remaining == 0 and fixed == 0:
        return ["All checks passed!"]
    lines = [f"Found {fixed + remaining} finding(s) ({fixed} fixed, {remaining} remaining)." if fixed
             else f"Found {remaining} finding(s)."]
    fixable = sum(1 for d in diagnostics if fixability.applies(d))
    unsafe = sum(1 for d in diagnostics if fixability.needs_unsafe(d))
    hidden = f"{_unsafe(unsafe)} available with `--fix --unsafe-fixes`: review them"
    if fixable and not fixing:
        lines.append(f"[*] {fixable} fixable with `--fix`" + (f" ({hidden})." if unsafe else "."))
    elif unsafe:
        lines.append(f"{hidden}.")
    return lines


def diff_lines(diagnostics, applied, fixability) -> list[str]:
    """After `--diff`: only what the diff would fix, and what `--unsafe-fixes` would add."""
    unsafe = sum(1 for d in diagnostics if fixability.needs_unsafe(d))
    more = f"{_unsafe(unsafe)} available with `--unsafe-fixes`"
    if applied:
        return [f"Would fix {len(applied)} finding(s)" + (f" ({more})." if unsafe else ".")]
    return [f"No findings would be fixed ({more})."] if unsafe else []


def upgrade_steps(diagnostics, targets=()) -> list[str]:
    """One line per pinned floor: what breaks at each upgrade step from it to the target."""
    from collections import Counter, defaultdict

    from ovlint.base.versions import at_least, parse

    by_floor: dict = defaultdict(Counter)
    # floors of one release named on several lines of one file (each command run in the same old
    # image) are one line of the summary, named by the first
    first: dict = {}
    for diag in diagnostics:
        if diag.floor is not None:
            group = (diag.floor.release, _origin(diag.floor)[0])
            if group not in first or _origin(diag.floor)[1] < _origin(first[group])[1]:
                first[group] = diag.floor
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
            by_floor[first[(diag.floor.release, _origin(diag.floor)[0])]][step] += 1
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


def _origin(floor) -> tuple[str, int]:
    """(file, line) of where a floor is stated (`requirements.txt:2`); line 0 for a file alone."""
    file, _, line = floor.origin.rpartition(":")
    return (file, int(line)) if file and line.isdigit() else (floor.origin, 0)
