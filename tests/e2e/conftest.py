"""The installed `prep` command in a real terminal: a detached tmux session.

Each test gets its own tmux server (a private `-L` socket), so sessions never
leak between tests or into the developer's own tmux, and the server is
killed when the test ends, whatever happened.

Keys are sent with `tmux send-keys` and the screen is read with
`tmux capture-pane`. prep reads keys one at a time and moves the focus as it
reads the key that moves it (screens/keys_in_order.py), so text typed
straight after Tab, Enter or a key that opens a screen lands where a person
would expect: tests may send a whole sequence at once (`Terminal.burst`) and
need not wait for the focus to move. `wait_focus` (the terminal cursor sits
on the field's row) remains for checking where the caret is. One limit is
the terminal's, not prep's: Escape followed at once by another key reads as
alt+that key, so a burst ends at an Escape.

prep runs under `sh -c "env -i ... prep ARGS; printf '[prep exited with
status N]'"`: `env -i` gives it a clean, known environment, and the shell
prints its exit status on the screen when it ends. (tmux's own
`#{pane_dead_status}` is sometimes never filled in on some machines, so it
is not relied on.) `remain-on-exit` keeps the dead pane readable.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# The console script installed next to this interpreter: the real command a
# person runs, not `python -m prep`.
PREP = Path(sys.executable).parent / "prep"
WIDTH, HEIGHT = 120, 36
TIMEOUT = 15.0
POLL = 0.05
KEY_NAMES = {
    "Tab",
    "BTab",
    "Enter",
    "Escape",
    "Space",
    "BSpace",
    "Up",
    "Down",
    "Left",
    "Right",
    "Home",
    "End",
    "PageUp",
    "PageDown",
}
# What the pane's shell prints once prep has exited: "[prep exited with status 0]".
EXIT_MARK = "[prep exited with status"


def _tmux_env(home: Path) -> dict[str, str]:
    """A small, known environment for the tmux client and server."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        # tmux writes captured UTF-8 (box drawing, “quotes”) only to a
        # client it believes can show it.
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    for name in ("TMUX_TMPDIR",):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def _app_env(home: Path) -> list[str]:
    """NAME=value words for `env -i`: the only environment prep sees."""
    words = [
        f"HOME={home}",
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "TERM=xterm-256color",
        "LANG=C.UTF-8",
        "LC_ALL=C.UTF-8",
        # A prep that will not end is sent SIGABRT (see `wait_exit`): this
        # prints every thread's stack into the pane first.
        "PYTHONFAULTHANDLER=1",
    ]
    # Same zone as the test process, so "tomorrow" means the same day to both.
    if "TZ" in os.environ:
        words.append(f"TZ={os.environ['TZ']}")
    return words


class Pasted:
    """Text for `Terminal.burst` to paste rather than type."""

    def __init__(self, text: str) -> None:
        self.text = text


