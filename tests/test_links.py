"""Rule links: every place that prints one uses the Documentation URL declared once, in
pyproject.toml's [project.urls], unless the configuration's `docs-url` names another page."""
import json
import re
from pathlib import Path

from conftest import write
from ovlint import lint_source
from ovlint.engine import registry
from test_release import project_urls

ROOT = Path(__file__).resolve().parent.parent
LEGACY = "from openvino.inference_engine import IECore\n\nie = IECore()\n"


def printed_links(ovlint_cli) -> dict:
    """Where ovlint prints a rule link -> the links it printed for OV101 and OV102."""
    found = {}
    _, out, _ = ovlint_cli("check", "--no-cache", "--output-format", "json")
    found["json"] = [item["url"] for item in json.loads(out)]
    _, out, _ = ovlint_cli("check", "--no-cache", "--output-format", "json-lines")
    found["json-lines"] = [json.loads(line)["url"] for line in out.splitlines()]
    _, out, _ = ovlint_cli("check", "--no-cache", "--output-format", "sarif")
    found["sarif helpUri"] = [rule["helpUri"] for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]]
    found["rule --output-format json"] = [json.loads(ovlint_cli("rule", code, "--output-format", "json")[1])["url"]
                                          for code in ("OV101", "OV102")]
    listing = json.loads(ovlint_cli("rules", "--output-format", "json")[1])
    found["rules --output-format json"] = [r["url"] for r in listing if r["code"] in ("OV101", "OV102")]
    return found


def expected(page: str) -> list:
    return [f"{page}#{registry.by_code()[code].anchor()}" for code in ("OV101", "OV102")]


def test_every_rule_link_is_the_declared_documentation_page(ovlint, tmp_path):
    page = project_urls()["Documentation"]
    assert re.match(r"https://", page)
    write(tmp_path / "app.py", LEGACY)
    assert printed_links(ovlint) == {where: expected(page) for where in printed_links(ovlint)}
    assert [d.url for d in lint_source(LEGACY, "app.py")] == expected(page)  # the Python API's findings


def test_the_configuration_overrides_the_page(ovlint, tmp_path):
    write(tmp_path / "app.py", LEGACY)
    write(tmp_path / "pyproject.toml", '[tool.ovlint]\ndocs-url = "https://docs.example.org/ovlint/rules.html"\n')
    links = printed_links(ovlint)
    assert links == {where: expected("https://docs.example.org/ovlint/rules.html") for where in links}
    write(tmp_path / "pyproject.toml", '[tool.ovlint]\ndocs-url = "docs/rules.md"\n')
    code, _, err = ovlint("check", "--no-cache")
    assert code == 2 and "'docs-url' must be an absolute URL" in err and "pyproject.toml" in err


def test_only_app_links_turns_an_anchor_into_a_link():
    """Rule anchors elsewhere are links inside a document (docs/rules.md, the migration report) or
    kept for links (the rule catalog); a link to the documentation is made in one place, app/links.py."""
    sources = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
               for path in (ROOT / "ovlint").rglob("*.py")}
    makers = sorted(path for path, text in sources.items() if ".anchor()" in text)
    assert makers == ["ovlint/app/report.py", "ovlint/app/ruledocs.py", "ovlint/engine/catalog.py"]
    assert sorted(path for path, text in sources.items() if "rule_url(" in text) == [
        "ovlint/app/links.py", "ovlint/app/ruledocs.py"]
