"""The rule reference is generated from the rules; a stale copy fails here."""
from pathlib import Path

from ovlint import ruledocs


def test_rule_docs_are_up_to_date():
    path = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == ruledocs.document(), (
        "docs/rules.md is stale: run `python -m ovlint.ruledocs > docs/rules.md`")
