"""The person's settings: what they are, their defaults, and how a settings
file's text is read and checked.

The file is TOML, flat (no tables), every key optional:

    date_order = "day-first"      # or "month-first": is 12/1 12 January or 1 December?
    week_starts_on = "monday"     # the agenda's "this week", and "next tue"
    meeting_length = 30           # minutes (or "45m", "1h30"): the form and `prep add`
    name = "Ada Lovelace"
    email = "ada@example.com"     # `prep import` knows you by it (--me)
    theme = "nord"                # remembered when chosen in the command palette

A file with any problem (not TOML, an unknown key, a value of the wrong type
or out of range) is read as no file at all: prep runs on the defaults and
says, in one line, which key on which line is wrong. Half a file's settings
would be harder to reason about than none.

Pure: the text comes in, values come out. Finding the file, the locale and
writing the theme back live in prep.store.settings_file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from prep.domain.when import DateConventions, WhenError, parse_duration

__all__ = [
    "WEEKDAY_NAMES",
    "DateOrder",
    "Settings",
    "SettingsReading",
    "date_order_of_format",
    "read_settings",
    "toml_value",
    "with_theme",
]


class DateOrder(StrEnum):
    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_MEETING_MINUTES = 30
_MAX_TEXT = 200


@dataclass(frozen=True)
class Settings:
    """The values in force. `theme` empty means Textual's default theme;
    `week_starts_on` is 0 for Monday to 6 for Sunday."""

    date_order: DateOrder = DateOrder.DAY_FIRST
    week_starts_on: int = 0
    meeting_length: int = DEFAULT_MEETING_MINUTES
    name: str = ""
    email: str = ""
    theme: str = ""

    @property
    def dates(self) -> DateConventions:
        """How typed dates are read under these settings."""
        return DateConventions(
            month_first=self.date_order is DateOrder.MONTH_FIRST,
            week_start=self.week_starts_on,
        )

    @property
    def my_addresses(self) -> frozenset[str]:
        return frozenset([self.email]) if self.email else frozenset()


KEYS = tuple(f.name for f in fields(Settings))


@dataclass(frozen=True)
class SettingsReading:
    """What a settings file gave: the settings, which keys it set, and the one
    line to show if it could not be used (then `settings` are the defaults)."""

    settings: Settings
    from_file: frozenset[str] = frozenset()
    from_locale: frozenset[str] = frozenset()
    problem: str = ""

    def source(self, key: str) -> str:
        if key in self.from_file:
            return "file"
        if key in self.from_locale:
            return "default, from your locale"
        return "default"


class _Problem(ValueError):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def read_settings(text: str | None, locale_order: DateOrder | None = None) -> SettingsReading:
    """The settings in a file's text (None: there is no file).

    `locale_order` is the date order the machine's locale writes dates in,
    the default when the file does not say.
    """
    defaults = Settings(date_order=locale_order or DateOrder.DAY_FIRST)
    from_locale = frozenset({"date_order"}) if locale_order else frozenset()
    if text is None:
        return SettingsReading(defaults, from_locale=from_locale)
    import tomllib  # here: with no settings file, start-up does not pay for it

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line N, column M)": keep it whole.
        return SettingsReading(defaults, from_locale=from_locale, problem=f"not TOML: {error}")
    values: dict[str, Any] = {}
    try:
        for key, value in table.items():
            values[key] = _check(key, value)
    except _Problem as problem:
        line = _line_of(text, problem.key)
        where = f"line {line}: " if line else ""
        return SettingsReading(defaults, from_locale=from_locale, problem=f"{where}{problem}")
    settings = Settings(**{**{"date_order": defaults.date_order}, **values})
    return SettingsReading(
        settings,
        from_file=frozenset(values),
        from_locale=from_locale - frozenset(values),
    )


def _check(key: str, value: Any) -> Any:
    """The value for `key` as Settings holds it, or _Problem naming what is wrong."""
    checker = _CHECKS.get(key)
    if checker is None:
        raise _Problem(key, f"{key}: not a setting prep knows (it knows {', '.join(KEYS)})")
    return checker(key, value)


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _Problem(key, f"{key}: give text in quotes, not {_type_name(value)}")
    if len(value) > _MAX_TEXT or any(not ch.isprintable() for ch in value):
        raise _Problem(key, f"{key}: give one line of at most {_MAX_TEXT} characters")
    return value.strip()


def _date_order(key: str, value: Any) -> DateOrder:
    text = _text(key, value).lower()
    try:
        return DateOrder(text)
    except ValueError:
        raise _Problem(key, f'{key}: "{text}" is neither "day-first" nor "month-first"') from None


def _weekday(key: str, value: Any) -> int:
    text = _text(key, value).lower()
    for number, name in enumerate(WEEKDAY_NAMES):
        if text and (text == name or (len(text) >= 3 and name.startswith(text))):
            return number
    raise _Problem(key, f'{key}: "{text}" is not a day of the week (e.g. "monday", "sun")')


def _meeting_length(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _Problem(
            key, f'{key}: give minutes (30) or a length ("1h30"), not {_type_name(value)}'
        )
    try:
        return parse_duration(str(value))
    except WhenError as error:
        raise _Problem(key, f"{key}: {error}") from None


def _email(key: str, value: Any) -> str:
    text = _text(key, value)
    if text and (text.count("@") != 1 or " " in text):
        raise _Problem(key, f'{key}: "{text}" is not an email address')
    return text


_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "date_order": _date_order,
    "week_starts_on": _weekday,
    "meeting_length": _meeting_length,
    "name": _text,
    "email": _email,
    "theme": _text,
}


def _type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), "a date or time")


def _line_of(text: str, key: str) -> int | None:
    """The line where `key` is set (or its table opens), counted from 1."""
    name = re.escape(key)
    pattern = re.compile(rf"""\s*(?:\[+\s*)?(?:{name}|"{name}"|'{name}')\s*(?:[=.\]]|$)""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def date_order_of_format(d_fmt: str) -> DateOrder | None:
    """The order of a C date format such as "%d/%m/%Y" (en_GB) or "%m/%d/%y"
    (en_US); None when it names neither or puts the year first."""
    positions = {code: d_fmt.find(code) for code in ("%d", "%m", "%y", "%Y", "%e")}
    day = min((p for c, p in positions.items() if c in ("%d", "%e") and p >= 0), default=-1)
    month = positions["%m"]
    if day < 0 or month < 0:
        return None
    year = min((p for c, p in positions.items() if c in ("%y", "%Y") and p >= 0), default=-1)
    if 0 <= year < min(day, month):
        return None  # year-first (ISO, Japanese, Swedish): no day/month order to learn
    return DateOrder.MONTH_FIRST if month < day else DateOrder.DAY_FIRST


