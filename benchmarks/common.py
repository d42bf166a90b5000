"""Shared helpers: statistics, result rows, the databases every benchmark uses."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

VENV_BIN = Path(sys.executable).parent
PYTHON = str(Path(sys.executable))
PREP = str(VENV_BIN / "prep")
SIZE = (120, 36)  # columns, rows


# The database the app benchmarks open: 5,000 meetings over 5 years (about 20 a
# week), ending today so the agenda has past and upcoming meetings.
def app_params() -> generate.Params:
    return generate.Params(meetings=5000, years=5, anchor=date.today().isoformat())


def app_db_copy() -> Path:
    """A private copy of the app database in a temporary folder removed at exit."""
    source = generate.ensure(app_params(), prune=True)
    folder = Path(tempfile.mkdtemp(prefix="prep-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / "prep.db"
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    return target


# -- statistics --------------------------------------------------------------------


@dataclass
class Stat:
    """A sample's median and spread (interquartile range, and extremes)."""

    median: float
    p25: float
    p75: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, values: list[float]) -> Stat:
        ordered = sorted(values)
        if len(ordered) >= 4:
            q = statistics.quantiles(ordered, n=4, method="inclusive")
            p25, p75 = q[0], q[2]
        else:
            p25, p75 = ordered[0], ordered[-1]
        return cls(statistics.median(ordered), p25, p75, ordered[0], ordered[-1], len(ordered))

    def show(self, unit: str = "ms", scale: float = 1000.0, digits: int | None = None) -> str:
        m, a, b = self.median * scale, self.p25 * scale, self.p75 * scale
        if digits is None:
            digits = 0 if m >= 100 else 1 if m >= 10 else 2 if m >= 1 else 3
        return f"{m:.{digits}f} {unit} [{a:.{digits}f}–{b:.{digits}f}]"


@dataclass
class Row:
    """One line of the results table."""

    benchmark: str
    prep: str
    baseline: str
    ratio: float | None
    target: str
    met: bool | None
    details: list[str] = field(default_factory=list)


def ratio_row(
    name: str,
    prep: Stat,
    base: Stat,
    limit: float,
    *,
    unit: str = "ms",
    scale: float = 1000.0,
    details: list[str] | None = None,
) -> Row:
    ratio = prep.median / base.median if base.median else float("inf")
    return Row(
        name,
        prep.show(unit, scale),
        base.show(unit, scale),
        ratio,
        f"≤ {limit:g}",
        ratio <= limit,
        details or [],
    )


def emit(rows: list[Row], as_json: bool) -> None:
    """Print rows: JSON for run.py, or a readable list when a module runs alone."""
    if as_json:
        print("@@RESULT@@" + json.dumps([asdict(r) for r in rows]))
        return
    for r in rows:
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}"
        met = "—" if r.met is None else ("yes" if r.met else "NO")
        print(
            f"{r.benchmark}: prep {r.prep} | baseline {r.baseline} | ratio {ratio} "
            f"| target {r.target} | met {met}"
        )
        for line in r.details:
            print(f"    {line}")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
