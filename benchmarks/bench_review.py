"""Weekly review scaling: `store.review.week()` on 1,000 vs 100,000 meetings.

Both databases have the same density, about 96 meetings a week (100,000 over
20 years; 1,000 over 0.2 years, so ten weeks), so the week measured holds about
the same meetings in both and only the length of the history differs: the
review of one week should not cost more because the years before it exist.
People are ~N/50, though, so the 1,000 file has 20 people in all while a year
of the 100,000 file sees a few hundred; a third file, 10,000 meetings over 2
years, matches the large one in meetings a week and people a year, and is
shown as an extra (info) comparison.
The week is the one in the middle of each file's data; "now" is the end of the
data, so the week is complete. Calls alternate small/large; median of many.

Afterwards every SQL statement one review runs is timed on its own (median of
5), and the slowest ones on the large file are shown with their query plans.

    python benchmarks/bench_review.py [--reps 40] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import common
import generate
from common import Row, Stat, log, ratio_row

TARGET = 2.0
ANCHOR = "2026-06-01"  # fixed, so the cached files last


def params() -> tuple[generate.Params, generate.Params, generate.Params]:
    small = generate.Params(meetings=1000, years=0.2, anchor=ANCHOR)
    middle = generate.Params(meetings=10_000, years=2, anchor=ANCHOR)
    large = generate.Params(meetings=100_000, years=20, anchor=ANCHOR)
    return small, middle, large


def middle_monday(p: generate.Params) -> date:
    from prep.domain.weeks import week_start

    start = date.fromisoformat(p.anchor) - timedelta(days=p.years * 365.25)
    return week_start(start + (date.fromisoformat(p.anchor) - start) / 2)


def trace_statements(store, monday, zone, now) -> list[str]:
    """Every statement one review runs, with its parameters bound (sqlite3's trace)."""
    seen: list[str] = []
    conn = store.db.conn

    def tracer(sql: str) -> None:
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")):
            seen.append(sql)

    conn.set_trace_callback(tracer)
    try:
        store.review.week(monday, zone, now)
    finally:
        conn.set_trace_callback(None)
    return seen


def statement_costs(store, statements: list[str]) -> list[tuple[float, int, str]]:
    conn = store.db.conn
    costs = []
    for sql in statements:
        times, rows = [], 0
        for _ in range(5):
            started = time.perf_counter()
            rows = len(conn.execute(sql).fetchall())
            times.append(time.perf_counter() - started)
        costs.append((statistics.median(times), rows, sql))
    return costs


def _short(sql: str, width: int = 110) -> str:
    text = " ".join(sql.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(reps: int) -> list[Row]:
    from prep.store import open_store

    small_p, middle_p, large_p = files = params()
    paths = {p: generate.ensure(p) for p in files}
    stores = {p: open_store(paths[p]) for p in files}
    try:
        now = small_p.now
        zone = now.tzinfo
        mondays = {p: middle_monday(p) for p in files}
        weeks = {}
        for p, store in stores.items():  # warm the page cache and the statement cache
            for _ in range(3):
                weeks[p] = store.review.week(mondays[p], zone, now)
        log(f"review: {reps} calls each, interleaved")
        times = {p: [] for p in files}
        for i in range(reps):
            for p in files[i % 3 :] + files[: i % 3]:
                started = time.perf_counter()
                stores[p].review.week(mondays[p], zone, now)
                times[p].append(time.perf_counter() - started)
        stat = {p: Stat.of(times[p]) for p in files}

        details = []
        for p in files:
            w = weeks[p]
            details.append(
                f"{p.meetings:,} meetings / {p.years:g} years ({p.people:,} people), week of"
                f" {mondays[p]}: {stat[p].show()}; {len(w.meetings)} meetings,"
                f" {len(w.people)} people listed, {len(w.actions)} action items to sort,"
                f" {len(w.upcoming_deadlines)} upcoming deadlines,"
                f" {sum(n for _, n in w.open_unsaid_by_person)} open unsaid (top 5)"
            )
        costs = {
            p: statement_costs(stores[p], trace_statements(stores[p], mondays[p], zone, now))
            for p in files
        }
        details.append(
            "SQL alone (each statement re-run on its own): "
            + ", ".join(
                f"{sum(c[0] for c in costs[p]) * 1000:.1f} ms on {p.meetings:,}" for p in files
            )
            + f"; {len(costs[large_p])} statements per review"
        )
        # The same statements run in the same order on every file (only the bound
        # dates differ), so they pair up by position.
        details.append(
            "slowest statements on 100,000 (ms there / on 10,000 / on 1,000, rows there):"
        )
        pad = [(0.0, 0, "")] * len(costs[large_p])
        paired = zip(costs[large_p], costs[middle_p] + pad, costs[small_p] + pad, strict=False)
        for (seconds, rows, sql), mid, low in sorted(paired, key=lambda c: -c[0][0])[:6]:
            details.append(
                f"  {seconds * 1000:6.2f} / {mid[0] * 1000:5.2f} / {low[0] * 1000:5.2f} ms"
                f"  {rows:>5} rows  {_short(sql)}"
            )
        for seconds, _rows, sql in sorted(costs[large_p], key=lambda c: -c[0])[:3]:
            plan = stores[large_p].db.conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            details.append(
                f"  plan of the {seconds * 1000:.1f} ms one: " + "; ".join(row[-1] for row in plan)
            )
    finally:
        for store in stores.values():
            store.close()
    review = ratio_row(
        "Weekly review, 100k vs 1k meetings", stat[large_p], stat[small_p], TARGET, details=details
    )
    review.prep, review.baseline = f"100k: {review.prep}", f"1k: {review.baseline}"
    like = ratio_row(
        "Weekly review, 100k vs 10k (info)",
        stat[large_p],
        stat[middle_p],
        TARGET,
        details=[
            "10,000 meetings over 2 years has the same meetings a week as the"
            " 100,000 file and a full year of history before its week, so the"
            " review's bounded windows (12-week trend, a year of deadlines) are as"
            " full in both; what differs is 18 more years and more people (see"
            " people listed above). 1,000 over 0.2 years has 20 people in all and"
            " only five weeks before its week"
        ],
    )
    like.prep, like.baseline = f"100k: {like.prep}", f"10k: {like.baseline}"
    like.target, like.met = "—", None
    return [review, like, open_row(paths[small_p], paths[large_p], max(5, reps // 4))]


def open_row(small_path, large_path, reps: int) -> Row:
    """`open_store` on each file: every start of the app and every command pays it."""
    import sqlite3

    from prep.store import open_store

    def open_close(path) -> float:
        started = time.perf_counter()
        open_store(path).close()
        return time.perf_counter() - started

    def quick_check(path) -> float:
        # As open_store checks a file: read-only, and immutable when no -wal is beside it.
        immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro{immutable}", uri=True)
        try:
            started = time.perf_counter()
            conn.execute("PRAGMA quick_check").fetchone()
            return time.perf_counter() - started
        finally:
            conn.close()

    def traced_open(path) -> list[str]:
        """The statements open_store runs, over every connection it makes."""
        seen: list[str] = []
        real_connect = sqlite3.connect

        def connect(*args, **kwargs):
            conn = real_connect(*args, **kwargs)
            conn.set_trace_callback(seen.append)
            return conn

        sqlite3.connect = connect
        try:
            open_store(path).close()
        finally:
            sqlite3.connect = real_connect
        return seen

    opens = {small_path: [], large_path: []}
    checks = {small_path: [], large_path: []}
    for i in range(reps):
        for path in (small_path, large_path) if i % 2 == 0 else (large_path, small_path):
            opens[path].append(open_close(path))
            checks[path].append(quick_check(path))
    big, small = Stat.of(opens[large_path]), Stat.of(opens[small_path])
    qc_big, qc_small = Stat.of(checks[large_path]), Stat.of(checks[small_path])
    size = large_path.stat().st_size / 2**20
    statements = traced_open(large_path)
    checking = [sql for sql in statements if "quick_check" in sql or "integrity_check" in sql]
    return Row(
        "Open the database, 100k vs 1k (info)",
        f"100k: {big.show()}",
        f"1k: {small.show()}",
        big.median / small.median,
        "—",
        None,
        details=[
            f"open_store() then close(), {reps} times each; the 100k file is {size:.0f} MB;"
            f" open_store ran {len(statements)} SQL statements, "
            + (
                f"including {checking[0].strip()}" if checking else "no quick_check/integrity_check"
            ),
            f"a PRAGMA quick_check (reads the whole file) takes {qc_big.show()} on 100k vs"
            f" {qc_small.show()} on 1k: a start-up that ran it would grow with the history",
        ],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    reps = args.reps or (10 if args.quick else 40)
    common.emit(run(reps), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
