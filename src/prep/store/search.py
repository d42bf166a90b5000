"""Full-text search over what people write (the FTS5 tables of migration m006).

Each searched table has its own index; a search asks each for its newest
matches (FTS5 walks its rowids backwards without sorting), keeps the newest
meetings overall, and cuts each matching text down to the words around the
match. The cost follows the number of hits asked for, not the history.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from prep.domain.search import MARK_END, MARK_START, SearchHit, fts_query, unmark

if TYPE_CHECKING:
    from prep.store.repository import Store

# (table, what a hit is called, the meeting it belongs to)
_SOURCES = (
    ("meetings", "Meeting", "t.id"),
    ("checklists", "Checklist", "t.meeting_id"),
    ("asks", "Ask", "t.meeting_id"),
    ("deadlines", "Deadline", "t.meeting_id"),
    ("problems", "Problem", "t.meeting_id"),
    ("solutions", "Solution", "(SELECT p.meeting_id FROM problems p WHERE p.id = t.problem_id)"),
    ("debriefs", "Debrief", "t.meeting_id"),
    ("unsaid_items", "Unsaid", "t.meeting_id"),
    ("action_items", "Action item", "t.meeting_id"),
)
SNIPPET_WORDS = 12
DEFAULT_LIMIT = 50


def _source_sql(table: str, label: str, meeting: str) -> str:
    return (
        f"SELECT '{label}' AS label, m.id AS meeting_id, m.title, m.starts_at,"
        " m.starts_at_utc, c.name AS person, hits.snip, NULL AS week_start FROM"
        f" (SELECT rowid, snippet({table}_fts, -1, '{MARK_START}', '{MARK_END}', '…',"
        f" {SNIPPET_WORDS}) AS snip FROM {table}_fts WHERE {table}_fts MATCH :q"
        " ORDER BY rowid DESC LIMIT :limit) AS hits"
        f" JOIN {table} t ON t.rowid = hits.rowid"
        f" JOIN meetings m ON m.id = {meeting}"
        " JOIN people c ON c.id = m.person_id"
    )


_REFLECTIONS_SQL = (
    "SELECT 'Reflection' AS label, NULL AS meeting_id, '' AS title, NULL AS starts_at,"
    " week_start || 'T00:00:00Z' AS starts_at_utc, '' AS person,"
    f" snippet(reflections_fts, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS}) AS snip,"
    " week_start FROM reflections_fts WHERE reflections_fts MATCH :q"
    " ORDER BY rowid DESC LIMIT :limit"
)

_SEARCH_SQL = (
    " UNION ALL ".join(f"SELECT * FROM ({_source_sql(*s)})" for s in _SOURCES)
    + f" UNION ALL SELECT * FROM ({_REFLECTIONS_SQL})"
    + " ORDER BY starts_at_utc DESC LIMIT :limit"
)


def search(store: Store, typed: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """The newest `limit` matches for what was typed (every word, the last as
    a prefix), newest meeting first."""
    query = fts_query(typed)
    if query is None:
        return []
    with store._use():
        rows = store.query(_SEARCH_SQL, {"q": query, "limit": limit})
    hits = []
    for row in rows:
        text, marks = unmark(row["snip"] or "")
        hits.append(
            SearchHit(
                where=row["label"],
                text=text,
                marks=marks,
                meeting_id=row["meeting_id"],
                title=row["title"],
                person=row["person"],
                starts_at=datetime.fromisoformat(row["starts_at"]) if row["starts_at"] else None,
                week_start=date.fromisoformat(row["week_start"]) if row["week_start"] else None,
            )
        )
    return hits
