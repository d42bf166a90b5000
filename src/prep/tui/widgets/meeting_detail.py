"""The selected meeting, in full, beside the agenda list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from prep.domain.checklist import STEPS
from prep.domain.deadlines import format_day
from prep.domain.debrief import ActionItem
from prep.domain.models import RANK_PHRASES, SETTING_LABELS, Meeting
from prep.domain.open_threads import OpenThread
from prep.domain.when import format_duration, format_when, relative
from prep.tui.widgets.agenda_list import readiness_content


def describe_action(item: ActionItem, today: date) -> str:
    owner = item.owner.value  # "me" or "them"
    due = ""
    if item.due is not None:
        due = f", due {format_day(item.due, with_year=item.due.year != today.year)}"
        if item.due < today:
            due += " (overdue)"
    return f"{item.text} — {owner}{due}"


def describe_person(meeting: Meeting) -> str:
    person = meeting.counterpart
    parts = [person.name]
    if person.organisation:
        parts.append(person.organisation)
    parts.append(f"{person.kind}, {RANK_PHRASES[person.rank]}")
    return " · ".join(parts)


class MeetingDetail(VerticalScroll, can_focus=False):
    """Who, when (relative), where, how ready, notes, and the last meeting with them."""

    def compose(self):
        yield Static(id="detail-body")

    def show(
        self,
        meeting: Meeting | None,
        previous: Meeting | None,
        now: datetime,
        *,
        threads: Sequence[OpenThread] = (),
    ) -> None:
        body = self.query_one("#detail-body", Static)
        self.border_title = "Meeting"
        if meeting is None:
            body.update(Content.styled("Select a meeting to see it here.", "$text-muted"))
            return
        body.update(self._describe(meeting, previous, now, threads))

    def show_action(self, action: ActionItem, person: str, now: datetime) -> None:
        self.border_title = "Action item"
        lines = [
            Content.styled(action.text, "bold $text"),
            Content.assemble(
                ("for ", "$text-muted"), person, ("  ·  owner: ", "$text-muted"), action.owner.value
            ),
            Content(""),
            Content(describe_action(action, now.date())),
            Content(""),
            Content.assemble("Press ", ("x", "bold"), " (or enter) when it is done."),
        ]
        self.query_one("#detail-body", Static).update(Content("\n").join(lines))

    def _describe(
        self,
        meeting: Meeting,
        previous: Meeting | None,
        now: datetime,
        threads: Sequence[OpenThread],
    ) -> Content:
        lines: list[Content] = [
            Content.styled(meeting.title, "bold $text"),
            Content.assemble(("with ", "$text-muted"), describe_person(meeting)),
            Content(""),
            self._field(
                "When",
                f"{format_when(meeting.starts_at, now)}  ·  {relative(meeting.starts_at, now)}",
            ),
            self._field("Length", format_duration(meeting.duration_minutes)),
            self._field("Setting", SETTING_LABELS[meeting.setting]),
            Content.assemble(
                ("Ready    ", "$text-muted"),
                readiness_content(meeting.steps_done, meeting.asks_hedged),
                f"  {meeting.steps_done} of {STEPS} steps",
                ", asks hedged" if meeting.asks_hedged else "",
            ),
        ]
        if meeting.is_under_way(now):
            end = meeting.ends_at.astimezone(now.tzinfo)
            left = relative(meeting.ends_at, now)
            left = "ending now" if left == "now" else f"{left.removeprefix('in ')} left"
            lines += [
                Content(""),
                Content.styled(
                    f"This meeting is under way, until {end.hour:02d}:{end.minute:02d} "
                    f"({left}). Press enter (or c) for the call screen: your asks to "
                    "tick, notes, the time left; debrief it with b once it is over.",
                    "$accent",
                ),
            ]
        elif meeting.needs_debrief(now):
            lines += [
                Content(""),
                Content.styled(
                    "This meeting has happened. Press b (or enter) to debrief it while it is fresh.",
                    "$warning",
                ),
            ]
        lines += [Content(""), Content.styled("Agenda notes", "bold")]
        lines.append(
            Content(meeting.notes)
            if meeting.notes.strip()
            else Content.styled("No notes yet. Press e to add some.", "$text-muted")
        )
        if threads:
            lines += [Content(""), Content.styled("Still open with them", "bold $warning")]
            lines += [Content(f"• {t.line(now.date())}") for t in threads]
        lines += [Content(""), Content.styled("Last time with them", "bold")]
        if previous is None:
            lines.append(Content.styled("First meeting with this person.", "$text-muted"))
        else:
            lines.append(
                Content.assemble(
                    f"{previous.title} — {format_when(previous.starts_at, now)}",
                    (f" ({relative(previous.starts_at, now)})", "$text-muted"),
                )
            )
        return Content("\n").join(lines)

    @staticmethod
    def _field(label: str, value: str) -> Content:
        return Content.assemble((label.ljust(9), "$text-muted"), value)
