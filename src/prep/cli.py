"""The `prep` command: the app with no arguments, quick capture and lists without it.

Textual is imported only when the app opens, so `prep add` and `prep list`
stay quick and work without a terminal.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from prep import __version__
from prep.commands import usage_error
from prep.domain.models import (
    Rank,
    RelationshipKind,
    Setting,
    clean_block,
    clean_line,
    has_surrogates,
    unreadable_in,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# The arguments that hold text, by the name `--help` shows. Paths (--db,
# --out) are not among them: a file name may be any bytes, and Python
# hands them back to the system unchanged.
_TEXT_ARGUMENTS = {
    "title": "title",
    "person": "--with",
    "when": "--at",
    "duration": "--duration",
    "notes": "--notes",
    "week": "--week",
}


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
        "add",
        parents=[db_option],
        help="add a meeting without opening the app",
        description="Add a meeting. A name not seen before creates that person.",
    )
    add.add_argument("title", help='what the meeting is about, e.g. "Q4 review"')
    add.add_argument(
        "--with", dest="person", required=True, metavar="NAME", help="who the meeting is with"
    )
    add.add_argument(
        "--at",
        dest="when",
        required=True,
        metavar="WHEN",
        help='when: "tomorrow 3pm", "fri 10:30", "2026-11-24 15:00"',
    )
    add.add_argument(
        "--duration",
        metavar="LENGTH",
        help="how long: 30, 45m, 1h30 (default: meeting_length in the settings, else 30 minutes)",
    )
    add.add_argument(
        "--repeat",
        default="",
        metavar="TEXT",
        help='how it repeats: "every week", "every 2 weeks on tue", "monthly", "weekdays",'
        ' with an optional end: "until 31 mar", "for 6"',
    )
    add.add_argument("--setting", choices=[s.value for s in Setting], default="video")
    add.add_argument("--notes", default="", help="agenda notes (- reads them from standard input)")
    add.add_argument(
        "--kind",
        choices=[k.value for k in RelationshipKind],
        help="who they are to you (a new person defaults to client)",
    )
    add.add_argument(
        "--rank",
        choices=[r.value for r in Rank],
        help="their rank relative to you (a new person defaults to senior)",
    )
    add.set_defaults(subparser=add)

    listing = commands.add_parser(
        "list", parents=[db_option], help="print upcoming meetings and those needing a debrief"
    )
    listing.add_argument("--all", action="store_true", help="every meeting, past ones too")
    listing.add_argument("--json", action="store_true", help="print JSON, for scripts")

    due = commands.add_parser(
        "due",
        parents=[db_option],
        help="what needs doing now; exit 1 if anything, else 0",
        description="Print meetings that need a debrief, meetings in the next hour not yet "
        "prepared, overdue action items and feedback conversations due. Exits 1 when "
        "something is due and 0 when nothing is (for a shell prompt or cron).",
    )
    due_output = due.add_mutually_exclusive_group()
    due_output.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing; only the exit status"
    )
    due_output.add_argument("--json", action="store_true", help="print JSON, for scripts")

    brief = commands.add_parser(
        "brief",
        parents=[db_option],
        help="print a meeting's one-page brief as Markdown",
        description="Print the brief for a meeting (its id is in `prep list`).",
    )
    brief.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    brief.add_argument("--out", metavar="FILE", help="write it to FILE (owner-only) instead")

    debrief = commands.add_parser(
        "debrief",
        parents=[db_option],
        help="print a meeting's debrief as Markdown",
        description="Print the debrief of a meeting beside its plan (ids are in `prep list`).",
    )
    debrief.add_argument("meeting_id", type=int, metavar="MEETING_ID")
    debrief.add_argument(
        "--print",
        action="store_true",
        dest="print_",
        help="print it as Markdown (the default; for symmetry with the app)",
    )
    debrief.add_argument("--out", metavar="FILE", help="write it to FILE (owner-only) instead")

    review = commands.add_parser(
        "review",
        parents=[db_option],
        help="print a weekly review as Markdown",
        description="Print the review of this week, or of the week given.",
    )
    review.add_argument(
        "--week", metavar="YYYY-Www", help="the ISO week, e.g. 2026-W47 (default: this week)"
    )
    review.add_argument("--out", metavar="FILE", help="write it to FILE (owner-only) instead")
    review.set_defaults(subparser=review)

    backup = commands.add_parser(
        "backup",
        parents=[db_option],
        help="copy the database safely, even while the app is open",
        description="Write a consistent copy of the database. With no PATH, a dated file in "
        "a backups folder beside the database (the last 10 are kept).",
    )
    backup.add_argument(
        "path", nargs="?", metavar="PATH", help="file (or folder) to write the copy to"
    )

    search = commands.add_parser(
        "search",
        parents=[db_option],
        help="find meetings by what was written in them",
        description="Search titles, notes, checklists, debriefs, action items and "
        "reflections. Every word must match; the last may be the start of a word. "
        "Exits 0 when something matches, 1 when nothing does.",
    )
    search.add_argument("text", metavar="TEXT", help="the words to look for")
    search.add_argument("--json", action="store_true", help="print JSON, for scripts")
    search.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="at most N matches, newest first (default 50)",
    )
    search.set_defaults(subparser=search)

    export = commands.add_parser(
        "export",
        parents=[db_option],
        help="export everything as JSON, CSV or Markdown",
        description="Export every table. json: one document (to standard output unless "
        "--out); csv: one file per table in a folder; md: one file per meeting (brief and "
        "debrief) in a folder. Files are readable by you alone.",
    )
    export.add_argument("--format", choices=["json", "csv", "md"], default="json")
    export.add_argument(
        "--out",
        metavar="PATH",
        help="file (json) or folder (csv, md; default prep-export-DATE-FORMAT)",
    )

    import_json = commands.add_parser(
        "import-json",
        parents=[db_option],
        help="load a `prep export` JSON file into an empty database",
        description="Load a JSON export into an empty database (e.g. --db new.db): "
        "the same rows come back, ids included.",
    )
    import_json.add_argument("file", metavar="FILE", help="the JSON written by `prep export`")

    from prep.commands.calendar_import import add_import_parser

    add_import_parser(commands, db_option)

    demo = commands.add_parser(
        "demo", parents=[db_option], help="fill the database with example meetings to try the app"
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help="add the examples even if the database already has meetings",
    )

    completion = commands.add_parser(
        "completion",
        help="print a tab-completion script for bash, zsh or fish",
        description="Print a completion script for your shell; the README has the line "
        "that installs it.",
    )
    from prep.commands.config import add_config_parser

    add_config_parser(commands)
    from prep.commands.completion import SHELLS

    completion.add_argument("shell", choices=SHELLS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A terminal whose encoding lacks a character prep prints (a Latin-1
    # locale and the "·" of `prep list`) shows "?" instead of a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, so a closed pipe is caught below, not at exit
    except BrokenPipeError:
        # `prep list | head`: the reader stopped reading, which is no error
        # to report. As Python's docs advise, point stdout at devnull so the
        # interpreter's own final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    finally:
        # The app pauses the garbage collector until its first frame; if it
        # never got there (no terminal, a file refused), collect again.
        from prep.tui.startup import resume_garbage_collection

        resume_garbage_collection()
    return code


def _main(argv: Sequence[str] | None) -> int:
    # Every file prep creates (database, exports) is readable by you alone.
    os.umask(0o077)
    args = _app_arguments(sys.argv[1:] if argv is None else argv)
    if args is None:
        args = build_parser().parse_args(argv)
    if args.command is None:
        from prep.tui.startup import pause_garbage_collection

        pause_garbage_collection()  # the app: until its first frame is painted
    _check_text_arguments(args)
    # Check everything that can be checked before the database is opened, so
    # a mistyped command never creates or changes a file.
    from prep.domain.clock import SystemClock

    clock = SystemClock()  # the one clock of this run: parsing, rows and output agree
    if args.command == "completion":  # needs no database
        from prep.commands.completion import run_completion

        return run_completion(build_parser(), args.shell)
    # The settings are read here, once, and handed on; nothing else reads the file.
    from prep.store.settings_file import load_settings, settings_path

    settings_file = settings_path()
    settings_reading = load_settings(settings_file)
    if args.command == "config":
        from prep.commands.config import run_config

        return run_config(settings_reading, settings_file)
    if settings_reading.problem and args.command is not None:  # the app notifies instead
        print(f"prep: {clean_line(settings_reading.problem)}", file=sys.stderr)
    args.settings = settings_reading.settings
    if args.command == "add":
        draft, reading = _draft_from(args, clock)
    elif args.command == "review":
        monday = _week_from(args, clock)
    elif args.command == "search":
        from prep.domain.search import fts_query

        if fts_query(args.text) is None:
            usage_error(args, "TEXT: give at least one word to look for")
        if args.limit < 1:
            usage_error(args, "--limit: give a number of 1 or more")
    elif args.command == "import":
        from prep.commands.calendar_import import check_import_arguments

        check_import_arguments(args, clock.now())
    elif args.command is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _fail("the app needs a terminal; try `prep list` or `prep --help`.")
    from prep.store import StoreError, StoreOpenError, open_store, resolve_db_path
    from prep.store.errors import unreadable_value_error

    path, is_default = resolve_db_path(getattr(args, "db", None))
    try:
        store = open_store(path, clock=clock, create_folder=is_default)
    except StoreOpenError as error:
        return _fail(str(error))
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
        if args.command in COMMAND_RUNNERS:
            module, function = COMMAND_RUNNERS[args.command]
            return getattr(importlib.import_module(module), function)(store, args)
        return _run_app(store, settings_reading, settings_file)
    except StoreError as error:
        # A file damaged after it was opened, or changed by another program
        # under prep: one line, as for a file refused at opening.
        return _fail(str(error))
    except (ValueError, LookupError, TypeError) as error:  # saved data that no longer reads
        return _fail(str(unreadable_value_error(store.path, error)))
    finally:
        store.close()


# Commands that live in prep.commands: imported only when run, so `prep`,
# `prep list` and `prep add` don't pay for them.
COMMAND_RUNNERS = {
    "search": ("prep.commands.search", "run_search"),
    "due": ("prep.commands.due", "run_due"),
    "export": ("prep.commands.export", "run_export"),
    "import-json": ("prep.commands.export", "run_import_json"),
    "backup": ("prep.commands.backup", "run_backup"),
    "import": ("prep.commands.calendar_import", "run_import"),
}


def _run_app(store, reading, settings_file: Path) -> int:
    from prep.tui.app import PrepApp

    app = PrepApp(store, settings=reading.settings, settings_file=settings_file)
    if reading.problem:
        app.startup_problems.append(reading.problem)
    app.run()
    # Textual sets 1 after a crash: a script or shell that started prep
    # must see that it failed.
    return app.return_code or EXIT_OK


def _say(line: str) -> None:
    """Print one line of output; what it quotes from the database or the
    arguments cannot move the cursor, clear the screen or set the clipboard."""
    print(clean_line(line))


def _fail(message: str) -> int:
    print(f"prep: {clean_line(message)}", file=sys.stderr)
    return EXIT_FAILED


def _app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of `prep` and `prep --db PATH`, which open the app, read
    without building the parser: its twenty commands and their options took
    8 ms of every start. None for anything else, which argparse reads (and
    explains when it is wrong)."""
    if not argv:
        return argparse.Namespace(command=None)
    if len(argv) == 1 and argv[0].startswith("--db="):
        return argparse.Namespace(command=None, db=argv[0].removeprefix("--db="))
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return argparse.Namespace(command=None, db=argv[1])
    return None


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Exit 2 naming the argument if it holds bytes that are not UTF-8: the
    database stores text, and a half-decoded title is not what was meant."""
    for attribute, name in _TEXT_ARGUMENTS.items():
        value = getattr(args, attribute, None)
        if isinstance(value, str) and has_surrogates(value):
            usage_error(
                args,
                f"{name}: '{clean_line(value)}' has bytes that are not UTF-8 text (shown as "
                "\ufffd). Type it again, or set your terminal to UTF-8.",
            )


def _draft_from(args: argparse.Namespace, clock):
    """The meeting `prep add` describes and how its --at was read, or exit 2
    with `prep add`'s usage."""
    from prep.domain.models import MeetingDraft, ValidationError, validate_draft
    from prep.domain.when import WhenError, parse_duration, read_when

    now = clock.now()
    settings = args.settings
    try:
        reading = read_when(args.when, now, settings.dates)
    except WhenError as error:
        usage_error(args, f"--at: {error}")
    starts_at = reading.moment
    try:
        duration = (
            parse_duration(args.duration) if args.duration is not None else settings.meeting_length
        )
    except WhenError as error:
        usage_error(args, f"--duration: {error}")
    repeat = _repeat_from(args, starts_at)
    notes = _notes_from_stdin(args) if args.notes == "-" else args.notes
    draft = MeetingDraft(
        title=args.title,
        counterpart_name=args.person,
        starts_at=starts_at,
        duration_minutes=duration,
        setting=Setting(args.setting),
        notes=notes,
        counterpart_kind=RelationshipKind(args.kind) if args.kind else None,
        counterpart_rank=Rank(args.rank) if args.rank else None,
        repeat=repeat.rrule if repeat else "",
        repeat_text=args.repeat if repeat else "",
    )
    try:
        return validate_draft(draft), reading
    except ValidationError as error:
        usage_error(args, str(error))


