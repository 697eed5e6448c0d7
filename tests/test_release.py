"""The README's pre-commit and Action snippets work as written once a release is tagged: they name
the repository pyproject.toml declares and the tag of this version."""
import re
import sys
from pathlib import Path

import ovlint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def project_urls() -> dict:
    """pyproject.toml's [project.urls]: where ovlint lives (Repository) and its rule docs (Documentation)."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]


def repository() -> str:
    return project_urls()["Repository"]


def release_tag() -> str:
    return f"v{ovlint.__version__}"


def pre_commit_snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [snippet] = [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "hooks:" in block]
    return snippet


def test_the_pre_commit_snippet_names_the_repository_and_the_release_tag():
    snippet = pre_commit_snippet()
    assert re.search(r"^- repo: (\S+)$", snippet, re.M)[1] == repository()
    assert re.search(r"^  rev: (\S+)$", snippet, re.M)[1] == release_tag()
    hooks = re.findall(r"- id: (\S+)", snippet)
    declared = re.findall(r"^- id: (\S+)$", (ROOT / ".pre-commit-hooks.yaml").read_text(), re.M)
    assert hooks and set(hooks) <= set(declared)


def test_the_action_snippet_names_the_repository_and_the_release_tag():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    owner_name = re.fullmatch(r"https://github\.com/([^/]+/[^/]+)", repository())[1]
    assert re.findall(r"uses: (\S+/ovlint\S*)", readme) == [f"{owner_name}@{release_tag()}"]


def test_the_documentation_page_is_in_the_repository():
    urls = project_urls()
    assert urls["Documentation"].startswith(repository() + "/") and urls["Documentation"].endswith("/docs/rules.md")
