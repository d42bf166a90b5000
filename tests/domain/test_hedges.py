"""Hedges in direct asks: which phrases are found, where, and which are left alone."""

from __future__ import annotations

import itertools
import time

import pytest

from prep.domain.hedges import HEDGE_PHRASES, Hedge, find_hedges, suggestion


def found(text: str) -> list[tuple[str, int]]:
    return [(h.phrase, h.start) for h in find_hedges(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could you just send it", [("just", 10)]),
        ("Maybe we could meet", [("maybe", 0)]),
        ("Perhaps Friday?", [("perhaps", 0)]),
        ("It's possibly late", [("possibly", 5)]),
        ("Send it Friday if possible", [("if possible", 15)]),
        ("Review it if you can", [("if you can", 10)]),
        ("If you could sign it off", [("if you could", 0)]),
        ("Look at it if you have time", [("if you have time", 11)]),
        ("Reply when you get a chance", [("when you get a chance", 6)]),
        ("I was wondering about the budget", [("i was wondering", 0)]),
        ("I wonder if we could move it", [("i wonder if", 0)]),
        ("It's sort of urgent", [("sort of", 5)]),
        ("It's kind of urgent", [("kind of", 5)]),
        ("It's a bit late", [("a bit", 5)]),
        ("I need a little more time", [("a little", 7)]),
        ("I need a little bit more time", [("a little bit", 7)]),
        ("Would it be ok to move it?", [("would it be ok", 0)]),
        ("Would it be okay to move it?", [("would it be okay", 0)]),
        ("Would it be possible to move it?", [("would it be possible", 0)]),
        ("Would you mind signing?", [("would you mind", 0)]),
        ("Do you think you could sign?", [("do you think you could", 0)]),
        ("I think maybe Friday", [("i think maybe", 0)]),
        ("Hopefully by Friday", [("hopefully", 0)]),
        ("Friday, no worries if not", [("no worries if not", 8)]),
        ("Sorry to bother you, but", [("sorry to bother", 0)]),
        ("Sorry to ask again", [("sorry to ask", 0)]),
        ("I hate to ask, but", [("i hate to ask", 0)]),
        ("Quick question: budget?", [("quick question", 0)]),
        ("I guess Friday works", [("i guess", 0)]),
        ("Only if you agree", [("only if", 0)]),
        ("I'll try to send it", [("try to", 5)]),
        ("I'm wondering whether", [("i'm wondering", 0)]),
        ("I don't suppose you could", [("i don't suppose", 0)]),
        ("If it's not too much trouble, sign", [("if it's not too much trouble", 0)]),
        ("Whenever you can", [("whenever you can", 0)]),
        # Case, runs of spaces, line breaks and curly apostrophes.
        ("JUST SEND IT", [("just", 0)]),
        ("Would  it   be\tokay", [("would it be okay", 0)]),
        ("if\npossible", [("if possible", 0)]),
        ("I\u2019m wondering", [("i'm wondering", 0)]),
        ("I don\u2018t suppose", [("i don't suppose", 0)]),
        ("Sorry\u00a0to ask", [("sorry to ask", 0)]),
        # Punctuation around a hedge is not part of it.
        ('"Just" send it', [("just", 1)]),
        ("(maybe)", [("maybe", 1)]),
        ("Friday\u2014just\u2014please", [("just", 7)]),
        ("Send it, just.", [("just", 9)]),
        # Several, in order, the longest at each start.
        (
            "I was just wondering, maybe if you could, just a bit",
            [
                ("i was just wondering", 0),
                ("maybe", 22),
                ("if you could", 28),
                ("just", 42),
                ("a bit", 47),
            ],
        ),
        ("It's kind of a rush", [("kind of", 5)]),
        ("I think maybe, just maybe", [("i think maybe", 0), ("just", 15), ("maybe", 20)]),
        # The noun "kind of" goes, the hedge in the same sentence stays.
        ("What kind of report? It's kind of urgent", [("kind of", 26)]),
    ],
)
def test_finds_hedges(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "I need sign-off by Friday.",
        "Justify the budget",
        "Justice delayed",
        "Adjust the plan",
        "A just-in-time delivery",
        "Delivered just in time for launch",
        "Maybelline ad",
        "Kindly sign it",
        "A bitmap of the site",
        "The sorted list",
        "Perhapsly is not a word",
        "What kind of report do you need?",
        "This sort of thing",
        "The same kind of issue",
        "Any sort of delay costs money",
        "A kind of tax on the team",
        "I guessed right",
        "Trying to fix it",
        "The entry took years",
        "maybe_later is a variable",
        "a-little-known fact",
        "Sort order by date",
        "unjust",
        "justé",
    ],
)
def test_leaves_plain_words_alone(text):
    assert find_hedges(text) == []


