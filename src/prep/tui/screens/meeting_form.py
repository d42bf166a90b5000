"""Create or edit a meeting. What you type is kept as a draft until you save."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Header, Input, Label, Static, TextArea

from prep.domain.models import (
    RANK_PHRASES,
    SETTING_LABELS,
    WARMING_SETTINGS,
    Counterpart,
    Meeting,
    MeetingDraft,
    Rank,
    RelationshipKind,
    Setting,
    ValidationError,
)
from prep.domain.repeats import RepeatError, read_repeat, said_back
from prep.domain.when import (
    WhenError,
    describe_reading,
    format_duration,
    parse_duration,
    parse_when,
    read_when,
)
from prep.store import StoreError
from prep.tui.commands import Command, HasCommands, bindings
from prep.tui.saving import SAVE_DELAY, DebouncedSaver
from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.series_scope import Scope
from prep.tui.screens.widths import FitsTheWidth
from prep.tui.typed import PrepScreen
from prep.tui.widgets.choice import Choice
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter
from prep.tui.widgets.text_field import TextField

# The draft is saved like the checklist: SAVE_DELAY after a pause, at least
# once a second while typing goes on, retried if the database refuses it.
DRAFT_DELAY = SAVE_DELAY
DRAFT = "draft"  # the draft's key on the form's saver

KIND_OPTIONS = [(kind.value.capitalize(), kind.value) for kind in RelationshipKind]
RANK_OPTIONS = [(RANK_PHRASES[rank].capitalize(), rank.value) for rank in Rank]
SETTING_OPTIONS = [(label, setting.value) for setting, label in SETTING_LABELS.items()]


SETTING_TIP = "Coffee or a shared meal tends to warm a conversation."

FORM_TIPS = """\
[b]When[/b] takes plain words:
  tomorrow 3pm
  fri 10:30
  next tue 9am
  in 2h
  {numeric_date} 9am
  2026-11-24 15:00
The date prep understood shows under the field as you type.

[b]With[/b]: a name you have used before is offered as you type ([b]→[/b] accepts it). \
A new name creates that person; say where they sit relative to you, because the \
power gap is what makes people hedge.

[b]Repeats[/b]: every week, every 2 weeks on tue, monthly, weekdays; end it with \
"until 31 mar" or "for 6". Each meeting gets its own checklist and debrief.

