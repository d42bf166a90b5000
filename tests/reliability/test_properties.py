"""Property tests of text at length: `prep add` with arbitrary arguments and
every text field's save-and-reload, a few hundred examples each (the main
suite runs the same properties with a few: tests/properties.py)."""

from __future__ import annotations

from tests.properties import cli_property, store_property

EXAMPLES = 300

test_prep_add_takes_any_text = cli_property(EXAMPLES)
test_every_text_field_round_trips = store_property(EXAMPLES // 3)
