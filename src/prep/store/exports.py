"""Files prep writes besides the database: exports, owner-only like the database."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from prep.domain.models import Meeting, clean_block
from prep.store.errors import UnsafeFileError, file_kind

if TYPE_CHECKING:
    from prep.store.repository import Store


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by the owner alone, replacing it atomically.

    Exports carry the same candid notes as the database, so they get the same
    0600 permissions. The text goes first to a new file with a random name in
    the same folder (`mkstemp`: created exclusively, never through a link), so
    a crash never leaves half a file and nobody else can have planted a link
    where it is written; then it is renamed over `path`. An existing `path`
    must be a regular file: a link, pipe, device or folder there is refused
    (raises `UnsafeFileError`, an OSError) and left as it was.
    """
    refuse_unless_regular_or_missing(path)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must not land before the text
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def refuse_unless_regular_or_missing(path: Path) -> None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise UnsafeFileError(
            path, f"it is {file_kind(mode)}, which prep does not write over; choose another file"
        )


# -- one meeting's brief or debrief as Markdown (the CLI's --out and the app's ctrl+e)


def markdown_name(meeting: Meeting) -> str:
    """`2026-11-27-q4-review.md`: sorted by date in a file listing, safe on any system."""
    slug = re.sub(r"[^\w]+", "-", meeting.title.casefold(), flags=re.ASCII).strip("-")
    return f"{meeting.starts_at:%Y-%m-%d}-{slug[:60] or 'meeting'}.md"


def brief_markdown(store: Store, meeting: Meeting, now: datetime) -> str:
    """The brief of one meeting, with what is still open with the person."""
    from prep.domain.brief import render_brief
    from prep.domain.debrief_rules import feedback_due

    checklist = store.checklists.get(meeting.id)
    last_feedback = store.people.last_feedback(meeting.counterpart.id, now)
    return render_brief(
        meeting,
        checklist,
        store.threads.open_before(meeting, now.date()),
        now,
        feedback_due=feedback_due(last_feedback, meeting.counterpart.cadence, now.date()),
    )


def debrief_markdown(store: Store, meeting: Meeting, now: datetime) -> str:
    """The debrief of one meeting beside its plan."""
    from prep.domain.debrief_report import render_debrief

    checklist = store.checklists.get(meeting.id)
    return render_debrief(meeting, checklist, store.debriefs.get(meeting.id), now)


def write_markdown(path: Path, markdown: str) -> None:
    """Write a rendered report owner-only (the renderers clean what they
    quote; cleaning the whole is the last guard against control characters)."""
    write_private(path, clean_block(markdown))


def export_meeting(store: Store, meeting: Meeting, kind: str, now: datetime) -> Path:
    """Write a meeting's brief or debrief (`kind`) into the `exports` folder
    beside the database, as `2026-11-27-q4-review-brief.md`; returns the path."""
    render = brief_markdown if kind == "brief" else debrief_markdown
    markdown = render(store, meeting, now)
    folder = store.path.parent / "exports"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{markdown_name(meeting)[:-3]}-{kind}.md"
    write_markdown(path, markdown)
    return path
