"""Search and `prep due` scaling: the same calls on 1,000 vs 100,000 meetings.

The files are the weekly review's (same density, 0.2 vs 20 years; see
bench_review.py). Search runs what a person types into `/`: a common word
(thousands of hits on the big file), a prefix while typing, two words, and a
word that matches nothing. `prep due` reads its window around "now" (the
files' anchor). Calls alternate between the files so other load hits both.

    python benchmarks/bench_search.py [--reps 30] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import time

import common
import generate
from bench_review import params
from common import Stat, log, ratio_row

TYPED = ["pilot", "sign-o", "data owner", "zebra"]
TARGET = 2.0


def run(reps: int) -> list:
    from prep.store import open_store
    from prep.store.due import read_due
    from prep.store.search import search

    small_p, _, large_p = params()
    files = (small_p, large_p)
    stores = {p: open_store(generate.ensure(p)) for p in files}
    now = small_p.now
    try:
        calls = {
            "search": lambda s: [search(s, typed) for typed in TYPED],
            "due": lambda s: read_due(s, now),
        }
        counts = {p: {t: len(search(stores[p], t, limit=100_000)) for t in TYPED} for p in files}
        rows = []
        for name, call in calls.items():
            for store in stores.values():  # warm the page cache and statement cache
                call(store)
            log(f"{name}: {reps} calls each, interleaved")
            times: dict = {p: [] for p in files}
            for i in range(reps):
                for p in files if i % 2 else files[::-1]:
                    started = time.perf_counter()
                    call(stores[p])
                    times[p].append(time.perf_counter() - started)
            stat = {p: Stat.of(times[p]) for p in files}
            if name == "search":
                per_query = {p: Stat.of([t / len(TYPED) for t in times[p]]) for p in files}
                details = [
                    f"{len(TYPED)} searches per call ({', '.join(map(repr, TYPED))}),"
                    f" 50 hits kept each; per search {per_query[large_p].show()} on"
                    f" 100,000 vs {per_query[small_p].show()} on 1,000"
                ] + [
                    f"all matches on {p.meetings:,}: "
                    + ", ".join(f"{t!r} {n:,}" for t, n in counts[p].items())
                    for p in files
                ]
                label = "Search (4 typed queries), 100k vs 1k meetings"
            else:
                reports = {p: read_due(stores[p], now) for p in files}
                details = [
                    f"on {p.meetings:,}: {len(r.needs_debrief)} to debrief,"
                    f" {len(r.unprepared_soon)} unprepared soon, {len(r.overdue_actions)}"
                    f" overdue actions, {len(r.feedback)} feedback due"
                    for p, r in reports.items()
                ]
                label = "`prep due` queries, 100k vs 1k meetings"
            rows.append(ratio_row(label, stat[large_p], stat[small_p], TARGET, details=details))
        return rows
    finally:
        for store in stores.values():
            store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    reps = args.reps or (10 if args.quick else 30)
    common.emit(run(reps), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
