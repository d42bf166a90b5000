"""Dates and deadlines named in what each side expects from a meeting."""

from __future__ import annotations

import pytest

from prep.domain.deadline_mentions import first_date_mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The report by Friday", "by Friday"),
        ("Agree the deadline", "deadline"),
        ("Invoice due next week", "due"),
        ("Launch on 2026-11-24", "2026-11-24"),
        ("Ship it 24/11", "24/11"),
        ("Done by the end of the month", "by the end of the month"),
        ("Go live 3 May", "3 May"),
        ("Go live May 3rd", "May 3rd"),
        ("Results this quarter", "this quarter"),
        ("A plan for Q3", "Q3"),
        ("Sign-off EOD", "EOD"),
        ("Answer before   tomorrow", "before tomorrow"),
        ("Draft by the 12th", "by the 12th"),
    ],
)
def test_finds_the_first_date(text, mention):
    assert first_date_mention(text) == mention


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A go/no-go on the pilot",
        "We may agree on scope",
        "March the team forward",
        "Due diligence on the vendor",
        "A second opinion",
        "Overdue-ness is not a word we use",
        "Fridays are quiet",
    ],
)
def test_leaves_ordinary_words_alone(text):
    assert first_date_mention(text) is None
