"""Save-as-you-type under stress, by keyboard: steady typing, a busy database,
leaving the screen at once, and a second writer on the same file.

Every test reads the SQLite file with plain sqlite3 (`rows`) for what is
really saved. Time is measured with time.monotonic only to say which keys
are old enough to be saved by now; each figure is printed.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from prep.domain.models import MeetingDraft
from prep.store import open_store, opening
from prep.tui.app import PrepApp
from prep.tui.saving import RETRY_DELAYS, SAVE_AT_LEAST_EVERY, SAVE_DELAY
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.meeting_form import MeetingFormScreen
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows

# Keys this far apart never pause long enough for SAVE_DELAY.
KEY_GAP = 0.15
TYPING_FOR = 2.0
# Keys older than this must be in the file while typing goes on: the saver's
# promise plus room for a slow, shared machine.
SAVED_WITHIN = SAVE_AT_LEAST_EVERY + 0.5
QUICK_BUSY_TIMEOUT = 0.2


def holding_back(db_path: Path) -> str | None:
    found = rows(db_path, "SELECT holding_back FROM checklists")
    return found[0][0] if found else None


def notices(app: PrepApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def open_holding_back(pilot) -> ChecklistScreen:
    """The checklist of the only meeting, focus in its "Holding back" field."""
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ChecklistScreen)
    await pilot.press("tab")
    assert pilot.app.focused.id == "holding_back"
    return screen


async def test_steady_typing_is_saved_while_it_goes_on(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Steady", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_holding_back(pilot)
        typed = ""
        key_times: list[float] = []
        reads = saved_while_typing = 0
        worst_gap = 0.0  # longest pause between keys, to show there was none
        started = time.monotonic()
        letters = "steady typing without a pause "
        while time.monotonic() - started < TYPING_FOR:
            letter = letters[len(typed) % len(letters)]
            await pilot.press("space" if letter == " " else letter)
            now = time.monotonic()
            if key_times:
                worst_gap = max(worst_gap, now - key_times[-1])
            typed += letter
            key_times.append(now)
            stored = holding_back(db_path) or ""
            reads += 1
            assert typed.startswith(stored)
            old_enough = sum(1 for moment in key_times if now - moment > SAVED_WITHIN)
            assert len(stored) >= old_enough, (
                f"{old_enough} keys typed over {SAVED_WITHIN} s ago, {len(stored)} saved"
            )
            saved_while_typing = len(stored)
            await pilot.pause(KEY_GAP)
        print(
            f"\nsteady typing: {len(typed)} keys over {TYPING_FOR} s, longest gap "
            f"{worst_gap:.2f} s, {saved_while_typing} saved before the last key "
            f"({reads} reads of the file)"
        )
        assert saved_while_typing > 0
        await pilot.pause(SAVE_DELAY + 0.3)
        assert holding_back(db_path) == typed


@pytest.fixture
def quick_busy_db(monkeypatch, db_path: Path, clock) -> Iterator[Path]:
    """A store whose connection gives up on a held lock after 0.2 s, not 5 s,
    so a held lock fails a save quickly (the knob is opening's
    BUSY_TIMEOUT_SECONDS, read when the connection is made)."""
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_SECONDS", QUICK_BUSY_TIMEOUT)
    quick = open_store(db_path, clock=clock)
    quick.add_meeting(MeetingDraft("Busy", "Dana", at(1, 10)))
    yield quick
    quick.close()


def hold_write_lock(db_path: Path) -> sqlite3.Connection:
    """Another program taking the write lock and keeping it."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


