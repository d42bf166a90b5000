"""`prep search TEXT`: the app's `/` search, on the command line.

Exits 0 when something matched and 1 when nothing did, like grep, so a
script can test for a match.
"""

from __future__ import annotations

import argparse
import json
import sys

from prep.commands import EXIT_FAILED, EXIT_OK

EXIT_NO_MATCH = 1
_BOLD, _PLAIN = "\x1b[1;4m", "\x1b[0m"


def run_search(store, args: argparse.Namespace) -> int:
    from prep.store import StoreError
    from prep.store.search import search

    try:
        hits = search(store, args.text, limit=args.limit)
    except StoreError as error:
        print(f"prep: {error}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=1))
    elif not hits:
        from prep.domain.models import clean_line

        print(f"Nothing matches “{clean_line(args.text)}”.")
    else:
        emphasis = sys.stdout.isatty()
        for hit in hits:
            sys.stdout.write(hit_lines(hit, emphasis))
    return EXIT_OK if hits else EXIT_NO_MATCH


def hit_lines(hit, emphasis: bool) -> str:
    """A hit as printed: text another program stored cannot carry terminal
    escapes through (each piece is cleaned, so the marks still line up)."""
    from prep.domain.deadlines import format_day
    from prep.domain.models import clean_line

    day = format_day(hit.day, with_year=True) if hit.day else ""
    if hit.meeting_id is None:
        head = f"        Week of {day}"
    else:
        head = f"  {hit.meeting_id:>4}  {day}  {clean_line(hit.title)} · {clean_line(hit.person)}"
    return f"{head}\n        {hit.where}: {_marked(hit, emphasis)}\n"


def _marked(hit, emphasis: bool) -> str:
    from prep.domain.models import clean_line

    if not emphasis:
        return clean_line(hit.text)
    out, last = [], 0
    for start, end in hit.marks:
        out += [_piece(hit.text[last:start]), _BOLD, _piece(hit.text[start:end]), _PLAIN]
        last = end
    return "".join(out) + _piece(hit.text[last:])


def _piece(text: str) -> str:
    """Control characters out, spaces kept (a piece may start or end with one)."""
    from prep.domain.models import clean_block

    return clean_block(text).replace("\n", " ").replace("\t", " ")


def hit_json(hit) -> dict:
    return {
        "meeting_id": hit.meeting_id,
        "title": hit.title,
        "person": hit.person,
        "starts_at": hit.starts_at.isoformat() if hit.starts_at else None,
        "week_start": hit.week_start.isoformat() if hit.week_start else None,
        "where": hit.where,
        "text": hit.text,
        "marks": [list(m) for m in hit.marks],
    }