def _repeat_from(args: argparse.Namespace, starts_at):
    """`--repeat` read for a first meeting at `starts_at`, or exit 2 saying why."""
    from prep.domain.repeats import RepeatError, read_repeat

    try:
        return read_repeat(args.repeat, starts_at, args.settings.dates)
    except RepeatError as error:
        usage_error(args, f"--repeat: {error}")


def _notes_from_stdin(args: argparse.Namespace) -> str:
    """`--notes -`: the notes piped in, without the newline that ends the input."""
    try:
        return sys.stdin.buffer.read().decode("utf-8").rstrip("\n")
    except UnicodeDecodeError:
        usage_error(args, "--notes -: standard input is not UTF-8 text")


def _add(store, draft, reading) -> int:
    from prep.domain.when import describe_reading
    from prep.store import StoreError

    try:
        meeting = store.add_meeting(draft)
    except StoreError as error:
        return _fail(str(error))
    now = store.clock.now()
    repeats = ""
    if draft.repeat:
        from prep.domain.repeats import meeting_count

        made = meeting_count(draft.repeat, draft.starts_at)
        repeats = f" Repeats {draft.repeat_text} ({'no end' if made is None else made} meetings)."
    _say(
        f"Added meeting {meeting.id}: {meeting.title} with {meeting.counterpart.name}, "
        f"{describe_reading(reading, now)}.{repeats}"
    )
    return EXIT_OK


