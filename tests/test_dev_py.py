"""dev.py, the one entry point for working on prep (README, Developing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import os, sys

def test_bytecode_may_be_written():
    assert not sys.dont_write_bytecode
    assert "PYTHONDONTWRITEBYTECODE" not in os.environ
"""


def test_what_dev_py_runs_may_write_bytecode_whatever_the_environment_says(tmp_path):
    """The README: dev.py clears PYTHONDONTWRITEBYTECODE for everything it
    runs, so the ~200 `prep` starts in the tests do not each compile every
    module again (174 s against 143 s for the suite)."""
    (tmp_path / "test_probe.py").write_text(PROBE)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    done = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "test", "-q", "-c", str(tmp_path / "pytest.ini"),
         "-p", "no:cacheprovider", str(tmp_path / "test_probe.py")],
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    print(done.stdout[-500:])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
