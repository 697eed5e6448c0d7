"""Python a command runs: the code of `python -c CODE` (in a shell script, a Dockerfile's `RUN`, a
CI step, a notebook's `!` line or a Python `subprocess` call) is linted by the Python rules, and
its findings are reported where the code stands, with the rules' own codes. A fix is written only
where the code stands verbatim inside one shell-quoted segment that can hold what the fix writes;
anywhere else the finding says the code was not rewritten."""
from __future__ import annotations

from typing import Callable, Optional

from ovlint.base.diagnostics import Diagnostic, Edit, Fix
from ovlint.rulekit.context import UnitContext
from ovlint.surfaces.shell import Command, is_python, value_span

# interpreter options that take the next word as their value
_VALUED = {"-W", "-X", "-Q"}
# what each quote lets stand inside it unchanged: a fix writing one of these keeps its finding only
_UNQUOTABLE = {"'": "'\n$", '"': '"$`\\!\n'}
UNQUOTABLE = (" (not rewritten: it is the code of a `python -c` command, rewritten only inside one quoted string, "
              "with what its quoting and the file around it can hold)")
EXPANDED = " (not rewritten: it is the code of a `python -c` command, and holds the shell's variables)"
OVERLAPPING = " (not rewritten: it is the code of a `python -c` command, whose fixes overlap: rewrite it by hand)"
WITHOUT_OPENVINO = (" (not rewritten: the fix would leave this `python -c` command's code without OpenVINO; to check that "
                    "OpenVINO is installed, `import openvino`)")


def code_word(command: Command) -> Optional[int]:
    """The index of the word holding the code of `python [options] -c CODE`, or None."""
    argv = command.argv
    if not argv or not is_python(argv[0]):
        return None
    i = 1
    while i < len(argv) and argv[i].startswith("-"):
        if argv[i] == "-c":
            return i + 1 if i + 1 < len(argv) else None
        if argv[i] in ("-m", "-"):
            return None
        i += 2 if argv[i] in _VALUED else 1
    return None


def lint_code(ctx: UnitContext, command: Command, index: int, lint: Callable[[UnitContext, str], object]) -> None:
    """Lint the code word `index` of `command` with `lint(inner_context, code)` and report its
    findings in `ctx`, at the code's place in the unit's text."""
    word = command.words[index]
    inner = UnitContext(ctx.path, word.value, ctx.cell, ctx.target_version, ctx.filename, ctx.file_codes, ctx.floor)
    lint(inner, word.value)
    # why the fixes cannot be written, if they cannot: the same for all, which share fixes
    held = EXPANDED if word.expanded else _held(word.value, inner.diagnostics)
    moved_fixes: dict = {id(d.fix): None for d in inner.diagnostics} if held else {}
    for diag in inner.diagnostics:
        if diag.code.startswith("OV0"):
            continue  # code that does not parse as Python is the interpreter's to report, not ovlint's
        span = value_span(ctx.text, word, diag.start, diag.end) or (word.start, word.end)
        if diag.fix is not None and id(diag.fix) not in moved_fixes:
            moved_fixes[id(diag.fix)] = _moved_fix(ctx, command, word, diag.fix)
        fix = moved_fixes.get(id(diag.fix))
        moved = Diagnostic(diag.code, diag.message, ctx.path, *span, fix,
                           ctx.cell, deprecation=diag.deprecation, deprecated_in=diag.deprecated_in,
                           removed_in=diag.removed_in, floor=diag.floor)
        if diag.fix is not None and fix is None:
            moved.message += held or UNQUOTABLE
        ctx.diagnostics.append(moved)


def _held(code: str, diagnostics: list) -> str:
    """Why the fixes of the code are not written, or "": fixes that overlap are not applied
    together here; and the code, every fix applied, must still use OpenVINO where it did:
    `python -c "import openvino.inference_engine"` checks that OpenVINO is installed, and removing
    the import nothing else uses, as in a module, would make it check nothing."""
    edits = sorted({edit for d in diagnostics if d.fix is not None for edit in d.fix.edits})
    fixed, end = [], 0
    for edit in edits:
        if edit.start < end:
            return OVERLAPPING
        fixed += [code[end:edit.start], edit.content]
        end = edit.end
    return WITHOUT_OPENVINO if edits and "openvino" in code and "openvino" not in "".join(fixed) + code[end:] else ""


def _moved_fix(ctx: UnitContext, command: Command, word, fix: Optional[Fix]) -> Optional[Fix]:
    """`fix`, its edits moved from the code to the unit's text; None when it cannot be written there."""
    if fix is None or command.carrier not in ("shell", "notebook-magic") or word.value_start is None \
            or word.value_start == word.start:
        return None
    unquotable = _UNQUOTABLE.get(ctx.text[word.value_start - 1])
    if unquotable is None:
        return None
    # in CI YAML the command stands in a YAML scalar too, whose plain or quoted style a `: `, a `#`
    # or a quote could end
    unquotable += ":#'\"\\" if command.origin == "ci-yaml" else ""
    edits = []
    for edit in fix.edits:
        span = value_span(ctx.text, word, edit.start, edit.end)
        if span is None or any(c in edit.content for c in unquotable):
            return None
        edits.append(Edit(*span, edit.content))
    return Fix(tuple(edits), fix.applicability, fix.message, fix.requires)
