"""The checklist's "Where do they sit relative to you?" starts from what the
meeting form recorded about the person, and can be changed. Keys go in with
no pauses (`burst`); the SQLite file is read with plain sqlite3."""

from __future__ import annotations

import pytest

from prep.domain.models import MeetingDraft, Rank, RelationshipKind
from prep.tui.screens.agenda import AgendaScreen
from prep.tui.screens.checklist import ChecklistScreen
from prep.tui.widgets.choice import Choice
from tests.helpers import at
from tests.tui.conftest import SIZE, burst, rows

STANDING = "SELECT standing FROM checklists WHERE meeting_id = ?"


def shown(app) -> object:
    assert isinstance(app.screen, ChecklistScreen)
    return app.screen.query_one("#position", Choice).value


@pytest.mark.parametrize(
    ("kind", "rank", "expected"),
    [
        (None, None, "paying-client"),  # a new person: a senior client
        (RelationshipKind.BOSS, Rank.SENIOR, "senior"),
        (RelationshipKind.COLLEAGUE, Rank.PEER, "peer"),
        (RelationshipKind.COLLEAGUE, Rank.JUNIOR, "junior"),
    ],
)
async def test_a_new_checklist_starts_from_the_persons_kind_and_rank(
    make_app, store, db_path, kind, rank, expected
):
    meeting = store.add_meeting(
        MeetingDraft(
            "Scope change", "Dana", at(1, 10), counterpart_kind=kind, counterpart_rank=rank
        )
    )
    async with make_app().run_test(size=SIZE) as pilot:
        await burst(pilot, "p")
        assert shown(pilot.app) == expected
    assert rows(db_path, STANDING, (meeting.id,)) == [(expected,)]


async def test_the_filled_in_position_can_be_changed_and_stays_changed(make_app, store, db_path):
    meeting = store.add_meeting(MeetingDraft("Scope change", "Dana", at(1, 10)))
    async with make_app().run_test(size=SIZE) as pilot:
        # Open, step back from "Paying client" to "Junior to me", leave, open again.
        await burst(pilot, "p", "left", "escape")
        assert isinstance(pilot.app.screen, AgendaScreen)
        assert rows(db_path, STANDING, (meeting.id,)) == [("junior",)]
        await burst(pilot, "p")
        assert shown(pilot.app) == "junior"
        # Cleared, it stays blank: the default is written on the first opening only.
        await burst(pilot, "delete", "escape", "p")
        assert shown(pilot.app) is Choice.NO_CHOICE
    assert rows(db_path, STANDING, (meeting.id,)) == [(None,)]


async def test_a_started_meeting_is_not_filled_in(make_app, store, db_path):
    """Its plan is frozen: nothing is written by opening it."""
    meeting = store.add_meeting(MeetingDraft("Done", "Dana", at(-1, 10)))
    async with make_app().run_test(size=SIZE) as pilot:
        await burst(pilot, "p")
        assert shown(pilot.app) is Choice.NO_CHOICE
    assert rows(db_path, STANDING, (meeting.id,)) == []
