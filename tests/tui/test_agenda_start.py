"""Issue 16: the agenda's first frame, and what it leaves for straight after.

The first frame builds only the rows the terminal can show; the rest of the
list (and the action items below the meetings) is added once it is painted,
or as the first key is read if that comes sooner. Keys typed at once must
land where they would have on the whole list; the rows on screen must be
all there; and the detail pane's open threads, read once per meeting, must
be read again after anything was saved elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

import prep.tui.app
from prep.domain.debrief import Owner
from prep.domain.models import MeetingDraft
from prep.store import open_store
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.screens.search import SearchScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.meeting_detail import MeetingDetail
from prep.tui.widgets.tick_box import TickBox
from tests.helpers import at
from tests.tui.conftest import SIZE, burst, keys_handled
from tests.tui.test_call import open_agenda_on

TALL = (120, 80)
PEOPLE = ["Dana Whitfield", "Marcus Obi", "Priya Raman", "Tom Becker", "Sofia Lind"]


def seed_long_agenda(store, meetings: int = 130, actions: int = 0) -> None:
    """`meetings` upcoming meetings over the coming weeks (more rows than the
    tallest terminal here), and `actions` open action items from a past one."""
    for n in range(meetings):
        day, slot = divmod(n, 4)
        store.add_meeting(
            MeetingDraft(f"Meeting {n:03d}", PEOPLE[n % len(PEOPLE)], at(day + 1, 9 + 2 * slot))
        )
    if actions:
        past = store.add_meeting(MeetingDraft("Kick-off", "Dana Whitfield", at(-2, 10)))
        for n in range(actions):
            store.items.add("actions", past.id, text=f"Action {n:02d}", owner=Owner.ME)


def agenda_of(app: PrepApp) -> AgendaList:
    return app.screen.query_one(AgendaList)


def enabled_ids(agenda: AgendaList) -> list[str]:
    return [option.id or "" for option in agenda.options if not option.disabled]


def visible_rows(agenda: AgendaList) -> list[str]:
    """The list's lines as drawn now, top to bottom."""
    return [agenda.render_line(y).text for y in range(agenda.scrollable_content_region.height)]


class AppHere(PrepApp):
    # Textual reads CSS_PATH beside the module that defines the class.
    CSS_PATH = Path(prep.tui.app.__file__).with_name("app.tcss")


