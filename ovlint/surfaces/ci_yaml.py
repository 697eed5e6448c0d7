"""CI configuration (GitHub workflows and composite actions, GitLab CI, Azure Pipelines, CircleCI,
Travis, Bitbucket, Jenkins YAML): the shell text of every script step, inline, quoted, block or
list. A pipeline kept elsewhere than its service's standard path (`ci/build.yml`, a GitLab
`include:`d file, an Azure template) is recognised by its content: a YAML file no other kind
claims whose first bytes hold jobs with steps that run commands."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern
from ovlint.surfaces import RUNS_PYTHON, FileKind, Sniff, whole
from ovlint.surfaces.shell import Command, split_commands

_CI_SCRIPT_KEYS = ("run", "script", "before_script", "after_script", "bash", "sh", "inlineScript")
_NAMES = {".gitlab-ci.yml", ".gitlab-ci.yaml", "azure-pipelines.yml", "azure-pipelines.yaml",
          ".travis.yml", "bitbucket-pipelines.yml", "jenkins.yml"}


def commands(text: str) -> list[Command]:
    commands = []
    everywhere = _windows_default(text)
    jobs = [(a, b, everywhere or _runs_on_windows(text[a:b])) for a, b in _jobs(text)]
    outside = everywhere or _runs_on_windows(text)  # a script in no job: the pipeline's
    for start, end, folds, shell in _ci_script_spans(text):
        found = split_commands(text, start, end, origin="ci-yaml", folds=folds)
        windows = next((w for a, b, w in jobs if a <= start < b), outside)
        # a one-line command reads the same in PowerShell, unless it holds a backslash (a Windows
        # path) or a backquote (PowerShell's escape)
        foreign = _foreign(shell, windows and bool(_CONTINUED.search(text, start, end)
                                                   or "\\" in text[start:end] or "`" in text[start:end]))
        for command in found:
            command.foreign = foreign
        commands.extend(found)
    return commands


# a line continued as PowerShell (a backquote), cmd (a caret) or a POSIX shell (a backslash) continues one
_CONTINUED = pattern(r"(?m)[`^\\][ \t]*\r?$")
_WINDOWS_SHELLS = pattern(r"(?i)(pwsh|powershell|cmd)\b")


def _foreign(shell, windows: bool) -> str:
    """Why a step's commands are not rewritten: it runs them in PowerShell or cmd (its `shell:`), whose
    quoting and line continuations are not a POSIX shell's, or may run them in PowerShell (a Windows
    runner's default; `windows`: and the script continues lines, which it reads its own way)."""
    if shell is not None:
        found = _WINDOWS_SHELLS.match(shell)
        return f"the step runs in `{found.group(1)}`, not a POSIX shell" if found else ""
    return ("the job may run on Windows, whose default shell is PowerShell, and the step continues lines or names "
            "a Windows path" if windows else "")


def _jobs(text: str) -> list[tuple[int, int]]:
    """The spans of a pipeline's jobs: the keys under a GitHub workflow's `jobs:`, or Azure's
    `- job:` items; each runs on a machine of its own."""
    heads = [m.start() for m in re.finditer(r"(?m)^[ \t]*-[ \t]+(?:job|deployment):", text)]
    top = re.search(r"(?m)^jobs:[ \t]*(?:#.*)?\r?$", text)
    if not heads and top:
        child = re.search(r"(?m)^([ \t]+)[\w.-]+:[ \t]*(?:#.*)?\r?$", text[top.end():])
        if child:
            heads = [top.end() + m.start() for m in
                     re.finditer(r"(?m)^%s[\w.-]+:[ \t]*(?:#.*)?\r?$" % re.escape(child.group(1)), text[top.end():])]
    elif not heads:  # GitLab: each top-level key is a job (or a setting, which holds no script)
        heads = [m.start() for m in re.finditer(r"(?m)^[\w.-]+:", text)]
    return [(start, end) for start, end in zip(heads, heads[1:] + [len(text)])]


