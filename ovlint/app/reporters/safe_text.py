"""Text from a checkout (file names, source lines, values quoted in messages) made safe for each
output: no control character reaches a terminal or a CI log, XML gets only the characters XML 1.0
allows, and Markdown shows such text as it is, never as a heading, a link or a broken code span.
A byte of a file name that is not UTF-8 (a surrogate escape) is shown as `\\xNN`."""
from __future__ import annotations

import re

from ovlint.base.lazy import pattern
from ovlint.base.text import UNPRINTABLE

# what XML 1.0 cannot hold at all
_NOT_XML = pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# what starts emphasis, a link, an image, HTML, an entity, a table cell or a strikethrough inside a
# line (a message never starts one, so `#`, `-` and `1.` cannot begin a block there)
_MARKDOWN_PUNCTUATION = pattern(r"([\\*_\[\]<>!&|~])")
_BACKTICKS = pattern(r"`+")


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """`text` with control characters shown as escapes, so that it prints as one plain line."""
    return UNPRINTABLE.sub(_escape, text)


def xml(text: str) -> str:
    """`text` with what XML 1.0 forbids shown as escapes (ElementTree escapes the rest)."""
    return _NOT_XML.sub(_escape, text)


def markdown_code(text: str) -> str:
    """`text` as one inline code span, however many backticks it holds."""
    text = terminal(text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown(text: str) -> str:
    """A message as Markdown: its code spans kept, everything else shown literally."""
    text = terminal(text)
    out, at = [], 0
    for span in _code_spans(text):
        out.append(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text[at:span[0]]))
        out.append(text[span[0]:span[1]])
        at = span[1]
    out.append(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text[at:]))
    return "".join(out)


def _code_spans(text: str):
    """The code spans of one line of Markdown: a run of backticks up to the next run as long."""
    at = 0
    while True:
        opening = _BACKTICKS.search(text, at)
        if opening is None:
            return
        closing = next((m for m in _BACKTICKS.finditer(text, opening.end()) if len(m.group()) == len(opening.group())),
                       None)
        if closing is None:
            return
        yield opening.start(), closing.end()
        at = closing.end()
