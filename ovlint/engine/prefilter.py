"""The cheap test that spares parsing: a rule reports only in a file that contains one of its
`needles` (and one of its `context_needles`, when it has them), so a file that holds no rule's
needles is never read further, and a file is linted only by the rules whose needles it holds.

Needles are plain substrings (a leading `(?i)` makes one case-insensitive; `\\b` at either end
asks for a word boundary there), because substring search runs at memory speed where a regular
expression of many alternatives does not; needles that begin alike are looked for only where their
shared beginning is. Python files carry shell commands only in `subprocess`/`os.system` calls and
requirements only in `setup.py` or such commands, so command and requirement rules count there
only when the file has one of those carriers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, reduce
from typing import Callable, Optional, Union

from ovlint.base.versions import at_least
from ovlint.engine.catalog import catalog
from ovlint.surfaces import named

Text = Union[bytes, str]
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


@lru_cache(maxsize=256)
def rules_for(kind: str, codes: frozenset[str], target: str) -> tuple:
    """The enabled rules (their catalog entries) that can fire on a kind of file (by name) when
    migrating to `target`: a rule whose API is not yet deprecated in the target release stays silent."""
    facts = named(kind).facts
    return tuple(r for r in catalog().entries
                 if r.code in codes and r.surface in facts and at_least(target, r.applies_from or r.deprecated_in))


@dataclass(frozen=True, eq=False)
class Needle:
    """One needle; `_needle()` makes each once, so needles compare and hash by identity (a
    dataclass's own hash, in Python, cost more than the search on small files)."""

    text: str  # lowercase when `folded`
    folded: bool  # searched in the lowercased file
    word_start: bool  # no letter, digit or underscore just before it
    word_end: bool  # ... or just after it

    @staticmethod
    def parse(spec: str) -> "Needle":
        folded = spec.startswith("(?i)")
        text = spec[4:] if folded else spec
        start, end = text.startswith("\\b"), text.endswith("\\b")
        text = text[2 if start else 0:len(text) - 2 if end else len(text)]
        return _needle(text.lower() if folded else text, folded, start, end)

    def found_in(self, text: Text, lowered: Text) -> bool:
        """Whether the needle is in `text` (bytes or str; `lowered` is it lowercased)."""
        haystack = lowered if self.folded else text
        needle = self.text if isinstance(haystack, str) else self.text.encode()
        if not (self.word_start or self.word_end):
            return needle in haystack
        word = _WORD if isinstance(haystack, str) else _WORD_BYTES
        at = haystack.find(needle)
        while at >= 0:
            end = at + len(needle)
            if not (self.word_start and at > 0 and haystack[at - 1] in word) and \
                    not (self.word_end and end < len(haystack) and haystack[end] in word):
                return True
            at = haystack.find(needle, at + 1)
        return False


_WORD_BYTES = frozenset(c.encode()[0] for c in _WORD)


@lru_cache(maxsize=None)
def _needle(text: str, folded: bool, word_start: bool, word_end: bool) -> Needle:
    return Needle(text, folded, word_start, word_end)


@dataclass(frozen=True)
class RuleNeedles:
    rule: type
    needles: tuple[Needle, ...]  # one of them
    context: tuple[Needle, ...]  # and one of them, when there are any
    carried: bool  # facts only next to a carrier of the kind

    def admits(self, holds: Callable[[Needle], bool], carrier: Callable[[], bool]) -> bool:
        # the context first: many rules share it (`openvino`), and code of other projects lacks it
        return ((not self.context or any(map(holds, self.context))) and (not self.carried or carrier())
                and any(map(holds, self.needles)))


@dataclass(frozen=True)
class Screen:
    """What a kind of file must contain for each of a set of rules to report in it."""

    rules: tuple[RuleNeedles, ...]
    # a file that holds no rule's context needles (or, for a rule without them, its needles) is
    # admitted to no rule; these are those needles, less any that holds only where another does
    entry: tuple[Needle, ...]
    entry_capitals: tuple[Needle, ...]  # ... those made of capitals, digits and underscores
    carriers: tuple[str, ...]
    carrier_files: tuple[str, ...]
    gates: dict  # needle -> the beginning it shares with other needles, looked for first
    screened: Optional[Callable] = None  # the kind's `FileKind.screened`

    def admit(self, text: Text, filename: str = "") -> tuple:
        """The rules that can report in a file of this text (bytes or str) and base name."""
        if self.screened is not None:
            text = self.screened(text)
        holds = _holds(text, self.gates)
        if not any(map(holds, self.entry)) and not self._capitals_hold(text, holds):
            return ()
        known: list[bool] = []

        def carrier() -> bool:
            if not known:
                known.append(filename in self.carrier_files or any(
                    (c if isinstance(text, str) else c.encode()) in text for c in self.carriers))
            return known[0]

        return tuple(r.rule for r in self.rules if r.admits(holds, carrier))

    def _capitals_hold(self, text: Text, holds: Callable[[Needle], bool]) -> bool:
        """Whether one of `entry_capitals` holds; in bytes, each is looked for in the file's
        capitals, digits and underscores first (a tenth of the text, one pass to find them)."""
        if not isinstance(text, bytes):
            return any(map(holds, self.entry_capitals))
        capitals = text.translate(None, _NOT_CAPITAL)
        return any(n.text.encode() in capitals and holds(n) for n in self.entry_capitals)

    def narrowed(self, text: str, strings: str, imports: str) -> tuple:
        """The rules whose needles hold where they can report in the Python code `text`: in
        `strings`, its string literals, for the facts it carries (commands and requirements, and the
        code of `python -c "..."`), and in `imports`, its import statements, for rules that report
        only on those (their context needles are still looked for in all of it)."""
        in_text, in_strings, in_imports = (_holds(t, self.gates) for t in (text, strings, imports))
        # an import-only rule reads the code of `python -c "import ..."` in a string too
        return tuple(r.rule for r in self.rules if (not r.context or any(map(in_text, r.context)))
                     and (any(map(in_strings, r.needles)) or (r.rule.imports_only and any(map(in_imports, r.needles)))))


def _holds(text: Text, gates: dict) -> Callable[[Needle], bool]:
    """Whether a needle is in `text`; each needle (and gate) is looked for once, whichever rules
    share it, and a needle only when its gate is there. The text is lowercased once, if a needle
    that ignores case is looked for."""
    lowered: list[Text] = []
    found: dict[Needle, bool] = {}

    def holds(needle: Needle) -> bool:
        if needle not in found:
            gate = gates.get(needle)
            if gate is not None and not holds(gate):
                found[needle] = False
            else:
                if needle.folded and not lowered:
                    lowered.append(text.lower())
                found[needle] = needle.found_in(text, lowered[0] if lowered else text)
        return found[needle]

    return holds


@lru_cache(maxsize=256)
def screen(kind: str, rules: tuple) -> Screen:
    file_kind = named(kind)
    per_rule = tuple(RuleNeedles(r, tuple(map(Needle.parse, r.needles)), tuple(map(Needle.parse, r.context_needles)),
                                 r.surface in file_kind.carried) for r in rules)
    every = {n for r in per_rule for n in r.needles}
    entry = _weakest({n for r in per_rule for n in r.context or r.needles})
    capitals = tuple(n for n in entry if not n.folded and _CAPITAL.issuperset(n.text))
    gates = _gates(every)
    return Screen(per_rule, tuple(n for n in entry if n not in capitals), capitals,
                  tuple(c.decode() for c in file_kind.carriers), file_kind.carrier_files, gates, file_kind.screened)


_CAPITAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_NOT_CAPITAL = bytes(c for c in range(256) if chr(c) not in _CAPITAL)


def _weakest(needles: set) -> tuple:
    """The needles less those that a file holds only where it holds another of them."""
    ordered = sorted(needles, key=lambda n: (len(n.text), n.text, not n.folded, n.word_start, n.word_end))
    return tuple(n for i, n in enumerate(ordered) if not any(_implied(n, weaker) for weaker in ordered[:i]))


GATE = 3  # the shortest beginning worth looking for on its own


def _gates(needles) -> dict:
    """Needles that begin alike (`CPU_THREADS_NUM`, `CPU_THROUGHPUT_STREAMS`, `CPU_BIND_THREAD`),
    each mapped to that beginning (`CPU_`), and a longer shared beginning to the shorter one it
    starts with (`openvino.tools` to `openvino.`, that to `openvino`): a file without a beginning
    holds none of the needles after it, and one search tells. A beginning ignores case when the
    needles' cases differ there or one of them ignores case."""
    gates: dict = {}

    def split(group: list, outer) -> None:
        """`group`: needles sorted by their lowercased text, under the gate `outer` (or None)."""
        texts = [n.text.lower() for n in group]
        start = _common_start(texts[0], texts[-1])  # sorted: the first and last differ first
        if len(group) > 1 and len(start) >= GATE:
            exact = reduce(_common_start, (n.text for n in group))
            folded = any(n.folded for n in group) or len(exact) < len(start)
            gate = _needle(start if folded else exact, folded, False, False)
            if outer is not None and gate is not outer:
                gates[gate] = outer
            outer = gate
        known = len(start)
        by_next: dict[str, list] = {}
        for needle, text in zip(group, texts):
            by_next.setdefault(text[known:known + 1], []).append(needle)
        for part in by_next.values():
            if len(part) > 1 and len(part) < len(group):
                split(part, outer)
            elif outer is not None:
                gates.update((n, outer) for n in part if n is not outer)

    split(sorted(needles, key=lambda n: n.text.lower()), None)
    return gates


def _common_start(first: str, second: str) -> str:
    size = 0
    while size < min(len(first), len(second)) and first[size] == second[size]:
        size += 1
    return first[:size]


def _implied(needle: Needle, weaker: Needle) -> bool:
    """Whether a file holding `needle` always holds `weaker`."""
    if needle.folded and not weaker.folded:
        return False
    text = needle.text.lower() if weaker.folded else needle.text
    at = text.find(weaker.text)
    while at >= 0:
        end = at + len(weaker.text)
        if (not weaker.word_start or (text[at - 1] not in _WORD if at else needle.word_start)) and \
                (not weaker.word_end or (text[end] not in _WORD if end < len(text) else needle.word_end)):
            return True
        at = text.find(weaker.text, at + 1)
    return False


def admitted(kind: str, codes: frozenset[str], target: str, text: Text, filename: str = "") -> tuple:
    """The enabled rules that can report in a file of this kind, text and base name."""
    return _enabled_screen(kind, codes, target).admit(text, filename)


@lru_cache(maxsize=256)
def _enabled_screen(kind: str, codes: frozenset[str], target: str) -> Screen:
    # `screen`'s key is a tuple of catalog entries, whose hashes are Python methods: asked for
    # each file, they cost a tenth of screening a tree without OpenVINO
    return screen(kind, rules_for(kind, codes, target))
