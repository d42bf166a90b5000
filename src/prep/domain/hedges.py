"""Spotting hedges in a direct ask.

When the other side holds the power, requests come out softened: "just",
"if you get a chance", "sorry to bother you". Hedges make a request sound
optional, and indirect requests get ignored (in the operating-theatre study,
nurses' hinted concerns went unheard by surgeons). The checklist points the
hedges out so the ask can be rewritten as "I need X by Friday".

`find_hedges` returns the spans of hedging phrases in the text as typed, so
a screen can highlight them; `suggestion` turns them into a one-line nudge.
Matching is case-insensitive, on whole words only, and tolerant of curly
apostrophes and runs of spaces. The pattern is one alternation of literal
words joined by possessive whitespace, so matching stays linear in the
length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = ["HEDGE_PHRASES", "Hedge", "find_hedges", "suggestion"]

# Canonical forms: lower case, single spaces, straight apostrophes.
HEDGE_PHRASES: frozenset[str] = frozenset(
    {
        # Minimisers: make the request sound small enough to ignore.
        "just",
        "a bit",
        "a little",
        "a little bit",
        "sort of",
        "kind of",
        "quick question",
        # Maybes: leave room for the answer "no".
        "maybe",
        "perhaps",
        "possibly",
        "hopefully",
        "i guess",
        "i think maybe",
        "i'm not sure if",
        "try to",
        "only if",
        # Conditional permission: hand them the way out.
        "if possible",
        "if you can",
        "if you could",
        "if you have time",
        "if it's not too much trouble",
        "when you get a chance",
        "when you get a moment",
        "whenever you can",
        "no worries if not",
        "don't worry if not",
        "no pressure",
        "no rush",
        "if you don't mind",
        "if that's ok",
        "if that's okay",
        # Questions in place of requests.
        "i was wondering",
        "i was just wondering",
        "i'm wondering",
        "i wonder if",
        "i don't suppose",
        "would it be ok",
        "would it be okay",
        "would it be possible",
        "would you mind",
        "do you think you could",
        "would you be able to",
        "would you be willing",
        "would you consider",
        "is there any chance",
        "any chance you could",
        "is it possible",
        "do you have a moment",
        "do you have a minute",
        # Wishes in place of requests.
        "i was hoping",
        "it would be great if",
        "it would be nice if",
        "i'd love it if",
        # Apologies for asking at all.
        "sorry to bother",
        "sorry to ask",
        "i hate to ask",
        "sorry to trouble",
        "i know you're busy",
    }
)

# "what kind of report", "this sort of thing": the noun, not the hedge.
_NOUN_USE_BEFORE = frozenset(
    {
        "a",
        "any",
        "every",
        "no",
        "one",
        "other",
        "same",
        "some",
        "that",
        "the",
        "these",
        "this",
        "those",
        "what",
        "which",
        "whatever",
        "different",
        "right",
        "wrong",
        "new",
        "another",
        "certain",
    }
)
_NOUN_USE_PHRASES = frozenset({"kind of", "sort of"})
# Looking further back than the longest of those words finds nothing new.
_LONGEST_NOUN_USE_WORD = max(len(word) for word in _NOUN_USE_BEFORE)

_APOSTROPHES = "'\u2019\u2018\u02bc"  # straight, right and left curly, modifier letter

_JUST_IN_TIME = r"just\s++in\s++time(?![\w-])"

_DIRECT_REQUEST = "Try it as a direct request: \u201cI need \u2026 by \u2026\u201d."
_MOST_NAMED = 3


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedging phrase found at text[start:end]; `phrase` is its canonical form."""

    start: int
    end: int
    phrase: str


def _phrase_pattern(phrase: str) -> str:
    parts = []
    for ch in phrase:
        if ch == " ":
            # Possessive: whitespace is never given back, so a long run of
            # spaces cannot make the engine retry it position by position.
            parts.append(r"\s++")
        elif ch == "'":
            parts.append(f"[{_APOSTROPHES}]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


@cache
def _hedge_re() -> re.Pattern[str]:
    # Compiled on first use so importing the domain stays cheap.
    # Longest first: at any one start the longest phrase wins ("a little
    # bit" over "a little", "would it be okay" over "would it be ok").
    alternatives = "|".join(
        _phrase_pattern(p) for p in sorted(HEDGE_PHRASES, key=len, reverse=True)
    )
    # Whole words only. A hyphen also counts as part of the word, so the
    # compounds "just-in-time" and "kind-of-blue" are left alone.
    # "just in time" spelled with spaces is the same compound noun.
    return re.compile(
        rf"(?<![\w-])(?!{_JUST_IN_TIME})(?:{alternatives})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _single_phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(_phrase_pattern(phrase), re.IGNORECASE)


def _canonical(matched: str) -> str:
    key = " ".join(matched.casefold().split())
    for apostrophe in _APOSTROPHES[1:]:
        key = key.replace(apostrophe, "'")
    if key in HEDGE_PHRASES:
        return key
    # Case-insensitive matching also accepts letters whose casefold is not
    # the plain ASCII one (Turkish dotted capital I, the Kelvin sign);
    # find the phrase the long way for those rare texts.
    return next(p for p in HEDGE_PHRASES if _single_phrase_re(p).fullmatch(matched))


def _word_before(text: str, start: int) -> str:
    """The word ending just before `start` (over any spaces), lower-cased, or ""."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and text[begin - 1].isalpha() and end - begin <= _LONGEST_NOUN_USE_WORD:
        begin -= 1
    return text[begin:end].casefold()


def find_hedges(text: str) -> list[Hedge]:
    """Every hedge in `text`, sorted by start and never overlapping.

    Where phrases overlap, the one starting first wins, and of those
    starting at the same place, the longest.
    """
    hedges = []
    for match in _hedge_re().finditer(text):
        phrase = _canonical(match.group())
        if phrase in _NOUN_USE_PHRASES and _word_before(text, match.start()) in _NOUN_USE_BEFORE:
            continue
        hedges.append(Hedge(match.start(), match.end(), phrase))
    return hedges


def _quoted_list(phrases: list[str]) -> str:
    quoted = [f"\u201c{p}\u201d" for p in phrases[:_MOST_NAMED]]
    more = len(phrases) - len(quoted)
    if more:
        return f"{', '.join(quoted)} and {more} more"
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def suggestion(text: str) -> str | None:
    """A one-line nudge naming the hedges in `text`, or None when it has none.

    e.g. "“just” and “if you can” make this sound optional. Try it as a
    direct request: “I need … by …”."
    """
    hedges = find_hedges(text)
    if not hedges:
        return None
    # Each phrase named once, in the order it first appears, and quoted as
    # the person typed it ("I was wondering", not "i was wondering").
    first_seen: dict[str, str] = {}
    for hedge in hedges:
        first_seen.setdefault(hedge.phrase, " ".join(text[hedge.start : hedge.end].split()))
    phrases = list(first_seen.values())
    verb = "makes" if len(phrases) == 1 else "make"
    return f"{_quoted_list(phrases)} {verb} this sound optional. {_DIRECT_REQUEST}"