def _make_occurrences(store) -> None:
    """Repeating meetings' rows for the window listed; a file that cannot
    be written to (busy, read-only) lists what is made already."""
    from prep.store import StoreError

    try:
        store.series.make_occurrences()
    except StoreError:
        pass


def _list(store, args: argparse.Namespace) -> int:
    from prep.domain.agenda import DEBRIEF_WINDOW, build_agenda
    from prep.domain.when import format_when, relative

    now = store.clock.now()
    _make_occurrences(store)
    if args.all:
        meetings = store.all_meetings()
        rows = [("", m) for m in meetings]
    else:
        groups = build_agenda(
            store.meetings_from(now - DEBRIEF_WINDOW), now, args.settings.week_starts_on
        )
        rows = [(group.title, m) for group in groups for m in group.meetings]
    if args.json:
        from prep.commands.due import print_list_json

        return print_list_json(rows)
    if not rows:
        print('No meetings. Add one with: prep add "Title" --with NAME --at "tomorrow 3pm"')
        return EXIT_OK
    current = None
    for heading, meeting in rows:
        if heading and heading != current:
            print(f"\n{heading}" if current else heading)
            current = heading
        unreadable = unreadable_in(meeting.unreadable, "starts_at")
        when = (
            str(unreadable)
            if unreadable
            else f"{format_when(meeting.starts_at, now)} ({relative(meeting.starts_at, now)})"
        )
        # Titles and names may come from another program: cleaned one by
        # one, so the columns' spacing stays.
        print(
            f"  {meeting.id:>4}  {when:<32} {clean_line(meeting.title)}"
            f"  ·  {clean_line(meeting.counterpart.name)}  ·  {_state(meeting)}"
        )
    return EXIT_OK


