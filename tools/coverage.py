"""What ovlint does with every name of the legacy Python surface: each entry of the inventory
(rules/api10/inventory/: every public name of `openvino.inference_engine` and `ngraph` and their
submodules, every member of their classes, every parameter of the Model Optimizer's
`convert_model` and every option of `mo`) is classified as migrated automatically (by a safe or an
unsafe fix), unchanged (the same spelling means the same in API 2.0, and ovlint says nothing) or
manual (reported without a fix), or marked as a gap where what ovlint does is wrong, and every
classification is checked by running ovlint on a tiny program using the entry. The
classification is data, in tools/coverage_data.py.

    python tools/coverage.py > docs/coverage.md    # the report (tests/test_coverage.py keeps it current)
    python tools/coverage.py --check               # the entries whose recorded status is not what
                                                   # ovlint does, with what it does
    python tools/coverage.py --actual KEY ...      # what ovlint does with these entries, one by one

Snippets are checked in batches (one program per status and prelude, each use between marker
comments; the unsafe ones each in a function of its own, so that each is a part with its own fix;
the functions of an opset in one import statement), with all OV1xx and OV2xx rules (and OV501/OV506,
which the Model Optimizer rules leave the discontinued frameworks to), the newest release as the
target and no pinned floor. A batch that does not behave as recorded is checked again entry by
entry, to name the entries that differ."""
from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
INVENTORY = ROOT / "rules" / "api10" / "inventory"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import coverage_data as data  # noqa: E402
from api_inventory import public_classes  # noqa: E402
from coverage_data import MANUAL, SAFE, UNCHANGED, UNSAFE  # noqa: E402

TARGETS = ("2023.3", "2024.6", "2025.1", "2026.4.1")  # the releases of the api20 inventories
HELD = "(not migrated yet:"  # what a finding held back by another use says
# the rules run: the API 1.0, nGraph and Model Optimizer families, and the rules MO's defer to for
# models of the discontinued frameworks (Caffe, MXNet, Kaldi)
RULES = ("OV1", "OV2", "OV501", "OV506")
BATCH = 60  # entries per checked program (ovlint's cost grows a little faster than the text)
LEGACY_FILE = "legacy-2023.3.json"
MO_FILE = "mo-2023.3.json"
MO_GROUP = "openvino.tools.mo.convert_model"
CLI_GROUP = "mo"


def load(name: str) -> dict:
    return json.loads((INVENTORY / name).read_text(encoding="utf-8"))


# --- the inventory: every entry to classify --------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One entry of the inventory."""
    key: str  # `openvino.inference_engine.IECore`, `ngraph.Node.get_name`, `mo --batch`, ...
    group: str  # the module or class it belongs to (a section of the report)
    name: str  # its name in the group
    kind: str  # "name", "member", "parameter", "option"
    what: str  # class, function, module, constant, object; a member's kind; "parameter", "option"
    ref: str = ""  # the class or function it refers to (names), the class of a member


def _parameter_key(name: str) -> str:
    return f"{MO_GROUP}(**)" if name.startswith("**") else f"{MO_GROUP}({name}=)"


@functools.lru_cache(maxsize=None)
def items() -> tuple[Item, ...]:
    legacy, mo = load(LEGACY_FILE), load(MO_FILE)
    found = []
    for module, entries in sorted(legacy["modules"].items()):
        for name, entry in sorted(entries.items()):
            what, ref = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, ""))
            found.append(Item(f"{module}.{name}", module, name, "name", what, ref if isinstance(ref, str) else ""))
    public = public_classes(legacy)
    for ref, cls in sorted(legacy["classes"].items(), key=lambda c: public.get(c[0], c[0])):
        owner = public.get(ref, ref)
        for member, about in sorted(cls["members"].items()):
            found.append(Item(f"{owner}.{member}", owner, member, "member", about["kind"], ref))
    for parameter in mo["convert_model"]:
        name = parameter["name"]
        found.append(Item(_parameter_key(name), MO_GROUP, name, "parameter", "parameter"))
    for option in sorted(mo["cli"], key=lambda o: o["option"]):
        found.append(Item(f"{CLI_GROUP} {option['option']}", CLI_GROUP, option["option"], "option", "option"))
    return tuple(found)


# --- snippets ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Snippet:
    imports: tuple[str, ...]  # hoisted to the top of a batch
    prelude: tuple[str, ...]  # gives the object the use needs; shared by a batch
    use: tuple[str, ...]  # the use of the entry: where findings are looked for
    surface: str = "python"  # or "shell"
    layout: str = "flat"  # "flat", "alone" (a program of its own), "list" (one `from M import a, b` per batch)
    module: str = ""  # "list": the module the names come from

    def program(self) -> str:
        """The snippet on its own, as the report shows it."""
        lines = [*self.imports, *self.prelude, *self.use]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Entry:
    item: Item
    status: str
    snippet: Snippet
    note: str = ""  # why (manual, unchanged), or what the fix does
    wrong: str = ""  # what ovlint gets wrong here (the entry is a gap, whatever ovlint does)
    source: str = "explicit"  # "explicit", "family: <name>", "derived: <why>"
    prelude: str = ""  # the name of its prelude (data.PRELUDES)


