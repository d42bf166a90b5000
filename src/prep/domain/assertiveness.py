"""The assertiveness scale, with its just-right band.

Assertiveness works like Goldilocks: people rated too assertive damage the
relationship, people not assertive enough don't push for tough enough goals,
and the moderate middle is rated most effective. The scale runs 1..10 and
names its three zones, so a planned level and the level that actually
happened can be compared, and the gap watched over time.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeGuard

__all__ = [
    "LEVELS",
    "LEVEL_HINTS",
    "ZONE_LABELS",
    "Zone",
    "describe_gap",
    "is_level",
    "level_hint",
    "zone",
]


class Zone(StrEnum):
    TOO_LITTLE = "too-little"
    JUST_RIGHT = "just-right"
    TOO_MUCH = "too-much"


LEVELS = range(1, 11)
# The just-right band is deliberately wide (4..7): the point is to avoid the
# ends, not to hit one number.
JUST_RIGHT_LEVELS = range(4, 8)

ZONE_LABELS: dict[Zone, str] = {
    Zone.TOO_LITTLE: "too little",
    Zone.JUST_RIGHT: "just right",
    Zone.TOO_MUCH: "too much",
}

# What each level looks like in a meeting, so a number means the same thing
# before the meeting (planned) as after it (actual).
LEVEL_HINTS: dict[int, str] = {
    1: "You'd agree to anything to keep the peace.",
    2: "You'd let a bad deadline pass unchallenged.",
    3: "You hint at what you need and hope they notice.",
    4: "You ask plainly, but back off at the first frown.",
    5: "Clear asks, calm push-back, open to their view.",
    6: "You hold firm on what matters and give on the rest.",
    7: "Firm and direct, still listening: the top of the band.",
    8: "You press until you get your answer; they may feel cornered.",
    9: "Pushing hard enough to strain the relationship.",
    10: "Winning the point whatever it costs the relationship.",
}


def is_level(value: object) -> TypeGuard[int]:
    """Whether `value` is a level on the 1..10 scale (a whole number: bool is
    an int, and 5.0 is "in" range(1, 11), but neither is a level)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in LEVELS


def _check(level: int) -> int:
    if not is_level(level):
        raise ValueError(f"An assertiveness level is a whole number from 1 to 10, not {level!r}.")
    return level


def zone(level: int) -> Zone:
    """The zone a level sits in: 1-3 too little, 4-7 just right, 8-10 too much."""
    _check(level)
    if level < JUST_RIGHT_LEVELS.start:
        return Zone.TOO_LITTLE
    if level in JUST_RIGHT_LEVELS:
        return Zone.JUST_RIGHT
    return Zone.TOO_MUCH


def describe_gap(planned: int, actual: int) -> str:
    """How the actual level compares with the plan, and where it landed.

    "on plan, in the just-right zone", "2 below plan, in the too-little zone".
    """
    gap = _check(actual) - _check(planned)
    # Hyphenated as a compound adjective: "the just-right zone".
    where = f"in the {zone(actual).value} zone"
    if gap == 0:
        return f"on plan, {where}"
    direction = "above" if gap > 0 else "below"
    return f"{abs(gap)} {direction} plan, {where}"


def level_hint(level: int) -> str:
    """One line on what `level` looks like in a meeting."""
    return LEVEL_HINTS[_check(level)]
