"""The names of the schema migrations this version of prep knows.

Kept apart from `schema.py` so that opening an up-to-date database can check
its version without importing sqlite-utils; a test keeps the two in step.
"""

MIGRATION_SET = "prep"

MIGRATION_NAMES = (
    "m001_counterparts_and_meetings",
    "m002_checklists",
    "m003_debriefs",
    "m004_weekly_review",
    "m005_deadline_moves_latest",
    "m006_search",
    "m007_integrity_checks",
    "m008_readable_names",
    "m009_views",
    "m010_calendar",
    "m012_call_notes",
    "m013_repeats",
    "m014_coaching_loops",
    "m015_threads",
    "m016_asks_from_unsaid_index",
)

# The distribution's name: "prep" on PyPI is someone else's package, so
# every message that says how to upgrade names this one.
DISTRIBUTION = "prep-meetings"
UPGRADE_COMMAND = f"pip install -U {DISTRIBUTION}, or pipx upgrade {DISTRIBUTION}"
