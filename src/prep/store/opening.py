"""Open a database file safely, or explain in one line why not.

Every check that can refuse a file runs before anything writes to it, so a
file prep refuses is left byte-for-byte as it was.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from prep.domain.clock import Clock, SystemClock
from prep.store.errors import (
    DISK_ERROR_ADVICE,
    DISK_FULL_ADVICE,
    LOCKED_ADVICE,
    Fault,
    StoreError,
    StoreOpenError,
    disk_is_full,
    fault_of,
    file_kind,
    recover_advice,
)
from prep.store.repository import BUSY_TIMEOUT_SECONDS, Store
from prep.store.versions import MIGRATION_NAMES, MIGRATION_SET, UPGRADE_COMMAND
from prep.store.wal import committed_contents

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
    path = _file_to_open(path)
    _check_folder_writable(path)
    if path.exists():
        _check_existing_file(path)
        _make_private(path)
    else:
        _create_private_file(path)
    conn = _connect(path)
    store = Store(conn, path, clock or SystemClock())
    try:
        if _applied_migrations(conn) >= set(MIGRATION_NAMES):
            return store  # up to date: no need to load the migration machinery
        store.migrate()
    except UnicodeDecodeError:
        store.close()
        raise _damaged(path, _GARBLED_SCHEMA) from None
    except (sqlite3.Error, StoreError) as error:
        store.close()
        cause = error.__cause__ if isinstance(error, StoreError) else error
        if isinstance(cause, sqlite3.Error):
            raise _refusal(path, cause, "could not be prepared for use") from None
        raise StoreOpenError(
            path, f"could not be prepared for use ({error})", _ADVICE_OTHER_FILE
        ) from None
    return store


_ADVICE_OTHER_FILE = "Use another file with --db PATH or the PREP_DB variable"
# SQLite's error quotes a name from the schema whose bytes are no longer text,
# so Python cannot even decode the message.
_GARBLED_SCHEMA = "its list of tables is garbled"
_READ_ONLY_PROBLEM = "is read-only, and prep saves as you type"


def _read_only_advice(path: Path) -> str:
    return f"Make it writable (chmod u+w {path}) or use another file with --db"


def _refusal(path: Path, error: sqlite3.Error, failed: str) -> StoreOpenError:
    """The one line for an SQLite error met while opening: each cause its own advice."""
    fault = fault_of(error, path.parent)
    if fault is Fault.DISK_FULL:
        return StoreOpenError(path, f"{failed}: the disk is full ({error})", DISK_FULL_ADVICE)
    if fault is Fault.LOCKED:
        return StoreOpenError(path, "is locked by another program", LOCKED_ADVICE)
    if fault is Fault.READ_ONLY:
        return StoreOpenError(path, _READ_ONLY_PROBLEM, _read_only_advice(path))
    if fault is Fault.DAMAGED:
        return _damaged(path, str(error))
    if fault is Fault.DISK_ERROR:
        return StoreOpenError(path, f"{failed} ({error})", DISK_ERROR_ADVICE)
    return StoreOpenError(path, f"{failed} ({error})", _ADVICE_OTHER_FILE)


def _unreadable(path: Path, error: OSError) -> StoreOpenError:
    return StoreOpenError(path, f"cannot be read ({error.strerror})", _ADVICE_OTHER_FILE)


def _damaged(path: Path, problem: str) -> StoreOpenError:
    return StoreOpenError(path, f"is damaged and cannot be read ({problem})", recover_advice(path))


def _check_folder(path: Path, create_folder: bool) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise StoreOpenError(path, f"{folder} is not a folder", "Choose a path inside a folder")
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


def _file_to_open(path: Path) -> Path:
    """`path` if it is a regular file or missing; the file it links to if it is a link.

    Anything else is refused before it is opened or changed: opening a named
    pipe waits forever for a writer, and SQLite would chmod a device and put
    a -journal beside it. A symbolic link to a regular file is allowed: some
    people keep the database in a synced folder and link it from the default
    location. It is followed here, once, and everything after (the checks,
    SQLite, the -wal file beside it, exports) uses the real file, just as
    SQLite itself resolves links to put its -wal beside the real file.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as error:
        raise _unreadable(path, error) from None
    if not stat.S_ISLNK(info.st_mode):
        _refuse_unless_regular(path, info.st_mode, "is")
        return path
    try:
        info = os.stat(path)
        target = Path(os.path.realpath(path))
    except FileNotFoundError:
        raise StoreOpenError(
            path,
            f"is a symbolic link to {os.readlink(path)}, which does not exist",
            "Create the file it points to, or use another path with --db",
        ) from None
    except (OSError, RuntimeError):  # a loop of links
        raise StoreOpenError(
            path, "is a symbolic link that leads nowhere (a loop)", _ADVICE_OTHER_FILE
        ) from None
    _refuse_unless_regular(path, info.st_mode, f"is a symbolic link to {target}, which is")
    return target


