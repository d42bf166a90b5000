"""`prep import PATH...`: meetings from .ics calendar files, standard input, or
a vdirsyncer folder. Safe to run again: events are linked by UID.

icalendar and recurring-ical-events are imported only here (through
prep.domain.calendar_events), so `prep` and `prep list` start as fast as before.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time, timedelta, tzinfo

from prep.commands import EXIT_FAILED, EXIT_OK, usage_error


def add_import_parser(
    commands: argparse._SubParsersAction, db_option: argparse.ArgumentParser
) -> None:
    """`prep import`'s arguments (called by prep.cli.build_parser)."""
    parser = commands.add_parser(
        "import",
        parents=[db_option],
        help="add meetings from .ics calendar files (safe to re-run)",
        description="Add and update meetings from calendar files: an .ics file, - for "
        "standard input, or a folder of .ics files (as vdirsyncer keeps them). Events are "
        "linked by UID, so importing again moves changed meetings, marks cancelled or "
        "vanished ones cancelled, and never touches checklists, debriefs or notes. "
        "All-day and free events are skipped.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".ics file, folder, or -")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would change, and write nothing"
    )
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help="first day to import (default 14 days ago)"
    )
    parser.add_argument(
        "--to", dest="end", metavar="DATE", help="last day to import (default 60 days ahead)"
    )
    parser.add_argument(
        "--me",
        action="append",
        metavar="EMAIL",
        help="your address, so you are never the person a meeting is with "
        "(default: the email in your settings; may be given more than once)",
    )
    parser.set_defaults(subparser=parser)


def check_import_arguments(args: argparse.Namespace, now: datetime) -> None:
    """Read --from and --to before the database opens, or exit 2 naming the one at fault."""
    from prep.domain.calendar_events import default_window

    start, end = default_window(now)
    if args.start:
        start = _midnight(_day_of(args, "--from", args.start, now), now.tzinfo)
    if args.end:
        end = _midnight(_day_of(args, "--to", args.end, now) + timedelta(days=1), now.tzinfo)
    if end <= start:
        usage_error(args, "--to: give a day on or after --from")
    args.window = (start, end)


def _day_of(args: argparse.Namespace, name: str, text: str, now: datetime) -> date:
    from prep.domain.when import WhenError, parse_when

    try:
        return parse_when(text, now, args.settings.dates).date()
    except WhenError as error:
        usage_error(args, f"{name}: {error}")


def _midnight(day: date, zone: tzinfo | None) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=zone)


def run_import(store, args: argparse.Namespace) -> int:
    from prep.domain.calendar_events import window_text
    from prep.domain.calendar_summary import summary_lines
    from prep.store.calendar_import import import_paths

    start, end = args.window
    results = import_paths(
        store,
        args.paths,
        start=start,
        end=end,
        me=frozenset(args.me) if args.me else args.settings.my_addresses,
        default_minutes=args.settings.meeting_length,
        dry_run=args.dry_run,
        read_stdin=sys.stdin.buffer.read,
    )
    last_day = (end - timedelta(microseconds=1)).date()  # the window ends before `end`
    for line in summary_lines(results, args.dry_run, window_text(start.date(), last_day)):
        print(line)
    return EXIT_FAILED if any(r.summary is None for r in results) else EXIT_OK
