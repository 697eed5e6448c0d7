"""The rule catalog: what the engine selects and screens by, stored so that a run whose files hold
no needle imports no rule."""
import json
import os
import subprocess
import sys

from ovlint.base import files
from ovlint.engine import catalog, registry

IMPORTED_RULES = r'''
import sys
from ovlint.app.cli import main
try:
    main([*sys.argv[1:]])
except SystemExit as exc:
    code = exc.code
print(sorted(m for m in sys.modules if m.startswith("ovlint.rules.")))
print(code)
'''


def _run(tmp_path, *args):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", IMPORTED_RULES, *args], capture_output=True, text=True,
                            env=env, cwd=tmp_path)
    modules, code = result.stdout.strip().splitlines()[-2:]
    return eval(modules), int(code)


def test_the_catalog_describes_every_rule_and_loads_it():
    built = catalog.build()
    rules = registry.all_rules()
    assert [e.code for e in built.entries] == [r.code for r in rules]
    for entry, rule in zip(built.entries, rules):
        assert entry == catalog.Entry.of(rule)
        assert entry.load() is rule
        assert (entry.needles, entry.surface, entry.fix_group) == (tuple(rule.needles), rule.surface, rule.fix_group)
    assert built.families == registry.rule_families()
    assert {"OV0", "OV1", "OV2"} <= set(built.families)


def test_a_run_on_files_without_needles_imports_no_rule(tmp_path):
    (tmp_path / "plain.py").write_text("import os\nprint(os.sep)\n")
    (tmp_path / "legacy.py").write_text("from openvino.inference_engine import IECore\ncore = IECore()\n")
    first, code = _run(tmp_path, "check", "--no-cache", "plain.py")
    assert code == 0 and first  # the first run works the catalog out from the rules, and stores it
    stored = list((tmp_path / "cache" / "ovlint").glob("catalog-*.json"))
    assert len(stored) == 1
    again, code = _run(tmp_path, "check", "--no-cache", "--select", "OV1", "plain.py")
    assert (again, code) == ([], 0)
    # a file with needles still gets its rules (in a worker: this process imports none)
    _, code = _run(tmp_path, "check", "--no-cache", "legacy.py")
    assert code == 1


def test_a_damaged_or_stale_copy_is_worked_out_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    catalog.catalog.cache_clear()
    try:
        expected = catalog.build()
        path = tmp_path / "ovlint" / f"catalog-{catalog.fingerprint()}.json"
        path.parent.mkdir()
        path.write_text('{"format": 1, "entries": [{"code": "OV999"}]')
        assert catalog.catalog() == expected
        assert json.loads(path.read_text())["entries"][0]["code"] == expected.entries[0].code
        catalog.catalog.cache_clear()
        assert catalog.catalog() == expected  # read back from the copy
        monkeypatch.setattr(catalog, "fingerprint", lambda: "another-version")
        catalog.catalog.cache_clear()
        assert catalog.catalog() == expected
        assert (tmp_path / "ovlint" / "catalog-another-version.json").is_file()
    finally:
        catalog.catalog.cache_clear()


def test_a_copy_naming_other_modules_is_not_used_and_old_copies_go(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "ovlint"
    folder.mkdir()
    for i in range(catalog.KEPT + 3):
        old = folder / f"catalog-old{i}.json"
        old.write_text("{}")
        os.utime(old, (1000 + i, 1000 + i))
    expected = catalog.build()
    stored = json.loads(json.dumps({"format": catalog.FORMAT, "families": expected.families,
                                    "entries": [dict(vars(e)) for e in expected.entries]}))
    stored["entries"][0]["module"] = "os"
    (folder / f"catalog-{catalog.fingerprint()}.json").write_text(json.dumps(stored))
    catalog.catalog.cache_clear()
    try:
        assert catalog.catalog() == expected
    finally:
        catalog.catalog.cache_clear()
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == catalog.KEPT and f"catalog-{catalog.fingerprint()}.json" in names
    assert "catalog-old0.json" not in names and f"catalog-old{catalog.KEPT + 2}.json" in names


def test_the_fingerprint_follows_the_rule_files(tmp_path, monkeypatch):
    import ovlint.rules

    before = catalog.fingerprint()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "one.py").write_text("x = 1\n")
    monkeypatch.setattr(ovlint.rules, "__path__", [*ovlint.rules.__path__, str(rules)])
    with_file = catalog.fingerprint()
    (rules / "one.py").write_text("x = 10\n")
    longer = catalog.fingerprint()
    info = (rules / "one.py").stat()
    (rules / "one.py").write_text("x = 11\n")  # the same size and time (a reproducible build's)
    os.utime(rules / "one.py", ns=(info.st_atime_ns, info.st_mtime_ns))
    linked = tmp_path / "elsewhere"
    linked.mkdir()
    (linked / "two.py").write_text("y = 1\n")
    same_size = catalog.fingerprint()
    (rules / "family").symlink_to(linked)  # a linked folder's rules are imported, so they count
    assert len({before, with_file, longer, same_size, catalog.fingerprint()}) == 5


def test_no_catalog_goes_into_the_linted_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG rules: a relative value is ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert files.user_cache_folder() == str(tmp_path / "home" / ".cache" / "ovlint")
    monkeypatch.delenv("HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # a user without a home folder
    assert files.user_cache_folder() is None
    catalog.catalog.cache_clear()
    try:
        assert catalog.catalog() == catalog.build()
    finally:
        catalog.catalog.cache_clear()
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_folder_still_gives_the_catalog(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: no folder can be made under it
    catalog.catalog.cache_clear()
    try:
        assert catalog.catalog() == catalog.build()
    finally:
        catalog.catalog.cache_clear()
