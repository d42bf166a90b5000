"""`prep add --notes -`: the notes read from standard input, as a real process."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import query


def add_with_stdin(env, db, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "prep",
            "add",
            "Q4 review",
            "--with",
            "Dana",
            "--at",
            "tomorrow 3pm",
            "--notes",
            "-",
            "--db",
            str(db),
        ],
        input=data,
        capture_output=True,
        env=env,
        timeout=60,
    )


def test_notes_dash_reads_several_lines_from_standard_input(env, db):
    notes = "Bring the pilot numbers.\n\n- budget: “signed off?”\n- phase two"
    result = add_with_stdin(env, db, (notes + "\n").encode())
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT notes FROM meetings") == [(notes,)]


def test_empty_standard_input_is_no_notes(env, db):
    assert add_with_stdin(env, db, b"").returncode == 0
    assert query(db, "SELECT notes FROM meetings") == [("",)]


def test_input_that_is_not_utf8_is_a_usage_error_and_adds_nothing(env, db):
    result = add_with_stdin(env, db, b"caf\xe9\n")
    assert result.returncode == 2
    assert (
        result.stderr.decode().splitlines()[-1]
        == "prep add: error: --notes -: standard input is not UTF-8 text"
    )
    assert not db.exists()
