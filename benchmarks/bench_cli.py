"""The `prep` command without a screen: `prep list`, `prep brief ID` and `prep due`
as whole processes.

`prep due` is meant for a shell prompt, so it must take well under 100 ms and
import neither the interface's libraries nor sqlite-utils. All run on a copy
of the 5,000-meeting database, next to the floor of any Python program that
touches SQLite, `python -c "import sqlite3"`. Runs interleave the commands. Then each prep command runs once more under
`python -X importtime -m prep ...` to check that it imports none of Textual,
Rich (the interface's libraries) and sqlite-utils, and to show what it does
import.

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

FORBIDDEN = ("textual", "rich", "sqlite_utils")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)")


# `prep due` exits 1 when something is due: an answer, not a failure.
_EXPECTED_CODES = {"due": (0, 1)}


def _time(argv: list[str], ok: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode()[-400:]}")
    return elapsed


def imports_of(args: list[str]) -> tuple[list[str], int, list[tuple[int, str]]]:
    """Forbidden modules imported, total import µs, and the costliest outermost imports."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "prep", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
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
    from bench_keys import pick_meeting

    from prep.domain.clock import SystemClock
    from prep.store import open_store

    db = common.app_db_copy()
    store = open_store(db)
    try:
        meeting = pick_meeting(store, SystemClock().now())
    finally:
        store.close()
    commands = {
        "list": [PREP, "list", "--db", str(db)],
        "brief": [PREP, "brief", str(meeting.id), "--db", str(db)],
        "due": [PREP, "due", "--quiet", "--db", str(db)],
        "python": [PYTHON, "-c", "import sqlite3"],
    }
    log(f"cli: {runs} runs of each, interleaved")
    for name, argv in commands.items():  # warm the page cache and .pyc files
        _time(argv, _EXPECTED_CODES.get(name, (0,)))
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(_time(commands[name], _EXPECTED_CODES.get(name, (0,))))
    base = Stat.of(times["python"])
    rows = []
    for name, args in (
        ("list", ["list", "--db", str(db)]),
        ("brief", ["brief", str(meeting.id), "--db", str(db)]),
        ("due", ["due", "--quiet", "--db", str(db)]),
    ):
        stat = Stat.of(times[name])
        forbidden, total, outer = imports_of(args)
        label = f"prep {name}" + (f" {meeting.id}" if name == "brief" else "")
        label += " --quiet" if name == "due" else ""
        fast_enough = name != "due" or stat.median < 0.1
        rows.append(
            Row(
                f"CLI `{label}` vs `python -c 'import sqlite3'`",
                stat.show(),
                base.show(),
                stat.median / base.median,
                "no textual/rich/sqlite-utils import" + ("; < 100 ms" if name == "due" else ""),
                not forbidden and fast_enough,
                details=[
                    "imports "
                    + (", ".join(forbidden) if forbidden else "none of textual, rich, sqlite-utils")
                    + f"; all imports {total / 1000:.0f} ms under -X importtime; costliest: "
                    + ", ".join(f"{n} {us / 1000:.0f} ms" for us, n in outer[:6]),
                ],
            )
        )
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