def _refuse_unless_regular(path: Path, mode: int, what_it_is: str) -> None:
    if stat.S_ISREG(mode):
        return
    raise StoreOpenError(
        path,
        f"{what_it_is} {file_kind(mode)}, not a database file",
        "prep leaves it alone. Use another file with --db PATH or the PREP_DB variable",
    )


def _check_folder_writable(path: Path) -> None:
    """SQLite keeps its -wal and -shm files beside the database, so the folder
    must take new files; refused here rather than as a puzzling error later."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreOpenError(
            path,
            f"is in a folder prep cannot write to ({path.parent})",
            "prep keeps two working files beside the database (-wal, -shm)."
            " Make the folder writable or move the file",
        )


def _check_existing_file(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise StoreOpenError(
            path,
            "cannot be read (permission denied)",
            "Check its owner and permissions (ls -l), or use another file with --db",
        )
    try:
        header = _read_start(path, len(SQLITE_HEADER))
    except OSError as error:
        raise _unreadable(path, error) from None
    if header and header != SQLITE_HEADER:
        raise StoreOpenError(
            path,
            "is not a SQLite database",
            "Check the path; prep will not overwrite it. Use another file with --db",
        )
    if _is_read_only(path):
        raise StoreOpenError(path, _READ_ONLY_PROBLEM, _read_only_advice(path))
    if header:
        _check_readable_database(path)


def _read_start(path: Path, size: int) -> bytes:
    """The first bytes of a regular file, never following a link or blocking on a pipe
    (the file could have been swapped since it was checked)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "it is not a regular file")
        return os.read(fd, size)
    finally:
        os.close(fd)


def _check_length(path: Path) -> None:
    """Refuse a file cut off short, unless its -wal file holds what is missing.

    A checkpoint copies pages from the -wal file into the main file, page 1
    (with the new length) first. If the disk fills part way, the main file
    is shorter than its header says, but the -wal file still holds every
    page and SQLite reads the database whole: that file is not damaged, and
    opening it lets the next checkpoint finish once there is space.
    """
    header = _read_start(path, 100)
    if len(header) < 100:
        raise _damaged(path, "the file ends inside its header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    # The page count is only valid when the two change counters agree.
    if header[24:28] != header[92:96] or size >= pages * page_size:
        return
    wal = committed_contents(Path(f"{path}-wal"), page_size)
    if wal is not None:
        whole_pages = size // page_size
        needed_from_main = set(range(whole_pages + 1, wal.database_pages + 1)) - wal.pages
        if not needed_from_main:
            return
    raise _damaged(path, "the file is shorter than its header says (truncated)")


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
    # With no -wal (or rollback -journal) file beside it, nothing is
    # mid-write, so the file can be read as immutable: SQLite then creates no
    # -wal/-shm files, and a refused file is left with no litter beside it.
    mid_write = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
    immutable = "" if mid_write else "&immutable=1"
    try:
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode=ro{immutable}", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error as error:
        raise _refusal(path, error, "cannot be opened") from None
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
    except sqlite3.Error as error:
        # These reads work on any intact file, so an error that is not about
        # the disk or a lock means the file itself is bad.
        if fault_of(error, path.parent) is Fault.OTHER:
            raise _damaged(path, str(error)) from None
        raise _refusal(path, error, "cannot be read") from None
    except UnicodeDecodeError:
        raise _damaged(path, _GARBLED_SCHEMA) from None
    except OSError as error:
        raise _unreadable(path, error) from None
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
        return {
            name
            for (name,) in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return set()  # a new, empty database
        raise  # busy, or the disk: open_store words it


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
        if error.errno == errno.ENOSPC or disk_is_full(path.parent):
            raise StoreOpenError(
                path, "cannot be created: the disk is full", DISK_FULL_ADVICE
            ) from None
        raise StoreOpenError(
            path, f"cannot be created ({error.strerror})", _ADVICE_OTHER_FILE
        ) from None
    os.close(fd)


def _decode_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    except sqlite3.Error as error:
        raise _refusal(path, error, "cannot be opened") from None
    try:
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
        conn.close()
        raise _refusal(path, error, "cannot be opened") from None
    except UnicodeDecodeError:
        conn.close()
        raise _damaged(path, _GARBLED_SCHEMA) from None
    return conn
