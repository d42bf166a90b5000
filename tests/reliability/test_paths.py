"""Paths that are not regular files at `--db`, `--out` and the review's ctrl+e:
refused in one line, and nothing there is touched.

A symbolic link, a named pipe, a device node and a folder are tried at each
place, through the real `prep` command. Device nodes need root to make
(`os.mknod`); those cases are skipped cleanly otherwise. A symbolic link to
a regular database is the one thing allowed at `--db` (see opening.py).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

KINDS = ["symlink", "fifo", "device", "folder"]


def _make(kind: str, path: Path) -> None:
    if kind == "device" and os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    if kind == "symlink":
        target = path.parent / "someone-elses.txt"
        target.write_text("not yours to overwrite")
        path.symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(path, 0o644)
    elif kind == "device":
        os.mknod(path, 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    else:
        path.mkdir()


def _state(folder: Path) -> list[tuple[str, int, int, int]]:
    """Every entry of a folder: name, type and permissions, size, link target's size."""
    entries = []
    for entry in sorted(folder.iterdir()):
        info = os.lstat(entry)
        target_size = entry.stat().st_size if entry.is_symlink() and entry.exists() else -1
        entries.append((entry.name, info.st_mode, info.st_size, target_size))
    return entries


def _prep(*args: str) -> subprocess.CompletedProcess[str]:
    # A pipe must be refused, not opened: opening it would wait for a writer
    # forever, so the timeout turns a hang into a failure.
    return subprocess.run(
        [sys.executable, "-m", "prep", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1, result.stderr
    assert lines[0].startswith("prep: ") and "Traceback" not in result.stderr
    return lines[0]


REFUSED_AT_DB = {
    "symlink": None,  # a link to a regular file is followed: see the test below
    "fifo": "is a named pipe (FIFO), not a database file",
    "device": "is a device, not a database file",
    "folder": "is a folder, not a database file",
}


@pytest.mark.parametrize("kind", [k for k in KINDS if REFUSED_AT_DB[k]])
def test_db_that_is_not_a_file_is_refused_untouched(tmp_path, kind):
    path = tmp_path / "prep.db"
    _make(kind, path)
    before = _state(tmp_path)
    line = _one_line_refusal(_prep("--db", str(path), "list"))
    print(f"\n--db {kind}: {line}")
    assert REFUSED_AT_DB[kind] in line
    assert _state(tmp_path) == before  # no chmod, no -journal or -wal beside it


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_db_linked_to_something_that_is_not_a_file_is_refused_untouched(tmp_path, kind):
    pointed = tmp_path / "pointed"
    _make(kind, pointed)
    link = tmp_path / "prep.db"
    link.symlink_to(pointed)
    before = _state(tmp_path)
    line = _one_line_refusal(_prep("--db", str(link), "list"))
    print(f"\n--db link to {kind}: {line}")
    assert "is a symbolic link to" in line and REFUSED_AT_DB[kind].split(",")[0][3:] in line
    assert _state(tmp_path) == before


def test_db_linked_to_a_database_is_used_through_the_link(tmp_path):
    real = tmp_path / "sync" / "prep.db"
    real.parent.mkdir()
    link = tmp_path / "prep.db"
    link.symlink_to(real)
    dangling = _one_line_refusal(_prep("--db", str(link), "list"))
    assert "which does not exist" in dangling and not real.exists()
    assert _prep("--db", str(real), "demo").returncode == 0
    listing = _prep("--db", str(link), "list", "--all")
    print(
        f"\n--db link to a database: exit {listing.returncode}, "
        f"{len(listing.stdout.splitlines())} lines listed; dangling link: {dangling}"
    )
    assert listing.returncode == 0 and "Dana Whitfield" in listing.stdout
    assert link.is_symlink()


@pytest.fixture
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "prep.db"
    assert _prep("--db", str(db), "demo").returncode == 0
    return db


@pytest.mark.parametrize("command", [["brief", "1"], ["review"]])
@pytest.mark.parametrize("kind", KINDS)
def test_out_that_is_not_a_file_is_refused_untouched(tmp_path, demo_db, kind, command):
    out = tmp_path / "export.md"
    _make(kind, out)
    before = _state(tmp_path)
    line = _one_line_refusal(_prep("--db", str(demo_db), *command, "--out", str(out)))
    print(f"\n{command[0]} --out {kind}: {line}")
    assert line.startswith(f"prep: cannot write {out}: it is ")
    assert _state(tmp_path) == before  # nothing replaced, no temporary file left


def test_out_ignores_a_link_planted_at_a_temporary_name(tmp_path, demo_db):
    """The old export wrote `.NAME.tmp`, a name anyone could predict and plant."""
    victim = tmp_path / "someone-elses.txt"
    victim.write_text("theirs")
    (tmp_path / ".brief.md.tmp").symlink_to(victim)
    out = tmp_path / "brief.md"
    result = _prep("--db", str(demo_db), "brief", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "theirs"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_text().startswith("#")


@pytest.mark.parametrize("kind", KINDS)
async def test_review_export_over_something_that_is_not_a_file_is_refused(tmp_path, kind):
    from prep.domain.clock import FixedClock
    from prep.domain.weeks import iso_week_label, week_start
    from prep.store import open_store
    from prep.tui.app import PrepApp
    from tests.helpers import NOW

    store = open_store(tmp_path / "prep.db", clock=FixedClock(NOW))
    exports = tmp_path / "exports"
    exports.mkdir(mode=0o700)
    out = exports / f"review-{iso_week_label(week_start(NOW.date()))}.md"
    _make(kind, out)
    before = _state(exports)
    app = PrepApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("ctrl+e")
            await pilot.pause()
            refusals = [n.message for n in app._notifications if n.title == "Not exported"]
    finally:
        store.close()
    print(f"\nctrl+e over a {kind}: {refusals}")
    assert len(refusals) == 1 and f"cannot write {out}: it is " in refusals[0]
    assert _state(exports) == before
