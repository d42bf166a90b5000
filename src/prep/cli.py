"""The `prep` command: the app with no arguments, quick capture and lists without it.

Textual is imported only when the app opens, so `prep add` and `prep list`
stay quick and work without a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from prep import __version__
from prep.domain.models import Rank, RelationshipKind, Setting

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: $PREP_DB, else prep.db in your data directory)",
    )
    parser = argparse.ArgumentParser(
        prog="prep",
        description="Prepare for meetings with clients, customers and bosses; "
        "debrief them; review the week. With no command, opens the app.",
        parents=[db_option],
    )
    parser.add_argument("--version", action="version", version=f"prep {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser(
        "add", parents=[db_option], help="add a meeting without opening the app",
        description="Add a meeting. A name not seen before creates that person.",
    )
    add.add_argument("title", help='what the meeting is about, e.g. "Q4 review"')
    add.add_argument("--with", dest="person", required=True, metavar="NAME",
                     help="who the meeting is with")
    add.add_argument("--at", dest="when", required=True, metavar="WHEN",
                     help='when: "tomorrow 3pm", "fri 10:30", "2026-11-24 15:00"')
    add.add_argument("--duration", default="30", metavar="LENGTH",
                     help="how long: 30, 45m, 1h30 (default 30 minutes)")
    add.add_argument("--setting", choices=[s.value for s in Setting], default="video")
    add.add_argument("--notes", default="", help="agenda notes")
    add.add_argument("--kind", choices=[k.value for k in RelationshipKind],
                     help="who they are to you (a new person defaults to client)")
    add.add_argument("--rank", choices=[r.value for r in Rank],
                     help="their rank relative to you (a new person defaults to senior)")
    add.set_defaults(subparser=add)

    listing = commands.add_parser(
        "list", parents=[db_option], help="print upcoming meetings and those needing a debrief"
    )
    listing.add_argument("--all", action="store_true", help="every meeting, past ones too")

    brief = commands.add_parser(
        "brief", parents=[db_option], help="print a meeting's one-page brief as Markdown",
        description="Print the brief for a meeting (its id is in `prep list`).",
    )
    brief.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    brief.add_argument("--out", metavar="FILE", help="write it to FILE (owner-only) instead")

    debrief = commands.add_parser(
        "debrief", parents=[db_option], help="print a meeting's debrief as Markdown",
        description="Print the debrief of a meeting beside its plan (ids are in `prep list`).",
    )
    debrief.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    debrief.add_argument("--print", action="store_true", dest="print_",
                         help="print it as Markdown (the default; for symmetry with the app)")
    debrief.add_argument("--out", metavar="FILE", help="write it to FILE (owner-only) instead")

    review = commands.add_parser(
        "review", parents=[db_option], help="print a weekly review as Markdown",
        description="Print the review of this week, or of the week given.",
    )
    review.add_argument("--week", metavar="YYYY-Www",
                        help="the ISO week, e.g. 2026-W47 (default: this week)")
    review.add_argument("--out", metavar="FILE", help="write it to FILE (owner-only) instead")
    review.set_defaults(subparser=review)

    demo = commands.add_parser(
        "demo", parents=[db_option], help="fill the database with example meetings to try the app"
    )
    demo.add_argument("--force", action="store_true",
                      help="add the examples even if the database already has meetings")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, so a closed pipe is caught below, not at exit
    except BrokenPipeError:
        # `prep list | head`: the reader stopped reading, which is no error
        # to report. As Python's docs advise, point stdout at devnull so the
        # interpreter's own final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    return code


def _main(argv: Sequence[str] | None) -> int:
    # Every file prep creates (database, exports) is readable by you alone.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    # Check everything that can be checked before the database is opened, so
    # a mistyped command never creates or changes a file.
    from prep.domain.clock import SystemClock

    clock = SystemClock()  # the one clock of this run: parsing, rows and output agree
    if args.command == "add":
        draft, reading = _draft_from(args, clock)
    elif args.command == "review":
        monday = _week_from(args, clock)
    elif args.command is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("prep: the app needs a terminal; try `prep list` or `prep --help`.",
              file=sys.stderr)
        return EXIT_FAILED
    from prep.store import StoreError, StoreOpenError, open_store, resolve_db_path
    from prep.store.errors import unreadable_value_error

    path, is_default = resolve_db_path(getattr(args, "db", None))
    try:
        store = open_store(path, clock=clock, create_folder=is_default)
    except StoreOpenError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.command == "add":
            return _add(store, draft, reading)
        if args.command == "list":
            return _list(store, args)
        if args.command == "brief":
            return _brief(store, args)
        if args.command == "debrief":
            return _debrief(store, args)
        if args.command == "review":
            return _review(store, monday, args.out)
        if args.command == "demo":
            return _demo(store, args)
        return _run_app(store)
    except StoreError as error:  # the file failed under us: a full disk, a lock, damage
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    except (ValueError, LookupError, TypeError) as error:  # saved data that no longer reads
        print(f"prep: {unreadable_value_error(store.path, error)}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        store.close()


def _run_app(store) -> int:
    from prep.tui.app import PrepApp

    PrepApp(store).run()
    return EXIT_OK


def _draft_from(args: argparse.Namespace, clock):
    """The meeting `prep add` describes and how its --at was read, or exit 2
    with `prep add`'s usage."""
    from prep.domain.models import MeetingDraft, ValidationError, validate_draft
    from prep.domain.when import WhenError, parse_duration, read_when

    now = clock.now()
    try:
        reading = read_when(args.when, now)
    except WhenError as error:
        args.subparser.error(f"--at: {error}")
    starts_at = reading.moment
    try:
        duration = parse_duration(args.duration)
    except WhenError as error:
        args.subparser.error(f"--duration: {error}")
    draft = MeetingDraft(
        title=args.title, counterpart_name=args.person, starts_at=starts_at,
        duration_minutes=duration, setting=Setting(args.setting), notes=args.notes,
        counterpart_kind=RelationshipKind(args.kind) if args.kind else None,
        counterpart_rank=Rank(args.rank) if args.rank else None,
    )
    try:
        return validate_draft(draft), reading
    except ValidationError as error:
        args.subparser.error(str(error))


