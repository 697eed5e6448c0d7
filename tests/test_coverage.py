"""Every entry of the legacy Python surface (the inventory of rules/api10/inventory/) is classified
in tools/coverage_data.py, and each classification is what ovlint does today: tools/coverage.py
runs ovlint (all OV1xx and OV2xx rules, and the rules the Model Optimizer's leave the discontinued
frameworks to) on a small program using each entry. When a rule changes what it does with an
entry, this fails and names the entry: update its line in tools/coverage_data.py, then
`python tools/coverage.py > docs/coverage.md`."""
import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    """tools/coverage.py under a name of its own (`coverage` is also a package on PyPI)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


coverage = _load("ovlint_tools_coverage", ROOT / "tools" / "coverage.py")
coverage_data = coverage.data


def test_every_entry_of_the_inventory_is_classified():
    missing = coverage.unclassified()
    assert not missing, "unclassified entries (add them to tools/coverage_data.py):\n" + "\n".join(
        f"  {item.key} ({item.what})" for item in missing)
    assert coverage.stale_data() == [], "tools/coverage_data.py names entries the inventory lacks"


def test_every_manual_or_wrong_entry_says_why():
    for entry in coverage.classification().values():
        if entry.status == coverage.MANUAL and not entry.wrong:
            assert entry.note, f"{entry.item.key}: a manual entry says why no rewrite is possible"
        if entry.status == coverage.UNCHANGED and not entry.wrong:
            assert entry.note, f"{entry.item.key}: an unchanged entry says why it means the same"


def test_each_classification_is_what_ovlint_does():
    report = coverage.run()
    known = coverage.classification()
    wrong = {key: outcome for key, outcome in report.outcomes.items() if not outcome.ok}
    assert set(report.outcomes) == set(known)
    assert not wrong, "entries whose recorded status is not what ovlint does (tools/coverage_data.py):\n" + "\n".join(
        f"  {key}: recorded {known[key].status}, ovlint: {report.actual.get(key)} ({outcome.problem})"
        for key, outcome in sorted(wrong.items()))


def test_auto_entries_show_the_fixed_use_and_manual_ones_the_message():
    report = coverage.run()
    for key, entry in coverage.classification().items():
        outcome = report.outcomes[key]
        if entry.status in (coverage.SAFE, coverage.UNSAFE):
            assert outcome.fixed is not None, key
        elif entry.status == coverage.MANUAL:
            assert outcome.code.startswith("OV") and outcome.message, key


def test_unchanged_members_exist_on_their_api20_twin_in_every_target():
    """An unchanged member is shown to mean the same: its class's API 2.0 twin has it in every
    target release (VariableState is not exported by `openvino`, so it is not in the inventory: its
    members were checked on the releases themselves)."""
    twins = {**coverage_data.TWINS, **coverage_data.IE_TWINS}
    for entry in coverage.classification().values():
        item = entry.item
        if entry.status != coverage.UNCHANGED or entry.wrong or item.kind != "member":
            continue
        if item.group == "openvino.inference_engine.VariableState":
            continue
        assert item.group in twins, f"{item.key}: no API 2.0 twin to show it is unchanged"
        assert coverage.twin_has(twins[item.group], item.name) == [], item.key


def test_every_name_a_rewrite_writes_exists_in_the_releases_it_targets():
    """`ov.opset8.relu`, `from openvino.opset1 import abs`, `ov.Type.f32`: the fixed code names only
    what `openvino` has in the newest release and in 2025.1 (the names `ngraph` becomes need
    2025.0, where `openvino.opsetN` came to the top level)."""
    report = coverage.run()
    missing = []
    for key, entry in coverage.classification().items():
        outcome = report.outcomes[key]
        if entry.wrong or not outcome.fixed:
            continue
        for name in coverage.written_names(outcome.fixed):
            missing += [f"{key}: openvino.{name} ({target})" for target in ("2025.1", "2026.4.1")
                        if not coverage.resolves(name, target)]
    assert not missing, "\n".join(missing)


def test_the_corpus_counts_are_per_entry():
    keys = {item.key for item in coverage.items()}
    options = {item.name for item in coverage.items() if item.kind == "option"}
    counts = coverage.counts()
    assert set(counts["members"]) <= keys
    assert {k for k in counts["names"] if not k.startswith("openvino.tools.mo")} <= keys
    assert {k for k in counts["keywords"] if k.startswith(coverage.MO_GROUP)} <= keys
    assert set(counts["mo_cli"]) <= options


def test_the_fix_rounds_are_the_fixers():
    """tools/coverage.py applies fixes round by round as `ovlint check --fix` does (to keep the
    findings of the first round)."""
    from ovlint.base import versions
    from ovlint.base.text import SourceText
    from ovlint.engine import fixer
    from ovlint.surfaces import named

    source = textwrap.dedent("""\
        import ngraph as ng
        from openvino.inference_engine import IECore

        ie = IECore()
        net = ie.read_network("m.xml")
        exec_net = ie.load_network(net, "CPU")
        request = exec_net.requests[0]
        function = ng.function_from_cnn(net)
        """)
    for unsafe in (False, True):
        expected = fixer.fix_text("app.py", named("python"), source, list(coverage._rules()), versions.NEWEST, unsafe,
                                  SourceText(source).encode)
        assert coverage.fix(source, unsafe).text == expected.text


@pytest.mark.parametrize("entry", ["openvino.inference_engine.IECore.read_network", "ngraph.opset8.relu",
                                   "mo --input_model"])
def test_one_entry_alone_behaves_as_in_its_batch(entry):
    known = coverage.classification()[entry]
    assert coverage.actual(known)[0] == known.status


def test_the_report_in_the_docs_is_current():
    path = ROOT / "docs" / "coverage.md"
    assert path.read_text(encoding="utf-8") == coverage.document(), (
        "docs/coverage.md is stale: run `python tools/coverage.py > docs/coverage.md`")
