"""pyproject.toml: PEP 621 dependencies and optional dependencies, `requires-python`, build
requirements, dependency groups and Poetry's dependency tables."""
from __future__ import annotations

from ovlint.surfaces import REQUIREMENT, FileKind, tomlspan
from ovlint.surfaces.requirement import Requirement, from_toml_array, from_toml_key, python_version


def from_pyproject(text: str) -> list[Requirement]:
    found = []
    for entry in tomlspan.entries(text):
        path = entry.path
        pep508 = (
            path == ("project", "dependencies")
            or (len(path) == 3 and path[:2] == ("project", "optional-dependencies"))
            or path == ("build-system", "requires")
            or (len(path) == 2 and path[0] == "dependency-groups")
        )
        if pep508:
            found.extend(from_toml_array(text, entry, "pyproject"))
        elif path == ("project", "requires-python") and len(entry.strings) == 1:
            token = entry.strings[0]
            found.append(python_version(token.value, token.start, "pyproject"))
        elif _poetry_dependency(path):
            found.extend(from_toml_key(text, entry, "poetry"))
    return found


def _poetry_dependency(path: tuple[str, ...]) -> bool:
    if path[:2] != ("tool", "poetry") or len(path) < 4:
        return False
    table = path[2:-1]
    return table in (("dependencies",), ("dev-dependencies",)) or (
        len(table) == 3 and table[0] == "group" and table[2] == "dependencies"
    )


KIND = FileKind(
    name="pyproject", label="pyproject", recognise=lambda path, name, suffix: name == "pyproject.toml",
    read=lambda text: tomlspan.document(text, from_pyproject), facts=(REQUIREMENT,), rank=10, fence="toml",
    multiline=tomlspan.string_spans,
)
