"""Consistent copies of the database, made with SQLite's backup API.

The backup API copies the file page by page under a read lock, so the copy is
whole and consistent even while the app (or another program) has it open: a
plain `cp` of a WAL database can copy a half-written state.

Backups go, by default, to a `backups/` folder beside the database, named by
the time they were taken, and only the last `KEEP` are kept. prep takes one
itself before anything it cannot take back: a schema migration, `demo --force`
and merging two people.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from prep.store.errors import StoreError

if TYPE_CHECKING:
    from prep.store.repository import Store

BACKUP_FOLDER = "backups"
KEEP = 10


def backups_folder(db_path: Path) -> Path:
    """Where prep keeps its automatic (and default) backups of `db_path`."""
    return Path(db_path).parent / BACKUP_FOLDER


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-\d{{4}}-\d\d-\d\dT\d{{6}}(-\d+)?(-[a-z-]+)?\.db$")


def take_backup(
    store: Store, conn: sqlite3.Connection, dest: Path | None = None, *, reason: str = ""
) -> Path:
    """Copy the database to `dest` (a file, or a folder to put a dated file in).

    With no `dest`, the copy goes to the backups folder and the oldest
    backups beyond `KEEP` are removed. Raises StoreError with words for
    people if the copy cannot be written; the database is never changed.
    """
    db_path = Path(store.path)
    automatic = dest is None
    folder = backups_folder(db_path) if dest is None else Path(dest).expanduser().absolute()
    if automatic or folder.is_dir():
        target = _free_name(folder, db_path.stem, store, reason)
    else:
        target, folder = folder, folder.parent
    if target.resolve() == db_path.resolve():
        raise StoreError("A backup cannot overwrite the database it copies; choose another path.")
    try:
        if automatic:
            folder.mkdir(mode=0o700, exist_ok=True)
        _copy(conn, folder, target)
    except OSError as error:
        raise StoreError(
            f"Could not write the backup {target}: {error.strerror or error}."
        ) from None
    except sqlite3.Error as error:
        raise StoreError(f"Could not write the backup {target}: {error}.") from None
    if automatic:
        prune(folder, db_path.stem)
    return target


def _free_name(folder: Path, stem: str, store: Store, reason: str) -> Path:
    stamp = store.clock.now().strftime("%Y-%m-%dT%H%M%S")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"{stem}-{stamp}{suffix}.db"
    count = 1
    while target.exists():  # two backups in one second (or a fixed test clock)
        count += 1
        target = folder / f"{stem}-{stamp}-{count}{suffix}.db"
    return target


def _copy(conn: sqlite3.Connection, folder: Path, target: Path) -> None:
    """Back up into an owner-only temporary file, then move it into place,
    so a failed or killed backup never leaves half a file under the name."""
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)  # mkstemp makes it 0600: the copy is as private as the database
    try:
        copy = sqlite3.connect(temporary)
        try:
            conn.backup(copy)
            # One self-contained file: the copy is not left in WAL mode, so
            # it needs no -wal/-shm files beside it to be read.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def prune(folder: Path, stem: str, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest `keep` backups of the database named `stem`.

    Only files named as prep names its backups are considered, so anything
    else a person keeps in the folder is left alone.
    """
    pattern = _name_pattern(stem)
    backups = [p for p in folder.iterdir() if pattern.match(p.name)]
    backups.sort(key=lambda p: (p.stat().st_mtime_ns, p.name))
    removed = backups[:-keep] if len(backups) > keep else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def list_backups(db_path: Path) -> list[Path]:
    """The backups of `db_path` in its backups folder, oldest first."""
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(Path(db_path).stem)
    found = [p for p in folder.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name))
