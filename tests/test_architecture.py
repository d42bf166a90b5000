"""Imports point one way: tui -> store -> domain. Checked two ways."""

from __future__ import annotations

import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import prep

ROOT = Path(__file__).resolve().parents[1]


def modules_under(package: str) -> list[str]:
    module = __import__(package, fromlist=["_"])
    return [package] + [
        info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")
    ]


def loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(output))


def test_domain_and_store_never_load_textual():
    loaded = loaded_after_importing(modules_under("prep.domain") + modules_under("prep.store"))
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_domain_never_loads_sqlite():
    loaded = loaded_after_importing(modules_under("prep.domain"))
    assert "sqlite3" not in loaded
    assert "sqlite_utils" not in loaded


def test_cli_without_the_app_never_loads_textual(tmp_path):
    code = (
        "import sys, json\n"
        "from prep.cli import main\n"
        f"main(['--db', {str(tmp_path / 'x.db')!r}, 'list'])\n"
        "print(json.dumps('textual' in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip().splitlines()[-1] == "false"


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_is_exposed():
    assert prep.__version__.count(".") == 2
