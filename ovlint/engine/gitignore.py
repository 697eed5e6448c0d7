"""`.gitignore` matching (the subset of git's rules real repositories use): negation, anchored
and unanchored patterns, directory-only patterns, `*`, `?`, `[...]` and `**`."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from ovlint.base.files import CONFIG_LIMIT, ReadError, read_regular, repository_root


class IgnoreFile:
    def __init__(self, base: str, patterns: list[tuple[re.Pattern, bool, bool]]):
        self.base = base  # absolute folder the patterns are relative to
        self.patterns = patterns  # (regex, negated, directory only)

    def match(self, path: str, is_dir: bool) -> bool | None:
        """True: ignored; False: re-included by a negation; None: no pattern speaks of it."""
        rel = os.path.relpath(path, self.base).replace(os.sep, "/")
        if rel.startswith(".."):
            return None
        result = None
        for regex, negated, dir_only in self.patterns:
            if dir_only and not is_dir:
                continue
            if regex.match(rel):
                result = not negated
        return result


def load(path: str) -> IgnoreFile | None:
    try:
        lines = read_regular(path, CONFIG_LIMIT).decode("utf-8", "replace").splitlines()
    except ReadError:  # missing, or a FIFO or device that could block or never end
        return None
    patterns = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        line = line.rstrip()
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        if line.startswith("\\"):
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        patterns.append((_compile(line), negated, dir_only))
    base = os.path.dirname(os.path.abspath(path))
    if os.path.basename(base) == "info" and os.path.basename(os.path.dirname(base)) == ".git":
        base = os.path.dirname(os.path.dirname(base))  # .git/info/exclude speaks of the work tree
    return IgnoreFile(base, patterns) if patterns else None


@lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern:
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            close = pattern.find("]", i + 1)
            if close < 0:
                out.append(re.escape(pattern[i]))
                i += 1
            else:
                body = pattern[i + 1:close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def ancestors_ignore_files(start: str) -> list[IgnoreFile]:
    """The ignore files that speak of `start`: .git/info/exclude and every .gitignore from the
    repository root down to `start`'s folder."""
    root = repository_root(start)
    if root is None:
        return []
    files = []
    exclude = load(os.path.join(root, ".git", "info", "exclude"))
    if exclude:
        files.append(exclude)
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start))
    chain = []
    while True:
        chain.append(folder)
        if folder == root:
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for folder in reversed(chain):
        loaded = load(os.path.join(folder, ".gitignore"))
        if loaded:
            files.append(loaded)
    return files


def is_ignored(path: str, is_dir: bool, files: list[IgnoreFile]) -> bool:
    result = None
    for ignore_file in files:
        verdict = ignore_file.match(path, is_dir)
        if verdict is not None:
            result = verdict
    return bool(result)
