"""Issue 15 item 8: the coaching-up note is tried, and says how it went.

Meeting A's debrief left a note; the debrief of meeting B (the next with the
same person) shows it and asks "did you try it?". Answered, the note stops
following the person: the agenda's detail for meeting C and C's brief no
longer list it (both read `open_threads`).
"""

from __future__ import annotations

from textual.widgets import Static

from prep.domain.models import MeetingDraft
from prep.store.exports import brief_markdown
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.debrief import SECTIONS, DebriefScreen
from prep.tui.widgets.coaching_tried import CoachingTriedRow
from prep.tui.widgets.meeting_detail import MeetingDetail
from tests.helpers import NOW, at
from tests.tui.conftest import SIZE, burst, rows
from tests.tui.test_call import open_agenda_on

NOTE = "Send the agenda a day ahead"
# From the debrief's top: the last section ("Next meeting"), then back one
# to "Coaching up", whose first field is "Did you try it?". (PgDn passes
# over a section with nothing to focus, so counting down would not do.)
assert SECTIONS[-2:] == ["coaching", "next"]
TO_COACHING = ["pagedown"] * len(SECTIONS) + ["pageup"]


def seed(store) -> tuple[int, int, int]:
    """Dana: A (ten days ago, its debrief left NOTE), B (yesterday, to be
    debriefed) and C (in three days). Returns their ids."""
    a = store.add_meeting(MeetingDraft("Roadmap", "Dana Whitfield", at(-10, 10))).id
    b = store.add_meeting(MeetingDraft("Budget", "Dana Whitfield", at(-1, 10))).id
    c = store.add_meeting(MeetingDraft("Launch", "Dana Whitfield", at(3, 10))).id
    store.debriefs.set_field(a, "coaching_note", NOTE)
    return a, b, c


def detail(app) -> str:
    return str(app.screen.query_one(MeetingDetail).query_one("#detail-body", Static).render())


def brief(store, meeting_id: int) -> str:
    return brief_markdown(store, store.meeting(meeting_id), NOW)


async def test_the_note_from_last_time_is_tried_in_the_next_debrief(make_app, store, db_path):
    a, b, c = seed(store)
    assert f"Coaching up: {NOTE}" in brief(store, c)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda_on(pilot, c)
        assert f"Coaching up: {NOTE}" in detail(app)
        await open_agenda_on(pilot, b)
        # b opens the debrief; PgDn to the last section and PgUp back to
        # "Coaching up" focuses "Did you try it?"; 2 is "It worked"; escape
        # leaves. All sent at once.
        await burst(pilot, "b", *TO_COACHING, "2")
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        shown = str(screen.query_one(CoachingTriedRow).query_one(Static).render())
        print(shown)
        assert shown == f"Last time you planned: {NOTE}"
        await burst(pilot, "escape")
        assert isinstance(app.screen, AgendaScreen)
        stored = rows(
            db_path, "SELECT coaching_tried_in, coaching_outcome FROM debriefs WHERE meeting_id = ?",
            (a,),
        )  # fmt: skip
        print(stored)
        assert stored == [(b, "worked")]
        await open_agenda_on(pilot, c)
        assert "Coaching up" not in detail(app)
    assert "Coaching up" not in brief(store, c)


async def test_reopened_the_debrief_shows_the_answer_and_not_yet_takes_it_back(
    make_app, store, db_path
):
    a, b, c = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda_on(pilot, b)
        await burst(pilot, "b", *TO_COACHING, "3", "escape")  # 3: partly
        await open_agenda_on(pilot, b)
        await burst(pilot, "b", *TO_COACHING)
        choice = app.screen.query_one("#coaching-tried-choice")
        assert app.focused is choice
        assert choice.value == "partly"  # the answer given, still shown
        await burst(pilot, "1", "escape")  # 1: not yet
    stored = rows(
        db_path, "SELECT coaching_tried_in, coaching_outcome FROM debriefs WHERE meeting_id = ?",
        (a,),
    )  # fmt: skip
    print(stored)
    assert stored == [(None, None)]
    assert f"Coaching up: {NOTE}" in brief(store, c)  # open again
