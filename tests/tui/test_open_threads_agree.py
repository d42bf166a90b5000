"""Issue 18: the five places that show what is still open with a person agree.

One person, one thread of each kind from an earlier meeting; the agenda's
detail pane, the checklist (its step-1 list and carry-over offer), the
brief, the call screen and the people timeline must list the same threads.
Then one is settled in one place (the unsaid item ticked resolved in the
checklist) and must be gone from all five.
"""

from __future__ import annotations

from textual.widgets import Label, Static

from prep.domain.debrief import AskAnswer, Owner
from prep.domain.models import MeetingDraft
from prep.tui.screens.call import CallScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.screens.people import PeopleScreen
from prep.tui.widgets.checklist_panes import BriefPane
from prep.tui.widgets.meeting_detail import MeetingDetail
from prep.tui.widgets.open_items import OpenItems
from prep.tui.widgets.tick_box import TickBox
from tests.helpers import NOW, at
from tests.tui.conftest import SIZE
from tests.tui.test_call import open_agenda_on


def seed(store) -> tuple[int, int]:
    """Dana: a past meeting (debriefed) leaving one thread of each kind, and
    the next one tomorrow. Returns (next meeting id, unsaid item id)."""
    earlier = store.add_meeting(MeetingDraft("Roadmap", "Dana Whitfield", at(-10, 10))).id
    upcoming = store.add_meeting(MeetingDraft("Budget", "Dana Whitfield", at(1, 10))).id
    c, d = store.checklists, store.debriefs
    later = c.add_item("asks", earlier, text="Sign off the budget")
    unsaid_ask = c.add_item("asks", earlier, text="Can I lead phase two?")
    launch = c.add_item(
        "deadlines", earlier, label="Launch", earliest=at(5, 0).date(), latest=at(9, 0).date()
    )
    c.add_item("problems", earlier, text="No test lab", ask_for_help=True)
    d.set_field(earlier, "outcome", "Half of it agreed.")
    d.set_ask_result(later, True, AskAnswer.LATER)
    d.set_ask_result(unsaid_ask, False, None)  # not asked: an unsaid item
    d.record_move(launch, earlier, at(12, 0).date(), None, at(16, 0).date())
    store.items.add("actions", earlier, text="Send the draft", owner=Owner.ME)
    d.set_field(earlier, "coaching_note", "Send the agenda a day ahead")
    [unsaid] = d.get(earlier).unsaid
    return upcoming, unsaid.id


def expected(store, meeting_id: int) -> list[str]:
    threads = store.threads.open_before(store.meeting(meeting_id), NOW.date())
    return [t.line(NOW.date()) for t in threads]


def bullets(text: str, mark: str = "• ") -> list[str]:
    return [
        line.strip()[len(mark) :] for line in text.splitlines() if line.strip().startswith(mark)
    ]


def rendered(widget: Static | Label) -> str:
    return str(widget.render())


async def everywhere(pilot, meeting_id: int) -> dict[str, list[str]]:
    """What each of the five places lists as still open, read off the screens."""
    app = pilot.app
    await open_agenda_on(pilot, meeting_id)
    seen: dict[str, list[str]] = {}
    detail = rendered(app.screen.query_one(MeetingDetail).query_one("#detail-body", Static))
    seen["agenda"] = bullets(detail.split("Still open with them", 1)[-1])

    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CallScreen)
    seen["call"] = bullets(rendered(app.screen.query_one(".call-lines.unsaid", Static)))
    await pilot.press("escape")
    await pilot.pause()

    await pilot.press("p")
    await pilot.pause()
    if isinstance(app.screen, ConfirmScreen):
        # The carry-over offer names what it would copy; start blank, so the
        # threads stay open where they were raised.
        seen["offer"] = [rendered(app.screen.query_one("#confirm-detail", Static))]
        await pilot.press("escape")
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    items = screen.query_one("#open-items", OpenItems)
    seen["checklist"] = [
        str(w.label) if isinstance(w, TickBox) else rendered(w).strip()
        for w in items.query("TickBox, .open-line")
    ]
    await pilot.press(*["pagedown"] * 4)
    await pilot.pause()
    brief = screen.query_one(BriefPane).markdown
    section = brief.split("## Still open with them", 1)[-1].split("\n## ", 1)[0]
    # Markdown escapes what it quotes; the other places show plain text.
    seen["brief"] = [line.replace("\\", "") for line in bullets(section, "- ")]
    await pilot.press("escape")
    await pilot.pause()

    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, PeopleScreen)
    seen["people"] = bullets(rendered(app.screen.query_one("#timeline-body", Static)))
    await pilot.press("escape")
    await pilot.pause()
    for place, lines in seen.items():
        print(f"{place}: {len(lines)} lines")
    return seen


async def test_five_places_show_the_same_open_threads_and_settle_together(make_app, store):
    meeting_id, unsaid_id = seed(store)
    want = expected(store, meeting_id)
    print("\n".join(want))
    assert [line.split(":")[0] for line in want] == [
        "Unsaid",
        "Ask again",
        "Action",
        "Deadline",
        "Help",
        "Coaching up",
    ]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = await everywhere(pilot, meeting_id)
        offer = seen.pop("offer")
        assert offer == [
            "Copy 1 ask to make again, 1 deadline, 1 problem still waiting for help still "
            "open from earlier meetings. You can edit or remove them; the alternative is a "
            "blank checklist."
        ]
        assert seen == {place: want for place in seen}, seen

        # Settle the unsaid item in one place: ticked resolved in the checklist.
        await pilot.press("p")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("escape")
            await pilot.pause()
        box = app.screen.query_one(f"#unsaid-{unsaid_id}", TickBox)
        box.focus()
        await pilot.press("space")
        await pilot.press("escape")
        await pilot.pause()

        after = await everywhere(pilot, meeting_id)
        after.pop("offer", None)
        assert after == {place: want[1:] for place in after}, after
    assert store.query("SELECT resolved_at IS NOT NULL AS resolved FROM unsaid_items") == [
        {"resolved": 1}
    ]


async def test_s_on_a_carried_unsaid_item_makes_it_an_ask_of_this_meeting(make_app, store):
    """Issue 15 item 7: "say it this time", one key in step 1."""
    meeting_id, unsaid_id = seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda_on(pilot, meeting_id)
        await pilot.press("p")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):
            await pilot.press("escape")
            await pilot.pause()
        app.screen.query_one(f"#unsaid-{unsaid_id}", TickBox).focus()
        await pilot.press("s")
        await pilot.pause()
        items = app.screen.query_one("#open-items", OpenItems)
        assert not items.query(f"#unsaid-{unsaid_id}")  # the ask stands for it now
    asks = store.checklists.get(meeting_id).asks
    print([a.text for a in asks])
    assert [a.text for a in asks] == ["Can I lead phase two?"]
    assert store.query("SELECT from_unsaid_id FROM asks WHERE meeting_id = ?", [meeting_id]) == [
        {"from_unsaid_id": unsaid_id}
    ]
