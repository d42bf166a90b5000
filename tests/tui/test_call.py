"""The call screen by keyboard: ticks and notes that pre-fill the debrief.

Keys go in bursts (no pause between them), as a person glancing between
the screen and the conversation types. What a test checks afterwards is
read from the SQLite file with plain sqlite3 and from the debrief screen
a person would open next.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Static, TextArea

from prep.domain.checklist import Confidence
from prep.domain.debrief import AskAnswer
from prep.domain.models import MeetingDraft
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.call import CallScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.debrief import DebriefScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.call_asks import CallAsks
from prep.tui.widgets.debrief_rows import AskResultRow
from tests.helpers import NOW, at
from tests.tui.conftest import burst, rows, typed

SIZES = [(80, 24), (120, 36)]
NOTES = "Budget ok if phase two waits"


def seed_call(store) -> tuple[int, int, int, int]:
    """A meeting with Dana under way at NOW (13:45-14:45), prepared with three
    asks, a deadline range, a level and a push-back line; and last week's
    meeting with her, which left an unsaid item open. Returns (meeting id,
    ask ids)."""
    last = store.add_meeting(MeetingDraft("Last review", "Dana Whitfield", at(-7, 10)))
    unsaid = store.items.add("unsaid", last.id, text="The pilot needs a second tester")
    assert unsaid
    meeting = store.add_meeting(
        MeetingDraft("Pilot review", "Dana Whitfield", at(0, 13, 45), duration_minutes=60)
    )
    m = meeting.id
    c = store.checklists
    asks = [
        c.add_item("asks", m, text="I need sign-off on the budget", by_when=date(2026, 12, 4)),
        c.add_item("asks", m, text="I want to lead phase two"),
        c.add_item("asks", m, text="I need one more tester"),
    ]
    c.add_item(
        "deadlines",
        m,
        label="Pilot go-live",
        earliest=date(2026, 12, 7),
        likely=date(2026, 12, 11),
        latest=date(2026, 12, 18),
        confidence=Confidence.MEDIUM,
    )
    c.set_field(m, "planned_level", 6)
    c.set_field(m, "pushback_line", "I think differently about that")
    return m, *asks


async def open_agenda_on(pilot, meeting_id: int) -> None:
    agenda = pilot.app.screen.query_one(AgendaList)
    for index, option in enumerate(agenda.options):
        if option.id == f"m{meeting_id}":
            agenda.highlighted = index
            break
    await pilot.pause()


def screen_text(screen) -> str:
    return "\n".join(str(s.render()) for s in screen.query(Static))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_ticks_and_notes_in_the_call_prefill_the_debrief(make_app, store, db_path, size):
    m, ask_1, ask_2, ask_3 = seed_call(store)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_agenda_on(pilot, m)
        # Enter on a meeting under way opens the call screen. Then, with no
        # pause: tick the first ask, answer it, tick the second, go to the
        # notes, type, and leave.
        await burst(pilot, "enter", "space", "a", "down", "space", "tab", *typed(NOTES), "escape")
        assert isinstance(app.screen, AgendaScreen)
        saved = rows(
            db_path, "SELECT id, asked, answer FROM asks WHERE meeting_id = ? ORDER BY id", (m,)
        )
        notes = rows(db_path, "SELECT call_notes FROM debriefs WHERE meeting_id = ?", (m,))
        print(f"{size}: asks {saved}, notes {notes}")
        assert saved == [(ask_1, 1, "granted"), (ask_2, 1, None), (ask_3, None, None)]
        assert notes == [(NOTES,)]

        # The debrief opens with them: the same ask results, the notes shown.
        await pilot.press("b")
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        results = {row.ask.id: row.result for row in debrief.query(AskResultRow)}
        assert results[ask_1].asked is True and results[ask_1].answer is AskAnswer.GRANTED
        assert results[ask_2].asked is True and results[ask_2].answer is None
        assert results[ask_3].asked is None
        assert debrief.query_one("#call_notes", TextArea).text == NOTES


async def test_the_call_screen_shows_the_sheet_in_order_with_the_time_left(make_app, store, clock):
    m, *_ = seed_call(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda_on(pilot, m)
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CallScreen)
        clock_line = str(screen.query_one("#call-clock", Static).render())
        assert clock_line.startswith("45 min left · ends 14:45")
        titles = [str(label.render()) for label in screen.query(".call-title")]
        print(titles)
        assert titles[:4] == [
            "Still open, from earlier meetings",
            "Your direct asks",
            "Deadlines, as ranges",
            "Assertiveness",
        ]
        text = screen_text(screen)
        assert "The pilot needs a second tester" in text
        assert "I think differently about that" in text
        assert "Mon 7 Dec–Fri 18 Dec (likely Fri 11 Dec)" in text
        # Never asked for feedback: she is due, and the questions are there.
        assert "What should I keep doing?" in text
        assert screen.focused is screen.query_one(CallAsks)

        # The clock follows the app's Clock, not the wall clock.
        clock.instant = at(0, 14, 50)
        screen.refresh_clock()
        clock_line = str(screen.query_one("#call-clock", Static).render())
        assert clock_line == "5 min over · it was due to end at 14:45"
        assert screen.query_one("#call-clock").has_class("over")

        # Covered (the help), the clock stops ticking; shown again, it is
        # read at once rather than at its next tick, up to 15 s later.
        await burst(pilot, "question_mark")
        assert app.screen is not screen
        clock.instant = at(0, 15, 0)
        await burst(pilot, "escape")
        assert app.screen is screen
        clock_line = str(screen.query_one("#call-clock", Static).render())
        assert clock_line == "15 min over · it was due to end at 14:45"


async def test_enter_after_the_grace_period_opens_the_debrief(make_app, store, clock):
    m, *_ = seed_call(store)
    clock.instant = at(0, 15, 0)  # 15 min after its end: the grace is over
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda_on(pilot, m)
        await pilot.press("enter")
        assert isinstance(app.screen, DebriefScreen)


async def test_c_on_the_checklist_opens_the_call_and_escape_comes_back(make_app, store):
    meeting = store.add_meeting(MeetingDraft("Tomorrow's call", "Sam", at(1, 10)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda_on(pilot, meeting.id)
        await pilot.press("p")
        checklist = app.screen
        assert isinstance(checklist, ChecklistScreen)
        checklist.query_one("#steps").focus()  # "c" in a text field is a letter
        await pilot.pause()
        await burst(pilot, "c")
        assert isinstance(app.screen, CallScreen)
        assert "Starts tomorrow" in str(app.screen.query_one("#call-clock", Static).render())
        await burst(pilot, "escape")
        assert app.screen is checklist


async def test_c_on_the_debrief_opens_the_call_in_its_place(make_app, store):
    m, *_ = seed_call(store)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_agenda_on(pilot, m)
        await pilot.press("b")
        assert isinstance(app.screen, DebriefScreen)
        app.screen.set_focus(None)
        await burst(pilot, "c", "space")
        assert isinstance(app.screen, CallScreen)
        assert store.debriefs.get(m).ask_results[0].asked is True
        await burst(pilot, "escape")
        assert isinstance(app.screen, AgendaScreen)


def test_now_is_the_fixed_clock():
    assert NOW == at(0, 14)