def _is_import(line: str) -> bool:
    return line.startswith(("import ", "from "))


def _split(code: str) -> tuple[list[str], list[str]]:
    lines = textwrap.dedent(code).strip("\n").splitlines()
    return [line for line in lines if _is_import(line)], [line for line in lines if not _is_import(line)]


def make_snippet(code: str, default_import: str = "", prelude: str = "", surface: str = "python",
                 alone: bool = False) -> Snippet:
    imports, use = _split(code)
    prelude_imports, prelude_lines = _split(prelude) if prelude else ([], [])
    if alone:  # the use may be an import itself: the program is written as it is
        lines = textwrap.dedent(code).strip("\n").splitlines()
        return Snippet(tuple(prelude_imports), tuple(prelude_lines), tuple(lines), surface, "alone")
    if default_import:
        imports = [default_import, *imports]
    hoisted = list(dict.fromkeys([*prelude_imports, *imports]))
    return Snippet(tuple(hoisted), tuple(prelude_lines), tuple(use), surface)


def _fill(template: str, item: Item) -> str:
    module = item.group
    fields = {"name": item.name, "module": module, "tail": module.split(".", 1)[-1],
              "alias": module.replace("ngraph", "ng", 1)}
    return re.sub(r"\{(name|module|tail|alias)\}", lambda m: fields[m.group(1)], template)


def _prelude(name: Optional[str]) -> str:
    return data.PRELUDES[name] if name else ""


def explicit_entry(item: Item, spec: data.E, default_import: str = "", prelude: Optional[str] = None,
                   surface: str = "python", source: str = "explicit") -> Entry:
    chosen = spec.prelude if spec.prelude is not None else prelude
    snippet = make_snippet(_fill(spec.snippet, item), _fill(default_import, item) if default_import else "",
                           _prelude(chosen), surface, spec.alone)
    return Entry(item, spec.status, snippet, _fill(spec.note, item), spec.wrong, source, chosen or "")


# --- derived facts: API 2.0 twins ----------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def api20() -> dict:
    return {target: load(f"api20-{target}.json") for target in TARGETS}


def _members(api: dict, ref: str) -> set[str]:
    cls = api["classes"].get(ref)
    if cls is None:
        return set()
    found = set(cls["members"])
    for base in cls.get("bases") or ():
        found |= _members(api, base)
    return found


def twin_class(api: dict, dotted: str) -> Optional[str]:
    """The class ref `openvino.<dotted>` names in one release (or `openvino.runtime.<dotted>`,
    where older releases kept it)."""
    module, _, name = f"openvino.{dotted}".rpartition(".")
    for where in (module, module.replace("openvino", "openvino.runtime", 1)):
        entry = api["modules"].get(where, {}).get(name)
        if isinstance(entry, dict) and "class" in entry:
            return entry["class"]
    return None


def twin_has(dotted: str, member: str) -> list[str]:
    """The target releases whose `openvino.<dotted>` class lacks `member` (or is missing)."""
    lacking = []
    for target, api in api20().items():
        ref = twin_class(api, dotted)
        if ref is None or member not in _members(api, ref):
            lacking.append(target)
    return lacking


def resolves(dotted: str, target: str) -> bool:
    """Whether `openvino.<dotted>` names something in `target`: a module, a name of a module, or
    a member of a class (`preprocess.PrePostProcessor`, `Type.f32`, `opset8.relu`)."""
    api = api20()[target]
    current, cls = "openvino", None
    for part in dotted.split("."):
        if cls is not None:
            if part not in _members(api, cls):
                return False
            cls = None
            current = None
            continue
        if current is None:
            return False  # a member of a member: not followed
        entry = api["modules"].get(current, {}).get(part)
        if entry is None:
            return False
        if entry == "module":
            current = f"{current}.{part}"
        elif isinstance(entry, dict) and "class" in entry:
            cls, current = entry["class"], None
        else:
            current = None
    return True


def written_names(text: str) -> list[str]:
    """The `openvino` names a fixed snippet writes: `ov.<dotted>` and `from openvino.<m> import <n>`."""
    found = [m.group(1) for m in re.finditer(r"(?<![\w.])ov\.((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)", text)]
    for m in re.finditer(r"^\s*from openvino((?:\.\w+)*) import \(?([\w, ]+)", text, re.M):
        module = m.group(1).lstrip(".")
        found += [f"{module}.{name.strip()}".lstrip(".") for name in m.group(2).split(",") if name.strip()]
    return found


