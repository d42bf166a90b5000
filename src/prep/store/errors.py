"""Errors the store raises, worded for the person reading them."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A database operation failed in a way the person should hear about."""


class StoreOpenError(StoreError):
    """The database file cannot be used. The file has not been changed.

    `str()` is one line: the file, what is wrong, what to do.
    """

    def __init__(self, path: Path, problem: str, advice: str) -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}. {advice}")
