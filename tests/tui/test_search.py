"""`/` search in the app: results as you type, the match highlighted, enter opens."""

from __future__ import annotations

from textual.widgets import OptionList

from prep.domain.models import MeetingDraft
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.debrief import DebriefScreen
from prep.tui.screens.people import PeopleScreen
from prep.tui.screens.search import SearchScreen
from tests.helpers import at
from tests.tui.conftest import SIZE, paste


def results(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#search-results", OptionList).options]


async def test_typing_shows_hits_and_enter_opens_the_checklist(make_app, store):
    future = store.add_meeting(
        MeetingDraft(
            "Scope change",
            "Dana Whitfield",
            at(2, 10),
            notes="Show what the warehouse module costs",
        )
    )
    past = store.add_meeting(MeetingDraft("Roadmap", "Priya Raman", at(-2, 10)))
    store.checklists.add_item("asks", past.id, text="I need the warehouse dates")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"wareh")  # no pauses between keys
        await pilot.pause()
        found = results(app)
        print(found)
        assert len(found) == 2
        assert "Scope change · Dana Whitfield" in found[0] and "Meeting: Show what" in found[0]
        assert "Roadmap · Priya Raman" in found[1] and "Ask: I need the warehouse" in found[1]
        [option] = app.screen.query_one(OptionList).options[:1]
        line = option.prompt
        styled = [line.plain[s.start : s.end] for s in line.spans if "reverse" in str(s.style)]
        assert styled == ["warehouse"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.meeting.id == future.id


async def test_arrow_to_a_past_meeting_opens_its_debrief_and_escape_goes_home(make_app, store):
    past = store.add_meeting(MeetingDraft("Roadmap", "Priya Raman", at(-2, 10), notes="warehouse"))
    store.add_meeting(MeetingDraft("Scope change", "Dana", at(2, 10), notes="warehouse"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await paste(pilot, "warehouse")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.meeting.id == past.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, AgendaScreen)


async def test_nothing_found_and_fts_syntax_says_so(make_app, store):
    store.add_meeting(MeetingDraft("Scope change", "Dana", at(2, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await paste(pilot, '"NEAR( zzz')
        assert results(app) == []
        assert "Nothing matches." in str(app.screen.query_one("#search-status").render())
        for _ in range(10):
            await pilot.press("backspace")
        assert "Type to search" in str(app.screen.query_one("#search-status").render())


async def test_slash_on_the_people_screen(make_app, store):
    store.add_meeting(MeetingDraft("Scope change", "Dana", at(2, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("slash")
        await paste(pilot, "scope")
        assert isinstance(app.screen, SearchScreen) and len(results(app)) == 1
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)
