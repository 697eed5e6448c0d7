"""The rule reference and the example report are generated; a stale copy fails here."""
import subprocess
import sys
from pathlib import Path

from ovlint.app import ruledocs


def test_rule_docs_are_up_to_date():
    path = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == ruledocs.document(), (
        "docs/rules.md is stale: run `python -m ovlint.app.ruledocs > docs/rules.md`")


def test_example_report_in_the_docs_is_current():
    root = Path(__file__).resolve().parent.parent
    markdown = subprocess.run([sys.executable, "-m", "ovlint", "report", "examples/legacy-app"], cwd=root,
                              check=True, capture_output=True, text=True).stdout
    assert (root / "docs" / "migration-report.md").read_text(encoding="utf-8") == markdown, (
        "docs/migration-report.md is stale: run docs/make-report.sh")
