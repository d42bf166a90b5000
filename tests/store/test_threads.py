"""Open threads read from the file, carried, and settled in one place."""

from __future__ import annotations

from datetime import timedelta

from prep.domain.debrief import AskAnswer, CoachingOutcome, ProposalOutcome
from prep.domain.models import MeetingDraft
from prep.domain.open_threads import ThreadKind
from tests.helpers import LONDON, NOW, at


def keys(store, meeting) -> list[tuple[ThreadKind, str]]:
    threads = store.threads.open_before(meeting, NOW.date())
    for t in threads:
        print(t.line(NOW.date()))
    return [(t.kind, t.text) for t in threads]


def test_a_later_ask_is_copied_once_and_then_counts_in_its_new_meeting(store):
    a = store.add_meeting(MeetingDraft("Roadmap", "Dana", at(-10, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Dana", at(1, 10)))
    ask = store.checklists.add_item("asks", a.id, text="Sign off the budget")
    store.debriefs.set_ask_result(ask, True, AskAnswer.LATER)
    help_id = store.checklists.add_item("problems", a.id, text="Test lab", ask_for_help=True)
    assert keys(store, b) == [
        (ThreadKind.ASK, "Sign off the budget"),
        (ThreadKind.HELP, "Test lab"),
    ]
    threads = store.threads.open_before(b, NOW.date())
    assert store.threads.copy_into(b.id, threads) == 2
    assert [x.text for x in store.checklists.get(b.id).asks] == ["Sign off the budget"]
    assert [p.ask_for_help for p in store.checklists.get(b.id).problems] == [True]
    assert keys(store, b) == []  # settled where raised: the copies count now
    assert store.threads.open_with(a.counterpart.id, NOW) == ()  # b has not happened yet
    store.debriefs.set_proposal_outcome(help_id, ProposalOutcome.ACCEPTED)


def test_say_it_this_time_resolves_the_unsaid_item_once_asked(store):
    a = store.add_meeting(MeetingDraft("Roadmap", "Dana", at(-10, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Dana", at(-1, 10)))
    ask = store.checklists.add_item("asks", a.id, text="A second tester")
    store.debriefs.set_ask_result(ask, False, None)  # not asked: an unsaid item
    [unsaid] = store.debriefs.get(a.id).unsaid
    assert keys(store, b) == [(ThreadKind.UNSAID, "A second tester")]
    new_ask = store.threads.say_it(b.id, unsaid.id)
    assert keys(store, b) == []  # b's ask stands for it
    store.debriefs.set_ask_result(new_ask, True, AskAnswer.GRANTED)
    assert not store.debriefs.get(a.id).unsaid[0].is_open
    store.debriefs.set_ask_result(new_ask, None, None)  # taken back
    assert store.debriefs.get(a.id).unsaid[0].is_open


def test_the_coaching_note_follows_until_tried(store):
    a = store.add_meeting(MeetingDraft("Roadmap", "Dana", at(-10, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Dana", at(1, 10)))
    store.debriefs.set_field(a.id, "coaching_note", "Send the agenda a day ahead")
    assert keys(store, b) == [(ThreadKind.COACHING, "Send the agenda a day ahead")]
    store.threads.set_coaching_tried(a.id, b.id, CoachingOutcome.WORKED)
    assert keys(store, b) == []
    row = store.query("SELECT coaching_tried_in, coaching_outcome FROM debriefs")[0]
    assert row == {"coaching_tried_in": b.id, "coaching_outcome": "worked"}


def test_the_review_counts_an_unsaid_item_resolved_by_asking_it(store):
    from prep.domain.weeks import week_start

    a = store.add_meeting(MeetingDraft("Roadmap", "Dana", at(-3, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Dana", at(-1, 10)))
    ask = store.checklists.add_item("asks", a.id, text="A second tester")
    store.debriefs.set_ask_result(ask, False, None)
    [unsaid] = store.debriefs.get(a.id).unsaid
    store.debriefs.set_ask_result(store.threads.say_it(b.id, unsaid.id), True, None)
    week = store.review.week(week_start(NOW.date()), NOW.tzinfo, NOW)
    print(f"resolved {week.unsaid_resolved}, by asking {week.unsaid_said}")
    assert (week.unsaid_resolved, week.unsaid_said) == (1, 1)


def test_the_week_of_the_meeting_it_was_tried_in_counts_the_attempt(store):
    a = store.add_meeting(MeetingDraft("Roadmap", "Dana", at(-10, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Dana", at(-1, 10)))  # Thursday
    store.debriefs.set_field(a.id, "coaching_note", "Send the agenda a day ahead")
    store.threads.set_coaching_tried(a.id, b.id, CoachingOutcome.PARTLY)
    monday = NOW.date() - timedelta(days=NOW.weekday())
    week = store.review.week(monday, LONDON, NOW)
    tried = [(m.title, m.coaching_tried, m.coaching_outcome) for m in week.meetings]
    print(tried)
    assert tried == [("Budget", True, CoachingOutcome.PARTLY)]
    [before] = store.review.week(monday - timedelta(days=7), LONDON, NOW).meetings
    assert (before.title, before.coaching_tried) == ("Roadmap", False)  # the note's own week


def test_a_persons_record_is_read_once_until_the_file_changes(store, db_path):
    """The agenda's detail, then the checklist, call screen or debrief it
    opens, ask for the same person's record: it is read once, and read
    again after any change, ours or another program's."""
    from prep.store import open_store

    a = store.add_meeting(MeetingDraft("Roadmap", "Dana", at(-10, 10)))
    b = store.add_meeting(MeetingDraft("Budget", "Dana", at(1, 10)))
    unsaid = store.items.add("unsaid", a.id, text="Can I lead phase two?")
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    first = store.threads.record(a.counterpart.id)
    read = len(statements)
    assert store.threads.record(a.counterpart.id) is first
    assert keys(store, b) == [(ThreadKind.UNSAID, "Can I lead phase two?")]
    again = statements[read:]
    print(f"{read} statements to read the record, then {again} for the same record twice more")
    assert set(again) == {"PRAGMA data_version"}

    store.debriefs.set_resolved(unsaid, True)  # a change of ours
    assert keys(store, b) == []

    store.debriefs.set_resolved(unsaid, False)
    assert keys(store, b) == [(ThreadKind.UNSAID, "Can I lead phase two?")]
    other = open_store(db_path)  # another program
    try:
        other.debriefs.set_resolved(unsaid, True)
    finally:
        other.close()
    assert keys(store, b) == []
    store.db.conn.set_trace_callback(None)


def test_only_the_last_few_people_are_kept(store):
    people = [
        store.add_meeting(MeetingDraft("Intro", f"Person {n}", at(-n - 1, 10))).counterpart
        for n in range(store.threads.KEPT + 3)
    ]
    for person in people:
        store.threads.record(person.id)
    newest = store.threads.record(people[-1].id)
    assert store.threads.record(people[-1].id) is newest
    assert len(store.threads._kept) == store.threads.KEPT
