"""Screen changes: agenda → checklist → brief → debrief → weekly review, vs an empty Screen.

In-process, through Textual's `run_test` at 120x36, over a private copy of the
5,000-meeting database. Each change is one key on the screen before it:

    checklist   `p` on an upcoming meeting whose checklist is started
    brief       `PgDn` from checklist step 4 to the brief
    debrief     `b` on the agenda's first meeting needing a debrief
    review      `r` on the agenda; the week loads in a worker thread, so the
                change ends when that worker is done and its result is drawn

The baseline is `s` in bare_app.BareScreenApp, which pushes an empty Screen.
Every change is timed from sending the key until the process is idle again
and the screen has been painted (the key is sent as `pilot.press` sends it,
then Textual's wait-for-idle, then a forced compositor refresh, which is what
`pilot.pause()` ends with). Compared is the process CPU time of that span;
its wall time includes at least 40 ms of idle-detection sleeps on both sides,
so it is shown as a detail. Between changes the app goes back with escape
(untimed). Sessions alternate prep/bare.

    python benchmarks/bench_screens.py [--rounds 3] [--reps 5] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

import common
from common import SIZE, Row, Stat, log, ratio_row

TARGET = 1.5
CHANGES = ["checklist", "brief", "debrief", "review"]


async def _settled(app) -> None:
    from textual._wait import wait_for_idle

    await wait_for_idle(0)
    app.screen._on_timer_update()  # paint now, as pilot.pause() does


async def _timed(app, key: str, then=None) -> tuple[float, float]:
    c0, w0 = time.process_time(), time.perf_counter()
    await app._press_keys([key])
    if then is not None:
        await then()
    await _settled(app)
    return time.process_time() - c0, time.perf_counter() - w0


async def _key(app, key: str) -> None:
    await app._press_keys([key])
    await _settled(app)


def _targets(store, now):
    """The meeting to prepare and the one to debrief, both on today's agenda."""
    from bench_keys import pick_meeting

    from prep.domain.agenda import DEBRIEF_WINDOW, GroupKind, build_agenda

    upcoming = pick_meeting(store, now)
    groups = build_agenda(store.meetings_from(now - DEBRIEF_WINDOW, limit=300), now)
    to_debrief = [m for g in groups if g.kind is GroupKind.DEBRIEF for m in g.meetings]
    if not to_debrief:
        raise RuntimeError("no meeting needs a debrief in the generated data")
    with_asks = [m for m in to_debrief if store.checklists.get(m.id).asks]
    return upcoming, (with_asks or to_debrief)[0]


