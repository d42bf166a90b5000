"""Files prep writes besides the database: exports, owner-only like the database."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from prep.store.errors import UnsafeFileError, file_kind


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
