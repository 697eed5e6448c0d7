"""`--statistics`: how often each rule fired and how many of those `--fix` would fix, as text or as
the JSON ruff prints (`code`, `name`, `count`, `fixable`, `fixable_count`)."""
from __future__ import annotations

import json
from collections import Counter

FORMATS = ("full", "concise", "json", "json-lines")  # the others have no place for counts


def rows(diagnostics, fixability) -> list[dict]:
    from ovlint.engine.catalog import catalog

    rules = catalog().by_code
    counts = Counter(d.code for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if fixability.applies(d))
    unsafe = Counter(d.code for d in diagnostics if fixability.needs_unsafe(d))
    return [{"code": code, "name": rules[code].name if code in rules else "", "count": count,
             "fixable": fixable[code] > 0, "fixable_count": fixable[code], "unsafe_fixable_count": unsafe[code]}
            for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(fmt: str, diagnostics, fixability, stream) -> None:
    found = rows(diagnostics, fixability)
    if fmt == "json":
        json.dump(found, stream, indent=2)
        stream.write("\n")
    elif fmt == "json-lines":
        for row in found:
            stream.write(json.dumps(row) + "\n")
    else:
        for row in found:
            marker = "[*]" if row["fixable"] else "[-]" if row["unsafe_fixable_count"] else "[ ]"
            stream.write(f"{row['count']:>5}\t{row['code']}\t{marker} {row['name']}\n")
