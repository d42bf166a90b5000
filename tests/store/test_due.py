"""`prep due`'s rules on a real file with a fixed clock: what counts as due, and what not."""

from __future__ import annotations

from datetime import date, timedelta

from prep.domain.debrief import Owner
from prep.domain.due import render_due
from prep.domain.models import Cadence, MeetingDraft
from prep.store.due import read_due
from tests.helpers import NOW, at


def _add(store, title, person, when):
    return store.add_meeting(MeetingDraft(title=title, counterpart_name=person, starts_at=when))


def _debrief_done(store, meeting_id, feedback=False):
    d = store.debriefs
    d.set_field(meeting_id, "outcome", "Agreed")
    d.set_field(meeting_id, "temperature", 4)
    d.set_field(meeting_id, "actual_level", 5)
    if feedback:
        d.set_field(meeting_id, "feedback_asked", True)


def test_nothing_due_in_an_empty_database(store):
    report = read_due(store, NOW)
    assert not report.anything
    assert render_due(report, NOW) == "Nothing due.\n"


def test_each_kind_of_thing_due_and_the_near_misses(store):
    dana, sam = "Dana Whitfield", "Sam Patel"
    held = _add(store, "Roadmap", dana, at(-2, 10))
    done = _add(store, "Budget", sam, at(-1, 10))
    _debrief_done(store, done.id, feedback=True)
    _add(store, "Too old to nag", dana, NOW - timedelta(days=40))
    under_way = _add(store, "Happening now", sam, NOW - timedelta(minutes=10))
    soon = _add(store, "Pilot", dana, NOW + timedelta(minutes=40))
    _add(store, "Later today", sam, NOW + timedelta(minutes=90))
    store.checklists.set_field(soon.id, "planned_level", 5)  # 1 of 4 steps
    late = store.items.add(
        "actions", held.id, text="Send plan", owner=Owner.ME, due=date(2026, 11, 26)
    )
    store.items.add("actions", held.id, text="Due today", owner=Owner.ME, due=NOW.date())
    ticked = store.items.add(
        "actions", held.id, text="Done", owner=Owner.THEM, due=date(2026, 11, 20)
    )
    store.debriefs.set_done(ticked, True)
    store.items.add("actions", held.id, text="   ", due=date(2026, 11, 20))  # blank: nothing to do

    report = read_due(store, NOW)
    text = render_due(report, NOW)
    print(text)
    assert [m.title for m in report.needs_debrief] == ["Roadmap"]
    assert under_way.id not in [m.id for m in report.needs_debrief]
    assert [(m.title, m.steps_done) for m in report.unprepared_soon] == [("Pilot", 1)]
    assert [a.item.id for a in report.overdue_actions] == [late]
    # Dana never gave feedback and is met within the week; Sam was asked yesterday.
    assert [(f.person, f.last_feedback, f.next_meeting.title) for f in report.feedback] == [
        (dana, None, "Pilot")
    ]
    assert text.splitlines() == [
        "Needs a debrief",
        f"  {held.id:>4}  Wed 25 Nov 10:00 (2 days ago)  Roadmap · Dana Whitfield",
        "",
        "Not prepared, starting within the hour",
        f"  {soon.id:>4}  Today 14:40 (in 40 min)  Pilot · Dana Whitfield · 1/4 ready",
        "",
        "Overdue action items",
        "  Send plan (mine, due Thu 26 Nov) · Roadmap · Dana Whitfield",
        "",
        "Feedback due",
        "  Dana Whitfield (quarterly; never asked) · ask at Pilot, Today 14:40",
    ]


def test_feedback_is_due_by_cadence(store):
    asked = _add(store, "Review", "Dana", at(-95, 10))
    _debrief_done(store, asked.id, feedback=True)
    _add(store, "Next", "Dana", at(3, 10))
    assert [f.last_feedback for f in read_due(store, NOW).feedback] == [at(-95, 10).date()]
    store.people.update(
        asked.counterpart.id,
        name="Dana",
        organisation="",
        kind=asked.counterpart.kind,
        rank=asked.counterpart.rank,
        cadence=Cadence.HALF_YEARLY,
    )
    assert read_due(store, NOW).feedback == ()
