"""Flip bytes in a real database: prep refuses it or reports it, never a traceback,
and never writes to the damaged file.

Each seed copies a database filled by `prep demo`, flips a few bytes at
seeded offsets (every fourth seed inside page 1, where the header and the
schema live), then runs `prep list`, `prep brief 1` and `prep review` as
the person would, and opens it in-process with the background integrity
check. Counted: seeds refused at opening, caught by the integrity check,
and harmless (the flips hit free space or changed a value SQLite accepts).
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from prep.store import StoreError, StoreOpenError, open_store

PAGE = 4096
COMMANDS = (["list"], ["brief", "1"], ["review"], ["due"], ["search", "pilot"], ["export"])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("pristine") / "demo.db"
    result = _prep(path, "demo")
    assert result.returncode == 0, result.stderr
    assert not Path(f"{path}-wal").exists()  # checkpointed on close: one file holds it all
    return path.read_bytes()


def _prep(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONFAULTHANDLER": ""}
    return subprocess.run(
        [sys.executable, "-m", "prep", "--db", str(path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def _flipped(pristine: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    data = bytearray(pristine)
    span = PAGE if seed % 4 == 0 else len(data)
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(span)] ^= rng.randint(1, 255)
    return bytes(data)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _in_process_verdict(path: Path) -> str:
    """refused / caught / harmless, checking that a damaged file is never written."""
    try:
        store = open_store(path)
    except StoreOpenError as error:
        assert "\n" not in str(error)
        return "refused"
    try:
        if store.integrity_problem() is None:
            return "harmless"
        with pytest.raises(StoreError, match="damaged"):
            store.add_counterpart("Written to a damaged file")
        return "caught"
    finally:
        store.close()


def test_flipped_bytes_are_refused_or_reported_and_never_written(tmp_path, pristine, runs):
    seeds = 4 * runs  # 40 in CI; RELIABILITY_RUNS=100 tries 400
    outcomes: Counter[str] = Counter()
    exits: Counter[str] = Counter()
    problems = []
    for seed in range(seeds):
        path = tmp_path / f"seed-{seed}.db"
        path.write_bytes(_flipped(pristine, seed))
        before = _digest(path)
        for command in COMMANDS:
            result = _prep(path, *command)
            lines = result.stderr.strip().splitlines()
            exits[f"{command[0]} exit {result.returncode}"] += 1
            one_line = len(lines) == 1 and lines[0].startswith("prep: ")
            # `prep due` and `prep search` also exit 1 with nothing on stderr
            # ("something is due", "nothing matched"); a failure says one line.
            if (
                "Traceback" in result.stderr
                or result.returncode not in (0, 1)
                or (result.stderr.strip() and not one_line)
            ):
                problems.append(
                    f"seed {seed} `prep {' '.join(command)}` exit "
                    f"{result.returncode}: {result.stderr[-600:]}"
                )
            if _digest(path) != before:
                problems.append(f"seed {seed} `prep {' '.join(command)}` changed the file")
        try:
            outcomes[_in_process_verdict(path)] += 1
        except Exception as error:
            problems.append(f"seed {seed} in-process: {error!r}")
        if _digest(path) != before:
            problems.append(f"seed {seed}: opening in-process changed the file")
    print(
        f"\n{seeds} seeds: {outcomes['refused']} refused at opening, "
        f"{outcomes['caught']} caught by the integrity check, "
        f"{outcomes['harmless']} harmless; commands: "
        + ", ".join(f"{key} x{count}" for key, count in sorted(exits.items()))
        + f"; {len(problems)} problems"
    )
    assert problems == [], "\n".join(problems)
    assert outcomes["refused"] + outcomes["caught"] > 0
