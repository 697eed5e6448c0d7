"""Jupyter notebooks: their code cells, linted together as one program, in order, as the kernel
runs them (a name imported in one cell is known in the next), or one by one when the joined code
does not parse. Findings are reported in the cell and row they are in.

A cell's Python is linted with IPython syntax masked (same length, so offsets stay valid), its
`!cmd`, `%pip`, `%conda`, `%system` lines and `%%bash`/`%%sh` bodies become shell commands, and its
`%run` lines the `python` commands they are. The body of a `%%writefile name.py` cell is linted as
a module of its own (the magic line masked), and that of a `%%writefile name.sh` cell as shell
commands.
Writing a fixed cell replaces only that cell's `source` value in the file, in the layout it had.
Markdown cells are read for the links they hold.
"""
from __future__ import annotations

import ast
import bisect
import json
import re
from dataclasses import dataclass, field

from ovlint.base.lazy import pattern
from ovlint.base.text import LineIndex
from ovlint.surfaces import COMMAND, LINK, PYTHON, REQUIREMENT, Document, FileKind, Unit, jsonspan, whole
from ovlint.surfaces.link import links_in
from ovlint.surfaces.python import compiles
from ovlint.surfaces.shell import Word, split_commands

_SHELL_CELL = pattern(r"^%%(?:bash|sh|script\s+(?:ba)?sh|system)\b[^\n]*\n?")
# `%%writefile [-a] name`: the file the cell's body is written to (IPython drops blank lines before it)
WRITEFILE = pattern(r"^(?:[ \t]*\r?\n)*%%writefile(?:[ \t]+(?:-a|--append))?[ \t]+"
                    r"(?P<q>[\"']?)(?P<name>[^\s\"']+)(?P=q)[ \t]*(?:\r?\n|\r|$)")
_LINE = pattern(r"[^\n]*\n?")
_SHELL_MAGICS = ("pip", "conda", "mamba", "system", "sx", "run")
# the program each one runs, where it is not the magic's own name (`%run -m pkg` is `python -m pkg`
# in the kernel; `%system` runs its line as it is)
_MAGIC_PROGRAM = {"system": "", "sx": "", "run": "python"}
# cell magics that run their body as the kernel's own Python (timing, capturing, profiling it)
_PYTHON_CELL = pattern(r"^%%(?:time|timeit|capture|prun|debug|memit|pyinstrument|snakeviz)\b"
                       r"[^\r\n]*(?:\r\n|\r|\n|$)")
# a `%%timeit` line with setup code after its options
_TIMEIT_SETUP = pattern(r"%%timeit(?:[ \t]+-(?:[nrp][ \t]*\d+|[tcqo]))*[ \t]+[^\s-]")
# line magics that run the Python statement after their options (`%time f()`, `%timeit -n 10 f()`)
_TIMED_LINE = pattern(r"%?(?:time|timeit|prun)(?:[ \t]+-(?:[nrp][ \t]*\d+|[tcqo]|[slTD][ \t]*\S+))*[ \t]+(?=\S)")
# cell magics whose body is not Python; that of any other one may be Python ovlint does not read
_FOREIGN_CELL = pattern(r"^%%(?:html|javascript|js|latex|markdown|svg|perl|ruby|sql|writefile|file|script)\b")
# line magics IPython runs without their `%` in a cell of one line (its automagic), for a line that
# is not Python (`cd data/`, `pip install x`)
_AUTOMAGIC = pattern(r"[ \t]*(?:cd|pip|conda|mamba|ls|ll|pwd|mkdir|rmdir|cat|rm|cp|mv|env|set_env|load_ext|"
                     r"reload_ext|matplotlib|run|time|timeit|who|whos|reset|alias|pushd|popd|dirs|bookmark|"
                     r"history|xmode|config|autoreload|aimport|less|more|man|clear|pycat|pylab|store|sx|system)"
                     r"(?=[ \t]|$)")


class NotebookError(ValueError):
    pass


@dataclass
class Cell:
    index: int  # 0-based position among all cells
    text: str
    python: str | None  # masked Python, None when the whole cell is not Python
    shell_ranges: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, prefix)
    source_node: jsonspan.Node | None = None
    # a `%%writefile name.py` cell: its text with the magic masked, and the text of the magic
    module: str | None = None
    magic: str = ""
    opaque: bool = False  # run through a cell magic whose body may be Python ovlint does not read


