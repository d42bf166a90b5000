"""What a `-wal` file holds, read the way SQLite reads it.

In WAL mode a committed change lives in the -wal file until a checkpoint
copies it into the main file. A checkpoint that runs out of disk space
leaves the main file shorter than its header says while every row is safe
in the -wal file, and SQLite reads the database whole. So before calling a
short main file damaged, opening asks this module which pages the -wal file
supplies. The format is SQLite's documented one:
https://sqlite.org/fileformat.html#the_write_ahead_log
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_HEADER = struct.Struct(">IIIIIIII")  # magic, version, page size, checkpoint, salts, checksum
_FRAME = struct.Struct(">IIIIII")  # page number, size after commit, salts, checksum
_MAGIC_LITTLE_ENDIAN, _MAGIC_BIG_ENDIAN = 0x377F0682, 0x377F0683


@dataclass(frozen=True)
class WalContents:
    """The pages of a -wal file's committed frames and the database's size after them."""

    pages: frozenset[int]
    database_pages: int


def committed_contents(wal_path: Path, page_size: int) -> WalContents | None:
    """What SQLite would read from `wal_path`; None if it holds no committed change.

    Frames count up to the last commit before the first frame whose salt or
    checksum is wrong, as in SQLite: a frame torn by a crash, or left from
    before the log was restarted, ends the log.
    """
    try:
        with open(wal_path, "rb") as handle:
            return _read(handle, page_size)
    except OSError:
        return None


def _read(handle, page_size: int) -> WalContents | None:
    header = handle.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    magic, _version, wal_page_size, _checkpoint, salt1, salt2, sum1, sum2 = _HEADER.unpack(header)
    if magic not in (_MAGIC_LITTLE_ENDIAN, _MAGIC_BIG_ENDIAN) or wal_page_size != page_size:
        return None
    order = ">" if magic == _MAGIC_BIG_ENDIAN else "<"
    checksum = _checksum(header[:24], (0, 0), order)
    if checksum != (sum1, sum2):
        return None
    pages: set[int] = set()
    committed: WalContents | None = None
    while True:
        frame = handle.read(_FRAME.size + page_size)
        if len(frame) < _FRAME.size + page_size:
            return committed
        page, size_after, frame_salt1, frame_salt2, sum1, sum2 = _FRAME.unpack_from(frame)
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            return committed
        checksum = _checksum(frame[:8], checksum, order)
        checksum = _checksum(frame[_FRAME.size :], checksum, order)
        if checksum != (sum1, sum2):
            return committed
        pages.add(page)
        if size_after:  # a commit frame: everything up to here is committed
            committed = WalContents(frozenset(pages), size_after)


def _checksum(data: bytes, start: tuple[int, int], order: str) -> tuple[int, int]:
    """SQLite's WAL checksum: two running sums over pairs of 32-bit words."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    first, second = start
    for index in range(0, len(words), 2):
        first = (first + words[index] + second) & 0xFFFFFFFF
        second = (second + words[index + 1] + first) & 0xFFFFFFFF
    return first, second