[b]ctrl+s[/b] saves. What you type is kept as a draft, so closing the terminal loses \
nothing.
"""


class MeetingFormScreen(FitsTheWidth, KeysInOrder, HasCommands, PrepScreen[int | None]):
    """Dismisses with the saved meeting's id, or None when cancelled or deleted."""

    PREP_COMMANDS = (
        Command(
            "save",
            "ctrl+s",
            "Save",
            palette_title="Save meeting",
            palette_help="Save and go back",
            priority=True,
        ),
        # Priority, so a question it asks is up before the next key is read.
        Command(
            "cancel",
            "escape",
            "Back",
            palette_title="Cancel",
            palette_help="Go back without saving",
            priority=True,
        ),
        # priority: Input would otherwise take ctrl+d as "delete right"; delete
        # still asks for confirmation, so a stray press costs nothing.
        Command(
            "delete",
            "ctrl+d",
            "Delete",
            palette_title="Delete meeting",
            palette_help="Delete this meeting",
            priority=True,
        ),
    )
    BINDINGS = bindings(PREP_COMMANDS)

    def __init__(self, meeting: Meeting | None = None) -> None:
        super().__init__()
        self.meeting = meeting
        self.draft_key = f"meeting-form:{meeting.id if meeting else 'new'}"
        self.saver = DebouncedSaver(self)  # PrepApp.flush_saves finds it by this name
        # Set once the form is saved, discarded or deleted: a change message
        # still queued from the last keys must not write the draft back.
        self._finished = False
        # The form's values as built (see on_mount); None while still building it.
        self._initial: dict[str, Any] | None = None

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        m = self.meeting
        yield Header()
        with Horizontal(id="form-body"):
            with VerticalScroll(id="form"):
                with Horizontal(classes="form-row"):
                    yield Label("Title", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield TextField(
                            m.title if m else "",
                            id="title",
                            compact=True,
                            placeholder="What is it about? e.g. Q4 roadmap review",
                        )
                        yield Static("", id="title-hint", classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label("With", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield TextField(
                            m.counterpart.name if m else "",
                            id="person",
                            compact=True,
                            placeholder="Name of the client, customer or boss",
                        )
                        yield Static("", id="person-hint", classes="hint")
                        # Always shown, so tab order never depends on the name typed.
                        with Horizontal(id="person-kind"):
                            yield Choice(
                                KIND_OPTIONS,
                                value=(m.counterpart.kind if m else RelationshipKind.CLIENT).value,
                                allow_blank=False,
                                id="kind",
                            )
                            yield Choice(
                                RANK_OPTIONS,
                                value=(m.counterpart.rank if m else Rank.SENIOR).value,
                                allow_blank=False,
                                id="rank",
                            )
                with Horizontal(classes="form-row"):
                    yield Label("When", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield TextField(
                            self._initial_when(),
                            id="when",
                            compact=True,
                            placeholder="tomorrow 3pm · fri 10:30 · 2026-11-24 15:00",
                        )
                        yield Static("", id="when-hint", classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label("Length", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield TextField(
                            str(m.duration_minutes if m else self.app.settings.meeting_length),
                            id="duration",
                            compact=True,
                            placeholder="30 · 45m · 1h30",
                        )
                        yield Static("", id="duration-hint", classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label("Repeats", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield TextField(
                            self._initial_repeat(),
                            id="repeat",
                            compact=True,
                            placeholder="every week · every 2 weeks on tue · monthly for 6",
                        )
                        yield Static("", id="repeat-hint", classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label("Setting", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield Choice(
                            SETTING_OPTIONS,
                            value=(m.setting if m else Setting.VIDEO).value,
                            allow_blank=False,
                            id="setting",
                        )
                        yield Static(SETTING_TIP, id="setting-tip", classes="hint")
                with Horizontal(classes="form-row"):
                    yield Label("Notes", classes="field-label")
                    with Vertical(classes="form-field"):
                        yield TextArea(
                            m.notes if m else "",
                            id="notes",
                            soft_wrap=True,
                            show_line_numbers=False,
                            tab_behavior="focus",
                            compact=True,
                            placeholder="What do you want from this meeting?",
                        )
                        yield Static("", id="notes-hint", classes="hint")
            numeric_date = "11/24" if self.app.settings.dates.month_first else "24/11"
            yield Static(FORM_TIPS.format(numeric_date=numeric_date), id="form-tips")
        yield KeyFooter()

    def _initial_when(self) -> str:
        if self.meeting is None:
            return ""
        local = self.meeting.starts_at.astimezone(self.app.clock.now().tzinfo)
        return local.strftime("%Y-%m-%d %H:%M")

    def _initial_repeat(self) -> str:
        if self.meeting is None:
            return ""
        try:
            return self.app.store.series.repeat_text(self.meeting)
        except StoreError:
            return ""

    def on_mount(self) -> None:
        self.title = "Edit meeting" if self.meeting else "New meeting"
        self.sub_title = "ctrl+s saves · esc goes back"
        self._people: dict[str, Counterpart] = {}
        try:
            self._people = {p.name.casefold(): p for p in self.app.store.counterparts()}
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
        person = self.query_one("#person", Input)
        person.suggester = SuggestFromList(
            [p.name for p in self._people.values()], case_sensitive=False
        )
        self._initial = self._payload()
        self._restore_draft()
        self._refresh_hints()
        focus_now(self.query_one("#title", Input), scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete" and self.meeting is None:
            return False  # nothing to delete yet; hide the key
        return True

    # -- live feedback ---------------------------------------------------------

    @on(Input.Changed)
    @on(Choice.Changed)
    @on(TextArea.Changed)
    def _changed(self, event: Input.Changed | Choice.Changed | TextArea.Changed) -> None:
        # Only the changed field's hint: a key in the title need not re-read
        # the date and the length.
        field = event.control.id if event.control is not None else None
        refresh = {
            "title": lambda: self._hint("title", ""),
            "notes": lambda: self._hint("notes", ""),
            "person": self._refresh_person_hint,
            "when": self._refresh_when_and_repeat_hints,
            "duration": self._refresh_duration_hint,
            "repeat": self._refresh_repeat_hint,
            "setting": self._refresh_setting_tip,
        }.get(field or "")
        if refresh is not None:
            refresh()
        self._schedule_draft()

    def _refresh_hints(self) -> None:
        self._hint("title", "")
        self._hint("notes", "")
        self._refresh_person_hint()
        self._refresh_when_and_repeat_hints()
        self._refresh_duration_hint()
        self._refresh_setting_tip()

    def _refresh_setting_tip(self) -> None:
        # Once coffee or a meal is chosen the suggestion has been taken.
        chosen = self.query_one("#setting", Choice).value
        self.query_one("#setting-tip", Static).display = chosen not in WARMING_SETTINGS

    def _hint(self, field: str, text: str, *, error: bool = False) -> None:
        hint = self.query_one(f"#{field}-hint", Static)
        hint.update(Content(text))  # plain text: it may quote what was typed
        hint.display = bool(text)  # an empty hint takes no room
        hint.set_class(error, "error")
        hint.set_class(not error and bool(text), "ok")

    def _refresh_person_hint(self) -> None:
        name = self.query_one("#person", Input).value.strip()
        known = self._people.get(name.casefold()) if name else None
        if not name:
            self._hint("person", "")
        elif known:
            organisation = f" · {known.organisation}" if known.organisation else ""
            self._hint("person", f"✓ Someone you have met{organisation}")
        else:
            self._hint("person", "New person. Who are they to you, and where do they sit?")

    @on(Input.Changed, "#person")
    def _show_known_person(self) -> None:
        """Show a known person's kind and rank, so what is saved is what is seen."""
        name = self.query_one("#person", Input).value.strip()
        known = self._people.get(name.casefold()) if name else None
        if known is not None and self._initial is not None:
            self.query_one("#kind", Choice).value = known.kind.value
            self.query_one("#rank", Choice).value = known.rank.value

    def _refresh_when_hint(self) -> None:
        text = self.query_one("#when", Input).value
        if not text.strip():
            self._hint("when", "")
            return
        now = self.app.clock.now()
        try:
            reading = read_when(text, now, self.app.settings.dates)
        except WhenError as error:
            self._hint("when", str(error), error=True)
            return
        self._hint("when", f"→ {describe_reading(reading, now)}")

    def _refresh_when_and_repeat_hints(self) -> None:
        self._refresh_when_hint()
        self._refresh_repeat_hint()  # it counts meetings from the first one

    def _refresh_repeat_hint(self) -> None:
        text = self.query_one("#repeat", Input).value
        if not text.strip():
            self._hint("repeat", "")
            return
        try:
            starts_at = parse_when(
                self.query_one("#when", Input).value, self.app.clock.now(), self.app.settings.dates
            )
        except WhenError:
            self._hint("repeat", "Say when the first meeting is, above.", error=True)
            return
        try:
            repeat = read_repeat(text, starts_at, self.app.settings.dates)
        except RepeatError as error:
            self._hint("repeat", str(error), error=True)
            return
        self._hint("repeat", f"→ {said_back(repeat, starts_at)}" if repeat else "→ does not repeat")

    def _refresh_duration_hint(self) -> None:
        text = self.query_one("#duration", Input).value
        try:
            self._hint("duration", f"→ {format_duration(parse_duration(text))}")
        except WhenError as error:
            self._hint("duration", str(error), error=True)

    # -- drafts ----------------------------------------------------------------

    def _payload(self) -> dict[str, Any]:
        return {
            "title": self.query_one("#title", Input).value,
            "person": self.query_one("#person", Input).value,
            "kind": self.query_one("#kind", Choice).value,
            "rank": self.query_one("#rank", Choice).value,
            "when": self.query_one("#when", Input).value,
            "duration": self.query_one("#duration", Input).value,
            "repeat": self.query_one("#repeat", Input).value,
            "setting": self.query_one("#setting", Choice).value,
            "notes": self.query_one("#notes", TextArea).text,
        }

    def _schedule_draft(self) -> None:
        if self._initial is None or self._finished:
            return  # still building the form, or already saved or discarded
        # The form's values now: by the time a save runs on leaving, the
        # widgets may already be gone.
        payload = self._payload()
        self.saver.schedule(DRAFT, lambda: self._write_draft(payload))

    def _write_draft(self, payload: dict[str, Any]) -> None:
        if payload == self._initial:
            self.app.store.clear_draft(self.draft_key)
        else:
            self.app.store.save_draft(self.draft_key, payload)

    def on_screen_suspend(self) -> None:
        # A dialog (discard? delete?) or the help covers the form.
        self.saver.flush()

    def on_unmount(self) -> None:
        # Quitting from the form keeps the draft; saving or discarding dropped it.
        self.saver.leave()

    def _restore_draft(self) -> None:
        try:
            draft = self.app.store.load_draft(self.draft_key)
        except StoreError:
            return
        if not draft or draft == self._initial:
            return
        for field in ("title", "person", "when", "duration", "repeat"):
            if isinstance(draft.get(field), str):
                self.query_one(f"#{field}", Input).value = draft[field]
        for field, enum in (("kind", RelationshipKind), ("rank", Rank), ("setting", Setting)):
            if draft.get(field) in {member.value for member in enum}:
                self.query_one(f"#{field}", Choice).value = draft[field]
        if isinstance(draft.get("notes"), str):
            self.query_one("#notes", TextArea).text = draft["notes"]
        self.notify(
            "Restored what you had typed last time. Esc discards it.",
            title="Unsaved draft",
            markup=False,
        )

    # -- actions -------------------------------------------------------------

    def _collect(self) -> MeetingDraft:
        values = self._payload()
        now = self.app.clock.now()
        try:
            starts_at = parse_when(values["when"], now, self.app.settings.dates)
        except WhenError as error:
            raise ValidationError(str(error), "when") from None
        try:
            duration = parse_duration(values["duration"])
        except WhenError as error:
            raise ValidationError(str(error), "duration") from None
        try:
            repeat = read_repeat(values["repeat"], starts_at, self.app.settings.dates)
        except RepeatError as error:
            raise ValidationError(str(error), "repeat") from None
        return MeetingDraft(
            title=values["title"],
            counterpart_name=values["person"],
            starts_at=starts_at,
            duration_minutes=duration,
            setting=Setting(values["setting"]),
            notes=values["notes"],
            counterpart_kind=RelationshipKind(values["kind"]),
            counterpart_rank=Rank(values["rank"]),
            repeat=repeat.rrule if repeat else "",
            repeat_text=values["repeat"] if repeat else "",
        )

    async def action_save(self) -> None:
        from prep.tui.screens.series_scope import SeriesScopeScreen

        try:
            draft = self._collect()
        except ValidationError as error:
            self._refuse(error)
            return
        scope = self._scope_without_asking()
        if scope is not None:
            self._save(draft, scope)
            return
        # Pushed with a callback, not awaited in a worker: see action_cancel.
        await self.app.push_screen(
            SeriesScopeScreen(
                "Change this meeting only, or this and the later ones?",
                "This and later ends the series here and starts a new one from this meeting.",
            ),
            lambda scope: self._save(draft, scope) if scope is not None else None,
        )

    def _scope_without_asking(self) -> Scope | None:
        """Which meetings a save changes when there is nothing to ask: None
        when a repeating meeting's title, time or length changed."""
        if self.meeting is None or self.meeting.series_id is None or self._initial is None:
            return "one"
        now = self._payload()
        if now["repeat"].strip() != self._initial["repeat"].strip():
            return "later"  # a new repeat can only run from here on
        if any(now[field] != self._initial[field] for field in ("title", "when", "duration")):
            return None
        return "one"

    def _refuse(self, error: ValidationError) -> None:
        field = error.field or "title"
        self._hint(field, str(error), error=True)
        focus_now(self.query_one(f"#{field}"))
        self.notify(str(error), title="Not saved yet", severity="error", markup=False)

    def _save(self, draft: MeetingDraft, scope: Scope) -> None:
        try:
            if self.meeting is None:
                saved = self.app.store.add_meeting(draft)
            elif scope == "later":
                saved = self.app.store.series.change_from(self.meeting.id, draft)
            else:
                saved = self.app.store.update_meeting(self.meeting.id, draft)
        except ValidationError as error:
            self._refuse(error)
            return
        except StoreError as error:
            self.notify(
                f"{error} Your text is still in the form.",
                title="Not saved",
                severity="error",
                markup=False,
            )
            return
        self._discard_draft()
        self.notify(f"Saved “{saved.title}”.", markup=False)
        self.dismiss(saved.id)

    def _discard_draft(self) -> None:
        self._finished = True
        self.saver.drop(DRAFT)
        try:
            self.app.store.clear_draft(self.draft_key)
        except StoreError:
            pass  # a stale draft is harmless; it is offered back next time

    # The questions below are pushed with a callback and awaited, not asked
    # with push_screen_wait in a worker: the worker would put the question up
    # later, and a "y" typed straight after escape would land in the form.

    async def action_cancel(self) -> None:
        from prep.tui.screens.confirm import ConfirmScreen

        if self._payload() == self._initial:
            self._leave()
            return
        await self.app.push_screen(
            ConfirmScreen(
                "Discard your changes?",
                "What you typed here will be lost.",
                confirm_label="Discard",
            ),
            lambda discard: self._leave() if discard else None,
        )

    def _leave(self) -> None:
        self._discard_draft()
        self.dismiss(None)

    async def action_delete(self) -> None:
        from prep.tui.screens.confirm import ConfirmScreen
        from prep.tui.undo import DELETE_NOTE, delete_meeting_undoably

        meeting = self.meeting
        if meeting is None:
            self.notify("This meeting is not saved yet; esc discards it.", markup=False)
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed and delete_meeting_undoably(self, meeting):
                self._discard_draft()
                self.dismiss(None)

        await self.app.push_screen(
            ConfirmScreen(f"Delete “{meeting.title}”?", DELETE_NOTE, confirm_label="Delete"),
            answered,
        )
