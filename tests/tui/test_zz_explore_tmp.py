from tests.tui.test_debrief import *
from textual.widgets import Static

async def test_hist(make_app, store, db_path):
    s, u, a, f = seed_debriefed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_follow_up_checklist(pilot, f)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        print(repr(text_of(screen.query_one("#level-history", Static))))
        print(screen.query_one("#panes").current)
