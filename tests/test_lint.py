"""Static checks as tests, so CI enforces them: ruff (lint) and mypy (types) are clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.parametrize("tool, args", [
    ("ruff", ["check", "gongwen", "tests", "bench", "scripts"]),
    ("mypy", ["gongwen"]),
])
def test_static_check_clean(tool: str, args: list[str]) -> None:
    pytest.importorskip(tool)
    exe = shutil.which(tool, path=str(ROOT / ".venv" / "bin")) or shutil.which(tool)
    cmd = [exe, *args] if exe else [sys.executable, "-m", tool, *args]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
