"""Settings in the app: the theme chosen in the palette is remembered
across runs, a bad settings file is a notification, and the meeting form
reads dates in the person's order (keys sent without pauses)."""

from __future__ import annotations

from textual.widgets import Static

from prep.domain.settings import DateOrder, Settings
from prep.store.settings_file import load_settings
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.meeting_form import MeetingFormScreen
from tests.tui.conftest import SIZE, burst, paste, rows, typed


async def choose_theme(pilot, name: str) -> None:
    await pilot.press("ctrl+p")
    await paste(pilot, "theme")
    await pilot.press("enter")
    await pilot.pause()
    await paste(pilot, name)
    await pilot.press("enter")
    for _ in range(3):
        await pilot.pause()


async def test_the_theme_chosen_in_the_palette_is_remembered(store, clock, tmp_path):
    path = tmp_path / "config" / "settings.toml"
    first = PrepApp(store, clock=clock, settings=load_settings(path).settings, settings_file=path)
    async with first.run_test(size=SIZE) as pilot:
        assert first.theme == "textual-dark"
        await choose_theme(pilot, "nord")
        assert first.theme == "nord"
    print(path.read_text())
    assert load_settings(path).settings.theme == "nord"

    second = PrepApp(store, clock=clock, settings=load_settings(path).settings, settings_file=path)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.theme == "nord"
        await choose_theme(pilot, "gruvbox")
    assert load_settings(path).settings.theme == "gruvbox"


async def test_starting_with_the_remembered_theme_writes_nothing(store, clock, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"   # kept as typed\n')
    app = PrepApp(store, clock=clock, settings=load_settings(path).settings, settings_file=path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert app.theme == "nord"
    assert path.read_text() == 'theme = "nord"   # kept as typed\n'


async def test_a_bad_settings_file_is_a_notification(store, clock, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\ncolour = "red"\n')
    reading = load_settings(path)
    app = PrepApp(store, clock=clock, settings=reading.settings, settings_file=path)
    app.startup_problems.append(reading.problem)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        print(messages)
        assert messages == [reading.problem]
        assert "line 2: colour: not a setting prep knows" in messages[0]
        assert app.theme == "textual-dark"  # the defaults


async def test_an_unknown_theme_says_so_and_keeps_the_default(store, clock):
    app = PrepApp(store, clock=clock, settings=Settings(theme="no-such-theme"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def add_by_form(app: PrepApp, when: str) -> str:
    """Type a whole meeting into the form at once; return the when hint."""
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n", *typed("Plan"), "tab", *typed("Dana"), "tab", "tab", "tab")
        await burst(pilot, *typed(when))
        assert isinstance(app.screen, MeetingFormScreen)
        hint = str(app.screen.query_one("#when-hint", Static).render())
        duration = app.screen.query_one("#duration").value
        await burst(pilot, "ctrl+s")
        assert isinstance(app.screen, AgendaScreen), hint
    return f"{hint} | {duration}"


async def test_the_form_reads_day_first_dates(store, clock, db_path):
    hint = await add_by_form(PrepApp(store, clock=clock), "12/1 3pm")
    print(hint)
    assert hint == "→ Tue 12 Jan 2027 15:00 · in 6 wk | 30"
    assert rows(db_path, "SELECT starts_at, duration_minutes FROM meetings") == [
        ("2027-01-12T15:00+00:00", 30)
    ]


async def test_the_form_reads_month_first_dates_and_the_default_length(store, clock, db_path):
    settings = Settings(date_order=DateOrder.MONTH_FIRST, meeting_length=50)
    hint = await add_by_form(PrepApp(store, clock=clock, settings=settings), "12/1 3pm")
    print(hint)
    assert hint == "→ Tue 1 Dec 15:00 · in 4 days | 50"
    assert rows(db_path, "SELECT starts_at, duration_minutes FROM meetings") == [
        ("2026-12-01T15:00+00:00", 50)
    ]


async def test_the_form_refuses_a_date_impossible_in_its_order(store, clock, db_path):
    settings = Settings(date_order=DateOrder.MONTH_FIRST)
    app = PrepApp(store, clock=clock, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n", *typed("Plan"), "tab", *typed("Dana"), "tab", "tab", "tab")
        await burst(pilot, *typed("13/1"), "ctrl+s")
        hint = str(app.screen.query_one("#when-hint", Static).render())
        print(hint)
        assert hint == "13/1: 13 is not a month — dates are month-first (1/13)."
        assert isinstance(app.screen, MeetingFormScreen)
    assert rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]
