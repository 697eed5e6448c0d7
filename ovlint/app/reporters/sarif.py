"""SARIF 2.1.0, with each rule's metadata and each fix as a SARIF `fix`."""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from ovlint import __version__
from ovlint.app.reporters.fingerprint import fingerprints

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _uri(path: str) -> str:
    """A relative URI reference to the file: its bytes percent-encoded where a URI needs it."""
    return quote(os.fsencode(path.replace("\\", "/")), safe="/")


def _region(start: dict, end: dict) -> dict:
    return {"startLine": start["row"], "startColumn": start["column"],
            "endLine": end["row"], "endColumn": end["column"]}


def _rule_properties(rule) -> dict:
    found = {"deprecated_in": rule.deprecated_in, "removed_in": rule.removed_in}
    if rule.deprecation is not None:
        found.update(replacement=rule.deprecation.replacement, documentation=rule.deprecation.docs)
    return found


def render(diagnostics, stream, *, show_fix_hints: bool = True) -> None:
    from ovlint.engine import registry

    rules = registry.by_code()
    used = sorted({d.code for d in diagnostics})
    driver = {"name": "ovlint", "version": __version__, "rules": [{
        "id": code, "name": rules[code].name,
        "shortDescription": {"text": rules[code].summary},
        "fullDescription": {"text": rules[code].rationale},
        "help": {"text": f"{rules[code].rationale} (docs: {rules[code].url()})"},
        "properties": _rule_properties(rules[code]),
    } for code in used if code in rules]}
    index = {rule["id"]: i for i, rule in enumerate(driver["rules"])}
    results = []
    for diag, print_ in zip(diagnostics, fingerprints(diagnostics)):
        location = {"physicalLocation": {
            "artifactLocation": {"uri": _uri(diag.path)},
            "region": _region({"row": diag.row, "column": diag.column},
                              {"row": diag.end_row, "column": diag.end_column})}}
        result = {"ruleId": diag.code, "level": "error", "message": {"text": diag.message},
                  "locations": [location], "partialFingerprints": {"ovlint/v1": print_}}
        if diag.code in index:
            result["ruleIndex"] = index[diag.code]
        if diag.cell is not None:
            result["properties"] = {"cell": diag.cell + 1}
        if diag.fix is not None and diag.edit_locations:
            result["fixes"] = [{
                "description": {"text": f"{diag.fix.message} ({diag.fix.applicability.value})"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(diag.path)},
                    "replacements": [{"deletedRegion": _region(e["location"], e["end_location"]),
                                      "insertedContent": {"text": e["content"]}} for e in diag.edit_locations],
                }],
            }]
        results.append(result)
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    json.dump(log, stream, indent=2)
    stream.write("\n")
