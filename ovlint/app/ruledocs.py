"""Rule documentation, generated from the rules themselves: the `ovlint rules` table, the
`ovlint rule CODE` page, and docs/rules.md (`python -m ovlint.app.ruledocs > docs/rules.md`)."""
from __future__ import annotations

import json
import sys
from typing import Optional

from ovlint.app import links, terminal
from ovlint.base.diagnostics import Applicability
from ovlint.engine import registry


def fix_label(rule) -> Optional[str]:
    """The rule's fix in the docs table, `ovlint rules` and their JSON: safe, unsafe, both
    (`Rule.safe_when` says when it is safe), or None."""
    if rule.fix is None:
        return None
    return "safe or unsafe" if rule.safe_when else rule.fix.value


def fix_text(rule) -> str:
    """What `--fix` does with the rule's fixes, in a sentence."""
    safe, unsafe = "applied by `--fix`", "applied by `--fix --unsafe-fixes`; review the result"
    if rule.fix is None:
        return "none: the message says what to write instead"
    if rule.safe_when:
        return f"safe when {rule.safe_when}: {safe}; otherwise unsafe: {unsafe}"
    return f"safe: {safe}" if rule.fix is Applicability.SAFE else f"unsafe: {unsafe}"


def rule_dict(rule, page) -> dict:
    """`page`: the rules' documentation page (app.links)."""
    return {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "rationale": rule.rationale,
        "fix": fix_label(rule),
        "fix_safe_when": rule.safe_when,
        "surface": rule.surface,
        "deprecated_in": rule.deprecated_in,
        "removed_in": rule.removed_in,
        "replacement": rule.deprecation.replacement if rule.deprecation else None,
        "fix_requires": rule.deprecation.since if rule.fix and rule.deprecation else None,
        "docs": rule.deprecation.docs if rule.deprecation else None,
        "url": links.rule_url(rule.anchor(), page),
        "examples": [{"source": e.source, "fixed": e.fixed, "filename": e.filename, "unsafe": e.unsafe,
                      "messages": list(e.messages or ())} for e in rule.examples],
        "valid": [{"source": v.source, "filename": v.filename} for v in rule.valid],
    }


def _json(value) -> None:
    json.dump(value, sys.stdout, indent=2)
    sys.stdout.write("\n")


COLUMNS = ("code", "name", "fix", "deprecated", "removed", "summary")


def print_table(fmt: str, page) -> None:
    """`ovlint rules`: a table on a terminal; aligned columns, each cell whole, when piped."""
    rules = registry.all_rules()
    if fmt == "json":
        _json([rule_dict(r, page) for r in rules])
        return
    rows = [(r.code, r.name, fix_label(r) or "-", r.deprecated_in or "-", r.removed_in or "-", r.summary) for r in rules]
    if terminal.styled(sys.stdout):
        from rich.table import Table

        table = Table(box=None, pad_edge=False)
        for column in COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        terminal.console(sys.stdout).print(table)
        return
    widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS) - 1)]
    for row in [COLUMNS, *rows]:
        sys.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1] + "\n")


def print_rule(rule, fmt: str, page) -> None:
    """`ovlint rule CODE`: rendered on a terminal, its Markdown as it is when piped."""
    if fmt == "json":
        _json(rule_dict(rule, page))
        return
    text = rule_markdown(rule, heading="#")
    if terminal.styled(sys.stdout):
        from rich.markdown import Markdown

        terminal.console(sys.stdout).print(Markdown(text))
    else:
        sys.stdout.write(text.rstrip("\n") + "\n")


def rule_markdown(rule, heading: str = "##") -> str:
    versions = []
    if rule.deprecated_in:
        versions.append(f"deprecated in OpenVINO {rule.deprecated_in}")
    if rule.removed_in:
        versions.append(f"removed in {rule.removed_in}")
    lines = [
        f"{heading} {rule.code} {rule.name}",
        "",
        f"**{rule.summary}**",
        "",
        f"- Fix: {fix_text(rule)}",
        f"- Applies to: {rule.surface}" + (f"; {', '.join(versions)}" if versions else ""),
    ]
    if rule.deprecation is not None and rule.deprecation.replacement:
        lines.append(f"- Instead: {rule.deprecation.replacement}")
    if rule.fix is not None and rule.deprecation is not None and rule.deprecation.since:
        lines.append(f"- The fix needs OpenVINO {rule.deprecation.since} or newer, as the target and as the "
                     "release the project pins; below that, the finding names the pin to raise")
    if rule.deprecation is not None and rule.deprecation.docs:
        lines.append(f"- Documented in: <{rule.deprecation.docs}>")
    lines += ["", rule.rationale, ""]
    for example in rule.examples:
        lang = _lang(example.filename)
        lines += [f"Flagged (`{example.filename}`):", "", f"```{lang}", example.source.rstrip("\n"), "```", ""]
        if example.fixed is not None:
            how = "--fix --unsafe-fixes" if example.unsafe else "--fix"
            lines += [f"After `{how}`:", "", f"```{lang}", example.fixed.rstrip("\n"), "```", ""]
        elif example.messages:
            lines += ["Reported as:", ""] + [f"> {message}" for message in example.messages] + [""]
    for valid in rule.valid:
        lines += [f"Not flagged (`{valid.filename}`):", "", f"```{_lang(valid.filename)}",
                  valid.source.rstrip("\n"), "```", ""]
    return "\n".join(lines)


def _lang(filename: str) -> str:
    """The Markdown code-fence language for a file of this name."""
    from ovlint.surfaces import kind_of

    kind = kind_of(filename)
    return kind.fence if kind is not None else ""


def document() -> str:
    parts = ["# ovlint rules", "", "Generated by `python -m ovlint.app.ruledocs` from the rules themselves; "
             "a test keeps this file up to date.", "",
             "| code | name | fix | deprecated | removed | summary |", "| --- | --- | --- | --- | --- | --- |"]
    for rule in registry.all_rules():
        parts.append(f"| [{rule.code}](#{rule.anchor()}) | {rule.name} | {fix_label(rule) or '-'} | "
                     f"{rule.deprecated_in or '-'} | {rule.removed_in or '-'} | {rule.summary} |")
    parts.append("")
    for rule in registry.all_rules():
        parts.append(rule_markdown(rule))
    return "\n".join(parts).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(document())
