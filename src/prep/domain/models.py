"""The things prep keeps: people you meet and the meetings you have with them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class RelationshipKind(StrEnum):
    """Who the counterpart is to you; shapes how the checklist talks about them."""

    CLIENT = "client"
    CUSTOMER = "customer"
    BOSS = "boss"
    COLLEAGUE = "colleague"


class Rank(StrEnum):
    """Where they sit relative to you. The power gap is what makes people hedge."""

    SENIOR = "senior"
    PEER = "peer"
    JUNIOR = "junior"


# How someone stands to you, after their name ("Dana Reyes, senior to you")
# and, capitalised, as a choice and as a heading in the weekly review.
RANK_PHRASES: dict[Rank, str] = {
    Rank.SENIOR: "senior to you",
    Rank.PEER: "your peer",
    Rank.JUNIOR: "junior to you",
}


class Cadence(StrEnum):
    """How often to ask this person the three feedback questions."""

    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"


class Setting(StrEnum):
    """Where the meeting happens. Shared food and warm drinks change how talks go."""

    VIDEO = "video"
    PHONE = "phone"
    OFFICE = "office"
    COFFEE = "coffee"
    MEAL = "meal"


# The settings that warm a conversation: the meeting form suggests one
# until one of them is chosen.
WARMING_SETTINGS = frozenset({Setting.COFFEE, Setting.MEAL})


class Status(StrEnum):
    """A meeting's phase: planned -> prepared -> held -> debriefed.

    Derived (Meeting.phase), never stored: whether it has been held follows
    from its start and the clock.
    """

    PLANNED = "planned"
    PREPARED = "prepared"
    HELD = "held"
    DEBRIEFED = "debriefed"


class Progress(StrEnum):
    """How far my own work on a meeting got (`meetings.progress`)."""

    NONE = "none"
    PREPARED = "prepared"  # every checklist step done
    DEBRIEFING = "debriefing"  # a debrief is started, not yet complete
    DEBRIEFED = "debriefed"


SETTING_LABELS: dict[Setting, str] = {
    Setting.VIDEO: "Video call",
    Setting.PHONE: "Phone call",
    Setting.OFFICE: "In the office",
    Setting.COFFEE: "Over coffee",
    Setting.MEAL: "Shared meal",
}

TITLE_MAX = 200
NAME_MAX = 120
NOTES_MAX = 100_000
DURATION_MAX_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A value another program stored that prep cannot read: "next thursday"
    where a date belongs, a setting prep has no name for.

    The store reads such a value as empty (or the column's default), so
    every screen and command still works, and keeps this beside it, so the
    value is shown marked, as stored, instead of silently lost.
    """

    column: str
    text: str
    what: str = "date"

    def __str__(self) -> str:
        shown = clean_line(self.text)
        if len(shown) > UNREADABLE_SHOWN:
            shown = shown[: UNREADABLE_SHOWN - 1].rstrip() + "\u2026"
        return f"(unreadable {self.what}: '{shown}')"


UNREADABLE_SHOWN = 40


def unreadable_in(found: tuple[Unreadable, ...], column: str) -> Unreadable | None:
    """What could not be read in `column`, if anything."""
    return next((u for u in found if u.column == column), None)


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Someone who receives your work: a client, a customer, a boss."""

    id: int
    name: str
    organisation: str = ""
    kind: RelationshipKind = RelationshipKind.CLIENT
    rank: Rank = Rank.SENIOR
    cadence: Cadence = Cadence.QUARTERLY

    @property
    def label(self) -> str:
        """Name with organisation, as shown in lists."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    """What the meeting form or `prep add` hands to the store to create or update."""

    title: str
    counterpart_name: str
    starts_at: datetime
    duration_minutes: int = 30
    setting: Setting = Setting.VIDEO
    notes: str = ""
    # Who the counterpart is to you. None keeps an existing person's value
    # (and gives a new person the default: a senior client).
    counterpart_kind: RelationshipKind | None = None
    counterpart_rank: Rank | None = None
    # How it repeats (prep.domain.repeats): RRULE text, "" for once, and the
    # words it was read from, shown back in the form.
    repeat: str = ""
    repeat_text: str = ""


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting as stored. `starts_at` is timezone-aware."""

    id: int
    title: str
    counterpart: Counterpart
    starts_at: datetime
    duration_minutes: int = 30
    setting: Setting = Setting.VIDEO
    notes: str = ""
    progress: Progress = Progress.NONE
    steps_done: int = 0
    # Step 1 done, but with an ask that sounds optional (see readiness.done_with_hedges).
    asks_hedged: bool = False
    # Its calendar event was cancelled or has gone from the calendar: shown
    # marked, kept with what was written about it, and owed no debrief.
    cancelled: bool = False
    # The repeating series it is one meeting of (m013), if any.
    series_id: int | None = None
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)
    unreadable: tuple[Unreadable, ...] = field(default=(), compare=False)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def has_started(self, now: datetime) -> bool:
        return self.starts_at <= now

    def is_under_way(self, now: datetime) -> bool:
        """Started and not yet over: from its start up to (not including) its end."""
        return self.starts_at <= now < self.ends_at

    def needs_debrief(self, now: datetime) -> bool:
        """Held (its start has passed) but not yet debriefed."""
        return (
            self.has_started(now) and self.progress is not Progress.DEBRIEFED and not self.cancelled
        )

    def phase(self, now: datetime) -> Status:
        """Where it is in its life at `now` (see prep.domain.debrief_rules.meeting_status)."""
        if self.progress is Progress.DEBRIEFED:
            return Status.DEBRIEFED
        if self.has_started(now):
            return Status.HELD
        return Status.PREPARED if self.progress is Progress.PREPARED else Status.PLANNED