# --- the classification ----------------------------------------------------------------------------

def _family_of(item: Item):
    for family in data.FAMILIES:
        if item.kind == "name" and re.fullmatch(family.modules, item.group) and family.matches(item):
            return family
    return None


@functools.lru_cache(maxsize=None)
def classification() -> dict[str, Entry]:
    """Every inventory entry that the data classifies, by key."""
    found: dict[str, Entry] = {}
    for item in items():
        entry = _classify(item)
        if entry is not None:
            found[item.key] = entry
    return found


def _classify(item: Item) -> Optional[Entry]:
    if item.kind == "name":
        spec = data.NAMES.get(item.group, {}).get(item.name)
        default_import = data.IMPORTS.get(item.group, "")
        if spec is not None:
            return explicit_entry(item, spec, default_import)
        family = _family_of(item)
        if family is None:
            return None
        spec = family.exceptions.get(f"{item.group}.{item.name}") or family.exceptions.get(item.name)
        source = f"family: {family.name}"
        if spec is None and family.listed:
            snippet = Snippet((), (), (f"from {item.group} import {item.name}",), layout="list", module=item.group)
            return Entry(item, family.entry.status, snippet, _fill(family.entry.note, item), source=source)
        return explicit_entry(item, spec or family.entry, family.imports or default_import, source=source)
    if item.kind == "member":
        members = data.MEMBERS.get(item.group, {})
        prelude = data.CLASS_PRELUDES.get(item.group)
        spec = members.get(item.name)
        if spec is not None:
            return explicit_entry(item, spec, prelude=prelude)
        return _derived_member(item, prelude)
    if item.kind == "parameter":
        spec = data.MO_PARAMETERS.get(item.name)
        return explicit_entry(item, spec, data.MO_IMPORT) if spec is not None else None
    spec = data.MO_OPTIONS.get(item.name)
    return explicit_entry(item, spec, surface="shell") if spec is not None else None


def _derived_member(item: Item, prelude: Optional[str]) -> Optional[Entry]:
    """A member of an nGraph class whose API 2.0 twin has it in every target release: used on an
    object it is unchanged; used through the class (static members, enum values) the class is
    renamed with it."""
    twin = data.TWINS.get(item.group)
    if twin is None or twin_has(twin, item.name):
        return None
    why = f"`openvino.{twin}` has `{item.name}` in every release from {TARGETS[0]} to {TARGETS[-1]}"
    if item.what in ("staticmethod", "classmethod", "member", "constant"):
        spec = data.E(SAFE, f"{data.CLASS_SPELLING[item.group]}.{item.name}", note=why)
        return explicit_entry(item, spec, data.NG, source="derived: the class is renamed, the member exists on its twin")
    if prelude is None:
        return None
    spec = data.E(UNCHANGED, f"{prelude}.{item.name}", note=why)
    return explicit_entry(item, spec, prelude=prelude, source="derived: the member exists on the twin")


def unclassified() -> list[Item]:
    known = classification()
    return [item for item in items() if item.key not in known]


def stale_data() -> list[str]:
    """Explicit data naming no inventory entry (a typo, or a name the inventory lost)."""
    keys = {item.key for item in items()}
    found = []
    for module, names in data.NAMES.items():
        found += [f"{module}.{n}" for n in names if f"{module}.{n}" not in keys]
    for cls, members in data.MEMBERS.items():
        found += [f"{cls}.{m}" for m in members if f"{cls}.{m}" not in keys]
    found += [n for n in data.MO_PARAMETERS if _parameter_key(n) not in keys]
    found += [n for n in data.MO_OPTIONS if f"{CLI_GROUP} {n}" not in keys]
    return found


# --- running ovlint --------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _rules():
    from ovlint.engine import registry

    return tuple(r for r in registry.all_rules() if r.code.startswith(RULES))


def _path(surface: str) -> str:
    return "convert.sh" if surface == "shell" else "app.py"


def _lint_document(text: str, surface: str):
    from ovlint.base import versions
    from ovlint.engine.linter import lint_text
    from ovlint.surfaces import named

    return lint_text(_path(surface), named(surface), text, list(_rules()), versions.NEWEST)


def lint(text: str, surface: str = "python") -> list:
    return _lint_document(text, surface).diagnostics


@dataclass
class Fixed:
    first: list  # the findings of the program as written
    chosen: list  # those of them whose fixes the first round applied
    text: str  # the program once fixed
    remaining: list  # the findings left in it
    problem: str = ""  # the fixer gave up: the fixed code does not parse, or never settles


