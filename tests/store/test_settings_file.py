"""The settings file on disk: found, read once, and the theme written back
owner-only with the rest of the file as it was."""

from __future__ import annotations

import stat

import pytest

from prep.domain.settings import Settings
from prep.store.settings_file import (
    SettingsNotWritten,
    load_settings,
    remember_theme,
    settings_path,
)


@pytest.fixture(autouse=True)
def c_locale(monkeypatch):
    # The date order's default comes from the locale; C gives day-first.
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


def test_prep_config_names_the_file(monkeypatch, tmp_path):
    monkeypatch.setenv("PREP_CONFIG", str(tmp_path / "mine.toml"))
    assert settings_path() == tmp_path / "mine.toml"


def test_the_xdg_config_folder_on_linux(monkeypatch, tmp_path):
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG rule is Linux's")
    monkeypatch.delenv("PREP_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings_path() == tmp_path / "prep" / "settings.toml"


def test_a_missing_file_is_the_defaults(tmp_path):
    reading = load_settings(tmp_path / "none.toml")
    assert (reading.settings, reading.problem) == (Settings(), "")


def test_a_good_file(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('meeting_length = 50\nemail = "me@example.com"\n')
    reading = load_settings(path)
    assert reading.settings.meeting_length == 50
    assert reading.settings.email == "me@example.com"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"theme = \n", "not TOML: Invalid value (at line 1, column 9)"),
        (b'name = "A"\nfoo = 1\n', "line 2: foo: not a setting prep knows"),
        (b"meeting_length = [30]\n", "line 1: meeting_length: give minutes (30)"),
        (b'name = "\xff"\n', "is not UTF-8 text"),
        (b"# " + b"x" * 70_000, "is over 64 KB"),
    ],
)
def test_a_bad_file_gives_one_line_and_the_defaults(tmp_path, content, problem):
    path = tmp_path / "settings.toml"
    path.write_bytes(content)
    reading = load_settings(path)
    print(reading.problem)
    assert reading.problem.startswith(f"settings file {path}: {problem}")
    assert reading.problem.endswith("; using the defaults.")
    assert reading.settings == Settings()


def test_remembering_the_theme_creates_a_private_file_and_folder(tmp_path):
    path = tmp_path / "config" / "prep" / "settings.toml"
    remember_theme(path, "nord")
    assert load_settings(path).settings.theme == "nord"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_remembering_the_theme_keeps_the_rest_and_tightens_permissions(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('# my settings\ntheme = "nord" # dark\nname = "Ada"\n')
    path.chmod(0o644)
    remember_theme(path, "gruvbox")
    assert path.read_text() == '# my settings\ntheme = "gruvbox" # dark\nname = "Ada"\n'
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_linked_settings_file_is_written_where_it_points(tmp_path):
    real = tmp_path / "dotfiles" / "prep.toml"
    real.parent.mkdir()
    real.write_text('name = "Ada"\n')
    link = tmp_path / "settings.toml"
    link.symlink_to(real)
    remember_theme(link, "nord")
    assert link.is_symlink()
    assert real.read_text() == 'name = "Ada"\ntheme = "nord"\n'


def test_a_bad_file_is_left_alone(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("colour = 1\n")
    with pytest.raises(SettingsNotWritten, match="has a problem"):
        remember_theme(path, "nord")
    assert path.read_text() == "colour = 1\n"
