"""The README's install lines, run for real: `pipx install .` and
`uv tool install .` from this clone give a working `prep` command.

Slow (each installs prep and its dependencies into a fresh environment), so
it runs with the reliability soaks: python3 dev.py reliability.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import prep

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installers(tmp_path_factory) -> Path:
    """A private environment holding pipx and uv (never the developer's own)."""
    folder = tmp_path_factory.mktemp("installers")
    venv.EnvBuilder(with_pip=True).create(folder)
    subprocess.run(
        [
            folder / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "pipx",
            "uv",
        ],
        check=True,
    )
    return folder / "bin"


def _works(command: Path, tmp_path: Path) -> None:
    version = subprocess.run([command, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip().endswith(prep.__version__)
    listed = subprocess.run(
        [command, "--db", tmp_path / "x.db", "list"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert listed.returncode == 0, listed.stderr
    assert "No meetings" in listed.stdout
    print(f"\n{command}: {version.stdout.strip()}, `prep list` exit 0")


def test_pipx_install_from_the_clone(installers, tmp_path):
    env = {
        **os.environ,
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
    }
    subprocess.run(
        [installers / "pipx", "install", "--python", sys.executable, str(ROOT)],
        env=env,
        check=True,
        capture_output=True,
    )
    _works(tmp_path / "bin" / "prep", tmp_path)


def test_uv_tool_install_from_the_clone(installers, tmp_path):
    env = {
        **os.environ,
        "UV_TOOL_DIR": str(tmp_path / "tools"),
        "UV_TOOL_BIN_DIR": str(tmp_path / "bin"),
        "UV_CACHE_DIR": str(tmp_path / "cache"),
    }
    subprocess.run(
        [installers / "uv", "tool", "install", "--python", sys.executable, str(ROOT)],
        env=env,
        check=True,
        capture_output=True,
    )
    _works(tmp_path / "bin" / "prep", tmp_path)