class TypedWhileStarting(AppHere):
    """Keys typed while prep starts: queued before the agenda's first frame."""

    def __init__(self, *args, keys: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.typed_ahead = keys

    def on_mount(self) -> None:
        for key in self.typed_ahead:
            self._driver.send_message(events.Key(key, None))


class FirstFrameAgenda(AgendaScreen):
    """The agenda, noting what its list drew in the first frame."""

    first_frame: list[str] | None = None
    built_at_first: int = 0

    def _finish_first_frame(self) -> None:
        if self.first_frame is None:
            agenda = self.query_one(AgendaList)
            self.first_frame = visible_rows(agenda)
            self.built_at_first = agenda.option_count
        super()._finish_first_frame()


class FirstFrameApp(AppHere):
    def get_default_screen(self) -> AgendaScreen:
        return FirstFrameAgenda()


@pytest.mark.parametrize("size", [(80, 24), TALL], ids=["80x24", "120x80"])
async def test_the_first_frame_shows_every_visible_row_and_nothing_changes_after(
    store, clock, size
):
    seed_long_agenda(store, actions=3)
    app = FirstFrameApp(store, clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FirstFrameAgenda) and screen.first_frame is not None
        agenda = agenda_of(app)
        settled = visible_rows(agenda)
        total = agenda.option_count
        print(
            f"{size}: {len(settled)} rows visible, {screen.built_at_first} built for the"
            f" first frame, {total} in all"
        )
        assert screen.built_at_first < total  # the rest waited for the first frame
        assert all(line.strip() for line in screen.first_frame)  # no row missing on screen
        assert screen.first_frame == settled
        assert enabled_ids(agenda)[-1].startswith("a")  # the action items came after


async def test_keys_typed_at_once_land_on_the_row_they_would_on_the_whole_list(store, clock):
    seed_long_agenda(store)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        agenda = agenda_of(app)
        print(f"rows built when the keys were sent: {agenda.option_count}")
        await burst(pilot, *["down"] * 20, "enter")
        assert isinstance(app.screen, ChecklistScreen)
        opened = app.screen.meeting.id
        await burst(pilot, "escape")
        ids = enabled_ids(agenda_of(app))
        assert f"m{opened}" == ids[20]

        await burst(pilot, "end", "enter")
        assert isinstance(app.screen, ChecklistScreen)
        assert f"m{app.screen.meeting.id}" == ids[-1]


async def test_end_typed_before_the_first_frame_reaches_the_action_items(store, clock):
    """The action items sit below the meetings, so they are read after the
    first frame; an end typed before it must still find the last of them."""
    seed_long_agenda(store, actions=4)
    app = TypedWhileStarting(store, clock=clock, keys=["end"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys_handled(pilot)
        agenda = agenda_of(app)
        last = enabled_ids(agenda)[-1]
        print(f"{agenda.option_count} rows; the cursor is on {agenda.highlighted_option.id}")
        assert last.startswith("a")
        assert agenda.highlighted_option.id == last
        assert agenda.selected_action_id == int(last[1:])


async def test_down_typed_before_the_first_frame_moves_through_the_whole_list(store, clock):
    seed_long_agenda(store)
    app = TypedWhileStarting(store, clock=clock, keys=["down"] * 40)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await keys_handled(pilot)
        agenda = agenda_of(app)
        # Past the 36 rows a first frame at this size would have built.
        assert agenda.highlighted_option.id == enabled_ids(agenda)[40]


async def test_search_typed_at_once_gets_every_character(store, clock):
    seed_long_agenda(store, meetings=60)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "/", *"Meeting 05")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-field").value == "Meeting 05"


async def test_scrolling_reaches_the_last_meeting(store, clock):
    seed_long_agenda(store)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        agenda = agenda_of(app)
        print(f"rows built when the wheel turned: {agenda.option_count}")
        region = agenda.region
        for _ in range(3):  # a mouse wheel, one notch at a time, from the start
            for _ in range(100):
                agenda.post_message(
                    events.MouseScrollDown(
                        agenda, 2, 2, 0, 1, 0, False, False, False, region.x + 2, region.y + 2
                    )
                )
            await pilot.pause()
        last = agenda.options[-1]
        print(f"scrolled to {agenda.scroll_y} of {agenda.max_scroll_y}; last row {last.id}")
        assert agenda.scroll_y == agenda.max_scroll_y > 0
        assert "Meeting 129" in visible_rows(agenda)[-1]


# -- the detail's open threads: read once, read again after a save --------------------


def seed_dana(store) -> tuple[int, int, int]:
    """Dana: last week's meeting left an unsaid item; two meetings ahead.
    Returns (tomorrow's meeting, next week's, the unsaid item)."""
    earlier = store.add_meeting(MeetingDraft("Roadmap", "Dana Whitfield", at(-7, 10))).id
    ask = store.checklists.add_item("asks", earlier, text="Can I lead phase two?")
    store.debriefs.set_field(earlier, "outcome", "Half agreed.")
    store.debriefs.set_ask_result(ask, False, None)  # not asked: unsaid
    [unsaid] = store.debriefs.get(earlier).unsaid
    tomorrow = store.add_meeting(MeetingDraft("Budget", "Dana Whitfield", at(1, 10))).id
    next_week = store.add_meeting(MeetingDraft("Steering", "Dana Whitfield", at(7, 10))).id
    return tomorrow, next_week, unsaid.id


def detail_text(app: PrepApp) -> str:
    return str(app.screen.query_one(MeetingDetail).query_one("#detail-body").render())


async def test_arrow_keys_read_the_open_threads_once_per_meeting(store, clock):
    tomorrow, next_week, _ = seed_dana(store)
    app = PrepApp(store, clock=clock)
    statements: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda_on(pilot, tomorrow)
        await pilot.press("down")  # next week's: read once
        assert agenda_of(app).selected_meeting_id == next_week
        await app.workers.wait_for_complete()  # the daily integrity check writes its pass
        # A write to the file drops what was read: both are read once again.
        await pilot.press("up", "down")
        store.db.conn.set_trace_callback(statements.append)
        for _ in range(5):
            await pilot.press("up", "down")
        store.db.conn.set_trace_callback(None)
        assert "Unsaid: Can I lead phase two?" in detail_text(app)
    print(f"SQL statements for 10 arrow keys over meetings seen before: {len(statements)}")
    # Only the check that the file has not changed since (no table is read).
    assert set(statements) == {"PRAGMA data_version"}


async def test_ticking_a_thread_in_the_checklist_shows_in_the_detail_when_back(store, clock):
    tomorrow, next_week, unsaid_id = seed_dana(store)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        # Both meetings seen once: what is open with Dana is kept for each.
        await open_agenda_on(pilot, next_week)
        assert "Unsaid: Can I lead phase two?" in detail_text(app)
        await open_agenda_on(pilot, tomorrow)
        assert "Unsaid: Can I lead phase two?" in detail_text(app)

        await pilot.press("p")
        await pilot.pause()
        if isinstance(app.screen, ConfirmScreen):  # the offer to carry threads over
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        app.screen.query_one(f"#unsaid-{unsaid_id}", TickBox).focus()
        await pilot.press("space")  # resolved
        await pilot.press("escape")
        await pilot.pause()

        assert isinstance(app.screen, AgendaScreen)
        assert "Can I lead phase two?" not in detail_text(app)
        await pilot.press("down")  # next week's meeting, seen before the tick
        assert agenda_of(app).selected_meeting_id == next_week
        assert "Can I lead phase two?" not in detail_text(app)


# -- the other screens' layout, added after the first frame ---------------------------


@pytest.mark.parametrize("size", [(70, 24), (80, 24), SIZE, (170, 40)], ids=str)
async def test_the_other_screens_css_matches_nothing_on_the_agenda(store, clock, size):
    """other_screens.tcss is added after the first frame without restyling
    the agenda: that is right only if none of its rules applies there, at
    any of the width classes."""
    from textual.css.match import match
    from textual.css.stylesheet import Stylesheet

    from prep.tui.startup import OTHER_SCREENS_CSS

    seed_long_agenda(store, meetings=5, actions=1)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        sheet = Stylesheet(variables=app.get_css_variables())
        sheet.read(OTHER_SCREENS_CSS)
        sheet.parse()
        nodes = list(app.screen.walk_children(with_self=True))
        # A nesting rule (".-narrow, .-compact { #form-tips {...} }") sets
        # nothing itself: only its nested rules do.
        rules = [rule for rule in sheet.rules if rule.styles.get_rules()]
        matched = [
            (rule.css.splitlines()[0], repr(node))
            for rule in rules
            for node in nodes
            if match(rule.selector_set, node)
        ]
        print(f"{size}: {len(rules)} rules, {len(nodes)} widgets on the agenda")
        assert len(rules) > 50 and len(nodes) > 10
        assert matched == []


async def test_a_screen_opened_at_once_has_its_layout(store, clock):
    seed_long_agenda(store, meetings=5)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "n")  # the new-meeting form, styled by other_screens.tcss
        form = app.screen.query_one("#form")
        assert form.styles.scrollbar_size_vertical == 1  # #form's rule; Textual's is 2


# -- what the first frame imports ------------------------------------------------------

# Loaded when a meeting is opened, not for the agenda's first frame: together
# they took 20 ms of CPU at every start (meeting_screens brings in the call
# and brief rules).
NOT_FOR_THE_FIRST_FRAME = {
    "prep.tui.meeting_screens",
    "prep.domain.call",
    "prep.domain.brief",
    "prep.tui.widgets.assertiveness_scale",
    "prep.tui.widgets.choice",
    "prep.tui.screens.checklist",
    "prep.tui.screens.debrief",
    "prep.tui.screens.review",
}


def test_the_app_module_loads_no_screen_but_the_agenda():
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\nimport prep.cli, prep.tui.app\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('prep'))))"
    )
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )
    print(f"{len(loaded)} prep modules loaded by `import prep.tui.app`")
    assert "prep.tui.screens.agenda" in loaded
    assert NOT_FOR_THE_FIRST_FRAME.isdisjoint(loaded), NOT_FOR_THE_FIRST_FRAME & set(loaded)


async def test_another_program_settling_a_thread_shows_at_the_next_arrow_key(store, clock):
    """The detail's threads are kept per meeting, but not past a change to
    the file by someone else: a `prep` in another terminal ticks the unsaid
    item, and the next arrow key over the meeting no longer shows it."""
    tomorrow, next_week, unsaid_id = seed_dana(store)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda_on(pilot, next_week)
        await open_agenda_on(pilot, tomorrow)
        assert "Unsaid: Can I lead phase two?" in detail_text(app)
        other = open_store(store.path, clock=clock)
        try:
            other.debriefs.set_resolved(unsaid_id, True)
        finally:
            other.close()
        await pilot.press("down")
        assert agenda_of(app).selected_meeting_id == next_week
        assert "Can I lead phase two?" not in detail_text(app)
