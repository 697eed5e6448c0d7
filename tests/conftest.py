import os

import pytest
from click.testing import CliRunner

from ovlint.cli import main


@pytest.fixture
def ovlint(tmp_path, monkeypatch):
    """Run the CLI in a temporary project folder; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def run(*args, input=None):
        runner = CliRunner()
        result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def write(path, content, mode="w", **kwargs):
    os.makedirs(os.path.dirname(str(path)) or ".", exist_ok=True)
    with open(path, mode, **kwargs) as handle:
        handle.write(content)
    return path
