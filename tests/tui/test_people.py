"""The people screen by keyboard: the list and each timeline, editing a
person, and merging two records of one person. Each test reads back the
SQLite file (`rows`) and the table and timeline a person sees."""

from __future__ import annotations

from dataclasses import dataclass

from textual.geometry import Region
from textual.widgets import DataTable, Input, OptionList, Static

from prep.domain.models import MeetingDraft
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.screens.people import PeopleScreen
from prep.tui.screens.person_form import PersonFormScreen
from prep.tui.screens.pick_person import PickPersonScreen
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows

PERSON_ROW = "SELECT name, organisation, kind, rank, feedback_cadence FROM people WHERE id = ?"


@dataclass(frozen=True)
class People:
    dana: int  # "Dana Whitfield", three meetings
    dana_w: int  # "Dana W", the same person entered twice: one meeting
    sam: int  # "Sam Patel", one meeting
    intro: int  # Dana W's meeting


def seed(store) -> People:
    c, d = store.checklists, store.debriefs
    dana = store.add_counterpart("Dana Whitfield", organisation="Northwind")
    pilot = store.add_meeting(MeetingDraft("Pilot review", "Dana Whitfield", at(-4, 9))).id
    c.set_field(pilot, "planned_level", 6)
    for name, value in (("outcome", "Budget approved"), ("temperature", 4), ("actual_level", 7)):
        d.set_field(pilot, name, value)
    kick_off = store.add_meeting(MeetingDraft("Kick-off", "Dana Whitfield", at(-10, 10))).id
    c.set_field(kick_off, "planned_level", 5)
    store.add_meeting(MeetingDraft("Planning", "Dana Whitfield", at(4, 10)))
    sam = store.add_meeting(MeetingDraft("Budget check", "Sam Patel", at(-2, 15)))
    intro = store.add_meeting(MeetingDraft("Intro call", "Dana W", at(-20, 11)))
    d.set_field(intro.id, "temperature", 3)
    return People(dana=dana.id, dana_w=intro.counterpart.id, sam=sam.counterpart.id, intro=intro.id)


def text_of(widget: Static) -> str:
    return str(widget.render())


def timeline(screen: PeopleScreen) -> str:
    return text_of(screen.query_one("#timeline-body", Static))


def table_rows(screen: PeopleScreen) -> list[tuple[str, str]]:
    """(name, meetings) for each row, top to bottom."""
    table = screen.query_one(DataTable)
    return [
        (str(table.get_row_at(i)[0]), str(table.get_row_at(i)[2])) for i in range(table.row_count)
    ]


