"""The theme from the settings, and remembering the one chosen in the palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

if TYPE_CHECKING:
    from prep.tui.app import PrepApp


def apply_settings_theme(app: PrepApp) -> None:
    """Use the settings' theme, show any problem with the settings, then
    write back every theme chosen from now on."""
    for problem in app.startup_problems:
        app.notify(problem, title="Settings", severity="warning", timeout=15, markup=False)
    wanted = app.settings.theme
    if wanted and wanted in app.available_themes:
        app.theme = wanted
    elif wanted:
        app.notify(
            f"The theme “{wanted}” in the settings is not one prep has; "
            "choose one with ctrl+p, Change theme.",
            title="Settings",
            severity="warning",
            timeout=15,
            markup=False,
        )
    # Subscribed after the theme above is set: its own change (published on
    # the next message) must not be written back, so wait a refresh.
    app.call_after_refresh(_write_back_changes, app)


def _write_back_changes(app: PrepApp) -> None:
    # A quit typed at once may have stopped the app by now (q on the first frame).
    if app.is_running:
        app.theme_changed_signal.subscribe(app, lambda theme: _remember(app, theme))


def _remember(app: PrepApp, theme: Theme) -> None:
    if app.settings_file is None or theme.name == app.settings.theme:
        return
    from prep.store.settings_file import SettingsNotWritten, remember_theme

    try:
        remember_theme(app.settings_file, theme.name)
    except SettingsNotWritten as error:
        app.notify(f"The theme is not remembered: {error}", severity="warning", markup=False)
        return
    from dataclasses import replace

    app.settings = replace(app.settings, theme=theme.name)
