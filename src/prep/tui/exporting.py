"""ctrl+e on the checklist and the debrief: the same Markdown as `prep brief
ID --out` / `prep debrief ID --out` (prep.store.exports), owner-only, in the
`exports` folder beside the database."""

from __future__ import annotations

from typing import Any, Literal

from prep.domain.models import Meeting
from prep.store import StoreError
from prep.tui.commands import Command
from prep.tui.typed import PrepScreen

ExportKind = Literal["brief", "debrief"]


def export_command(kind: ExportKind) -> Command:
    # priority: in a text area ctrl+e would be "end of line" (as on the review).
    return Command(
        f"export({kind!r})",
        "ctrl+e",
        "Export",
        palette_title=f"Export the {kind}",
        palette_help="Markdown in the exports folder beside the database",
        priority=True,
        show=False,
    )


def export_meeting_file(screen: PrepScreen[Any], meeting: Meeting, kind: ExportKind) -> None:
    """Write the file and say where, or why not, in a notification."""
    from prep.store.exports import export_meeting

    try:
        path = export_meeting(screen.app.store, meeting, kind, screen.app.clock.now())
    except (StoreError, OSError) as error:
        screen.notify(str(error), title="Not exported", severity="error", markup=False)
        return
    screen.notify(f"{kind.capitalize()} written to {path}", markup=False)
