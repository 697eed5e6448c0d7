"""reStructuredText documentation: its `.. code-block::` directives, read as Markdown's fenced
blocks are, and the links of its prose (`surfaces/markdown.py`)."""
from __future__ import annotations

from ovlint.surfaces import COMMAND, LINK, PYTHON, REQUIREMENT, FileKind
from ovlint.surfaces.markdown import is_documentation, read_docs

KIND = FileKind(
    name="restructuredtext", label="reStructuredText",
    recognise=lambda path, name, suffix: suffix == ".rst" and is_documentation(name),
    read=lambda text: read_docs(text, rest=True), facts=(PYTHON, COMMAND, REQUIREMENT, LINK), comment=None,
    fence="rst", rank=60, bytewise=True,
)
