"""What each screen is for, the ideas behind the checklist, and the keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from prep.tui.screens.keys_in_order import KeysInOrder
from prep.tui.screens.widths import FitsTheWidth
from prep.tui.typed import PrepModalScreen
from prep.tui.widgets.focus import focus_now
from prep.tui.widgets.footer import KeyFooter

HELP_TEXT = """\
# prep

prep gets you ready for a meeting with a client, a customer or your boss,
helps you debrief afterwards, and shows you each week how your working
relationships are going. Everything stays in one SQLite file on this machine.

## Screens

- **Agenda** (home): meetings coming up, grouped by today, this week and
  later, with how ready you are (four dots, one per checklist step).
  Meetings that happened but have no debrief are listed first, in amber.
- **Meeting form**: title, who it is with, when, how long, where, notes.
  *When* takes plain words: `tomorrow 3pm`, `fri 10:30`, `in 2h`,
  `24/11 9am`, `2026-11-24 15:00`. The date it understood appears beside
  the field as you type, month by name. A new name creates that person.
  - An hour without am/pm: 1–7 is the afternoon (`at 3` is 15:00; write
    `3am` for the morning), 8–11 the morning, 12 noon; `0:30`, `15:00`
    and `07:30` are taken as typed. The hint says which it chose.
  - `mon` is the next Monday after today (typed on a Monday: next week's).
    `this mon` counts today. `next tue` is the Tuesday of next week
    (weeks run Monday to Sunday, or from `week_starts_on` in the
    settings), so typed on a Monday it is 8 days away, not tomorrow.
  - Dates are day-first unless the settings say `date_order =
    "month-first"` (`prep config` shows them): day-first `3/1` is
    3 January and `12/31` is refused (write `31/12`). The hint names the
    month, so the reading is never in doubt.
  - A by-when or due date before the meeting is kept, with a warning.

- **Checklist** (`p`, or `enter` before the meeting): four steps and a
  one-page brief, saved as you type. The plan freezes when the meeting
  starts; `u` unlocks it, and prep notes it was edited afterwards.
- **Call screen** (`enter` while the meeting is under way, `c` any time):
  the time left, what is still unsaid from before, your asks (`space`
  ticks one as asked, `a` its answer), deadlines, your planned level and
  push-back line, problems with solutions, feedback questions when due,
  and scratch notes. It all goes into the debrief.
- **Debrief** (`b`, or `enter` once the meeting is over): what was
  planned beside what happened — each ask, what went unsaid, deadlines that
  moved, how assertive you actually were, the three feedback questions,
  what happened to your proposals, action items, coaching up, and the next
  meeting. Unsaid items and open action items follow the person into the
  next checklist and brief until you tick them off.

- **Weekly review** (`r`): the week's numbers beside last week's, the
  week's meetings (prepared? debriefed? `tab` to them, `enter` opens one),
  your assertiveness against plan and its 12-week trend, what went unsaid,
  moving deadlines, action items, who is due a feedback conversation, and a
  reflection you keep. What a meeting brought counts in the meeting's week,
  however late you debrief it. `[` `]` step weeks, `t` returns to this one.
- **People** (`o`): each relationship, its numbers and its timeline;
  `e` edits a person, `m` merges two records of one person.

## The ideas behind the checklist

1. **Hierarchy gets in the way of honest talk.** Facing someone with more
   power, people hedge: requests come out as hints, and hints get ignored.
   Name the power gap, name what you might hold back, and write your asks
   as direct requests: "I need the sign-off by Friday."
2. **Deadlines are a variable you manage together.** Record them as a range
   (earliest, likely, latest) with a confidence, and say what each side
   expects from the meeting.
3. **Setting matters.** Sharing food or a hot drink warms a conversation;
   prep records where you met so the review can show whether it helped.
4. **Assertiveness works like Goldilocks.** Too much damages the
   relationship, too little leaves goals soft. Plan a level in the
   just-right band, then compare it with what you actually did.
5. **Ask for feedback on a rhythm**: what should I keep doing, what should
   I do more often, what can I do to help you more?
6. **Bring solutions, not problems**, and take work off their plate. It is
   still fine to raise a problem to ask for help: say so.
7. **Debriefs compare plan with reality.** The plan freezes when the
   meeting starts; the debrief sits beside it.
8. **Name why you stay quiet.** Not wanting to embarrass them, wanting more
   data first, "not my place": naming the reason is the first step past it.
   Raising a problem to ask for help is allowed.
9. **Managing up vs coaching up.** Managing up changes how they see you;
   coaching up tries to change what they do. If they won't take feedback,
   reframe and act yourself.

## Keys

| Key | Where | What |
|---|---|---|
| `p` | Agenda | Prepare: the checklist of the selected meeting |
| `b` | Agenda | Debrief the selected meeting (once it has started) |
| `x` | Agenda | Mark the selected action item done (`ctrl+z` undoes it) |
| `n` | Agenda | New meeting |
| `r` / `o` | Agenda | Weekly review / People |
| `e` | Agenda | Edit the selected meeting |
| `enter` | Agenda | Call screen while it is under way, debrief once over, else prepare |
| `c` | Agenda, checklist, debrief | The call screen |
| `PgDn` `PgUp` | Checklist, debrief | Next / previous step or section |
| `ctrl+e` | Checklist, debrief, review | Export the brief, debrief or week as Markdown beside the database |
| `s` | Checklist, on an unsaid item from before | Say it this time: make it a direct ask |
| `enter` | A list item's field | Add the next item |
| `ctrl+o` `ctrl+r` | Lists | Add / remove an item |
| `d` | Agenda | Delete the selected meeting (asks first) |
| `ctrl+z` | After a delete or a merge | Undo it, for 8 seconds |
| `/` | Agenda, People | Search everything written; enter opens the meeting |
| `↑` `↓` | Lists | Move |
| `tab` / `shift+tab` | Forms | Next / previous field |
| `←` `→` | Choices (◂ ▸) | Previous / next option; a digit picks the n-th, a letter jumps, backspace clears |
| `ctrl+s` | Forms | Save |
| `ctrl+g` | Text areas (notes, expectations, outcome…) | Write the text in $VISUAL or $EDITOR |
| `escape` | Anywhere | Back (a form with changes asks first) |
| `ctrl+p` | Anywhere | Every command, searchable |
| `?` | Anywhere | This help |
| `ctrl+q` | Anywhere | Quit |
"""


class HelpScreen(FitsTheWidth, KeysInOrder, PrepModalScreen[None]):
    """Full help, scrollable; Escape or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", key_display="esc")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(HELP_TEXT)
        # The dialog's own keys, not those of the screen behind it.
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Help · esc to close"
        focus_now(self.query_one("#help-body"))
