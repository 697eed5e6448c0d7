"""The prefilter's shortcuts change no answer: a gate is a beginning of every needle it stands
before, and screening with gates, and with the first look for the weakest needles only, admits
exactly what screening without them does."""
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
def test_screening_with_shortcuts_admits_what_screening_without_them_does(parts, kind, filename):
    text = "".join(parts)
    screen = SCREENS[kind]
    every = tuple({n for r in screen.rules for n in r.needles + r.context})
    plain = dataclasses.replace(screen, gates={}, entry=every, entry_capitals=())
    assert screen.admit(text, filename) == plain.admit(text, filename)
    assert screen.admit(text.encode(), filename) == plain.admit(text.encode(), filename)


def test_the_first_look_is_for_the_weakest_needles_only():
    python = SCREENS["python"]
    entry = {(n.text, n.folded, n.word_start, n.word_end) for n in python.entry + python.entry_capitals}
    assert ("openvino", True, False, False) in entry  # a rule's context, ignoring case: not the plain one
    assert ("openvino", False, False, False) not in entry and ("inference_engine", False, False, False) in entry
    assert ("mo", False, True, True) in entry and not any(t.startswith("from mo") for t, *_ in entry)
    assert ("CPU_THREADS_NUM", False, False, False) in entry and all(
        n.text.isupper() or n.text.endswith("_") for n in python.entry_capitals)
    assert SCREENS["python"].admit(b"import os\nprint(os.getcwd())\n") == ()
