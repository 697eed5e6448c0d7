"""ovlint as a library, for editors and other tools: lint or fix one text without touching disk.

    import ovlint
    findings = ovlint.lint_source(text, "app.py")
    fixed, remaining = ovlint.fix_source(text, "app.py", unsafe=True)

The file name decides the kind of file (Python, notebook, requirements, Dockerfile, ...). Findings
are `ovlint.diagnostics.Diagnostic` objects (`code`, `message`, `row`, `column`, `fix`, ...);
`Diagnostic.to_dict()` gives the JSON form."""
from __future__ import annotations

from typing import Iterable, Optional

from ovlint.engine import registry
from ovlint.base import versions


def _rules(kind: str, select: Optional[Iterable[str]], ignore: Iterable[str], target: str):
    from ovlint.engine import prefilter

    codes = registry.select([registry.check_selector(s) for s in (select or ["OV"])],
                            [registry.check_selector(s) for s in ignore])
    return list(prefilter.rules_for(kind, frozenset(codes), target))


def _kind(filename: str):
    from ovlint.surfaces import kind_of

    kind = kind_of(filename)
    if kind is None:
        raise ValueError(f"ovlint does not know what kind of file {filename!r} is")
    return kind


def lint_source(source: str, filename: str = "source.py", *, select: Optional[Iterable[str]] = None,
                ignore: Iterable[str] = (), target_version: Optional[str] = None) -> list:
    """Every finding in `source`, as if it were the file `filename`."""
    from ovlint.engine.linter import lint_text

    target = versions.normalize(target_version) if target_version else versions.NEWEST
    kind = _kind(filename)
    return _linked(lint_text(filename, kind, source, _rules(kind.name, select, ignore, target), target).diagnostics)


def fix_source(source: str, filename: str = "source.py", *, unsafe: bool = False,
               select: Optional[Iterable[str]] = None, ignore: Iterable[str] = (),
               target_version: Optional[str] = None) -> tuple[str, list]:
    """`source` with every fix applied (safe ones, and unsafe ones when `unsafe`), and the findings
    that remain. A fix whose result would not parse is not applied."""
    from ovlint.engine.fixer import fix_text

    target = versions.normalize(target_version) if target_version else versions.NEWEST
    kind = _kind(filename)
    outcome = fix_text(filename, kind, source, _rules(kind.name, select, ignore, target), target, unsafe,
                       lambda text: text.encode("utf-8"))
    return outcome.text, _linked(outcome.diagnostics)


def _linked(diagnostics: list) -> list:
    """The findings, each with the address of its rule's documentation (`url`)."""
    from ovlint.app import links

    links.attach(diagnostics, links.declared())
    return diagnostics
