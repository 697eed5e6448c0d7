import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from ovlint.app.cli import main

# property tests: 50 examples each by default; OVLINT_HYPOTHESIS_PROFILE=soak for a long run
settings.register_profile("default", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("soak", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("OVLINT_HYPOTHESIS_PROFILE", "default"))


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


def pytest_terminal_summary(terminalreporter):
    """The table of the adversarial suite's attempts, when it ran."""
    import adversary

    if adversary.RECORDS:
        terminalreporter.section("adversarial attempts")
        for line in adversary.table() + adversary.MEASURES:
            terminalreporter.write_line(line)
