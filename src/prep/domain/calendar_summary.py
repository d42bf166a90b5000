"""What `prep import` did, or would do, and how it is told: one home for the
summary's words, shared by the command and the app's palette entry."""

from __future__ import annotations

from dataclasses import dataclass, field

from prep.domain.calendar_events import Skipped
from prep.domain.models import clean_line


@dataclass(slots=True)
class ImportSummary:
    """What an import did, or would do, to one file's meetings; each list names them."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    unchanged: int = 0
    people_added: int = 0
    all_day: int = 0
    free: int = 0
    alone: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def absorb(self, other: ImportSummary) -> None:
        self.added += other.added
        self.updated += other.updated
        self.cancelled += other.cancelled
        self.unchanged += other.unchanged
        self.people_added += other.people_added
        self.all_day += other.all_day
        self.free += other.free
        self.alone += other.alone
        self.skipped += other.skipped


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file of an import: its summary, or why it was refused whole."""

    source: str
    summary: ImportSummary | None = None
    refused: str = ""


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def counts_line(summary: ImportSummary, dry_run: bool) -> str:
    """The counts in one line: "3 added, 1 updated, 0 cancelled, 12 unchanged; skipped ..."."""
    verbs = ("to add", "to update", "to cancel") if dry_run else ("added", "updated", "cancelled")
    line = (
        f"{len(summary.added)} {verbs[0]}, {len(summary.updated)} {verbs[1]}, "
        f"{len(summary.cancelled)} {verbs[2]}, {summary.unchanged} unchanged"
    )
    skipped = []
    if summary.all_day:
        skipped.append(_count(summary.all_day, "all-day event"))
    if summary.free:
        skipped.append(_count(summary.free, "event marked free", "events marked free"))
    if summary.alone:
        skipped.append(
            _count(summary.alone, "with nobody else invited", "with nobody else invited")
        )
    if summary.skipped:
        skipped.append(_count(len(summary.skipped), "other"))
    if skipped:
        line += "; skipped " + ", ".join(skipped)
    if summary.people_added:
        line += f"; {_count(summary.people_added, 'new person', 'new people')}"
    return line


def summary_lines(results: list[FileResult], dry_run: bool, window: str) -> list[str]:
    """The report of an import: per file a line of counts, then each skipped
    event with its reason; a dry run also names each meeting it would change."""
    lines = [f"Dry run: nothing is written. Window: {window}." if dry_run else f"Window: {window}."]
    total = ImportSummary()
    for result in results:
        name = clean_line(result.source)
        if result.summary is None:
            lines.append(f"{name}: not imported: {clean_line(result.refused)}")
            continue
        summary = result.summary
        total.absorb(summary)
        lines.append(f"{name}: {counts_line(summary, dry_run)}")
        if dry_run:
            for verb, items in (
                ("add", summary.added),
                ("update", summary.updated),
                ("cancel", summary.cancelled),
            ):
                lines += [f"  would {verb} {clean_line(item)}" for item in items]
        lines += [f"  skipped {clean_line(str(skip))}" for skip in summary.skipped]
    if len(results) > 1:
        lines.append(f"In all: {counts_line(total, dry_run)}")
    return lines