async def prep_session(db_path, reps: int) -> dict[str, list[tuple[float, float]]]:
    from prep.domain.clock import SystemClock
    from prep.store import open_store
    from prep.tui.app import PrepApp
    from prep.tui.screens.agenda import AgendaScreen
    from prep.tui.screens.checklist import ChecklistScreen
    from prep.tui.screens.debrief import DebriefScreen
    from prep.tui.screens.review import ReviewScreen
    from prep.tui.widgets.agenda_list import AgendaList

    store = open_store(db_path)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in CHANGES}
    samples["no-op key"] = []
    try:
        clock = SystemClock()
        upcoming, to_debrief = _targets(store, clock.now())
        app = PrepApp(store, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()

            async def select(meeting) -> None:
                assert isinstance(app.screen, AgendaScreen)
                agenda = app.screen.query_one(AgendaList)
                agenda.focus()
                agenda.highlighted = agenda.get_option_index(f"m{meeting.id}")
                await _settled(app)

            async def review_loaded() -> None:
                await app.workers.wait_for_complete()

            for _ in range(reps):
                samples["no-op key"].append(await _timed(app, "f12"))
                await select(upcoming)
                samples["checklist"].append(await _timed(app, "p"))
                assert isinstance(app.screen, ChecklistScreen), app.screen
                for _ in range(3):
                    await _key(app, "pagedown")
                samples["brief"].append(await _timed(app, "pagedown"))
                assert app.screen.query_one("#panes").current == "brief"
                await _key(app, "escape")
                await select(to_debrief)
                samples["debrief"].append(await _timed(app, "b"))
                assert isinstance(app.screen, DebriefScreen), app.screen
                await _key(app, "escape")
                samples["review"].append(await _timed(app, "r", review_loaded))
                assert isinstance(app.screen, ReviewScreen), app.screen
                assert app.screen.markdown, "the review did not load"
                await _key(app, "escape")
    finally:
        store.close()
    return samples


async def bare_session(reps: int) -> dict[str, list[tuple[float, float]]]:
    from bare_app import BareScreenApp, FrameScreen
    from textual.screen import Screen

    samples: dict[str, list[tuple[float, float]]] = {
        "empty screen": [],
        "no-op key": [],
        "frame": [],
    }
    app = BareScreenApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(reps):
            samples["no-op key"].append(await _timed(app, "f12"))
            samples["empty screen"].append(await _timed(app, "s"))
            assert type(app.screen) is Screen
            await _key(app, "escape")
            samples["frame"].append(await _timed(app, "f"))
            assert type(app.screen) is FrameScreen
            await _key(app, "escape")
    return samples


def run(rounds: int, reps: int) -> list[Row]:
    import bare_app  # noqa: F401 - load all code before timing anything

    import prep.tui.app
    import prep.tui.screens.checklist
    import prep.tui.screens.debrief
    import prep.tui.screens.review  # noqa: F401

    log(f"screens: {rounds} round(s) x {reps} changes each, sessions alternating")
    prep_all: dict[str, list] = {}
    bare_all: dict[str, list] = {}
    # One unmeasured session each: the first screen of a kind pays one-off costs
    # (CSS for its widgets, the lazy imports of the screen modules).
    asyncio.run(prep_session(common.app_db_copy(), 1))
    asyncio.run(bare_session(1))
    for i in range(rounds):
        order = ["prep", "bare"] if i % 2 == 0 else ["bare", "prep"]
        for which in order:
            if which == "prep":
                got = asyncio.run(prep_session(common.app_db_copy(), reps))
                target = prep_all
            else:
                got = asyncio.run(bare_session(reps))
                target = bare_all
            for name, values in got.items():
                target.setdefault(name, []).extend(values)
    base_cpu = Stat.of([c for c, _ in bare_all["empty screen"]])
    base_wall = Stat.of([w for _, w in bare_all["empty screen"]])
    noop_prep = Stat.of([w for _, w in prep_all["no-op key"]])
    noop_bare = Stat.of([w for _, w in bare_all["no-op key"]])
    noop_prep_cpu = Stat.of([c for c, _ in prep_all["no-op key"]])
    noop_bare_cpu = Stat.of([c for c, _ in bare_all["no-op key"]])
    frame_cpu = Stat.of([c for c, _ in bare_all["frame"]])
    rows = []
    for name in CHANGES:
        cpu = Stat.of([c for c, _ in prep_all[name]])
        wall = Stat.of([w for _, w in prep_all[name]])
        details = [f"wall, key to painted: prep {wall.show()}, empty screen {base_wall.show()}"]
        if name == CHANGES[0]:
            details.append(
                f"a key that does nothing (f12) costs {noop_prep_cpu.show()} CPU,"
                f" {noop_prep.show()} wall in prep; {noop_bare_cpu.show()} CPU,"
                f" {noop_bare.show()} wall in bare (the floor of the method)"
            )
            details.append(
                f"{len(prep_all[name])} changes of each kind, {rounds} session(s)"
                " per app after one unmeasured session each"
            )
            details.append(
                f"the frame alone, a screen with Textual's Header, Footer and one"
                f" Label: {frame_cpu.show()} CPU, {frame_cpu.median / base_cpu.median:.1f}x"
                " the empty screen; every prep screen has that frame"
            )
        rows.append(ratio_row(f"Screen change: → {name}", cpu, base_cpu, TARGET, details=details))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--reps", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rounds = args.rounds or (1 if args.quick else 3)
    reps = args.reps or (4 if args.quick else 5)
    common.emit(run(rounds, reps), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
