"""8 shells x 25 `prep add` on one file: every command succeeds, no row is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SHELLS = 8
ADDS_EACH = 25


def _shell(db: Path, env: dict[str, str], shell: int) -> list[str]:
    """One shell adding meetings one after another; the failures it saw."""
    failures = []
    for n in range(ADDS_EACH):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "prep",
                "--db",
                str(db),
                "add",
                f"s{shell} n{n}",
                "--with",
                f"Person {n % 4}",
                "--at",
                "2030-01-07 10:00",
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        if result.returncode != 0:
            failures.append(result.stderr.strip())
    return failures


def test_eight_shells_adding_at_once_lose_nothing(tmp_path):
    db = tmp_path / "race.db"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    env.pop("PREP_DB", None)
    with ThreadPoolExecutor(SHELLS) as pool:
        results = list(pool.map(lambda s: _shell(db, env, s), range(SHELLS)))
    failures = [line for shell in results for line in shell]
    conn = sqlite3.connect(db)
    try:
        meetings = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
        people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    print(
        f"\n{SHELLS} shells x {ADDS_EACH} prep add: {len(failures)} failed, "
        f"{meetings} of {SHELLS * ADDS_EACH} meetings stored, {people} people, "
        f"integrity_check {integrity}"
    )
    assert failures == []
    assert meetings == SHELLS * ADDS_EACH
    assert people == 4
    assert integrity == "ok"
