"""A 1..10 assertiveness scale with its three zones named and coloured.

Assertiveness works like Goldilocks: too little and you don't push for what
you need, too much and you damage the relationship, the moderate middle works
best. The scale makes that band visible every time someone plans a level
before a meeting, or rates what actually happened after it (with the plan
shown as a second marker, so the gap is in plain sight).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from prep.domain.assertiveness import ZONE_LABELS, Zone, describe_gap, level_hint, zone

LOWEST, HIGHEST = 1, 10
START_LEVEL = 5
"""Where ← and → start from when no level is set: the middle of the good band,
so one key press lands somewhere sensible whichever way you go."""

NOT_SET_HINT = "Not set: press 1–9, 0 for 10, or ← →"

# Theme variables, not fixed colours, so the scale follows the app's theme.
# The two ends are both warnings, but overdoing it costs the relationship,
# so it gets the stronger colour.
ZONE_COLOURS: dict[Zone, str] = {
    Zone.TOO_LITTLE: "$warning",
    Zone.JUST_RIGHT: "$success",
    Zone.TOO_MUCH: "$error",
}

# Text on the plain background needs the theme's text variants to stay
# readable (yellow on a light theme is the worst case).
ZONE_TEXT_COLOURS: dict[Zone, str] = {
    Zone.TOO_LITTLE: "$text-warning",
    Zone.JUST_RIGHT: "$text-success",
    Zone.TOO_MUCH: "$text-error",
}

# Derived from the domain's `zone()` so the band edges live in one place.
ZONE_LEVELS: dict[Zone, list[int]] = {
    which: [level for level in range(LOWEST, HIGHEST + 1) if zone(level) is which] for which in Zone
}

MIN_CELL_WIDTH = 2
MAX_CELL_WIDTH = 8
"""Past this the bar gets so long that the eye has to travel to read it."""

ZONE_GAP = 1
"""Blank columns between zones: the band edges show even without colour."""

# Row numbers inside the content area; clicks use them too.
ROW_ZONES, ROW_POINTER, ROW_CELLS, ROW_COMPARE, ROW_HINT = range(5)


@dataclass(frozen=True)
class ScaleLayout:
    """Where each level's cell sits for a given content width.

    Shared by `render` and the click handler so what you see is what you hit.
    """

    cell_width: int
    starts: tuple[int, ...]
    """Start column of the cell for each level, index 0 being level 1."""

    @classmethod
    def for_width(cls, width: int) -> ScaleLayout:
        gaps = ZONE_GAP * (len(ZONE_LEVELS) - 1)
        cell_width = max(MIN_CELL_WIDTH, min(MAX_CELL_WIDTH, (width - gaps) // HIGHEST))
        starts = []
        x = 0
        for level in range(LOWEST, HIGHEST + 1):
            if level > LOWEST and zone(level) is not zone(level - 1):
                x += ZONE_GAP
            starts.append(x)
            x += cell_width
        return cls(cell_width, tuple(starts))

    @property
    def width(self) -> int:
        return self.starts[-1] + self.cell_width

    def start(self, level: int) -> int:
        return self.starts[level - 1]

    def centre(self, level: int) -> int:
        return self.start(level) + (self.cell_width - 1) // 2

    def zone_span(self, which: Zone) -> tuple[int, int]:
        levels = ZONE_LEVELS[which]
        return self.start(levels[0]), self.start(levels[-1]) + self.cell_width

    def level_at(self, x: int) -> int | None:
        """The level whose cell covers column `x`, or None for a gap or margin."""
        for level in range(LOWEST, HIGHEST + 1):
            if self.start(level) <= x < self.start(level) + self.cell_width:
                return level
        return None


def _sentence(text: str) -> str:
    """Capitalise the first letter only (str.capitalize lowers the rest)."""
    return text[:1].upper() + text[1:]


def _row(width: int, pieces: list[tuple[int, Content]]) -> Content:
    """One line of `width` columns with each piece placed at its column.

    Pieces are placed left to right; one that would overlap the previous one
    is pushed right rather than dropped, and the line is cropped to `width`.
    """
    parts: list[Content] = []
    x = 0
    for column, piece in sorted(pieces, key=lambda item: item[0]):
        column = max(column, x)
        parts.append(Content(" " * (column - x)))
        parts.append(piece)
        x = column + piece.cell_length
    line = Content.assemble(*parts)
    return line.truncate(width) if line.cell_length > width else line


class AssertivenessScale(Widget, can_focus=True):
    """Pick an assertiveness level from 1 to 10, with the just-right band shown.

    `level` is what the person picks (None until they pick). `compare` is an
    optional second, read-only marker, e.g. the planned level shown while the
    actual one is rated. Only key presses and clicks post `Changed`, so a
    screen can load a saved level with `set_level` without it looking like
    an edit.
    """

    DEFAULT_CSS = """
    AssertivenessScale {
        height: auto;
        min-width: 40;
        padding: 0 2;
        border: round $primary 50%;
        background: $surface;

        &:focus {
            border: round $primary;
            background-tint: $foreground 4%;
        }
        &:disabled {
            border: round $primary 25%;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Less assertive", key_display="←"),
        Binding("right", "step(1)", "More assertive", key_display="→"),
        Binding("home", "choose(1)", "Lowest level", show=False),
        Binding("end", "choose(10)", "Highest level", show=False),
        *[Binding(str(n), f"choose({n})", f"Level {n}", show=False) for n in range(1, 10)],
        Binding("0", "choose(10)", "Level 10", show=False),
        Binding("backspace,delete", "clear", "Clear level", show=False),
    ]

    level: reactive[int | None] = reactive(None, layout=True)
    """The chosen level, 1..10, or None when not set yet."""

    compare: reactive[int | None] = reactive(None, layout=True)
    """A second level drawn as a marker under the scale (the plan, in a debrief)."""

    @dataclass
    class Changed(Message):
        """The person changed the level, by key or click."""

        scale: AssertivenessScale
        level: int | None

        @property
        def control(self) -> AssertivenessScale:
            """The scale that changed, so `@on(..., "#selector")` works."""
            return self.scale

    def __init__(
        self,
        level: int | None = None,
        *,
        compare: int | None = None,
        compare_label: str = "plan",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.compare_label = compare_label
        """Word beside the compare marker ("▲ plan")."""
        self.set_reactive(AssertivenessScale.level, self.validate_level(level))
        self.set_reactive(AssertivenessScale.compare, self.validate_compare(compare))

    # -- reactives -------------------------------------------------------------

    def validate_level(self, level: int | None) -> int | None:
        # Clamp rather than raise: a stray saved value should show, not crash.
        return None if level is None else max(LOWEST, min(HIGHEST, int(level)))

    def validate_compare(self, compare: int | None) -> int | None:
        return None if compare is None else max(LOWEST, min(HIGHEST, int(compare)))

    def watch_disabled(self, disabled: bool) -> None:
        super().watch_disabled(disabled)
        # The hint line drops the key instructions when frozen.
        self.refresh(layout=True)

    # -- public API ------------------------------------------------------------

    def set_level(self, level: int | None) -> None:
        """Set the level from code (e.g. a saved plan) without posting `Changed`."""
        self.level = level

    # -- user actions ----------------------------------------------------------

    def _choose(self, level: int | None) -> None:
        """Set the level because the person asked to, and tell the screen."""
        if self.is_disabled:
            return
        level = self.validate_level(level)
        if level == self.level:
            return
        self.level = level
        self.post_message(self.Changed(self, level))

    def action_step(self, delta: int) -> None:
        """← / →: one level down or up, stopping at the ends."""
        self._choose(START_LEVEL if self.level is None else self.level + delta)

    def action_choose(self, level: int) -> None:
        """A digit, Home or End: jump straight to `level`."""
        self._choose(level)

    def action_clear(self) -> None:
        """Backspace / Delete: back to "not set"."""
        self._choose(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hides the keys from the footer while the scale is frozen.
        if action in {"step", "choose", "clear"} and self.is_disabled:
            return False
        return True

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y > ROW_COMPARE:
            return
        level = ScaleLayout.for_width(self.content_size.width).level_at(offset.x)
        if level is not None:
            event.stop()
            self._choose(level)

    # -- drawing ---------------------------------------------------------------

    def render(self) -> Content:
        width = self.content_size.width
        layout = ScaleLayout.for_width(width)
        chosen_zone = None if self.level is None else zone(self.level)
        lines = [
            self._zone_labels(layout, width, chosen_zone),
            self._pointer(layout, width),
            self._cells(layout),
            self._compare_marker(layout, width),
            self._hint(chosen_zone),
        ]
        if self.compare is not None and self.level is not None:
            lines.append(
                Content.styled(_sentence(describe_gap(self.compare, self.level)), "$text-muted")
            )
        return Content("\n").join(lines)

    def _zone_labels(self, layout: ScaleLayout, width: int, chosen: Zone | None) -> Content:
        pieces = []
        for which, label in ZONE_LABELS.items():
            start, end = layout.zone_span(which)
            colour = ZONE_TEXT_COLOURS[which]
            # The zone you are in reads loudest; the others stay legible but quiet.
            if chosen is None:
                style = colour
            elif which == chosen:
                style = f"bold underline {colour}"
            else:
                style = f"{colour} 75%"
            column = max(0, start + (end - start - len(label)) // 2)
            pieces.append((column, Content.styled(label, style)))
        return _row(width, pieces)

    def _pointer(self, layout: ScaleLayout, width: int) -> Content:
        if self.level is None:
            return Content("")
        colour = ZONE_TEXT_COLOURS[zone(self.level)]
        return _row(width, [(layout.centre(self.level), Content.styled("▼", f"bold {colour}"))])

    def _cells(self, layout: ScaleLayout) -> Content:
        parts: list[Content] = []
        x = 0
        for level in range(LOWEST, HIGHEST + 1):
            start = layout.start(level)
            parts.append(Content(" " * (start - x)))
            colour = ZONE_COLOURS[zone(level)]
            if level == self.level:
                style = f"bold $text on {colour}"
            elif level == self.compare:
                # A touch stronger than its neighbours so the plan reads as a place.
                style = f"$text on {colour} 40%"
            else:
                style = f"$text-muted on {colour} 20%"
            parts.append(Content.styled(str(level).center(layout.cell_width), style))
            x = start + layout.cell_width
        return Content.assemble(*parts)

    def _compare_marker(self, layout: ScaleLayout, width: int) -> Content:
        if self.compare is None:
            return Content("")
        centre = layout.centre(self.compare)
        label = f"▲ {self.compare_label}"
        # Near the right edge the label goes to the left of the arrow instead.
        if centre + len(label) > width:
            label = f"{self.compare_label} ▲"
            centre = centre - len(label) + 1
        return _row(width, [(max(0, centre), Content.styled(label, "$text-muted"))])

    def _hint(self, chosen: Zone | None) -> Content:
        if self.level is None or chosen is None:
            text = "Not set." if self.is_disabled else NOT_SET_HINT
            return Content.styled(text, "$text-muted italic")
        return Content.assemble(
            (f"{_sentence(ZONE_LABELS[chosen])}: ", f"bold {ZONE_TEXT_COLOURS[chosen]}"),
            level_hint(self.level),
        )
