"""The weekly review's list of the week's meetings, to open one from."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from prep.domain.review_report import meeting_when
from prep.domain.review_stats import MeetingLine, MeetingState


def _needs_attention(line: MeetingLine) -> bool:
    """Held without a full plan or without a debrief: something to act on."""
    if line.state is MeetingState.BOOKED:
        return False
    return not line.meeting.prepared_before or (
        line.state is MeetingState.HELD and not line.meeting.debriefed
    )


class WeekMeetings(OptionList):
    """Each meeting of the week on two lines: when and what, then who and
    whether it was prepared and debriefed (or how ready it is, if still to
    come). The same words as the review's Markdown. Enter posts
    `OptionSelected`; the screen opens the checklist or the debrief."""

    DEFAULT_CSS = """
    WeekMeetings {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        margin: 1 0;
        background: transparent;
    }
    WeekMeetings:focus {
        border: none;
        background-tint: $foreground 5%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]

    def show(self, lines: list[MeetingLine], now: datetime) -> None:
        """Fill the list, keeping the highlight on the same meeting if it is still there."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self.add_options([self._option(line, now) for line in lines])
        ids = [str(line.meeting.id) for line in lines]
        if ids:
            self.highlighted = ids.index(highlighted) if highlighted in ids else 0
        self.display = bool(lines)

    @staticmethod
    def _option(line: MeetingLine, now: datetime) -> Option:
        meeting = line.meeting
        style = "$text-warning" if _needs_attention(line) else "$text-muted"
        who = f"{meeting.person} \u00b7 " if meeting.person.strip() else ""
        prompt = Content.assemble(
            (meeting_when(meeting, now), "bold"),
            "  ",
            meeting.title,
            "\n",
            (f"{who}{line.status}", style),
        )
        return Option(prompt, id=str(meeting.id))
