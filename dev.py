#!/usr/bin/env python3
"""One entry point for working on prep. Needs only Python 3.11+.

    python3 dev.py app [ARGS]      set up .venv if needed, then run `prep ARGS`
    python3 dev.py test [ARGS]     set up .venv if needed, then run the whole test suite
    python3 dev.py screenshots     regenerate screenshots/*.svg from the demo data
    python3 dev.py bench           run the benchmarks in benchmarks/

The virtual environment is rebuilt only when pyproject.toml changes, so the
second run of any command starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".prep-installed"


def main() -> int:
    if sys.version_info < (3, 11):
        sys.exit(f"prep needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    command, *rest = sys.argv[1:] or ["app"]
    if command in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    commands = {
        "app": [BIN / "prep", *rest],
        "test": [BIN / "python", "-m", "pytest", *rest],
        "screenshots": [BIN / "python", "-m", "prep.tui.screenshots", *rest],
        "bench": [BIN / "python", str(ROOT / "benchmarks" / "run.py"), *rest],
    }
    if command not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    ensure_venv()
    argv = [str(part) for part in commands[command]]
    if command == "app":
        os.execv(argv[0], argv)  # hand the terminal straight to the app
    return subprocess.call(argv, cwd=ROOT)


def ensure_venv() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and (BIN / "prep").exists():
        return
    if not (BIN / "python").exists():
        print("Creating .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing prep and its test tools into .venv ...", file=sys.stderr)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--editable", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


if __name__ == "__main__":
    sys.exit(main())
