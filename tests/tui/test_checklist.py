"""The pre-meeting checklist by keyboard: walk the steps, then check the file.

Every test presses real keys through Pilot and then reads the SQLite file
with plain sqlite3 (`rows`) or the store, plus the widgets a person sees.
Text whose typing a test is not about is pasted (`paste`: one
`events.Paste`, posted to the app exactly as Textual's driver posts a
terminal's bracketed paste); the tests about typing itself (quitting
straight after typing, typing over a selected date) type key by key.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Static

from prep.domain.checklist import Confidence, Flex, Need
from prep.domain.debrief import AskAnswer
from prep.domain.models import MeetingDraft
from prep.tui.app import PrepApp
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.screens.confirm import ConfirmScreen
from prep.tui.widgets.agenda_list import AgendaList
from prep.tui.widgets.checklist_panes import BriefPane
from prep.tui.widgets.checklist_rows import AskRow, DeadlineRow, ProblemRow
from prep.tui.widgets.meeting_detail import MeetingDetail
from tests.helpers import at
from tests.tui.conftest import SIZE, paste, rows, until

CHECKLIST_ROW = (
    "SELECT standing, holding_back, holding_back_nothing, holding_back_reason, no_asks,"
    " they_expect, i_expect, premortem, planned_level, pushback_line, nothing_to_raise,"
    " off_their_plate, steps_done, edited_after_start FROM checklists WHERE meeting_id = ?"
)
# Mon 30 Nov 2026: "mon" typed on Friday 27 Nov (NOW).
MONDAY = "2026-11-30"


async def type_text(pilot, text: str) -> None:
    """Key by key, for the tests about typing itself."""
    await pilot.press(*text)


async def open_checklist(pilot) -> ChecklistScreen:
    """`p` on the agenda's selected meeting, with no carry-over question."""
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ChecklistScreen)
    return screen


async def choose(pilot, steps: int) -> None:
    """Step the focused Choice `steps` options on with the right arrow (from
    its blank prompt, for a choice that has one)."""
    await pilot.press(*["right"] * steps)
    await pilot.pause()