def fix(text: str, unsafe: bool, surface: str = "python") -> Fixed:
    """What `ovlint check --fix` (`--unsafe-fixes` with `unsafe`) does with the program: the
    rounds of `ovlint.engine.fixer.fix_text`, keeping the findings of the first."""
    from ovlint.engine.fixer import MAX_ROUNDS, _apply, choose  # the fixer's own steps

    doc = _lint_document(text, surface)
    first, first_chosen = doc.diagnostics, []
    for round_ in range(MAX_ROUNDS):
        chosen = choose(doc.diagnostics, unsafe)
        if not chosen:
            return Fixed(first, first_chosen, doc.text, doc.diagnostics)
        new_text = _apply(doc, chosen)
        if new_text == doc.text:
            return Fixed(first, first_chosen, doc.text, doc.diagnostics)
        if round_ == 0:
            first_chosen = chosen
        doc = _lint_document(new_text, surface)
        if not doc.parsed:
            return Fixed(first, first_chosen, text, first, "the fixed code does not parse")
    return Fixed(first, first_chosen, doc.text, doc.diagnostics,
                 f"the fix still changes the code after {MAX_ROUNDS} rounds")


@dataclass
class Outcome:
    """What ovlint did with one entry's use."""
    ok: bool
    problem: str = ""  # why it is not what the data says
    fixed: Optional[str] = None  # auto: the use once fixed
    message: str = ""  # the finding on the use (manual: the one without a fix)
    code: str = ""


@dataclass
class Program:
    text: str
    surface: str
    entries: list
    spans: dict = field(default_factory=dict)  # key -> (first row, last row) of its use


def _begin(index: int) -> str:
    return f"# [{index}"


def _end(index: int) -> str:
    return f"# {index}]"


def build(entries: list[Entry], wrapped: bool) -> Program:
    """One program using every entry: their imports once, then each use between markers (in a
    function of its own when `wrapped`, so that each is a part of its own with its own fix)."""
    first = entries[0].snippet
    surface = first.surface
    imports = list(dict.fromkeys(line for e in entries for line in e.snippet.imports))
    lines = list(imports)
    if first.layout == "list":
        lines.append(_begin(0))
        lines.append(f"from {first.module} import (")
        lines += [f"    {e.item.name}," for e in entries]
        lines += [")", _end(0)]
        program = Program("\n".join(lines) + "\n", surface, entries)
        start = len(imports) + 2
        for e in entries:
            program.spans[e.item.key] = (start, start + len(entries) + 1)
        return program
    if not wrapped:
        lines += list(first.prelude)
    spans = {}
    for index, entry in enumerate(entries):
        indent = ""
        if wrapped:
            lines += ["", "", f"def case_{index}():"]
            indent = "    "
            lines += [indent + line for line in entry.snippet.prelude]
        lines.append(indent + _begin(index))
        start = len(lines) + 1
        lines += [indent + line for line in entry.snippet.use]
        spans[entry.item.key] = (start, len(lines))
        lines.append(indent + _end(index))
    return Program("\n".join(lines) + "\n", surface, entries, spans)


def _on(diag, span) -> bool:
    return span[0] <= diag.row <= span[1] or span[0] <= diag.end_row <= span[1] or (
        diag.row < span[0] and diag.end_row > span[1])


def _between(text: str, index: int) -> Optional[str]:
    """The lines between the markers of entry `index` in a fixed program, dedented."""
    found = re.search(rf"^[ \t]*{re.escape(_begin(index))}\n(.*?)^[ \t]*{re.escape(_end(index))}$", text, re.S | re.M)
    return textwrap.dedent(found.group(1)).rstrip("\n") if found else None


