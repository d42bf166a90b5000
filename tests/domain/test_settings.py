"""The settings file's text: good values, and one line naming the key and
line for anything wrong (then every value is the default)."""

from __future__ import annotations

import pytest

from prep.domain.settings import (
    DateOrder,
    Settings,
    date_order_of_format,
    read_settings,
    with_theme,
)

GOOD = """\
# mine
date_order = "month-first"
week_starts_on = "Sun"
meeting_length = "1h30"
name = "Ada Lovelace"
email = "ada@example.com"   # work
theme = "nord"
"""


def test_no_file_is_the_defaults():
    reading = read_settings(None)
    assert reading.settings == Settings()
    assert reading.problem == ""
    assert {reading.source(key) for key in ("date_order", "theme")} == {"default"}


def test_a_good_file_sets_every_key():
    reading = read_settings(GOOD)
    assert reading.settings == Settings(
        date_order=DateOrder.MONTH_FIRST,
        week_starts_on=6,
        meeting_length=90,
        name="Ada Lovelace",
        email="ada@example.com",
        theme="nord",
    )
    assert reading.settings.dates.month_first and reading.settings.dates.week_start == 6
    assert reading.settings.my_addresses == frozenset({"ada@example.com"})
    assert reading.source("name") == "file"


def test_minutes_as_a_number():
    assert read_settings("meeting_length = 45\n").settings.meeting_length == 45


def test_the_locale_gives_the_date_order_unless_the_file_does():
    by_locale = read_settings("name = 'A'\n", DateOrder.MONTH_FIRST)
    assert by_locale.settings.date_order is DateOrder.MONTH_FIRST
    assert by_locale.source("date_order") == "default, from your locale"
    by_file = read_settings('date_order = "day-first"\n', DateOrder.MONTH_FIRST)
    assert by_file.settings.date_order is DateOrder.DAY_FIRST
    assert by_file.source("date_order") == "file"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'name = "A"\ndate_order = day-first\n',
            "not TOML: Invalid value (at line 2, column 14)",
        ),
        (
            'name = "A"\n\ncolour = "red"\n',
            "line 3: colour: not a setting prep knows (it knows date_order, "
            "week_starts_on, meeting_length, name, email, theme)",
        ),
        ("[display]\ntheme = 'nord'\n", "line 1: display: not a setting prep knows"),
        ('name = "A"\nmeeting_length = true\n', "line 2: meeting_length: give minutes (30)"),
        ("meeting_length = 0\n", "line 1: meeting_length: Duration must be between"),
        ('date_order = "dmy"\n', 'line 1: date_order: "dmy" is neither "day-first" nor'),
        ("week_starts_on = 1\n", "line 1: week_starts_on: give text in quotes, not a number"),
        ('week_starts_on = "someday"\n', 'line 1: week_starts_on: "someday" is not a day'),
        ('email = "ada at home"\n', 'line 1: email: "ada at home" is not an email address'),
        ("name = ['a', 'b']\n", "line 1: name: give text in quotes, not a list"),
        ('"theme" = 3\n', "line 1: theme: give text in quotes, not a number"),
    ],
)
def test_a_bad_file_names_the_key_and_line_and_gives_the_defaults(text, problem):
    reading = read_settings(text, DateOrder.MONTH_FIRST)
    print(reading.problem)
    assert reading.problem.startswith(problem)
    assert "\n" not in reading.problem
    assert reading.settings == Settings(date_order=DateOrder.MONTH_FIRST)
    assert reading.from_file == frozenset()


@pytest.mark.parametrize(
    ("d_fmt", "order"),
    [
        ("%d/%m/%Y", DateOrder.DAY_FIRST),  # en_GB
        ("%d.%m.%Y", DateOrder.DAY_FIRST),  # de_DE
        ("%m/%d/%Y", DateOrder.MONTH_FIRST),  # en_US
        ("%e/%m/%y", DateOrder.DAY_FIRST),
        ("%Y-%m-%d", None),  # sv_SE, ISO: year first says nothing
        ("%Y年%m月%d日", None),  # ja_JP
        ("%x", None),
    ],
)
def test_the_order_of_a_locale_date_format(d_fmt, order):
    assert date_order_of_format(d_fmt) is order


def test_the_theme_is_written_into_a_new_file():
    text = with_theme(None, "nord")
    assert text is not None
    assert read_settings(text).settings.theme == "nord"


def test_the_theme_replaces_its_line_keeping_comments_and_other_keys():
    text = with_theme(GOOD.replace('"nord"', "'nord'  # dark"), "gruvbox")
    assert text == GOOD.replace('"nord"', '"gruvbox"  # dark')


def test_the_theme_is_added_at_the_end_when_missing():
    text = with_theme('# mine\nname = "Ada"', "nord")
    assert text == '# mine\nname = "Ada"\ntheme = "nord"\n'


def test_a_bad_file_is_not_written():
    assert with_theme("colour = 1\n", "nord") is None
    assert with_theme("name = \n", "nord") is None


def test_a_theme_name_that_needs_escaping_round_trips():
    text = with_theme('theme = "x"\n', 'odd "name" \\ é')
    assert text is not None
    assert read_settings(text).settings.theme == 'odd "name" \\ é'
