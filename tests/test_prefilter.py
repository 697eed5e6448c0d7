"""The prefilter's shared beginnings (gates) change no answer: a gate is a beginning of every
needle it stands before, and screening with gates admits exactly what screening without them does."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings, strategies as st

from ovlint.base.versions import NEWEST
from ovlint.engine import prefilter
from ovlint.engine.catalog import catalog
from ovlint.surfaces import all_kinds

CODES = frozenset(e.code for e in catalog().entries)
SCREENS = {kind.name: prefilter.screen(kind.name, prefilter.rules_for(kind.name, CODES, NEWEST))
           for kind in all_kinds()}
NEEDLES = sorted({n.text for s in SCREENS.values() for r in s.rules for n in r.needles + r.context})


def test_a_gate_begins_every_needle_it_stands_before_and_gates_end():
    assert any(s.gates for s in SCREENS.values())
    for screen in SCREENS.values():
        for needle, gate in screen.gates.items():
            seen = {needle}
            while gate is not None:
                assert gate not in seen
                text = needle.text.lower() if gate.folded else needle.text
                assert text.startswith(gate.text) and not (gate.word_start or gate.word_end)
                assert gate.folded or not needle.folded
                seen.add(gate)
                needle, gate = gate, screen.gates.get(gate)


pieces = st.one_of(st.sampled_from(NEEDLES), st.sampled_from(NEEDLES).map(str.upper),
                   st.sampled_from(NEEDLES).map(lambda n: n[:len(n) // 2 + 1]),
                   st.sampled_from(["subprocess", "setup.py", " ", "\n", ".", "_", "x", "# "]))


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=12), st.sampled_from(sorted(SCREENS)), st.sampled_from(["", "setup.py"]))
def test_screening_with_gates_admits_what_screening_without_them_does(parts, kind, filename):
    text = "".join(parts)
    screen = SCREENS[kind]
    ungated = dataclasses.replace(screen, gates={})
    assert screen.admit(text, filename) == ungated.admit(text, filename)
    assert screen.admit(text.encode(), filename) == ungated.admit(text.encode(), filename)
