"""When something breaks: a one-line message on screen, the details in a private file."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from prep.store.exports import write_private


def write_crash_log(folder: Path, error: BaseException, now: datetime) -> Path:
    """Save the traceback beside the database, owner-only (it may quote your notes)."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    path = folder / f"prep-crash-{stamp}.log"
    text = "".join(traceback.format_exception(error))
    write_private(path, text)
    return path


def crash_message(log: Path | None) -> str:
    where = f" Details for a bug report: {log}" if log else ""
    return (
        "prep: something went wrong and prep had to close. What you typed was saved "
        f"as you went.{where}"
    )
