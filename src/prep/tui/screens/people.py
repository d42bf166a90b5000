"""People: each working relationship with its numbers and its timeline."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from prep.domain.assertiveness import ZONE_LABELS, zone
from prep.domain.debrief_rules import feedback_due
from prep.domain.models import RANK_PHRASES, Counterpart
from prep.domain.open_threads import OpenThread
from prep.domain.people import PersonSummary, TimelineEntry
from prep.domain.readiness import readiness_dots
from prep.domain.when import format_when
from prep.domain.words import counted
from prep.store import StoreError
from prep.tui.commands import SEARCH, Command, HasCommands, bindings
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth, fit_width
from prep.tui.typed import PrepScreen
from prep.tui.undo import Restored
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.people_table import Cell, PeopleTable

SPARK = "▁▂▃▄▅▆▇█"


def temperature_spark(temperatures: tuple[int, ...]) -> str:
    """Temperatures 1-5 as a fixed-scale sparkline (cold low, warm high)."""
    return "".join(SPARK[round((t - 1) * (len(SPARK) - 1) / 4)] for t in temperatures)


def short_day(day, now: datetime) -> str:
    if day is None:
        return "—"
    return day.strftime("%-d %b" if day.year == now.year else "%-d %b %Y")


class PeopleScreen(FitsTheWidth, KeysInOrder, HasCommands, PrepScreen[None]):
    """The people you meet, and the story of each relationship."""

    # Priority: the dialog is up before the next key is read.
    PREP_COMMANDS = (
        Command(
            "edit_person",
            "e",
            "Edit",
            palette_title="Edit person",
            palette_help="Name, organisation, kind, rank, cadence",
            priority=True,
        ),
        Command(
            "merge_person",
            "m",
            "Merge",
            palette_title="Merge people",
            palette_help="Two records that are one person",
            priority=True,
        ),
        Command("back", "escape", "Back"),
        SEARCH,
    )
    BINDINGS = bindings(PREP_COMMANDS)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="people-body"):
            yield PeopleTable(id="people-table")
            with VerticalScroll(id="people-timeline"):
                yield Static("", id="timeline-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "People"
        self.sub_title = "each working relationship over time"
        table = self.query_one(PeopleTable)
        table.border_title = "People"
        self.query_one("#people-timeline").border_title = "Timeline"
        self.refresh_people()
        focus_now(table)

    def can_refill(self) -> bool:
        return True  # nothing here is typed

    async def refill(self) -> None:
        """Open again, read afresh, on the person chosen last time (prep.tui.kept_screens)."""
        fit_width(self)
        self.refresh_people()
        focus_now(self.query_one(PeopleTable))

    def refresh_people(self, select_id: int | None = None) -> None:
        now = self.app.clock.now()
        try:
            self._people = {s.person.id: s for s in self.app.store.people.summaries(now)}
        except StoreError as error:
            self.notify(str(error), title="Could not read people", severity="error", markup=False)
            return
        current = select_id if select_id is not None else self._selected_id()
        self.query_one(PeopleTable).show(
            [(str(s.person.id), self._cells(s, now)) for s in self._people.values()],
            None if current is None else str(current),
        )
        self._show_timeline()

    def _cells(self, s: PersonSummary, now: datetime) -> dict[str, Cell]:
        p = s.person
        due = feedback_due(s.last_feedback, p.cadence, now.date())
        if s.last_feedback is None:
            feedback = Content.styled("never", "$text-warning")
        elif due:
            feedback = Content.styled(f"{short_day(s.last_feedback, now)} · due", "$text-warning")
        else:
            feedback = Content(short_day(s.last_feedback, now))
        return {
            "name": Content.styled(p.name, "bold"),
            "who": f"{p.kind.value}, {p.rank.value}",
            "meetings": str(s.meetings),
            "last": short_day(s.last_met, now),
            "feedback": feedback,
            "warmth": Content.styled(temperature_spark(s.temperatures) or "—", "$text-success"),
            "unsaid": (
                Content.styled(str(s.open_unsaid), "$text-warning") if s.open_unsaid else "0"
            ),
            "actions": str(s.open_actions),
        }

    def _selected_id(self) -> int | None:
        key = self.query_one(PeopleTable).selected_key
        return int(key) if key is not None else None

    @on(DataTable.RowHighlighted)
    def _show_timeline(self) -> None:
        body = self.query_one("#timeline-body", Static)
        now = self.app.clock.now()
        person_id = self._selected_id()
        summary = self._people.get(person_id) if person_id is not None else None
        if summary is None:
            body.update(
                Content.styled(
                    "No people yet. Adding a meeting with someone adds them here.", "$text-muted"
                )
            )
            return
        try:
            entries = self.app.store.people.timeline(summary.person.id)
            threads = self.app.store.threads.open_with(summary.person.id, now)
        except StoreError as error:
            body.update(Content(str(error)))
            return
        body.update(self._timeline(summary, entries, now, threads))

    def _timeline(
        self,
        s: PersonSummary,
        entries: list[TimelineEntry],
        now: datetime,
        threads: tuple[OpenThread, ...] = (),
    ) -> Content:
        p = s.person
        organisation = f" · {p.organisation}" if p.organisation else ""
        lines = [
            Content.styled(p.name, "bold $text"),
            Content(
                f"{p.kind.value}{organisation} · {RANK_PHRASES[p.rank]} · "
                f"feedback {p.cadence.value}"
            ),
            Content(""),
        ]
        if threads:
            lines.append(Content.styled("Still open with them", "bold $warning"))
            lines += [Content(f"• {t.line(now.date())}") for t in threads]
            lines.append(Content(""))
        if not entries:
            lines.append(Content.styled("No meetings yet.", "$text-muted"))
        for entry in entries:
            m = entry.meeting
            dots = "".join(readiness_dots(m.steps_done, m.asks_hedged))
            lines.append(
                Content.assemble(
                    (format_when(m.starts_at, now), "$text-muted"), "  ", (dots, "$text-success")
                )
            )
            lines.append(Content.styled(f"  {m.title}", "bold"))
            facts = []
            if entry.planned_level is not None or entry.actual_level is not None:
                planned = entry.planned_level if entry.planned_level is not None else "–"
                actual = entry.actual_level if entry.actual_level is not None else "–"
                facts.append(f"level plan {planned} / actual {actual}")
                if entry.actual_level is not None:
                    facts[-1] += f" ({ZONE_LABELS[zone(entry.actual_level)]})"
            if entry.temperature is not None:
                facts.append(f"temperature {entry.temperature}/5")
            if facts:
                lines.append(Content.styled("  " + " · ".join(facts), "$text-muted"))
            if entry.outcome.strip():
                outcome = " ".join(entry.outcome.split())
                lines.append(
                    Content("  " + (outcome if len(outcome) <= 90 else outcome[:89] + "…"))
                )
            lines.append(Content(""))
        return Content("\n").join(lines)

    # -- actions -------------------------------------------------------------------

    # Dialogs are pushed with callbacks by priority keys and awaited, not with
    # push_screen_wait in a worker, so the keys typed next reach the dialog
    # (see keys_in_order.py).

    async def action_edit_person(self) -> None:
        from prep.tui.screens.person_form import PersonFormScreen

        person_id = self._selected_id()
        if person_id is None:
            return
        await self.app.push_screen(
            PersonFormScreen(self._people[person_id].person),
            lambda saved: self.refresh_people(person_id) if saved else None,
        )

    async def action_merge_person(self) -> None:
        from prep.tui.screens.pick_person import PickPersonScreen

        person_id = self._selected_id()
        if person_id is None or len(self._people) < 2:
            self.notify("Merging needs two people.", markup=False)
            return
        keep = self._people[person_id].person
        others = [s.person for s in self._people.values() if s.person.id != person_id]
        await self.app.push_screen(
            PickPersonScreen(f"Merge into {keep.name}: who is the same person?", others),
            lambda other: self._confirm_merge(keep, other) if other is not None else None,
        )

    def _confirm_merge(self, keep: Counterpart, other: Counterpart) -> None:
        from prep.tui.screens.confirm import ConfirmScreen

        count = self._people[other.id].meetings
        self.app.push_screen(
            ConfirmScreen(
                f"Merge {other.name} into {keep.name}?",
                f"{counted(count, 'meeting')} move to {keep.name}, and {other.name} is removed. "
                "ctrl+z takes it back for a few seconds.",
                confirm_label="Merge",
            ),
            lambda confirmed: self._merge(keep, other) if confirmed else None,
        )

    def _merge(self, keep: Counterpart, other: Counterpart) -> None:
        try:
            _, snapshot = self.app.store.people.merge_undoable(keep.id, other.id)
        except StoreError as error:
            self.notify(str(error), title="Not merged", severity="error", markup=False)
            return
        from prep.tui.undo import offer_undo

        store = self.app.store
        offer_undo(
            self.app,
            f"Merged {other.name} into {keep.name}.",
            lambda: store.restore(snapshot),
            f"{other.name} and {keep.name} are apart again.",
        )
        self.refresh_people(keep.id)

    @on(Restored)
    def _restored(self) -> None:
        self.refresh_people()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_search(self) -> None:
        from prep.tui.screens.search import open_search

        open_search(self.app, lambda _: self.refresh_people())
