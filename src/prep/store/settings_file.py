"""Where the settings file lives, reading it once at start-up, and writing
back the theme chosen in the app.

The path: $PREP_CONFIG if set (tests, or a second set of settings), else
`settings.toml` in the per-user config folder (platformdirs'
`user_config_path("prep")`: ~/.config/prep on Linux, ~/Library/Application
Support/prep on macOS, %LOCALAPPDATA%\\prep on Windows).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from prep.domain.settings import DateOrder, SettingsReading, date_order_of_format, read_settings

ENV_VAR = "PREP_CONFIG"
FILE_NAME = "settings.toml"
# Far more than any settings file; a bigger one is a mistake, not settings.
MAX_BYTES = 64 * 1024


def settings_path() -> Path:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies, without importing it on every
        # start (as prep.store.location does for the database).
        base = os.environ.get("XDG_CONFIG_HOME", "")
        folder = Path(base) if os.path.isabs(base) else Path.home() / ".config"
        return folder / "prep" / FILE_NAME
    from platformdirs import user_config_path

    return user_config_path("prep", appauthor=False) / FILE_NAME


def locale_date_order() -> DateOrder | None:
    """The date order of the person's locale (LC_ALL, LC_TIME, LANG), or None
    where the platform cannot say or the locale is C/POSIX (whose "%m/%d/%y"
    is a programmer's default, not anyone's habit)."""
    import locale

    if not hasattr(locale, "nl_langinfo"):
        return None  # Windows
    try:
        previous = locale.setlocale(locale.LC_TIME)
        try:
            chosen = locale.setlocale(locale.LC_TIME, "")
            if chosen.split(".")[0] in ("C", "POSIX"):
                return None
            return date_order_of_format(locale.nl_langinfo(locale.D_FMT))
        finally:
            locale.setlocale(locale.LC_TIME, previous)
    except locale.Error:
        return None  # a locale named in the environment but not installed


def load_settings(path: Path) -> SettingsReading:
    """The settings in force: the file's, or the defaults with a one-line
    problem naming the file when it cannot be used. Never raises."""
    locale_order = locale_date_order()
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return read_settings(None, locale_order)
    except OSError as error:
        return _unusable(path, locale_order, f"cannot be read ({error.strerror})")
    if len(data) > MAX_BYTES:
        return _unusable(path, locale_order, f"is over {MAX_BYTES // 1024} KB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _unusable(path, locale_order, "is not UTF-8 text")
    reading = read_settings(text, locale_order)
    if reading.problem:
        return _unusable(path, locale_order, reading.problem)
    return reading


def _unusable(path: Path, locale_order: DateOrder | None, problem: str) -> SettingsReading:
    reading = read_settings(None, locale_order)
    return SettingsReading(
        reading.settings,
        from_locale=reading.from_locale,
        problem=f"settings file {path}: {problem}; using the defaults.",
    )


class SettingsNotWritten(Exception):
    """The theme could not be remembered; str() says why, in one line."""


def remember_theme(path: Path, theme: str) -> None:
    """Write `theme` into the settings file, keeping its other keys and
    comments; creates the file (and its folder, 0700) if there is none. The
    file is owner-only, replaced whole. A file that is a link (dotfiles kept
    in a repository) is written where it points."""
    from prep.domain.settings import with_theme
    from prep.store.exports import write_private

    target = path.resolve() if path.is_symlink() else path
    try:
        text: str | None = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = None
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsNotWritten(f"cannot read {path}: {error}") from None
    new = with_theme(text, theme)
    if new is None:
        raise SettingsNotWritten(f"{path} has a problem; fix it and choose the theme again")
    if new == text:
        return
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private(target, new)
    except OSError as error:
        raise SettingsNotWritten(f"cannot write {path}: {error.strerror or error}") from None