def _row_span(text: str, span) -> tuple[int, int]:
    """Offsets of rows span[0]..span[1] (1-based, inclusive) of `text`."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[span[0] - 1], starts[span[1]] if span[1] < len(starts) else len(text)


def check(program: Program, status: str) -> dict[str, Outcome]:
    """Whether each entry of the program does what `status` says."""
    try:
        if status in (SAFE, UNSAFE):
            return _check_fixed(program, status)
        return _check_lint(program, status)
    except Exception as error:  # a crash of ovlint is an outcome too
        return {e.item.key: Outcome(False, f"ovlint crashed: {type(error).__name__}: {error}") for e in program.entries}


def _check_fixed(program: Program, status: str) -> dict[str, Outcome]:
    fixed = fix(program.text, status == UNSAFE, program.surface)
    results = {}
    for index, entry in enumerate(program.entries):
        span = program.spans[entry.item.key]
        marker = 0 if entry.snippet.layout == "list" else index
        found = [d for d in fixed.chosen if _on(d, span)]
        problem = fixed.problem
        if not problem and not found:
            offered = [d for d in fixed.first if _on(d, span) and d.fix is not None]
            problem = ("its fix applies only with --unsafe-fixes" if offered and status == SAFE else
                       "no finding with a fix on the use")
        elif not problem and fixed.remaining:
            left = fixed.remaining[0]
            problem = f"findings remain after the fix ({left.code} at line {left.row}: {left.message[:160]})"
        elif not problem and status == UNSAFE and all(d.fix.applicability.value == "safe" for d in found):
            problem = "its fix is safe"
        text = _between(fixed.text, marker)
        if entry.snippet.layout == "list" and text is not None:  # the entry's own line of the statement
            module = re.match(r"from (\S+) import", text)
            text = f"from {module.group(1)} import {entry.item.name}" if module else text
        results[entry.item.key] = Outcome(not problem, problem, text, found[0].message if found else "",
                                          found[0].code if found else "")
    return results


def _check_lint(program: Program, status: str) -> dict[str, Outcome]:
    diagnostics = lint(program.text, program.surface)
    results = {}
    for entry in program.entries:
        span = program.spans[entry.item.key]
        on = [d for d in diagnostics if _on(d, span)]
        if status == MANUAL:
            own = [d for d in on if d.fix is None and HELD not in d.message]
            problem = "" if own else ("every finding on the use has a fix" if any(d.fix for d in on) else
                                      "the use is held back by another use, it has no finding of its own" if on else
                                      "no finding on the use")
            results[entry.item.key] = Outcome(not problem, problem, None, own[0].message if own else "",
                                              own[0].code if own else "")
            continue
        start, end = _row_span(program.text, span)
        edited = [d for d in diagnostics if d.fix is not None
                  and any(e.start < end and start < e.end for e in d.fix.edits)]
        problem = ""
        if on:
            problem = f"{on[0].code} reports it: {on[0].message[:160]}"
        elif edited:
            problem = f"the fix of {edited[0].code} (line {edited[0].row}) edits it"
        results[entry.item.key] = Outcome(not problem, problem)
    return results


# --- what ovlint does with one entry, alone ------------------------------------------------------

def actual(entry: Entry) -> tuple[str, Outcome]:
    """The status ovlint gives the entry's snippet on its own, and what it did."""
    program = build([entry], wrapped=False)
    try:
        diagnostics = lint(program.text, program.surface)
    except Exception as error:
        return "crash", Outcome(False, f"ovlint crashed: {type(error).__name__}: {error}")
    span = program.spans[entry.item.key]
    on = [d for d in diagnostics if _on(d, span)]
    if not on:
        result = _check_lint(program, UNCHANGED)[entry.item.key]
        return (UNCHANGED if result.ok else "edited"), result
    if any(d.fix is None and HELD not in d.message for d in on):
        return MANUAL, _check_lint(program, MANUAL)[entry.item.key]
    if all(d.fix is None for d in on):
        return "held", Outcome(False, "held back: " + on[0].message)
    for status in (SAFE, UNSAFE):
        result = _check_fixed(program, status)[entry.item.key]
        if result.ok:
            return status, result
    return "broken", result


# --- checking everything -------------------------------------------------------------------------

def batches(entries: list[Entry]) -> list[tuple[str, Program]]:
    """The programs checking `entries`: one per status, surface, layout and prelude, each with at
    most BATCH entries (the unsafe ones each in a function of its own)."""
    groups: dict = defaultdict(list)
    for entry in entries:
        snippet = entry.snippet
        if snippet.layout == "alone":
            groups[(entry.status, entry.item.key)].append(entry)
        else:
            groups[(entry.status, snippet.surface, snippet.layout, snippet.module, snippet.prelude)].append(entry)
    programs = []
    for key, members in groups.items():
        status = key[0]
        size = 10 ** 6 if members[0].snippet.layout == "list" else BATCH
        for start in range(0, len(members), size):
            chunk = members[start:start + size]
            wrapped = status == UNSAFE and chunk[0].snippet.layout == "flat" and chunk[0].snippet.surface == "python"
            programs.append((status, build(chunk, wrapped)))
    return programs


@dataclass
class Report:
    outcomes: dict  # key -> Outcome
    actual: dict  # key -> status ovlint gives it alone (only where the batch did not behave as recorded)


@functools.lru_cache(maxsize=None)
def run() -> Report:
    """Check every classified entry."""
    entries = list(classification().values())
    outcomes: dict[str, Outcome] = {}
    actual_status: dict[str, str] = {}
    for status, program in batches(entries):
        results = check(program, status)
        if all(r.ok for r in results.values()):
            outcomes.update(results)
            continue
        for entry in program.entries:  # one by one, to tell which entries differ
            single = check(build([entry], wrapped=status == UNSAFE and entry.snippet.surface == "python"
                                 and entry.snippet.layout == "flat"), status)
            outcomes.update(single)
            if not single[entry.item.key].ok:
                actual_status[entry.item.key] = actual(entry)[0]
    return Report(outcomes, actual_status)


# --- the report ----------------------------------------------------------------------------------