async def open_people(pilot) -> PeopleScreen:
    assert isinstance(pilot.app.screen, AgendaScreen)
    await pilot.press("o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    assert pilot.app.focused is screen.query_one(DataTable)
    return screen


async def select_dana(pilot, screen: PeopleScreen) -> None:
    """Rows are by name: Dana W, Dana Whitfield, Sam Patel. One down."""
    await pilot.press("down")
    await pilot.pause()
    assert screen.query_one(DataTable).cursor_row == 1


async def open_form(pilot) -> PersonFormScreen:
    await pilot.press("e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, PersonFormScreen)
    assert pilot.app.focused is form.query_one("#person-name", Input)
    return form


async def test_o_lists_people_and_the_cursor_shows_each_timeline(make_app, store):
    seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert screen.title == "People"
        assert table_rows(screen) == [("Dana W", "1"), ("Dana Whitfield", "3"), ("Sam Patel", "1")]
        first = timeline(screen)
        assert first.splitlines()[0] == "Dana W"
        assert "Intro call" in first and "temperature 3/5" in first

        await select_dana(pilot, screen)
        lines = timeline(screen).splitlines()
        assert lines[:2] == [
            "Dana Whitfield",
            "client · Northwind · senior to you · feedback quarterly",
        ]
        titles = [
            line.strip()
            for line in lines
            if line.strip() in ("Planning", "Pilot review", "Kick-off")
        ]
        assert titles == ["Planning", "Pilot review", "Kick-off"]  # newest first
        assert "  level plan 6 / actual 7 (just right) · temperature 4/5" in lines
        assert "  Budget approved" in lines
        assert "  level plan 5 / actual \u2013" in lines
        assert "Intro call" not in "\n".join(lines)

        await pilot.press("down")
        await pilot.pause()
        assert timeline(screen).splitlines()[0] == "Sam Patel"
        assert "Budget check" in timeline(screen)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


async def test_e_edits_organisation_and_cadence(make_app, store, db_path):
    people = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await select_dana(pilot, screen)
        await open_form(pilot)
        await pilot.press("tab")
        assert app.focused.id == "person-org"
        await pilot.press("end", "ctrl+u")
        await paste(pilot, "Contoso")
        await pilot.press("tab", "tab", "tab")  # kind, rank, cadence
        assert app.focused.id == "person-cadence"
        await pilot.press("right", "right")  # quarterly -> yearly
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is screen
        assert screen.query_one(DataTable).cursor_row == 1  # still on Dana
        assert timeline(screen).splitlines()[1] == (
            "client · Contoso · senior to you · feedback yearly"
        )

    assert rows(db_path, PERSON_ROW, (people.dana,)) == [
        ("Dana Whitfield", "Contoso", "client", "senior", "yearly")
    ]


async def test_an_empty_name_shows_the_error_and_saves_nothing(make_app, store, db_path):
    people = seed(store)
    before = rows(db_path, "SELECT * FROM people ORDER BY id")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await select_dana(pilot, screen)
        form = await open_form(pilot)
        await pilot.press("end", "ctrl+u")
        assert form.query_one("#person-name", Input).value == ""
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form  # still open, with the reason
        error = form.query_one("#person-error", Static)
        assert error.display
        assert text_of(error) == "A person needs a name."

        # A name someone else has is refused the same way.
        await paste(pilot, "Sam Patel")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert text_of(error) == "Someone called Sam Patel already exists: merge them instead."

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert table_rows(screen)[1] == ("Dana Whitfield", "3")

    assert rows(db_path, "SELECT * FROM people ORDER BY id") == before
    assert rows(db_path, PERSON_ROW, (people.dana,)) == [
        ("Dana Whitfield", "Northwind", "client", "senior", "quarterly")
    ]


async def test_m_merges_the_other_record_into_the_selected_person(make_app, store, db_path):
    people = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await select_dana(pilot, screen)
        await pilot.press("m")
        await pilot.pause()
        pick = app.screen
        assert isinstance(pick, PickPersonScreen)
        assert text_of(pick.query_one("#pick-question", Static)) == (
            "Merge into Dana Whitfield: who is the same person?"
        )
        options = pick.query_one(OptionList)
        assert [
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        ] == ["Dana W", "Sam Patel"]
        assert options.highlighted == 0
        await pilot.press("enter")  # Dana W
        await pilot.pause()

        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert text_of(confirm.query_one("#confirm-question", Static)) == (
            "Merge Dana W into Dana Whitfield?"
        )
        assert text_of(confirm.query_one("#confirm-detail", Static)).startswith(
            "1 meeting move to Dana Whitfield, and Dana W is removed."
        )
        await pilot.press("y")
        await pilot.pause()

        assert app.screen is screen
        assert table_rows(screen) == [("Dana Whitfield", "4"), ("Sam Patel", "1")]
        assert screen.query_one(DataTable).cursor_row == 0  # still on Dana
        assert "Intro call" in timeline(screen)

    assert rows(db_path, "SELECT id, name FROM people ORDER BY id") == [
        (people.dana, "Dana Whitfield"),
        (people.sam, "Sam Patel"),
    ]
    assert rows(db_path, "SELECT person_id FROM meetings WHERE id = ?", (people.intro,)) == [
        (people.dana,)
    ]
    assert rows(db_path, "SELECT count(*) FROM meetings WHERE person_id = ?", (people.dana,)) == [
        (4,)
    ]


async def test_declining_the_merge_changes_nothing(store, clock, db_path):
    seed(store)
    before = rows(db_path, "SELECT id, person_id FROM meetings ORDER BY id")
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await select_dana(pilot, screen)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("down", "enter")  # Sam Patel
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert len(table_rows(screen)) == 3
    assert rows(db_path, "SELECT id, person_id FROM meetings ORDER BY id") == before
    assert rows(db_path, "SELECT count(*) FROM people") == [(3,)]


async def test_the_merge_picker_shows_names_as_typed(make_app, store):
    store.add_meeting(MeetingDraft("Pilot review", "Dana Whitfield", at(-4, 9)))
    store.add_meeting(MeetingDraft("Onboarding", "Priya [contractor]", at(-3, 9)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)  # Dana Whitfield is selected
        await pilot.press("m")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1
        shown = [strip.text for strip in options.render_lines(Region(0, 0, *options.outer_size))]
        assert any("Priya [contractor]" in line for line in shown), shown