def test_spans_point_into_the_original_text():
    text = "Sorry  to\u00a0BOTHER you \U0001f64f, would  you MIND if possible"
    hedges = find_hedges(text)
    assert hedges == [
        Hedge(0, 16, "sorry to bother"),
        Hedge(24, 39, "would you mind"),
        Hedge(40, 51, "if possible"),
    ]
    assert [text[h.start : h.end] for h in hedges] == [
        "Sorry  to\u00a0BOTHER",
        "would  you MIND",
        "if possible",
    ]


def test_emoji_do_not_shift_spans():
    # Spans count code points: the family emoji is five of them.
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    text = f"\U0001f680\U0001f680 just \u2615 maybe {family} perhaps"
    assert found(text) == [("just", 3), ("maybe", 10), ("perhaps", 22)]
    assert all(text[h.start : h.end] == h.phrase for h in find_hedges(text))


def test_a_turkish_capital_i_still_names_the_canonical_phrase():
    assert found("\u0130 WAS WONDERING") == [("i was wondering", 0)]


@pytest.mark.parametrize("phrase", sorted(HEDGE_PHRASES))
def test_every_listed_phrase_is_found_on_its_own(phrase):
    assert find_hedges(f"Well, {phrase}.") == [Hedge(6, 6 + len(phrase), phrase)]


def test_hedges_never_overlap_and_are_sorted():
    text = "would it be okay if you could maybe just, sort of, a little bit " * 50
    hedges = find_hedges(text)
    assert len(hedges) == 50 * 6
    assert all(a.end <= b.start for a, b in itertools.pairwise(hedges))


@pytest.mark.parametrize(
    "text",
    [
        "just maybe " * 4_546,  # 50,006 characters, 9,092 hedges
        "i" + " " * 50_000 + "x",  # a first word, then a long run to backtrack over
        "i " * 25_000,  # a first word everywhere, never a whole phrase
        "would it be " * 4_167,
        "a" * 50_000,
        "-just-" * 8_334,
    ],
)
def test_fifty_thousand_characters_are_quick(text):
    start = time.perf_counter()
    find_hedges(text)
    assert time.perf_counter() - start < 1.0


def test_fifty_thousand_characters_are_all_found():
    assert len(find_hedges("just maybe " * 4_546)) == 9_092


@pytest.mark.parametrize(
    ("text", "nudge"),
    [
        ("I need sign-off by Friday.", None),
        ("", None),
        (
            "Could you just sign it?",
            "\u201cjust\u201d makes this sound optional. "
            "Try it as a direct request: \u201cI need \u2026 by \u2026\u201d.",
        ),
        (
            "Maybe sign it, if you can?",
            "\u201cMaybe\u201d and \u201cif you can\u201d make this sound optional. "
            "Try it as a direct request: \u201cI need \u2026 by \u2026\u201d.",
        ),
        # Named once each, as first typed, spaces tidied.
        (
            "Just,  JUST  ,  just if   possible, maybe",
            "\u201cJust\u201d, \u201cif possible\u201d and \u201cmaybe\u201d "
            "make this sound optional. "
            "Try it as a direct request: \u201cI need \u2026 by \u2026\u201d.",
        ),
        (
            "I was wondering, perhaps, if you could, hopefully, a bit",
            "\u201cI was wondering\u201d, \u201cperhaps\u201d, \u201cif you could\u201d and 2 more "
            "make this sound optional. "
            "Try it as a direct request: \u201cI need \u2026 by \u2026\u201d.",
        ),
    ],
)
def test_suggestion(text, nudge):
    assert suggestion(text) == nudge


