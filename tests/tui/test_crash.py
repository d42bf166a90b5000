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
    result = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                            timeout=60, stdin=subprocess.DEVNULL)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "something went wrong and prep had to close" in result.stderr
    [log] = list(tmp_path.glob("prep-crash-*.log"))
    assert "RuntimeError: a bug with a private note in it" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
