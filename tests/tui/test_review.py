"""The weekly review by keyboard: stepping through weeks, the reflection
kept per week, and the Markdown export.

The week loads in a worker thread, so after each key the tests wait until
the screen shows the week asked for (`wait_for_week`) before reading the
Markdown it rendered (`screen.markdown`) and the widgets beside it.
"""

from __future__ import annotations

import stat
from datetime import date, timedelta

from textual.widgets import Static, TextArea

from prep.domain.checklist import HoldBackReason, Position
from prep.domain.debrief import AskAnswer
from prep.domain.models import MeetingDraft
from prep.domain.weeks import describe_week
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.debrief import DebriefScreen
from prep.tui.screens.review import ReviewScreen
from prep.tui.widgets.week_meetings import WeekMeetings
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows

WEEK_48 = date(2026, 11, 23)  # NOW's Monday
WEEK_47 = WEEK_48 - timedelta(weeks=1)
WEEK_45 = WEEK_48 - timedelta(weeks=3)
WEEK_49 = WEEK_48 + timedelta(weeks=1)


def seed(store) -> None:
    """Week 48: a prepared, debriefed meeting with Dana (planned 6, actually 7,
    its one ask granted) and an unprepared one with Sam. Week 47: one meeting.
    Week 45: one meeting."""
    c, d = store.checklists, store.debriefs
    pilot = store.add_meeting(MeetingDraft("Pilot review", "Dana Whitfield", at(-4, 9))).id
    c.set_field(pilot, "position", Position.SENIOR)
    c.set_field(pilot, "holding_back", "The overrun")
    c.set_field(pilot, "holding_back_reason", HoldBackReason.FEAR)
    ask = c.add_item("asks", pilot, text="Sign-off")
    c.set_field(pilot, "they_expect", "A plan")
    c.set_field(pilot, "i_expect", "A date")
    c.set_field(pilot, "planned_level", 6)
    c.set_field(pilot, "nothing_to_raise", True)
    assert store.meeting(pilot).steps_done == 4
    for name, value in (
        ("outcome", "Approved"),
        ("temperature", 4),
        ("actual_level", 7),
        ("feedback_asked", True),
    ):
        d.set_field(pilot, name, value)
    d.set_ask_result(ask, True, AskAnswer.GRANTED)
    store.add_meeting(MeetingDraft("Budget check", "Sam Patel", at(-2, 15)))
    store.add_meeting(MeetingDraft("Kick-off", "Dana Whitfield", at(-10, 10)))
    store.add_meeting(MeetingDraft("Half-term sync", "Sam Patel", at(-25, 10)))  # Mon 2 Nov


async def wait_for_week(pilot, monday: date, timeout: float = 10.0) -> ReviewScreen:
    """Until the review screen shows `monday`'s week, loaded."""
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    heading = f"# Weekly review: {describe_week(monday)}\n"
    waited = 0.0
    while not (screen.monday == monday and screen.markdown.startswith(heading)):
        assert waited < timeout, f"week of {monday} never loaded: {screen.markdown[:80]!r}"
        await pilot.pause(0.05)
        waited += 0.05
    assert screen.sub_title == describe_week(monday)
    return screen


async def open_review(pilot) -> ReviewScreen:
    assert isinstance(pilot.app.screen, AgendaScreen)
    await pilot.press("r")
    return await wait_for_week(pilot, WEEK_48)