def focused_id(app: PrepApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def text_of(widget: Static) -> str:
    return str(widget.render())


def step_marks(screen: ChecklistScreen) -> list[str]:
    """The step list's leading mark per step: ✓ done, ○ not yet."""
    steps = screen.query_one("#steps", OptionList)
    return [str(steps.get_option(f"step-{n}").prompt)[0] for n in range(1, 5)]


def missing_text(screen: ChecklistScreen, step: int) -> str:
    return text_of(screen.query_one(f"#step-{step} .missing", Static))


def steps_done_in_file(db_path, meeting_id: int) -> int:
    [(done,)] = rows(
        db_path, "SELECT steps_done FROM checklists WHERE meeting_id = ?", (meeting_id,)
    )
    return done


# -- 1. the whole walk ---------------------------------------------------------------


async def test_walk_all_four_steps_by_keyboard_and_the_agenda_shows_it_ready(
    make_app, store, db_path
):
    meeting = store.add_meeting(MeetingDraft("Scope change", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        assert not screen.frozen
        assert focused_id(app) == "position"

        # Step 1: hierarchy check.
        await choose(pilot, 4)  # Senior, Peer, Junior, Paying client
        await pilot.press("tab")
        assert focused_id(app) == "holding_back"
        await paste(pilot, "Slip")
        await pilot.press("tab")
        assert focused_id(app) == "holding_back_reason"
        await choose(pilot, 2)  # Don't want to embarrass them, Want more data first
        await pilot.press("tab", "tab")  # past "Nothing: I will say…" to "+ Add ask"
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(app) == "ask-text"
        await paste(pilot, "Sign-off")
        await pilot.press("enter")  # enter in an ask's text adds the next ask
        await pilot.pause()
        assert focused_id(app) == "ask-text"
        await paste(pilot, "Staff")
        await pilot.press("tab")
        assert focused_id(app) == "ask-by"
        await paste(pilot, "mon")

        # Step 2: expectations. PgDn saves, then focuses the step's first field.
        await pilot.press("pagedown")
        await pilot.pause()
        assert step_marks(screen)[0] == "✓"
        assert "This step is done" in missing_text(screen, 1)
        assert focused_id(app) == "they_expect"
        await paste(pilot, "Date")
        await pilot.press("tab")
        assert focused_id(app) == "i_expect"
        await paste(pilot, "Yes")
        await pilot.press("tab", "enter")  # "+ Add deadline"
        await pilot.pause()
        assert focused_id(app) == "deadline-label"
        await paste(pilot, "Pilot go-live")
        await pilot.press("tab")
        await paste(pilot, "1/12")
        await pilot.press("tab")
        await paste(pilot, "4/12")
        await pilot.press("tab")
        await paste(pilot, "11/12")
        await pilot.press("tab")
        assert focused_id(app) == "deadline-confidence"
        await choose(pilot, 2)  # Low, Medium
        await pilot.press("tab")
        assert focused_id(app) == "flex-scope"
        await pilot.press("space")
        await pilot.press("tab", "tab", "tab", "tab")  # date, people, "+ Add deadline"
        assert focused_id(app) == "premortem"
        await paste(pilot, "Leak")

        # Step 3: assertiveness. A digit picks the level; 0 means 10.
        await pilot.press("pagedown")
        await pilot.pause()
        assert focused_id(app) == "planned_level"
        await pilot.press("0")
        await pilot.pause()
        assert rows(db_path, "SELECT planned_level FROM checklists") == [(10,)]
        await pilot.press("6", "tab")
        assert focused_id(app) == "pushback_line"
        await paste(pilot, "I differ")

        # Step 4: solutions.
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.press("enter")  # the "+ Add problem" button has focus
        await pilot.pause()
        assert focused_id(app) == "problem-text"
        await paste(pilot, "Churn")
        await pilot.press("enter")  # enter on a problem goes to its first solution
        await pilot.pause()
        assert focused_id(app) == "solution-text"
        await paste(pilot, "Hire")
        await pilot.press("tab", "tab")  # "+ Add solution", then what I need
        assert focused_id(app) == "problem-need"
        await choose(pilot, 2)  # Decision, Approval
        await pilot.press("tab", "tab", "tab", "tab")  # help, "+ Add problem", nothing
        assert focused_id(app) == "off_their_plate"
        await paste(pilot, "Demo")
        await pilot.press("pagedown")  # on to the brief, saving on the way
        await pilot.pause()
        assert step_marks(screen) == ["✓", "✓", "✓", "✓"]
        assert "4 of 4 steps done" in text_of(screen.query_one("#readiness", Static))
        assert "Ready: 4 of 4 steps" in screen.query_one(BriefPane).markdown

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        agenda = app.screen.query_one(AgendaList)
        assert agenda.selected_meeting_id == meeting.id
        [row] = [str(o.prompt) for o in agenda.options if o.id == f"m{meeting.id}"]
        assert "●●●●" in row and "○" not in row
        detail = text_of(app.screen.query_one(MeetingDetail).query_one("#detail-body", Static))
        assert "4 of 4" in detail

    assert rows(db_path, CHECKLIST_ROW, (meeting.id,)) == [
        (
            "paying-client",
            "Slip",
            0,
            "more-data",
            0,
            "Date",
            "Yes",
            "Leak",
            6,
            "I differ",
            0,
            "Demo",
            4,
            0,
        ),
    ]
    assert rows(db_path, "SELECT meeting_id, text, by_when FROM asks ORDER BY position") == [
        (meeting.id, "Sign-off", None),
        (meeting.id, "Staff", MONDAY),
    ]
    assert rows(
        db_path,
        "SELECT meeting_id, label, earliest, likely, latest, confidence, flexible FROM deadlines",
    ) == [
        (
            meeting.id,
            "Pilot go-live",
            "2026-12-01",
            "2026-12-04",
            "2026-12-11",
            "medium",
            '["scope"]',
        ),
    ]
    assert rows(
        db_path,
        "SELECT p.meeting_id, p.text, p.need, p.ask_for_help, s.text"
        " FROM problems p JOIN solutions s ON s.problem_id = p.id",
    ) == [
        (meeting.id, "Churn", "approval", 0, "Hire"),
    ]
    assert rows(db_path, "SELECT progress FROM meetings WHERE id = ?", (meeting.id,)) == [
        ("prepared",)
    ]
    # The store reads the same back as domain objects.
    checklist = store.checklists.get(meeting.id)
    assert checklist.deadlines[0].confidence is Confidence.MEDIUM
    assert checklist.deadlines[0].flexible == frozenset({Flex.SCOPE})
    assert checklist.problems[0].need is Need.APPROVAL


# -- 2. readiness boundaries -------------------------------------------------------------


async def test_a_problem_without_a_solution_keeps_step_4_open_until_raised_for_help(
    make_app, store, db_path
):
    meeting = store.add_meeting(MeetingDraft("Budget", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press("enter")  # "+ Add problem"
        await pilot.pause()
        await paste(pilot, "Overrun")
        row = screen.query_one(ProblemRow)
        flag = row.query_one(".problem-hint", Static)
        await until(
            pilot,
            lambda: "“Overrun” has no solution yet" in missing_text(screen, 4),
            "the problem listed",
        )
        assert flag.display and flag.has_class("error")
        assert "“Overrun” has no solution yet" in text_of(flag)
        assert "“Overrun” has no solution yet" in missing_text(screen, 4)
        assert step_marks(screen)[3] == "○"
        assert steps_done_in_file(db_path, meeting.id) == 0

        # An empty solution row is not a solution.
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(app) == "solution-text"
        assert rows(db_path, "SELECT text FROM solutions") == [("",)]
        assert "has no solution yet" in text_of(flag)
        assert steps_done_in_file(db_path, meeting.id) == 0

        await pilot.press("tab", "tab", "tab")  # "+ Add solution", need, help
        assert focused_id(app) == "problem-help"
        await pilot.press("space")
        await pilot.pause()
        assert rows(db_path, "SELECT ask_for_help FROM problems") == [(1,)]
        assert "has no solution yet" not in text_of(flag)
        assert not flag.has_class("error")
        assert "This step is done" in missing_text(screen, 4)
        assert step_marks(screen)[3] == "✓"
        assert steps_done_in_file(db_path, meeting.id) == 1


async def test_deadline_dates_out_of_order_keep_step_2_open(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Go-live", "Dana", at(1, 10)))
    # Both expectations are written, so only the deadline can hold step 2 back.
    store.checklists.set_field(meeting.id, "they_expect", "A firm date")
    store.checklists.set_field(meeting.id, "i_expect", "A range they accept")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("pagedown", "tab", "tab", "enter")  # "+ Add deadline"
        await pilot.pause()
        await paste(pilot, "Go-live")
        await pilot.press("tab")
        await paste(pilot, "4/12")  # earliest
        await pilot.press("tab")
        await paste(pilot, "30/11")  # likely, before the earliest
        await pilot.press("tab")
        await paste(pilot, "11/12")  # latest
        hint = screen.query_one(DeadlineRow).query_one(".date-hint", Static)
        # Not just "“Go-live”": "Give “Go-live” an earliest, likely and latest
        # date" shows first, while the dates are still being typed.
        await until(
            pilot,
            lambda: "“Go-live”: the dates must run" in missing_text(screen, 2),
            "the dates' error",
        )
        assert hint.display and hint.has_class("error")
        assert text_of(hint) == "The likely date (Mon 30 Nov) is before the earliest (Fri 4 Dec)."
        assert "“Go-live”: the dates must run earliest ≤ likely ≤ latest." in missing_text(
            screen, 2
        )
        assert step_marks(screen)[1] == "○"
        assert steps_done_in_file(db_path, meeting.id) == 0
        assert rows(db_path, "SELECT earliest, likely, latest FROM deadlines") == [
            ("2026-12-04", "2026-11-30", "2026-12-11")
        ]

        # Back to "likely": the caret lands after its text, nothing selected,
        # so the old date is cleared first (ctrl+u), not replaced by a stray key.
        await pilot.press("shift+tab")
        assert focused_id(app) == "deadline-likely"
        await pilot.press("ctrl+u")
        await paste(pilot, "7/12")
        await until(pilot, lambda: steps_done_in_file(db_path, meeting.id) == 1, "step 2 saved")
        assert not hint.display
        assert step_marks(screen)[1] == "✓"
        assert steps_done_in_file(db_path, meeting.id) == 1


# -- 3. hedges ---------------------------------------------------------------------------


async def test_hedging_words_in_an_ask_are_pointed_out_and_direct_asks_are_not(
    make_app, store, db_path
):
    store.add_meeting(MeetingDraft("Asks", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # "+ Add ask"
        await pilot.pause()
        await paste(pilot, "I was just wondering if maybe we could")
        await pilot.press("enter")
        await pilot.pause()
        await paste(pilot, "I need the sign-off by Friday")
        await pilot.press("enter")
        await pilot.pause()
        await paste(pilot, "justify the budget")
        await pilot.pause()

        hedged, direct, justify = (row.query_one(".hedges", Static) for row in screen.query(AskRow))
        assert hedged.display
        hint = text_of(hedged)
        assert "“I was just wondering”" in hint and "“maybe”" in hint
        assert "sound optional" in hint
        assert not direct.display and text_of(direct) == ""
        assert not justify.display and text_of(justify) == ""
    assert rows(db_path, "SELECT text FROM asks ORDER BY position") == [
        ("I was just wondering if maybe we could",),
        ("I need the sign-off by Friday",),
        ("justify the budget",),
    ]


# -- 4. quitting mid-step --------------------------------------------------------------


async def test_quitting_straight_after_typing_keeps_the_text(store, clock, db_path):
    store.add_meeting(MeetingDraft("Quit early", "Dana", at(1, 10)))
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_checklist(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Half")
        await pilot.press("tab", "tab", "tab", "enter")  # "+ Add ask"
        await pilot.pause()
        await type_text(pilot, "Ask")
        # No pause: the debounce has not fired; leaving must flush.
        await pilot.press("ctrl+q")

    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        assert screen.query_one("#holding_back", Input).value == "Half"
        assert screen.query_one(AskRow).query_one("#ask-text", Input).value == "Ask"
    assert rows(db_path, "SELECT holding_back FROM checklists") == [("Half",)]


# -- 5. frozen after the start ---------------------------------------------------------------


async def test_a_started_meeting_opens_read_only_until_unlocked(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Already on", "Dana", at(0, 13)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        assert screen.frozen
        banner = screen.query_one("#frozen-banner", Static)
        assert banner.display
        assert "The plan froze when the meeting started" in text_of(banner)
        fields = list(
            screen.query(
                "#panes Input, #panes TextArea, #panes Choice,"
                " #panes Checkbox, #panes Button, #panes AssertivenessScale"
            )
        )
        assert fields and all(field.is_disabled for field in fields)
        assert focused_id(app) == "steps"

        # Nothing typed anywhere reaches the file.
        await pilot.press("x", "tab", "enter", "space", "ctrl+o", "y")
        await pilot.press("pagedown", "pagedown", "5", "enter", "pagedown", "enter")
        await pilot.pause(0.5)
        assert rows(db_path, "SELECT count(*) FROM checklists") == [(0,)]
        assert rows(db_path, "SELECT count(*) FROM asks") == [(0,)]
        assert rows(db_path, "SELECT count(*) FROM problems") == [(0,)]

        await pilot.press("u")
        await pilot.pause()
        assert not screen.frozen
        assert not banner.display
        assert not any(field.is_disabled for field in fields)
        await pilot.press("pageup", "pageup", "pageup")  # back to step 1, focusing it
        await pilot.pause()
        assert focused_id(app) == "position"
        await pilot.press("tab")
        await paste(pilot, "Put")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    assert rows(
        db_path,
        "SELECT holding_back, edited_after_start FROM checklists WHERE meeting_id = ?",
        (meeting.id,),
    ) == [("Put", 1)]
    assert store.checklists.get(meeting.id).edited_after_start


# -- 6. carry-over ---------------------------------------------------------------------------


def seed_last_meeting(store) -> tuple[int, int]:
    """A past meeting with Dana whose checklist leaves an ask, a deadline and an
    unsolved problem open; and the next meeting with her, tomorrow."""
    old = store.add_meeting(MeetingDraft("Kick-off", "Dana", at(-40, 10)))
    repo = store.checklists
    ask = repo.add_item(
        "asks", old.id, text="I need the budget by Friday", by_when=date(2026, 10, 23)
    )
    # Asked in the kick-off and answered "later": an ask to make again.
    store.debriefs.set_ask_result(ask, True, AskAnswer.LATER)
    deadline = repo.add_item(
        "deadlines",
        old.id,
        label="Pilot go-live",
        earliest=date(2026, 12, 1),
        likely=date(2026, 12, 4),
        latest=date(2026, 12, 11),
        confidence=Confidence.MEDIUM,
        flexible=frozenset({Flex.SCOPE}),
    )
    # Moved at the kick-off's debrief: it carries with its new range.
    store.debriefs.record_move(
        deadline, old.id, date(2026, 12, 8), date(2026, 12, 11), date(2026, 12, 18)
    )
    repo.add_item("problems", old.id, text="Two analysts leaving", ask_for_help=True)
    new = store.add_meeting(MeetingDraft("Follow-up", "Dana", at(1, 10)))
    return old.id, new.id


async def open_with_carry_over_question(pilot, new_id: int) -> ConfirmScreen:
    agenda = pilot.app.screen.query_one(AgendaList)
    assert agenda.selected_meeting_id == new_id
    await pilot.press("p")
    await pilot.pause()
    question = pilot.app.screen
    assert isinstance(question, ConfirmScreen)
    assert "Start from your last meeting with Dana?" in text_of(
        question.query_one("#confirm-question", Static)
    )
    assert "Copy 1 ask to make again, 1 deadline, 1 problem still waiting for help" in text_of(
        question.query_one("#confirm-detail", Static)
    )
    return question


async def test_carry_over_yes_copies_open_items_into_the_new_checklist(make_app, store, db_path):
    old_id, new_id = seed_last_meeting(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_with_carry_over_question(pilot, new_id)
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        assert focused_id(app) == "position"
        [ask] = screen.query(AskRow)
        assert ask.query_one("#ask-text", Input).value == "I need the budget by Friday"
        await pilot.press("pagedown", "pagedown", "pagedown")  # step 4 is built when shown
        await pilot.pause()
        assert len(screen.query(ProblemRow)) == 1

        assert rows(db_path, "SELECT meeting_id, text, by_when FROM asks ORDER BY id") == [
            (old_id, "I need the budget by Friday", "2026-10-23"),
            (new_id, "I need the budget by Friday", "2026-10-23"),
        ]
        assert rows(
            db_path,
            "SELECT meeting_id, label, earliest, likely, latest, confidence,"
            " flexible FROM deadlines ORDER BY id",
        ) == [
            (
                old_id,
                "Pilot go-live",
                "2026-12-01",
                "2026-12-04",
                "2026-12-11",
                "medium",
                '["scope"]',
            ),
            (
                new_id,
                "Pilot go-live",
                "2026-12-08",
                "2026-12-11",
                "2026-12-18",
                "medium",
                '["scope"]',
            ),
        ]
        assert rows(db_path, "SELECT meeting_id, text, ask_for_help FROM problems ORDER BY id") == [
            (old_id, "Two analysts leaving", 1),
            (new_id, "Two analysts leaving", 1),
        ]
        # Copied, the threads are settled where they were raised: the brief
        # (from the same list) no longer shows them as open.
        assert app.screen.threads == ()

        # Once copied, the checklist is started: reopening does not ask again.
        await pilot.press("escape")
        await pilot.pause()
        await open_checklist(pilot)
        assert len(app.screen.query(AskRow)) == 1


async def test_carry_over_no_starts_blank(make_app, store, db_path):
    old_id, new_id = seed_last_meeting(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_with_carry_over_question(pilot, new_id)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        assert focused_id(app) == "position"
        assert not screen.query(AskRow) and not screen.query(DeadlineRow)
        assert not screen.query(ProblemRow)

    for table in ("asks", "deadlines", "problems"):
        assert rows(db_path, f"SELECT meeting_id FROM {table}") == [(old_id,)], table
    # Blank but for where the person sits, filled in from what the form recorded.
    assert rows(
        db_path,
        "SELECT standing, they_expect, planned_level FROM checklists WHERE meeting_id = ?",
        (new_id,),
    ) == [("paying-client", "", None)]


# -- 7. list editing -------------------------------------------------------------------------


async def test_add_move_and_remove_asks_by_keyboard(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Lists", "Dana", at(1, 10)))
    app = make_app()

    def shown(screen) -> list[str]:
        return [row.query_one("#ask-text", Input).value for row in screen.query(AskRow)]

    def stored() -> list[str]:
        return [
            text
            for (text,) in rows(
                db_path,
                "SELECT text FROM asks WHERE meeting_id = ? ORDER BY position",
                (meeting.id,),
            )
        ]

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # "+ Add ask"
        await pilot.pause()
        await paste(pilot, "A")
        await pilot.press("enter")
        await pilot.pause()
        await paste(pilot, "B")
        await pilot.press("enter")
        await pilot.pause()
        await paste(pilot, "C")

        await pilot.press("ctrl+up")
        await pilot.pause()
        assert shown(screen) == ["A", "C", "B"]
        assert stored() == ["A", "C", "B"]
        assert app.focused.value == "C"  # the moved ask keeps focus

        await pilot.press("tab", "shift+tab", "ctrl+down")
        await pilot.pause()
        assert stored() == ["A", "B", "C"]
        await pilot.press("ctrl+up", "ctrl+up")
        await pilot.pause()
        assert stored() == ["C", "A", "B"]

        await pilot.press("tab", "tab")  # its by-when, then the next ask: "A"
        assert app.focused.value == "A"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(screen) == ["C", "B"]
        assert app.focused.value == "B"  # focus moves to the next ask

        await pilot.press("ctrl+o")  # a new ask right after the focused one
        await pilot.pause()
        await paste(pilot, "D")
        assert shown(screen) == ["C", "B", "D"]

    assert stored() == ["C", "B", "D"]
    positions = [p for (p,) in rows(db_path, "SELECT position FROM asks ORDER BY position")]
    assert len(set(positions)) == 3
    assert rows(db_path, "SELECT count(*) FROM asks") == [(3,)]


# -- 8. bad input ---------------------------------------------------------------------------


async def test_a_50000_character_paste_and_odd_characters_round_trip_exactly(
    make_app, store, db_path
):
    meeting = store.add_meeting(MeetingDraft("Paste", "Dana", at(1, 10)))
    pasted = "".join(f'Line {n}: they expect «ça» 🚀, tabs\tand "quotes"\n' for n in range(2000))[
        :50_000
    ]
    assert len(pasted) == 50_000
    # Emoji (with a zero-width joiner), bell, an escape sequence, NUL, tab,
    # DEL and markup-like brackets.
    odd_ask = "I need 👩🏽‍💻 sign-off\x07 now\x1b[31m red\x00 nul\ttab\x7f del [b]markup[/b]"

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # "+ Add ask"
        await pilot.pause()
        # Control characters cannot be typed (the terminal turns them into
        # keys such as ctrl+g), but they do arrive in a paste.
        await paste(pilot, odd_ask)
        await pilot.press("pagedown")
        await pilot.pause()
        assert focused_id(app) == "they_expect"
        await paste(pilot, pasted)
        assert screen.query_one("#they_expect").text == pasted
        await pilot.press("escape")  # leaving saves at once
        await pilot.pause()

        assert rows(db_path, "SELECT they_expect FROM checklists") == [(pasted,)]
        assert rows(db_path, "SELECT text FROM asks") == [(odd_ask,)]
        assert store.checklists.get(meeting.id).they_expect == pasted

        # Opened again, the widgets are rebuilt from the file.
        screen = await open_checklist(pilot)
        assert screen.query_one(AskRow).query_one("#ask-text", Input).value == odd_ask
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.query_one("#they_expect").text == pasted


async def test_an_unreadable_by_when_shows_an_error_and_keeps_the_stored_date(
    make_app, store, db_path
):
    store.add_meeting(MeetingDraft("Dates", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # "+ Add ask"
        await pilot.pause()
        await paste(pilot, "Cash")
        await pilot.press("tab")
        await paste(pilot, "mon")
        await until(
            pilot, lambda: rows(db_path, "SELECT by_when FROM asks") == [(MONDAY,)], "Monday saved"
        )
        hint = screen.query_one(AskRow).query_one(".date-hint", Static)
        assert "Mon 30 Nov" in text_of(hint) and not hint.has_class("error")
        assert rows(db_path, "SELECT by_when FROM asks") == [(MONDAY,)]

        # Back into the field (the caret after its text), select the text and
        # type over it: the date never passes through empty (cleared).
        await pilot.press("shift+tab", "tab", "shift+home")
        assert focused_id(app) == "ask-by"
        await type_text(pilot, "blursday")
        await pilot.pause(0.5)
        assert hint.display and hint.has_class("error")
        assert "Can't read 'blursday' as a date" in text_of(hint)
        assert screen.query_one("#ask-by", Input).value == "blursday"
        assert rows(db_path, "SELECT by_when FROM asks") == [(MONDAY,)]
        await pilot.press("escape")
        await pilot.pause()
    assert rows(db_path, "SELECT text, by_when FROM asks") == [("Cash", MONDAY)]


async def test_a_by_when_before_the_meeting_is_saved_with_a_warning(make_app, store, db_path):
    store.add_meeting(MeetingDraft("Monday review", "Dana", at(3, 10)))  # Mon 30 Nov
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # "+ Add ask"
        await pilot.pause()
        await paste(pilot, "Cash")
        await pilot.press("tab")
        assert focused_id(app) == "ask-by"
        await paste(pilot, "tomorrow")
        await until(
            pilot,
            lambda: rows(db_path, "SELECT by_when FROM asks") == [("2026-11-28",)],
            "Saturday saved",
        )
        hint = screen.query_one(AskRow).query_one(".date-hint", Static)
        assert text_of(hint) == "→ Sat 28 Nov — before the meeting (Mon 30 Nov)"
        assert hint.has_class("warning") and not hint.has_class("error")
        assert rows(db_path, "SELECT text, by_when FROM asks") == [("Cash", "2026-11-28")]

        # "by mon" typed on Friday is the meeting's own Monday: no warning.
        await pilot.press("shift+tab", "tab", "ctrl+u")  # back in, the old text cleared
        await paste(pilot, "by mon")
        await until(
            pilot, lambda: rows(db_path, "SELECT by_when FROM asks") == [(MONDAY,)], "Monday saved"
        )
        assert text_of(hint) == "→ Mon 30 Nov"
        assert not hint.has_class("warning")
        assert rows(db_path, "SELECT by_when FROM asks") == [(MONDAY,)]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

        # Opened again, a stored date before the meeting still warns.
        [(ask_id,)] = rows(db_path, "SELECT id FROM asks")
        store.checklists.update_item("asks", ask_id, by_when=date(2026, 11, 27))
        screen = await open_checklist(pilot)
        hint = screen.query_one(AskRow).query_one(".date-hint", Static)
        assert text_of(hint) == "→ Fri 27 Nov — before the meeting (Mon 30 Nov)"
        assert hint.has_class("warning")


# -- 9. the brief ----------------------------------------------------------------------------


async def test_the_brief_after_step_4_shows_the_asks_and_the_planned_level(make_app, store):
    meeting = store.add_meeting(MeetingDraft("Brief me", "Dana", at(1, 10)))
    # The asks are typed in other tests; here they are stored beforehand.
    store.checklists.add_item("asks", meeting.id, text="I need sign-off")
    store.checklists.add_item(
        "asks", meeting.id, text="I need 2 analysts", by_when=date(2026, 11, 30)
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert focused_id(app) == "planned_level"
        await pilot.press("6")
        await pilot.press("pagedown")  # step 4
        await pilot.pause()
        await pilot.press("pagedown")  # the brief
        await pilot.pause()

        assert screen.query_one("#panes").current == "brief"
        steps = screen.query_one("#steps", OptionList)
        assert steps.highlighted_option.id == "brief"
        brief = screen.query_one(BriefPane)
        assert brief.display
        assert "1. I need sign-off" in brief.markdown
        assert "2. I need 2 analysts — by Mon 30 Nov" in brief.markdown
        assert "Planned level: 6/10 (just right)" in brief.markdown

        # PgDn on the brief stays there; PgUp goes back to step 4.
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.query_one("#panes").current == "brief"
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.query_one("#panes").current == "step-4"


# -- performance guard ----------------------------------------------------------------------


async def test_an_idle_checklist_does_not_keep_reading_the_database(make_app, store):
    """Rebuilding the step list must not echo into another save-and-reload:
    an idle screen makes no reads at all, however many steps were visited."""
    store.add_meeting(MeetingDraft("Idle", "Dana", at(1, 10)))
    reads = 0
    get = store.checklists.get

    def counting_get(meeting_id: int):
        nonlocal reads
        reads += 1
        return get(meeting_id)

    store.checklists.get = counting_get
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_checklist(pilot)
        await pilot.press("pagedown", "pagedown", "pageup")
        await pilot.pause()
        before = reads
        await pilot.pause(0.4)
        assert reads - before == 0


async def test_the_footer_shows_both_the_choice_keys_and_the_step_keys(make_app, store):
    from textual.widgets._footer import FooterKey

    store.add_meeting(MeetingDraft("Footer", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_checklist(pilot)
        assert focused_id(app) == "position"  # a Choice
        await pilot.pause()
        shown = {key.description for key in app.screen.query(FooterKey)}
        assert {"Choose", "Next step", "Previous"} <= shown


async def test_the_brief_scrolls_by_keyboard_and_step_3_still_shows_pgdn(make_app, store):
    from textual.widgets._footer import FooterKey

    meeting = store.add_meeting(MeetingDraft("Long brief", "Dana", at(1, 10)))
    for n in range(12):
        store.checklists.add_item("asks", meeting.id, text=f"I need decision number {n} by Friday")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_checklist(pilot)
        await pilot.press("pagedown", "pagedown")  # step 3: the assertiveness scale
        await pilot.pause()
        shown = {key.description for key in app.screen.query(FooterKey)}
        assert {"Next step", "Previous"} <= shown
        await pilot.press("pagedown", "pagedown")  # the brief
        await pilot.pause()
        brief = app.screen.query_one(BriefPane)
        assert app.focused is brief
        assert brief.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert brief.scroll_y == brief.max_scroll_y


async def test_clicking_a_step_in_the_step_list_goes_into_that_steps_fields(make_app, store):
    # The step list's click handler was once shadowed by a same-named one
    # for the narrow step strip, so a click only showed the step.
    store.add_meeting(MeetingDraft("Budget", "Dana", at(1, 10)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checklist(pilot)
        steps = screen.query_one("#steps", OptionList)
        # A click selects the option under the pointer: the same message.
        steps.highlighted = steps.get_option_index("step-3")
        steps.action_select()
        await pilot.pause()
        assert app.focused is not None and app.focused is not steps
        assert screen.query_one("#step-3") in app.focused.ancestors_with_self
