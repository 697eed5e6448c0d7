"""Links: the URLs a file points at, with spans, where they are text a reader follows or code
fetches: Python strings, words of commands, Markdown and reStructuredText prose, notebook Markdown
cells. Comments are not read."""
from __future__ import annotations

from dataclasses import dataclass

from ovlint.base.lazy import pattern
from ovlint.surfaces.shell import Command, value_span

# a URL up to a blank, a quote, the markup around it (`[text](url)`, `<url>`, `` `url`__ ``) or a
# variable's value (`$VERSION`, an f-string's field)
_URL = pattern(r"https?://[^\s<>\"'`()\[\]{}|\\^$]+")
_TRAILING = ".,;:!?*"


@dataclass(frozen=True)
class Link:
    url: str
    start: int
    end: int


def links_in(text: str, offset: int = 0) -> list[Link]:
    """The URLs in `text`, whose first character is at `offset` of the unit."""
    found = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        found.append(Link(url, offset + match.start(), offset + match.start() + len(url)))
    return found


def from_command(command: Command, text: str) -> list[Link]:
    """The URLs the words of a command hold, where the word's text shows them as they are, and
    those of the variables it uses that the file sets (`wget $URL`), at the word."""
    found = []
    for word in command.assignments + command.words:
        written = links_in(word.value)
        for link in written:
            span = value_span(text, word, link.start, link.end)
            if span is not None:
                found.append(Link(link.url, *span))
        if not written and word.resolved is not None:
            found.extend(Link(link.url, word.start, word.end) for link in links_in(word.resolved))
    return found
