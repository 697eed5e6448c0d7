"""Each shortcut taken for speed gives the answer of the slow way it stands in for, on any text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from ovlint.rules.api10._plan import _imported_as
from ovlint.surfaces.requirement import _SIMPLE_SPECIFIERS, _pep508, _simple_pep508, specifiers

IMPORTED_AS = re.compile(r"\b(\w+)[ \t]+as[ \t]+(\w+)")


@given(st.lists(st.sampled_from(["as", "a", "s", "x_1", " ", "\t", "\n", ".", ",", "é", "٣", "  as  ", "import "]),
                max_size=16).map("".join))
def test_names_imported_as_are_the_matches_of_the_pattern(text):
    assert _imported_as(text) == [m.groups() for m in IMPORTED_AS.finditer(text)]


def test_names_imported_as_in_a_module():
    text = "import numpy as np\nfrom a import (b as c,\n    d\tas  e)\nwith open(f) as handle:\n    alias = x\nexcept Error as error:"
    assert _imported_as(text) == [("numpy", "np"), ("b", "c"), ("d", "e"), ("Error", "error")] \
        == [m.groups() for m in IMPORTED_AS.finditer(text)]


REQUIREMENT_PIECES = ["openvino", "Open_VINO.dev", "numpy", "[", "]", "onnx", ",", " ", "\t", "==", "!=", ">=", "<=",
                      "<", ">", "~=", "===", "2024", ".", "6", "0", "*", "01", ";", "python_version", "'3.8'", "@",
                      "rc1", "-", "(", ")", "#"]


@given(st.lists(st.sampled_from(REQUIREMENT_PIECES), max_size=12).map("".join))
def test_a_simple_requirement_reads_as_packaging_reads_it(text):
    simple = _simple_pep508(text)
    assert simple is None or simple == _pep508(text)


@pytest.mark.parametrize("text", ["numpy", "openvino==2024.6.0", " openvino-dev[onnx, tensorflow2] >= 2022.3 , < 2024 ",
                                  "torch!=2.0.*", "openvino~=2023.3", "a>=1,>=1"])
def test_the_requirements_most_lines_state_take_the_simple_way(text):
    assert _simple_pep508(text) is not None and _simple_pep508(text) == _pep508(text)


@pytest.mark.parametrize("text", ["openvino>=2024.0; python_version >= '3.8'", "openvino @ https://x/o.whl",
                                  "openvino==2024.0rc1", "openvino~=2024", "openvino===2024.0", "openvino>=2024.*"])
def test_markers_urls_and_other_versions_are_left_to_packaging(text):
    assert _simple_pep508(text) is None


def _packaging_specifiers(text: str) -> set:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        return {(spec.operator, spec.version) for spec in SpecifierSet(text)}
    except InvalidSpecifier:
        return set()


@given(st.lists(st.sampled_from(REQUIREMENT_PIECES[7:]), max_size=10).map("".join))
def test_specifiers_read_as_packaging_reads_them(text):
    assert set(specifiers(text)) == _packaging_specifiers(text)


@pytest.mark.parametrize("text", ["==2024.6.0", ">= 2022.3 , < 2024", "~=2023.3", "!=2024.0.*", "==2023.3.*,>=2023"])
def test_the_specifiers_pins_state_take_the_simple_way(text):
    assert _SIMPLE_SPECIFIERS.fullmatch(text) and set(specifiers(text)) == _packaging_specifiers(text)
