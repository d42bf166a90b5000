"""The palette's "Import a calendar": typed path in, the import's summary out."""

from __future__ import annotations

import shutil

from prep.tui.screens.import_calendar import ImportCalendarScreen
from tests.store.test_calendar_import import CALENDARS
from tests.tui.conftest import SIZE, paste


async def test_palette_imports_a_calendar_and_shows_the_summary(make_app, tmp_path):
    calendar = tmp_path / "work.ics"
    shutil.copy(CALENDARS / "google.ics", calendar)
    # google.ics is dated 1-3 December 2026: inside the default window of the
    # tests' fixed "now" (27 Nov 2026), so no --from/--to is needed.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await paste(pilot, "import a cal")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportCalendarScreen)
        app.screen.query_one("#import-path").value = str(calendar)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        print(messages)
        assert any("2 added, 0 updated, 0 cancelled, 0 unchanged" in m for m in messages)
        assert app.store.meeting_count() == 2
