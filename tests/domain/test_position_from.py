"""The checklist's "where do they sit" answer, filled in from the person."""

from __future__ import annotations

import itertools

from prep.domain.checklist import Position, position_from
from prep.domain.models import Counterpart, Rank, RelationshipKind

EXPECTED = {
    RelationshipKind.CLIENT: {rank: Position.PAYING_CLIENT for rank in Rank},
    RelationshipKind.CUSTOMER: {rank: Position.PAYING_CLIENT for rank in Rank},
    RelationshipKind.BOSS: {rank: Position.SENIOR for rank in Rank},
    RelationshipKind.COLLEAGUE: {
        Rank.SENIOR: Position.SENIOR,
        Rank.PEER: Position.PEER,
        Rank.JUNIOR: Position.JUNIOR,
    },
}


def test_every_kind_and_rank_maps_to_a_position():
    pairs = list(itertools.product(RelationshipKind, Rank))
    for kind, rank in pairs:
        person = Counterpart(1, "Dana", kind=kind, rank=rank)
        assert position_from(person) is EXPECTED[kind][rank], (kind, rank)
    print(f"{len(pairs)} kind and rank pairs mapped")


def test_the_default_person_a_senior_client_is_a_paying_client():
    assert position_from(Counterpart(1, "Dana")) is Position.PAYING_CLIENT
