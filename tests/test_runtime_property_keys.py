"""The removed property keys OV107 reports are what the wheels show: the checked-in table matches a
fresh derivation from every cached release."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.runtime
def test_the_removed_keys_table_matches_the_wheels():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "removed_property_keys.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
