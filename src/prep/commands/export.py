"""`prep export` (JSON, CSV or Markdown) and `prep import-json`.

JSON goes to standard output unless --out names a file; CSV and Markdown are
folders of files. Every file is owner-only, like the database: the notes are
candid.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from prep.commands import EXIT_FAILED, EXIT_OK

FORMATS = ("json", "csv", "md")


def run_export(store, args: argparse.Namespace) -> int:
    from prep import __version__
    from prep.store import StoreError
    from prep.store.exports import write_private

    try:
        if args.format == "json":
            from prep.store.transfer import export_json

            text = export_json(store, __version__)
            if not args.out:
                sys.stdout.write(text)
                return EXIT_OK
            target = Path(args.out).expanduser()
            write_private(target, text)
            print(f"Exported {store.meeting_count()} meetings to {target}.")
            return EXIT_OK
        folder = _folder(args.out, store, args.format)
        written = (_csv_files if args.format == "csv" else _markdown_files)(store, folder)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(
            f"prep: cannot write {error.filename or args.out}: {error.strerror or error}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(f"Exported {written} files to {folder}.")
    return EXIT_OK


def _folder(out: str | None, store, fmt: str) -> Path:
    """The folder to write into: --out, else a dated one in the current folder."""
    if out:
        folder = Path(out).expanduser()
    else:
        folder = Path(f"prep-export-{store.clock.now():%Y-%m-%d}-{fmt}")
    if folder.exists() and not folder.is_dir():
        raise OSError(0, "it is a file, not a folder", str(folder))
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _csv_files(store, folder: Path) -> int:
    from prep.store.exports import write_private
    from prep.store.transfer import TABLES, table_csv

    for table in TABLES:
        write_private(folder / f"{table}.csv", table_csv(store, table))
    return len(TABLES)


def _markdown_files(store, folder: Path) -> int:
    from prep.store.exports import markdown_name, write_private

    now = store.clock.now()
    used: set[str] = set()
    meetings = store.all_meetings()
    for meeting in meetings:
        name = markdown_name(meeting)
        if name in used:  # two meetings with one title on one day
            name = f"{name[:-3]}-{meeting.id}.md"
        used.add(name)
        write_private(folder / name, meeting_markdown(store, meeting, now))
    return len(meetings)


def meeting_markdown(store, meeting, now) -> str:
    """Brief, then the debrief once the meeting has started."""
    from prep.store.exports import brief_markdown, debrief_markdown

    text = brief_markdown(store, meeting, now)
    if meeting.has_started(now):
        text += "\n" + debrief_markdown(store, meeting, now)
    return text


def run_import_json(store, args: argparse.Namespace) -> int:
    from prep.store import StoreError
    from prep.store.transfer import import_document

    try:
        with open(Path(args.file).expanduser(), encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        print(f"prep: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    except (ValueError, RecursionError) as error:
        print(f"prep: {args.file} is not JSON ({str(error).splitlines()[0]}).", file=sys.stderr)
        return EXIT_FAILED
    try:
        counts = import_document(store, document)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"Imported {counts['meetings']} meetings and {counts['people']} people into {store.path}."
    )
    return EXIT_OK
