"""`prep` and `prep --db PATH` open the app without building the argument
parser (8 ms of every start); everything else still goes through argparse."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("form", ["--db PATH", "--db=PATH", "PREP_DB"])
def test_each_way_to_open_the_app_reaches_it(run, db, form):
    if form == "PREP_DB":
        result = run(extra_env={"PREP_DB": str(db)})
    else:
        result = run(*form.replace("PATH", str(db)).split())
    print(form, "->", result.returncode, result.stderr.strip())
    assert result.returncode == 1
    assert "the app needs a terminal" in result.stderr  # past the arguments, at the app
    assert not db.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--db"], "expected one argument"),
        (["--db", "-x.db"], "expected one argument"),
        (["--bd", "x.db"], "invalid choice"),
    ],
)
def test_other_arguments_are_still_argparses_to_explain(run, args, says):
    result = run(*args)
    print(args, "->", result.returncode, result.stderr.strip().splitlines()[-1])
    assert result.returncode == 2
    assert says in result.stderr and "usage: prep" in result.stderr


def test_version_and_a_command_after_db_still_work(run, db):
    assert run("--db", db, "--version").stdout.startswith("prep ")
    listing = run("--db", db, "list")
    assert listing.returncode == 0, listing.stderr


def test_the_garbage_collector_runs_again_when_the_app_cannot_start(env, db):
    """`prep` pauses the collector for the app's start-up; a caller of main()
    whose app never starts (here: no terminal) must not be left without it."""
    import subprocess
    import sys

    code = (
        "import gc\nfrom prep.cli import main\n"
        f"code = main(['--db', {str(db)!r}])\n"
        "print(code, gc.isenabled())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    print(result.stdout.strip(), result.stderr.strip())
    assert result.stdout.split() == ["1", "True"]
