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


def _rule(rule, url) -> dict:
    """A rule's metadata; `url`: its documentation, which code-scanning pages link to."""
    found = {"id": rule.code, "name": rule.name, "shortDescription": {"text": rule.summary},
             "fullDescription": {"text": rule.rationale},
             "help": {"text": f"{rule.rationale} (docs: {url})" if url else rule.rationale}}
    if url:
        found["helpUri"] = url
    return {**found, "properties": _rule_properties(rule)}


def render(diagnostics, stream, *, fixability) -> None:
    from ovlint.engine import registry

    rules = registry.by_code()
    urls = {d.code: d.url for d in diagnostics}  # the rule's documentation (app.links)
    driver = {"name": "ovlint", "version": __version__, "rules": [_rule(rules[code], urls[code])
                                                                   for code in sorted(urls) if code in rules]}
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
        properties = {key: value for key, value in diag.to_dict().items()
                      if key in ("deprecated_in", "removed_in", "pin") and value is not None}
        if diag.cell is not None:
            properties["cell"] = diag.cell + 1
        if properties:
            result["properties"] = properties
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
