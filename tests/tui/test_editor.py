"""ctrl+g: a text area written in $VISUAL / $EDITOR.

The editor part (`edit_text`) runs for real with tiny shell scripts as the
editor. Under Pilot, Textual's headless driver cannot hand the terminal to
another program (App.suspend raises SuspendNotSupported), so one test checks
that refusal and one swaps only `suspend` for a no-op to follow the edited
text into the database. tests/e2e/test_editor.py does it in a real terminal.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.widgets import TextArea

from prep.domain.models import MeetingDraft
from prep.tui.app import PrepApp
from prep.tui.editor import EditorError, edit_text
from tests.helpers import at
from tests.tui.conftest import SIZE, rows


def script(tmp_path: Path, name: str, body: str) -> str:
    """An executable shell script; $1 is the file to edit."""
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o700)
    return str(path)


def test_the_editor_edits_a_private_file_that_is_deleted_afterwards(tmp_path):
    log = tmp_path / "seen"
    editor = script(
        tmp_path,
        "ed",
        f'''
        echo "$1" > "{log}"
        stat -c %a "$1" >> "{log}"; stat -c %a "$(dirname "$1")" >> "{log}"
        cat "$1" >> "{log}"; echo >> "{log}"
        printf 'edited\\n' > "$1"''',
    )
    assert edit_text("Budget approved.", {"EDITOR": editor}) == "edited"
    file, file_mode, folder_mode, content = log.read_text().splitlines()
    print(f"editor saw {file}: file {file_mode}, folder {folder_mode}")
    assert (file_mode, folder_mode, content) == ("600", "700", "Budget approved.")
    assert not Path(file).exists() and not Path(file).parent.exists()


def test_visual_wins_over_editor_and_arguments_are_kept(tmp_path):
    visual = 'sh -c \'printf "from visual" > "$1"\' --'
    editor = script(tmp_path, "ed", "printf 'from editor' > \"$1\"")
    assert edit_text("x", {"VISUAL": visual, "EDITOR": editor}) == "from visual"
    assert edit_text("x", {"VISUAL": " ", "EDITOR": editor}) == "from editor"


def test_lines_added_keep_their_newlines_but_not_the_editors_last_one(tmp_path):
    editor = script(tmp_path, "ed", "printf '\\nSecond line\\n' >> \"$1\"")
    assert edit_text("First line", {"EDITOR": editor}) == "First line\nSecond line"
    assert (
        edit_text("Ends in a newline\n", {"EDITOR": editor}) == "Ends in a newline\n\nSecond line\n"
    )


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "Set $VISUAL or $EDITOR to write in your editor; the text is unchanged."),
        (
            {"EDITOR": "no-such-editor-xyz"},
            "Editor “no-such-editor-xyz” not found; the text is unchanged.",
        ),
        ({"EDITOR": "sh -c 'exit 3'"}, "“sh” exited with status 3; the text is unchanged."),
        (
            {"EDITOR": "sh -c 'rm \"$1\"' --"},
            "The edited file could not be read (No such file or directory); the text is unchanged.",
        ),
        (
            {"EDITOR": "vim 'unclosed"},
            "$EDITOR cannot be read (No closing quotation); the text is unchanged.",
        ),
    ],
)
def test_a_missing_or_failing_editor_is_one_line(environ, message):
    with pytest.raises(EditorError) as raised:
        edit_text("Keep me", environ)
    assert str(raised.value) == message
    assert "\n" not in str(raised.value)


# -- in the app ----------------------------------------------------------------------------


async def open_debrief(pilot) -> TextArea:
    await pilot.press("b")
    await pilot.pause()
    area = pilot.app.focused
    assert isinstance(area, TextArea) and area.id == "outcome"
    return area


def editor_key_shown(app: PrepApp) -> bool:
    return any(b.binding.key == "ctrl+g" and b.enabled for b in app.screen.active_bindings.values())


async def test_ctrl_g_is_offered_only_in_a_text_area(store, clock):
    store.add_meeting(MeetingDraft("Pilot review", "Dana", at(-1, 10)))
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.check_action("edit_in_editor", ())  # the agenda: no text area
        await open_debrief(pilot)
        assert editor_key_shown(app)
        await pilot.press("tab", "tab")  # out of the outcome and why-they-differ, to a choice
        await pilot.pause()
        assert not isinstance(app.focused, TextArea)
        assert not app.check_action("edit_in_editor", ())


async def test_without_a_terminal_ctrl_g_says_so_and_changes_nothing(
    store, clock, db_path, monkeypatch, tmp_path
):
    meeting = store.add_meeting(MeetingDraft("Pilot review", "Dana", at(-1, 10)))
    store.debriefs.set_field(meeting.id, "outcome", "Budget approved.")
    monkeypatch.setenv("EDITOR", script(tmp_path, "ed", "printf 'edited' > \"$1\""))
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        area = await open_debrief(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert area.text == "Budget approved."
        assert [n.message for n in app._notifications] == [
            "prep cannot hand the terminal to an editor here."
        ]
    assert rows(db_path, "SELECT outcome FROM debriefs") == [("Budget approved.",)]


async def test_the_edited_text_replaces_the_area_and_is_saved(
    store, clock, db_path, monkeypatch, tmp_path
):
    meeting = store.add_meeting(MeetingDraft("Pilot review", "Dana", at(-1, 10)))
    store.debriefs.set_field(meeting.id, "outcome", "Budget approved.")
    monkeypatch.setenv("EDITOR", script(tmp_path, "ed", "printf '\\nPhase two: yes.\\n' >> \"$1\""))
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no terminal to hand over
        area = await open_debrief(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert area.text == "Budget approved.\nPhase two: yes."
        await pilot.press("ctrl+z")  # the area's own undo takes the edit back
        await pilot.pause()
        assert area.text == "Budget approved."
        await pilot.press("ctrl+y")
        await pilot.press("ctrl+q")
    assert rows(db_path, "SELECT outcome FROM debriefs") == [("Budget approved.\nPhase two: yes.",)]


async def test_a_failing_editor_leaves_the_text_and_says_why(store, clock, monkeypatch):
    meeting = store.add_meeting(MeetingDraft("Pilot review", "Dana", at(-1, 10)))
    store.debriefs.set_field(meeting.id, "outcome", "Budget approved.")
    monkeypatch.setenv("EDITOR", "sh -c 'exit 1'")
    monkeypatch.delenv("VISUAL", raising=False)
    app = PrepApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        area = await open_debrief(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert area.text == "Budget approved."
        assert [n.message for n in app._notifications] == [
            "“sh” exited with status 1; the text is unchanged."
        ]
