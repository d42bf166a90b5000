"""The debrief by keyboard, and what it leaves open for the next meeting.

Every test presses real keys through Pilot, then reads the SQLite file with
plain sqlite3 (`rows`) or the store, plus the widgets a person sees. State
a test needs before it starts (a checklist, an earlier debrief) is written
through the store, as the checklist screen would have written it. Text whose
typing a test is not about is pasted (`paste`); quitting straight after
typing types key by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.widgets import Checkbox, Input, Static, TextArea

from prep.domain.checklist import Confidence, Need
from prep.domain.debrief import AskAnswer, Owner
from prep.domain.models import MeetingDraft
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.debrief import DebriefScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.checklist_panes import BriefPane
from prep.tui.widgets.debrief_rows import ActionRow, ProposalRow, UnsaidRow
from prep.tui.widgets.meeting_detail import MeetingDetail
from prep.tui.widgets.open_items import OpenItems
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows, until

DEBRIEF_ROW = (
    "SELECT outcome, overall, temperature, actual_level, feedback_asked, feedback_keep,"
    " feedback_more, feedback_help, coaching_note FROM debriefs WHERE meeting_id = ?"
)
# Fri 27 Nov 2026 is NOW: "this fri" is today, "next tue 10am" is Tue 1 Dec.
TODAY = "2026-11-27"


@dataclass(frozen=True)
class Seeded:
    """Yesterday's meeting with Dana and the ids of its planned items."""

    meeting_id: int
    ask_1: int
    ask_2: int
    deadline: int
    problem: int


def seed_yesterday(store) -> Seeded:
    """Yesterday 10:00 with Dana, prepared: two asks, a deadline range, a
    problem with a solution, and level 6 planned."""
    meeting = store.add_meeting(MeetingDraft("Pilot review", "Dana Whitfield", at(-1, 10)))
    m = meeting.id
    c = store.checklists
    ask_1 = c.add_item(
        "asks", m, text="I need sign-off on the pilot budget", by_when=date(2026, 12, 4)
    )
    ask_2 = c.add_item("asks", m, text="Can I lead phase two?")
    deadline = c.add_item(
        "deadlines",
        m,
        label="Pilot go-live",
        earliest=date(2026, 12, 7),
        likely=date(2026, 12, 11),
        latest=date(2026, 12, 18),
        confidence=Confidence.MEDIUM,
    )
    problem = c.add_item("problems", m, text="The vendor is three weeks late", need=Need.DECISION)
    c.add_item("solutions", problem, text="Switch to the backup vendor")
    c.set_field(m, "planned_level", 6)
    return Seeded(m, ask_1, ask_2, deadline, problem)


def seed_debriefed(store) -> tuple[Seeded, int, int, int]:
    """Yesterday's meeting debriefed through the store as the screen does it:
    ask 2 not asked (so unsaid), one action item for them due today, and the
    follow-up booked for Tue 1 Dec. Returns (seeded, unsaid id, action id,
    follow-up id)."""
    s = seed_yesterday(store)
    d = store.debriefs
    d.set_field(s.meeting_id, "outcome", "Budget approved.")
    d.set_field(s.meeting_id, "temperature", 4)
    d.set_field(s.meeting_id, "actual_level", 3)
    d.set_ask_result(s.ask_1, True, AskAnswer.GRANTED)
    d.set_ask_result(s.ask_2, False, None)
    action = store.items.add(
        "actions",
        s.meeting_id,
        text="Send the revised SOW",
        owner=Owner.THEM,
        due=date(2026, 11, 27),
    )
    follow_up = d.create_next_meeting(store.meeting(s.meeting_id), at(4, 10))
    [unsaid] = d.get(s.meeting_id).unsaid
    return s, unsaid.id, action, follow_up.id


async def type_text(pilot, text: str) -> None:
    """Key by key, for the test about typing itself."""
    await pilot.press(*text)


