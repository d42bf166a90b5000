"""The assertiveness scale: zones, the gap between plan and reality, and hints."""

from __future__ import annotations

import pytest

from prep.domain.assertiveness import (
    LEVELS,
    ZONE_LABELS,
    Zone,
    describe_gap,
    level_hint,
    zone,
)


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (1, Zone.TOO_LITTLE),
        (2, Zone.TOO_LITTLE),
        (3, Zone.TOO_LITTLE),
        (4, Zone.JUST_RIGHT),
        (5, Zone.JUST_RIGHT),
        (6, Zone.JUST_RIGHT),
        (7, Zone.JUST_RIGHT),
        (8, Zone.TOO_MUCH),
        (9, Zone.TOO_MUCH),
        (10, Zone.TOO_MUCH),
    ],
)
def test_zone(level, expected):
    assert zone(level) is expected


def test_levels_run_one_to_ten():
    assert list(LEVELS) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


def test_zone_values_and_labels():
    assert [z.value for z in Zone] == ["too-little", "just-right", "too-much"]
    assert ZONE_LABELS == {
        Zone.TOO_LITTLE: "too little",
        Zone.JUST_RIGHT: "just right",
        Zone.TOO_MUCH: "too much",
    }


INVALID = [0, 11, -1, 100, 5.0, 4.5, True, "5", None]


@pytest.mark.parametrize("level", INVALID)
def test_zone_refuses_anything_off_the_scale(level):
    with pytest.raises(ValueError, match="whole number from 1 to 10"):
        zone(level)


@pytest.mark.parametrize(
    ("planned", "actual", "text"),
    [
        (5, 5, "on plan, in the just-right zone"),
        (2, 2, "on plan, in the too-little zone"),
        (9, 9, "on plan, in the too-much zone"),
        (5, 3, "2 below plan, in the too-little zone"),
        (7, 8, "1 above plan, in the too-much zone"),
        (4, 7, "3 above plan, in the just-right zone"),
        (5, 4, "1 below plan, in the just-right zone"),
        (4, 3, "1 below plan, in the too-little zone"),
        (8, 7, "1 below plan, in the just-right zone"),
        (3, 4, "1 above plan, in the just-right zone"),
        (1, 10, "9 above plan, in the too-much zone"),
        (10, 1, "9 below plan, in the too-little zone"),
    ],
)
def test_describe_gap(planned, actual, text):
    assert describe_gap(planned, actual) == text


@pytest.mark.parametrize(("planned", "actual"), [(0, 5), (5, 0), (11, 5), (5, 11), (5, None)])
def test_describe_gap_refuses_invalid_levels(planned, actual):
    with pytest.raises(ValueError):
        describe_gap(planned, actual)


@pytest.mark.parametrize(
    ("level", "hint"),
    [
        (2, "You'd let a bad deadline pass unchallenged."),
        (5, "Clear asks, calm push-back, open to their view."),
        (9, "Pushing hard enough to strain the relationship."),
    ],
)
def test_level_hint(level, hint):
    assert level_hint(level) == hint


def test_every_level_has_its_own_one_line_hint():
    hints = [level_hint(level) for level in LEVELS]
    assert len(set(hints)) == 10
    assert all(h.endswith(".") and "\n" not in h and len(h) <= 70 for h in hints)


@pytest.mark.parametrize("level", INVALID)
def test_level_hint_refuses_invalid_levels(level):
    with pytest.raises(ValueError):
        level_hint(level)