def toml_value(value: Any) -> str:
    """A value as TOML writes it: strings in double quotes (JSON's escapes
    are TOML's), numbers as they are."""
    if isinstance(value, DateOrder):
        value = value.value
    if isinstance(value, str):
        import json

        return json.dumps(value)
    return str(value)


_THEME_LINE = re.compile(
    r"""^(?P<lead>\s*(?:theme|"theme"|'theme')\s*=\s*)"""
    r"""(?P<value>"(?:[^"\\]|\\.)*"|'[^']*')(?P<rest>\s*(?:#.*)?)$"""
)
NEW_FILE_HEADER = (
    "# prep's settings. `prep config` shows the values in force; the README lists them.\n"
)


def with_theme(text: str | None, theme: str) -> str | None:
    """The file's text with `theme` set, everything else as it was; None if
    that cannot be done safely (the text is not a good settings file, or the
    edit would change another value)."""
    line = f"theme = {toml_value(theme)}"
    if text is None:
        return f"{NEW_FILE_HEADER}{line}\n"
    before = read_settings(text)
    if before.problem:
        return None
    lines = text.splitlines(keepends=True)
    for index, old in enumerate(lines):
        match = _THEME_LINE.match(old.rstrip("\r\n"))
        if match:
            ending = old[len(old.rstrip("\r\n")) :]
            lines[index] = f"{match['lead']}{toml_value(theme)}{match['rest']}{ending}"
            break
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(f"{line}\n")
    new = "".join(lines)
    after = read_settings(new)
    expected = {key: getattr(before.settings, key) for key in before.from_file if key != "theme"}
    if after.problem or after.settings.theme != theme:
        return None
    if any(getattr(after.settings, key) != value for key, value in expected.items()):
        return None
    return new