def test_suggestion_is_one_line():
    assert "\n" not in suggestion("just\nif\npossible")


# -- Corpora: real indirect requests, and direct ones that must be left alone ---

INDIRECT_REQUESTS = [
    "Could you possibly send the figures by Friday?",
    "I think maybe we should move the launch.",
    "Sorry to bother you, but I need the sign-off.",
    "If it's not too much trouble, could you review the draft?",
    "Send the contract on Friday, no worries if not.",
    "I guess we could use another engineer.",
    "Would you be able to approve the budget this week?",
    "Is there any chance we could get two more days?",
    "Any chance you could look at the draft?",
    "Is it possible to move the review?",
    "Would you mind signing it off today?",
    "Do you think you could introduce me to finance?",
    "I was wondering if we could revisit the scope.",
    "I was hoping you could share the roadmap.",
    "It would be great if you could confirm by Monday.",
    "It would be nice if we had the test data.",
    "I\u2019d love it if you could join the demo.",
    "When you get a chance, please look at the plan.",
    "Whenever you can, send the logs.",
    "If you have time, review the proposal.",
    "Maybe we could push the deadline a little?",
    "Perhaps we could talk about the budget.",
    "Could we maybe get access to production?",
    "I hate to ask, but could we have another week?",
    "Just wondering whether the contract is ready.",
    "No rush, but the figures would help.",
    "If that's okay, I'd like to move the meeting.",
    "Would you consider extending the deadline?",
    "Would you be willing to present the results?",
    "I know you're busy, but I need ten minutes.",
    "Hopefully we can get the approval soon.",
    "I don't suppose you've had a chance to read it?",
    "Sorry to ask again about the invoice.",
    "Do you have a moment to look at this?",
    "If you don't mind, send me the access details.",
    "Sorry to trouble you: is the invoice paid?",
]

DIRECT_REQUESTS = [
    "I need the signed contract by Friday.",
    "Please send the figures by 3 June.",
    "Sign off the budget today.",
    "I need a decision on scope at this meeting.",
    "Send me the access details by noon tomorrow.",
    "I need two more engineers from March.",
    "Please approve the change request by Thursday.",
    "I need you to tell the board the launch moves to the 12th.",
    "Confirm the budget before the steering meeting.",
    "I need an answer on the contract this week.",
    "Please introduce me to the head of finance.",
    "I need the test data by Wednesday so we can start.",
    "Give us read access to the production logs.",
    "I need your decision on option A or B today.",
    "Move the review to Tuesday.",
    "I need feedback on the draft by the end of the week.",
    "Approve the extra sprint.",
    "Please review the proposal before Monday's call.",
    "I need you to choose between the two designs.",
    "Tell me which risks worry you most.",
    "I think the deadline should move to the 12th; I need your agreement.",
    "We need the kind of access admins have.",
    "Send the just-in-time delivery schedule.",
    "I need the possibility of a second phase written into the contract.",
    "Can you send the report by Friday?",
    "Is the budget approved? I need to know by Monday.",
    "I need this sort of report every month.",
    "Decide whether we rush the release or not, by Friday.",
]


def test_the_indirect_corpus_is_flagged():
    flagged = [text for text in INDIRECT_REQUESTS if find_hedges(text)]
    print(f"indirect requests flagged: {len(flagged)} / {len(INDIRECT_REQUESTS)}")
    assert [t for t in INDIRECT_REQUESTS if t not in flagged] == []


def test_the_direct_corpus_is_left_alone():
    false_positives = [text for text in DIRECT_REQUESTS if find_hedges(text)]
    print(
        f"direct requests flagged (false positives): {len(false_positives)} / {len(DIRECT_REQUESTS)}"
    )
    assert false_positives == []