class Terminal:
    """One private tmux server; `start` opens prep in a new session on it."""

    def __init__(self, workdir: Path) -> None:
        self.socket = f"prep-e2e-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.home = workdir / "home"
        self.home.mkdir()
        self.config = workdir / "tmux.conf"
        # remain-on-exit: a pane whose process ends stays, so its last words
        # and exit status can still be read (prep refusing a file exits at
        # once). Our own config also keeps the developer's ~/.tmux.conf out.
        self.config.write_text(
            "set -g remain-on-exit on\nset -g default-shell /bin/sh\nset -g history-limit 2000\n"
        )
        self.env = _tmux_env(self.home)
        self.target = ""
        self._started = False

    # -- tmux plumbing ---------------------------------------------------------

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=self.env,
            stdin=subprocess.DEVNULL,
            timeout=30,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def start(
        self,
        *prep_args: str | Path,
        session: str = "prep",
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (WIDTH, HEIGHT),
    ) -> None:
        """Run `prep *prep_args` in a new session named `session`, 120x36
        unless `size` says otherwise, with `env` added to its clean environment.

        The pane's shell runs prep as its child, then prints prep's exit
        status (see `wait_exit`).
        """
        extra = [f"{name}={value}" for name, value in (env or {}).items()]
        command = shlex.join(
            ["env", "-i", *_app_env(self.home), *extra, str(PREP), *map(str, prep_args)]
        )
        command += f"; printf '\\n{EXIT_MARK} %s]\\n' $?"
        self.tmux(
            "new-session", "-d", "-x", str(size[0]), "-y", str(size[1]), "-s", session, command
        )
        self._started = True
        self.target = f"{session}:0.0"

    def use(self, session: str) -> None:
        """Send keys to, and read, the session called `session` from now on."""
        self.target = f"{session}:0.0"

    def kill_server(self) -> None:
        """Stop the server and its panes, and remove its socket file
        (tmux leaves it behind)."""
        if not self._started:
            return
        socket_path = self.tmux("display-message", "-p", "#{socket_path}", check=False).strip()
        self.tmux("kill-server", check=False)
        if socket_path:
            Path(socket_path).unlink(missing_ok=True)

    def display(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self.target, fmt).strip()

    # -- reading the screen ------------------------------------------------------

    def screen(self, *, history: bool = False) -> str:
        """The visible screen as text.

        With `history`, also the lines scrolled off the top, and lines the
        terminal wrapped joined back into one: for plain output printed by
        prep rather than the app's screen. (tmux can push a pane's first line
        into history while it settles the new pane's size.)
        """
        args = ["capture-pane", "-p", "-t", self.target]
        if history:
            args += ["-J", "-S", "-"]
        return self.tmux(*args)

    def wait_until(self, check: Callable[[str], bool], what: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"Timed out after {timeout}s waiting for {what}. Screen:\n{screen}")
            time.sleep(POLL)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        """Poll the screen until `text` is on it; returns that screen."""
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_field(self, label: str, value: str, timeout: float = TIMEOUT) -> str:
        """Wait until the form field called `label` shows `value` right after
        its label (a placeholder starts further right, or says something else)."""
        pattern = re.compile(rf"^\s*{re.escape(label)}\s+{re.escape(value)}(\s\s|\s*$)", re.M)
        return self.wait_until(
            lambda screen: pattern.search(screen) is not None, f"{label} = {value!r}", timeout
        )

    def cursor(self) -> tuple[int, int]:
        x, y = self.display("#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def wait_focus(self, label: str, timeout: float = TIMEOUT) -> None:
        """Wait until the terminal cursor is on the row of the field called `label`.

        Textual puts the terminal cursor at the focused input's caret, so this
        is where typed text will go.
        """
        pattern = re.compile(rf"^\s*{re.escape(label)}\b")
        deadline = time.monotonic() + timeout
        while True:
            lines = self.screen().splitlines()
            rows = [i for i, line in enumerate(lines) if pattern.match(line)]
            _, y = self.cursor()
            if y in rows:
                return
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Timed out waiting for focus on {label!r} (cursor row {y}, "
                    f"field rows {rows}). Screen:\n" + "\n".join(lines)
                )
            time.sleep(POLL)

    # -- the process in the pane -----------------------------------------------------

    def prep_pid(self, timeout: float = TIMEOUT) -> int:
        """The pid of prep itself: the only child of the pane's shell."""
        shell = int(self.display("#{pane_pid}"))
        deadline = time.monotonic() + timeout
        while True:
            pids = children(shell)
            if len(pids) == 1:
                return pids[0]
            if time.monotonic() > deadline:
                pytest.fail(f"the pane's shell {shell} has children {pids}, not one prep")
            time.sleep(POLL)

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait for prep to end; returns its exit status as the shell saw it
        (128 + N for a process killed by signal N)."""
        pattern = re.compile(rf"{re.escape(EXIT_MARK)} (\d+)\]")
        try:
            screen = self.wait_until(
                lambda s: pattern.search(s) is not None, "prep to exit", timeout
            )
        except pytest.fail.Exception:
            self._show_where_it_waits()
            raise
        return int(pattern.search(screen)[1])

    def _show_where_it_waits(self) -> None:
        """Print the stack of every thread of a prep that did not end (a
        rare hang after ctrl+q, seen in CI: the screen closed, the process
        lived on), for the failure report."""
        for pid in children(int(self.display("#{pane_pid}"))):
            os.kill(pid, signal.SIGABRT)
        time.sleep(2)
        print("prep did not end; its threads when aborted:")
        print(self.screen(history=True))

    # -- typing ----------------------------------------------------------------

    def send(self, *keys: str, literal: bool = False) -> None:
        """Press named keys (Tab, Enter, Escape, C-s, C-q, n) or, with
        `literal`, type each argument as text."""
        if literal:
            for text in keys:
                self.tmux("send-keys", "-t", self.target, "-l", text)
        else:
            self.tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        self.send(text, literal=True)

    def burst(self, *keys: str | Pasted) -> None:
        """Send all of `keys` in one tmux command, with no pause between them,
        as a fast typist, a paste or a text expander would. Each is a key
        name (`KEY_NAMES`, or C-x for a control key), `Pasted` text (a
        bracketed paste, as a terminal sends one) or else text, typed as is."""
        args: list[str] = []
        for key in keys:
            if args:
                args.append(";")
            if isinstance(key, Pasted):
                args += [
                    "set-buffer",
                    "--",
                    key.text,
                    ";",
                    "paste-buffer",
                    "-p",
                    "-d",
                    "-t",
                    self.target,
                ]
            elif key in KEY_NAMES or re.fullmatch(r"C-.", key):
                args += ["send-keys", "-t", self.target, key]
            else:
                args += ["send-keys", "-t", self.target, "-l", key]
        self.tmux(*args)


def cursor_on(terminal: Terminal, label: str, timeout: float) -> bool:
    """Whether the terminal cursor comes to rest on the row showing the field
    `label` within `timeout` seconds.

    Like `Terminal.wait_focus`, but the checklist's step list sits to the
    left of its fields, so the label is not at the start of the line.
    """
    pattern = re.compile(rf"│\s+{re.escape(label)}\s|^\s+{re.escape(label)}\s")
    deadline = time.monotonic() + timeout
    while True:
        lines = terminal.screen().splitlines()
        rows = [i for i, line in enumerate(lines) if pattern.search(line)]
        _, y = terminal.cursor()
        if y in rows:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def tab_to(terminal: Terminal, label: str, attempts: int = 3) -> None:
    """Press Tab until the cursor is on `label` (the field after the first one).

    The checklist moves focus to its first field only after its first
    paint, so a Tab sent as soon as the screen shows can be overtaken by
    that move and lost. Each retry waits long enough that the earlier Tab
    has certainly been handled, so a retry never skips past the field.
    """
    for _ in range(attempts):
        terminal.send("Tab")
        if cursor_on(terminal, label, timeout=1.5):
            return
    pytest.fail(f"Tab never reached {label!r}. Screen:\n{terminal.screen()}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.kill_server()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "prep.db"


def prep_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed command outside tmux (for seeding a database)."""
    return subprocess.run(
        [str(PREP), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the file with plain sqlite3: what is really on disk.

    mode=rw: a missing file is an error here, not a new empty database.
    """
    conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def children(pid: int) -> list[int]:
    """The pids of a process's children."""
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    if listing.exists():
        return [int(child) for child in listing.read_text().split()]
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(child) for child in found.stdout.split()]


def command_line(pid: int) -> str:
    """The command a process runs, as `ps` shows it."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        return cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
    found = subprocess.run(["ps", "-o", "args=", "-p", str(pid)], capture_output=True, text=True)
    return found.stdout
