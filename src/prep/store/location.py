"""Where the database lives: --db, then $PREP_DB, then the user's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "PREP_DB"
FILE_NAME = "prep.db"


def default_db_path() -> Path:
    """`prep.db` in the per-user data directory (XDG on Linux, ~/Library on macOS)."""
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies, without its import on every start:
        # $XDG_DATA_HOME if it is an absolute path, else ~/.local/share.
        base = os.environ.get("XDG_DATA_HOME", "")
        data = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "share"
        return data / "prep" / FILE_NAME
    from platformdirs import user_data_path

    return user_data_path("prep", appauthor=False) / FILE_NAME


def resolve_db_path(cli_value: str | None) -> tuple[Path, bool]:
    """The database path to use and whether it is the default location.

    Only the default location gets its folder created for you; a path the
    person typed with a missing folder is more likely a typo than a wish.
    """
    if cli_value:
        return Path(cli_value).expanduser(), False
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser(), False
    return default_db_path(), True
