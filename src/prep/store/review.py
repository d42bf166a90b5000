"""The weekly review's queries, each bounded by the week (or a fixed window
around it) and served by an index, so a long history does not slow it down."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from prep.domain.checklist import STEPS, HoldBackReason
from prep.domain.debrief import CoachingOutcome, Owner
from prep.domain.models import DURATION_MAX_MINUTES, Cadence, Rank, Setting
from prep.domain.review import (
    ActionLine,
    MovedDeadline,
    PersonFeedback,
    Reflection,
    ReviewMeeting,
    UpcomingDeadline,
    WeekInput,
)
from prep.store.timestamps import utc_text
from prep.store.values import (
    RowReader,
    as_text,
    meeting_start,
    parse_date,
    parse_moment,
    to_sql,
)

if TYPE_CHECKING:
    from prep.store.repository import Store

TREND_WEEKS = 12
# "Who is due feedback", "who has most open unsaid" and "overdue" look back
# this far. Without a window they would grow with the whole history; with it
# they cover the relationships and promises that are still live.
LOOKBACK = timedelta(days=182)
# Ranges longer than this are not looked for when listing upcoming deadlines;
# the bound keeps that query on a short stretch of the deadlines index.
LONGEST_RANGE = timedelta(days=366)

_MEETINGS_SQL = """
SELECT m.id, m.title, m.starts_at, m.starts_at_utc, m.duration_minutes, m.setting, m.progress,
       c.id AS person_id, c.name AS person, c.rank,
       coalesce(ch.steps_done, 0) AS steps_done,
       coalesce(ch.edited_after_start, 0) AS edited_after_start,
       ch.planned_level, ch.holding_back_reason,
       d.actual_level, d.temperature, coalesce(d.feedback_asked, 0) AS feedback_asked,
       (SELECT count(*) FROM asks a WHERE a.meeting_id = m.id AND trim(a.text) != '')
           AS asks_planned,
       (SELECT count(*) FROM asks a WHERE a.meeting_id = m.id AND trim(a.text) != ''
           AND a.asked = 1) AS asks_asked,
       (SELECT count(*) FROM asks a WHERE a.meeting_id = m.id AND trim(a.text) != ''
           AND a.answer = 'granted') AS asks_granted,
       (SELECT count(*) FROM unplanned_asks u WHERE u.meeting_id = m.id AND trim(u.text) != '')
           AS asks_unplanned,
       (SELECT count(*) FROM unplanned_asks u WHERE u.meeting_id = m.id AND trim(u.text) != ''
           AND u.answer = 'granted') AS asks_unplanned_granted,
       trim(coalesce(d.why_differ, '')) != '' AS says_why,
       (SELECT count(*) FROM problems p WHERE p.meeting_id = m.id AND trim(p.text) != ''
           AND EXISTS (SELECT 1 FROM solutions s WHERE s.problem_id = p.id
                       AND trim(s.text) != '')) AS problems_with_solution,
       (SELECT count(*) FROM problems p WHERE p.meeting_id = m.id AND trim(p.text) != ''
           AND p.ask_for_help = 1
           AND NOT EXISTS (SELECT 1 FROM solutions s WHERE s.problem_id = p.id
                           AND trim(s.text) != '')) AS problems_for_help,
       (SELECT count(*) FROM problems p WHERE p.meeting_id = m.id AND trim(p.text) != ''
           AND p.ask_for_help = 0
           AND NOT EXISTS (SELECT 1 FROM solutions s WHERE s.problem_id = p.id
                           AND trim(s.text) != '')) AS problems_without,
       (SELECT count(*) FROM unsaid_items u WHERE u.meeting_id = m.id AND trim(u.text) != '')
           AS unsaid_opened,
       -- The coaching-up note tried in this meeting: from an earlier debrief
       -- with the same person (found through their meetings, which are indexed).
       (SELECT t.coaching_outcome FROM meetings m2 JOIN debriefs t ON t.meeting_id = m2.id
           WHERE m2.person_id = m.person_id AND t.coaching_tried_in = m.id
           ORDER BY m2.starts_at_utc DESC LIMIT 1) AS coaching_outcome,
       EXISTS (SELECT 1 FROM meetings m2 JOIN debriefs t ON t.meeting_id = m2.id
           WHERE m2.person_id = m.person_id AND t.coaching_tried_in = m.id) AS coaching_tried
