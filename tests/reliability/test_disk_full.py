"""A full disk: the message says so (not "damaged"), what was saved stays intact,
and saving works again once there is space.

The disk is filled two ways. `PRAGMA max_page_count` caps the database file
on the store's own connection (SQLite then fails exactly as on a full disk,
SQLITE_FULL), which needs no privileges. A real 3 MB tmpfs is also mounted
when the machine allows it (root with mount rights), so the `prep` command
meets a real ENOSPC, including a checkpoint cut short; that case is skipped
cleanly where mount is not allowed.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from prep.domain.models import MeetingDraft
from prep.store import StoreError
from prep.tui.app import PrepApp
from prep.tui.screens.checklist import ChecklistScreen
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows

NOTES = "y" * 4000


def _cap_at_current_size(store) -> int:
    pages = store.query("PRAGMA page_count")[0]["page_count"]
    store.query(f"PRAGMA max_page_count = {pages}")
    return pages


def test_a_full_disk_refuses_saves_in_words_keeps_rows_and_recovers(store, runs):
    for i in range(20):
        store.add_counterpart(f"Before {i}", organisation=NOTES)
    pages = _cap_at_current_size(store)
    saved, refused, messages = 0, 0, set()
    for i in range(5 * runs):
        try:
            store.add_counterpart(f"While full {i}", organisation=NOTES)
            saved += 1
        except StoreError as error:
            refused += 1
            messages.add(str(error))
    intact = store.integrity_problem() is None
    people_while_full = len(store.counterparts())
    store.query(f"PRAGMA max_page_count = {pages * 1000}")  # space again
    for i in range(runs):
        store.add_counterpart(f"After {i}", organisation=NOTES)
    people_after = len(store.counterparts())
    print(
        f"\nmax_page_count {pages}: {saved} saves fitted, {refused} refused "
        f"({len(messages)} distinct message), integrity {'ok' if intact else 'FAILED'}, "
        f"{people_while_full} people kept; after space returned "
        f"{people_after - people_while_full} of {runs} saves succeeded"
    )
    assert refused > 0
    assert all(m.startswith("The disk is full") and "damaged" not in m for m in messages)
    assert intact and people_while_full == 20 + saved
    assert people_after == people_while_full + runs
    assert store.integrity_problem() is None


async def test_the_app_says_the_disk_is_full_keeps_the_text_and_saves_it_later(
    store, clock, db_path
):
    meeting = store.add_meeting(MeetingDraft("Scope change", "Dana", at(1, 10)))
    app = PrepApp(store, clock=clock)
    text = "What I might hold back: " + "the slip in the date, " * 1000
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("tab")  # to "What you might hold back"
        await pilot.pause(0.5)  # the warm-up's daily integrity check has written its date
        pages = _cap_at_current_size(store)
        await paste(pilot, text)
        await pilot.pause(0.6)  # past the save delay: the save meets the full disk
        for key in "ab":  # more typing while full: kept on screen, retried by the saver
            await pilot.press("end", key, "backspace")
            await pilot.pause(0.6)
        warnings = [n.message for n in app._notifications if n.message.startswith("Not saved yet")]
        on_screen = app.focused.value if app.focused is not None else None
        store.query(f"PRAGMA max_page_count = {pages * 1000}")  # space again
        await pilot.press("end", "!")
        # The saver retries on its own back-off timer (1, 2, 4, 8 s): wait
        # for it, pressing nothing more.
        saved, waited = None, 0.0
        while waited < 20 and saved != text + "!":
            await pilot.pause(0.25)
            waited += 0.25
            found = rows(
                db_path, "SELECT holding_back FROM checklists WHERE meeting_id = ?", (meeting.id,)
            )
            saved = found[0][0] if found else None
    print(
        f"\napp on a full disk: 3 pauses in typing while full, {len(warnings)} warnings "
        f"shown, text kept on screen: {on_screen == text}, "
        f"saved by itself {waited:.1f} s after space returned: {saved == text + '!'}"
    )
    assert warnings and all("The disk is full" in w and "damaged" not in w for w in warnings)
    assert on_screen == text
    assert saved == text + "!"


# -- a real full disk: a small tmpfs, where mount is allowed --------------------------


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _prep(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prep", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def _fill(folder: Path, leave: int, name: str = "filler") -> Path:
    """A file taking all but `leave` bytes of the disk's free space."""
    filler = folder / name
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
    return filler


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("prep: "), result.stderr
    return lines[0]


def test_prep_on_a_really_full_disk_says_so_and_recovers_when_space_returns(small_disk):
    db = small_disk / "prep.db"
    assert _prep(db, "demo").returncode == 0
    filler = _fill(small_disk, leave=256 * 1024)
    added, failures = 0, []
    for i in range(60):
        result = _prep(
            db,
            "add",
            f"Meeting {i}",
            "--with",
            f"Person {i}",
            "--at",
            "2030-01-07 10:00",
            "--notes",
            "n" * 20000,
        )
        if result.returncode == 0:
            added += 1
        else:
            failures.append(result.stderr.strip())
    header_pages = int.from_bytes(db.read_bytes()[28:32], "big")
    short = db.stat().st_size < header_pages * 4096
    last_bytes = _fill(small_disk, leave=0, name="the-last-bytes")
    listing_while_full = _prep(db, "list", "--all")  # not even room for SQLite's -shm file
    filler.unlink()  # space returns
    last_bytes.unlink()
    listing = _prep(db, "list", "--all")
    again = _prep(db, "add", "After", "--with", "Dana", "--at", "2030-01-08 10:00")
    conn = sqlite3.connect(db)
    meetings = conn.execute(
        "SELECT count(*) FROM meetings WHERE title LIKE 'Meeting %'"
    ).fetchone()[0]
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    print(
        f"\n3 MB tmpfs: {added} of 60 `prep add` fitted, {len(failures)} refused "
        f"({sum('disk is full' in f for f in failures)} saying the disk is full, "
        f"{sum('damaged' in f for f in failures)} saying damaged); main file shorter than "
        f"its header: {short}; list on a disk with 0 bytes free: exit "
        f"{listing_while_full.returncode} {listing_while_full.stderr.strip()[:60]!r}; "
        f"after freeing: list exit {listing.returncode}, add exit {again.returncode}, "
        f"{meetings} of {added} meetings kept, integrity_check {integrity}"
    )
    assert failures, "the disk never filled"
    assert all(
        f.startswith("prep: ") and "disk is full" in f and "damaged" not in f and "\n" not in f
        for f in failures
    ), failures[:3]
    if listing_while_full.returncode:
        assert "disk is full" in _one_line(listing_while_full)
    assert listing.returncode == 0 and again.returncode == 0, listing.stderr + again.stderr
    assert meetings == added and integrity == "ok"
