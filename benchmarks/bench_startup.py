"""Cold start to first paint, and peak memory at that moment: prep vs a bare Textual app.

Both run as whole processes under a 120x36 pseudo-terminal (see ptyrun.py).
prep opens a copy of the 5,000-meeting database; it counts as painted when the
title of the agenda's first row appears in its output (that text exists only
once the meetings are loaded and drawn). The bare app (bare_app.py: a Label
and a Footer) counts as painted when its Label text appears. Runs alternate
prep/bare, then bare/prep, so drift in machine load hits both alike. The
ratio compared is of wall time; the details add the CPU time each process had
used by then (all its threads), which waiting for a busy core does not swell,
and the load average during the runs.

    python benchmarks/bench_startup.py [--runs 15] [--quick]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

import common
from common import PREP, PYTHON, Row, Stat, log, ratio_row
from ptyrun import run_until, terminal_env

BARE = str(Path(__file__).with_name("bare_app.py"))
COLD_TARGET = 1.2
MEMORY_TARGET = 1.3


def agenda_marker(db_path: Path) -> tuple[bytes, str]:
    """Text of the agenda's first meeting row as prep will draw it now."""
    from prep.domain.agenda import DEBRIEF_WINDOW, build_agenda
    from prep.domain.clock import SystemClock
    from prep.store import open_store
    from prep.tui.screens.agenda import AGENDA_LIMIT

    store = open_store(db_path)
    try:
        now = SystemClock().now()
        groups = build_agenda(store.meetings_from(now - DEBRIEF_WINDOW, limit=AGENDA_LIMIT), now)
    finally:
        store.close()
    if not groups:
        raise RuntimeError("the generated database has nothing on today's agenda")
    first = groups[0].meetings[0]
    # The row may cut a long title with an ellipsis: its start is always drawn whole.
    return first.title[:12].encode(), f"{groups[0].title}: {first.title} ({first.counterpart.name})"


_IMPORT_LINE = re.compile(rb"import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)")


def import_profile(output: bytes, marker: bytes) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """From -X importtime lines written before the marker: self time per top-level
    package (µs), and the outermost imports by cumulative time."""
    head = output[: output.find(marker)]
    by_package: dict[str, int] = defaultdict(int)
    outermost = []
    for self_us, cumulative_us, indent, name in _IMPORT_LINE.findall(head):
        module = name.decode()
        by_package[module.split(".")[0]] += int(self_us)
        if len(indent) == 1:
            outermost.append((int(cumulative_us), module))
    outermost.sort(reverse=True)
    return dict(by_package), outermost


def run(runs: int) -> list[Row]:
    db = common.app_db_copy()
    marker, marker_about = agenda_marker(db)
    prep_argv = [PREP, "--db", str(db)]
    bare_argv = [PYTHON, BARE]
    full_argv = [PYTHON, BARE, "--full"]
    bare_marker = b"bare app painted"
    log(f"startup: {runs} runs each, interleaved; prep marker {marker!r}")
    # One unmeasured run of each warms the page cache and the .pyc files.
    run_until(prep_argv, marker)
    run_until(bare_argv, bare_marker)
    run_until(full_argv, bare_marker)
    runs_of: dict[str, list] = {"prep": [], "bare": [], "full": []}
    loads = [os.getloadavg()[0]]
    for i in range(runs):
        order = [
            ("prep", prep_argv, marker),
            ("bare", bare_argv, bare_marker),
            ("full", full_argv, bare_marker),
        ]
        if i % 2:
            order.reverse()
        for name, argv, mark in order:
            runs_of[name].append(run_until(argv, mark))
        loads.append(os.getloadavg()[0])
    prep_runs, bare_runs = runs_of["prep"], runs_of["bare"]
    full_t = Stat.of([r.seconds for r in runs_of["full"]])
    prep_t = Stat.of([r.seconds for r in prep_runs])
    bare_t = Stat.of([r.seconds for r in bare_runs])
    prep_m = Stat.of([r.hwm_kb for r in prep_runs])
    cpu = {name: Stat.of([r.cpu_seconds for r in done]) for name, done in runs_of.items()}
    bare_m = Stat.of([r.hwm_kb for r in bare_runs])

    # Where the time goes: one extra run of each with -X importtime.
    env = terminal_env({"PYTHONPROFILEIMPORTTIME": "1"})
    prep_profile = run_until(prep_argv, marker, env=env)
    bare_profile = run_until(bare_argv, bare_marker, env=env)
    prep_pkgs, prep_outer = import_profile(prep_profile.output, marker)
    bare_pkgs, _ = import_profile(bare_profile.output, bare_marker)
    prep_total = sum(prep_pkgs.values())
    bare_total = sum(bare_pkgs.values())
    top = sorted(prep_pkgs.items(), key=lambda kv: -kv[1])[:10]
    details = [
        f"database: 5,000 meetings; marker = first agenda row, {marker_about}",
        f"runs: {runs} each, interleaved; min–max prep {prep_t.low * 1000:.0f}–{prep_t.high * 1000:.0f} ms,"
        f" bare {bare_t.low * 1000:.0f}–{bare_t.high * 1000:.0f} ms",
        f"CPU to first paint: prep {cpu['prep'].show()}, bare {cpu['bare'].show()},"
        f" ratio {cpu['prep'].median / cpu['bare'].median:.2f}; Textual alone, full screen"
        f" {cpu['full'].show()}, {cpu['full'].median / cpu['bare'].median:.2f}x the bare app;"
        f" 1-minute load average {min(loads):.1f}–{max(loads):.1f} during the runs",
        f"Textual alone painting a screen as full as the agenda (bare_app.py --full: header,"
        f" 300-row list, detail panel, footer, no prep code): {full_t.show()},"
        f" {full_t.median / bare_t.median:.2f}x the bare app; prep is"
        f" {prep_t.median / full_t.median:.2f}x that",
        f"imports before first paint (-X importtime, one run; inflated by the profiling): "
        f"prep {prep_total / 1000:.0f} ms, bare {bare_total / 1000:.0f} ms",
        "  self time by package, prep: "
        + ", ".join(
            f"{name} {us / 1000:.0f} ms"
            + (f" (bare {bare_pkgs[name] / 1000:.0f})" if name in bare_pkgs else "")
            for name, us in top
        ),
        "  outermost imports, prep (cumulative): "
        + ", ".join(f"{name} {us / 1000:.0f} ms" for us, name in prep_outer[:8]),
    ]
    prep_only = sorted(
        ((us, name) for name, us in prep_pkgs.items() if name not in bare_pkgs), reverse=True
    )[:8]
    if prep_only:
        details.append(
            "  packages bare does not import: "
            + ", ".join(f"{name} {us / 1000:.1f} ms" for us, name in prep_only)
        )
    rows = [
        ratio_row(
            "Cold start to first paint (5k meetings)", prep_t, bare_t, COLD_TARGET, details=details
        ),
        ratio_row(
            "Peak RSS at first paint",
            prep_m,
            bare_m,
            MEMORY_TARGET,
            unit="MB",
            scale=1 / 1024,
            details=[
                f"VmHWM read at the marker; min–max prep {prep_m.low / 1024:.1f}–"
                f"{prep_m.high / 1024:.1f} MB, bare {bare_m.low / 1024:.1f}–"
                f"{bare_m.high / 1024:.1f} MB"
            ],
        ),
    ]
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
