"""ctrl+g: write the focused text area in $VISUAL or $EDITOR.

`edit_text` is plain Python (no Textual), so tests run it with a tiny script
as the editor; `edit_focused_text` suspends the app around it, which only a
real terminal can do (Textual's headless test driver refuses to suspend).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget


class EditorError(Exception):
    """The editor could not be run, or failed; the text is unchanged."""


def editor_command(environ: Mapping[str, str]) -> list[str]:
    """The editor as an argument list: $VISUAL wins over $EDITOR, as in git."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as error:
                raise EditorError(
                    f"${name} cannot be read ({error}); the text is unchanged."
                ) from error
    raise EditorError("Set $VISUAL or $EDITOR to write in your editor; the text is unchanged.")


def edit_text(text: str, environ: Mapping[str, str] | None = None) -> str:
    """TEXT after the person edited it in their editor.

    The notes are candid, so the file lives in a folder only you can read
    (mkdtemp makes it 0700), is itself 0600, and is deleted afterwards,
    whatever happens. Raises EditorError, with a one-line message, when the
    editor is missing or exits with an error.
    """
    command = editor_command(os.environ if environ is None else environ)
    if shutil.which(command[0]) is None:
        raise EditorError(f"Editor “{command[0]}” not found; the text is unchanged.")
    folder = Path(tempfile.mkdtemp(prefix="prep-edit-"))
    try:
        path = folder / "text.md"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        try:
            status = subprocess.run([*command, str(path)], check=False).returncode
        except OSError as error:
            raise EditorError(
                f"Could not run “{command[0]}”: {error.strerror}; the text is unchanged."
            ) from error
        if status != 0:
            raise EditorError(f"“{command[0]}” exited with status {status}; the text is unchanged.")
        try:
            edited = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise EditorError(
                f"The edited file could not be read ({error.strerror}); the text is unchanged."
            ) from error
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    # Editors end the file with a newline; the field had none to keep.
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return edited


def can_edit(widget: Widget | None) -> bool:
    """Whether WIDGET is a multi-line text area the person can write in."""
    from textual.widgets import TextArea

    return isinstance(widget, TextArea) and not widget.read_only and not widget.is_disabled


def edit_focused_text(app: App) -> None:
    """Suspend APP, edit its focused text area in the editor, put the result back."""
    from textual.app import SuspendNotSupported
    from textual.widgets import TextArea

    area = app.focused
    if not can_edit(area):
        return
    assert isinstance(area, TextArea)
    failure: EditorError | None = None
    try:
        with app.suspend():
            # Caught inside: Textual's suspend() resumes the app only when
            # the block ends normally; an exception left it suspended, blank.
            try:
                edited = edit_text(area.text)
            except EditorError as error:
                failure = error
    except SuspendNotSupported:
        app.notify("prep cannot hand the terminal to an editor here.", severity="warning")
        return
    if failure is not None:
        app.notify(str(failure), severity="error", markup=False)
        return
    if edited != area.text:
        # An edit, not a reload: the area posts Changed (so it is saved as
        # typing is) and ctrl+z in the area takes it back.
        area.replace(edited, (0, 0), area.document.end)
