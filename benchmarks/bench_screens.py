"""Screen changes and back, against the frame every screen has; memory after many.

In-process, through Textual's `run_test` at 120x36, over a private copy of the
5,000-meeting database. Each change is one key on the screen before it:

    checklist   `p` on an upcoming meeting whose checklist is started
    brief       `PgDn` from checklist step 4 to the brief
    call        `c` on that meeting with the clock moved 10 minutes into it
    debrief     `b` on the agenda's first meeting needing a debrief
    review      `r` on the agenda; the week loads in a worker thread, so the
                change ends when that worker is done and its result is drawn
    people      `o` on the agenda
    back        `escape` from each of them to the agenda (one figure per screen)

A session visits them several times, alternating between two meetings of
each kind: the first visit of a session builds each screen (printed as
"built, first of a session"); the later ones refill the kept screen with
the other meeting's data (prep.tui.kept_screens), which is what every
opening after the first costs.

The baseline is `f` in bare_app.BareScreenApp, which pushes `FrameScreen`:
Textual's Header, Footer and one Label, the frame every prep screen has
(and `escape` from it, for the changes back). An empty `Screen` (`s`) is
shown too. Every change is timed from sending the key until the process is
idle again and the screen has been painted (the key is sent as `pilot.press`
sends it, then Textual's wait-for-idle, then a forced compositor refresh,
which is what `pilot.pause()` ends with). Compared is the process CPU time of
that span; its wall time includes at least 40 ms of idle-detection sleeps on
both sides, so it is shown as a detail. Sessions alternate prep/bare.

Memory: a fresh process of each app, prep visiting every screen above for 20
different meetings, the bare app pushing and popping the frame 20 times;
compared is the peak resident memory (VmHWM) at the end, the resident memory
now (VmRSS) is shown too, as is prep's after the first meeting (what keeping
screens alive would add shows as growth from there to the twentieth).

    python benchmarks/bench_screens.py [--rounds 3] [--reps 5] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import common
from common import SIZE, Row, Stat, log, ratio_row

TARGET = 2.0  # issue 16; stretch 1.5
MEMORY_TARGET = 1.3
MEMORY_MEETINGS = 20
CHANGES = ["checklist", "brief", "call", "debrief", "review", "people"]
# Each screen's way back to the agenda (the brief is the checklist's last step).
BACKS = ["checklist", "call", "debrief", "review", "people"]


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


def _upcoming_started(store, now, count: int):
    """`count` upcoming meetings with a started checklist (no carry-over
    question), starting checklists in this private copy if too few are."""
    upcoming = [m for m in store.meetings_from(now, limit=300) if m.starts_at > now][: count * 3]
    started = [m for m in upcoming if store.checklists.get(m.id).started]
    for meeting in upcoming:
        if len(started) >= count:
            break
        if meeting not in started:
            store.checklists.set_field(meeting.id, "holding_back", "Budget")
            started.append(meeting)
    if len(started) < count:
        raise RuntimeError(f"fewer than {count} upcoming meetings in the generated data")
    return started[:count]


def _targets(store, now):
    """Two meetings to prepare and two to debrief, all on today's agenda: the
    visits alternate between them, so a kept screen is refilled with another
    meeting's data each time."""
    from prep.domain.agenda import DEBRIEF_WINDOW, GroupKind, build_agenda

    upcoming = _upcoming_started(store, now, 2)
    groups = build_agenda(store.meetings_from(now - DEBRIEF_WINDOW, limit=300), now)
    to_debrief = [m for g in groups if g.kind is GroupKind.DEBRIEF for m in g.meetings]
    if len(to_debrief) < 2:
        raise RuntimeError("fewer than 2 meetings need a debrief in the generated data")
    with_asks = [m for m in to_debrief if store.checklists.get(m.id).asks]
    return upcoming, (with_asks + [m for m in to_debrief if m not in with_asks])[:2]


class PrepDriver:
    """prep in `run_test`, with the keys that change screens from the agenda."""

    def __init__(self, app, clock) -> None:
        self.app = app
        self.clock = clock

    async def select(self, meeting) -> None:
        from prep.tui.screens.agenda import AgendaScreen
        from prep.tui.widgets.agenda_list import AgendaList

        app = self.app
        assert isinstance(app.screen, AgendaScreen), app.screen
        agenda = app.screen.query_one(AgendaList)
        agenda.focus()
        agenda.highlighted = agenda.get_option_index(f"m{meeting.id}")
        await _settled(app)

    async def visit(self, upcoming, to_debrief, timed) -> None:
        """Every screen once, from the agenda and back; `timed(name, key, then)`
        presses the key (timing it or not)."""
        from prep.tui.screens.agenda import AgendaScreen
        from prep.tui.screens.call import CallScreen
        from prep.tui.screens.checklist import ChecklistScreen
        from prep.tui.screens.debrief import DebriefScreen
        from prep.tui.screens.people import PeopleScreen
        from prep.tui.screens.review import ReviewScreen

        app = self.app

        async def review_loaded() -> None:
            await app.workers.wait_for_complete()

        async def back(name: str) -> None:
            await timed(f"back from {name}", "escape", None)
            assert isinstance(app.screen, AgendaScreen), (name, app.screen)

        await self.select(upcoming)
        await timed("checklist", "p", None)
        assert isinstance(app.screen, ChecklistScreen), app.screen
        for _ in range(3):
            await _key(app, "pagedown")
        await timed("brief", "pagedown", None)
        assert app.screen.query_one("#panes").current == "brief"
        await back("checklist")

        now = self.clock.instant
        self.clock.instant = upcoming.starts_at + timedelta(minutes=10)  # under way
        await self.select(upcoming)
        await timed("call", "c", None)
        assert isinstance(app.screen, CallScreen), app.screen
        self.clock.instant = now
        await back("call")

        if to_debrief is not None:
            await self.select(to_debrief)
            await timed("debrief", "b", None)
            assert isinstance(app.screen, DebriefScreen), app.screen
            await back("debrief")

        await timed("review", "r", review_loaded)
        assert isinstance(app.screen, ReviewScreen), app.screen
        assert app.screen.markdown, "the review did not load"
        await back("review")

        await timed("people", "o", None)
        assert isinstance(app.screen, PeopleScreen), app.screen
        await back("people")


