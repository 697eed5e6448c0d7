"""Settings: `[tool.ovlint]` in pyproject.toml, or `ovlint.toml` / `.ovlint.toml`; the closest
one above a linted file wins, `--config` overrides, command-line options override both."""
from __future__ import annotations

import fnmatch
import functools
import json
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from ovlint.app import pins
from ovlint.engine import registry
from ovlint.base import versions
from ovlint.base.files import CONFIG_LIMIT, MiB, ReadError, read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".ovlint.toml", "ovlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache",
    ".nox", ".pants.d", ".pytest_cache", ".pytype", ".ruff_cache", ".ovlint_cache", ".svn", ".tox",
    ".venv", ".vscode", "__pypackages__", "__pycache__", "_build", "buck-out", "build", "dist",
    "node_modules", "site-packages", "venv",
)

# key -> expected type ("list", "bool", "str", "table", "count")
KEYS = {
    "select": "list", "ignore": "list", "extend-select": "list", "exclude": "list",
    "extend-exclude": "list", "per-file-ignores": "table", "target-version": "str",
    "unsafe-fixes": "bool", "respect-gitignore": "bool", "cache-dir": "str", "docs-url": "str",
    "max-file-size": "count", "file-timeout": "count",
}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    root: str = "."  # the folder relative patterns are anchored at
    select: tuple[str, ...] = ("OV",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    target_version: str = versions.NEWEST  # the release migrated to: `--target-version`, the config, or the newest
    # the oldest release the project's code must keep running on: its own pin, if it has one
    floor: Optional[versions.Floor] = None
    unsafe_fixes: bool = False
    respect_gitignore: bool = True
    cache_dir: str = ".ovlint_cache"
    docs_url: Optional[str] = None  # the rules page links point to; None: the one the package declares
    max_file_size: int = 10 * MiB  # bytes; a larger file is not read (OV003)
    file_timeout: int = 120  # seconds one file may take; then its linting is stopped (OV001)
    source: Optional[str] = None  # the config file these came from
    error: Optional[str] = None  # why the config file governing this folder cannot be used
    enabled: frozenset[str] = field(default=frozenset(), compare=False)

    def with_enabled(self) -> "Settings":
        codes = registry.select(list(self.select) + list(self.extend_select), list(self.ignore))
        engine = registry.select(["OV0"], list(self.ignore))  # on unless ignored by name
        return replace(self, enabled=frozenset(codes | engine))

    def codes_for(self, path: str) -> frozenset[str]:
        """The enabled codes for one file, after per-file-ignores."""
        if not self.per_file_ignores:
            return self.enabled
        rel = _relative(path, self.root)
        ignored: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if _matches(rel, pattern):
                ignored.extend(codes)
        if not ignored:
            return self.enabled
        return frozenset(c for c in self.enabled if not any(c.startswith(i) for i in ignored))

    def is_excluded(self, path: str) -> bool:
        whole, part = _exclusion(self.exclude + self.extend_exclude)
        rel = _relative(path, self.root)
        if whole.match(rel) or part.match(os.path.basename(path)):
            return True
        return any(part.match(p) for p in rel.split("/")[:-1])

    def digest(self) -> str:
        import hashlib

        data = json.dumps([sorted(self.enabled), self.per_file_ignores, self.target_version,
                           self.floor and self.floor.release], sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


def _relative(path: str, root: str) -> str:
    path, root = os.path.abspath(path), _absolute(root)
    if path.startswith(root + os.sep):
        return path[len(root) + 1:].replace(os.sep, "/")
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


@functools.lru_cache(maxsize=64)
def _absolute(root: str) -> str:
    return os.path.abspath(root)


@functools.lru_cache(maxsize=64)
def _exclusion(patterns: tuple[str, ...]):
    """Two compiled patterns: one for the whole relative path (a pattern, or a folder it names),
    one for a single path component (patterns without a `/`, and every pattern for the file name)."""
    never = re.compile(r"(?!)")
    whole = [fnmatch.translate(p.rstrip("/")) for p in patterns] + \
            [fnmatch.translate(p.rstrip("/") + "/*") for p in patterns]
    part = [fnmatch.translate(p.rstrip("/")) for p in patterns]
    return (re.compile("|".join(whole)) if whole else never), (re.compile("|".join(part)) if part else never)


def _matches(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    return fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, pattern + "/*") or any(
        fnmatch.fnmatchcase(part, pattern) for part in rel.split("/") if "/" not in pattern
    )


def load_file(path: Path) -> Optional[dict]:
    """The ovlint table of a config file; None for a pyproject.toml without [tool.ovlint]."""
    try:
        data = tomllib.loads(read_text(str(path), CONFIG_LIMIT))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except ReadError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "ovlint" not in tool:
        return None
    if not isinstance(tool["ovlint"], dict):
        raise ConfigError(f"{path}: 'tool.ovlint' must be a table, not {tool['ovlint']!r}")
    return tool["ovlint"]


def settings_from_table(table: dict, source: Path, named: bool = False) -> Settings:
    """Settings from a config file's table; `named`: the file was named on the command line, so
    its `cache-dir` may lie anywhere (a repository's own config keeps ovlint's writes inside it)."""
    _check_keys(table, source)
    cache_dir = table.get("cache-dir")
    if not named and cache_dir is not None and (os.path.isabs(cache_dir) or
                                                os.path.normpath(cache_dir).split(os.sep)[0] == ".."):
        raise ConfigError(f"{source}: 'cache-dir' must be a folder inside {source.parent}, not {cache_dir!r}")
    values: dict = {"root": str(source.parent), "source": str(source)}
    for key, value in table.items():
        attr = key.replace("-", "_")
        if KEYS[key] == "list":
            values[attr] = tuple(value)
        elif key == "per-file-ignores":
            values[attr] = tuple((pattern, tuple(codes)) for pattern, codes in value.items())
        else:
            values[attr] = value
    return apply_overrides(Settings(), values, str(source))


def apply_overrides(settings: Settings, values: dict, where: str) -> Settings:
    """Validate and apply `values` (attribute names) to `settings`."""
    try:
        for attr in ("select", "ignore", "extend_select"):
            if attr in values:
                values[attr] = tuple(registry.check_selector(s) for s in values[attr])
        if "per_file_ignores" in values:
            values["per_file_ignores"] = tuple(
                (p, tuple(registry.check_selector(c) for c in codes)) for p, codes in values["per_file_ignores"]
            )
        if values.get("target_version") is not None:
            values["target_version"] = versions.normalize(str(values["target_version"]))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return replace(settings, **{k: v for k, v in values.items() if v is not None}).with_enabled()


def _check_keys(table: dict, source: Path) -> None:
    import difflib

    for key, value in table.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, list(KEYS), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; valid keys: {', '.join(sorted(KEYS))}"
            raise ConfigError(f"{source}: unknown key '{key}' in the ovlint configuration{hint}")
        kind = KEYS[key]
        ok = {
            "list": isinstance(value, list) and all(isinstance(v, str) for v in value),
            "bool": isinstance(value, bool),
            "str": isinstance(value, str),
            "count": isinstance(value, int) and not isinstance(value, bool) and value > 0,
            "table": isinstance(value, dict) and all(
                isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()),
        }[kind]
        if key == "docs-url" and ok and not re.match(r"[a-z][a-z0-9+.-]*://", value, re.I):
            raise ConfigError(f"{source}: 'docs-url' must be an absolute URL (such as https://...), not {value!r}")
        if not ok:
            expected = {"list": "a list of strings", "bool": "true or false", "str": "a string",
                        "table": "a table of lists of codes", "count": "a positive whole number"}[kind]
            raise ConfigError(f"{source}: '{key}' must be {expected}, not {value!r}")


class Resolver:
    """Finds the settings for each folder once: the closest config file above it."""

    def __init__(self, overrides: dict, config_file: Optional[str] = None):
        self.overrides = overrides
        self.cache: dict[str, Settings] = {}
        self.configured: dict[str, Settings] = {}  # by folder: its nearest configuration's settings
        self.floors: dict = {}  # by folder: the release its pins, or the nearest above it, pin
        self.fixed: Optional[Settings] = None
        if config_file is not None:
            path = Path(config_file)
            if not path.is_file():
                raise ConfigError(f"{config_file}: config file not found")
            table = load_file(path)
            self.fixed = self._finish(settings_from_table(table or {}, path.resolve(), named=True))

    def _finish(self, settings: Settings) -> Settings:
        return apply_overrides(settings, dict(self.overrides), "command line")

    def for_directory(self, directory: str) -> Settings:
        """The settings of the files in `directory`: its configuration's (or `--config`'s), with
        the release the folder's dependency files pin (`floors`)."""
        directory = os.path.abspath(directory)
        found = self.cache.get(directory)
        if found is not None:
            return found
        settings = self.fixed if self.fixed is not None else self._configured(directory)
        floor = self._floor(directory) if settings.error is None else None
        if floor is not None:
            settings = replace(settings, floor=floor)
        self.cache[directory] = settings
        return settings

    def _configured(self, directory: str) -> Settings:
        """The settings of the nearest configuration file at or above `directory`."""
        found = self.configured.get(directory)
        if found is not None:
            return found
        settings = None
        for name in CONFIG_NAMES:
            candidate = Path(directory, name)
            if candidate.is_file():
                try:
                    table = load_file(candidate)
                    if table is not None:
                        settings = self._finish(settings_from_table(table, candidate))
                except ConfigError as exc:
                    # the files this config governs are not linted; the rest of the run goes on
                    settings = replace(Settings(), root=directory, source=str(candidate), error=str(exc))
                if settings is not None:
                    break
        if settings is None:
            parent = os.path.dirname(directory)
            settings = self._configured(parent) if parent != directory else \
                self._finish(replace(Settings(), root=os.getcwd()))
        self.configured[directory] = settings
        return settings

    def _floor(self, directory: str):
        """The release the nearest folder with a pin pins (`pins.pinned_floor`), at or above
        `directory` within its repository: a repository's pins are its own, none from above it."""
        if directory in self.floors:
            return self.floors[directory]
        floor = pins.pinned_floor(directory)
        parent = os.path.dirname(directory)
        if floor is None and parent != directory and not os.path.exists(os.path.join(directory, ".git")):
            floor = self._floor(parent)
        self.floors[directory] = floor
        return floor

    def for_file(self, path: str) -> Settings:
        return self.for_directory(os.path.dirname(os.path.abspath(path)))