GAP = "gap"
CATEGORIES = ((SAFE, "migrated by a safe fix"), (UNSAFE, "migrated by an unsafe fix"),
              (UNCHANGED, "unchanged: nothing to migrate"), (MANUAL, "manual: reported without a fix"),
              (GAP, "gap: ovlint gets it wrong"))


def category(entry: Entry) -> str:
    return GAP if entry.wrong else entry.status


@functools.lru_cache(maxsize=None)
def counts() -> dict:
    return load("corpus-counts.json")


def uses(item: Item) -> int:
    """How often the corpus uses the entry (corpus-counts.json)."""
    table = {"name": "names", "member": "members", "parameter": "keywords", "option": "mo_cli"}[item.kind]
    key = item.name if item.kind == "option" else item.key
    return counts().get(table, {}).get(key, {}).get("uses", 0)


def _code(text: str) -> str:
    """Code for a Markdown table cell."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;")
    return "<code>" + "<br>".join(escaped.splitlines() or [""]) + "</code>"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def _template(text: Optional[str], name: str) -> str:
    if text is None:
        return ""
    return re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", "<name>", text)


def _how(entry: Entry, outcome: Outcome) -> str:
    """What ovlint does with the use, for the report."""
    if entry.wrong:
        did = {UNCHANGED: "Nothing", MANUAL: f"{outcome.code}: {_cell(outcome.message)}"}.get(
            entry.status, "→ " + _code(outcome.fixed or ""))
        return f"{did} — **wrong:** {_cell(entry.wrong)}"
    if entry.status in (SAFE, UNSAFE):
        fixed = outcome.fixed if outcome.fixed is not None else "?"
        text = "→ " + (_code(fixed) if fixed.strip() else "(the line goes)")
        return text + (f" {_cell(entry.note)}" if entry.note else "")
    if entry.status == MANUAL:
        text = f"{outcome.code}: {_cell(outcome.message)}"
        return text + (f" — **why:** {_cell(entry.note)}" if entry.note else "")
    return _cell(entry.note)


def _rows(entries: list[Entry], outcomes: dict, first: str) -> list[str]:
    """Table rows: explicit entries one by one, family and derived entries grouped by what ovlint
    does with them (their snippets and fixes differ only by the entry's name)."""
    rows, groups = [], {}
    for entry in entries:
        outcome = outcomes[entry.item.key]
        if entry.source == "explicit" or entry.wrong:
            rows.append((entry.item.name, [entry], outcome))
            continue
        name = entry.item.name
        key = (entry.status, _template("\n".join(entry.snippet.use), name), _template(outcome.fixed, name),
               _template(outcome.message, name), _template(entry.note, name), entry.snippet.layout)
        groups.setdefault(key, []).append((entry, outcome))
    for members in groups.values():
        entries_ = [e for e, _ in members]
        rows.append((entries_[0].item.name, entries_, members[0][1]))
    rows.sort(key=lambda row: row[0])
    lines = [f"| {first} | status | use | what ovlint does | uses |", "|---|---|---|---|---:|"]
    for _, group, outcome in rows:
        entry = group[0]
        if len(group) == 1:
            label = f"`{entry.item.name}`"
            use = _code("\n".join(entry.snippet.use))
            how = _how(entry, outcome)
        else:
            names = ", ".join(f"`{e.item.name}`" for e in group)
            label = f"{len(group)} names: {names}"
            use = _code(_template("\n".join(entry.snippet.use), entry.item.name))
            shown = Outcome(outcome.ok, outcome.problem, _template(outcome.fixed, entry.item.name),
                            _template(outcome.message, entry.item.name), outcome.code)
            how = _how(replace(entry, note=_template(entry.note, entry.item.name)), shown)
        status = category(entry) if not entry.wrong else f"**gap** ({entry.status})"
        lines.append(f"| {label} | {status} | {use} | {how} | {sum(uses(e.item) for e in group)} |")
    return lines


def _section(title: str, entries: list[Entry], outcomes: dict, first: str, intro: str = "") -> list[str]:
    if not entries:
        return []
    lines = [f"### {title}", ""]
    if intro:
        lines += [intro, ""]
    return lines + _rows(entries, outcomes, first) + [""]


def _prelude_note(entries: list[Entry], statuses: dict) -> str:
    names = Counter(e.prelude for e in entries if e.prelude)
    if not names:
        return ""
    name = names.most_common(1)[0][0]
    if not _split(data.PRELUDES[name])[1]:  # an import only
        return f"The uses below import the class: {_code(data.PRELUDES[name])}."
    status = statuses.get(name, "")
    how = {SAFE: "ovlint migrates it with a safe fix",
           UNSAFE: "ovlint migrates it only with an unsafe fix, so its members can be no better than unsafe",
           MANUAL: "ovlint reports it without a fix, so its members are held back with it",
           UNCHANGED: "ovlint leaves it as it is"}.get(status, "")
    return (f"The object (uses below run after it): {_code(data.PRELUDES[name])}" + (f"; {how}." if how else "."))


@functools.lru_cache(maxsize=None)
def prelude_statuses() -> dict[str, str]:
    """What ovlint does with each prelude alone (each in a function of its own, so each is a part
    with its own fix)."""
    names = sorted(data.PRELUDES)
    lines, spans = [], {}
    imports = []
    for name in names:
        code_imports, code = _split(data.PRELUDES[name])
        imports += [line for line in code_imports if line not in imports]
        if not code:
            continue
        lines += ["", "", f"def prelude_{name}():"]
        spans[name] = (len(lines) + 1, len(lines) + len(code))
        lines += ["    " + line for line in code]
    text = "\n".join(imports + lines) + "\n"
    spans = {name: (first + len(imports), last + len(imports)) for name, (first, last) in spans.items()}
    fixed = fix(text, True)
    found = {}
    for name in names:
        span = spans.get(name)
        if span is None:  # an import only
            found[name] = UNCHANGED
            continue
        first = [d for d in fixed.first if _on(d, span)]
        chosen = [d for d in fixed.chosen if _on(d, span)]
        if any(d.fix is None for d in first):
            found[name] = MANUAL
        elif any(d.fix.applicability.value == "unsafe" for d in chosen):
            found[name] = UNSAFE
        else:
            found[name] = SAFE if chosen else UNCHANGED
    return found


def document() -> str:
    entries = classification()
    report = run()
    outcomes = report.outcomes
    everything = items()
    known = [entries[i.key] for i in everything if i.key in entries]
    missing = unclassified()
    by_category = Counter(category(e) for e in known)
    weight = Counter()
    for entry in known:
        weight[category(entry)] += uses(entry.item)
    total_uses = sum(weight.values())
    corpus = counts().get("corpus", {})
    lines = [
        "# What ovlint migrates: the legacy Python surface, entry by entry",
        "",
        "<!-- Generated by `python tools/coverage.py > docs/coverage.md` from tools/coverage_data.py; "
        "tests/test_coverage.py fails when it is stale. -->",
        "",
        f"The inventory in `rules/api10/inventory/` (read from the 2023.3 wheels by `tools/api_inventory.py`) lists "
        f"every public name of `openvino.inference_engine` (API 1.0) and `ngraph` and of their submodules, every "
        f"member of their classes, every parameter of the Model Optimizer's `convert_model` and every option of the "
        f"`mo` command line: {len(everything)} entries. Each one is classified below, and `tests/test_coverage.py` "
        f"checks every classification by running ovlint on a small program using the entry (all OV1xx and OV2xx rules, "
        f"and OV501/OV506, to which the Model Optimizer rules leave the discontinued frameworks; the newest release as "
        f"the target; no pinned floor):",
        "",
        "- **safe**: ovlint reports the use and `ovlint check --fix` rewrites it; no finding remains.",
        "- **unsafe**: the rewrite applies only with `--fix --unsafe-fixes` (it may change what the program does, "
        "and its message says how); no finding remains.",
        f"- **unchanged**: the same spelling means the same in API 2.0 (for members of nGraph classes: their API 2.0 "
        f"twin has them in every release from {TARGETS[0]} to {TARGETS[-1]}); ovlint says nothing and does not touch it.",
        "- **manual**: ovlint reports the use without a fix; the table says why no rewrite is possible.",
        "- **gap**: what ovlint does is wrong: a rewrite that breaks the program, or silence on a use that breaks "
        "(listed first, with what goes wrong).",
        "",
        "A member's snippet runs after a prelude giving an object of its class; the prelude is itself migrated by a "
        "safe fix wherever API 1.0 allows (an annotated variable, `net: IENetwork = ...`, becomes its API 2.0 twin), "
        "so that the status is the member's own. A module's nGraph uses migrate together, and a use without a rewrite "
        "holds back the other rewrites of its part of the module (the findings say so); the snippets are checked in "
        "programs where that cannot happen. The names of a family (the functions of `ngraph.opsetN`, the op functions "
        "of `ngraph`, the members an nGraph class shares with its twin) are shown together, `<name>` standing for each.",
        "",
        "## Totals",
        "",
        "| | entries | uses in the corpus | share of the uses |",
        "|---|---:|---:|---:|",
    ]
    for key, label in CATEGORIES:
        lines.append(f"| {label} | {by_category[key]} | {weight[key]} | {_percent(weight[key], total_uses)} |")
    lines.append(f"| unclassified | {len(missing)} | | |")
    lines.append(f"| **total** | {len(everything)} | {total_uses} | |")
    automatic = weight[SAFE] + weight[UNSAFE]
    lines += [
        "",
        f"**{_percent(automatic, total_uses)} of the real uses migrate automatically** ({automatic} of {total_uses}); "
        f"{_percent(weight[UNCHANGED], total_uses)} need no change, {_percent(weight[MANUAL], total_uses)} are reported "
        f"for a hand migration and {_percent(weight[GAP], total_uses)} are gaps. Of the entries, "
        f"{by_category[SAFE] + by_category[UNSAFE]} of {len(everything)} migrate automatically.",
        "",
        "### How the uses were counted",
        "",
        *counting_notes(corpus),
        "",
    ]
    gaps = [e for e in known if e.wrong]
    if gaps:
        lines += ["## Gaps", "", "| entry | snippet | what ovlint does | what goes wrong |", "|---|---|---|---|"]
        for entry in gaps:
            outcome = outcomes[entry.item.key]
            did = {UNCHANGED: "nothing", MANUAL: "reports it without a fix"}.get(
                entry.status, f"rewrites it ({entry.status}) → {_code(outcome.fixed or '')}")
            lines.append(f"| `{entry.item.key}` | {_code(entry.snippet.program().rstrip())} | {did} | "
                         f"{_cell(entry.wrong)} |")
        lines.append("")
    for title, test in (("`openvino.inference_engine` (API 1.0)", lambda g: g.startswith("openvino.inference_engine")),
                        ("`ngraph`", lambda g: g.startswith("ngraph")),
                        ("The Model Optimizer", lambda g: g in (MO_GROUP, CLI_GROUP))):
        chosen = [e for e in known if test(e.item.group)]
        lines += [f"## {title}", ""]
        modules = sorted({e.item.group for e in chosen if e.item.kind == "name"})
        for module in modules:
            group = [e for e in chosen if e.item.group == module and e.item.kind == "name"]
            lines += _section(f"Names of `{module}`", group, outcomes, "name")
        classes = sorted({e.item.group for e in chosen if e.item.kind == "member"})
        for cls in classes:
            group = [e for e in chosen if e.item.group == cls and e.item.kind == "member"]
            lines += _section(f"Members of `{cls}`", group, outcomes, "member",
                              _prelude_note(group, prelude_statuses()))
        group = [e for e in chosen if e.item.kind == "parameter"]
        lines += _section(f"Parameters of `{MO_GROUP}`", group, outcomes, "parameter",
                          "Each call passes the argument to `convert_model` (imported from `openvino.tools.mo`).")
        group = [e for e in chosen if e.item.kind == "option"]
        lines += _section("Options of the `mo` command line", group, outcomes, "option",
                          "Each command is a line of a shell script (aliases such as `-b` are handled alike).")
    return "\n".join(lines).rstrip("\n") + "\n"


def counting_notes(corpus: dict) -> list[str]:
    notes = counts().get("method", [])
    head = (f"The uses come from `rules/api10/inventory/corpus-counts.json`, written by "
            f"`python tools/api_inventory.py counts` from a corpus of {corpus.get('projects', '?')} real projects "
            f"({corpus.get('files', '?')} files; the corpus itself is not part of the repository).")
    left = counts().get("unattributed", {})
    most = sorted(left.items(), key=lambda item: (-item[1]["uses"], item[0]))[:6]
    tail = [f"{sum(v['uses'] for v in left.values())} reads of member names on objects the counter could not tell "
            f"are left out of the shares (the most read: " + ", ".join(f"`{k}` {v['uses']}" for k, v in most) + ").",
            "",
            "Each use counts with the status of its entry, as checked on the entry's snippet; in a real program a use "
            "with a rewrite is still held back while its part of the module has a use without one (the finding says "
            "which)."]
    return [head, "", *[f"- {note}" for note in notes], "", *tail]


# --- the command line ------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list the entries whose status is not what ovlint does")
    parser.add_argument("--actual", nargs="+", metavar="KEY", help="what ovlint does with these entries")
    args = parser.parse_args()
    known = classification()
    if args.actual:
        for key in args.actual:
            entry = known[key]
            status, outcome = actual(entry)
            print(f"{key}: {status} (recorded {entry.status}) {outcome.problem}")
            print(textwrap.indent(entry.snippet.program(), "    | "))
            if outcome.fixed is not None:
                print(textwrap.indent(outcome.fixed + "\n", "    > "))
            if outcome.message:
                print(f"    {outcome.code}: {outcome.message}")
        return
    if args.check:
        for item in unclassified():
            print(f"unclassified: {item.key} ({item.what})")
        for key in stale_data():
            print(f"no such entry: {key}")
        report = run()
        for key, outcome in report.outcomes.items():
            if not outcome.ok:
                print(f"{key}: recorded {known[key].status}, ovlint: {report.actual.get(key)} ({outcome.problem})")
        return
    sys.stdout.write(document())


if __name__ == "__main__":
    main()
