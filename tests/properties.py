"""Properties of text handling, shared by the quick run in the main suite
(tests/store/test_bad_rows.py, tests/test_cli_inputs.py: a few examples)
and the long one (tests/reliability/test_properties.py).

`cli_property(examples)` and `store_property(examples)` return a test
function with that many hypothesis examples.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from prep.cli import main
from prep.domain.models import NOTES_MAX, clean_line, without_surrogates
from prep.store import open_store
from prep.store.checklists import FIELDS as CHECKLIST_FIELDS
from prep.store.debriefs import FIELDS as DEBRIEF_FIELDS
from prep.store.values import TEXT_MAX

# Any code point, lone surrogates included: what Python makes of bytes that
# are not UTF-8 in an argument (surrogateescape), besides control characters,
# escape sequences, emoji and every script.
ANY_CHARACTER = st.characters(exclude_categories=())
UNDECODED_BYTES = st.binary(max_size=20).map(lambda b: b.decode("utf-8", "surrogateescape"))
ESCAPES = st.sampled_from(["\x1b]52;c;aGk=\x07", "\x1b[2J", "\x00", "\r\n", "\u202e", "\x9b"])
TEXT = st.lists(
    st.one_of(st.text(ANY_CHARACTER, max_size=30), UNDECODED_BYTES, ESCAPES), max_size=6
).map("".join)
# Arguments: two in three without undecodable bytes, so that more are accepted
# and the stored text is checked, not only the refusal.
DECODABLE = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30), ESCAPES),
    min_size=1,
    max_size=6,
).map("".join)
ARGUMENT = st.one_of(DECODABLE, DECODABLE, TEXT)
# The longest text a field takes, in characters of up to four UTF-8 bytes.
LONGEST = ("é🚀\x1b[2J" * TEXT_MAX)[:TEXT_MAX]

CHECKLIST_TEXT = [name for name, kind in CHECKLIST_FIELDS.items() if kind is str]
DEBRIEF_TEXT = [name for name, (kind, _) in DEBRIEF_FIELDS.items() if kind is str]
LIST_TEXT = {
    "asks": "text",
    "deadlines": "label",
    "problems": "text",
    "solutions": "text",
    "unsaid": "text",
    "actions": "text",
}
REFLECTION_TEXT = ["went_well", "to_change", "focus"]


def _settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.large_base_example,
        ],
    )


def cli_property(examples: int):
    """`prep add` with arbitrary text in its title, --with and --notes: exit
    0 or 2, never an exception; what it accepts is stored as promised
    (title and name as one clean line, notes exactly)."""

    exits: Counter[int] = Counter()

    @_settings(examples)
    @given(title=ARGUMENT, person=ARGUMENT, notes=ARGUMENT)
    def run(tmp_path: Path, capsys, title: str, person: str, notes: str):
        db = tmp_path / "prop.db"
        before = _count(db)
        argv = [
            "--db",
            str(db),
            "add",
            f"--with={person}",
            "--at=tomorrow 3pm",
            f"--notes={notes}",
            "--",
            title,
        ]
        try:
            code = main(argv)
        except SystemExit as stop:  # argparse's usage errors
            code = stop.code
        out, err = capsys.readouterr()
        exits[code] += 1
        assert code in (0, 2), err
        assert "Traceback" not in out + err
        if code == 2:
            assert _count(db) == before
            return
        stored_title, stored_name, stored_notes = _last_meeting(db)
        assert (stored_title, stored_notes) == (clean_line(title), notes)
        # A name already known in another case (SQLite's NOCASE: A-Z only)
        # is that person.
        assert _nocase(stored_name) == _nocase(clean_line(person))
        assert "\x1b" not in out

    def prep_add_takes_any_text(tmp_path: Path, capsys):
        run(tmp_path, capsys)
        with capsys.disabled():
            print(
                f"\nprep add with arbitrary text: {exits[0]} accepted, {exits[2]} refused (exit 2)"
            )

    return prep_add_takes_any_text


def store_property(examples: int):
    """Every text field saved and read back: exactly what was given (each
    undecodable byte as \ufffd), however long or odd."""

    seen: list[int] = []

    @_settings(examples)
    @example(text=LONGEST)
    @given(text=TEXT)
    def run(tmp_path: Path, text: str):
        seen.append(len(text))
        from prep.domain.models import MeetingDraft
        from tests.helpers import at

        store = open_store(tmp_path / "fields.db")
        try:
            expected = without_surrogates(text)
            meeting = store.add_meeting(
                MeetingDraft("Q4 review", "Dana", at(1, 10), notes=text[:NOTES_MAX])
            )
            assert store.meeting(meeting.id).notes == expected[:NOTES_MAX]
            for name in CHECKLIST_TEXT:
                store.checklists.set_field(meeting.id, name, text)
            checklist = store.checklists.get(meeting.id)
            assert {n: getattr(checklist, n) for n in CHECKLIST_TEXT} == dict.fromkeys(
                CHECKLIST_TEXT, expected
            )
            for name in DEBRIEF_TEXT:
                store.debriefs.set_field(meeting.id, name, text)
            debrief = store.debriefs.get(meeting.id)
            assert {n: getattr(debrief, n) for n in DEBRIEF_TEXT} == dict.fromkeys(
                DEBRIEF_TEXT, expected
            )
            problem = store.items.add("problems", meeting.id, text="p")
            for kind, column in LIST_TEXT.items():
                parent = problem if kind == "solutions" else meeting.id
                item = store.items.add(kind, parent, **{column: text})
                [row] = [r for r in store.items.rows(kind, parent) if r["id"] == item]
                assert row[column] == expected, kind
            monday = date(2030, 1, 7)
            for name in REFLECTION_TEXT:
                store.review.set_reflection(monday, name, text)
            reflection = store.review.reflection(monday)
            assert {n: getattr(reflection, n) for n in REFLECTION_TEXT} == dict.fromkeys(
                REFLECTION_TEXT, expected
            )
            store.save_draft("form", {"notes": text, "title": text})
            assert store.load_draft("form") == {"notes": expected, "title": expected}
        finally:
            store.close()

    def every_text_field_round_trips(tmp_path: Path):
        run(tmp_path)
        fields = len(CHECKLIST_TEXT) + len(DEBRIEF_TEXT) + len(LIST_TEXT) + len(REFLECTION_TEXT)
        print(
            f"{len(seen)} texts (longest {max(seen):,} characters) through {fields} fields,"
            " the meeting's notes and a draft"
        )

    return every_text_field_round_trips


def _nocase(text: str) -> str:
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    finally:
        conn.close()


def _last_meeting(db: Path) -> tuple[str, str, str]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT m.title, c.name, m.notes FROM meetings m"
            " JOIN people c ON c.id = m.person_id ORDER BY m.id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
