"""People on a real file: the list with its numbers, a relationship's
timeline, edits (with their refusals) and merging two records of one person."""

from __future__ import annotations

import sqlite3

import pytest

from prep.domain.models import (
    Cadence,
    Counterpart,
    MeetingDraft,
    Rank,
    RelationshipKind,
    ValidationError,
)
from prep.domain.people import PersonSummary
from prep.store import StoreError
from tests.helpers import NOW, at

DANA, SAM = "Dana Whitfield", "Sam Patel"
# Debriefed temperatures of Dana's past meetings, oldest first.
TEMPERATURES = [1, 2, 3, 4, 5, 4, 3, 2, 1, 5]


def rows(db_path, sql: str, params: tuple = ()) -> list[tuple]:
    """What is on disk, read with plain sqlite3."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _meeting(store, title: str, person: str, starts_at) -> int:
    return store.add_meeting(MeetingDraft(title, person, starts_at)).id


@pytest.fixture
def people(store):
    """Dana: ten debriefed meetings, one to come; Sam: one; alex: none."""
    dana = store.add_counterpart(DANA, organisation="Northwind")
    sam = store.add_counterpart(
        SAM, kind=RelationshipKind.COLLEAGUE, rank=Rank.PEER, cadence=Cadence.HALF_YEARLY
    )
    alex = store.add_counterpart("alex Chen", kind=RelationshipKind.BOSS)
    dana_meetings = []
    for n, temperature in enumerate(TEMPERATURES):
        meeting = _meeting(store, f"Check-in {n + 1}", DANA, at(-100 + 10 * n, 10))
        store.debriefs.set_field(meeting, "temperature", temperature)
        dana_meetings.append(meeting)
    # Feedback asked at check-in 7 (at(-40)); later check-ins did not ask.
    store.debriefs.set_field(dana_meetings[6], "feedback_asked", True)
    future = _meeting(store, "Planning", DANA, at(1, 9))  # tomorrow: not met yet
    last = dana_meetings[-1]  # at(-10)
    items = store.items
    items.add("unsaid", last, text="Workload")
    items.add("unsaid", dana_meetings[0], text="Pay")
    items.add("unsaid", last, text="   ")  # blank: not counted
    store.debriefs.set_resolved(items.add("unsaid", last, text="Office"), True)
    items.add("actions", last, text="Send plan")
    store.debriefs.set_done(items.add("actions", last, text="Book room"), True)
    items.add("actions", last, text="  ")
    sam_meeting = _meeting(store, "Budget check", SAM, at(-2, 15))
    return {
        "dana": dana,
        "sam": sam,
        "alex": alex,
        "dana_meetings": dana_meetings,
        "future": future,
        "sam_meeting": sam_meeting,
    }


# -- summaries -----------------------------------------------------------------


def test_summaries_list_everyone_with_their_numbers(store, people):
    assert store.people.summaries(NOW) == [
        PersonSummary(
            person=people["alex"],
            meetings=0,
            last_met=None,
            last_feedback=None,
            temperatures=(),
            open_unsaid=0,
            open_actions=0,
        ),
        PersonSummary(
            person=people["dana"],
            meetings=11,
            last_met=at(-10, 10).date(),
            last_feedback=at(-40, 10).date(),
            # The last eight, oldest first.
            temperatures=(3, 4, 5, 4, 3, 2, 1, 5),
            open_unsaid=2,
            open_actions=1,
        ),
        PersonSummary(
            person=people["sam"],
            meetings=1,
            last_met=at(-2, 15).date(),
            last_feedback=None,
            temperatures=(),
            open_unsaid=0,
            open_actions=0,
        ),
    ]


def test_last_met_is_as_of_now(store, people):
    """A meeting counts as met once it has started: at its start time, not before."""
    future = at(1, 9)
    dana = people["dana"].id

    def last_met(now):
        return {s.person.id: s.last_met for s in store.people.summaries(now)}[dana]

    assert last_met(NOW) == at(-10, 10).date()
    assert last_met(future) == future.date()
    assert last_met(at(-100, 9)) is None


# -- timeline ------------------------------------------------------------------


def test_timeline_is_newest_first_with_plan_and_debrief(store, people):
    meetings = people["dana_meetings"]
    c, d = store.checklists, store.debriefs
    c.set_field(meetings[-1], "planned_level", 6)
    d.set_field(meetings[-1], "actual_level", 3)
    d.set_field(meetings[-1], "outcome", "Budget approved")
    c.set_field(meetings[-2], "planned_level", 5)  # planned, never rated

    timeline = store.people.timeline(people["dana"].id)

    assert [e.meeting.id for e in timeline] == [people["future"], *reversed(meetings)]
    assert [
        (e.meeting.title, e.planned_level, e.actual_level, e.temperature, e.outcome)
        for e in timeline[:4]
    ] == [
        ("Planning", None, None, None, ""),
        ("Check-in 10", 6, 3, 5, "Budget approved"),
        ("Check-in 9", 5, None, 1, ""),
        ("Check-in 8", None, None, 2, ""),
    ]
    assert all(e.meeting.counterpart == people["dana"] for e in timeline)
    assert [e.meeting.id for e in store.people.timeline(people["dana"].id, limit=2)] == [
        people["future"],
        meetings[-1],
    ]
    assert store.people.timeline(people["alex"].id) == []


# -- update --------------------------------------------------------------------


def test_update_changes_every_field_and_cleans_the_text(store, people, db_path):
    sam = people["sam"]
    updated = store.people.update(
        sam.id,
        name="  Sam   Patel-Okafor ",
        organisation=" Contoso\n",
        kind=RelationshipKind.CUSTOMER,
        rank=Rank.JUNIOR,
        cadence=Cadence.YEARLY,
    )
    assert updated == Counterpart(
        sam.id,
        "Sam Patel-Okafor",
        "Contoso",
        RelationshipKind.CUSTOMER,
        Rank.JUNIOR,
        Cadence.YEARLY,
    )
    assert rows(
        db_path,
        "SELECT name, organisation, kind, rank, feedback_cadence FROM people WHERE id = ?",
        (sam.id,),
    ) == [("Sam Patel-Okafor", "Contoso", "customer", "junior", "yearly")]
    # Their meetings stay theirs.
    assert store.meeting(people["sam_meeting"]).counterpart == updated


def test_a_new_spelling_of_ones_own_name_is_not_a_clash(store, people):
    dana = people["dana"]
    updated = store.people.update(
        dana.id,
        name="dana whitfield",
        organisation="Northwind",
        kind=dana.kind,
        rank=dana.rank,
        cadence=dana.cadence,
    )
    assert updated.name == "dana whitfield"


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_an_empty_name_is_refused(store, people, db_path, name):
    before = rows(db_path, "SELECT * FROM people ORDER BY id")
    sam = people["sam"]
    with pytest.raises(ValidationError, match=r"A person needs a name\."):
        store.people.update(
            sam.id,
            name=name,
            organisation="Contoso",
            kind=sam.kind,
            rank=sam.rank,
            cadence=Cadence.YEARLY,
        )
    assert rows(db_path, "SELECT * FROM people ORDER BY id") == before


def test_a_name_someone_else_has_is_refused(store, people, db_path):
    before = rows(db_path, "SELECT * FROM people ORDER BY id")
    sam = people["sam"]
    with pytest.raises(StoreError) as refused:
        store.people.update(
            sam.id,
            name=" DANA  whitfield",
            organisation="",
            kind=sam.kind,
            rank=sam.rank,
            cadence=sam.cadence,
        )
    assert str(refused.value) == "Someone called DANA whitfield already exists: merge them instead."
    assert rows(db_path, "SELECT * FROM people ORDER BY id") == before


# -- merge ---------------------------------------------------------------------


def test_merge_moves_the_meetings_and_removes_the_other(store, people, db_path):
    dana, sam = people["dana"], people["sam"]
    store.items.add("actions", people["sam_meeting"], text="Share figures")

    kept = store.people.merge(dana.id, sam.id)

    assert kept == dana
    assert rows(db_path, "SELECT id FROM people ORDER BY id") == [
        (dana.id,),
        (people["alex"].id,),
    ]
    assert rows(db_path, "SELECT DISTINCT person_id FROM meetings") == [(dana.id,)]
    timeline = store.people.timeline(dana.id)
    assert len(timeline) == 12
    assert people["sam_meeting"] in [e.meeting.id for e in timeline]
    summary = {s.person.id: s for s in store.people.summaries(NOW)}[dana.id]
    assert (summary.meetings, summary.last_met, summary.open_actions) == (12, at(-2, 15).date(), 2)
    with pytest.raises(StoreError, match=f"No person with id {sam.id}."):
        store.counterpart(sam.id)


def test_merging_someone_into_themselves_is_refused(store, people, db_path):
    before = rows(db_path, "SELECT id, person_id FROM meetings ORDER BY id")
    dana = people["dana"]
    with pytest.raises(StoreError, match=r"Choose two different people to merge\."):
        store.people.merge(dana.id, dana.id)
    assert store.counterpart(dana.id) == dana
    assert rows(db_path, "SELECT id, person_id FROM meetings ORDER BY id") == before


def test_merging_with_someone_who_is_gone_changes_nothing(store, people, db_path):
    before = rows(db_path, "SELECT id, person_id FROM meetings ORDER BY id")
    with pytest.raises(StoreError, match=r"No person with id 999\."):
        store.people.merge(999, people["sam"].id)
    with pytest.raises(StoreError, match=r"No person with id 999\."):
        store.people.merge(people["dana"].id, 999)
    assert rows(db_path, "SELECT id, person_id FROM meetings ORDER BY id") == before
    assert len(store.counterparts()) == 3


def test_a_merged_name_is_free_again(store, people):
    """After the merge, the other record's name can be given to someone."""
    sam, alex = people["sam"], people["alex"]
    store.people.merge(people["dana"].id, sam.id)
    renamed = store.people.update(
        alex.id, name=SAM, organisation="", kind=alex.kind, rank=alex.rank, cadence=alex.cadence
    )
    assert renamed.name == SAM


def test_feedback_in_a_meeting_that_has_not_happened_yet_does_not_count(store):
    """Ticking "asked for feedback" on a future meeting's debrief is not a conversation held."""
    from prep.domain.models import MeetingDraft
    from tests.helpers import NOW, at

    future = store.add_meeting(MeetingDraft("Next week", "Robin", at(7, 10)))
    store.debriefs.set_field(future.id, "feedback_asked", True)
    [summary] = [s for s in store.people.summaries(NOW) if s.person.name == "Robin"]
    assert summary.last_feedback is None
    assert summary.last_met is None