def _fixed_clock():
    from prep.domain.clock import FixedClock, SystemClock

    # Fixed, so the call screen can be opened 10 minutes into a meeting.
    return FixedClock(SystemClock().now())


async def prep_session(db_path, reps: int) -> dict[str, list[tuple[float, float]]]:
    from prep.store import open_store
    from prep.tui.app import PrepApp

    store = open_store(db_path)
    samples: dict[str, list[tuple[float, float]]] = {"no-op key": []}
    try:
        clock = _fixed_clock()
        upcoming, to_debrief = _targets(store, clock.now())
        app = PrepApp(store, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            driver = PrepDriver(app, clock)
            for rep in range(reps):
                samples["no-op key"].append(await _timed(app, "f12"))

                async def timed(name: str, key: str, then, rep=rep) -> None:
                    # A session's first change to a screen builds it; the
                    # later ones refill the kept screen (prep.tui.kept_screens).
                    kind = name if name.startswith("back") or rep else f"{name} (first)"
                    samples.setdefault(kind, []).append(await _timed(app, key, then))

                await driver.visit(upcoming[rep % 2], to_debrief[rep % 2], timed)
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
        "back from frame": [],
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
            samples["back from frame"].append(await _timed(app, "escape"))
    return samples


# -- memory: a fresh process per app -----------------------------------------------


def _memory_now() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in kB."""
    status = Path("/proc/self/status").read_text()
    return {
        line.split(":")[0]: int(line.split()[1])
        for line in status.splitlines()
        if line.startswith(("VmRSS:", "VmHWM:"))
    }


def _meetings_to_visit(store, now, count: int):
    """`count` upcoming meetings on the agenda with a started checklist, and as
    many past ones to debrief."""
    upcoming = _upcoming_started(store, now, count)
    past = [m for m in store.meetings_from(now - timedelta(days=90)) if m.starts_at < now]
    if len(past) < count:
        raise RuntimeError(f"fewer than {count} meetings to visit in the generated data")
    return upcoming, past[-count:]


async def _prep_memory(db_path: Path, count: int) -> dict[str, dict[str, int]]:
    from prep.store import open_store
    from prep.tui.app import PrepApp
    from prep.tui.meeting_screens import open_debrief

    store = open_store(db_path)
    found: dict[str, dict[str, int]] = {}
    try:
        clock = _fixed_clock()
        upcoming, past = _meetings_to_visit(store, clock.now(), count)
        app = PrepApp(store, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            found["started"] = _memory_now()
            driver = PrepDriver(app, clock)

            async def press(name: str, key: str, then) -> None:
                await app._press_keys([key])
                if then is not None:
                    await then()
                await _settled(app)

            for n, (ahead, behind) in enumerate(zip(upcoming, past, strict=True), 1):
                # The agenda shows only recent meetings to debrief: `b` on
                # one does what is done here, for any past meeting.
                await driver.visit(ahead, None, press)
                await open_debrief(app, behind, lambda _: None)
                await _settled(app)
                await press("back", "escape", None)
                if n == 1:
                    found["after 1 meeting"] = _memory_now()
            found[f"after {count} meetings"] = _memory_now()
    finally:
        store.close()
    return found


async def _bare_memory(count: int) -> dict[str, dict[str, int]]:
    from bare_app import BareScreenApp

    found: dict[str, dict[str, int]] = {}
    app = BareScreenApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found["started"] = _memory_now()
        for _ in range(count):
            await _key(app, "f")
            await _key(app, "escape")
        found[f"after {count} frames"] = _memory_now()
    return found


def memory_child(which: str, count: int) -> None:
    """Run in a fresh process (`--memory-child`): print what it measured as JSON."""
    if which == "prep":
        import prep.tui.app  # noqa: F401 - as the timed sessions do

        found = asyncio.run(_prep_memory(common.app_db_copy(), count))
    else:
        found = asyncio.run(_bare_memory(count))
    print("@@MEMORY@@" + json.dumps(found))


def measure_memory(count: int) -> dict[str, dict[str, dict[str, int]]]:
    results = {}
    for which in ("bare", "prep"):
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", which, "--meetings", str(count)],
            capture_output=True,
            text=True,
            check=True,
        )
        line = next(x for x in done.stdout.splitlines() if x.startswith("@@MEMORY@@"))
        results[which] = json.loads(line[len("@@MEMORY@@") :])
    return results


def memory_row(count: int) -> Row:
    found = measure_memory(count)
    prep_end = found["prep"][f"after {count} meetings"]
    bare_end = found["bare"][f"after {count} frames"]
    mib = 1024.0

    def show(kb: int) -> str:
        return f"{kb / mib:.1f} MiB"

    ratio = prep_end["VmHWM"] / bare_end["VmHWM"]
    first = found["prep"]["after 1 meeting"]["VmRSS"]
    details = [
        f"peak (VmHWM) after visiting every screen for {count} meetings: prep"
        f" {show(prep_end['VmHWM'])}, bare app after {count} frames {show(bare_end['VmHWM'])}",
        f"resident now (VmRSS): prep {show(prep_end['VmRSS'])} (at the agenda"
        f" {show(found['prep']['started']['VmRSS'])}, after 1 meeting {show(first)},"
        f" so {(prep_end['VmRSS'] - first) / mib / max(count - 1, 1):.2f} MiB per further"
        f" meeting); bare {show(bare_end['VmRSS'])}",
        "one fresh process each, in-process run_test at 120x36 (the bare app imports"
        " Textual's test driver too)",
    ]
    return Row(
        f"Memory after every screen for {count} meetings (VmHWM)",
        show(prep_end["VmHWM"]),
        show(bare_end["VmHWM"]),
        ratio,
        f"≤ {MEMORY_TARGET:g}",
        ratio <= MEMORY_TARGET,
        details,
    )


# -- the table -----------------------------------------------------------------------


def _cpu(samples: list[tuple[float, float]]) -> Stat:
    return Stat.of([c for c, _ in samples])


def _wall(samples: list[tuple[float, float]]) -> Stat:
    return Stat.of([w for _, w in samples])


def run(rounds: int, reps: int, memory_meetings: int) -> list[Row]:
    import bare_app  # noqa: F401 - load all code before timing anything

    import prep.tui.app
    import prep.tui.screens.call
    import prep.tui.screens.checklist
    import prep.tui.screens.debrief
    import prep.tui.screens.people
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
    frame, frame_back = _cpu(bare_all["frame"]), _cpu(bare_all["back from frame"])
    empty = _cpu(bare_all["empty screen"])
    rows = []
    names = [*CHANGES, *(f"{c} (first)" for c in CHANGES), *(f"back from {b}" for b in BACKS)]
    for name in names:
        back = name.startswith("back")
        base, base_wall = (
            (frame_back, _wall(bare_all["back from frame"]))
            if back
            else (frame, _wall(bare_all["frame"]))
        )
        cpu, wall = _cpu(prep_all[name]), _wall(prep_all[name])
        details = [
            f"{cpu.median * 1000:.0f} ms CPU for prep, {base.median * 1000:.0f} ms for the"
            f" frame; wall, key to painted: prep {wall.show()}, frame {base_wall.show()}"
        ]
        if name == CHANGES[0]:
            noop_prep, noop_bare = prep_all["no-op key"], bare_all["no-op key"]
            details.append(
                f"a key that does nothing (f12) costs {_cpu(noop_prep).show()} CPU,"
                f" {_wall(noop_prep).show()} wall in prep; {_cpu(noop_bare).show()} CPU,"
                f" {_wall(noop_bare).show()} wall in bare (the floor of the method)"
            )
            details.append(
                f"{len(prep_all[name])} refills of each kind and {rounds} first builds,"
                f" {rounds} session(s) per app after one unmeasured session each; each"
                " session alternates between two meetings of each kind"
            )
            details.append(
                f"an empty Screen costs {empty.show()} CPU; the frame"
                f" {frame.median / empty.median:.1f}x that; target ≤ {TARGET:g}x the frame"
                " (stretch 1.5x)"
            )
        if back:
            label = f"Screen change: {name} → agenda"
        elif name.endswith("(first)"):
            label = f"Screen change: → {name.removesuffix(' (first)')}, built (first of a session)"
        else:
            label = f"Screen change: → {name}, kept screen refilled (another meeting)"
        rows.append(ratio_row(label, cpu, base, TARGET, details=details))
    if memory_meetings:
        log(f"screens: memory after {memory_meetings} meetings, one process per app")
        rows.append(memory_row(memory_meetings))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--reps", type=int)
    parser.add_argument("--meetings", type=int, default=MEMORY_MEETINGS)
    parser.add_argument("--memory-child", choices=["prep", "bare"])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.meetings)
        return 0
    rounds = args.rounds or (1 if args.quick else 3)
    reps = args.reps or (4 if args.quick else 5)
    common.emit(run(rounds, reps, args.meetings), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
