"""A screen kind is built once and refilled for the next meeting
(prep.tui.kept_screens): nothing of the meeting shown before may remain.

Each test types into meeting A's screen (keys in a burst, as a fast typist
sends them), leaves it, opens meeting B's, and checks the same screen object
is showing B's data with no trace of A's — on screen and in the file — and
that B's fields save to B.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from prep.domain.models import Meeting, MeetingDraft
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.checklist_rows import AskRow
from tests.helpers import at
from tests.tui.conftest import SIZE, burst, rows, screen_text, typed

SECRET = "Zanzibar"  # typed for meeting A only


def shown(widget: Widget) -> bool:
    """Displayed, as are all its containers (a pane another step hides is not:
    a kept checklist loads such a pane when it is next shown)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def everything_shown(screen: Screen) -> str:
    """The screen as drawn, and all it shows that could be scrolled to: the
    text in every field (a field scrolled sideways hides some) and every
    line of text, above or below what the window shows."""
    drawn = screen_text(screen.app)
    fields = [w.value for w in screen.query(Input) if shown(w)]
    fields += [w.text for w in screen.query(TextArea) if shown(w)]
    lines = [str(w.render()) for w in screen.query(Static) if shown(w)]
    return "\n".join(drawn + fields + lines)


async def select(pilot, meeting: Meeting) -> None:
    """Move the agenda's cursor to `meeting` with the arrow keys."""
    agenda = pilot.app.screen.query_one(AgendaList)
    await pilot.press("home")
    for _ in range(agenda.option_count):
        if agenda.selected_meeting_id == meeting.id:
            return
        await pilot.press("down")
    raise AssertionError(f"{meeting.title} is not on the agenda")