FROM meetings m
JOIN people c ON c.id = m.person_id
LEFT JOIN checklists ch ON ch.meeting_id = m.id
LEFT JOIN debriefs d ON d.meeting_id = m.id
WHERE m.starts_at_utc >= ? AND m.starts_at_utc < ?
ORDER BY m.starts_at_utc, m.id
"""


def _review_meeting(row: dict[str, Any]) -> ReviewMeeting:
    read = RowReader(row)
    return ReviewMeeting(
        id=row["id"],
        title=read.text("title"),
        person_id=row["person_id"],
        person=read.text("person"),
        rank=read.choice(Rank, "rank", Rank.SENIOR),
        starts_at=meeting_start(row, read),
        duration_minutes=read.number("duration_minutes", 1, DURATION_MAX_MINUTES) or 30,
        setting=read.choice(Setting, "setting", Setting.VIDEO),
        steps_done=read.number("steps_done", 0, STEPS) or 0,
        edited_after_start=read.flag("edited_after_start"),
        debriefed=row["progress"] == "debriefed",
        planned_level=read.number("planned_level", 1, 10),
        actual_level=read.number("actual_level", 1, 10),
        temperature=read.number("temperature", 1, 5),
        asks_planned=row["asks_planned"],
        asks_asked=row["asks_asked"],
        asks_granted=row["asks_granted"],
        asks_unplanned=row["asks_unplanned"],
        asks_unplanned_granted=row["asks_unplanned_granted"],
        says_why=row["says_why"] == 1,
        problems_with_solution=row["problems_with_solution"],
        problems_for_help=row["problems_for_help"],
        problems_without=row["problems_without"],
        feedback_asked=read.flag("feedback_asked"),
        hold_back_reason=read.choice(HoldBackReason, "holding_back_reason"),
        unsaid_opened=row["unsaid_opened"],
        coaching_tried=row["coaching_tried"] == 1,
        coaching_outcome=read.choice(CoachingOutcome, "coaching_outcome"),
    )


def _action(row: dict[str, Any]) -> ActionLine:
    read = RowReader(row)
    return ActionLine(
        text=read.text("text"),
        person=read.text("person"),
        owner=read.choice(Owner, "owner", Owner.ME),
        due=read.day("due"),
        done_at=read.moment("done_at"),
    )


_ACTIONS_SQL = (
    "SELECT a.*, c.name AS person FROM action_items a INDEXED BY {index}"
    " JOIN meetings m ON m.id = a.meeting_id"
    " JOIN people c ON c.id = m.person_id"
    " WHERE {where} AND trim(a.text) != '' ORDER BY {order}, a.id"
)


class ReviewRepository:
    """Builds `WeekInput`s and keeps reflections (reached as `store.review`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _db(self):
        return self._store.db

    def with_last_week(
        self, monday: date, zone: tzinfo, now: datetime
    ) -> tuple[WeekInput, WeekInput]:
        """The week starting `monday`, and the week before it for comparison.

        The comparison is of the two weeks' numbers, which come from their
        meetings alone, so the week before carries only its meetings: the
        rest of a week (people, deadlines, actions, the trend) is a dozen
        queries the review would throw away.
        """
        from prep.domain.weeks import week_bounds

        week = self.week(monday, zone, now)
        before = monday - timedelta(days=7)
        start, end = week_bounds(before, zone)
        with self._store._use():
            rows = self._store.query(_MEETINGS_SQL, [utc_text(start), utc_text(end)])
        return week, WeekInput(week_start=before, meetings=tuple(_review_meeting(r) for r in rows))

    def week(self, monday: date, zone: tzinfo, now: datetime, *, trend: bool = True) -> WeekInput:
        """Everything the review of the week starting `monday` (local) needs."""
        from prep.domain.weeks import week_bounds

        start, end = week_bounds(monday, zone)
        lo, hi = utc_text(start), utc_text(end)
        # "As of": the end of the week, or today for the current (or a future) week.
        cutoff_day = min(end, now).astimezone(zone).date()
        with self._store._use():
            meetings = tuple(_review_meeting(r) for r in self._store.query(_MEETINGS_SQL, [lo, hi]))
            # Unsaid items opened are counted on their meetings (above); one
            # resolved counts in the week it was ticked.
            unsaid_resolved = self._count(
                "SELECT count(*) FROM unsaid_items WHERE resolved_at >= ? AND resolved_at < ?",
                [lo, hi],
            )
            unsaid_said = self._count(
                "SELECT count(*) FROM unsaid_items u WHERE resolved_at >= ? AND resolved_at < ?"
                " AND EXISTS (SELECT 1 FROM asks a WHERE a.from_unsaid_id = u.id AND a.asked = 1)",
                [lo, hi],
            )
            since = utc_text(end - LOOKBACK)
            open_by_person = tuple(
                (r["person"], r["n"])
                for r in self._store.query(
                    "SELECT c.name AS person, count(*) AS n"
                    " FROM meetings m INDEXED BY meetings_starts_at_utc"
                    " JOIN unsaid_items u ON u.meeting_id = m.id"
                    " JOIN people c ON c.id = m.person_id"
                    " WHERE m.starts_at_utc >= ? AND m.starts_at_utc < ?"
                    " AND u.resolved_at IS NULL AND trim(u.text) != ''"
                    " GROUP BY c.id ORDER BY n DESC, c.name LIMIT 5",
                    [since, hi],
                )
            )
            moved = self._moved_deadlines(lo, hi)
            upcoming = self._upcoming_deadlines(
                monday + timedelta(days=7), monday + timedelta(days=21)
            )
            actions = self._actions(monday, cutoff_day, lo, hi)
            people = self._people(since, hi)
            reflection = self.reflection(monday)
            last_focus = self.reflection(monday - timedelta(days=7)).focus
            gap_trend = self._gap_trend(monday, zone) if trend else ()
        return WeekInput(
            week_start=monday,
            meetings=meetings,
            unsaid_resolved=unsaid_resolved,
            unsaid_said=unsaid_said,
            open_unsaid_by_person=open_by_person,
            moved_deadlines=moved,
            upcoming_deadlines=upcoming,
            actions=actions,
            people=people,
            gap_trend=gap_trend,
            reflection=reflection,
            last_week_focus=last_focus,
        )

    def _actions(self, monday: date, cutoff_day: date, lo: str, hi: str) -> tuple[ActionLine, ...]:
        """The action items `review_stats.action_items` sorts into the review's
        lists: due in the look-back window before the week and still open at
        its end, due this week or next (done or not), and done in the week.
        Each lookup is a range on an index, so history does not slow it."""
        rows: dict[int, dict[str, Any]] = {}
        # Pinned to the due-date index: the planner otherwise reads every
        # open item ever made through the done_at index.
        for r in self._store.query(
            _ACTIONS_SQL.format(
                index="action_items_due",
                order="a.due",
                where="a.due >= ? AND a.due < ? AND (a.done_at IS NULL OR a.done_at >= ?)",
            ),
            [(cutoff_day - LOOKBACK).isoformat(), min(monday, cutoff_day).isoformat(), hi],
        ):
            rows[r["id"]] = r
        for r in self._store.query(
            _ACTIONS_SQL.format(
                index="action_items_due", order="a.due", where="a.due >= ? AND a.due < ?"
            ),
            [monday.isoformat(), (monday + timedelta(days=14)).isoformat()],
        ):
            rows[r["id"]] = r
        for r in self._store.query(
            _ACTIONS_SQL.format(
                index="action_items_done",
                order="a.done_at",
                where="a.done_at >= ? AND a.done_at < ?",
            ),
            [lo, hi],
        ):
            rows.setdefault(r["id"], r)
        return tuple(_action(r) for r in rows.values())

    def _people(self, since: str, hi: str) -> tuple[PersonFeedback, ...]:
        """People met in the look-back window, with their last feedback conversation.

        The last feedback is found by walking each person's meetings newest
        first until one where feedback was asked: it stops early instead of
        reading a long history.
        """
        rows = self._store.query(
            "SELECT c.name, c.feedback_cadence,"
            " (SELECT m2.starts_at FROM meetings m2 INDEXED BY meetings_person"
            "  JOIN debriefs d ON d.meeting_id = m2.id"
            "  WHERE m2.person_id = c.id AND m2.starts_at_utc < ? AND d.feedback_asked = 1"
            "  ORDER BY m2.starts_at_utc DESC LIMIT 1) AS last"
            " FROM people c WHERE c.id IN ("
            "  SELECT DISTINCT m.person_id FROM meetings m INDEXED BY meetings_starts_at_utc"
            "  WHERE m.starts_at_utc >= ? AND m.starts_at_utc < ?)"
            " ORDER BY c.name COLLATE NOCASE",
            [hi, since, hi],
        )
        return tuple(
            PersonFeedback(
                person=as_text(r["name"]),
                cadence=RowReader(r).choice(Cadence, "feedback_cadence", Cadence.QUARTERLY),
                last_feedback=_day_of(r["last"]),
            )
            for r in rows
        )

    def _count(self, sql: str, params: list[Any]) -> int:
        # Through query(), like the review's other reads: self._db would
        # import sqlite-utils just to count (the review only reads).
        [row] = self._store.query(sql, params)
        return next(iter(row.values()))

    def _moved_deadlines(self, lo: str, hi: str) -> tuple[MovedDeadline, ...]:
        rows = self._store.query(
            "SELECT dl.label, c.name AS person, dl.likely AS planned_likely, mv.likely,"
            " mv.meeting_id,"
            " (SELECT p.likely FROM deadline_moves p WHERE p.deadline_id = mv.deadline_id"
            "  AND p.id < mv.id ORDER BY p.id DESC LIMIT 1) AS previous_likely"
            " FROM meetings m INDEXED BY meetings_starts_at_utc"
            " JOIN deadline_moves mv ON mv.meeting_id = m.id"
            " JOIN deadlines dl ON dl.id = mv.deadline_id"
            " JOIN people c ON c.id = m.person_id"
            " WHERE m.starts_at_utc >= ? AND m.starts_at_utc < ? ORDER BY mv.id",
            [lo, hi],
        )
        return tuple(
            MovedDeadline(
                label=as_text(r["label"]),
                person=as_text(r["person"]),
                old_likely=parse_date(r["previous_likely"] or r["planned_likely"]),
                new_likely=parse_date(r["likely"]),
                meeting_id=r["meeting_id"],
            )
            for r in rows
        )

    def _upcoming_deadlines(self, start: date, end: date) -> tuple[UpcomingDeadline, ...]:
        """Deadlines whose range touches [start, end), using the latest range
        each one was moved to at a debrief, else its planned range."""
        window = [start.isoformat(), (end + LONGEST_RANGE).isoformat(), end.isoformat()]
        # Candidates: plans or moves whose range could touch the window. Both
        # lookups run on a `latest` index, bounded by the longest plausible range.
        candidates = {
            r["id"]
            for r in self._store.query(
                "SELECT id FROM deadlines INDEXED BY deadlines_latest"
                " WHERE latest >= ? AND latest < ? AND coalesce(earliest, latest) < ?",
                window,
            )
        }
        candidates |= {
            r["deadline_id"]
            for r in self._store.query(
                "SELECT deadline_id FROM deadline_moves INDEXED BY deadline_moves_latest"
                " WHERE latest >= ? AND latest < ? AND coalesce(earliest, latest) < ?",
                window,
            )
        }
        if not candidates:
            return ()
        marks = ", ".join("?" for _ in candidates)
        rows = self._store.query(
            "SELECT dl.id, dl.label, c.name AS person, m.starts_at_utc,"
            # A move replaces the whole range, blanks included.
            " CASE WHEN mv.id IS NULL THEN dl.earliest ELSE mv.earliest END AS earliest,"
            " CASE WHEN mv.id IS NULL THEN dl.likely ELSE mv.likely END AS likely,"
            " CASE WHEN mv.id IS NULL THEN dl.latest ELSE mv.latest END AS latest"
            " FROM deadlines dl"
            " JOIN meetings m ON m.id = dl.meeting_id"
            " JOIN people c ON c.id = m.person_id"
            " LEFT JOIN deadline_moves mv ON mv.id = (SELECT max(id) FROM deadline_moves"
            "  WHERE deadline_id = dl.id)"
            f" WHERE dl.id IN ({marks}) AND trim(dl.label) != ''"
            " ORDER BY m.starts_at_utc DESC, dl.id",
            list(candidates),
        )
        # Carried-over copies repeat a deadline: keep the latest plan of each.
        seen: set[tuple[str, str]] = set()
        result = []
        for r in rows:
            key = (as_text(r["label"]).strip().casefold(), r["person"])
            if key in seen:
                continue
            seen.add(key)
            latest, earliest = parse_date(r["latest"]), parse_date(r["earliest"])
            if latest is None or latest < start or (earliest or latest) >= end:
                continue  # its current range no longer touches the window
            result.append(
                UpcomingDeadline(
                    label=as_text(r["label"]),
                    person=as_text(r["person"]),
                    earliest=earliest,
                    likely=parse_date(r["likely"]),
                    latest=latest,
                )
            )
        result.sort(key=lambda d: (d.likely or d.latest or date.max, d.label))
        return tuple(result)

    def _gap_trend(self, monday: date, zone: tzinfo) -> tuple[float | None, ...]:
        from prep.domain.weeks import week_bounds, week_start

        first = monday - timedelta(weeks=TREND_WEEKS - 1)
        lo = utc_text(week_bounds(first, zone)[0])
        hi = utc_text(week_bounds(monday, zone)[1])
        gaps: dict[date, list[int]] = defaultdict(list)
        for r in self._store.query(
            "SELECT m.starts_at, m.starts_at_utc, ch.planned_level, d.actual_level FROM meetings m"
            " JOIN checklists ch ON ch.meeting_id = m.id JOIN debriefs d ON d.meeting_id = m.id"
            " WHERE m.starts_at_utc >= ? AND m.starts_at_utc < ?"
            " AND ch.planned_level IS NOT NULL AND d.actual_level IS NOT NULL",
            [lo, hi],
        ):
            read = RowReader(r)
            planned, actual = (
                read.number("planned_level", 1, 10),
                read.number("actual_level", 1, 10),
            )
            if planned is None or actual is None:
                continue  # another program stored something that is not a level
            local_day = meeting_start(r, read).astimezone(zone).date()
            gaps[week_start(local_day)].append(actual - planned)
        weeks = [first + timedelta(weeks=i) for i in range(TREND_WEEKS)]
        return tuple(sum(gaps[w]) / len(gaps[w]) if gaps[w] else None for w in weeks)

    # -- reflections -------------------------------------------------------------

    def reflection(self, monday: date) -> Reflection:
        with self._store._use():
            rows = list(
                self._store.query(
                    "SELECT went_well, to_change, focus FROM reflections WHERE week_start = ?",
                    [monday.isoformat()],
                )
            )
        return Reflection(**rows[0]) if rows else Reflection()

    def set_reflection(self, monday: date, field: str, text: str) -> None:
        if field not in ("went_well", "to_change", "focus"):
            raise ValueError(f"unknown reflection field {field!r}")
        stored = to_sql(field, str, text)
        now = self._store.now_text()
        with self._store.writing():
            self._db.execute(
                f"INSERT INTO reflections (week_start, {field}, created_at, updated_at)"
                f" VALUES (?, ?, ?, ?) ON CONFLICT (week_start) DO UPDATE SET"
                f" {field} = excluded.{field}, updated_at = excluded.updated_at",
                [monday.isoformat(), stored, now, now],
            )


def _day_of(value: Any) -> date | None:
    moment = parse_moment(value)
    return moment.date() if moment else None
