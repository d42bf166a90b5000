"""A bug in the app shows one line, not a traceback, and keeps the details privately."""

from __future__ import annotations

import stat
import subprocess
import sys
import textwrap


def test_a_crash_prints_one_line_and_writes_a_private_log(tmp_path):
    db = tmp_path / "prep.db"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from prep.store import open_store
        from prep.tui.app import PrepApp

        class Broken(PrepApp):
            CSS_PATH = None  # the stylesheet path is relative to the class's file

            def on_mount(self):
                raise RuntimeError("a bug with a private note in it")

        store = open_store(Path({str(db)!r}))
        Broken(store).run(headless=True)
        store.close()
    """)
    program = tmp_path / "broken.py"
    program.write_text(script)
    result = subprocess.run(
        [sys.executable, str(program)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "something went wrong and prep had to close" in result.stderr
    [log] = list(tmp_path.glob("prep-crash-*.log"))
    assert "RuntimeError: a bug with a private note in it" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_crash_in_the_app_makes_prep_exit_non_zero(tmp_path):
    """`prep` in a real terminal (a pty): the app breaks, and the shell, a
    script or `prep && ...` learns of it from the exit status."""
    import os
    import pty

    db = tmp_path / "prep.db"
    script = textwrap.dedent(f"""
        import sys
        from prep.cli import main
        from prep.tui.app import PrepApp

        def broken(self):
            raise RuntimeError("a bug")

        PrepApp.on_mount = broken
        sys.exit(main(["--db", {str(db)!r}]))
    """)
    program = tmp_path / "broken_cli.py"
    program.write_text(script)
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of its own, as `prep` has when typed
        os.execv(sys.executable, [sys.executable, str(program)])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    text = output.decode("utf-8", errors="replace")
    print(f"exit status {os.waitstatus_to_exitcode(status)}, {len(output)} bytes of output")
    assert os.waitstatus_to_exitcode(status) == 1
    assert "Traceback" not in text
    assert "something went wrong and prep had to close" in text