def two_upcoming(store) -> tuple[Meeting, Meeting]:
    a = store.add_meeting(MeetingDraft("Scope change", "Dana", at(1, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Kofi", at(2, 11)))
    return a, b


async def test_a_checklist_kept_from_meeting_a_shows_only_meeting_b(make_app, store, db_path):
    a, b = two_upcoming(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, a)
        await burst(pilot, "p", "tab", *typed(SECRET))  # past "They are" into "Holding back"
        first = app.screen
        assert isinstance(first, ChecklistScreen)
        assert first.query_one("#holding_back", Input).value == SECRET
        # An ask, then step 3's push-back line and the brief, so more panes are built.
        await burst(pilot, "tab", "tab", "tab", "enter", *typed(f"{SECRET} ask"))
        await burst(pilot, "pagedown", "pagedown", "tab", *typed(f"{SECRET} line"))
        await burst(pilot, "pagedown", "pagedown")  # the brief
        assert SECRET in everything_shown(first)
        await burst(pilot, "escape")
        assert isinstance(app.screen, AgendaScreen)

        await select(pilot, b)
        await burst(pilot, "p", "tab", *typed("Quiet"))
        screen = app.screen
        assert screen is first, "the checklist was built again, not refilled"
        assert screen.meeting.id == b.id
        assert screen.title == "Budget" and "Kofi" in screen.sub_title
        assert screen.query_one("#holding_back", Input).value == "Quiet"
        assert not screen.query(AskRow), "meeting A's ask row is still there"
        shown = everything_shown(screen)
        assert SECRET not in shown
        for pane in ("step-2", "step-3", "step-4", "brief"):
            await burst(pilot, "pagedown")
            assert screen.query_one("#panes").current == pane
            assert SECRET not in everything_shown(screen), pane
        assert "Budget" in screen.query_one("#brief").markdown
        await burst(pilot, "escape")

        # Each meeting's file rows hold what was typed for it, and only that.
        assert rows(
            db_path, "SELECT holding_back, pushback_line FROM checklists ORDER BY meeting_id"
        ) == [
            (SECRET, f"{SECRET} line"),
            ("Quiet", ""),
        ]
        assert rows(db_path, "SELECT meeting_id, text FROM asks") == [(a.id, f"{SECRET} ask")]

        # And back to A: its values again, in the same screen.
        await select(pilot, a)
        await burst(pilot, "p")
        assert app.screen is first
        assert first.query_one("#holding_back", Input).value == SECRET
        assert [row.query_one(Input).value for row in first.query(AskRow)] == [f"{SECRET} ask"]


async def test_an_ask_added_after_a_refill_belongs_to_the_new_meeting(make_app, store, db_path):
    a, b = two_upcoming(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, a)
        await burst(pilot, "p", "escape")
        await select(pilot, b)
        # "+ Add ask" is the fourth stop after "They are"; enter adds, then type.
        await burst(pilot, "p", "tab", "tab", "tab", "tab", "enter", *typed("For B"))
        await burst(pilot, "escape")
    assert rows(db_path, "SELECT meeting_id, text FROM asks") == [(b.id, "For B")]


async def test_a_kept_checklist_open_below_gets_a_fresh_one_above(make_app, store):
    """Search can open a meeting over a checklist already open: that one is
    built anew (a screen can be on the stack once), and removed on closing."""
    a, b = two_upcoming(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        from prep.tui.meeting_screens import open_checklist

        await select(pilot, a)
        await burst(pilot, "p")
        kept = app.screen
        await open_checklist(app, b, lambda _: None)
        await pilot.pause()
        above = app.screen
        assert above is not kept and isinstance(above, ChecklistScreen)
        assert above.meeting.id == b.id and kept.meeting.id == a.id
        await burst(pilot, "escape")
        assert app.screen is kept and not above.is_attached
        assert app.kept_screens[ChecklistScreen] is kept


def seed_two_to_debrief(store) -> tuple[Meeting, Meeting, str]:
    """Meeting A yesterday, planned (an ask, a deadline, a problem, level 6)
    with call notes; meeting B the day before, with nobody's plan."""
    a = store.add_meeting(MeetingDraft("Pilot review", "Dana", at(-1, 10)))
    c = store.checklists
    ask = f"{SECRET}: sign-off on the pilot budget"
    c.add_item("asks", a.id, text=ask)
    c.add_item("deadlines", a.id, label=f"{SECRET} go-live")
    c.add_item("problems", a.id, text=f"{SECRET} vendor is late")
    c.set_field(a.id, "planned_level", 6)
    store.debriefs.set_field(a.id, "call_notes", f"{SECRET} notes")
    b = store.add_meeting(MeetingDraft("Hiring plan", "Kofi", at(-2, 11)))
    return a, b, ask


async def test_a_debrief_kept_from_meeting_a_shows_only_meeting_b(make_app, store, db_path):
    from prep.tui.screens.debrief import DebriefScreen
    from prep.tui.widgets.debrief_rows import AskResultRow

    a, b, ask = seed_two_to_debrief(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, a)
        await burst(pilot, "b", *typed(f"{SECRET} outcome"))
        first = app.screen
        assert isinstance(first, DebriefScreen)
        assert len(first.query(AskResultRow)) == 1
        assert SECRET in everything_shown(first)
        await burst(pilot, "escape")

        await select(pilot, b)
        await burst(pilot, "b", *typed("Agreed"))
        screen = app.screen
        assert screen is first, "the debrief was built again, not refilled"
        assert screen.title == "Debrief · Hiring plan"
        assert SECRET not in everything_shown(screen)
        assert not screen.query(AskResultRow)
        assert not screen.query_one("#call_notes").display  # B has no call notes
        assert screen.query_one("#no-plan-level").display  # and no planned level
        shown = "\n".join(screen_text(app))
        assert "Agreed" in shown
        await burst(pilot, "pagedown")  # the asks section: B planned none
        assert "No direct asks were planned." in "\n".join(screen_text(app))
        await burst(pilot, "escape")
        assert rows(db_path, "SELECT meeting_id, outcome FROM debriefs ORDER BY meeting_id") == [
            (a.id, f"{SECRET} outcome"),
            (b.id, "Agreed"),
        ]

        await select(pilot, a)
        await burst(pilot, "b")
        assert app.screen is first
        assert first.query_one("#outcome", TextArea).text == f"{SECRET} outcome"
        assert first.query_one("#call_notes").display
        assert [row.ask.text for row in first.query(AskResultRow)] == [ask]
        assert not first.query_one("#no-plan-level").display


async def test_a_call_screen_kept_from_meeting_a_shows_only_meeting_b(make_app, store, db_path):
    from prep.tui.screens.call import CallScreen
    from prep.tui.widgets.call_asks import CallAsks

    a, b = two_upcoming(store)
    store.checklists.add_item("asks", a.id, text=f"{SECRET}: more budget")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, a)
        # c, then the asks list has the focus: tab to the notes and type.
        await burst(pilot, "c", "tab", *typed(f"{SECRET} notes"))
        first = app.screen
        assert isinstance(first, CallScreen)
        assert first.query_one("#call_notes", TextArea).text == f"{SECRET} notes"
        await burst(pilot, "escape")

        await select(pilot, b)
        await burst(pilot, "c", *typed("Kofi agreed"))  # no asks: the notes have the focus
        screen = app.screen
        assert screen is first, "the call screen was built again, not refilled"
        assert screen.title == "Call · Budget"
        assert not screen.query(CallAsks)
        assert SECRET not in everything_shown(screen)
        assert screen.query_one("#call_notes", TextArea).text == "Kofi agreed"
        await burst(pilot, "escape")
    assert rows(db_path, "SELECT meeting_id, call_notes FROM debriefs ORDER BY meeting_id") == [
        (a.id, f"{SECRET} notes"),
        (b.id, "Kofi agreed"),
    ]


async def test_a_kept_screen_shown_again_after_a_theme_change_takes_the_new_colours(
    make_app, store
):
    """A kept screen is not restyled when shown again (textual_private),
    unless the CSS changed meanwhile, as a theme chosen does."""
    a, b = two_upcoming(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await select(pilot, a)
        await burst(pilot, "p")
        kept = app.screen
        header = kept.query_one("Header")
        dark = header.styles.background
        await burst(pilot, "escape")
        app.theme = "textual-light"
        await pilot.pause()
        await select(pilot, b)
        await burst(pilot, "p")
        assert app.screen is kept
        light = kept.query_one("Header").styles.background
        print(f"header background: {dark} in textual-dark, {light} in textual-light")
        assert light != dark
        # And shown again with no change of CSS, it keeps the colours it has.
        await burst(pilot, "escape")
        await select(pilot, a)
        await burst(pilot, "p")
        assert kept.query_one("Header").styles.background == light


async def tab_to(pilot, widget_id: str) -> None:
    for _ in range(6):
        if pilot.app.focused is not None and pilot.app.focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id}")


async def test_the_kept_review_opens_again_at_this_week_read_afresh(make_app, store, db_path):
    from tests.tui.test_review import WEEK_45, WEEK_48, seed, wait_for_week

    seed(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "r")
        first = await wait_for_week(pilot, WEEK_48)
        await tab_to(pilot, "went_well")
        await burst(pilot, *typed("Asked directly"))
        # escape saves and closes the review; r opens the kept one again.
        await burst(pilot, "escape", "r")
        await burst(pilot, "left_square_bracket", "left_square_bracket", "left_square_bracket")
        await wait_for_week(pilot, WEEK_45)
        await tab_to(pilot, "went_well")
        await burst(pilot, *typed(SECRET))
        await burst(pilot, "escape")
        await burst(pilot, "escape")
        assert isinstance(app.screen, AgendaScreen)

        # Another program adds a meeting to this week meanwhile.
        store.add_meeting(MeetingDraft("Retro", "Sam Patel", at(-3, 11)))
        await burst(pilot, "r")
        screen = await wait_for_week(pilot, WEEK_48)
        assert screen is first, "the review was built again, not refilled"
        assert "| Meetings held | 3 | 1 |" in screen.markdown.splitlines()
        assert screen.query_one("#went_well", TextArea).text == "Asked directly"
        assert SECRET not in everything_shown(screen)
        assert app.focused is not None and app.focused.id == "review-report"
    assert rows(db_path, "SELECT week_start, went_well FROM reflections ORDER BY week_start") == [
        (WEEK_45.isoformat(), SECRET),
        (WEEK_48.isoformat(), "Asked directly"),
    ]


async def test_the_kept_people_screen_lists_someone_added_since(make_app, store):
    from prep.tui.screens.people import PeopleScreen
    from prep.tui.widgets.people_table import PeopleTable

    two_upcoming(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "o")
        first = app.screen
        assert isinstance(first, PeopleScreen)
        assert first.query_one(PeopleTable).row_count == 2
        drawn = list(first.query_one(PeopleTable).rows.values())
        await burst(pilot, "escape", "o")  # nothing changed: the rows are kept
        assert app.screen is first
        assert list(first.query_one(PeopleTable).rows.values()) == drawn
        assert all(
            a is b for a, b in zip(first.query_one(PeopleTable).rows.values(), drawn, strict=True)
        )
        await burst(pilot, "escape")
        store.add_meeting(MeetingDraft("Intro", "Priya", at(3, 9)))  # another program
        await burst(pilot, "o")
        assert app.screen is first
        assert first.query_one(PeopleTable).row_count == 3
        assert "Priya" in "\n".join(screen_text(app))


def live_widgets() -> int:
    import gc

    from textual.widget import Widget

    gc.collect()
    return sum(isinstance(o, Widget) for o in gc.get_objects())


async def test_refilling_again_and_again_keeps_no_removed_widget_alive(make_app, store):
    """Every refill removes rows and rebuilds the footer's keys; none of the
    removed widgets may stay alive (two of Textual's references did:
    textual_private.forget_removed_watchers, TextField.on_unmount)."""
    a, b = two_upcoming(store)
    for meeting in (a, b):
        store.checklists.add_item("asks", meeting.id, text=f"Ask for {meeting.title}")
        store.checklists.add_item("deadlines", meeting.id, label="Go-live")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        counts = []
        for visit in range(8):
            await select(pilot, (a, b)[visit % 2])
            # The checklist, its steps (the panes with rows and a date field), back.
            await burst(pilot, "p", "pagedown", "pagedown", "pagedown", "escape")
            counts.append(live_widgets())
        print(f"live widgets after each visit: {counts}")
        # A few rows may still be on their way out when counted (a step's
        # rows are replaced as it is shown); a leak grew by 40 a visit.
        assert max(counts[-3:]) <= max(counts[:4]) + 10, "removed widgets are kept alive"
