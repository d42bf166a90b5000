"""`prep due` and `prep list --json`: answers for scripts, shell prompts and cron.

`prep due` exits 1 when something is due and 0 when nothing is, so a prompt
can show a mark without parsing the text. It imports neither Textual nor
sqlite-utils (benchmarks/bench_cli.py checks).
"""

from __future__ import annotations

import argparse
import json
import sys

from prep.commands import EXIT_FAILED, EXIT_OK

EXIT_DUE = 1


def run_due(store, args: argparse.Namespace) -> int:
    from prep.domain.due import due_json, render_due
    from prep.store import StoreError
    from prep.store.due import read_due

    now = store.clock.now()
    try:
        report = read_due(store, now)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(due_json(report), ensure_ascii=False, indent=1))
    elif not args.quiet:
        from prep.domain.models import clean_block

        # Titles and names another program stored cannot reach the terminal
        # as escape sequences.
        sys.stdout.write(clean_block(render_due(report, now)))
    return EXIT_DUE if report.anything else EXIT_OK


def print_list_json(rows) -> int:
    """`prep list --json`: one array of meetings, each with the group it is listed under."""
    from prep.domain.listing import meeting_json

    print(
        json.dumps(
            [meeting_json(m, heading or None) for heading, m in rows], ensure_ascii=False, indent=1
        )
    )
    return EXIT_OK