async def test_a_refused_save_retries_by_itself_once_the_lock_is_released(
    quick_busy_db, clock, db_path
):
    app = PrepApp(quick_busy_db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_holding_back(pilot)
        other = hold_write_lock(db_path)
        try:
            await pilot.press(*"Kept")
            await pilot.pause(SAVE_DELAY + QUICK_BUSY_TIMEOUT + 0.3)
            assert screen.saver.retrying
            assert any(
                n.startswith("Not saved yet: the database is busy")
                and f"Retrying in {RETRY_DELAYS[0]:g} s" in n
                for n in notices(app)
            )
            # Typing meanwhile joins the retry.
            await pilot.press(*" safe")
            await pilot.pause(SAVE_DELAY + 0.1)
        finally:
            other.rollback()
            other.close()
        assert holding_back(db_path) in (None, "")
        waited = 0.0
        while holding_back(db_path) != "Kept safe" and waited < 4 * sum(RETRY_DELAYS):
            await pilot.pause(0.1)
            waited += 0.1
        print(f"\nheld lock: saved {waited:.1f} s after the release, by itself")
        assert holding_back(db_path) == "Kept safe"
        assert not screen.saver.retrying
        assert any(n.startswith("Saved.") for n in notices(app))


async def test_the_retries_back_off(quick_busy_db, clock, db_path):
    app = PrepApp(quick_busy_db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_holding_back(pilot)
        other = hold_write_lock(db_path)
        try:
            await pilot.press("x")
            await pilot.pause(
                SAVE_DELAY + QUICK_BUSY_TIMEOUT + RETRY_DELAYS[0] + QUICK_BUSY_TIMEOUT + 0.5
            )
        finally:
            other.rollback()
            other.close()
        retries = [n for n in notices(app) if n.startswith("Not saved yet")]
        print(f"\nback-off: {len(retries)} notices: {[n.split('. ')[1] for n in retries]}")
        assert [f"Retrying in {RETRY_DELAYS[i]:g} s" in n for i, n in enumerate(retries)] == [
            True
        ] * len(retries)
        assert len(retries) >= 2


async def test_leaving_at_once_saves_what_was_typed(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Leaving", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_holding_back(pilot)
        await pilot.press(*"Gone")  # key by key, the save still waiting
        await pilot.press("escape")
        assert holding_back(db_path) == "Gone"

        await open_holding_back(pilot)
        await pilot.press("end", *" too")
        await pilot.press("ctrl+p")  # another screen covers the checklist
        assert holding_back(db_path) == "Gone too"


async def test_a_form_draft_is_saved_when_a_dialog_covers_the_form(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MeetingFormScreen)
        await paste(pilot, "Draft title")
        await pilot.press("escape")  # "Discard your changes?"
        drafts = rows(db_path, "SELECT payload FROM drafts")
        assert len(drafts) == 1 and '"Draft title"' in drafts[0][0]


async def test_a_form_draft_is_saved_during_steady_typing(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        started = time.monotonic()
        typed = 0
        while time.monotonic() - started < SAVED_WITHIN + KEY_GAP * 2:
            await pilot.press("a")
            typed += 1
            await pilot.pause(KEY_GAP)
        drafts = rows(db_path, "SELECT payload FROM drafts")
        print(f"\nform draft: {typed} keys, draft saved before the last: {bool(drafts)}")
        assert len(drafts) == 1 and '"aaa' in drafts[0][0]


async def test_a_field_changed_by_another_window_is_shown_on_focus_and_not_clobbered_silently(
    make_app, store, clock, db_path
):
    meeting = store.add_meeting(MeetingDraft("Two windows", "Dana", at(1, 10)))
    other = open_store(db_path, clock=clock)  # the other window's connection
    app = make_app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")
            await pilot.pause()
            field = app.screen.query_one("#holding_back", Input)
            assert field.value == ""

            other.checklists.set_field(meeting.id, "holding_back", "From the other window")
            await pilot.press("tab")  # focus: the field shows the newer text, and says so
            assert app.focused is field
            assert field.value == "From the other window"
            assert any("“Holding back” was changed in another window" in n for n in notices(app))
            await pilot.press("end", *" too")
            await pilot.pause(SAVE_DELAY + 0.2)
            assert holding_back(db_path) == "From the other window too"
            assert not any("also changed" in n for n in notices(app))

            # The other window writes while this one is typing: this one's text
            # is saved, and the person hears what the other had written.
            other.checklists.set_field(meeting.id, "holding_back", "A rival edit")
            await pilot.press("!")
            await pilot.pause(SAVE_DELAY + 0.2)
            assert holding_back(db_path) == "From the other window too!"
            clash = [n for n in notices(app) if "also changed in another window" in n]
            assert clash and "“A rival edit”" in clash[0]
    finally:
        other.close()


async def test_leaving_the_screen_while_the_lock_is_held_still_saves_after_release(
    quick_busy_db, clock, db_path
):
    app = PrepApp(quick_busy_db, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_holding_back(pilot)
        other = hold_write_lock(db_path)
        try:
            await paste(pilot, "Typed then left")
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ChecklistScreen)
            assert any(n.startswith("Not saved yet") for n in notices(app))
        finally:
            other.rollback()
            other.close()
        waited = 0.0
        while holding_back(db_path) != "Typed then left" and waited < 4 * sum(RETRY_DELAYS):
            await pilot.pause(0.1)
            waited += 0.1
        print(f"\nleft while locked: saved by the app {waited:.1f} s after the release")
        assert holding_back(db_path) == "Typed then left"
        assert any(n.startswith("Saved.") for n in notices(app))


async def test_keys_arriving_as_focus_moves_are_kept(make_app, store, db_path):
    """A terminal delivers keys as fast as they are typed: the letters after a
    Tab reach the field before the screen hears about the focus. Checking for
    another window's text then (on DescendantFocus) wiped them: all three here."""
    store.add_meeting(MeetingDraft("Fast", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        field = app.screen.query_one("#holding_back", Input)
        app.screen.set_focus(field)  # what Tab does
        for letter in "run":  # queued at once, as a terminal's keys are
            key = events.Key(letter, letter)
            key.set_sender(app)
            app._driver.send_message(key)
        await pilot.pause(SAVE_DELAY + 0.3)
        assert field.value == "run"
        assert holding_back(db_path) == "run"
        assert not any("another window" in n for n in notices(app))


async def test_a_save_overdue_by_the_once_a_second_rule_runs_at_once_without_error(store, clock):
    """Typing that goes on past the 1 s deadline (a slow machine, or a clock
    moved under faketime) schedules the save at once: a zero-length timer
    made Textual divide by zero."""
    from prep.tui.saving import DebouncedSaver

    saved = []
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        saver = DebouncedSaver(app.screen)
        saver._unsaved_since = time.monotonic() - 5 * SAVE_AT_LEAST_EVERY  # long overdue
        saver.schedule("field", lambda: saved.append("text"))
        await pilot.pause(0.2)
        assert saved == ["text"]
        saver.schedule("field", lambda: saved.append("more"))  # and stopping its timer is clean
    assert saved[0] == "text"
