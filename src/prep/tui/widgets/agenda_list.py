"""The agenda's list of meetings, grouped, with readiness dots."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from functools import partial
from itertools import chain, islice

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from prep.domain.agenda import AgendaGroup, GroupKind
from prep.domain.deadlines import format_day
from prep.domain.debrief import ActionItem
from prep.domain.models import Meeting
from prep.domain.readiness import readiness_dots


def readiness_content(steps_done: int, hedged: bool = False) -> Content:
    done, half, left = readiness_dots(steps_done, hedged)
    return Content.assemble((done, "$success"), (half, "$warning"), (left, "$text-muted"))


# After the title of a meeting that repeats (made in prep, m013).
REPEAT_MARK = " ↻"


def _title_cells(meeting: Meeting, width: int) -> tuple[tuple[str, str], ...]:
    if meeting.series_id is None:
        return ((_fit(meeting.title, width), "bold"),)
    return (_fit(meeting.title, width - len(REPEAT_MARK)), "bold"), (REPEAT_MARK, "$text-muted")


def short_when(meeting: Meeting, kind: GroupKind, now: datetime) -> str:
    """Just enough of the date for the group it sits in."""
    local = meeting.starts_at.astimezone(now.tzinfo)
    if kind in (GroupKind.TODAY, GroupKind.NOW):
        return local.strftime("%H:%M")
    if kind is GroupKind.THIS_WEEK:
        return f"{format_day(local.date())[:3]} {local:%H:%M}"
    if local.year != now.year:
        # "Mon 4 Jan 2027" would overrun the 10-column date: the weekday goes
        # and the year is abbreviated, "4 Jan ’27", "14 Jan ’27".
        return f"{local.day} {local:%b} ’{local:%y}"
    return format_day(local.date())


def _fit(text: str, width: int) -> str:
    """Pad or cut to exactly `width` characters, marking a cut with an ellipsis."""
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def person_column(width: int) -> int:
    """How wide the person's name may be in a row `width` columns wide: the
    title gets the rest, and keeps at least as much room as the name."""
    if width >= 110:
        return 24
    return 18 if width >= 64 else 12


class FittedRow(Visual):
    """One line whose columns are laid out for the width it is drawn at.

    The agenda's columns depend on the list's width, which is not known
    until after the first layout. Building rows at draw time means the first
    frame already has them at the right width, and a resize redraws them
    without rebuilding the list.
    """

    def __init__(self, lay_out: Callable[[int], Content]) -> None:
        self._lay_out = lay_out
        self._drawn: tuple[int, Content] | None = None

    def _at(self, width: int) -> Content:
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, self._lay_out(width))
        return self._drawn[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def __str__(self) -> str:
        """The row's text as last drawn (at 80 columns if not drawn yet)."""
        return str(self._drawn[1] if self._drawn else self._lay_out(80))


def _made_from(
    groups: list[AgendaGroup], actions: Sequence[tuple[ActionItem, str]], now: datetime
) -> tuple[object, ...]:
    """What the rows are drawn from: each meeting or item, its group, and the
    day and time zone it is seen from (see `_row`, `_action_row`)."""
    return (tuple(groups), tuple(actions), now.date(), now.utcoffset())


