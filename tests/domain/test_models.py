"""Validation and cleaning of what people type into the meeting form."""

from __future__ import annotations

import pytest

from prep.domain.models import MeetingDraft, ValidationError, clean_line, validate_draft
from tests.helpers import at


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Q4   review ", "Q4 review"),
        ("Budget\x1b[31m review", "Budget [31m review"),
        ("line\nbreak\tand tab", "line break and tab"),
        ("nul\x00byte", "nul byte"),
        ("Café ☕ 🚀 中文", "Café ☕ 🚀 中文"),
        ("\x85c1 control", "c1 control"),
    ],
)
def test_clean_line(raw, clean):
    assert clean_line(raw) == clean


def test_validate_keeps_notes_exactly():
    notes = "  indented\n\ttabbed\n🚀 and \x07 bell  "
    draft = validate_draft(MeetingDraft("T", "Dana", at(1, 9), notes=notes))
    assert draft.notes == notes


def test_naive_start_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_draft(MeetingDraft("T", "Dana", at(1, 9).replace(tzinfo=None)))
    assert error.value.field == "when"


@pytest.mark.parametrize("minutes", [1, 1440])
def test_duration_bounds_accepted(minutes):
    assert validate_draft(MeetingDraft("T", "D", at(1, 9), duration_minutes=minutes))


def test_title_at_the_limit_is_fine_and_over_it_is_refused():
    assert validate_draft(MeetingDraft("x" * 200, "D", at(1, 9)))
    with pytest.raises(ValidationError, match="201 characters"):
        validate_draft(MeetingDraft("x" * 201, "D", at(1, 9)))


def test_local_zone_follows_tz_with_daylight_saving(monkeypatch):
    from datetime import datetime

    from prep.domain.clock import local_zone

    monkeypatch.setenv("TZ", "Europe/London")
    zone = local_zone()
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset().total_seconds() == 3600
    assert datetime(2026, 12, 1, 12, tzinfo=zone).utcoffset().total_seconds() == 0


def test_local_zone_understands_legacy_tz_names(monkeypatch):
    from datetime import datetime

    from prep.domain.clock import local_zone

    monkeypatch.setenv("TZ", "EST5EDT")
    zone = local_zone()
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset().total_seconds() == -4 * 3600
