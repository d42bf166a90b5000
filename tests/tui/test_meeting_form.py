"""Create, edit and delete meetings by pressing keys, then check the file.

The fields' text is pasted (`paste`), except where typing is the point (a
repeat typed fast, sent as keys with `burst`): these tests are about the
form's keys, hints and saving, not about typing."""

from __future__ import annotations

from textual.widgets import Input, Static

from prep.domain.models import MeetingDraft, Setting
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.screens.meeting_form import DRAFT_DELAY, MeetingFormScreen
from prep.tui.screens.series_scope import SeriesScopeScreen
from prep.tui.screenshots import fill_new_meeting
from prep.tui.widgets.agenda_list import REPEAT_MARK
from tests.helpers import at
from tests.tui.conftest import SIZE, burst, paste, rows, typed
from tests.tui.test_agenda import option_texts

MEETING_ROW = (
    "SELECT m.title, c.name, c.kind, c.rank, m.starts_at, m.duration_minutes, m.setting, m.notes"
    " FROM meetings m JOIN people c ON c.id = m.person_id"
)


async def test_create_a_meeting_by_keyboard(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, MeetingFormScreen)
        await paste(pilot, "Q4 roadmap review")
        await pilot.press("tab")
        await paste(pilot, "Dana Whitfield")
        # Who they are to you: kind (client -> boss), then rank (senior -> peer).
        await pilot.press("tab", "right", "right")
        await pilot.press("tab", "right")
        await pilot.press("tab")
        await paste(pilot, "tomorrow 3pm")
        hint = app.screen.query_one("#when-hint", Static)
        assert str(hint.render()) == "→ Sat 28 Nov 15:00 · tomorrow"  # the month by name
        # Entering a field puts the caret after its text ("30"), selecting nothing.
        await pilot.press("tab", "ctrl+u")
        await paste(pilot, "1h30")
        await pilot.press("tab", "tab", "tab")  # past Repeats and Setting
        await paste(pilot, "Bring the pilot numbers.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    assert rows(db_path, MEETING_ROW) == [
        (
            "Q4 roadmap review",
            "Dana Whitfield",
            "boss",
            "peer",
            "2026-11-28T15:00+00:00",
            90,
            "video",
            "Bring the pilot numbers.",
        ),
    ]