def _windows_default(text: str) -> bool:
    """Whether every job may run on Windows: the workflow's `defaults:` run a Windows shell, an
    Azure pipeline's own `pool:` is Windows, or a GitLab `default:` or template (`.name:`, which
    jobs take in with `extends:` or an anchor) has Windows `tags:`."""
    if re.search(r"(?m)^[ \t]*defaults:[ \t]*\r?\n[ \t]+run:[ \t]*\r?\n[ \t]+shell:[ \t]*[\"']?"
                 r"(?i:pwsh|powershell|cmd)\b", text):
        return True
    for block in re.finditer(r"(?m)^(?:pool|default|\.[\w.-]+)[ \t]*:.*(?:\r?\n(?:[ \t]+.*|[ \t]*))*", text):
        if _runs_on_windows(block.group()):
            return True
    return False


def _runs_on_windows(text: str) -> bool:
    """Whether a job (or a pipeline, `text`) may run on Windows: its `runs-on:` (GitLab: `tags:`)
    names Windows, in a value, a list or labels below it, or a matrix that names Windows picks it,
    or its Azure pool's `vmImage:` is Windows; there a step without `shell:` runs PowerShell (cmd on
    Azure)."""
    for line in re.finditer(r"(?m)^([ \t]*)(?:runs-on|tags):[ \t]*(.*)$", text):  # GitLab picks runners by tags
        value = line.group(2).lower()
        below = re.match(r"(?:\r?\n%s[ \t]+[^\n]*)*" % re.escape(line.group(1)), text[line.end():]).group().lower()
        if "windows" in value or "windows" in below or (
                "${{" in value and re.search(r"(?i)\bwindows-", text)):
            return True
    return bool(re.search(r"(?im)^[ \t]*vmImage:[ \t]*[\"']?windows", text))  # an Azure pool (cmd runs `script:`)


_KEY_LINE = pattern(r"^([ \t]*)(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?$")


def _ci_script_spans(text: str):
    """(start, end, folds, shell) of the shell text of every script step (inline, quoted, block and
    list values); `folds`: the line breaks YAML turns into spaces (in a folded `>` block and a plain
    scalar that goes on over more lines), so that a command written over several lines is one;
    `shell`: the step's `shell:`, if it has one."""
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    i = 0
    while i < len(lines):
        start, body = lines[i]
        m = _KEY_LINE.match(body)
        i += 1
        if not m or m.group(2) not in _CI_SCRIPT_KEYS:
            continue
        indent = len(m.group(1)) + (body[len(m.group(1)):].startswith("-") and 2)
        value = m.group(3)
        value_start = start + (m.start(3) if value is not None else len(body))
        shell = "bash" if m.group(2) in ("bash", "sh") else (
            _sibling(lines, i - 1, indent, "shell") or _azure_task(lines, i - 1, indent))
        if value and not value.startswith(("|", ">", "#")):
            span, i = _plain(lines, i, indent, value, value_start)
            yield (*span, shell)
            continue
        if value and value.startswith(("|", ">")):
            span, i = _block(lines, i, indent, folded=value.startswith(">"))
            if span is not None:
                yield (*span, shell)
            continue
        # a list of scripts (GitLab `script:` followed by `- cmd` items)
        while i < len(lines):
            item_start, item = lines[i]
            if not item.strip() or item.strip().startswith("#"):
                i += 1
                continue
            item_indent = len(item) - len(item.lstrip())
            im = re.match(r"^[ \t]*-[ \t]+(.*)$", item)
            if item_indent < indent or not im:
                break
            i += 1
            text_value = im.group(1)
            if text_value.startswith(("|", ">")):
                span, i = _block(lines, i, item_indent, folded=text_value.startswith(">"))
                if span is not None:
                    yield (*span, shell)
            else:
                span, i = _plain(lines, i, item_indent, text_value, item_start + im.start(1))
                yield (*span, shell)


