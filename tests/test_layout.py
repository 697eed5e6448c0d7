"""The code's shape: layers that import only downwards, and a wheel that ships the rules inside
the `ovlint` package."""
import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# each layer and the layers it may import; the root package `ovlint` (its version, and the public
# functions it imports on first use) may be imported by all
LAYERS = {
    "base": set(),
    "surfaces": {"base"},
    "rulekit": {"base", "surfaces"},
    "rules": {"base", "surfaces", "rulekit"},
    "engine": {"base", "surfaces", "rulekit", "rules"},
    "app": {"base", "surfaces", "rulekit", "rules", "engine"},
}


def _modules():
    for folder, package in (("ovlint", "ovlint"), ("rules", "ovlint.rules")):
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            name = ".".join((package,) + tuple(p for p in parts if p != "__init__"))
            yield name, path


def _layer(module: str):
    parts = module.split(".")
    if parts[:2] == ["ovlint", "rules"]:
        return "rules"
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{a.name}" for a in node.names)


def test_layers_import_only_downwards():
    wrong = []
    for module, path in _modules():
        own = _layer(module)
        for target in _imports(path):
            other = _layer(target) if target.startswith("ovlint.") else None
            if own is not None and other is not None and other != own and other not in LAYERS[own]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_every_module_and_table_is_shipped_and_rules_live_inside_ovlint(tmp_path):
    # built from the project's own files only, as a fresh checkout would be
    source = tmp_path / "source"
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard"], check=True,
                            capture_output=True, text=True).stdout.split("\n")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(source)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("ovlint-*.whl")
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if n.endswith((".py", ".toml", ".json"))}
    expected = {f"ovlint/{p.relative_to(ROOT / 'ovlint').as_posix()}" for p in (ROOT / "ovlint").rglob("*.py")}
    expected |= {f"ovlint/rules/{p.relative_to(ROOT / 'rules').as_posix()}"
                 for pattern in ("*.py", "*.toml", "*.json") for p in (ROOT / "rules").rglob(pattern)}
    assert shipped == expected
    assert not any(n.startswith("rules/") for n in zipfile.ZipFile(wheel).namelist())
