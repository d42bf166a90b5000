"""Keystroke cost: typing into a checklist field vs into a plain Input in a bare app.

In-process, through Textual's `run_test` and Pilot, at 120x36. prep runs over a
private copy of the 5,000-meeting database with saving on: the checklist of an
upcoming meeting is open and 500 characters are typed into its "Holding back"
Input (each change schedules the debounced save). The baseline types the same
characters into the only Input of bare_app.BareInputApp.

What is compared is the CPU time each key costs (the process's CPU time, so
work on other threads counts too). Keys are sent the way `pilot.press` sends
them (`App._press_keys`: the key event, then waiting until the process is
idle), but without Pilot's `_wait_for_screen`, which posts a callback to every
widget of the screen per key: on the checklist's widgets (~140 then, 64 now) that alone
doubled the measured cost, and no real terminal pays it. Waiting for idleness
sleeps at least 2 x 20 ms per key, which would swamp a wall-clock comparison,
so wall time per key is shown as a detail only.

The debounced write itself happens once typing pauses for 0.3 s; its cost
(saving the field, recounting readiness, redrawing the step list) is measured
separately as "save after a pause".

Arrow keys on the agenda (info): on the same database, `down` from the
agenda's first meeting to its last and `up` back to the top, CPU per key,
against as many keys in bare_app.FullScreenApp's 300-row list (no detail to
fill). Each prep key moves the cursor, redraws the two rows, and fills the
detail pane (the meeting, the last one with that person, what is still open
with them); the SQL statements run per key are counted.

    python benchmarks/bench_keys.py [--chars 500] [--rounds 2] [--quick]
    python benchmarks/bench_keys.py --arrows-only [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

import common
from common import SIZE, Row, Stat, log, ratio_row

TARGET = 1.2
TEXT = (
    "I think the January date only works if they freeze the scope now, and "
    "we should say so plainly before the board meets "
)


def _text(chars: int) -> str:
    return (TEXT * (chars // len(TEXT) + 1))[:chars]


def pick_meeting(store, now):
    """An upcoming meeting whose checklist is started (so no carry-over question)."""
    for meeting in store.meetings_from(now, limit=200):
        if meeting.starts_at > now and store.checklists.get(meeting.id).started:
            return meeting
    raise RuntimeError("no upcoming meeting with a checklist in the generated data")


async def _type(pilot, text: str) -> tuple[list[float], list[float]]:
    cpu, wall = [], []
    app = pilot.app
    for ch in text:
        c0, w0 = time.process_time(), time.perf_counter()
        await app._press_keys([ch])
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall


async def type_in_prep(db_path, text: str, saves: int):
    from textual.widgets import Input

    from prep.domain.clock import SystemClock
    from prep.store import open_store
    from prep.tui.app import PrepApp
    from prep.tui.screens.checklist import ChecklistScreen

    store = open_store(db_path)
    try:
        clock = SystemClock()
        meeting = pick_meeting(store, clock.now())
        app = PrepApp(store, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = ChecklistScreen(meeting)
            app.push_screen(screen)
            await pilot.pause()
            if app.screen is not screen:  # the offer to carry over what is still open
                await pilot.press("escape")
                await pilot.pause()
            field = screen.query_one("#holding_back", Input)
            field.value = ""
            await pilot.pause(0.4)  # let the save of the cleared field happen
            # Focused only now: a field focused while its text differs from
            # the file's is given the file's (another window wrote it), which
            # put the old text back before the first key.
            field.focus()
            await pilot.pause()
            cpu, wall = await _type(pilot, text)
            assert field.value == text, "typed text did not arrive in the field"
            save_times = []
            for _ in range(saves):
                await pilot.press("x")
                assert screen.saver.has_pending
                started = time.perf_counter()
                screen.saver.flush()
                save_times.append(time.perf_counter() - started)
            await pilot.pause()
            stored = store.checklists.get(meeting.id).holding_back
            assert stored == field.value, "the field was not saved"
            await pilot.press("escape")
            await pilot.pause()
    finally:
        store.close()
    return cpu, wall, save_times


async def type_in_bare(text: str):
    from bare_app import BareInputApp
    from textual.widgets import Input

    app = BareInputApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.query_one("#field", Input)
        field.focus()
        await pilot.pause()
        cpu, wall = await _type(pilot, text)
        assert field.value == text
    return cpu, wall


async def _press(pilot, key: str, times: int) -> list[float]:
    cpu = []
    for _ in range(times):
        c0 = time.process_time()
        await pilot.app._press_keys([key])
        cpu.append(time.process_time() - c0)
    return cpu


async def arrows_in_prep(db_path) -> tuple[list[float], list[float], int]:
    """CPU per key for the downs from the first meeting to the last, then as
    many ups, and the SQL statements run by those keys."""
    from prep.domain.clock import SystemClock
    from prep.store import open_store
    from prep.tui.app import PrepApp
    from prep.tui.widgets.agenda_list import AgendaList

    store = open_store(db_path)
    statements = 0

    def count(_sql: str) -> None:
        nonlocal statements
        statements += 1

    try:
        app = PrepApp(store, clock=SystemClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            agenda = app.screen.query_one(AgendaList)
            meetings = [o.id for o in agenda.options if o.id and o.id.startswith("m")]
            assert agenda.highlighted_option.id == meetings[0], "not on the first meeting"
            store.db.conn.set_trace_callback(count)
            down = await _press(pilot, "down", len(meetings) - 1)
            assert agenda.highlighted_option.id == meetings[-1], "down missed the last meeting"
            up = await _press(pilot, "up", len(meetings) - 1)
            store.db.conn.set_trace_callback(None)
            assert agenda.highlighted_option.id == meetings[0], "up missed the first meeting"
    finally:
        store.close()
    return down, up, statements


async def arrows_in_bare(presses: int) -> tuple[list[float], list[float]]:
    from bare_app import FullScreenApp

    app = FullScreenApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        down = await _press(pilot, "down", presses)
        up = await _press(pilot, "up", presses)
    return down, up


def arrow_rows(rounds: int) -> list[Row]:
    log(f"keys: down through the agenda's meetings and up again, {rounds} round(s), alternating")
    prep_down, prep_up, bare_all, statements = [], [], [], 0
    presses = 0  # as many for the bare app as prep had (its first round comes first)
    for i in range(rounds):
        for which in ["prep", "bare"] if i % 2 == 0 else ["bare", "prep"]:
            if which == "prep":
                down, up, n = asyncio.run(arrows_in_prep(common.app_db_copy()))
                prep_down += down
                prep_up += up
                statements += n
                presses = len(down)
            else:
                down, up = asyncio.run(arrows_in_bare(presses))
                bare_all += down + up
    prep_all, bare = Stat.of(prep_down + prep_up), Stat.of(bare_all)
    keys = len(prep_down) + len(prep_up)
    row = Row(
        "Arrow key CPU on the agenda, 5k meetings (info)",
        prep_all.show(),
        bare.show(),
        prep_all.median / bare.median,
        "—",
        None,
        details=[
            f"down from the first meeting to the last ({len(prep_down) // rounds} keys), then up"
            f" again, {rounds} round(s); baseline: as many keys in bare_app.FullScreenApp's"
            " 300-row list",
            f"prep down {Stat.of(prep_down).show()} (each person's open threads read once),"
            f" up {Stat.of(prep_up).show()} (all read already)",
            f"SQL statements per key: {statements / keys:.2f} ({statements} for {keys} keys)",
        ],
    )
    return [row]


def run(chars: int, rounds: int, saves: int) -> list[Row]:
    import bare_app  # noqa: F401 - import both apps' code before any timing

    import prep.tui.app
    import prep.tui.screens.checklist  # noqa: F401

    text = _text(chars)
    log(f"keys: {chars} characters x {rounds} round(s) into each app, alternating")
    prep_cpu, prep_wall, bare_cpu, bare_wall, save_times = [], [], [], [], []
    for i in range(rounds):
        order = ["prep", "bare"] if i % 2 == 0 else ["bare", "prep"]
        for which in order:
            if which == "prep":
                db = common.app_db_copy()
                cpu, wall, saved = asyncio.run(type_in_prep(db, text, saves))
                prep_cpu += cpu
                prep_wall += wall
                save_times += saved
            else:
                cpu, wall = asyncio.run(type_in_bare(text))
                bare_cpu += cpu
                bare_wall += wall
    pc, bc = Stat.of(prep_cpu), Stat.of(bare_cpu)
    pw, bw = Stat.of(prep_wall), Stat.of(bare_wall)
    st = Stat.of(save_times)
    return [
        ratio_row(
            f"Keystroke CPU, {chars} chars into checklist",
            pc,
            bc,
            TARGET,
            details=[
                f"per key, pooled over {rounds} round(s); wall per key (Pilot's fixed idle waits "
                f"included): prep {pw.show()}, bare {bw.show()}",
                f"total CPU for {chars} keys: prep {sum(prep_cpu) / rounds:.2f} s, "
                f"bare {sum(bare_cpu) / rounds:.2f} s per round",
            ],
        ),
        common.Row(
            "Save after a typing pause (info)",
            st.show(),
            "—",
            None,
            "—",
            None,
            details=[
                f"DebouncedSaver.flush() after one more key, {len(save_times)} times:"
                " set_field + readiness recount + step list redraw (no paint)"
            ],
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int)
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--arrows-only", action="store_true", help="only the agenda's arrow keys")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    chars = args.chars or (200 if args.quick else 500)
    rounds = args.rounds or (1 if args.quick else 2)
    rows = [] if args.arrows_only else run(chars, rounds, saves=10 if args.quick else 20)
    common.emit(rows + arrow_rows(rounds), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