def _azure_task(lines, at: int, column: int):
    """`PowerShell` when the script at line `at` (its key at `column`) is the `inputs:` of an Azure
    `task: PowerShell@N` step; else None."""
    for j in range(at - 1, -1, -1):
        body = lines[j][1]
        if not body.strip() or body.lstrip().startswith("#"):
            continue
        if _indent(body) < column and body.lstrip().startswith("-"):  # the step's item
            return "PowerShell" if re.match(r"[ \t]*-[ \t]+task:[ \t]*[\"']?PowerShell@", body) else None
        if _indent(body) < column - 8:
            return None
    return None


def _sibling(lines, at: int, column: int, key: str):
    """The value of `key` in the mapping whose key at line `at` starts at `column` (a step's
    `shell:` beside its `run:`), or None."""
    def scan(indexes, down: bool):
        for j in indexes:
            body = lines[j][1]
            if not body.strip() or body.lstrip().startswith("#"):
                continue
            m = _KEY_LINE.match(body)
            dash = body[len(m.group(1)):].startswith("-") if m else False
            own = len(m.group(1)) + (2 if dash else 0) if m else _indent(body)
            if own < column or (own == column and not m) or (down and dash and own == column):
                return None  # below, a dash at the column starts the next item
            if own == column and m.group(2) == key:
                return (m.group(3) or "").strip().strip("\"'")
            if dash and own == column:
                return None  # above, the first key of the item: the mapping starts here
        return None
    upward = scan(range(at - 1, -1, -1), False) if not lines[at][1].lstrip().startswith("-") else None
    return upward if upward is not None else scan(range(at + 1, len(lines)), True)


def _scalar_span(value: str, start: int) -> tuple[int, int]:
    if value[:1] in "\"'" and value.rstrip()[-1:] == value[:1] and len(value.rstrip()) > 1:
        return start + 1, start + len(value.rstrip()) - 1
    comment = re.search(r"[ \t]#", value)
    return start, start + (comment.start() if comment else len(value.rstrip()))


def _indent(body: str) -> int:
    return len(body) - len(body.lstrip())


def _plain(lines, i, parent_indent, value: str, value_start: int):
    """((start, end, folds), next line index) of a scalar written after its key: a quoted or
    one-line value, or a plain or quoted one that goes on over the lines below it, whose line
    breaks YAML turns into spaces."""
    if value[:1] in "\"'" and not value.rstrip()[1:].endswith(value[0]):
        quoted = _quoted_lines(lines, i, value[0], value_start + 1, value[1:])
        if quoted is not None:
            return quoted
    start, end = _scalar_span(value, value_start)
    if value[:1] in "\"'" or re.search(r"[ \t]#", value):
        return (start, end, frozenset()), i
    folds = set()
    while i < len(lines) and lines[i][1].strip() and _indent(lines[i][1]) > parent_indent \
            and not lines[i][1].lstrip().startswith("#"):
        line_start, body = lines[i]
        folds.add(line_start - 1)  # the line break before the line
        end = line_start + len(body.rstrip())
        i += 1
    return (start, end, frozenset(folds)), i


# a `#` that starts a shell comment: at the start, or after a blank
_COMMENT = pattern(r"(?:^|[ \t])#")


def _quoted_lines(lines, i, quote: str, start: int, first: str):
    """((start, end, folds), next line index) of a quoted scalar that begins with `first` and goes
    on at line `i`, up to the line its closing quote is on; None where YAML's value is not the text
    with its line breaks as spaces: an escape (a backslash in double quotes, a doubled single
    quote), a blank line (a line break of the value), or no closing quote. Nor one with a `#` after a
    blank: folded into one line, the shell takes the rest for a comment."""
    folds = set()
    if quote in first or (quote == '"' and "\\" in first) or _COMMENT.search(first):
        return None
    for j in range(i, len(lines)):
        line_start, body = lines[j]
        if not body.strip():
            return None
        folds.add(line_start - 1)  # the line break before the line
        close = body.find(quote)
        inner = body if close < 0 else body[:close]
        if (quote == '"' and "\\" in inner) or (quote == "'" and body[close + 1:close + 2] == "'") \
                or _COMMENT.search(inner):
            return None
        if close >= 0:
            return (start, line_start + close, frozenset(folds)), j + 1
    return None


