"""Output formats, one module each, all fed the same sorted list of diagnostics."""
from __future__ import annotations

import importlib

FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit")


def render(fmt: str, diagnostics, stream, *, fixability) -> None:
    """`fixability` (app.fixability): which fixes `--fix` would apply, for the `[*]`/`[-]` markers."""
    module = importlib.import_module(f"ovlint.app.reporters.{fmt.replace('-', '_')}")
    module.render(diagnostics, stream, fixability=fixability)
