"""Real OpenVINO releases (and the other real tools the tests drive) in cached, throwaway
virtual environments.

The first use builds each environment with pip (a few minutes); later runs reuse it. The cache
lives in $OVLINT_TEST_CACHE (default ~/.cache/ovlint-tests); delete it to start over. An
environment counts as built only once its `.ready` marker is written, so an interrupted build
is redone rather than trusted."""
from __future__ import annotations

import base64
import fcntl
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.request
from contextlib import contextmanager
from pathlib import Path

CACHE = Path(os.environ.get("OVLINT_TEST_CACHE", Path.home() / ".cache" / "ovlint-tests"))
# the last release with API 1.0 (openvino.inference_engine, ngraph), with the Model Optimizer of
# the same release; the 2024 long-term release (the last with `openvino.runtime` not deprecated);
# and the newest release, with `onnx` to write the test models; both of the latter with GenAI
RELEASES = {
    "api1": ("openvino-dev==2023.3.0", "numpy<2"),
    "lts2024": ("openvino==2024.6.0", "openvino-genai==2024.6.0.0", "numpy<2"),
    "current": ("openvino==2026.4.1", "openvino-genai==2026.4.1.0", "onnx"),
    # the first release with PostponedConstant, whose maker filled the tensor it was given
    "v2025_1": ("openvino==2025.1.0",),
    # the real tools the ecosystem tests drive: pre-commit, and a JSON Schema validator that
    # carries SchemaStore's schemas for GitHub workflows, actions and GitLab CI
    "tools": ("pre-commit", "check-jsonschema"),
}


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:12]


@contextmanager
def _locked(name: str):
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def python(release: str) -> Path:
    """The interpreter of a venv holding `release` (a key of RELEASES), built on first use."""
    requirements = RELEASES[release]
    home = CACHE / "venvs" / f"{release}-{_digest(requirements, sys.version_info[:2])}"
    interpreter = home / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if (home / ".ready").exists():
        return interpreter
    with _locked(home.name):
        if not (home / ".ready").exists():
            shutil.rmtree(home, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(home)], check=True)
            subprocess.run([str(interpreter), "-m", "pip", "install", "--quiet", *requirements], check=True)
            (home / ".ready").write_text("\n".join(requirements) + "\n")
    return interpreter


def npm_file(tarball: str, integrity: str, member: str) -> Path:
    """One file of a package from the npm registry, downloaded once and checked against the
    registry's own `sha512-` integrity digest."""
    target = CACHE / "npm" / _digest(tarball, member) / Path(member).name
    if target.exists():
        return target
    with _locked("npm"):
        if not target.exists():
            data = urllib.request.urlopen(tarball, timeout=120).read()
            digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
            if digest != integrity:
                raise RuntimeError(f"{tarball}: integrity {digest} is not the expected {integrity}")
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                content = archive.extractfile(member).read()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.with_suffix(".part").write_bytes(content)
            target.with_suffix(".part").replace(target)
    return target


def models(script: Path) -> Path:
    """The folder of models `script` writes (run under the current release), built once."""
    folder = CACHE / f"models-{_digest(script.read_text(), RELEASES['current'])}"
    if not (folder / ".ready").exists():
        with _locked(folder.name):
            if not (folder / ".ready").exists():
                shutil.rmtree(folder, ignore_errors=True)
                subprocess.run([str(python("current")), str(script), str(folder)], check=True)
                (folder / ".ready").write_text("")
    return folder


def run(release: str, program: Path, data: Path, *args: str, cwd=None) -> subprocess.CompletedProcess:
    """Run a Python program, or a shell script (`.sh`) with the release's tools first on PATH."""
    interpreter = python(release)
    environment = dict(os.environ, OVLINT_RUNTIME_DATA=str(data), PYTHONWARNINGS="ignore",
                       PATH=f"{interpreter.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    command = ["sh", str(program)] if program.suffix == ".sh" else [str(interpreter), str(program)]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=environment, timeout=600, cwd=cwd)


def program_name(program: Path) -> str:
    """A program's name: its file's, or its folder's for a program of several modules (`main.py`)."""
    return program.parent.name if program.name == "main.py" else program.stem


def program_sources(program: Path) -> list[str]:
    """The code of a program: its file, or every module of its folder (`main.py`)."""
    modules = sorted(program.parent.glob("*.py")) if program.name == "main.py" else [program]
    return [f"{m.name}\n{m.read_text()}" for m in modules]


def baseline(program: Path, data: Path, release: str = "api1") -> dict:
    """What `program` prints under `release`, cached by its source, the models and the release."""
    key = _digest(*program_sources(program), str(data), RELEASES[release])
    cached = CACHE / "baselines" / f"{program_name(program)}-{key}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    result = run(release, program, data)
    if result.returncode != 0:
        raise RuntimeError(f"{program.name} fails under {RELEASES[release][0]}:\n{result.stderr[-2000:]}")
    value = json.loads(result.stdout.strip().splitlines()[-1])
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(value))
    return value