def _block(lines, i, parent_indent, folded: bool):
    """((start, end, folds) of a block scalar's text, or None when it is empty; next line index).
    `folded` (`>`): the line breaks between two non-blank lines at the block's own indentation are
    spaces (more indented lines and blank ones keep theirs)."""
    first = i
    while i < len(lines) and not (lines[i][1].strip() and _indent(lines[i][1]) <= parent_indent):
        i += 1
    while i > first and not lines[i - 1][1].strip():
        i -= 1
    block = lines[first:i]
    text = [body for _, body in block if body.strip()]
    if not text:
        return None, i
    base = _indent(text[0])
    folds = frozenset(after_start - 1 for (_, this), (after_start, after) in zip(block, block[1:])
                      if folded and this.strip() and after.strip() and _indent(this) == base == _indent(after))
    start = next(start for start, body in block if body.strip())
    return (start, block[-1][0] + len(block[-1][1]), folds), i


def _recognise(path, name: str, suffix: str) -> bool:
    if suffix not in (".yml", ".yaml"):
        return False
    parts = [x.lower() for x in path.parts]
    return (name in _NAMES or ".circleci" in parts or "gitlab-ci" in name
            or any(a == ".github" and b == "workflows" for a, b in zip(parts, parts[1:])))


# What a pipeline's content shows, as pairs of patterns that must both match: a top-level key and
# the steps under it that run commands. Configs, conda environments, Compose files and Kubernetes
# manifests have neither pair.
_STEP = rb"(?m)^[ \t]+(?:-[ \t]+)?"
_PIPELINES = tuple((pattern(top), pattern(step)) for top, step in (
    # GitHub Actions and CircleCI: `jobs:` whose steps `run:` commands (or `uses:` actions)
    (rb"(?m)^jobs:[ \t]*(?:#.*)?\r?$", _STEP + rb"steps:[\s\S]*?^[ \t]+(?:-[ \t]+)?(?:run|uses):"),
    # a GitHub composite action
    (rb"(?m)^runs:[ \t]*\r?$", _STEP + rb"using:[ \t]*[\"']?composite"),
    # GitLab CI: stages and jobs with scripts
    (rb"(?m)^stages:|^[ \t]+stage:", _STEP + rb"(?:before_|after_)?script:"),
    # Azure Pipelines: steps, jobs or stages whose items are scripts or tasks
    (rb"(?m)^(?:steps|jobs|stages):", rb"(?m)^[ \t]*-[ \t]+(?:script|bash|pwsh|powershell|task):"),
    # Bitbucket Pipelines
    (rb"(?m)^pipelines:", _STEP + rb"script:"),
))


def looks_like_ci(head: bytes) -> bool:
    """Whether the first bytes of a YAML file show a CI pipeline."""
    return any(top.search(head) and step.search(head) for top, step in _PIPELINES)


KIND = FileKind(
    name="ci-yaml", label="CI YAML", recognise=_recognise,
    read=lambda text: whole(text, commands=commands(text)), **RUNS_PYTHON, rank=40, fence="yaml",
    # a script YAML folds into one line (a `>` block, a plain scalar over several lines): a `#`
    # there would end the scalar, or comment out the lines folded after it
    multiline=lambda text: [(start, end) for start, end, folds, _ in _ci_script_spans(text) if folds],
    sniff=Sniff(names=lambda name: name.lower().endswith((".yml", ".yaml")), head=looks_like_ci, executable=False,
                size=32768),
)