def focused_id(app: PrepApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def area(screen: ReviewScreen, field: str) -> TextArea:
    return screen.query_one(f"#{field}", TextArea)


async def test_r_opens_this_week_and_the_keys_step_through_weeks(make_app, store):
    seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert screen.title == "Weekly review"
        assert screen.sub_title == "Week 48 \u00b7 Mon 23 \u2013 Sun 29 Nov 2026"
        assert focused_id(app) == "review-report"
        week = screen.markdown
        for line in (
            "| Meetings held | 2 | 1 |",
            "| Prepared before the meeting | 50% | 0% |",
            "| Debriefed | 50% | 0% |",
            "| Direct asks planned / asked / granted | 1 / 1 / 1 | 0 / 0 / 0 |",
            "| Feedback conversations | 1 | 0 |",
            "| Pilot review (Dana Whitfield) | 6 | 7 | +1 |",
            "- Fear of the consequences: 1",
        ):
            assert line in week.splitlines(), line
        # The reflection is edited beside the report, not repeated in it.
        assert "## Reflection" not in week

        await pilot.press("left_square_bracket")
        screen = await wait_for_week(pilot, WEEK_47)
        assert "| Meetings held | 1 | 0 |" in screen.markdown.splitlines()

        await pilot.press("right_square_bracket")
        screen = await wait_for_week(pilot, WEEK_48)
        assert "| Meetings held | 2 | 1 |" in screen.markdown.splitlines()

        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        screen = await wait_for_week(pilot, WEEK_45)
        assert screen.sub_title == "Week 45 \u00b7 Mon 2 \u2013 Sun 8 Nov 2026"
        assert "| Meetings held | 1 | 0 |" in screen.markdown.splitlines()

        await pilot.press("t")
        screen = await wait_for_week(pilot, WEEK_48)
        assert "| Meetings held | 2 | 1 |" in screen.markdown.splitlines()

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


async def test_an_empty_database_explains_instead_of_showing_zeros(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert "Nothing to review for this week yet." in screen.markdown
        assert "**Add meetings**" in screen.markdown
        assert "Meetings held" not in screen.markdown
        assert "0%" not in screen.markdown
        assert not screen.query_one("#last-focus", Static).display
        assert [area(screen, f).text for f in ("went_well", "to_change", "focus")] == ["", "", ""]


async def test_the_reflection_is_kept_and_its_focus_opens_next_week(store, clock, db_path):
    seed(store)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("tab")
        assert focused_id(app) == "review-meetings"  # the week's meetings, then the reflection
        await pilot.press("tab")
        assert focused_id(app) == "went_well"
        await paste(pilot, "Went well")
        await pilot.press("escape")  # leaving saves what is pending
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT week_start, went_well, to_change, focus FROM reflections") == [
        ("2026-11-23", "Went well", "", "")
    ]

    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert area(screen, "went_well").text == "Went well"
        assert not screen.query_one("#last-focus", Static).display

        await pilot.press("tab", "tab", "tab", "tab")
        assert focused_id(app) == "focus"
        await paste(pilot, "Decisions")
        await pilot.press("tab")  # round to the report, where [ and ] are keys again
        assert focused_id(app) == "review-report"
        await pilot.press("right_square_bracket")
        screen = await wait_for_week(pilot, WEEK_49)

        last_focus = screen.query_one("#last-focus", Static)
        assert last_focus.display
        assert str(last_focus.render()) == "Last week's focus: Decisions"
        assert "Last week's focus: Decisions" in screen.markdown.splitlines()
        # Week 49's own reflection is empty; week 48's words stayed with week 48.
        assert [area(screen, f).text for f in ("went_well", "to_change", "focus")] == ["", "", ""]

        await pilot.press("left_square_bracket")
        screen = await wait_for_week(pilot, WEEK_48)
        assert area(screen, "focus").text == "Decisions"
        assert area(screen, "went_well").text == "Went well"
    assert rows(db_path, "SELECT week_start, went_well, to_change, focus FROM reflections") == [
        ("2026-11-23", "Went well", "", "Decisions")
    ]


async def test_ctrl_e_exports_the_week_with_its_reflection(make_app, store, db_path):
    seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("tab", "tab")
        await paste(pilot, "Went well")
        await pilot.press("shift+tab", "shift+tab")
        assert focused_id(app) == "review-report"
        await pilot.press("ctrl+e")
        await pilot.pause()
        export = db_path.parent / "exports" / "review-2026-W48.md"
        assert export.exists()
        notes = [(n.title, n.message) for n in app._notifications]
        assert ("Review exported", f"Exported to {export}") in notes
        on_screen = screen.markdown

    text = export.read_text(encoding="utf-8")
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert stat.S_IMODE(export.parent.stat().st_mode) == 0o700
    assert not list(export.parent.glob(".*.tmp"))
    # The report as on screen, then the reflection written beside it.
    assert text == on_screen + (
        "\n## Reflection\n\n"
        "### What went well\n\nWent well\n\n"
        "### What to change\n\n\u2014\n\n"
        "### Focus for next week\n\n\u2014\n"
    )
    assert rows(db_path, "SELECT went_well FROM reflections") == [("Went well",)]


async def test_ctrl_e_exports_while_writing_the_reflection(make_app, store, db_path):
    seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("tab", "tab")
        await paste(pilot, "Went well")
        assert focused_id(app) == "went_well"
        await pilot.press("ctrl+e")  # README: ctrl+e exports, on the review screen
        await pilot.pause()
        export = db_path.parent / "exports" / "review-2026-W48.md"
        assert export.exists()
        assert "### What went well\n\nWent well\n" in export.read_text(encoding="utf-8")


def meeting_list(screen: ReviewScreen) -> WeekMeetings:
    return screen.query_one("#review-meetings", WeekMeetings)


def prompts(screen: ReviewScreen) -> list[str]:
    return [str(option.prompt) for option in meeting_list(screen).options]


async def test_the_weeks_meetings_open_their_debrief_or_checklist(make_app, store):
    """Prepared 50%: the list says which meeting was not prepared, and enter
    opens its debrief (held) or checklist (to come)."""
    seed(store)
    saturday = store.add_meeting(MeetingDraft("Team 1:1", "Lee Park", at(1, 10))).id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert prompts(screen) == [
            "Mon 23 Nov 09:00  Pilot review\nDana Whitfield \u00b7 prepared, debriefed",
            "Wed 25 Nov 15:00  Budget check\nSam Patel \u00b7 not prepared, no debrief yet",
            "Sat 28 Nov 10:00  Team 1:1\nLee Park \u00b7 booked, not prepared yet",
        ]
        # The same words in the Markdown the screen exports.
        assert (
            "- Wed 25 Nov 15:00 \u00b7 Budget check (Sam Patel): not prepared, no debrief yet"
        ) in screen.markdown.splitlines()

        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.meeting.title == "Budget check"
        await pilot.press("escape")
        screen = await wait_for_week(pilot, WEEK_48)
        assert focused_id(app) == "review-meetings"
        assert meeting_list(screen).highlighted == 1  # still on the meeting it opened

        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.meeting.id == saturday
        await pilot.press("escape")
        await wait_for_week(pilot, WEEK_48)


async def test_a_future_week_lists_the_meetings_booked_in_it(make_app, store):
    seed(store)
    store.add_meeting(MeetingDraft("Steering", "Priya Shah", at(4, 9, 30)))  # Tue 1 Dec
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("right_square_bracket")
        screen = await wait_for_week(pilot, WEEK_49)
        assert prompts(screen) == [
            "Tue 1 Dec 09:30  Steering\nPriya Shah \u00b7 booked, not prepared yet"
        ]
        assert "| Meetings held | 0 | 2 |" in screen.markdown.splitlines()

        await pilot.press("tab")
        assert focused_id(app) == "review-meetings"
        await pilot.press("right_square_bracket")  # week 50: nothing booked
        screen = await wait_for_week(pilot, WEEK_49 + timedelta(weeks=1))
        assert not meeting_list(screen).display
        assert focused_id(app) == "review-report"  # the focus leaves the hidden list
        await pilot.press("tab")
        assert focused_id(app) == "went_well"  # a hidden list takes no focus


async def test_the_review_fits_80_by_24(make_app, store):
    seed(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        report = screen.query_one("#review-report")
        assert report.max_scroll_x == 0
        listing = meeting_list(screen)
        assert listing.region.right <= report.region.right
        assert listing.max_scroll_x == 0
        # Tabbing to the list scrolls it into view; enter opens a meeting.
        await pilot.press("tab")
        await pilot.pause()
        assert focused_id(app) == "review-meetings"
        assert report.region.contains_region(listing.region)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
