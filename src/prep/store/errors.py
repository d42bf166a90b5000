"""Errors the store raises, worded for the person reading them.

A failure from SQLite is sorted into one of a few faults (`fault_of`), and
each fault has one wording here, so opening a file and saving to it say the
same thing about the same cause.
"""

from __future__ import annotations

import enum
import shlex
import shutil
import sqlite3
import stat
from pathlib import Path


class StoreError(Exception):
    """A database operation failed in a way the person should hear about."""


class StoreBusyError(StoreError):
    """Another connection held the write lock for longer than the busy timeout.

    Nothing was written, and the same write can succeed once the lock is
    released: callers that save on their own (save-as-you-type) retry it.
    """


class StoreOpenError(StoreError):
    """The database file cannot be used. The file has not been changed.

    `str()` is one line: the file, what is wrong, what to do.
    """

    def __init__(self, path: Path, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}. {advice}")


class UnsafeFileError(OSError):
    """prep will not write to this path: it is a link, a pipe, a device or a folder.

    An OSError, so callers that report a failed write already report this;
    `strerror` is the reason and `str()` the whole line with the path.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.strerror = reason
        self.filename = str(path)

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"


_FILE_KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def file_kind(mode: int) -> str:
    """What a path that is not a regular file is, in a refusal ("a named pipe (FIFO)")."""
    return _FILE_KINDS.get(stat.S_IFMT(mode), "not a regular file")


class Fault(enum.Enum):
    """Why SQLite failed, as far as it makes a difference to what the person does."""

    DISK_FULL = "disk full"
    LOCKED = "locked"
    READ_ONLY = "read-only"
    DAMAGED = "damaged"
    DISK_ERROR = "disk error"
    OTHER = "other"


# Below this much free space, a failed read or write of the file is put down
# to the full disk: SQLite reports a full disk as an I/O error when it cannot
# grow its shared-memory (-shm) file, which every connection needs.
NEARLY_FULL_BYTES = 1 << 20


def fault_of(error: sqlite3.Error, folder: Path) -> Fault:
    """Sort an SQLite error by its result code (not its wording, which varies)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return Fault.DISK_FULL
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and disk_is_full(folder):
        return Fault.DISK_FULL
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return Fault.LOCKED
    if name.startswith("SQLITE_READONLY"):
        return Fault.READ_ONLY
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return Fault.DAMAGED
    if name.startswith("SQLITE_IOERR"):
        return Fault.DISK_ERROR
    return Fault.OTHER


def disk_is_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


# -- one wording for each fault -----------------------------------------------------

DISK_FULL_ADVICE = (
    "Free some space on the disk (df -h shows how much is left) and try again;"
    " everything saved before is safe"
)
DISK_ERROR_ADVICE = (
    "The disk reported an error; check it (dmesg, or the disk's own tool), copy the file"
    " somewhere safe, and try again"
)
LOCKED_ADVICE = (
    "Another program is holding it (another prep, sqlite3, Datasette, a sync tool):"
    " close that, or wait, and try again"
)


def recover_advice(path: Path) -> str:
    """How to get the data out of a damaged file into a new one."""
    from prep.store.backup import backups_folder  # backup imports this module

    return (
        f"Restore it from a backup (prep keeps them in {backups_folder(path)}),"
        " or rescue what it holds:"
        f" `sqlite3 {shlex.quote(str(path))} .recover | sqlite3 rescued.db`,"
        " then open rescued.db with --db"
    )


def damaged_error(path: Path, problem: str) -> StoreError:
    """Saving is refused once the file is known to be damaged: writing to a
    damaged file can spread the damage over rows that are still intact."""
    return StoreError(
        f"{path} is damaged ({problem}), so prep has stopped saving to it. {recover_advice(path)}."
    )


def unreadable_value_error(path: Path, error: Exception) -> StoreError:
    """Saved data that no longer reads as what prep saved (a date that is not a
    date, a column renamed): SQLite's own checks pass, but bytes were changed."""
    return StoreError(
        f"{path}: what is saved there cannot be read as prep saved it"
        f" ({type(error).__name__}: {error}), so the file may be damaged. {recover_advice(path)}."
    )


def runtime_error(error: sqlite3.Error, path: Path) -> StoreError:
    """A failed read or save, in one line that says what to do."""
    fault = fault_of(error, path.parent)
    if fault is Fault.DISK_FULL:
        return StoreError(f"The disk is full, so this change was not saved. {DISK_FULL_ADVICE}.")
    if fault is Fault.LOCKED:
        return StoreBusyError(
            "The database is busy (another copy of prep or another program"
            " is writing to it). Nothing was lost; try again in a moment."
        )
    if fault is Fault.READ_ONLY:
        return StoreError(f"{path} has become read-only; changes cannot be saved.")
    if fault is Fault.DAMAGED:
        return damaged_error(path, str(error))
    if fault is Fault.DISK_ERROR:
        return StoreError(f"{path} could not be read or written ({error}). {DISK_ERROR_ADVICE}.")
    if isinstance(error, sqlite3.IntegrityError):
        return StoreError(f"That change would break the data's rules ({error}).")
    return StoreError(f"The database refused the change ({error}).")
