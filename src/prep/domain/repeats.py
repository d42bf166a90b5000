"""How a meeting repeats, from what someone types, as an RFC 5545 RRULE.

`read_repeat` accepts "every week" / "weekly", "every 2 weeks on tue",
"fortnightly", "every day" / "daily", "weekdays", "every month" /
"monthly", "every 3 months", with an optional end: "until 31 mar" (a date
read by the same rules, and in the same order, as a meeting's "when") or
"for 6" / "for 6 times". "" and "never" mean no repeat.

The rule is kept as RRULE text ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=6"),
which python-dateutil's `rrulestr` expands and calendars understand; the
occurrences are read in the meeting's wall time, so a weekly 09:00 stays at
09:00 across a clock change. prep.store.series keeps the rule and makes
its occurrences into meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from prep.domain.deadlines import format_day
from prep.domain.when import DAY_FIRST, DateConventions, WhenError, parse_when

__all__ = ["Repeat", "RepeatError", "meeting_count", "occurrences", "read_repeat", "said_back"]

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_WORDS = {
    **dict.fromkeys(("mon", "monday", "mondays"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday", "tuesdays"), 1),
    **dict.fromkeys(("wed", "weds", "wednesday", "wednesdays"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday", "thursdays"), 3),
    **dict.fromkeys(("fri", "friday", "fridays"), 4),
    **dict.fromkeys(("sat", "saturday", "saturdays"), 5),
    **dict.fromkeys(("sun", "sunday", "sundays"), 6),
}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_UNITS = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY"}
_PLAIN = {
    "daily": ("DAILY", 1),
    "weekly": ("WEEKLY", 1),
    "fortnightly": ("WEEKLY", 2),
    "biweekly": ("WEEKLY", 2),
    "monthly": ("MONTHLY", 1),
}
MAX_COUNT = 500
MAX_INTERVAL = 52

_END_RE = re.compile(
    r"^(?P<rule>.*?)(?:,? (?:until|till|to) (?P<until>.+)|,? for (?P<count>\d+)(?: times| meetings)?)?$"
)
_EVERY_RE = re.compile(
    r"^every (?:(?P<n>\d+|other) )?(?P<unit>day|week|month)s?(?: on (?P<days>.+))?$"
)
_CANT_READ = (
    "Can't read '{text}' as a repeat. Try 'every week', 'every 2 weeks on tue', "
    "'monthly', 'weekdays', with 'until 31 mar' or 'for 6'."
)


class RepeatError(WhenError):
    """A repeat prep cannot use; str() is one line for under the field."""


@dataclass(frozen=True)
class Repeat:
    """A repeat as read: the RRULE text and how to say it back."""

    rrule: str
    description: str


def read_repeat(
    text: str, starts_at: datetime, conventions: DateConventions = DAY_FIRST
) -> Repeat | None:
    """The repeat typed for a meeting that first starts at `starts_at` (aware),
    or None for no repeat. Raises RepeatError for anything else."""
    spoken = " ".join(text.lower().replace(",", " ,").split()).replace(" ,", ",")
    if spoken in ("", "never", "none", "no", "once"):
        return None
    shown = text.strip()[:40]
    end = _END_RE.match(spoken)
    if end is None:  # pragma: no cover - the pattern matches any text
        raise RepeatError(_CANT_READ.format(text=shown))
    freq, interval, days = _read_rule(end["rule"].strip(), shown)
    if days and starts_at.weekday() not in days:
        # Else the rule would skip the first meeting ("every wed" from a Tue).
        raise RepeatError(
            f"The first meeting is on a {_DAY_NAMES[starts_at.weekday()]}: "
            f"include it, or move the first meeting."
        )
    parts = [f"FREQ={freq}"]
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if days:
        parts.append("BYDAY=" + ",".join(_DAYS[d] for d in days))
    said = _describe(freq, interval, days)
    if end["count"] is not None:
        count = int(end["count"])
        if not 1 <= count <= MAX_COUNT:
            raise RepeatError(f"Say 'for' 1 to {MAX_COUNT} meetings.")
        parts.append(f"COUNT={count}")
        said += f", {count} times"
    elif end["until"] is not None:
        last = _until(end["until"], starts_at, conventions)
        # The end of that day, in the meeting's wall time (RFC 5545: UNTIL
        # is in the same form as a floating DTSTART).
        parts.append(f"UNTIL={last:%Y%m%d}T235959")
        said += f" until {format_day(last, with_year=True)}"
    return Repeat(";".join(parts), said)


def _read_rule(rule: str, shown: str) -> tuple[str, int, tuple[int, ...]]:
    if rule in _PLAIN:
        freq, interval = _PLAIN[rule]
        return freq, interval, ()
    if rule in ("weekdays", "every weekday", "every weekday mon-fri"):
        return "WEEKLY", 1, (0, 1, 2, 3, 4)
    if rule.removeprefix("every ") in _DAY_WORDS:
        return "WEEKLY", 1, (_DAY_WORDS[rule.removeprefix("every ")],)
    match = _EVERY_RE.match(rule)
    if match is None:
        raise RepeatError(_CANT_READ.format(text=shown))
    n = match["n"]
    interval = 2 if n == "other" else int(n or 1)
    if not 1 <= interval <= MAX_INTERVAL:
        raise RepeatError(f"Repeat every 1 to {MAX_INTERVAL} {match['unit']}s.")
    freq = _UNITS[match["unit"]]
    days: tuple[int, ...] = ()
    if match["days"]:
        if freq != "WEEKLY":
            raise RepeatError("Name days only for a weekly repeat, e.g. 'every week on tue'.")
        words = [w for w in re.split(r"[ ,]+|\band\b", match["days"]) if w]
        if any(w not in _DAY_WORDS for w in words):
            raise RepeatError(_CANT_READ.format(text=shown))
        days = tuple(sorted({_DAY_WORDS[w] for w in words}))
    return freq, interval, days


def _until(text: str, starts_at: datetime, conventions: DateConventions) -> date:
    try:
        last = parse_when(text, starts_at, conventions).date()
    except WhenError as error:
        raise RepeatError(f"until: {error}") from None
    if last < starts_at.date():
        raise RepeatError("The repeat ends before the first meeting.")
    return last


def _describe(freq: str, interval: int, days: tuple[int, ...]) -> str:
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month"}[freq]
    said = f"every {unit}" if interval == 1 else f"every {interval} {unit}s"
    if days == (0, 1, 2, 3, 4):
        return "weekdays" if interval == 1 else f"{said} on weekdays"
    if days:
        said += " on " + ", ".join(_DAY_NAMES[d] for d in days)
    return said


def occurrences(rrule: str, starts_at: datetime, start: datetime, end: datetime) -> list[datetime]:
    """The starts of a repeating meeting in [start, end), aware, in
    `starts_at`'s zone, each at the first meeting's wall-clock time."""
    from dateutil.rrule import rrulestr
    from dateutil.tz import resolve_imaginary

    zone = starts_at.tzinfo
    rule = rrulestr(rrule, dtstart=starts_at.replace(tzinfo=None))
    naive_start = start.astimezone(zone).replace(tzinfo=None)
    naive_end = end.astimezone(zone).replace(tzinfo=None)
    wall = time(starts_at.hour, starts_at.minute)
    found = []
    for moment in rule.between(naive_start, naive_end, inc=True):
        if moment >= naive_end:
            break
        found.append(resolve_imaginary(datetime.combine(moment.date(), wall, tzinfo=zone)))
    return found


def meeting_count(rrule: str, starts_at: datetime) -> int | None:
    """How many meetings a rule with an end makes; None if it has no end."""
    if "COUNT=" not in rrule and "UNTIL=" not in rrule:
        return None
    from dateutil.rrule import rrulestr

    return rrulestr(rrule, dtstart=starts_at.replace(tzinfo=None)).count()


def said_back(repeat: Repeat, starts_at: datetime) -> str:
    """The form's hint: what was understood, and how many meetings it makes
    ("every week on Tue until 31 Mar 2027 — 17 meetings")."""
    count = meeting_count(repeat.rrule, starts_at)
    if count is None:
        return f"{repeat.description}, no end"
    return f"{repeat.description} — {count} meeting{'' if count == 1 else 's'}"
