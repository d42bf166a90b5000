"""Issue 18: ctrl+e (and the palette) exports the brief and the debrief from
inside the app, to the same owner-only Markdown the CLI's --out writes."""

from __future__ import annotations

import stat

from prep.domain.models import MeetingDraft
from prep.store.exports import brief_markdown, debrief_markdown
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.screens.debrief import DebriefScreen
from tests.helpers import NOW, at
from tests.tui.conftest import SIZE, paste
from tests.tui.test_call import open_agenda_on


async def test_ctrl_e_writes_the_brief_and_the_palette_the_debrief(make_app, store, db_path):
    upcoming = store.add_meeting(MeetingDraft("Q4 review", "Dana Whitfield", at(1, 10)))
    held = store.add_meeting(MeetingDraft("Kick-off", "Dana Whitfield", at(-1, 10)))
    store.checklists.add_item("asks", upcoming.id, text="Sign off the budget by Friday")
    store.debriefs.set_field(held.id, "outcome", "Scope agreed.")
    folder = db_path.parent / "exports"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda_on(pilot, upcoming.id)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("ctrl+e")
        await pilot.pause()
        brief = folder / "2026-11-28-q4-review-brief.md"
        assert [n.message for n in app._notifications] == [f"Brief written to {brief}"]
        await pilot.press("escape")
        await pilot.pause()

        await open_agenda_on(pilot, held.id)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await paste(pilot, "Export the debrief")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    debrief = folder / "2026-11-26-kick-off-debrief.md"
    for path in (brief, debrief):
        mode = stat.S_IMODE(path.stat().st_mode)
        print(f"{path.name}: {oct(mode)}, {path.stat().st_size} bytes")
        assert mode == 0o600
    assert brief.read_text().startswith("# Q4 review")
    assert brief.read_text() == brief_markdown(
        store, upcoming, NOW
    )  # what `prep brief --out` writes
    assert debrief.read_text() == debrief_markdown(store, held, NOW)
    assert "Scope agreed." in debrief.read_text()