class AgendaList(OptionList):
    """Meetings under group headings; headings are disabled so the cursor skips them.

    At start-up only the rows the first frame can show are built (`first_rows`);
    the others, and the action items if they were left for later, are added
    by `add_rest` straight after that frame. The screen calls it before any
    key reaches the list, so a key typed at once (end, page down) moves
    through every row. Until then the scrollbar's thumb, which would size
    itself to the rows built so far, is not drawn (its track is).
    """

    DEFAULT_CSS = """
    AgendaList { height: 1fr; }
    AgendaList > .option-list--option-disabled { color: $text-muted; text-style: bold; }
    AgendaList.-partial {
        scrollbar-color: $scrollbar-background;
        scrollbar-color-hover: $scrollbar-background-hover;
        scrollbar-color-active: $scrollbar-background-active;
    }
    """

    # The rows `show` left for `add_rest`, and the time they are drawn for.
    _unbuilt: (
        tuple[Iterator[Option], datetime, list[AgendaGroup], Sequence[tuple[ActionItem, str]]]
        | None
    ) = None
    # What the built rows were made from, when `show` built them all: the
    # same again keeps them. Back from a meeting where nothing changed, the
    # list is not rebuilt and its drawn rows are reused (bench_screens,
    # "back from … → agenda").
    _shown: tuple[object, ...] | None = None

    def show(
        self,
        groups: list[AgendaGroup],
        now: datetime,
        select: str | None,
        actions: Sequence[tuple[ActionItem, str]] = (),
        *,
        first_rows: int | None = None,
    ) -> None:
        """Fill the list and highlight the option `select` ("m12" a meeting,
        "a3" an action item); by default the one highlighted before, and if
        that has gone (an item marked done), whatever took its place. With
        `first_rows`, build only that many rows now and the rest in `add_rest`."""
        previous = self.highlighted_option.id if self.highlighted_option else None
        previous_index = self.highlighted
        shown = _made_from(groups, actions, now)
        if first_rows is None and self.complete and shown == self._shown:
            self._highlight(select or previous, previous_index or 0)
            return
        rows = chain(self._meeting_rows(groups, now), self._action_rows(actions, now))
        if first_rows is None:
            self._unbuilt = None
            self._shown = shown
            self.set_options(rows)
        else:
            self._unbuilt = (rows, now, groups, actions)
            self._shown = None
            self.set_options(islice(rows, first_rows))
        self.set_class(not self.complete, "-partial")
        self._highlight(select or previous, previous_index or 0)

    @property
    def complete(self) -> bool:
        """Every row is built (`add_rest` has nothing left to add)."""
        return self._unbuilt is None

    def add_rest(self, actions: Sequence[tuple[ActionItem, str]] = ()) -> None:
        """Build the rows `show` left out, then `actions` (when the screen
        loaded them only now). The cursor and the scroll stay where they are."""
        if self._unbuilt is None:
            return
        rows, now, groups, shown_actions = self._unbuilt
        self._unbuilt = None
        self.add_options(chain(rows, self._action_rows(actions, now)))
        self._shown = _made_from(groups, [*shown_actions, *actions], now)
        self.remove_class("-partial")

    def _meeting_rows(self, groups: list[AgendaGroup], now: datetime) -> Iterator[Option]:
        for group in groups:
            heading = Content.styled(
                f" {group.title.upper()} · {len(group.meetings)}",
                "$warning bold" if group.kind is GroupKind.DEBRIEF else "bold $text-muted",
            )
            yield Option(heading, id=f"group-{group.kind}", disabled=True)
            for meeting in group.meetings:
                row = FittedRow(partial(self._row, meeting, group.kind, now))
                yield Option(row, id=f"m{meeting.id}")

    def _action_rows(
        self, actions: Sequence[tuple[ActionItem, str]], now: datetime
    ) -> Iterator[Option]:
        if not actions:
            return
        yield Option(
            Content.styled(f" ACTION ITEMS · {len(actions)}", "bold $text-muted"),
            id="group-actions",
            disabled=True,
        )
        for action, person in actions:
            row = FittedRow(partial(self._action_row, action, person, now))
            yield Option(row, id=f"a{action.id}")

    def _highlight(self, option_id: str | None, fallback: int) -> None:
        if option_id is not None:
            try:
                self.highlighted = self.get_option_index(option_id)
                return
            except OptionDoesNotExist:  # done, deleted, or moved out of the agenda
                pass
        # The nearest row at or after where the cursor was, else before it.
        fallback = min(fallback, len(self.options))
        indexes = list(range(fallback, len(self.options))) + list(range(fallback - 1, -1, -1))
        for index in indexes:
            if not self.options[index].disabled:
                self.highlighted = index
                return

    @staticmethod
    def _action_row(action: ActionItem, person: str, now: datetime, width: int) -> Content:
        width = max(width, 50)
        today = now.date()
        if action.due is None:
            due, style = "", "$text-muted"
        else:
            due = format_day(action.due, with_year=action.due.year != today.year)
            style = "$text-error" if action.due < today else "$text-muted"
        owner = action.owner.value  # "me" or "them"
        person_width = person_column(width)
        text_width = max(10, width - 2 - 11 - 1 - person_width - 1 - 9)
        return Content.assemble(
            "  ",
            (due.ljust(11), style),
            (_fit(f"☐ {action.text}", text_width), ""),
            " ",
            (_fit(person, person_width), "italic"),
            " ",
            (f"({owner})".rjust(9), "$text-muted"),
        )

    @staticmethod
    def _row(meeting: Meeting, kind: GroupKind, now: datetime, width: int) -> Content:
        width = max(width, 50)
        person_width = person_column(width)
        # indent + when + gaps + person + status (4 dots or "debrief")
        title_width = max(10, width - 2 - 11 - 1 - person_width - 1 - 9)
        if meeting.cancelled:
            status = Content.styled("cancelled".rjust(9), "$text-muted strike")
        elif kind is GroupKind.DEBRIEF:
            status = Content.styled("debrief ▸", "$warning")
        else:
            status = Content.assemble(
                "     ", readiness_content(meeting.steps_done, meeting.asks_hedged)
            )
        return Content.assemble(
            "  ",
            (short_when(meeting, kind, now).ljust(11), "$text-muted"),
            *_title_cells(meeting, title_width),
            " ",
            (_fit(meeting.counterpart.name, person_width), "italic"),
            " ",
            status,
        )

    @property
    def selected_meeting_id(self) -> int | None:
        return self._selected_id("m")

    @property
    def selected_action_id(self) -> int | None:
        return self._selected_id("a")

    def _selected_id(self, prefix: str) -> int | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith(prefix):
            return None
        return int(option.id[1:])
