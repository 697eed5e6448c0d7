"""JUnit XML: one test case per finding, grouped by file; a passing case when there is none."""
from __future__ import annotations

from xml.etree import ElementTree

from ovlint.app.reporters.safe_text import xml


def render(diagnostics, stream, *, fixability) -> None:
    suites = ElementTree.Element("testsuites", name="ovlint", tests=str(max(1, len(diagnostics))),
                                 failures=str(len(diagnostics)))
    by_file: dict[str, list] = {}
    for diag in diagnostics:
        by_file.setdefault(xml(diag.path), []).append(diag)
    if not by_file:
        suite = ElementTree.SubElement(suites, "testsuite", name="ovlint", tests="1", failures="0")
        ElementTree.SubElement(suite, "testcase", name="No findings", classname="ovlint")
    for path, found in by_file.items():
        suite = ElementTree.SubElement(suites, "testsuite", name=path, tests=str(len(found)), failures=str(len(found)))
        for diag in found:
            where = f"{diag.row}:{diag.column}" + (f" (cell {diag.cell + 1})" if diag.cell is not None else "")
            case = ElementTree.SubElement(suite, "testcase", name=f"{diag.code} {path}:{where}", classname=path,
                                          line=str(diag.row), column=str(diag.column))
            failure = ElementTree.SubElement(case, "failure", message=xml(diag.message), type=diag.code)
            failure.text = f"{path}:{where}: {diag.code} {xml(diag.message)}"
    stream.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True))
    stream.write("\n")