async def test_edit_a_meeting_by_keyboard(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Old title", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        assert form.query_one("#title", Input).value == "Old title"
        await pilot.press("ctrl+u")  # the caret is after the old title; nothing is selected
        await paste(pilot, "New title")
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+u")  # person, kind, rank, when
        await paste(pilot, "mon 9:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    assert rows(db_path, "SELECT title, starts_at FROM meetings") == [
        ("New title", "2026-11-30T09:30+00:00")
    ]


async def test_delete_asks_first_and_no_keeps_the_meeting(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Keep me", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert rows(db_path, "SELECT title FROM meetings") == [("Keep me",)]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]


async def test_delete_from_the_edit_form(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Delete me", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]


async def test_bad_date_shows_inline_error_and_saves_nothing(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await fill_new_meeting(pilot, "Budget call", "Tom", "next blursday 3pm")
        hint = app.screen.query_one("#when-hint", Static)
        assert "Can't read" in str(hint.render())
        assert hint.has_class("error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingFormScreen)  # still here, text intact
        assert app.screen.focused.id == "when"
        assert app.screen.query_one("#when", Input).value == "next blursday 3pm"
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM people") == [(0,)]


async def test_a_bare_hour_is_the_afternoon_and_the_hint_says_which_reading(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await paste(pilot, "Budget call")
        await pilot.press("tab")
        await paste(pilot, "Tom")
        await pilot.press("tab", "tab", "tab")
        await paste(pilot, "tomorrow at 3")
        hint = app.screen.query_one("#when-hint", Static)
        assert str(hint.render()) == (
            "→ Sat 28 Nov 15:00 (afternoon; write 3am for the morning) · tomorrow"
        )
        assert not hint.has_class("error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT starts_at FROM meetings") == [("2026-11-28T15:00+00:00",)]


async def test_a_month_first_date_is_refused_with_the_day_first_form(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await paste(pilot, "Year end")
        await pilot.press("tab")
        await paste(pilot, "Tom")
        await pilot.press("tab", "tab", "tab")
        await paste(pilot, "12/31")
        hint = app.screen.query_one("#when-hint", Static)
        assert str(hint.render()) == "12/31: 31 is not a month — dates are day-first (31/12)."
        assert hint.has_class("error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingFormScreen)
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "31/12")
        assert str(hint.render()).startswith("→ Thu 31 Dec 09:00 · ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT starts_at FROM meetings") == [("2026-12-31T09:00+00:00",)]


async def test_missing_title_is_pointed_out_where_you_look(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab")
        await paste(pilot, "Dana")
        await pilot.press("tab", "tab", "tab")
        await paste(pilot, "tomorrow 3pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.focused.id == "title"
        assert "title" in str(app.screen.query_one("#title-hint", Static).render())
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]


async def test_an_existing_person_is_recognised(make_app, store):
    store.add_meeting(MeetingDraft("Earlier", "Dana Whitfield", at(-3, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab")
        await paste(pilot, "dana whitfield")
        hint = str(app.screen.query_one("#person-hint", Static).render())
        assert "Someone you have met" in hint


async def test_half_typed_form_survives_quitting(store, clock, db_path):
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await paste(pilot, "Half typed 🚀")
        await pilot.pause(DRAFT_DELAY + 0.3)
        await pilot.press("ctrl+q")
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]

    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Half typed 🚀"


async def test_escape_with_changes_asks_before_discarding(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await paste(pilot, "Something")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Something"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT count(*) FROM drafts") == [(0,)]


async def test_escape_on_an_untouched_form_just_goes_back(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


async def test_huge_paste_is_refused_with_a_message_and_kept(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#title", Input).insert_text_at_cursor("x" * 50_000)
        await pilot.press("tab")
        await paste(pilot, "Dana")
        await pilot.press("tab", "tab", "tab")
        await paste(pilot, "tomorrow 3pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingFormScreen)
        assert "50,000 characters" in str(app.screen.query_one("#title-hint", Static).render())
        assert len(app.screen.query_one("#title", Input).value) == 50_000
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]


async def test_setting_is_chosen_by_keyboard(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Coffee?", "Dana", at(1, 10), setting=Setting.VIDEO))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#setting").focus()
        await pilot.press("right", "right", "right")  # video -> coffee
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert rows(db_path, "SELECT setting FROM meetings") == [("coffee",)]


async def test_markup_like_text_is_shown_literally_not_interpreted(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await paste(pilot, "[b]Plan[/x]")
        await pilot.press("tab")
        await paste(pilot, "[red]Dana")
        await pilot.press("tab", "tab", "tab")
        await paste(pilot, "[/x] at 3")
        assert "[/x]" in str(app.screen.query_one("#when-hint", Static).render())
        await pilot.press("ctrl+a", "ctrl+k")
        await paste(pilot, "tomorrow 3pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert rows(
        db_path,
        "SELECT m.title, c.name FROM meetings m JOIN people c ON c.id = m.person_id",
    ) == [("[b]Plan[/x]", "[red]Dana")]


async def test_a_known_person_shows_their_kind_and_rank(make_app, store):
    from prep.domain.models import Rank, RelationshipKind
    from prep.tui.widgets.choice import Choice

    store.add_meeting(
        MeetingDraft(
            "Earlier",
            "Marcus",
            at(-3, 10),
            counterpart_kind=RelationshipKind.BOSS,
            counterpart_rank=Rank.SENIOR,
        )
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab")
        await paste(pilot, "marcus")
        await pilot.pause()
        assert app.screen.query_one("#kind", Choice).value == "boss"
        assert app.screen.query_one("#rank", Choice).value == "senior"


# -- repeating meetings ---------------------------------------------------------


def form_keys(title: str, when: str, repeat: str) -> list[str]:
    """A new meeting typed from the agenda: title, person, when, repeat."""
    keys = ["n", *typed(title), "tab", *typed("Dana"), "tab", "tab", "tab", *typed(when)]
    return [*keys, "tab", "tab", *typed(repeat)]  # past Length to Repeats


async def test_a_repeat_typed_fast_is_read_back_and_the_agenda_lists_each_meeting(
    make_app, db_path
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, *form_keys("Weekly sync", "tue 10am", "every week until 22 dec"))
        hint = str(app.screen.query_one("#repeat-hint", Static).render())
        print(hint)
        assert hint == "→ every week until Tue 22 Dec 2026 — 4 meetings"
        await burst(pilot, "ctrl+s")
        assert isinstance(app.screen, AgendaScreen)
        shown = [text for text in option_texts(app) if "Weekly sync" in text]
        print(f"agenda rows of the series: {len(shown)}")
        assert len(shown) == 4 and all(REPEAT_MARK in text for text in shown)
    assert rows(db_path, "SELECT substr(starts_at, 1, 16) FROM meetings ORDER BY id") == [
        ("2026-12-01T10:00",),
        ("2026-12-08T10:00",),
        ("2026-12-15T10:00",),
        ("2026-12-22T10:00",),
    ]


async def test_a_repeat_it_cannot_read_is_pointed_out_and_nothing_is_saved(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, *form_keys("Weekly sync", "tue 10am", "every wed"), "ctrl+s")
        assert isinstance(app.screen, MeetingFormScreen)
        hint = str(app.screen.query_one("#repeat-hint", Static).render())
        print(hint)
        assert hint == "The first meeting is on a Tue: include it, or move the first meeting."
        assert app.screen.query_one("#repeat", Input).value == "every wed"  # kept
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]


def weekly_series(store) -> None:
    from prep.domain.repeats import read_repeat

    repeat = read_repeat("every week", at(4, 10))
    assert repeat is not None
    store.add_meeting(
        MeetingDraft(
            "Weekly sync", "Dana", at(4, 10), repeat=repeat.rrule, repeat_text="every week"
        )
    )


async def test_editing_one_of_a_series_asks_this_one_or_this_and_later(make_app, store, db_path):
    weekly_series(store)
    before = rows(db_path, "SELECT count(*) FROM meetings")[0][0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "down", "down", "e")  # the third meeting
        assert app.screen.query_one("#repeat", Input).value == "every week"
        await burst(pilot, "ctrl+u", *typed("Sync, new time"), "ctrl+s")
        assert isinstance(app.screen, SeriesScopeScreen)
        await burst(pilot, "l")
        assert isinstance(app.screen, AgendaScreen)
    titles = rows(db_path, "SELECT title, count(*) FROM meetings GROUP BY title ORDER BY title")
    print(f"{before} meetings before; after 'this and later': {titles}")
    assert titles == [("Sync, new time", before - 2), ("Weekly sync", 2)]
    assert rows(db_path, "SELECT count(*) FROM series") == [(2,)]


async def test_editing_this_one_changes_only_it(make_app, store, db_path):
    weekly_series(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "down", "e", "ctrl+u", *typed("Just this one"), "ctrl+s", "o")
        assert isinstance(app.screen, AgendaScreen)
    assert rows(db_path, "SELECT count(*) FROM meetings WHERE title = 'Just this one'") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM series") == [(1,)]


async def test_the_coffee_or_meal_tip_goes_once_one_is_chosen(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Catch-up", "Dana", at(1, 10), setting=Setting.VIDEO))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:

        async def tip_after(*keys: str) -> bool:
            await burst(pilot, *keys)
            return app.screen.query_one("#setting-tip", Static).display

        assert await tip_after("e") is True  # a video call: the tip shows
        app.screen.query_one("#setting").focus()
        seen = [
            await tip_after("right", "right", "right"),  # video -> coffee
            await tip_after("left"),  # office
            await tip_after("right", "right"),  # meal
        ]
        print(f"tip shown after each choice: {seen}")
        assert seen == [False, True, False]
        await burst(pilot, "ctrl+s")
        assert isinstance(app.screen, AgendaScreen)
        # Opened again over a meal, the form does not suggest one.
        assert await tip_after("e") is False
    assert rows(db_path, "SELECT setting FROM meetings") == [("meal",)]
