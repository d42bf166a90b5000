"""`prep config`: where the settings file is, and the values in force.

Printed as TOML lines, so one can be copied into the file, each with where
it came from: the file, or the default (the date order's from the locale).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from prep.commands import EXIT_OK
from prep.domain.models import clean_line

if TYPE_CHECKING:
    from prep.domain.settings import SettingsReading


def add_config_parser(commands: argparse._SubParsersAction) -> None:
    """`prep config`'s arguments (called by prep.cli.build_parser)."""
    commands.add_parser(
        "config",
        help="print the settings file's path and the values in force",
        description="Print where the settings file is ($PREP_CONFIG overrides it) and "
        "each setting in force, with where it came from (the file or the default).",
    )


def run_config(reading: SettingsReading, path: Path) -> int:
    from prep.domain.settings import KEYS

    exists = path.is_file()
    state = "" if exists else " (no file yet: every value is a default)"
    print(clean_line(f"Settings file: {path}{state}"))
    if reading.problem:
        print(clean_line(f"It cannot be used: {reading.problem}"))
    lines = [(f"{key} = {_shown(reading, key)}", reading.source(key)) for key in KEYS]
    width = max(len(line) for line, _ in lines)
    for line, source in lines:
        # Values are TOML-escaped (no control characters), so only the
        # padding is added: clean_line would fold it.
        print(f"{line:<{width}}  # {source}")
    return EXIT_OK


def _shown(reading: SettingsReading, key: str) -> str:
    from prep.domain.settings import WEEKDAY_NAMES, toml_value

    value = getattr(reading.settings, key)
    if key == "week_starts_on":
        value = WEEKDAY_NAMES[value]
    return toml_value(value)