def _add(store, draft, reading) -> int:
    from prep.domain.when import describe_reading
    from prep.store import StoreError

    try:
        meeting = store.add_meeting(draft)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    now = store.clock.now()
    print(f"Added meeting {meeting.id}: {meeting.title} with {meeting.counterpart.name}, "
          f"{describe_reading(reading, now)}.")
    return EXIT_OK


def _list(store, args: argparse.Namespace) -> int:
    from prep.domain.agenda import DEBRIEF_WINDOW, build_agenda
    from prep.domain.when import format_when, relative

    now = store.clock.now()
    if args.all:
        meetings = store.all_meetings()
        rows = [("", m) for m in meetings]
    else:
        groups = build_agenda(store.meetings_from(now - DEBRIEF_WINDOW), now)
        rows = [(group.title, m) for group in groups for m in group.meetings]
    if not rows:
        print("No meetings. Add one with: prep add \"Title\" --with NAME --at \"tomorrow 3pm\"")
        return EXIT_OK
    current = None
    for heading, meeting in rows:
        if heading and heading != current:
            print(f"\n{heading}" if current else heading)
            current = heading
        when = f"{format_when(meeting.starts_at, now)} ({relative(meeting.starts_at, now)})"
        print(f"  {meeting.id:>4}  {when:<32} {meeting.title}  ·  {meeting.counterpart.name}"
              f"  ·  {meeting.steps_done}/4 ready")
    return EXIT_OK


def _brief(store, args: argparse.Namespace) -> int:
    from prep.domain.brief import render_brief
    from prep.domain.carry_over import carry_over_from
    from prep.store import StoreError

    from prep.domain.debrief_rules import open_items

    try:
        meeting = store.meeting(args.meeting_id)
        checklist = store.checklists.get(meeting.id)
        previous = store.checklists.previous_for(meeting)
        unsaid, actions = store.debriefs.open_items_for(meeting.counterpart.id, before=meeting)
        debriefed = store.debriefs.get(previous.meeting_id) if previous else None
    except StoreError as error:
        print(f"prep: {error} See `prep list --all` for meeting ids.", file=sys.stderr)
        return EXIT_FAILED
    markdown = render_brief(meeting, checklist, carry_over_from(previous, debriefed),
                            store.clock.now(), open_items(unsaid, actions))
    return _emit(markdown, args.out, f"the brief for “{meeting.title}”")


def _debrief(store, args: argparse.Namespace) -> int:
    from prep.domain.debrief_report import render_debrief
    from prep.store import StoreError

    try:
        meeting = store.meeting(args.meeting_id)
        checklist = store.checklists.get(meeting.id)
        debrief = store.debriefs.get(meeting.id)
    except StoreError as error:
        print(f"prep: {error} See `prep list --all` for meeting ids.", file=sys.stderr)
        return EXIT_FAILED
    markdown = render_debrief(meeting, checklist, debrief, store.clock.now())
    return _emit(markdown, args.out, f"the debrief of “{meeting.title}”")


def _week_from(args: argparse.Namespace, clock):
    """The Monday of the week asked for (this week by default), or exit 2."""
    from prep.domain.weeks import parse_iso_week, week_start

    if not args.week:
        return week_start(clock.now().date())
    try:
        return parse_iso_week(args.week)
    except ValueError as error:
        args.subparser.error(f"--week: {error}")


def _review(store, monday, out: str | None) -> int:
    from prep.domain.review_report import render_review
    from prep.domain.weeks import iso_week_label
    from prep.store import StoreError

    now = store.clock.now()
    try:
        week, previous = store.review.with_last_week(monday, now.tzinfo, now)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    return _emit(render_review(week, previous, now), out,
                 f"the review of {iso_week_label(monday)}")


def _emit(markdown: str, out: str | None, what: str) -> int:
    """Print Markdown, or write it to an owner-only file."""
    if not out:
        sys.stdout.write(markdown)
        return EXIT_OK
    from prep.store.exports import write_private

    try:
        write_private(Path(out).expanduser(), markdown)
    except OSError as error:
        print(f"prep: cannot write {out}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Wrote {what} to {out}.")
    return EXIT_OK


def _demo(store, args: argparse.Namespace) -> int:
    from prep.demo import fill_demo

    if store.meeting_count() and not args.force:
        print(f"prep: {store.path} already has meetings; use --force to add the examples "
              "anyway, or --db to fill another file.", file=sys.stderr)
        return EXIT_FAILED
    count = fill_demo(store, store.clock.now())
    print(f"Added {count} example meetings to {store.path}.")
    return EXIT_OK