async def choose(pilot, steps: int) -> None:
    """Step the focused Choice `steps` options on with the right arrow (from
    its blank prompt, for a choice that has one)."""
    await pilot.press(*["right"] * steps)
    await pilot.pause()


def focused_id(app: PrepApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def text_of(widget: Static) -> str:
    return str(widget.render())


def status_text(screen: DebriefScreen) -> str:
    return text_of(screen.query_one("#debrief-status", Static))


def detail_text(app: PrepApp) -> str:
    return text_of(app.screen.query_one(MeetingDetail).query_one("#detail-body", Static))


async def open_debrief(pilot, meeting_id: int, key: str = "b") -> DebriefScreen:
    """`b` (or enter, for a meeting that has started) on the agenda's selected
    meeting, which must be `meeting_id`."""
    assert pilot.app.screen.query_one(AgendaList).selected_meeting_id == meeting_id
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DebriefScreen)
    assert focused_id(pilot.app) == "outcome"
    return screen


async def section(pilot) -> None:
    """PgDn: the next section, its first field focused."""
    await pilot.press("pagedown")
    await pilot.pause()


# -- 1. the whole debrief ----------------------------------------------------------------


async def test_full_debrief_by_keyboard_compares_plan_and_books_the_follow_up(
    make_app, store, db_path
):
    s = seed_yesterday(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, s.meeting_id)

        # How it went.
        await paste(pilot, "Budget approved")
        await pilot.press("tab")
        assert focused_id(app) == "why_differ"
        await pilot.press("tab")
        assert focused_id(app) == "overall"
        await choose(pilot, 4)  # Poor, Weak, OK, Good
        await pilot.press("tab")
        assert focused_id(app) == "temperature"
        await choose(pilot, 5)  # ... Warm, Very warm

        # Asks: the first asked and granted, the second not asked.
        await section(pilot)
        assert app.focused.has_class("asked")
        await choose(pilot, 1)  # Asked
        await pilot.press("tab")
        assert app.focused.has_class("answer")
        await choose(pilot, 1)  # Granted
        await pilot.press("tab")
        assert app.focused.has_class("asked")
        await choose(pilot, 2)  # Not asked
        [unsaid_row] = screen.query(UnsaidRow)
        assert unsaid_row.query_one("#unsaid-text", Input).value == "Can I lead phase two?"

        # Unsaid: its first field is the item the ask just became.
        await section(pilot)
        assert focused_id(app) == "unsaid-text"

        # Deadlines: it moved, to a new range.
        await section(pilot)
        assert app.focused.has_class("moved")
        await pilot.press("space")
        await pilot.press("tab")
        assert focused_id(app) == "move-earliest"
        await paste(pilot, "14 dec")
        await pilot.press("tab")
        await paste(pilot, "18 dec")
        await pilot.press("tab")
        await paste(pilot, "8 jan")

        # Assertiveness: 3, against a plan of 6.
        await section(pilot)
        assert focused_id(app) == "actual_level"
        await pilot.press("3")
        await pilot.pause()
        assert "3 below plan, in the too-little zone" in status_text(screen)

        # Feedback: asked, with the three answers.
        await section(pilot)
        assert focused_id(app) == "feedback_asked"
        await pilot.press("space", "tab")
        assert focused_id(app) == "feedback_keep"
        await paste(pilot, "Notes")
        await pilot.press("tab")
        await paste(pilot, "Risks")
        await pilot.press("enter")  # enter moves on, like tab
        assert focused_id(app) == "feedback_help"
        await paste(pilot, "Decks")

        # Problems raised: the proposal was accepted.
        await section(pilot)
        await choose(pilot, 1)  # Accepted

        # Action items: one, for them, due Friday.
        await section(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert focused_id(app) == "action-text"
        await paste(pilot, "Send SOW")
        await pilot.press("tab")
        assert focused_id(app) == "action-owner"
        await choose(pilot, 1)  # Me -> Them (no blank row: the highlight starts on Me)
        await pilot.press("tab")
        assert focused_id(app) == "action-due"
        await paste(pilot, "this fri")
        assert text_of(screen.query_one(".date-hint", Static)) == "→ due Fri 27 Nov"

        # Coaching up.
        await section(pilot)
        assert focused_id(app) == "coaching_note"
        await paste(pilot, "Show cost")

        # Next meeting: enter books it.
        await section(pilot)
        assert focused_id(app) == "next-when"
        await paste(pilot, "next tue 10am")
        assert "press enter to book it" in text_of(screen.query_one("#next-hint", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert "Booked: Follow-up: Pilot review" in text_of(screen.query_one("#next-hint", Static))
        assert screen.query_one("#next-when", Input).value == ""

        await until(pilot, lambda: "Done." in status_text(screen), "the debrief done")
        status = status_text(screen)
        assert "Done. The meeting is debriefed." in status
        assert "3 below plan, in the too-little zone" in status

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        # Debriefed, it leaves the agenda; its follow-up and action item arrive.
        shown = [str(o.prompt) for o in app.screen.query_one(AgendaList).options]
        assert not any("Pilot review" in row and "debrief" in row for row in shown)
        assert any("Follow-up: Pilot review" in row for row in shown)
        assert any("☐ Send SOW" in row for row in shown)

    assert rows(db_path, DEBRIEF_ROW, (s.meeting_id,)) == [
        (
            "Budget approved",
            4,
            5,
            3,
            1,
            "Notes",
            "Risks",
            "Decks",
            "Show cost",
        )
    ]
    assert rows(db_path, "SELECT progress FROM meetings WHERE id = ?", (s.meeting_id,)) == [
        ("debriefed",)
    ]
    assert rows(db_path, "SELECT id, asked, answer FROM asks ORDER BY id") == [
        (s.ask_1, 1, "granted"),
        (s.ask_2, 0, None),
    ]
    assert rows(db_path, "SELECT meeting_id, text, from_ask_id, resolved_at FROM unsaid_items") == [
        (s.meeting_id, "Can I lead phase two?", s.ask_2, None)
    ]
    assert rows(
        db_path, "SELECT deadline_id, meeting_id, earliest, likely, latest FROM deadline_moves"
    ) == [
        (s.deadline, s.meeting_id, "2026-12-14", "2026-12-18", "2027-01-08"),
    ]
    # The plan keeps the range it had: the move is history beside it.
    assert rows(db_path, "SELECT earliest, likely, latest FROM deadlines") == [
        ("2026-12-07", "2026-12-11", "2026-12-18"),
    ]
    assert rows(db_path, "SELECT outcome FROM problems") == [("accepted",)]
    assert rows(db_path, "SELECT meeting_id, text, owner, due, done_at FROM action_items") == [
        (s.meeting_id, "Send SOW", "them", TODAY, None),
    ]
    follow_ups = rows(
        db_path,
        "SELECT m.id, m.title, c.name, m.starts_at, m.progress"
        " FROM meetings m JOIN people c ON c.id = m.person_id"
        " WHERE m.id != ?",
        (s.meeting_id,),
    )
    assert [f[1:] for f in follow_ups] == [
        ("Follow-up: Pilot review", "Dana Whitfield", "2026-12-01T10:00+00:00", "none"),
    ]
    assert rows(db_path, "SELECT count(*) FROM people") == [(1,)]
    assert rows(db_path, "SELECT next_meeting_id FROM debriefs") == [(follow_ups[0][0],)]


# -- 2. what follows the person into the next checklist ----------------------------------


async def open_follow_up_checklist(pilot, follow_up_id: int) -> ChecklistScreen:
    """`p` on the follow-up. Nothing there is to copy (ask 1 was granted, ask 2
    is an unsaid item now, the problem had a solution, the deadline neither
    moved nor passed), so no carry-over question comes first."""
    assert pilot.app.screen.query_one(AgendaList).selected_meeting_id == follow_up_id
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ChecklistScreen)
    assert focused_id(pilot.app) == "position"
    return screen


async def test_the_next_checklist_shows_open_items_and_ticking_closes_them(
    make_app, store, db_path
):
    s, unsaid_id, action_id, follow_up_id = seed_debriefed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_follow_up_checklist(pilot, follow_up_id)
        items = screen.query_one("#open-items", OpenItems)
        assert items.display
        boxes = list(items.query(Checkbox))
        assert [str(b.label) for b in boxes] == [
            "Unsaid: Can I lead phase two? — not said yet (Pilot review, Thu 26 Nov)",
            "Action: Send the revised SOW — theirs to do, due Fri 27 Nov (Pilot review, Thu 26 Nov)",
        ]
        assert [b.value for b in boxes] == [False, False]

        # The open items sit above the first field: shift+tab reaches them.
        await pilot.press("shift+tab")
        assert focused_id(app) == f"action-{action_id}"
        await pilot.press("space")
        await pilot.press("shift+tab")
        assert focused_id(app) == f"unsaid-{unsaid_id}"
        await pilot.press("space")
        await pilot.pause()
        assert [b.value for b in boxes] == [True, True]
        # Ticks save at once, no debounce.
        [(resolved_at,)] = rows(
            db_path, "SELECT resolved_at FROM unsaid_items WHERE id = ?", (unsaid_id,)
        )
        [(done_at,)] = rows(db_path, "SELECT done_at FROM action_items WHERE id = ?", (action_id,))
        assert resolved_at is not None and done_at is not None
        # The brief of this checklist drops them at once, not on reopening.
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        brief = screen.query_one(BriefPane).markdown
        assert "Can I lead phase two?" not in brief
        assert "Send the revised SOW" not in brief

        await pilot.press("escape")
        await pilot.pause()
        screen = await open_follow_up_checklist(pilot, follow_up_id)
        items = screen.query_one("#open-items", OpenItems)
        assert not items.display
        assert not items.query(Checkbox)

    assert store.debriefs.open_items_for(store.meeting(follow_up_id).counterpart.id) == ([], [])
    # Ticking closes the items; it does not touch the debrief they came from.
    assert rows(db_path, "SELECT text, from_ask_id FROM unsaid_items") == [
        ("Can I lead phase two?", s.ask_2)
    ]
    assert rows(db_path, "SELECT text, owner, due FROM action_items") == [
        ("Send the revised SOW", "them", TODAY)
    ]


# -- 3. the agenda ---------------------------------------------------------------------


async def test_agenda_lists_the_open_action_item_and_x_marks_it_done(make_app, store, db_path):
    s, _unsaid_id, action_id, follow_up_id = seed_debriefed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        agenda = app.screen.query_one(AgendaList)
        # The debriefed meeting has left the agenda; the follow-up and the action remain.
        assert agenda.selected_meeting_id == follow_up_id
        assert f"m{s.meeting_id}" not in [o.id for o in agenda.options]
        detail = detail_text(app)
        assert "Still open with them" in detail
        assert "• Unsaid: Can I lead phase two?" in detail
        assert "• Action: Send the revised SOW — theirs to do, due Fri 27 Nov" in detail

        headings = [str(o.prompt).strip() for o in agenda.options if o.disabled]
        assert headings[-1] == "ACTION ITEMS · 1"
        assert agenda.options[-1].id == f"a{action_id}"
        row = str(agenda.options[-1].prompt)
        assert "☐ Send the revised SOW" in row and "Dana Whitfield" in row and "(them)" in row

        await pilot.press("end")  # the last row: the action item
        assert agenda.selected_action_id == action_id
        assert "Press x (or enter) when it is done." in detail_text(app)
        await pilot.press("x")
        await pilot.pause()

        assert agenda.selected_action_id is None
        assert f"a{action_id}" not in [o.id for o in agenda.options]
        assert "ACTION ITEMS" not in " ".join(str(o.prompt) for o in agenda.options)
        [(done_at,)] = rows(db_path, "SELECT done_at FROM action_items WHERE id = ?", (action_id,))
        assert done_at is not None
        # The follow-up's detail now lists only what is still open: the unsaid item.
        assert agenda.selected_meeting_id == follow_up_id
        detail = detail_text(app)
        assert "Still open with them" in detail and "Unsaid: Can I lead phase two?" in detail
        assert "Send the revised SOW" not in detail


# -- 4. lists by hand, and a due date that is not a date ------------------------------


async def test_unsaid_by_hand_and_an_unreadable_due_date(make_app, store, db_path):
    s = seed_yesterday(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, s.meeting_id)
        await section(pilot)  # asks
        await section(pilot)  # unsaid: "+ Add unsaid item" has focus, the list is empty
        assert "add-item" in app.focused.classes
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert focused_id(app) == "unsaid-text"
        await paste(pilot, "Workload")
        await until(
            pilot,
            lambda: (
                rows(db_path, "SELECT text, from_ask_id FROM unsaid_items") == [("Workload", None)]
            ),
            "the item saved",
        )
        assert rows(db_path, "SELECT text, from_ask_id FROM unsaid_items") == [("Workload", None)]
        await pilot.press("enter")  # enter in an item's text adds the next one
        await pilot.pause()
        assert focused_id(app) == "unsaid-text"
        assert len(screen.query(UnsaidRow)) == 2
        await paste(pilot, "Pay")

        for _ in range(5):  # deadlines, level, feedback, problems, actions
            await section(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert focused_id(app) == "action-text"
        await paste(pilot, "Book room")
        await pilot.press("tab", "tab")
        assert focused_id(app) == "action-due"
        await paste(pilot, "blursday")
        row = screen.query_one(ActionRow)
        hint = row.query_one(".date-hint", Static)
        assert hint.display and hint.has_class("error")
        assert "Can't read 'blursday'" in text_of(hint)

        # PgUp goes back a section at a time, to each one's first field.
        await pilot.press("pageup")
        await pilot.pause()
        assert isinstance(app.focused.parent, ProposalRow)
        await pilot.press("pageup")
        await pilot.pause()
        assert focused_id(app) == "feedback_asked"
        await pilot.press("escape")  # leaving saves what is pending
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    assert rows(db_path, "SELECT text, owner, due FROM action_items") == [("Book room", "me", None)]
    assert rows(db_path, "SELECT text FROM unsaid_items ORDER BY position") == [
        ("Workload",),
        ("Pay",),
    ]


async def test_an_action_due_before_the_meeting_is_saved_with_a_warning(make_app, store, db_path):
    s = seed_yesterday(store)  # Thu 26 Nov, 10:00
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, s.meeting_id)
        for _ in range(7):  # asks, unsaid, deadlines, level, feedback, problems, actions
            await section(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await paste(pilot, "Book room")
        await pilot.press("tab", "tab")
        assert focused_id(app) == "action-due"
        await paste(pilot, "24/11")
        await until(
            pilot,
            lambda: rows(db_path, "SELECT due FROM action_items") == [("2026-11-24",)],
            "the date saved",
        )
        hint = screen.query_one(ActionRow).query_one(".date-hint", Static)
        assert text_of(hint) == "→ due Tue 24 Nov — before the meeting (Thu 26 Nov)"
        assert hint.has_class("warning") and not hint.has_class("error")
        assert rows(db_path, "SELECT text, due FROM action_items") == [("Book room", "2026-11-24")]

        # The day of the meeting or later: no warning.
        await pilot.press("shift+tab", "tab", "ctrl+u")  # back in, the old text cleared
        await paste(pilot, "by this fri")
        await until(
            pilot,
            lambda: rows(db_path, "SELECT due FROM action_items") == [(TODAY,)],
            "the date saved",
        )
        assert text_of(hint) == "→ due Fri 27 Nov"
        assert not hint.has_class("warning")
        assert rows(db_path, "SELECT due FROM action_items") == [(TODAY,)]


# -- 5. quitting -------------------------------------------------------------------------


async def test_quitting_straight_after_typing_the_outcome_keeps_it(store, clock, db_path):
    s = seed_yesterday(store)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_debrief(pilot, s.meeting_id)
        await type_text(pilot, "Half")
        # No pause: the debounce has not fired; leaving must flush.
        await pilot.press("ctrl+q")
    assert rows(db_path, "SELECT outcome FROM debriefs WHERE meeting_id = ?", (s.meeting_id,)) == [
        ("Half",)
    ]

    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, s.meeting_id)
        assert screen.query_one("#outcome", TextArea).text == "Half"


# -- 6. status ---------------------------------------------------------------------------


async def test_an_outcome_alone_leaves_the_meeting_held_with_what_is_left_listed(
    make_app, store, db_path
):
    s = seed_yesterday(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_debrief(pilot, s.meeting_id, key="enter")
        before = status_text(screen)
        assert "Write how it went" in before
        await paste(pilot, "Approved")
        await until(
            pilot, lambda: "Write how it went" not in status_text(screen), "the outcome counted"
        )
        status = status_text(screen)
        assert "Still to do:" in status
        assert "Write how it went" not in status
        assert "Rate the relationship temperature (1–5)." in status
        assert "Rate how assertive you actually were." in status
        assert "below plan" not in status  # no actual level yet, so no gap
        assert rows(db_path, "SELECT progress FROM meetings WHERE id = ?", (s.meeting_id,)) == [
            ("debriefing",)
        ]
        await pilot.press("escape")
        await pilot.pause()
        # Still waiting for its debrief on the agenda.
        agenda = app.screen.query_one(AgendaList)
        assert agenda.selected_meeting_id == s.meeting_id
        assert "debrief" in str(agenda.get_option(f"m{s.meeting_id}").prompt)
    assert rows(db_path, "SELECT outcome, temperature, actual_level FROM debriefs") == [
        ("Approved", None, None)
    ]


# -- the next checklist's history ---------------------------------------------------------


async def test_the_next_checklist_shows_the_debriefed_level_beside_the_plan(make_app, store):
    s, _, _, follow_up_id = seed_debriefed(store)  # planned 6, actually 3
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_follow_up_checklist(pilot, follow_up_id)
        await pilot.press("pagedown", "pagedown")  # step 3: assertiveness
        await pilot.pause()
        *_, row = text_of(screen.query_one("#level-history", Static)).splitlines()
        assert "Pilot review" in row
        assert row.split()[-2:] == ["6", "3"]
    [(meeting, planned, actual)] = store.checklists.level_history(store.meeting(follow_up_id))
    assert (meeting.id, planned, actual) == (s.meeting_id, 6, 3)


async def test_opening_a_debrief_and_leaving_writes_nothing(make_app, store, db_path):
    import sqlite3

    s, _, _, _ = seed_debriefed(store)
    store.debriefs.set_field(s.meeting_id, "feedback_keep", "The one-page summaries")
    store.debriefs.record_move(
        s.deadline, s.meeting_id, date(2026, 12, 14), date(2026, 12, 18), date(2026, 12, 23)
    )
    store.check_integrity_daily()  # the app's daily check records its pass: not the screen's write
    watcher = sqlite3.connect(db_path)  # its data_version moves when anyone else commits
    try:
        before = watcher.execute("PRAGMA data_version").fetchone()
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            # Debriefed, it has left the agenda: open the screen directly.
            app.push_screen(DebriefScreen(store.meeting(s.meeting_id)))
            await pilot.pause()
            screen = app.screen
            assert screen.query_one("#feedback_keep", Input).value == "The one-page summaries"
            assert screen.query_one("#move-likely", Input).value  # the move is shown
            await pilot.pause(0.5)  # past the save delay
            await pilot.press("escape")
            await pilot.pause()
        # Fields announcing the values they were loaded with are no edit.
        assert watcher.execute("PRAGMA data_version").fetchone() == before
    finally:
        watcher.close()
