"""The migration report: what a tree still uses, what `--fix` and `--unsafe-fixes` would change,
and a checklist of what needs a person, as Markdown (for a pull request) or HTML."""
from __future__ import annotations

import html
from collections import Counter

FAMILIES = {"OV0": "ovlint itself (files it could not read)", "OV1": "API 1.0 and nGraph",
            "OV2": "Model Optimizer", "OV3": "CPU affinity and pinning", "OV4": "openvino-dev and its tools",
            "OV5": "discontinued components", "OV6": "later removals (openvino.runtime, ...)"}
SURFACES = {".py": "Python", ".ipynb": "notebooks", ".txt": "requirements", ".toml": "pyproject",
            ".cfg": "setup.cfg", ".yml": "YAML", ".yaml": "YAML", ".sh": "shell", ".cpp": "C/C++",
            ".hpp": "C/C++", ".h": "C/C++", ".c": "C/C++", ".cc": "C/C++", ".cmake": "CMake", ".json": "JSON"}


def _surface(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name == "Dockerfile" or name.endswith(".Dockerfile"):
        return "Dockerfile"
    if name == "CMakeLists.txt":
        return "CMake"
    if name.startswith("Makefile"):
        return "Makefile"
    return SURFACES.get("." + name.rsplit(".", 1)[-1] if "." in name else "", "other")


def write(path: str, diagnostics, target: str, fixed=()) -> None:
    """A report file: HTML for `.html`/`.htm`, Markdown otherwise."""
    page = html_page if path.lower().endswith((".html", ".htm")) else markdown
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(page(diagnostics, target, fixed))


def _where(diag) -> str:
    cell = f" (cell {diag.cell + 1})" if diag.cell is not None else ""
    return f"{diag.path}:{diag.row}:{diag.column}{cell}"


def sections(diagnostics, target: str, fixed=()) -> dict:
    """The report's content, shared by both formats; `fixed`: what a `--fix` run just applied."""
    safe = [d for d in diagnostics if d.fix is not None and d.fix.applicability.value == "safe"]
    unsafe = [d for d in diagnostics if d.fix is not None and d.fix.applicability.value == "unsafe"]
    manual = [d for d in diagnostics if d.fix is None]
    families = Counter(d.code[:3] for d in diagnostics)
    surfaces = Counter(_surface(d.path) for d in diagnostics)
    return {
        "summary": [("findings", len(diagnostics)), ("files", len({d.path for d in diagnostics})),
                    ("fixed by `ovlint --fix`", len(safe)),
                    ("fixed by `ovlint --fix --unsafe-fixes` (review them)", len(unsafe)),
                    ("need a person", len(manual)), ("target release", target)],
        "families": [(f"{code}xx {FAMILIES.get(code, '')}", count) for code, count in sorted(families.items())],
        "surfaces": sorted(surfaces.items(), key=lambda item: -item[1]),
        "rules": sorted(Counter((d.code, d.url) for d in diagnostics).items()),
        "unsafe": unsafe,
        "manual": manual,
        "fixed": sorted(Counter((d.code, d.url) for d in fixed).items()),
    }


def markdown(diagnostics, target: str, fixed=()) -> str:
    content = sections(diagnostics, target, fixed)
    out = ["# OpenVINO migration report", "", "| | |", "|---|---|"]
    out += [f"| {name} | {value} |" for name, value in content["summary"]]
    if content["fixed"]:
        out += ["", "## Fixed in this run", "", "| rule | fixed |", "|---|---|"]
        out += [f"| [{code}]({url}) | {count} |" for (code, url), count in content["fixed"]]
    out += ["", "## By family", "", "| family | findings |", "|---|---|"]
    out += [f"| {name} | {count} |" for name, count in content["families"]]
    out += ["", "## By kind of file", "", "| kind | findings |", "|---|---|"]
    out += [f"| {name} | {count} |" for name, count in content["surfaces"]]
    out += ["", "## Rules", "", "| rule | findings |", "|---|---|"]
    out += [f"| [{code}]({url}) | {count} |" for (code, url), count in content["rules"]]
    out += ["", "## To review after `--unsafe-fixes`", ""]
    out += [f"- [ ] `{_where(d)}` {d.code}: {d.fix.message}" for d in content["unsafe"]] or ["Nothing."]
    out += ["", "## To do by hand", ""]
    out += [f"- [ ] `{_where(d)}` [{d.code}]({d.url}): {d.message}" for d in content["manual"]] or ["Nothing."]
    return "\n".join(out) + "\n"


def html_page(diagnostics, target: str, fixed=()) -> str:
    content = sections(diagnostics, target, fixed)
    e = html.escape

    def table(headers, rows):
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def checklist(items, text):
        if not items:
            return "<p>Nothing.</p>"
        return "<ul>" + "".join(f'<li><input type="checkbox"> <code>{e(_where(d))}</code> {text(d)}</li>'
                                for d in items) + "</ul>"

    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OpenVINO migration report</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
        "text-align:left}code{background:#f3f3f3;padding:0 .2rem}li{margin:.3rem 0}</style></head><body>",
        "<h1>OpenVINO migration report</h1>",
        table(["", ""], [(e(name), e(str(value))) for name, value in content["summary"]]),
        ("<h2>Fixed in this run</h2>" + table(["rule", "fixed"], [(f'<a href="{e(url)}">{e(code)}</a>', c)
                                                                  for (code, url), c in content["fixed"]])
         if content["fixed"] else ""),
        "<h2>By family</h2>", table(["family", "findings"], [(e(n), c) for n, c in content["families"]]),
        "<h2>By kind of file</h2>", table(["kind", "findings"], [(e(n), c) for n, c in content["surfaces"]]),
        "<h2>Rules</h2>", table(["rule", "findings"],
                                [(f'<a href="{e(url)}">{e(code)}</a>', c) for (code, url), c in content["rules"]]),
        "<h2>To review after <code>--unsafe-fixes</code></h2>",
        checklist(content["unsafe"], lambda d: f"{e(d.code)}: {e(d.fix.message)}"),
        "<h2>To do by hand</h2>",
        checklist(content["manual"], lambda d: f'<a href="{e(d.url)}">{e(d.code)}</a>: {e(d.message)}'),
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"
