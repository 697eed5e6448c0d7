"""The prefilter's shortcuts change no answer: a gate is a beginning of every needle it stands
before, and screening with gates, and with the first look for the weakest needles only, admits
exactly what screening without them does."""
from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings, strategies as st

from ovlint.base.versions import NEWEST
from ovlint.engine import linter, prefilter
from ovlint.engine.catalog import catalog
from ovlint.surfaces import all_kinds, named

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


# Python modules whose only needles are in strings: where the extractor reads a command or a
# requirement in them (each reported), and where it cannot (none, and LibCST is spared)
CARRIED = [
    'import subprocess\nsubprocess.run(["mo", "--input_model", "m.onnx"])\n',
    'import os\nCMD = "mo --input_model m.onnx"\nos.system(CMD)\n',
    'import os\nos.system("mo --input_model {} --data_type FP16".format("m.onnx"))\n',
    'import os\nos.system("mo --input_model %s" % "m.onnx")\n',
    'import subprocess\nm = "x"\nsubprocess.run(f"mo --input_model {m}", shell=True)\n',
    'from subprocess import run as sh\nsh("mo --input_model m.onnx".split())\n',
    '"""Convert.\n\nUsage:\n    mo --input_model m.onnx\n"""\n',
    'def main():\n    print("Convert it first: `mo --input_model m.onnx`")\n',
    'def main():\n    raise SystemExit("run `mo --input_model m.onnx` first")\n',
    'from setuptools import setup\nsetup(name="x", extras_require={"dev": ["openvino-dev==2022.3"]})\n',
    'from setuptools import setup\nREQS = ["openvino-dev==2022.3"]\nsetup(name="x", install_requires=REQS)\n',
    'from setuptools import setup\nsetup(name="x", install_requires=["openvino>=2025.0"], python_requires=">=3.8")\n',
    # a name in a command list is a word of its own text; so is anything in an item after `[...] +`
    'import subprocess\n\n\ndef bench(model, benchmark_app):\n    subprocess.run([benchmark_app, "-m", model, "-pin", "NUMA"])\n',
    'import subprocess\n\nsubprocess.run(["python3"] + [p for p in ("/opt/intel/openvino_2021/deployment_tools/x.py",)])\n',
    'import subprocess\n\nsubprocess.run(["python3", (lambda p="/opt/intel/openvino_2021/deployment_tools/x.py": p)()])\n',
    # the code of `python -c` is read as Python, import-only rules too
    'import subprocess\nimport sys\n\nsubprocess.run([sys.executable, "-c", "import omz_tools; print(1)"])\n',
    # an item of a command list that is not a plain string is a word of its own text (OV508 reads it)
    'import os\nimport subprocess\n\nsubprocess.run(["ls", os.environ.get("D") or "/opt/intel/openvino_2021/deployment_tools/x"])\n',
    'import subprocess\n\nsubprocess.run(["bash", "-c", "source /opt/intel/openvino_2021/bin/setupvars.sh" if A else "b"])\n',
    'import subprocess\nfrom pathlib import Path\n\n'
    'subprocess.run(["python3", Path("/opt") / "openvino_2021/deployment_tools/model_optimizer/mo.py"])\n',
    'import subprocess\n\nsubprocess.run(["python3"] + (["/opt/intel/openvino_2021/deployment_tools/x.py"] if X else []))\n',
]
NOT_CARRIED = [  # each with a carrier, `subprocess`, for the prefilter to let the command rules in
    'import subprocess\n\n\ndef load(domain):\n    """Reads the .mo files; use mo --input_model."""\n    return domain\n',
    'import subprocess\nTYPES = {".pot": "application/vnd.ms-powerpoint", "mo": "mo --input_model x"}\n',
    'import subprocess\n\n\ndef check(word):\n    return word == "mo --input_model m.onnx"\n',
    '"""Linking affinity, as the mo tool would say."""\nimport subprocess\n',
    'import subprocess\n\n\nclass Catalog:\n    """mo --input_model m.onnx"""\n',
    'import subprocess\n\nsubprocess.run("mo --input_model m.onnx" if A else "ls")\nX = "mo --input_model a" if A else ""\n',
    'import subprocess\n\n\ndef bench(benchmark_app, pin="NUMA"):\n    return benchmark_app(pin)\n',
]


@pytest.mark.parametrize("source", CARRIED + NOT_CARRIED)
def test_python_narrowed_by_cpython_reports_what_linting_all_of_it_does(source, monkeypatch):
    """Narrowing by CPython's parse is a necessary condition: a module it leaves no rule for has
    no finding when every admitted rule runs on it."""
    filename = "setup.py" if "setup(" in source else "convert.py"
    rules = prefilter.rules_for("python", CODES, NEWEST)
    admitted = SCREENS["python"].admit(source, filename)
    assert admitted
    narrowed = linter._narrowed(named("python"), admitted, source)
    monkeypatch.setattr(linter, "_narrowed", lambda *args: None)
    everything = linter.lint_text(filename, named("python"), source, rules, NEWEST, admitted=admitted).diagnostics
    assert bool(narrowed) == bool(everything) == (source in CARRIED), (narrowed, everything)


def test_a_notebooks_images_are_not_screened():
    """Base64 holds `GNA` and `MYRIAD` by chance: a notebook is admitted by its cells, not by its
    images (an exercise notebook with an unfinished cell was reported as a syntax error)."""
    def notebook(source: str) -> str:
        output = {"output_type": "display_data", "metadata": {},
                  "data": {"image/png": "iVBORw0KGgoAAAGNAxMYRIADx+/=\n", "text/plain": ["<Figure>"]}}
        return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "execution_count": 1,
                                      "source": [source], "outputs": [output]}],
                           "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)

    assert SCREENS["notebook"].admit(notebook("def f(image):\n    ### your code\n")) == ()
    assert SCREENS["notebook"].admit(notebook("def f(image):\n").encode()) == ()
    assert [r.code for r in SCREENS["notebook"].admit(notebook("core.compile_model(m, 'GNA')\n"))] == ["OV504"]