class ValidationError(ValueError):
    """Input a person typed that prep cannot accept; `str()` is shown to them.

    `field` names the form field at fault, so the message can sit under it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# C0 controls, DEL and C1 controls: a terminal acts on them (ESC starts an
# escape sequence that can clear the screen, retitle the window or write to
# the clipboard), so no text a person or another program stored reaches
# output with them.
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0)]
_CONTROL_TO_SPACE = dict.fromkeys(_CONTROLS, " ")
_CONTROL_DROPPED = dict.fromkeys(set(_CONTROLS) - {ord("\n"), ord("\t")})
# Lone surrogates: undecodable bytes Python carried over from an argument
# (surrogateescape). They cannot be written as UTF-8, to a file or to SQLite.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def has_surrogates(text: str) -> bool:
    """True if `text` holds bytes that were not valid UTF-8 where it came from."""
    return _SURROGATE_RE.search(text) is not None


def without_surrogates(text: str) -> str:
    """`text` with each undecodable byte shown as \ufffd, so it can be stored and printed."""
    return _SURROGATE_RE.sub(REPLACEMENT, text)


def clean_line(text: str) -> str:
    """One line of text: control characters (terminal escapes, NUL, newlines
    from a paste) removed, runs of spaces collapsed. Emoji and accents stay."""
    printable = without_surrogates(text).translate(_CONTROL_TO_SPACE)
    return " ".join(printable.split())


def clean_block(text: str) -> str:
    """Text of several lines (Markdown): the same rule as `clean_line`, but
    newlines and tabs stay, since Markdown needs them."""
    return without_surrogates(text.replace("\r\n", "\n")).translate(_CONTROL_DROPPED)


def _check_length(label: str, text: str, limit: int, field: str) -> None:
    # Refuse rather than truncate: cutting text off silently would lose it.
    if len(text) > limit:
        raise ValidationError(
            f"{label} is {len(text):,} characters; the limit is {limit:,}. Shorten it to save.",
            field,
        )


def validate_draft(draft: MeetingDraft) -> MeetingDraft:
    """Return a cleaned copy of `draft`, or raise ValidationError naming the problem."""
    title = clean_line(draft.title)
    if not title:
        raise ValidationError("Give the meeting a title.", "title")
    _check_length("The title", title, TITLE_MAX, "title")
    name = clean_line(draft.counterpart_name)
    if not name:
        raise ValidationError("Say who the meeting is with.", "person")
    _check_length("The name", name, NAME_MAX, "person")
    if draft.starts_at.tzinfo is None:
        raise ValidationError("The start time needs a time zone.", "when")
    if not 1 <= draft.duration_minutes <= DURATION_MAX_MINUTES:
        raise ValidationError("Duration must be between 1 minute and 24 hours.", "duration")
    _check_length("The notes", draft.notes, NOTES_MAX, "notes")
    return MeetingDraft(
        title=title,
        counterpart_name=name,
        starts_at=draft.starts_at,
        duration_minutes=draft.duration_minutes,
        setting=Setting(draft.setting),
        notes=without_surrogates(draft.notes),
        counterpart_kind=(
            RelationshipKind(draft.counterpart_kind) if draft.counterpart_kind else None
        ),
        counterpart_rank=Rank(draft.counterpart_rank) if draft.counterpart_rank else None,
        repeat=draft.repeat,
        repeat_text=clean_line(draft.repeat_text) if draft.repeat else "",
    )
