"""The migration report: what a tree still uses, what `--fix` and `--unsafe-fixes` would change,
and a checklist of what needs a person, as Markdown (for a pull request) or HTML."""
from __future__ import annotations

import html
import re
from collections import Counter

from ovlint.app.reporters import safe_text
from ovlint.engine import registry


def _surface(path: str) -> str:
    from ovlint.surfaces import kind_of

    kind = kind_of(path)
    return kind.label if kind is not None else "other"


def write(path: str, diagnostics, target: str, fixed=(), projects=()) -> None:
    """A report file: HTML for `.html`/`.htm`, Markdown otherwise (`projects`: see
    `writer.write_output`). Raises WriteError."""
    from ovlint.engine.writer import write_output

    page = html_page if path.lower().endswith((".html", ".htm")) else markdown
    write_output(path, page(diagnostics, target, fixed).encode("utf-8"), list(projects))


def _where(diag) -> str:
    """Where a finding is, as a code span: a file name can hold anything, Markdown included."""
    cell = f" (cell {diag.cell + 1})" if diag.cell is not None else ""
    return safe_text.markdown_code(f"{diag.path}:{diag.row}:{diag.column}{cell}")


def sections(diagnostics, target: str, fixed=()) -> dict:
    """The report's content; `fixed`: what a `--fix` run just applied."""
    safe = [d for d in diagnostics if d.fix is not None and d.fix.applicability.value == "safe"]
    unsafe = [d for d in diagnostics if d.fix is not None and d.fix.applicability.value == "unsafe"]
    manual = [d for d in diagnostics if d.fix is None]
    families = Counter(d.code[:3] for d in diagnostics)
    surfaces = Counter(_surface(d.path) for d in diagnostics)
    floors = sorted({str(d.floor) for d in diagnostics if d.floor is not None})
    return {
        "summary": [("findings", len(diagnostics)), ("files", len({d.path for d in diagnostics})),
                    ("fixed by `ovlint --fix`", len(safe)),
                    ("fixed by `ovlint --fix --unsafe-fixes` (review them)", len(unsafe)),
                    ("need a person", len(manual)), ("target release", target),
                    ("pinned release (fixes must run on it too)", ", ".join(floors) or "none")],
        "steps": _upgrade_steps(diagnostics),
        "families": [(f"{code}xx {registry.families().get(code, '')}", count) for code, count in sorted(families.items())],
        "surfaces": sorted(surfaces.items(), key=lambda item: -item[1]),
        "rules": sorted(Counter(d.code for d in diagnostics).items()),
        "unsafe": unsafe,
        "manual": manual,
        "fixed": sorted(Counter(d.code for d in fixed).items()),
    }


def _upgrade_steps(diagnostics) -> list:
    """(release, findings) for each release that removes something the code uses, oldest first,
    then what is deprecated but not removed yet."""
    from ovlint.base.versions import parse

    removed = Counter(d.removed_in for d in diagnostics if d.removed_in)
    steps = [(f"removed in {release}", count) for release, count in sorted(removed.items(), key=lambda rc: parse(rc[0]))]
    deprecated = sum(1 for d in diagnostics if d.removed_in is None and d.deprecated_in)
    return steps + ([("deprecated, not removed yet", deprecated)] if deprecated else [])


def _link(code: str) -> str:
    """A link to the rule's section at the end of this report, so the report reads on its own."""
    return f"[{code}](#{registry.by_code()[code].anchor()})"


def markdown(diagnostics, target: str, fixed=()) -> str:
    content = sections(diagnostics, target, fixed)
    out = ["# OpenVINO migration report", "", "| summary | |", "|---|---|"]
    out += [f"| {name} | {value} |" for name, value in content["summary"]]
    if content["fixed"]:
        out += ["", "## Fixed in this run", "", "| rule | fixed |", "|---|---|"]
        out += [f"| {_link(code)} | {count} |" for code, count in content["fixed"]]
    if content["steps"]:
        out += ["", "## What breaks at which upgrade", "", "| release | findings |", "|---|---|"]
        out += [f"| {step} | {count} |" for step, count in content["steps"]]
    out += ["", "## By family", "", "| family | findings |", "|---|---|"]
    out += [f"| {name} | {count} |" for name, count in content["families"]]
    out += ["", "## By kind of file", "", "| kind | findings |", "|---|---|"]
    out += [f"| {name} | {count} |" for name, count in content["surfaces"]]
    out += ["", "## Rules", "", "| rule | findings |", "|---|---|"]
    out += [f"| {_link(code)} | {count} |" for code, count in content["rules"]]
    out += ["", "## To review after `--unsafe-fixes`", ""]
    out += [f"- [ ] {_where(d)} {_link(d.code)}: {safe_text.markdown(d.fix.message)}"
            for d in content["unsafe"]] or ["Nothing."]
    out += ["", "## To do by hand", ""]
    out += [f"- [ ] {_where(d)} {_link(d.code)}: {safe_text.markdown(d.message)}"
            for d in content["manual"]] or ["Nothing."]
    out += _rule_reference(code for code, _ in content["rules"] + content["fixed"])
    return "\n".join(out) + "\n"


def _rule_reference(codes) -> list:
    from ovlint.app import ruledocs

    rules = registry.by_code()
    found = sorted(set(codes))
    if not found:
        return []
    return ["", "## Rule reference", ""] + [ruledocs.rule_markdown(rules[code], heading="###") for code in found]


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
          "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
          "text-align:left}code{background:#f3f3f3;padding:0 .2rem}pre{background:#f3f3f3;padding:.6rem;"
          "overflow-x:auto}pre code{padding:0}li{margin:.3rem 0}li:has(input){list-style:none}")


def _heading_id(match) -> str:
    # the anchor GitHub gives a Markdown heading, so the links work in both renderings
    text = re.sub(r"<[^>]+>", "", match.group(2))
    slug = re.sub(r"[^a-z0-9 _-]", "", html.unescape(text).lower()).replace(" ", "-")
    return f'<h{match.group(1)} id="{slug}">{match.group(2)}</h{match.group(1)}>'


def html_page(diagnostics, target: str, fixed=()) -> str:
    """The Markdown report rendered as a page, its checklist items as checkboxes."""
    from markdown_it import MarkdownIt  # a dependency of rich

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown(diagnostics, target, fixed))
    body = re.sub(r"<h([1-3])>(.*?)</h\1>", _heading_id, body)
    body = body.replace("<li>[ ] ", '<li><input type="checkbox"> ')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>OpenVINO migration report</title><style>{_STYLE}</style></head><body>\n{body}</body></html>\n")
