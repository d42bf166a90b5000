#!/usr/bin/env python3
"""One entry point for working on prep. Needs only Python 3.11+.

    python3 dev.py app [ARGS]      set up .venv if needed, then run `prep ARGS`
    python3 dev.py test [ARGS]     set up .venv if needed, then run the whole test suite
                                   (in parallel; with ARGS, just `pytest ARGS`)
    python3 dev.py dates           the date-sensitive tests again at three hard dates
                                   (libfaketime: `apt-get install faketime`)
    python3 dev.py reliability     the reliability soaks in tests/reliability (kills while
                                   typing, racing writers, a full disk, damaged files)
    python3 dev.py screenshots     regenerate screenshots/*.svg from the demo data
    python3 dev.py bench           run the benchmarks in benchmarks/
    python3 dev.py check           lint, format check and type check (ruff, mypy)
    python3 dev.py lock            move constraints.txt (the versions tests run with) to
                                   the newest releases pyproject.toml allows

The virtual environment is rebuilt only when pyproject.toml changes, so the
second run of any command starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".prep-installed"


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on any python3 to say so
        sys.exit(f"prep needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    command, *rest = sys.argv[1:] or ["app"]
    if command in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    # Each command is a program to run, or a function of this file.
    programs: dict[str, list[str | Path]] = {
        "app": [BIN / "prep", *rest],
        "test": [BIN / "python", "-m", "pytest", *(rest or PARALLEL)],
        "reliability": [
            BIN / "python",
            "-m",
            "pytest",
            "--reliability",
            "-p",
            "no:cacheprovider",
            "-rA",
            "-s",
            *(rest or ["tests/reliability"]),
        ],
        "screenshots": [BIN / "python", "-m", "prep.tui.screenshots", *rest],
        "bench": [BIN / "python", str(ROOT / "benchmarks" / "run.py"), *rest],
    }
    functions = {"dates": run_at_hard_dates, "check": check}
    if command == "lock":  # in a scratch environment, not .venv
        return lock()
    if command not in programs and command not in functions:
        print(__doc__, file=sys.stderr)
        return 2
    # Python may write its compiled bytecode, whatever the environment says:
    # the tests start `prep` about 200 times (the CLI tests, tmux), and
    # with PYTHONDONTWRITEBYTECODE set, as on this machine, each start
    # compiled every prep module again from source. The suite took 174 s and
    # 268 s of CPU so, 143 s and 205 s with the cache (2 cores, 2026-12-01).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    ensure_venv()
    if command in functions:
        return functions[command](rest)
    argv = [str(part) for part in programs[command]]
    if command == "app":
        os.execv(argv[0], argv)  # hand the terminal straight to the app
    return subprocess.call(argv, cwd=ROOT)


# The whole suite in parallel: two workers per core, since the interface
# tests spend much of their time waiting (Pilot sleeps until the app is
# idle, saves wait out their debounce). On this 2-core machine, idle,
# 2026-12-01, with bytecode cached: 4 workers took 132 s and 3 workers 149 s
# for the same 215 s of CPU. (3 were better while every `prep` the tests
# start compiled its modules afresh and the suite was CPU-bound.) The tmux
# tests share one worker ("tmux" group): each drives a real terminal against
# a timeout, so they are kept from competing with each other.
PARALLEL = ["-n", str(2 * (os.cpu_count() or 1)), "--dist", "loadgroup"]

# The tests whose answers depend on the calendar: they run a second time
# with the machine's clock moved to each date below (libfaketime), so the
# suite is shown to pass on any date, not only on the day it was written.
DATE_SENSITIVE_TESTS = [
    "tests/tui/test_snapshots.py",
    "tests/tui/test_review.py",
    "tests/tui/test_agenda.py",
    "tests/domain/test_brief.py",
    "tests/domain/test_when.py",
    "tests/domain/test_weeks.py",
    "tests/domain/test_review_stats.py",
    "tests/domain/test_review_report.py",
    "tests/store/test_review.py",
    "tests/test_cli.py",
    "tests/test_cli_brief.py",
    "tests/test_cli_debrief.py",
    "tests/test_cli_review.py",
    "tests/test_architecture.py",
    "tests/test_cli_due.py",
    "tests/store/test_due.py",
    "tests/test_cli_inputs.py",
    "tests/tui/test_undo.py",
]
HARD_DATES = {
    # Europe/London's clocks go forward at 01:00 on Sunday 28 March 2027: that
    # day has 23 hours, its week 167, and "tomorrow at 9" is 23 hours away.
    "2027-03-28 00:30:00": "Europe/London",
    # Thursday 31 December 2026 is in ISO week 53 (2026 has 53 weeks), half an
    # hour before the year changes: "next week" is 2027-W01, "this week" runs
    # into January, and a year-end date must not wrap to week 1 of 2026.
    "2026-12-31 23:30:00": "Europe/London",
    # Tuesday 29 February 2028 exists only in leap years: "in a year" and
    # "the same day next year" cannot be 29 February.
    "2028-02-29 12:00:00": "Europe/London",
}


def run_at_hard_dates(args: list[str]) -> int:
    import shutil

    faketime = shutil.which("faketime")
    if faketime is None:
        print("dev.py dates needs libfaketime: apt-get install faketime", file=sys.stderr)
        return 2
    failed = []
    for moment, zone in HARD_DATES.items():
        print(f"\n== the date-sensitive tests with the clock at {moment} {zone} ==", flush=True)
        env = {**os.environ, "TZ": zone}
        # "@" starts the clock at `moment` and lets it run, so sleeps and timers
        # keep working. (FAKETIME_DONT_FAKE_MONOTONIC broke time.sleep: EINVAL.)
        code = subprocess.call(
            [
                faketime,
                "-f",
                f"@{moment}",
                str(BIN / "python"),
                "-m",
                "pytest",
                "-q",
                *PARALLEL,
                *(args or DATE_SENSITIVE_TESTS),
            ],
            cwd=ROOT,
            env=env,
        )
        if code:
            failed.append(moment)
    for moment in failed:
        print(f"The date-sensitive tests failed with the clock at {moment}.", flush=True)
    print(f"dates: {len(HARD_DATES) - len(failed)} passed, {len(failed)} failed", flush=True)
    return 1 if failed else 0


# Each runs over the whole repository; `dev.py check --fix` lets ruff mend
# what it can (import order, formatting) first.
CHECKS = {
    "ruff check": ["ruff", "check", "."],
    "ruff format": ["ruff", "format", "--check", "."],
    "mypy": ["mypy"],
}


def check(args: list[str]) -> int:
    if "--fix" in args:
        subprocess.call([str(BIN / "ruff"), "check", "--fix", "--quiet", "."], cwd=ROOT)
        subprocess.call([str(BIN / "ruff"), "format", "--quiet", "."], cwd=ROOT)
    failed = []
    for name, (tool, *tool_args) in CHECKS.items():
        print(f"== {name} ==", flush=True)
        if subprocess.call([str(BIN / tool), *tool_args], cwd=ROOT):
            failed.append(name)
    print(f"check: {len(CHECKS) - len(failed)} clean, failed: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


# The exact versions the suite last passed with. `dev.py test` installs
# these, so every machine (and CI) tests the same code; `dev.py lock`
# moves them to the newest releases pyproject.toml allows.
CONSTRAINTS = ROOT / "constraints.txt"


def ensure_venv() -> None:
    recipe = (ROOT / "pyproject.toml").read_bytes() + CONSTRAINTS.read_bytes()
    wanted = hashlib.sha256(recipe).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and (BIN / "prep").exists():
        return
    if not (BIN / "python").exists():
        print("Creating .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing prep and its test tools into .venv ...", file=sys.stderr)
    subprocess.run(
        [*_pip(BIN), "--constraint", str(CONSTRAINTS), "--editable", f"{ROOT}[test]"], check=True
    )
    STAMP.write_text(wanted)


def _pip(bin_folder: Path) -> list[str]:
    return [
        str(bin_folder / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]


def lock() -> int:
    """Resolve the newest versions pyproject.toml allows, in a scratch
    environment, and record them in constraints.txt. Then run the tests."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        venv.EnvBuilder(with_pip=True).create(folder)
        scratch_bin = folder / ("Scripts" if os.name == "nt" else "bin")
        subprocess.run([*_pip(scratch_bin), f"{ROOT}[test]"], check=True)
        frozen = subprocess.run(
            [str(scratch_bin / "python"), "-m", "pip", "freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pins = sorted(
        (line for line in frozen.splitlines() if line and not line.lower().startswith("prep")),
        key=str.lower,
    )
    CONSTRAINTS.write_text(
        "# The versions `python3 dev.py test` installs; refresh with"
        " `python3 dev.py lock`.\n" + "\n".join(pins) + "\n"
    )
    print(f"Wrote {len(pins)} pins to {CONSTRAINTS.name}; now run python3 dev.py test.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
