"""Which files to lint, and what kind of file each one is."""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import PurePosixPath

from ovlint.engine import gitignore

_CPP = {".c", ".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".inl", ".tpp"}
_SHELL = {".sh", ".bash", ".ksh", ".zsh"}
_CI_NAMES = {".gitlab-ci.yml", ".gitlab-ci.yaml", "azure-pipelines.yml", "azure-pipelines.yaml",
             ".travis.yml", "bitbucket-pipelines.yml", "jenkins.yml"}
_REQUIREMENTS = re.compile(r"(.*requirements.*|constraints.*)\.(txt|in)$")
_CONDA = re.compile(r"(environment|conda)([-_.][\w.-]*)?\.ya?ml$")
_SHEBANG = re.compile(rb"^#![^\n]*\b(ba|da|k|z)?sh\b")


def kind_of(path: str) -> str | None:
    """The file kind by name, or None if ovlint has no surface for it."""
    p = PurePosixPath(path.replace(os.sep, "/"))
    name = p.name.lower()
    suffix = p.suffix.lower()
    if suffix in (".py", ".pyi"):
        return "python"
    if suffix == ".ipynb":
        return "notebook"
    if name == "pyproject.toml":
        return "pyproject"
    if name == "pipfile":
        return "pipfile"
    if name == "setup.cfg":
        return "setup-cfg"
    if _REQUIREMENTS.match(name) or (suffix == ".txt" and p.parent.name.lower() == "requirements"):
        return "requirements"
    if suffix in (".yml", ".yaml"):
        parts = [x.lower() for x in p.parts]
        if _CONDA.match(name):
            return "conda"
        if (name in _CI_NAMES or ".circleci" in parts or "gitlab-ci" in name
                or any(a == ".github" and b == "workflows" for a, b in zip(parts, parts[1:]))):
            return "ci-yaml"
        return None
    if suffix in _SHELL:
        return "shell"
    if name in ("dockerfile", "containerfile") or name.startswith(("dockerfile.", "containerfile.")) \
            or suffix in (".dockerfile", ".containerfile"):
        return "dockerfile"
    if name in ("makefile", "gnumakefile") or suffix == ".mk":
        return "makefile"
    if name == "cmakelists.txt" or suffix == ".cmake":
        return "cmake"
    if suffix in _CPP:
        return "cpp"
    if suffix == ".json":
        return "json"
    return None


def kind_from_content(path: str) -> str | None:
    """An extension-less script is a shell script if its shebang says so."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(128)
    except OSError:
        return None
    return "shell" if _SHEBANG.match(head) else None


@dataclass(frozen=True)
class Target:
    path: str
    kind: str | None  # None: named on the command line but of no known kind


def discover(paths: list[str], resolver, errors: list[str]) -> list[Target]:
    """Files under `paths`, honouring excludes and .gitignore; explicitly named files always."""
    found: dict[str, Target] = {}
    for raw in paths:
        if not os.path.lexists(raw):
            errors.append(raw)
            continue
        if os.path.isdir(raw):
            settings = resolver.for_directory(raw)
            ignores = gitignore.ancestors_ignore_files(raw) if settings.respect_gitignore else []
            _walk(os.path.normpath(raw), resolver, ignores, found, set())
        else:
            path = os.path.normpath(raw)
            kind = kind_of(path) or kind_from_content(path)
            found.setdefault(path, Target(path, kind))
    return sorted(found.values(), key=lambda t: t.path)


def _walk(folder: str, resolver, ignores: list, found: dict, seen: set) -> None:
    try:
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop
            return
        seen.add(real)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    settings = resolver.for_directory(folder)
    if settings.respect_gitignore:
        local = gitignore.load(os.path.join(folder, ".gitignore"))
        if local is not None and all(f.base != local.base for f in ignores):
            ignores = ignores + [local]
    for entry in entries:
        path = entry.path
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            continue
        if is_file and not is_dir and kind_of(path) is None and "." in entry.name:
            continue  # not a kind of file ovlint reads: no need to ask whether it is excluded
        if settings.is_excluded(path) or (ignores and gitignore.is_ignored(path, is_dir, ignores)):
            continue
        if is_dir:
            if os.path.exists(os.path.join(path, "pyvenv.cfg")):
                continue  # a virtual environment under any name
            _walk(path, resolver, ignores, found, seen)
        elif is_file:
            kind = kind_of(path)
            if kind is None and "." not in entry.name:
                try:
                    executable = entry.stat().st_mode & stat.S_IXUSR
                except OSError:
                    executable = 0
                kind = kind_from_content(path) if executable else None
            if kind is not None:
                path = os.path.normpath(path)
                found.setdefault(path, Target(path, kind))
