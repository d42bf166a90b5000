"""Generate a prep database of N meetings over Y years, for the benchmarks.

The file is opened with `prep.store.open_store`, so its schema and migrations
are the real ones; rows are then bulk-inserted with `executemany` in one
transaction. Nothing is recomputed through prep: `checklists.steps_done` and
`meetings.progress` are set directly to plausible, mutually consistent values.

Files are cached in benchmarks/.cache/, keyed by every parameter, so a rerun
with the same parameters costs nothing:

    python benchmarks/generate.py --meetings 100000 --years 20
    python benchmarks/generate.py --meetings 5000 --years 5 --anchor today --check

Proportions (roughly, from what a busy account manager's history looks like):
people ~N/50, each active for one to six years, a few met far more often than
the rest; ~85% of past meetings have a checklist, ~80% a debrief; asks ~1.4,
deadlines ~0.7, problems ~0.85 (solutions ~0.9 per problem) per checklist;
action items ~1.4 and unsaid items ~0.55 per debrief; ~25% of the deadlines of
debriefed meetings move at the debrief. Old action items are mostly done and old unsaid items
mostly resolved, so open items accumulate slowly, as in real use.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
# Bump when the generator's output changes, so stale cached files are not reused.
GENERATOR_VERSION = 2  # 2: the full-text index (m006) is filled as rows go in

FIRST = [
    "Dana",
    "Marcus",
    "Priya",
    "Tom",
    "Sofia",
    "Aisha",
    "Ben",
    "Chloe",
    "Diego",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kemi",
    "Liam",
    "Maya",
    "Noor",
    "Oscar",
    "Paula",
    "Quentin",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
    "Amara",
    "Bruno",
    "Carmen",
    "Dmitri",
    "Esther",
    "Felix",
    "Greta",
    "Hassan",
    "Ingrid",
    "Jamal",
    "Katya",
    "Lars",
    "Mina",
    "Nikhil",
    "Olga",
    "Pedro",
    "Rania",
]
LAST = [
    "Whitfield",
    "Obi",
    "Raman",
    "Becker",
    "Lindqvist",
    "Okafor",
    "Nakamura",
    "Duarte",
    "Fischer",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Laurent",
    "Moreau",
    "Novak",
    "O'Brien",
    "Petrov",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Uddin",
    "Varga",
    "Walsh",
    "Xu",
    "Yilmaz",
    "Zimmer",
    "Andersson",
    "Bianchi",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Ferreira",
    "Gallagher",
    "Horvat",
    "Iqbal",
    "Kaur",
    "Mensah",
    "Nguyen",
    "Ortiz",
]
ORGS = [
    "Northwind Logistics",
    "Helix Health",
    "Aurora Energy",
    "Finance",
    "Contoso Retail",
    "Blue Harbor Bank",
    "Orbital Media",
    "Greenfield Foods",
    "Quantum Freight",
    "Sales",
    "Marketing",
    "Atlas Insurance",
    "Meridian Pharma",
    "Lumen Telecom",
    "Operations",
    "",
]
KINDS = (["client", "customer", "boss", "colleague"], [35, 25, 8, 32])
RANK_BY_KIND = {
    "client": ["senior"] * 3 + ["peer"],
    "customer": ["senior", "peer", "peer"],
    "boss": ["senior"],
    "colleague": ["peer", "peer", "senior", "junior"],
}
CADENCES = (["quarterly", "half-yearly", "yearly"], [50, 30, 20])
TITLES = {
    "client": [
        "Quarterly business review",
        "Renewal terms",
        "Scope change request",
        "Steering committee",
        "Pilot kick-off",
        "Roadmap review",
        "Status update",
        "Escalation call",
        "Budget discussion",
        "Contract renewal",
        "Go-live readiness",
    ],
    "customer": [
        "Onboarding check-in",
        "Support escalation",
        "Feature request review",
        "Renewal terms",
        "Pricing discussion",
        "Usage review",
        "Account planning",
    ],
    "boss": [
        "Weekly one-to-one",
        "Promotion case review",
        "Team planning",
        "Performance review",
        "Budget check-in",
        "Hiring plan",
    ],
    "colleague": [
        "Budget check-in",
        "Hiring sync",
        "Project retro",
        "Cross-team sync",
        "Handover",
        "Release planning",
        "Design review",
    ],
}
NOTES = [
    "",
    "",
    "",
    "Walk through the roadmap; confirm the pilot dates.",
    "Raise the hiring freeze and what it does to the launch.",
    "They want a discount; we want a two-year term.",
    "Agree the success criteria and who signs off.",
    "Bring the numbers and two proposals.",
    "New reporting module requested last week: show what it does to the deadline.",
]
SETTINGS = (["video", "phone", "office", "coffee", "meal"], [45, 15, 28, 8, 4])
DURATIONS = ([15, 20, 30, 45, 60, 90, 120], [4, 6, 40, 18, 24, 6, 2])
HOURS = ([8, 9, 10, 11, 12, 13, 14, 15, 16, 17], [3, 12, 14, 13, 6, 7, 13, 13, 11, 5])
ASK_TEXTS = [
    "I need a named owner for sign-off on their side",
    "I need the budget decision by Friday",
    "I was just wondering if maybe we could agree the success criteria today",
    "Please confirm the go-live date in writing",
    "I need two more people on the migration",
    "Could we possibly move the review to next month?",
    "I need access to the production data export",
    "Approve the revised scope",
]
HOLD_BACK = [
    "That the January date only works if they freeze scope",
    "The pilot is behind by two weeks",
    "Their data is not clean",
    "I disagree with the new reporting line",
    "We cannot support the old version",
    "The team is burning out",
]
REASONS = ["embarrass", "more-data", "not-my-place", "wrong-moment", "fear", "other"]
EXPECT_THEM = [
    "A plan they can show their board on Monday",
    "A firm date",
    "A discount on the renewal",
    "Progress on the open issues",
]
EXPECT_ME = [
    "Agreement on scope and one decision-maker",
    "A signed renewal",
    "A decision on the budget",
    "Their feedback on the proposal",
]
DEADLINE_LABELS = [
    "Pilot go-live",
    "Contract signature",
    "Data migration",
    "Phase two",
    "Board pack",
    "Budget approval",
    "Release 3.0",
    "Security review",
]
PROBLEMS = [
    "Their data export is two weeks late",
    "Nobody owns the data migration",
    "The budget was cut by 20%",
    "Two key people are leaving",
    "The vendor API is unstable",
    "Scope keeps growing in every call",
]
SOLUTIONS = [
    "Start with last quarter's data and backfill",
    "Name an interim owner",
    "Phase the delivery over two quarters",
    "Bring in a contractor for three months",
    "Add a retry layer and a fallback",
    "Freeze scope until the pilot ends",
]
OUTCOMES = [
    "They accepted the pilot scope.",
    "Agreed to revisit next week.",
    "Good call; dates confirmed.",
    "Tense; they pushed back on the price.",
    "Decision postponed until the board meets.",
]
ACTIONS = [
    "Send the revised plan",
    "Name a data owner on their side",
    "Share the budget sheet",
    "Book the follow-up",
    "Write up the decision",
    "Check the contract terms",
    "Send the meeting notes",
    "Ask legal about the clause",
]
UNSAID = [
    "The timeline is not realistic",
    "I want to lead the next phase",
    "The last release was rushed",
    "I need more support from them",
]


@dataclass(frozen=True)
class Params:
    meetings: int
    years: float
    anchor: str  # ISO date: the data's "now" (midnight, local); meetings run up to it + future_days
    future_days: int = 28
    seed: int = 1
    zone: str = "Europe/London"

    @property
    def people(self) -> int:
        return max(5, self.meetings // 50)

    def key(self) -> str:
        years = f"{self.years:g}".replace(".", "_")
        return (
            f"prep-v{GENERATOR_VERSION}-n{self.meetings}-y{years}-a{self.anchor}"
            f"-f{self.future_days}-s{self.seed}-{self.zone.replace('/', '_')}"
        )

    @property
    def path(self) -> Path:
        return CACHE / f"{self.key()}.db"

    @property
    def now(self) -> datetime:
        return datetime.combine(
            date.fromisoformat(self.anchor), datetime.min.time(), tzinfo=ZoneInfo(self.zone)
        )


def ensure(params: Params, *, quiet: bool = False, prune: bool = False) -> Path:
    """The cached database for `params`, generated first if missing.

    `prune` removes cached files that differ from `params` only in their anchor
    or generator version (the app's database is re-anchored every day).
    """
    path = params.path
    meta = path.with_suffix(".json")
    if prune:
        _prune(params)
    if path.exists() and meta.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    gitignore = CACHE / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# generated benchmark databases\n*\n")
    tmp = path.with_name(path.stem + f".tmp{os.getpid()}.db")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    counts = generate(params, tmp)
    seconds = time.perf_counter() - started
    tmp.replace(path)
    meta.write_text(
        json.dumps(
            {"params": asdict(params), "counts": counts, "seconds": round(seconds, 2)}, indent=2
        )
    )
    if not quiet:
        print(
            f"generated {path.name}: {counts['meetings']:,} meetings, "
            f"{sum(counts.values()):,} rows in {seconds:.1f} s",
            file=sys.stderr,
        )
    return path


def _prune(params: Params) -> None:
    if not CACHE.is_dir():
        return
    for other in CACHE.glob("prep-v*.json"):
        try:
            old = Params(**json.loads(other.read_text())["params"])
        except (ValueError, TypeError, KeyError):
            continue
        same = (old.meetings, old.years, old.future_days, old.seed, old.zone) == (
            params.meetings,
            params.years,
            params.future_days,
            params.seed,
            params.zone,
        )
        if same and other.with_suffix(".db") != params.path:
            db = other.with_suffix(".db")
            for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), other):
                leftover.unlink(missing_ok=True)


def meta(params: Params) -> dict:
    return json.loads(params.path.with_suffix(".json").read_text())


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def generate(params: Params, path: Path) -> dict[str, int]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from prep.store import open_store

    rng = random.Random(params.seed)
    zone = ZoneInfo(params.zone)
    now = params.now
    first_day = (now - timedelta(days=params.years * 365.25)).date()
    last_day = (now + timedelta(days=params.future_days)).date()

    # -- people, each active for a stretch of the history -----------------------------
    people = []  # (id, kind, start_ordinal, end_ordinal, weight)
    person_rows = []
    names: set[str] = set()
    span = last_day.toordinal() - first_day.toordinal()
    for pid in range(1, params.people + 1):
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name.casefold() in names:
                name = f"{name} {rng.randint(2, 99)}"
            if name.casefold() not in names:
                names.add(name.casefold())
                break
        kind = rng.choices(*KINDS)[0]
        rank = rng.choice(RANK_BY_KIND[kind])
        cadence = rng.choices(*CADENCES)[0]
        length = int(rng.uniform(1, 6) * 365)
        start = first_day.toordinal() + rng.randint(-length // 2, span)
        end = start + length
        # A few people (the boss, the biggest client) are met far more often.
        weight = 1.0 / (1 + rng.random() * 9) ** 1.5 * (4 if kind == "boss" else 1)
        people.append((pid, kind, start, end, weight))
        created = _utc(
            datetime.combine(
                date.fromordinal(max(start, first_day.toordinal())),
                datetime.min.time(),
                tzinfo=zone,
            )
        )
        person_rows.append((pid, name, rng.choice(ORGS), kind, rank, cadence, created, created))
    # Everyone active today-ish is guaranteed: some people always cover "now".
    by_kind = {p[1]: p for p in people}

    # -- meeting days: working days only, uniform density ----------------------------
    workdays = [
        first_day + timedelta(days=i)
        for i in range(span + 1)
        if (first_day + timedelta(days=i)).weekday() < 5
    ]
    days = sorted(rng.choices(workdays, k=params.meetings))

    # Active people per 30-day bucket, with cumulative weights for fast choice.
    buckets: dict[int, tuple[list, list]] = {}

    def choose_person(day: date):
        b = day.toordinal() // 30
        if b not in buckets:
            lo, hi = b * 30, b * 30 + 29
            active = [p for p in people if p[2] <= hi and p[3] >= lo] or list(by_kind.values())
            cum, total = [], 0.0
            for p in active:
                total += p[4]
                cum.append(total)
            buckets[b] = (active, cum)
        active, cum = buckets[b]
        return active[bisect.bisect(cum, rng.random() * cum[-1])]

    rows = {
        t: []
        for t in (
            "meetings",
            "checklists",
            "asks",
            "deadlines",
            "problems",
            "solutions",
            "debriefs",
            "unsaid_items",
            "action_items",
            "deadline_moves",
        )
    }
    ids = {t: 0 for t in rows}

    def next_id(table: str) -> int:
        ids[table] += 1
        return ids[table]

    meetings = []  # (id, person_id, start datetime, past)
    for mid, day in enumerate(days, start=1):
        person = choose_person(day)
        hour = rng.choices(*HOURS)[0]
        local = datetime(
            day.year, day.month, day.day, hour, rng.choice((0, 0, 15, 30, 30, 45)), tzinfo=zone
        )
        duration = rng.choices(*DURATIONS)[0]
        kind = person[1]
        title = rng.choice(TITLES[kind])
        if rng.random() < 0.15:
            title = f"{title} – Q{(local.month - 1) // 3 + 1}"
        created = _utc(local - timedelta(days=rng.randint(1, 21), hours=rng.randint(0, 8)))
        past = local < now
        meetings.append([mid, person[0], local, past, "planned", duration])
        rows["meetings"].append(
            [
                mid,
                title,
                person[0],
                local.isoformat(timespec="minutes"),
                _utc(local),
                duration,
                rng.choices(*SETTINGS)[0],
                rng.choice(NOTES),
                "planned",
                created,
                created,
            ]
        )

    next_with_same: dict[int, int] = {}
    last_by_person: dict[int, int] = {}
    for mid, pid, *_ in reversed(meetings):
        if pid in last_by_person:
            next_with_same[mid] = last_by_person[pid]
        last_by_person[pid] = mid

    now_ord = now.date().toordinal()
    for index, (mid, _pid, local, past, _, duration) in enumerate(meetings):
        meeting_row = rows["meetings"][index]
        age_days = now_ord - local.date().toordinal()
        if past:
            has_checklist = rng.random() < 0.85
        elif age_days >= -7:
            has_checklist = rng.random() < 0.6
        else:
            has_checklist = rng.random() < 0.25
        steps_done = 0
        ask_ids: list[tuple[int, str]] = []
        deadline_ids: list[tuple[int, date, date, date]] = []
        problem_ids: list[int] = []
        planned_level = None
        if has_checklist:
            weights = [5, 7, 10, 18, 60] if past else [10, 20, 20, 20, 30]
            steps_done = rng.choices(range(5), weights)[0]
            done = set(rng.sample([1, 2, 3, 4], steps_done))
            ch_created = _utc(local - timedelta(hours=rng.randint(1, 48)))
            # Step 1: hierarchy check.
            n_asks = (
                rng.choices([0, 1, 2, 3, 4], [10, 35, 35, 15, 5])[0]
                if 1 in done
                else rng.choices([0, 1], [70, 30])[0]
            )
            no_asks = int(1 in done and n_asks == 0)
            nothing = int(1 in done and rng.random() < 0.25)
            holding = (
                "" if nothing or (1 not in done and rng.random() < 0.5) else rng.choice(HOLD_BACK)
            )
            reason = rng.choice(REASONS) if holding and (1 in done or rng.random() < 0.3) else None
            position = rng.choice(["senior", "peer", "junior"])
            if rng.random() < 0.3:
                position = "paying-client"
            if 1 not in done and rng.random() < 0.4:
                position = None
            for pos in range(n_asks):
                aid = next_id("asks")
                text = rng.choice(ASK_TEXTS)
                by_when = (
                    (local.date() + timedelta(days=rng.randint(1, 21))).isoformat()
                    if rng.random() < 0.5
                    else None
                )
                ask_ids.append((aid, text))
                rows["asks"].append(
                    [aid, mid, pos, text, by_when, ch_created, ch_created, None, None]
                )
            # Step 2: expectations and deadlines.
            they = rng.choice(EXPECT_THEM) if 2 in done or rng.random() < 0.5 else ""
            me = rng.choice(EXPECT_ME) if 2 in done else ""
            n_deadlines = rng.choices([0, 1, 2], [45, 40, 15])[0]
            for pos in range(n_deadlines):
                did = next_id("deadlines")
                earliest = local.date() + timedelta(days=rng.randint(7, 60))
                likely = earliest + timedelta(days=rng.randint(0, 30))
                latest = likely + timedelta(days=rng.randint(0, 45))
                full = 2 in done or rng.random() < 0.5
                deadline_ids.append((did, earliest, likely, latest))
                rows["deadlines"].append(
                    [
                        did,
                        mid,
                        pos,
                        rng.choice(DEADLINE_LABELS),
                        earliest.isoformat(),
                        likely.isoformat() if full else None,
                        latest.isoformat() if full else None,
                        rng.choice(["low", "medium", "high", None]),
                        rng.choice(
                            ["[]", '["scope"]', '["date"]', '["date", "scope"]', '["people"]']
                        ),
                        ch_created,
                        ch_created,
                    ]
                )
            premortem = "We argue about dates before agreeing scope" if rng.random() < 0.3 else ""
            # Step 3: assertiveness.
            if 3 in done:
                planned_level = rng.choices(range(1, 11), [1, 2, 5, 12, 20, 24, 18, 10, 5, 3])[0]
            pushback = (
                "I think differently about that, because the last pilot slipped"
                if rng.random() < 0.35
                else ""
            )
            # Step 4: solutions ready.
            nothing_to_raise = int(4 in done and rng.random() < 0.3)
            n_problems = 0 if nothing_to_raise else rng.choices([0, 1, 2, 3], [25, 45, 25, 5])[0]
            for pos in range(n_problems):
                prid = next_id("problems")
                help_ = int(rng.random() < 0.12)
                n_solutions = (
                    0
                    if help_
                    else (
                        rng.choices([1, 2], [75, 25])[0]
                        if 4 in done
                        else rng.choices([0, 1], [50, 50])[0]
                    )
                )
                rows["problems"].append(
                    [
                        prid,
                        mid,
                        pos,
                        rng.choice(PROBLEMS),
                        rng.choice(["decision", "approval", "information", "nothing", None]),
                        help_,
                        ch_created,
                        ch_created,
                        None,
                    ]
                )
                problem_ids.append(prid)
                for spos in range(n_solutions):
                    rows["solutions"].append(
                        [
                            next_id("solutions"),
                            prid,
                            spos,
                            rng.choice(SOLUTIONS),
                            ch_created,
                            ch_created,
                        ]
                    )
            off_plate = "Draft the board summary for them" if rng.random() < 0.3 else ""
            edited_after = int(past and rng.random() < 0.03)
            rows["checklists"].append(
                [
                    mid,
                    position,
                    holding,
                    nothing,
                    reason,
                    no_asks,
                    they,
                    me,
                    premortem,
                    planned_level,
                    pushback,
                    nothing_to_raise,
                    off_plate,
                    steps_done,
                    edited_after,
                    ch_created,
                    ch_created,
                ]
            )
        status = "prepared" if steps_done == 4 else "none"

        # -- the debrief ------------------------------------------------------------
        if past:
            if age_days <= 2:
                p_debrief = 0.3
            elif age_days <= 30:
                p_debrief = 0.85
            else:
                p_debrief = 0.85 if has_checklist else 0.5
            if rng.random() < p_debrief:
                complete = rng.random() < 0.92
                status = "debriefed" if complete else "debriefing"
                after = local + timedelta(minutes=duration, hours=rng.randint(0, 30))
                d_created = _utc(min(after, now))
                actual = None
                if complete or rng.random() < 0.5:
                    base = planned_level or rng.randint(3, 8)
                    actual = max(1, min(10, base + rng.choice([-3, -2, -1, -1, 0, 0, 0, 1, 1, 2])))
                feedback = int(rng.random() < 0.2)
                answers = (
                    (
                        "The one-page summaries",
                        "Flag risks earlier",
                        "Pre-read the board pack with me",
                    )
                    if feedback
                    else ("", "", "")
                )
                next_id_ = next_with_same.get(mid) if rng.random() < 0.2 else None
                rows["debriefs"].append(
                    [
                        mid,
                        rng.choice(OUTCOMES),
                        rng.choices(range(1, 6), [5, 10, 30, 40, 15])[0],
                        rng.choices(range(1, 6), [4, 10, 30, 40, 16])[0],
                        actual,
                        feedback,
                        *answers,
                        (
                            "They add scope late in calls; show what it does to the range."
                            if rng.random() < 0.25
                            else ""
                        ),
                        next_id_,
                        d_created,
                        d_created,
                    ]
                )
                # Ask results; an ask not made becomes an unsaid item.
                unsaid_pos = 0
                for aid, text in ask_ids:
                    row = rows["asks"][aid - 1]
                    asked = rng.random() < 0.75
                    row[7] = int(asked)
                    row[8] = (
                        rng.choices(["granted", "refused", "later", "no-answer"], [50, 15, 25, 10])[
                            0
                        ]
                        if asked
                        else None
                    )
                    if not asked:
                        _unsaid(
                            rows,
                            next_id("unsaid_items"),
                            mid,
                            unsaid_pos,
                            text,
                            aid,
                            after,
                            now,
                            rng,
                        )
                        unsaid_pos += 1
                if rng.random() < 0.25:
                    _unsaid(
                        rows,
                        next_id("unsaid_items"),
                        mid,
                        unsaid_pos,
                        rng.choice(UNSAID),
                        None,
                        after,
                        now,
                        rng,
                    )
                for prid in problem_ids:
                    rows["problems"][prid - 1][8] = rng.choices(
                        ["accepted", "declined", "parked", None], [45, 15, 25, 15]
                    )[0]
                for did, earliest, likely, latest in deadline_ids:
                    if rng.random() < 0.25:
                        shift = timedelta(days=rng.choice([7, 14, 14, 21, 28]))
                        rows["deadline_moves"].append(
                            [
                                next_id("deadline_moves"),
                                did,
                                mid,
                                (earliest + shift).isoformat(),
                                (likely + shift).isoformat(),
                                (latest + shift).isoformat(),
                                d_created,
                                d_created,
                            ]
                        )
                for pos in range(rng.choices([0, 1, 2, 3], [20, 35, 30, 15])[0]):
                    due = (
                        local.date() + timedelta(days=rng.randint(2, 21))
                        if rng.random() < 0.85
                        else None
                    )
                    when_due = due or local.date() + timedelta(days=7)
                    overdue_days = now_ord - when_due.toordinal()
                    if overdue_days > 30:
                        p_done = 0.97
                    elif overdue_days > 0:
                        p_done = 0.65
                    else:
                        p_done = 0.2
                    done_at = None
                    if rng.random() < p_done:
                        finished = datetime.combine(
                            when_due, datetime.min.time(), tzinfo=zone
                        ) + timedelta(days=rng.randint(-5, 3), hours=rng.randint(9, 18))
                        done_at = _utc(min(max(finished, after), now))
                    rows["action_items"].append(
                        [
                            next_id("action_items"),
                            mid,
                            pos,
                            rng.choice(ACTIONS),
                            rng.choices(["me", "them"], [60, 40])[0],
                            due.isoformat() if due else None,
                            done_at,
                            d_created,
                            d_created,
                        ]
                    )
        meeting_row[8] = status

    store = open_store(path)
    conn = store.db.conn
    conn.execute("PRAGMA foreign_keys = OFF")  # the rows are consistent; checked by --check
    conn.execute("BEGIN")
    try:
        conn.executemany(
            "INSERT INTO people (id, name, organisation, kind, rank, feedback_cadence,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            person_rows,
        )
        conn.executemany(
            "INSERT INTO meetings (id, title, person_id, starts_at, starts_at_utc,"
            " duration_minutes, setting, notes, progress, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["meetings"],
        )
        conn.executemany(
            "INSERT INTO checklists (meeting_id, standing, holding_back, holding_back_nothing,"
            " holding_back_reason, no_asks, they_expect, i_expect, premortem, planned_level,"
            " pushback_line, nothing_to_raise, off_their_plate, steps_done, edited_after_start,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["checklists"],
        )
        conn.executemany(
            "INSERT INTO asks (id, meeting_id, position, text, by_when, created_at, updated_at,"
            " asked, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["asks"],
        )
        conn.executemany(
            "INSERT INTO deadlines (id, meeting_id, position, label, earliest, likely, latest,"
            " confidence, flexible, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["deadlines"],
        )
        conn.executemany(
            "INSERT INTO problems (id, meeting_id, position, text, need, ask_for_help,"
            " created_at, updated_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["problems"],
        )
        conn.executemany(
            "INSERT INTO solutions (id, problem_id, position, text, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows["solutions"],
        )
        conn.executemany(
            "INSERT INTO debriefs (meeting_id, outcome, overall, temperature, actual_level,"
            " feedback_asked, feedback_keep, feedback_more, feedback_help, coaching_note,"
            " next_meeting_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["debriefs"],
        )
        conn.executemany(
            "INSERT INTO unsaid_items (id, meeting_id, position, text, from_ask_id, resolved_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows["unsaid_items"],
        )
        conn.executemany(
            "INSERT INTO action_items (id, meeting_id, position, text, owner, due, done_at,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["action_items"],
        )
        conn.executemany(
            "INSERT INTO deadline_moves (id, deadline_id, meeting_id, earliest, likely, latest,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows["deadline_moves"],
        )
        conn.commit()
    except BaseException:
        conn.rollback()
        store.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    counts = {"people": len(person_rows)}
    counts.update({table: len(table_rows) for table, table_rows in rows.items()})
    return counts


def _unsaid(rows, uid, mid, pos, text, ask_id, after, now, rng) -> None:
    created = min(after, now)
    age = (now - created).days
    resolved = None
    if rng.random() < (0.88 if age > 60 else 0.4):
        resolved = _utc(min(created + timedelta(days=rng.randint(3, 60)), now))
    rows["unsaid_items"].append(
        [uid, mid, pos, text, ask_id, resolved, _utc(created), _utc(created)]
    )


def check(path: Path) -> list[str]:
    """Foreign keys, CHECK-style sanity and status/steps consistency; [] when all is well."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        problems = [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
        (verdict,) = conn.execute("PRAGMA integrity_check").fetchone()
        if verdict != "ok":
            problems.append(f"integrity: {verdict}")
        bad = conn.execute(
            "SELECT count(*) FROM meetings m LEFT JOIN checklists c ON c.meeting_id = m.id"
            " WHERE m.progress IN ('none', 'prepared') AND"
            " (m.progress = 'prepared') != (coalesce(c.steps_done, 0) = 4)"
        ).fetchone()[0]
        if bad:
            problems.append(f"{bad} meetings whose progress disagrees with steps_done")
        orphan = conn.execute(
            "SELECT count(*) FROM meetings m LEFT JOIN debriefs d ON d.meeting_id = m.id"
            " WHERE (m.progress IN ('debriefing', 'debriefed')) != (d.meeting_id IS NOT NULL)"
        ).fetchone()[0]
        if orphan:
            problems.append(f"{orphan} meetings whose progress disagrees with their debrief")
    finally:
        conn.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument(
        "--anchor", default="today", help="the data's 'now' as YYYY-MM-DD, or 'today' (default)"
    )
    parser.add_argument("--future-days", type=int, default=28)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="regenerate even if cached")
    parser.add_argument("--check", action="store_true", help="verify the file afterwards")
    args = parser.parse_args(argv)
    anchor = date.today().isoformat() if args.anchor == "today" else args.anchor
    params = Params(args.meetings, args.years, anchor, args.future_days, args.seed)
    if args.force:
        for suffix in (".db", ".json"):
            params.path.with_suffix(suffix).unlink(missing_ok=True)
    path = ensure(params)
    info = meta(params)
    print(path)
    print(json.dumps(info, indent=2))
    if args.check:
        problems = check(path)
        print("check:", "ok" if not problems else "; ".join(problems))
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
