"""Meetings as plain JSON values, for `prep list --json` and `prep due --json`."""

from __future__ import annotations

from typing import Any

from prep.domain.models import Meeting


def meeting_json(meeting: Meeting, group: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": meeting.id,
        "title": meeting.title,
        "person": meeting.counterpart.name,
        "person_id": meeting.counterpart.id,
        "starts_at": meeting.starts_at.isoformat(),
        "duration_minutes": meeting.duration_minutes,
        "setting": str(meeting.setting),
        "progress": str(meeting.progress),
        "steps_done": meeting.steps_done,
        "notes": meeting.notes,
    }
    if group is not None:
        row["group"] = group
    return row
