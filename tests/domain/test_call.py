"""What the call screen shows: the clock in words, which items, in which order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from prep.domain.call import (
    CALL_GRACE,
    CallAsk,
    Phase,
    call_sheet,
    in_call_window,
    next_answer,
    time_left,
)
from prep.domain.checklist import Ask, Checklist, Confidence, Deadline, Flex, Problem, Solution
from prep.domain.debrief import AskAnswer, AskResult
from prep.domain.models import Cadence, Counterpart, Meeting
from prep.domain.open_threads import OpenThread, Source, ThreadKind
from tests.helpers import LONDON, NOW, at

DANA = Counterpart(id=1, name="Dana Reyes", cadence=Cadence.QUARTERLY)
# 14:00 to 15:00 on NOW's day.
MEETING = Meeting(
    id=7, title="Q4 budget review", counterpart=DANA, starts_at=at(0, 14), duration_minutes=60
)


@pytest.mark.parametrize(
    ("moment", "phase", "text"),
    [
        (at(0, 13, 50), Phase.BEFORE, "Starts in 10 min, at 14:00 · ends 15:00"),
        (at(0, 14), Phase.UNDER_WAY, "1 h left · ends 15:00"),  # the start
        (at(0, 14, 25), Phase.UNDER_WAY, "35 min left · ends 15:00"),  # the middle
        (at(0, 14, 55), Phase.ENDING, "5 min left · ends 15:00"),
        (at(0, 14, 59) + timedelta(seconds=30), Phase.ENDING, "1 min left · ends 15:00"),
        (at(0, 15), Phase.OVER, "Time is up · it was due to end at 15:00"),
        (at(0, 15, 7), Phase.OVER, "7 min over · it was due to end at 15:00"),  # over-run
        (at(0, 16, 30), Phase.OVER, "1 h 30 min over · it was due to end at 15:00"),
    ],
)
def test_time_left_reads_in_whole_minutes(moment, phase, text):
    left = time_left(MEETING, moment)
    print(f"{moment:%H:%M:%S}: {left.text}")
    assert (left.phase, left.text) == (phase, text)


def test_the_call_window_runs_from_the_start_to_the_grace_after_the_end():
    end = at(0, 15)
    inside = [at(0, 14), at(0, 14, 59), end, end + CALL_GRACE - timedelta(seconds=1)]
    outside = [at(0, 13, 59), end + CALL_GRACE, at(1, 14)]
    assert CALL_GRACE == timedelta(minutes=15)
    assert all(in_call_window(MEETING, t) for t in inside)
    assert not any(in_call_window(MEETING, t) for t in outside)
    assert not in_call_window(replace(MEETING, cancelled=True), at(0, 14, 30))


def test_time_left_across_a_clock_change_counts_real_minutes():
    # London leaves summer time at 02:00 on Sun 25 Oct 2026: a 01:30 meeting
    # of 60 minutes ends at 01:30 again, wall clock, an hour later.
    start = at(-33, 1, 30)
    assert start.date() == date(2026, 10, 25)
    meeting = replace(MEETING, starts_at=start)
    left = time_left(meeting, start + timedelta(minutes=15))
    print(left.text)
    assert left.text.startswith("45 min left")


def test_an_answer_steps_round_and_ticks_the_ask():
    seen = [None]
    for _ in range(5):
        seen.append(next_answer(seen[-1]))
    assert seen == [None, *AskAnswer, None]
    ask = CallAsk(ask_id=1, text="Sign-off", by_when="")
    assert ask.answered() == replace(ask, asked=True, answer=AskAnswer.GRANTED)
    ticked = ask.ticked()
    assert ticked.asked is True
    # Unticking goes back to unknown (never "not asked") and drops the answer.
    assert ticked.answered().ticked() == replace(ask, asked=None, answer=None)


def full_checklist() -> Checklist:
    return Checklist(
        meeting_id=7,
        asks=(
            Ask(1, "I need sign-off by Friday", by_when=date(2026, 12, 4)),
            Ask(2, "   "),  # blank: left out
            Ask(3, "I want to lead phase two"),
        ),
        deadlines=(
            Deadline(
                4,
                "Go-live",
                date(2026, 12, 7),
                date(2026, 12, 11),
                date(2026, 12, 18),
                Confidence.MEDIUM,
                frozenset({Flex.SCOPE}),
            ),
        ),
        planned_level=6,
        pushback_line="I think differently about that",
        problems=(Problem(5, "Vendor late", (Solution(6, "Backup vendor"),)),),
    )


def test_the_sheet_puts_what_is_still_unsaid_first_then_the_plan_in_step_order():
    raised = Source(3, "Roadmap", datetime(2026, 11, 3, 10, 0, tzinfo=LONDON))
    threads = (
        OpenThread(ThreadKind.UNSAID, 9, "A second tester", "not said yet", raised),
        OpenThread(ThreadKind.ASK, 8, "Budget for Q1", 'answered "later"', raised),
    )
    sheet = call_sheet(
        MEETING,
        full_checklist(),
        (AskResult(1, asked=True, answer=AskAnswer.LATER),),
        threads,
        last_feedback=None,  # never asked: due
        now=NOW,
    )
    keys = [s.key for s in sheet.sections]
    print(keys)
    assert keys == ["unsaid", "asks", "deadlines", "level", "problems", "feedback"]
    lines = {s.key: s.lines for s in sheet.sections}
    assert lines["unsaid"] == (
        "• Unsaid: A second tester — not said yet (Roadmap, Tue 3 Nov)",
        '• Ask again: Budget for Q1 — answered "later" (Roadmap, Tue 3 Nov)',
    )
    assert [(a.ask_id, a.by_when, a.asked, a.answer) for a in sheet.asks] == [
        (1, "Fri 4 Dec", True, AskAnswer.LATER),
        (3, "", None, None),
    ]
    assert lines["deadlines"] == (
        "• Go-live: Mon 7 Dec–Fri 18 Dec (likely Fri 11 Dec) · medium confidence · can flex: scope",
    )
    assert lines["level"] == (
        "Planned level 6/10 (just right)",
        "Push back: “I think differently about that”",
    )
    assert lines["problems"] == ("• Vendor late", "  → Backup vendor")
    assert len(lines["feedback"]) == 3


def test_an_empty_plan_shows_only_that_no_asks_were_planned():
    asked_last_month = NOW.date() - timedelta(days=30)
    sheet = call_sheet(MEETING, Checklist(7), (), (), asked_last_month, NOW)
    print([(s.key, s.lines) for s in sheet.sections])
    assert [(s.key, s.lines) for s in sheet.sections] == [
        ("asks", ("No direct asks were planned.",))
    ]
    assert sheet.asks == ()


def test_notes_from_the_call_go_into_the_debrief_markdown_under_how_it_went():
    from prep.domain.debrief import Debrief
    from prep.domain.debrief_report import render_debrief

    debrief = Debrief(7, outcome="Approved.", call_notes="Budget ok\n\n# not a heading\n")
    text = render_debrief(MEETING, Checklist(7), debrief, NOW)
    print(text)
    how = text.split("## How it went\n\n", 1)[1]
    assert how.startswith(
        "Approved.\n\n### Noted during the call\n\n- Budget ok\n- \\# not a heading\n\n"
    )
    assert "Noted during the call" not in render_debrief(MEETING, Checklist(7), Debrief(7), NOW)