@dataclass
class Notebook:
    cells: list[Cell]
    root: jsonspan.Node
    markdown: list[tuple[int, str]] = field(default_factory=list)  # (position, text) of each Markdown cell


def parse(text: str) -> Notebook:
    try:
        root = jsonspan.parse(text)
    except jsonspan.JsonError as exc:
        raise NotebookError(f"invalid notebook JSON: {exc}") from None
    if not isinstance(root.value, dict):
        raise NotebookError("invalid notebook: the top level is not a JSON object")
    cells_node = root.get("cells")
    if cells_node is None and root.get("worksheets") is not None:
        raise NotebookError("a notebook of nbformat 3 (`worksheets`), which ovlint does not read: convert it with "
                            "`jupyter nbconvert --to notebook --nbformat 4`")
    if cells_node is None or not isinstance(cells_node.value, list):
        raise NotebookError("invalid notebook: no 'cells' list")
    cells, markdown = [], []
    for index, node in enumerate(cells_node.items):
        kind = node.value.get("cell_type") if isinstance(node.value, dict) else None
        source = node.get("source") if kind in ("code", "markdown") else None
        if source is None:
            continue
        value = source.value
        if isinstance(value, list) and all(isinstance(x, str) for x in value):
            value = "".join(value)
        if not isinstance(value, str):
            raise NotebookError(f"invalid notebook: cell {index + 1} 'source' is not text")
        if kind == "code":
            cells.append(_cell(index, value, source))
        else:
            markdown.append((index, value))
    return Notebook(cells, root, markdown)


_HTML_COMMENT = pattern(r"<!--.*?-->", re.S)


def _markdown_units(nb: Notebook) -> list[Unit]:
    """A unit for each Markdown cell that links somewhere (its HTML comments left out)."""
    units = []
    for index, text in nb.markdown:
        links = links_in(_HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text))
        if links:
            units.append(Unit(text, key=("markdown", index), cell=index, links=links))
    return units