def _state(meeting) -> str:
    from prep.domain.checklist import STEPS

    return "cancelled" if meeting.cancelled else f"{meeting.steps_done}/{STEPS} ready"


def _brief(store, args: argparse.Namespace) -> int:
    from prep.store import StoreError
    from prep.store.exports import brief_markdown

    try:
        meeting = store.meeting(args.meeting_id)
        markdown = brief_markdown(store, meeting, store.clock.now())
    except StoreError as error:
        return _fail(f"{error} See `prep list --all` for meeting ids.")
    return _emit(markdown, args.out, f"the brief for “{meeting.title}”")


def _debrief(store, args: argparse.Namespace) -> int:
    from prep.store import StoreError
    from prep.store.exports import debrief_markdown

    try:
        meeting = store.meeting(args.meeting_id)
        markdown = debrief_markdown(store, meeting, store.clock.now())
    except StoreError as error:
        return _fail(f"{error} See `prep list --all` for meeting ids.")
    return _emit(markdown, args.out, f"the debrief of “{meeting.title}”")


def _week_from(args: argparse.Namespace, clock):
    """The Monday of the week asked for (this week by default), or exit 2."""
    from prep.domain.weeks import parse_iso_week, week_start

    if not args.week:
        return week_start(clock.now().date())
    try:
        return parse_iso_week(args.week)
    except ValueError as error:
        usage_error(args, f"--week: {error}")


