"""Run prep's benchmarks and print one table: benchmark | prep | baseline | ratio | target | met?

    python3 dev.py bench                 # everything (about 4.5 minutes on 2 cores)
    python3 dev.py bench --quick         # fewer runs (about 1.2 minutes)
    python3 dev.py bench --only review startup

Each benchmark runs in its own process (benchmarks/bench_*.py, also runnable
alone) and compares prep with a baseline, alternating the two so that other
load on the machine hits both alike. Figures are medians with the interquartile
range in brackets. A full run also writes the table to benchmarks/results.md
(--write does so for a --quick or --only run too; --no-write never).
Generated databases are cached in benchmarks/.cache/ (see generate.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BENCHMARKS = {
    "review": "bench_review.py",
    "startup": "bench_startup.py",
    "keys": "bench_keys.py",
    "screens": "bench_screens.py",
    "cli": "bench_cli.py",
    "search": "bench_search.py",
}
HEADERS = ["benchmark", "prep", "baseline", "ratio", "target", "met?"]


def _cells(row: dict) -> list[str]:
    ratio = "—" if row["ratio"] is None else f"{row['ratio']:.2f}"
    met = "—" if row["met"] is None else ("yes" if row["met"] else "NO")
    return [row["benchmark"], row["prep"], row["baseline"], ratio, row["target"], met]


def text_table(rows: list[dict]) -> str:
    cells = [HEADERS] + [_cells(r) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADERS))]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[dict]) -> str:
    out = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + " |")
    return "\n".join(out)


def environment() -> str:
    from importlib.metadata import version

    import textual  # noqa: F401 - only for its version

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
        tree = f"source {head or '?'}" + (
            f" + {len(dirty)} uncommitted file(s) in src/" if dirty else ""
        )
    except OSError:
        tree = "source ?"
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} cores, load average {load} at the end; Python "
        f"{platform.python_version()}, Textual {version('textual')}, "
        f"prep {version('prep')} ({tree})"
    )


def run_one(name: str, quick: bool) -> list[dict]:
    argv = [sys.executable, str(HERE / BENCHMARKS[name]), "--json"] + (["--quick"] if quick else [])
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=HERE, stdout=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    for line in done.stdout.splitlines():
        if line.startswith("@@RESULT@@"):
            print(f"  {name}: {seconds:.0f} s", file=sys.stderr, flush=True)
            return json.loads(line[len("@@RESULT@@") :])
    sys.stderr.write(done.stdout[-2000:])
    return [
        {
            "benchmark": f"{name} (failed, exit {done.returncode})",
            "prep": "—",
            "baseline": "—",
            "ratio": None,
            "target": "—",
            "met": False,
            "details": [],
        }
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Run prep's benchmarks.",
        epilog=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a quick look")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=list(BENCHMARKS),
        metavar="NAME",
        help=f"run only these: {', '.join(BENCHMARKS)}",
    )
    parser.add_argument("--no-write", action="store_true", help="do not write results.md")
    parser.add_argument(
        "--write", action="store_true", help="write results.md even for a --quick or --only run"
    )
    args = parser.parse_args()
    names = args.only or list(BENCHMARKS)

    import generate
    from bench_review import params as review_params
    from common import app_params

    started = time.perf_counter()
    print("Preparing databases (cached in benchmarks/.cache/) ...", file=sys.stderr, flush=True)
    generate.ensure(app_params(), prune=True)
    for p in review_params():
        generate.ensure(p)
    print("Running: " + ", ".join(names), file=sys.stderr, flush=True)
    rows: list[dict] = []
    for name in names:
        rows += run_one(name, args.quick)
    elapsed = time.perf_counter() - started

    env = environment()
    print()
    print(text_table(rows))
    print()
    for row in rows:
        if row["details"]:
            print(f"{row['benchmark']}:")
            for line in row["details"]:
                print(f"    {line}")
    print(f"\n{env}; {elapsed:.0f} s{' (--quick)' if args.quick else ''}.")
    missed = [r["benchmark"] for r in rows if r["met"] is False]
    print(f"Targets missed: {len(missed)} of {sum(r['met'] is not None for r in rows)}.")

    # results.md keeps the last full run (the README quotes it), so a quick
    # look or a single benchmark does not replace it unless asked to.
    full_run = not args.quick and not args.only
    if args.write or (full_run and not args.no_write):
        md = [
            "# Benchmark results",
            "",
            f"`python3 dev.py bench{' --quick' if args.quick else ''}`"
            + (f" `--only {' '.join(names)}`" if args.only else "")
            + f" — {env}; "
            f"took {elapsed:.0f} s. Medians, with the interquartile range in brackets; "
            "see README.md for what each benchmark measures.",
            "",
            markdown_table(rows),
            "",
            "## Details",
            "",
        ]
        for row in rows:
            if row["details"]:
                md.append(f"**{row['benchmark']}**")
                md.append("")
                md += [
                    f"- {line.strip()}" if not line.startswith("  ") else f"  - {line.strip()}"
                    for line in row["details"]
                ]
                md.append("")
        (HERE / "results.md").write_text("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
