"""Two writers on one file take turns: no write fails because another committed."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from prep.domain.clock import FixedClock
from prep.domain.models import MeetingDraft
from prep.store import StoreError, open_store
from tests.helpers import NOW, at

WRITERS = 4
MEETINGS_EACH = 50


def _writer(path: str, writer: int, start, failures) -> None:
    store = open_store(Path(path), clock=FixedClock(NOW))
    start.wait()
    try:
        for n in range(MEETINGS_EACH):
            try:
                # add_meeting reads (is the person new?) before it writes: the
                # case a deferred BEGIN lost to "database is locked".
                meeting = store.add_meeting(
                    MeetingDraft(
                        title=f"w{writer} m{n}",
                        counterpart_name=f"Person {n % 3}",
                        starts_at=at(1, 10),
                    )
                )
                store.checklists.set_field(meeting.id, "they_expect", f"from {writer}")
            except StoreError:
                failures.value += 1
    finally:
        store.close()


def test_writers_in_other_processes_wait_their_turn_instead_of_failing(db_path):
    open_store(db_path).close()  # created and migrated before the race
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WRITERS)
    failures = context.Value("i", 0)
    processes = [
        context.Process(target=_writer, args=(str(db_path), w, start, failures))
        for w in range(WRITERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0] * WRITERS
    conn = sqlite3.connect(db_path)
    try:
        meetings = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
        people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
        expectations = conn.execute(
            "SELECT count(*) FROM checklists WHERE they_expect LIKE 'from %'"
        ).fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    print(
        f"\n{WRITERS} writers x {MEETINGS_EACH}: {failures.value} failed, "
        f"{meetings} meetings, {people} people"
    )
    assert failures.value == 0
    assert meetings == expectations == WRITERS * MEETINGS_EACH
    assert people == 3  # no duplicate person from two writers creating the same name
    assert integrity == "ok"
