"""The `prep` command without a screen: `prep list` and `prep brief ID` as whole processes.

Both run on a copy of the 5,000-meeting database, next to the floor of any
Python program that touches SQLite, `python -c "import sqlite3"`. Runs
interleave the three commands. Then each prep command runs once more under
`python -X importtime -m prep ...` to check that it imports neither Textual
nor Rich (the interface's libraries), and to show what it does import.

    python benchmarks/bench_cli.py [--runs 15] [--quick]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import defaultdict

import common
from common import PREP, PYTHON, Row, Stat, log

FORBIDDEN = ("textual", "rich")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)")


def _time(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode()[-400:]}")
    return elapsed


def imports_of(args: list[str]) -> tuple[list[str], int, list[tuple[int, str]]]:
    """Forbidden modules imported, total import µs, and the costliest outermost imports."""
    done = subprocess.run([PYTHON, "-X", "importtime", "-m", "prep", *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    forbidden, total, outer = set(), 0, []
    by_package: dict[str, int] = defaultdict(int)
    for self_us, cumulative_us, indent, name in _IMPORT_LINE.findall(done.stderr):
        root = name.split(".")[0]
        by_package[root] += int(self_us)
        total += int(self_us)
        if root in FORBIDDEN:
            forbidden.add(root)
        if len(indent) == 1:
            outer.append((int(cumulative_us), name))
    outer.sort(reverse=True)
    return sorted(forbidden), total, outer


def run(runs: int) -> list[Row]:
    from prep.domain.clock import SystemClock
    from prep.store import open_store

    from bench_keys import pick_meeting

    db = common.app_db_copy()
    store = open_store(db)
    try:
        meeting = pick_meeting(store, SystemClock().now())
    finally:
        store.close()
    commands = {
        "list": [PREP, "list", "--db", str(db)],
        "brief": [PREP, "brief", str(meeting.id), "--db", str(db)],
        "python": [PYTHON, "-c", "import sqlite3"],
    }
    log(f"cli: {runs} runs of each, interleaved")
    for argv in commands.values():  # warm the page cache and .pyc files
        _time(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        for name in names[i % 3:] + names[: i % 3]:
            times[name].append(_time(commands[name]))
    base = Stat.of(times["python"])
    rows = []
    for name, args in (("list", ["list", "--db", str(db)]),
                       ("brief", ["brief", str(meeting.id), "--db", str(db)])):
        stat = Stat.of(times[name])
        forbidden, total, outer = imports_of(args)
        label = f"prep {name}" + (f" {meeting.id}" if name == "brief" else "")
        rows.append(Row(
            f"CLI `{label}` vs `python -c 'import sqlite3'`", stat.show(), base.show(),
            stat.median / base.median, "no textual/rich import", not forbidden,
            details=[
                "imports " + (", ".join(forbidden) if forbidden else "neither textual nor rich")
                + f"; all imports {total/1000:.0f} ms under -X importtime; costliest: "
                + ", ".join(f"{n} {us/1000:.0f} ms" for us, n in outer[:6]),
            ]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = args.runs or (6 if args.quick else 15)
    common.emit(run(runs), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
