"""ruff runs with the tests, so the one test command in the README also keeps the code clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is listed in requirements-dev.txt and must be installed"
    folders = ["ingest", "queries", "tests", "bench", "review", "ui", "pages", "scripts", "dashboard.py"]
    result = subprocess.run([ruff, "check", *folders], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
