"""Read-only Markdown, drawn once per width and then served line by line."""

from __future__ import annotations

from rich.segment import Segment
from rich.styled import Styled
from textual.strip import Strip
from textual.widget import Widget

# Rich draws headings magenta and underlined, like links; here they are
# headings: bold, in the text's own colour (so they follow the theme).
HEADINGS = {
    "markdown.h1": "bold",
    "markdown.h2": "bold",
    "markdown.h3": "bold",
    "markdown.h4": "bold italic",
}


class MarkdownView(Widget):
    """A Markdown document (the brief, the weekly review) as plain lines.

    A Static holding Rich's Markdown renders the whole document again for
    every measurement and every paint: three to four full renders when it
    appears and one more per scroll step, about 80 ms each for a busy week.
    This widget renders once for its width and keeps the lines, so showing
    it costs one render, scrolling costs none, and a resize renders again.
    (Textual's own Markdown widget builds a widget per block, which costs
    more still for documents that change on every save.)
    """

    DEFAULT_CSS = """
    MarkdownView {
        height: auto;
    }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.markdown = markdown
        self._lines: list[Strip] = []
        self._drawn_for: tuple[object, ...] = ()  # what _lines were drawn for

    def update(self, markdown: str) -> None:
        if markdown == self.markdown:
            return
        self.markdown = markdown
        self._drawn_for = ()
        self.refresh(layout=True)

    def _lines_at(self, width: int) -> list[Strip]:
        # The style is part of the key: a theme change draws the lines again.
        style = self.rich_style
        if self._drawn_for != (width, style):
            from rich.markdown import Markdown  # only when there is something to show
            from rich.theme import Theme

            options = self.app.console_options.update(highlight=False).update_width(width)
            with self.app.console.use_theme(Theme(HEADINGS)):
                segments = list(
                    self.app.console.render(
                        Styled(Markdown(self.markdown, hyperlinks=False), style), options
                    )
                )
            self._lines = [
                Strip(line, width)
                for line in Segment.split_and_crop_lines(
                    segments, width, style=style, pad=True, include_new_lines=False
                )
            ]
            self._drawn_for = (width, style)
        return self._lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines_at(width))

    def render_line(self, y: int) -> Strip:
        lines = self._lines_at(self.content_size.width)
        return lines[y] if y < len(lines) else Strip.blank(self.content_size.width, self.rich_style)