def _cell(index: int, text: str, node) -> Cell:
    python_cell = _PYTHON_CELL.match(text)
    if python_cell:
        # its body, read as a cell of its own (another cell magic can follow), behind the magic line
        # masked (the same length: offsets stay); setup code on a `%%timeit` line is not read
        inner = _cell(index, text[python_cell.end():], node)
        magic = re.sub(r"[^\r\n]", "#", python_cell.group())
        shift = python_cell.end()
        return Cell(index, text, None if inner.python is None else magic + inner.python,
                    [(a + shift, b + shift, prefix) for a, b, prefix in inner.shell_ranges], node,
                    module=None if inner.module is None else magic + inner.module, magic=magic + inner.magic,
                    opaque=inner.opaque or bool(_TIMEIT_SETUP.match(python_cell.group())))
    shell_cell = _SHELL_CELL.match(text)
    if shell_cell:
        return Cell(index, text, None, [(shell_cell.end(), len(text), "")], node)
    written = WRITEFILE.match(text)
    if written and written.group("name").endswith((".sh", ".bash")):
        return Cell(index, text, None, [(written.end(), len(text), "")], node)
    if written and written.group("name").endswith(".py"):
        magic = text[:written.end()]
        return Cell(index, text, None, [], node, module=re.sub(r"[^\r\n]", "#", magic) + text[written.end():],
                    magic=magic)
    if text.lstrip().startswith("%%"):
        return Cell(index, text, None, [], node, opaque=not _FOREIGN_CELL.match(text.lstrip()))
    automagic = _automagic(text)
    if automagic is not None:
        python, ranges, hides = automagic
        return Cell(index, text, python, ranges, node, opaque=hides)
    lines = _without_prompts([(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()])
    masked = []
    ranges = []
    opaque = False
    scanner = _LogicalLines()
    python_before = False  # a line of Python before this one: an escape's indentation is its block's
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        magic_at = _magic_at(line) if scanner.at_start() else None
        if magic_at is None:
            masked.append(scanner.help_syntax(line))
            scanner.feed(line)
            python_before = python_before or bool(line.strip()) and not line.lstrip().startswith("#")
            i += 1
            continue
        # IPython reads a line magic or `!` command as one logical line, across backslash continuations
        last = i
        while last + 1 < len(lines) and lines[last][1].rstrip("\r\n").endswith("\\"):
            last += 1
        timed = _timed(line, magic_at) if last == i else None
        if timed is not None:  # `%time stmt`: the statement is the program's Python
            masked.append(timed)
            i += 1
            continue
        opaque = opaque or bool(_TIMED_LINE.match(line, magic_at))  # Python it could not read
        end = lines[last][0] + len(lines[last][1].rstrip("\r\n"))
        _record_shell(text, offset + magic_at, end, ranges)
        # IPython takes the indentation of a cell's first line off every line (` !ls` runs): Python
        # before the escape makes it part of a block, else it is masked with the escape
        masked.append(_blank(line, magic_at if python_before else 0, "0#"))
        masked.extend(_blank(lines[k][1], 0, "#") for k in range(i + 1, last + 1))
        i = last + 1
    return Cell(index, text, "".join(masked), ranges, node, opaque=opaque)


# the continuation prompt of Python's interactive shell, which IPython takes off a cell's lines when
# its second line has one (pasted from a session: `with open(p) as f:\n...     print(f.read())`)
_CONTINUATION = pattern(r"\.\.\.(?: |$)")


def _without_prompts(lines: list) -> list:
    """The cell's (offset, line) pairs with the continuation prompts IPython takes off made blanks
    of the same length: the lines stay inside their block, a few columns deeper. (A `>>> ` prompt
    would leave its top-level statement indented: such a cell still does not parse.)"""
    if len(lines) < 2 or not _CONTINUATION.match(lines[1][1]):
        return lines
    return [(offset, " " * len(found.group()) + line[found.end():] if found else line)
            for offset, line in lines for found in (_CONTINUATION.match(line),)]


def _timed(line: str, at: int):
    """`line` with a line magic at `at` that runs a Python statement (`%time stmt`, `%timeit -n 10
    stmt`) as that statement behind `if 1:` (the same length); None for any other line, or when
    the statement does not fit behind it."""
    found = _TIMED_LINE.match(line, at)
    if found is None or found.end() - at < 5 or line[:at].strip():
        return None
    statement = "if 1:" + " " * (found.end() - at - 5) + line[found.end():]
    try:  # a simple statement only: `if 1: for x in y: f()` is no Python
        compile(statement.strip(), "<line>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError):
        return None
    return line[:at] + statement


def _automagic(text: str):
    """(the masked Python, its shell ranges, whether it hides Python) of a cell of one line that
    IPython runs as a line magic called without its `%` (`pip install x`, `cd data/`); None for
    any other cell."""
    body = text.strip()
    if not body or "\n" in body or "\r" in body or body.startswith(("!", "%", "?")) or not _AUTOMAGIC.match(body):
        return None
    try:
        compile(text, "<cell>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        return None  # Python: IPython runs it as such
    except (SyntaxError, ValueError):
        pass
    at = text.index(body)
    end = at + len(body)
    timed = _timed(text, at)  # `time f()`: the statement is the program's Python
    if timed is not None:
        return timed, [], False
    name = body.split(None, 1)[0]
    ranges = []
    if name in _SHELL_MAGICS:
        ranges.append((at + len(name), end, _MAGIC_PROGRAM.get(name, name)))
    return text[:at] + _blank(body, 0, "0#") + text[end:], ranges, bool(_TIMED_LINE.match(text, at))


def _magic_at(line: str):
    """Where an IPython escape (`!cmd`, `%magic`, `?obj`, `x = !cmd`) starts a logical line, else None."""
    body = line.rstrip("\r\n")
    stripped = body.lstrip()
    if stripped.startswith(("!", "%", "?")):
        return len(body) - len(stripped)
    assigned = re.match(r"^\s*[\w.]+\s*=\s*([!%])", body)  # `x = !ls`, `files = %sx ls`
    return assigned.start(1) if assigned else None


def _record_shell(text: str, at: int, end: int, ranges: list) -> None:
    """The shell command an escape at `at` runs, as (start, end, prefix) in the cell's text."""
    rest = text[at:end]
    if rest.startswith("!"):
        ranges.append((at + 1 + rest.startswith("!!"), end, ""))
        return
    name = re.match(r"%+(\w+)", rest)
    if name and name.group(1) in _SHELL_MAGICS:
        ranges.append((at + name.end(), end, _MAGIC_PROGRAM.get(name.group(1), name.group(1))))


def _blank(line: str, at: int, lead: str) -> str:
    """`line` with its text from `at` replaced by Python of the same length: `lead` and x's."""
    body = line.rstrip("\r\n")
    tail = len(body) - at
    if tail <= 0:
        return line
    replacement = (lead + "x" * tail)[:tail] if tail >= len(lead) else "0" * tail if lead == "0#" else "#" * tail
    return body[:at] + replacement + line[len(body):]


class _LogicalLines:
    """Follows brackets, strings and backslash continuations across the physical lines of Python,
    the way IPython does before it looks for escapes: only the first line of a logical line can
    hold one (`%` at the start of a line inside brackets is the modulo operator)."""

    def __init__(self):
        self.depth = 0
        self.quote = ""  # the quote of an open string ('"""' for a triple-quoted one)
        self.continued = False

    def at_start(self) -> bool:
        return self.depth == 0 and not self.quote and not self.continued

    def help_syntax(self, line: str) -> str:
        """`obj?`, `obj??`, `?obj` (IPython's help) masked, where a logical line starts."""
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not self.at_start() or not stripped or stripped.startswith("#") or "#" in stripped:
            return line
        if stripped.startswith("?"):  # the whole line is the question
            at = body.index("?")
            return body[:at] + "#" + body[at + 1:] + line[len(body):]
        if stripped.endswith("?"):
            end = len(body.rstrip())
            asked = body[:end].rstrip("?")
            return asked + "#" * (end - len(asked)) + body[end:] + line[len(body):]
        return line

    def feed(self, line: str) -> None:
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            if self.quote:
                if ch == "\\":
                    i += 2
                    continue
                if line.startswith(self.quote, i):
                    i += len(self.quote)
                    self.quote = ""
                    continue
                if ch == "\n" and len(self.quote) == 1:
                    self.quote = ""  # an unterminated string ends at the line, as for the tokenizer
            elif ch == "#":
                break
            elif ch in "\"'":
                self.quote = line[i:i + 3] if line.startswith(ch * 3, i) else ch
                i += len(self.quote)
                continue
            elif ch in "([{":
                self.depth += 1
            elif ch in ")]}":
                self.depth = max(0, self.depth - 1)
            i += 1
        self.continued = not self.quote and line.rstrip("\r\n").endswith("\\")


def replace_sources(text: str, notebook: Notebook, new_sources: dict[int, str]) -> str:
    """The notebook text with the given cells' sources replaced, the rest untouched."""
    cells = {c.index: c for c in notebook.cells}
    ascii_only = text.isascii() and "\\u" in text
    edits = []
    for index, source in new_sources.items():
        node = cells[index].source_node
        edits.append((node.start, node.end, _render_source(text, node, source, ascii_only)))
    for start, end, content in sorted(edits, reverse=True):
        text = text[:start] + content + text[end:]
    return text


def _render_source(text: str, node, source: str, ascii_only: bool) -> str:
    dump = lambda s: json.dumps(s, ensure_ascii=ascii_only)  # noqa: E731
    if not node.items and isinstance(node.value, str):
        return dump(source)
    lines = [m.group() for m in _LINE.finditer(source) if m.group()]
    if not lines:
        return "[]"
    if len(node.items) >= 1:
        lead = text[node.start + 1:node.items[0].start]
        tail = text[node.items[-1].end:node.end - 1]
        sep = text[node.items[0].end:node.items[1].start] if len(node.items) > 1 else "," + lead
    else:
        line_start = text.rfind("\n", 0, node.start) + 1
        indent = re.match(r"[ \t]*", text[line_start:]).group()
        lead, sep, tail = "\n" + indent + " ", ",\n" + indent + " ", "\n" + indent
    return "[" + lead + sep.join(dump(line) for line in lines) + tail + "]"


# between two cells in a notebook's joined code: a comment line no edit touches
CELL_BOUNDARY = "\n#ovlint:cell-boundary\n"


def _split_cells(code: str) -> list[str]:
    """The cells of joined code. A whole last line a fix deleted took the line break before the
    boundary comment with it (the cell did not end in one): that cell ends where the comment starts,
    after its own line break when that is `\\r\\n`."""
    parts = code.split(CELL_BOUNDARY[1:])
    return [p[:-1] if p.endswith("\n") and not p.endswith("\r\n") else p for p in parts[:-1]] + parts[-1:]


def read(text: str) -> Document:
    """The code cells joined into one unit; `fallback` reads them without those that do not
    parse (each of which is a unit of its own), or else each cell alone."""
    try:
        nb = parse(text)
    except NotebookError as exc:
        return whole(text, error=str(exc))
    if not nb.cells:
        return Document(text, _markdown_units(nb), exemption_text="")
    return _joined(text, nb)


def _joined(text: str, nb: Notebook, left_out: tuple = ()) -> Document:
    """The code cells joined into one unit, the Python of the cells `left_out` blanked (each of
    those is a unit of its own then, where it does not parse)."""
    cells = nb.cells
    exemption = "\n".join(c.text for c in cells)
    combined = CELL_BOUNDARY.join(c.text for c in cells)
    python = CELL_BOUNDARY.join(c.python if c.python is not None and c not in left_out
                                else re.sub(r"[^\n]", " ", c.text) for c in cells)
    starts, offset = [], 0
    for cell in cells:
        starts.append(offset)
        offset += len(cell.text) + len(CELL_BOUNDARY)
    commands = [command for cell, start in zip(cells, starts) for command in _commands(cell, combined, start)]
    _resolve_python_names(commands, python)

    def rebuild(texts):
        parts = _split_cells(texts[None])
        if len(parts) != len(cells):
            return None  # an edit crossed a cell boundary: the fixer keeps the notebook as it was
        sources = {c.index: p for c, p in zip(cells, parts) if p != c.text}
        sources.update((key[1], texts[key]) for key in texts if isinstance(key, tuple) and key[0] == _MODULE)
        return replace_sources(text, nb, _kept_magics(nb, sources))

    def place(diagnostics):
        rows = LineIndex(combined)
        first_rows = [rows.position(start)[0] for start in starts]

        def cell_of(position: int) -> int:
            return bisect.bisect_right(starts, position) - 1

        moved = set()  # the edit locations of a fix the diagnostics of a group share, once
        for diag in diagnostics:
            if diag.unit is not None:
                continue  # a Markdown cell's: in its cell already
            at = cell_of(diag.start)
            diag.cell = cells[at].index
            diag.row -= first_rows[at] - 1
            diag.end_row -= first_rows[cell_of(max(diag.start, diag.end - 1))] - 1
            if diag.fix is not None and id(diag.edit_locations) not in moved:
                moved.add(id(diag.edit_locations))
                for edit, location in zip(diag.fix.edits, diag.edit_locations):
                    where = cell_of(edit.start)
                    location["cell"] = cells[where].index + 1
                    for key in ("location", "end_location"):
                        location[key]["row"] -= first_rows[where] - 1

    lines: list = []  # the joined code's line index, built for the first message that names a line

    def line_name(position: int) -> str:
        at = bisect.bisect_right(starts, position) - 1
        if not lines:
            lines.append(LineIndex(combined))
        rows = lines[0]
        return f"cell {cells[at].index + 1}, line {rows.position(position)[0] - rows.position(starts[at])[0] + 1}"

    modules = [Unit(c.text, key=(_MODULE, c.index), cell=c.index, python=c.module, apart=True)
               for c in cells if c.module is not None]
    opaque = next((c for c in cells if c.opaque), None)
    partial = "" if opaque is None else f"cell {opaque.index + 1} runs code ovlint does not read (through a magic)"
    if left_out:
        partial = (f"cell {left_out[0].index + 1} does not parse, so the notebook was read without it")
    # read apart: the joined rest is read the same whether they parse or not
    broken = [Unit(c.text, key=c.index, cell=c.index, python=c.python, partial=partial, apart=True) for c in left_out]
    return Document(text, [Unit(combined, python=python, commands=commands, partial=partial)] + modules + broken +
                    _markdown_units(nb),
                    rebuild=rebuild, place=place,
                    # CPython and LibCST can disagree on what parses (tabs and spaces mixed): then each cell alone
                    fallback=(lambda: _cell_by_cell(text, nb, exemption)) if left_out else lambda: _without_broken(text, nb),
                    exemption_text=exemption, line_name=line_name)


def _without_broken(text: str, nb: Notebook) -> Document:
    """The notebook read without the code cells that do not parse alone (an exercise's unfinished
    `def`), so that names still cross the others; each cell alone when that does not parse either."""
    left_out = tuple(c for c in nb.cells if c.module is None and c.python is not None and not compiles(c.python))
    kept = CELL_BOUNDARY.join(c.python for c in nb.cells if c.module is None and c.python is not None
                              and c not in left_out)
    if not left_out or not compiles(kept):
        return _cell_by_cell(text, nb, "\n".join(c.text for c in nb.cells))
    return _joined(text, nb, left_out)


_MODULE = "module"  # the key of a unit that is a `%%writefile name.py` cell: (_MODULE, its index)


def _kept_magics(nb: Notebook, sources: dict[int, str]) -> dict[int, str]:
    """The new sources, but for a `%%writefile` cell whose edits reached its magic line (which is
    not Python): that one stays as it was."""
    magics = {c.index: c.magic for c in nb.cells if c.module is not None}
    return {index: source for index, source in sources.items()
            if index not in magics or source.startswith(magics[index])}


def _cell_by_cell(text: str, nb: Notebook, exemption: str) -> Document:
    units = [Unit(c.text, key=c.index, cell=c.index, python=c.python if c.module is None else c.module,
                  commands=_commands(c, c.text, 0), apart=c.module is not None,
                  partial="" if c.module is not None else "the notebook's cells do not parse as one program, "
                                                          "so each was read alone")
             for c in nb.cells]
    return Document(text, units + _markdown_units(nb), exemption_text=exemption,
                    rebuild=lambda texts: replace_sources(
                        text, nb, _kept_magics(nb, {k: v for k, v in texts.items() if isinstance(k, int)})))


# a string the notebook's code assigns a name once, at the top level of a cell (`MO = "mo"`)
_STRING_CONSTANT = pattern(r"""(?m)^(\w+)[ \t]*=[ \t]*[rRuU]?(["'])([^"'\\\n]*)\2[ \t]*(?:#[^\n]*)?$""")
# a word that is one Python name, as IPython expands it in a `!` line (`$MO`, `${MO}`, `{MO}`)
_PYTHON_NAME_WORD = pattern(r"^(?:\$\{?(\w+)\}?|\{(\w+)\})$")


def _resolve_python_names(commands: list, python: str) -> None:
    """Words of `!` lines that are a Python string constant of the notebook (`!$MO --input_model
    m.onnx`, `!python {mo_path} ...`) resolve to its value: rules then see what runs."""
    assigned: dict = {}
    for match in _STRING_CONSTANT.finditer(python):
        assigned.setdefault(match.group(1), []).append(match.group(3))
    # a name bound once: not assigned otherwise too (`MO = os.environ.get(...)`, `for MO in ...`, `MO += ...`)
    constants = {name: values[0] for name, values in assigned.items() if len(values) == 1
                 and len(re.findall(r"(?<![\w.])%s[ \t]*(?:[-+*/%%|&^@]|//|\*\*|<<|>>)?=(?!=)|\b(?:for|as|global|nonlocal)"
                                    r"[ \t]+(?:[\w, \t]*,[ \t]*)?%s\b" % (name, name), python)) == 1}
    if not constants:
        return
    for command in commands:
        for word in command.words:
            match = _PYTHON_NAME_WORD.match(word.value)
            name = match and (match.group(1) or match.group(2))
            if name in constants and word.resolved is None:
                word.resolved = constants[name]


def exported_cell(text: str) -> Cell:
    """A Python script exported from a notebook, `!`/`%` lines and all, read as one code cell."""
    return _cell(0, text, None)


def cell_commands(cell: Cell) -> list:
    """The shell commands of a cell, positioned in its own text."""
    return _commands(cell, cell.text, 0)


def _commands(cell: Cell, text: str, start: int) -> list:
    """The shell commands of a cell whose text starts at `start` of `text`."""
    commands = []
    for first, last, prefix in cell.shell_ranges:
        for command in split_commands(text, start + first, start + last, origin="notebook"):
            if prefix:
                command.words.insert(0, Word(prefix, start + first, start + first))
                command.carrier = "notebook-magic"
            commands.append(command)
    return commands


# an output's image: its base64 (or SVG) value, a string or a list of them
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_IMAGE = rf'"image/[\w.+-]+"\s*:\s*(?:{_STRING}|\[\s*(?:{_STRING}\s*,?\s*)*\])'
_IMAGES = {str: pattern(_IMAGE), bytes: pattern(_IMAGE.encode())}


def without_images(text):
    """The notebook's text (str or bytes) without the images of its outputs."""
    marker = '"image/' if isinstance(text, str) else b'"image/'
    return _IMAGES[type(text)].sub(marker[:1] * 2, text) if marker in text else text


KIND = FileKind(
    name="notebook", label="notebooks", recognise=lambda path, name, suffix: suffix == ".ipynb",
    read=read, facts=(PYTHON, COMMAND, REQUIREMENT, LINK), comment=None, rank=10, fence="json",
    screened=without_images,
)
