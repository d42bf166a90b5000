"""Open a database file safely, or explain in one line why not.

Every check that can refuse a file runs before anything writes to it, so a
file prep refuses is left byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from prep.domain.clock import Clock, SystemClock
from prep.store.backup import restore_advice
from prep.store.errors import StoreError, StoreOpenError
from prep.store.repository import BUSY_TIMEOUT_SECONDS, Store
from prep.store.versions import MIGRATION_NAMES, MIGRATION_SET, UPGRADE_COMMAND

SQLITE_HEADER = b"SQLite format 3\x00"


def open_store(path: Path, *, clock: Clock | None = None, create_folder: bool = False) -> Store:
    """Check, open and migrate the database at `path`.

    `clock` stamps every row written (created_at, updated_at, resolved and
    done times); the app passes its own, so one clock rules everything.

    `create_folder` makes a missing parent folder (owner-only); it is for the
    default location, where the folder not existing yet is normal.
    """
    # Absolute: the read-only check opens the file by URI, and a relative
    # path has none (`prep --db prep.db` failed with a traceback).
    path = Path(path).absolute()
    _check_folder(path, create_folder)
    if path.exists():
        _check_existing_file(path)
        _make_private(path)
    else:
        _create_private_file(path)
    conn = _connect(path)
    store = Store(conn, path, clock or SystemClock())
    if _applied_migrations(conn) >= set(MIGRATION_NAMES):
        return store  # up to date: no need to load the migration machinery
    try:
        store.migrate()
    except (sqlite3.DatabaseError, StoreError) as error:
        store.close()
        raise StoreOpenError(
            path, f"could not be prepared for use ({error})", _ADVICE_OTHER_FILE
        ) from None
    return store


_ADVICE_OTHER_FILE = "Use another file with --db PATH or the PREP_DB variable"


def _check_folder(path: Path, create_folder: bool) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise StoreOpenError(
            path, f"{folder} is not a folder", "Choose a path inside a folder"
        )
    if not create_folder:
        raise StoreOpenError(
            path,
            f"the folder {folder} does not exist",
            f"Create it (mkdir -p {folder}) or choose another path",
        )
    try:
        folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    except OSError as error:
        raise StoreOpenError(
            path, f"cannot create the folder {folder} ({error.strerror})", _ADVICE_OTHER_FILE
        ) from None


def _check_existing_file(path: Path) -> None:
    if path.is_dir():
        raise StoreOpenError(path, "is a folder, not a database file", _ADVICE_OTHER_FILE)
    if not os.access(path, os.R_OK):
        raise StoreOpenError(
            path,
            "cannot be read (permission denied)",
            "Check its owner and permissions (ls -l), or use another file with --db",
        )
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreOpenError(path, f"cannot be read ({error.strerror})", _ADVICE_OTHER_FILE) from None
    if header and header != SQLITE_HEADER:
        raise StoreOpenError(
            path,
            "is not a SQLite database",
            "Check the path; prep will not overwrite it. Use another file with --db",
        )
    if _is_read_only(path):
        raise StoreOpenError(
            path,
            "is read-only, and prep saves as you type",
            f"Make it writable (chmod u+w {path}) or use another file with --db",
        )
    if header:
        _check_readable_database(path)


def _check_length(path: Path) -> None:
    """Raise if the file is shorter than its header says: it was cut off."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100:
        raise sqlite3.DatabaseError("the file ends inside its header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is only valid when the two change counters agree.
    if header[24:28] == header[92:96] and path.stat().st_size < pages * page_size:
        raise sqlite3.DatabaseError("the file is shorter than its header says (truncated)")


def _is_read_only(path: Path) -> bool:
    """True if the owner cannot (or chose not to let anyone) write the file.

    The owner-write bit is checked as well as access(2), because root ignores
    permission bits: a file someone made read-only stays untouched even when
    prep runs as root.
    """
    mode = path.stat().st_mode
    return not os.access(path, os.W_OK) or not mode & stat.S_IWUSR


def _check_readable_database(path: Path) -> None:
    """Read-only look inside: is it intact, and is its schema one we know?"""
    # With no -wal file beside it, nothing is mid-write in WAL mode, so the
    # file can be read as immutable: SQLite then creates no -wal/-shm files,
    # and a refused file is left with no litter beside it.
    immutable = "&immutable=1" if not Path(f"{path}-wal").exists() else ""
    try:
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode=ro{immutable}", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error as error:
        raise StoreOpenError(path, f"cannot be opened ({error})", _ADVICE_OTHER_FILE) from None
    try:
        # A full integrity check reads the whole file (0.7 s at 100,000
        # meetings), so opening only checks what is cheap: the length the
        # header promises and a read of the schema. The app runs the full
        # check in the background once its first screen is up.
        _check_length(path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        has_migrations = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone()
        applied = set()
        if has_migrations:
            applied = {
                name
                for (name,) in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
        other_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
        ).fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreOpenError(
            path,
            f"is damaged and cannot be read ({error})",
            f"{restore_advice(path)}; `sqlite3 FILE .recover` may rescue the data",
        ) from None
    finally:
        conn.close()
    unknown = applied - set(MIGRATION_NAMES)
    if unknown:
        raise StoreOpenError(
            path,
            "was written by a newer version of prep",
            f"Upgrade prep ({UPGRADE_COMMAND}) to open it; this version leaves it alone",
        )
    if not applied and other_tables:
        raise StoreOpenError(
            path,
            "is a SQLite database that belongs to another program",
            "prep will not add its tables to it. Use another file with --db",
        )


def _make_private(path: Path) -> None:
    """Take group/other permissions off an existing file (its bytes are untouched)."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        try:
            path.chmod(mode & 0o700)
        except OSError:
            pass  # not ours to change; still usable


def _applied_migrations(conn: sqlite3.Connection) -> set[str]:
    try:
        return {name for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    except sqlite3.OperationalError:
        return set()  # a new, empty database


def _create_private_file(path: Path) -> None:
    """Create the file owner-only (0600) before SQLite opens it.

    The notes are candid; other accounts on the machine must not read them.
    SQLite gives the -wal and -shm files the same permissions as this file.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # a second copy of prep created it a moment ago
    except OSError as error:
        raise StoreOpenError(
            path, f"cannot be created ({error.strerror})", _ADVICE_OTHER_FILE
        ) from None
    os.close(fd)


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        # Another program may have stored bytes that are not UTF-8: show them
        # as \ufffd rather than failing the whole query (a blank agenda).
        conn.text_factory = _decode_text
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        # WAL lets a second copy of prep (or sqlite3, Datasette) read while we
        # write; NORMAL sync is durable against a killed process.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        raise StoreOpenError(path, f"cannot be opened ({error})", _ADVICE_OTHER_FILE) from None
    return conn