def _review(store, monday, out: str | None) -> int:
    from prep.domain.clock import zone_of
    from prep.domain.review_report import render_review
    from prep.domain.weeks import iso_week_label
    from prep.store import StoreError

    now = store.clock.now()
    try:
        week, previous = store.review.with_last_week(monday, zone_of(now), now)
    except StoreError as error:
        return _fail(str(error))
    return _emit(render_review(week, previous, now), out, f"the review of {iso_week_label(monday)}")


def _emit(markdown: str, out: str | None, what: str) -> int:
    """Print Markdown, or write it to an owner-only file."""
    if not out:
        # The renderers clean what they quote; this is the last guard.
        sys.stdout.write(clean_block(markdown))
        return EXIT_OK
    from prep.store.exports import write_markdown

    try:
        write_markdown(Path(out).expanduser(), markdown)
    except OSError as error:
        return _fail(f"cannot write {out}: {error.strerror}")
    _say(f"Wrote {what} to {out}.")
    return EXIT_OK


def _demo(store, args: argparse.Namespace) -> int:
    from prep.demo import fill_demo

    if store.meeting_count() and not args.force:
        return _fail(
            f"{store.path} already has meetings; use --force to add the examples "
            "anyway, or --db to fill another file."
        )
    if store.meeting_count():
        from prep.store import StoreError

        try:
            _say(f"Backed up the database first, to {store.backup(reason='before-demo')}.")
        except StoreError as error:
            return _fail(f"{error} The examples were not added.")
    count = fill_demo(store, store.clock.now())
    _say(f"Added {count} example meetings to {store.path}.")
    return EXIT_OK
