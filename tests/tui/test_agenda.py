"""The agenda as a person sees it: groups, detail, empty state, palette, help."""

from __future__ import annotations

from textual.widgets import Static

from prep.domain.models import Counterpart, Meeting, MeetingDraft, Setting
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.help import HelpScreen
from prep.tui.screens.meeting_form import MeetingFormScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.meeting_detail import MeetingDetail
from tests.helpers import at
from tests.tui.conftest import SIZE, paste


def option_texts(app) -> list[str]:
    agenda = app.screen.query_one(AgendaList)
    return [str(option.prompt) for option in agenda.options]


def detail_text(app) -> str:
    return str(app.screen.query_one(MeetingDetail).query_one("#detail-body", Static).render())


async def test_empty_agenda_tells_a_new_user_what_to_press(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        empty = app.screen.query_one("#agenda-empty", Static)
        assert empty.display
        assert "Press n" in str(empty.render())
        assert not app.screen.query_one(AgendaList).display


async def test_groups_and_rows_in_order(make_app, store):
    store.add_meeting(MeetingDraft("Renewal terms", "Priya", at(-1, 15)))
    store.add_meeting(MeetingDraft("Pilot kick-off", "Sofia", at(0, 16)))
    store.add_meeting(MeetingDraft("Scope change", "Dana", at(1, 10, 30)))
    store.add_meeting(MeetingDraft("Steering", "Sofia", at(9, 14)))
    app = make_app()
    async with app.run_test(size=SIZE):
        options = app.screen.query_one(AgendaList).options
        headings = [str(o.prompt).strip() for o in options if o.disabled]
        assert headings == ["NEEDS A DEBRIEF · 1", "TODAY · 1", "THIS WEEK · 1", "LATER · 1"]
        rows = [str(o.prompt) for o in options if not o.disabled]
        assert [
            "Renewal" in rows[0],
            "Pilot" in rows[1],
            "Scope" in rows[2],
            "Steering" in rows[3],
        ] == [True] * 4
        assert "debrief" in rows[0]
        assert "16:00" in rows[1]
        assert "Sat 10:30" in rows[2]
        assert "Sun 6 Dec" in rows[3]  # one date format everywhere: no leading zero


async def test_detail_follows_the_cursor(make_app, store):
    store.add_meeting(
        MeetingDraft(
            "First",
            "Dana Whitfield",
            at(0, 16),
            setting=Setting.COFFEE,
            notes="Ask about the pilot.",
        )
    )
    store.add_meeting(MeetingDraft("Second", "Marcus", at(1, 9), duration_minutes=90))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        text = detail_text(app)
        assert "First" in text and "Dana Whitfield" in text
        assert "Today 16:00" in text and "in 2 h" in text
        assert "Over coffee" in text and "Ask about the pilot." in text
        assert "client, senior to you" in text
        await pilot.press("down")
        text = detail_text(app)
        assert "Second" in text and "Tomorrow 09:00" in text and "1 h 30 min" in text


async def test_detail_shows_the_last_meeting_with_the_same_person(make_app, store):
    store.add_meeting(MeetingDraft("Kick-off", "Dana", at(-5, 10), duration_minutes=30))
    store.add_meeting(MeetingDraft("Follow-up", "Dana", at(0, 16)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # from the debrief row to today's follow-up
        text = detail_text(app)
        assert "Follow-up" in text
        assert "Kick-off" in text and "5 days ago" in text


async def test_needs_debrief_row_is_highlighted_with_a_nudge(make_app, store):
    store.add_meeting(MeetingDraft("Yesterday's call", "Dana", at(-1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE):
        assert "debrief" in option_texts(app)[1]
        assert "debrief it while it is fresh" in detail_text(app)


async def test_enter_opens_the_checklist_and_e_the_form(make_app, store):
    from prep.tui.screens.checklist import ChecklistScreen

    store.add_meeting(MeetingDraft("Open me", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.meeting.title == "Open me"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, MeetingFormScreen)
        assert app.screen.meeting.title == "Open me"


async def test_back_on_the_agenda_rows_are_kept_unless_what_they_show_changed(make_app, store):
    """Back from a meeting where nothing changed, the rows drawn before are
    reused; a change to the meeting (its title, from the form) redraws it,
    and so does another program's change (a new meeting)."""
    from prep.tui.screens.checklist import ChecklistScreen

    store.add_meeting(MeetingDraft("Open me", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before = list(app.screen.query_one(AgendaList).options)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert list(app.screen.query_one(AgendaList).options) == before  # the same objects

        await pilot.press("e")
        assert isinstance(app.screen, MeetingFormScreen)
        title = app.screen.query_one("#title")
        title.value = ""
        await paste(pilot, "Renamed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert any("Renamed" in text for text in option_texts(app))
        assert not any("Open me" in text for text in option_texts(app))

        await pilot.press("enter")
        assert isinstance(app.screen, ChecklistScreen)
        store.add_meeting(MeetingDraft("Added elsewhere", "Sofia", at(2, 9)))
        await pilot.press("escape")
        await pilot.pause()
        assert any("Added elsewhere" in text for text in option_texts(app))


async def test_command_palette_lists_and_runs_screen_actions(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await paste(pilot, "New meeting")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingFormScreen)


async def test_help_opens_and_closes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


async def test_footer_shows_the_agenda_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        keys = {
            binding.key for (_, binding, enabled, _) in app.active_bindings.values() if binding.show
        }
        assert {"n", "e", "question_mark", "ctrl+q"} <= keys


async def test_quit_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_rows_are_laid_out_for_the_width_they_are_drawn_at(make_app, store):
    title = "Quarterly business review with leadership"  # fits at 160 columns, not 100
    store.add_meeting(MeetingDraft(title, "Sofia Lindqvist", at(1, 10)))
    app = make_app()
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        [option] = [o for o in agenda.options if not o.disabled]
        wide = str(option.prompt)
        assert title in wide  # the first frame already uses the real width

        await pilot.resize_terminal(100, 36)
        await pilot.pause()
        [same] = [o for o in agenda.options if not o.disabled]
        assert same is option  # redrawn for the new width, not rebuilt
        narrow = str(option.prompt)
        assert title not in narrow and "…" in narrow
        assert "Sofia Lindq…" in narrow  # the person column narrows too


async def test_a_meeting_under_way_says_so_and_one_over_asks_for_its_debrief(make_app, store):
    from prep.tui.screens.call import CallScreen
    from prep.tui.screens.debrief import DebriefScreen

    store.add_meeting(MeetingDraft("Standup", "Dana", at(0, 13, 45)))  # 13:45 to 14:15
    store.add_meeting(MeetingDraft("Renewal", "Priya", at(0, 11)))  # over at 11:30
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # The debrief comes first in the agenda, then what is happening now.
        text = detail_text(app)
        assert "Renewal" in text
        assert "This meeting has happened. Press b" in text
        await pilot.press("down")
        text = detail_text(app)
        assert "Standup" in text
        assert "This meeting is under way, until 14:15 (15 min left)." in text.replace("\n", " ")
        assert "has happened" not in text
        await pilot.press("enter")  # a meeting under way opens the call screen
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert app.screen.meeting.title == "Standup"
        await pilot.press("escape", "b")  # and b its debrief
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.meeting.title == "Standup"


async def test_deleting_one_of_a_series_asks_which_and_undo_brings_them_back(
    make_app, store, db_path
):
    from prep.tui.screens.series_scope import SeriesScopeScreen
    from tests.tui.conftest import burst, rows
    from tests.tui.test_meeting_form import weekly_series

    weekly_series(store)
    before = rows(db_path, "SELECT count(*) FROM meetings")[0][0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "down", "d")
        assert isinstance(app.screen, SeriesScopeScreen)
        await burst(pilot, "o")  # this one
        one = rows(db_path, "SELECT count(*) FROM meetings")[0][0]
        # The cursor stays on the second row, now 15 Dec: delete it and later.
        await burst(pilot, "d", "l")
        left = rows(db_path, "SELECT substr(starts_at, 1, 10) FROM meetings ORDER BY starts_at")
        await burst(pilot, "ctrl+z")
        undone = rows(db_path, "SELECT count(*) FROM meetings")[0][0]
    print(f"series of {before}: this one -> {one}; and later -> {len(left)}; undo -> {undone}")
    assert (one, undone) == (before - 1, before - 1)
    assert left == [("2026-12-01",)]


def test_a_date_in_another_year_fits_the_agenda_date_column():
    # "Mon 4 Jan 2027" once pushed the title, person and dots out of line.
    from datetime import timedelta

    from prep.domain.agenda import GroupKind
    from prep.tui.widgets.agenda_list import short_when

    now = at(0, 12)
    for days in range(0, 800, 3):
        meeting = Meeting(
            id=1,
            title="x",
            counterpart=Counterpart(id=1, name="Dana"),
            starts_at=now + timedelta(days=days),
        )
        text = short_when(meeting, GroupKind.LATER, now)
        assert len(text) <= 10, text
    assert short_when(meeting, GroupKind.LATER, now).endswith(f"’{(now + timedelta(days=798)):%y}")
