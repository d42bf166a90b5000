"""Edit a person: name, organisation, who they are to you, feedback cadence."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from prep.domain.models import Cadence, Counterpart, Rank, RelationshipKind, ValidationError
from prep.store import StoreError
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.meeting_form import KIND_OPTIONS, RANK_OPTIONS
from prep.tui.screens.widths import FitsTheWidth
from prep.tui.typed import PrepModalScreen
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.text_field import TextField

CADENCE_OPTIONS = [
    ("Every quarter", Cadence.QUARTERLY.value),
    ("Every half-year", Cadence.HALF_YEARLY.value),
    ("Every year", Cadence.YEARLY.value),
]


class PersonFormScreen(FitsTheWidth, KeysInOrder, PrepModalScreen[bool]):
    """Dismisses True when saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "dismiss(False)", "Cancel"),
    ]

    def __init__(self, person: Counterpart) -> None:
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        p = self.person
        with Vertical(id="person-dialog"):
            yield Static(Content.styled(f"Edit {p.name}", "bold"))
            for label, widget in (
                ("Name", TextField(p.name, id="person-name", compact=True)),
                ("Organisation", TextField(p.organisation, id="person-org", compact=True)),
                (
                    "They are a",
                    Choice(KIND_OPTIONS, value=p.kind.value, allow_blank=False, id="person-kind"),
                ),
                (
                    "Rank",
                    Choice(RANK_OPTIONS, value=p.rank.value, allow_blank=False, id="person-rank"),
                ),
                (
                    "Ask feedback",
                    Choice(
                        CADENCE_OPTIONS,
                        value=p.cadence.value,
                        allow_blank=False,
                        id="person-cadence",
                    ),
                ),
            ):
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="field-label")
                    yield widget
            yield Static("", id="person-error", classes="hint error")
            yield Static("ctrl+s saves · esc cancels", classes="hint")
        # The dialog's own keys, not those of the screen behind it.
        yield KeyFooter()

    def on_mount(self) -> None:
        focus_now(self.query_one("#person-name"))

    def action_save(self) -> None:
        try:
            self.app.store.people.update(
                self.person.id,
                name=self.query_one("#person-name", Input).value,
                organisation=self.query_one("#person-org", Input).value,
                kind=RelationshipKind(self.query_one("#person-kind", Choice).value),
                rank=Rank(self.query_one("#person-rank", Choice).value),
                cadence=Cadence(self.query_one("#person-cadence", Choice).value),
            )
        except (ValidationError, StoreError) as error:
            message = self.query_one("#person-error", Static)
            message.update(Content(str(error)))
            message.display = True
            return
        self.dismiss(True)
