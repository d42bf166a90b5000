"""Errors the store raises, worded for the person reading them."""

from __future__ import annotations

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
