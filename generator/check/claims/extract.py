"""Which characters of a Markdown body are prose, and where its sentences are.

Claims and bindings must be found in what a reader reads, never in code, link
targets or HTML, and every finding must point at its exact line and column in
the file. So instead of walking rendered text (which loses positions) this module
*masks* the body: everything that is not prose becomes spaces, newlines stay, and
the masked string has the same length as the body. Offsets in it are offsets in
the file's body. markdown-it-py decides the block structure (which lines are
paragraphs, headings, list items, table rows; which are code or HTML blocks);
a small CommonMark-faithful scanner masks the inline parts (code spans, autolinks,
inline HTML, link destinations, emphasis markers, backslash escapes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

_CODE_BLOCKS = {"fence", "code_block"}  # HTML blocks are shown to readers: bindings expand there
_LINE_MARKERS = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}(?=[ \t]|$))?")
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--)>", re.DOTALL)
_BARE_URL = re.compile(r"https?://\S+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ABBREVIATION = re.compile(r"(?<![\w.])(?:vs|e\.g|i\.e|etc|approx|cf|incl|excl|no|fig)\.$", re.IGNORECASE)
_MARKUP = re.compile(r"[\\\]*\[!~_]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9$])|\n\s*\n|\|")


@dataclass(frozen=True)
class Sentence:
    """One sentence of prose: its masked text and where it starts in the body."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Block structure only: positions come from block maps, inline parsing would be wasted work."""
    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    return parser


@dataclass(frozen=True)
class _Layout:
    code: tuple[tuple[int, int], ...]      # indented code blocks and fences
    inline: tuple[tuple[int, int], ...]    # one range per block of inline content


@lru_cache(maxsize=256)
def _layout(body: str) -> _Layout:
    """One markdown-it parse per body, shared by the binding and claim checks."""
    starts = _line_starts(body)

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(body)

    code: list[tuple[int, int]] = []
    inline: list[tuple[int, int]] = []
    for token in _parser().parse(body):
        if not token.map:
            continue
        if token.type in _CODE_BLOCKS:
            code.append((offset(token.map[0]), offset(token.map[1])))
        elif token.type == "inline" and (not inline or inline[-1][0] != offset(token.map[0])):
            end = starts[token.map[1]] - 1 if token.map[1] < len(starts) else len(body)
            inline.append((offset(token.map[0]), end))
    return _Layout(tuple(code), tuple(inline))


def inline_ranges(body: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the body's inline Markdown (paragraphs, headings, list items, table rows).

    What is neither this nor code is an HTML block, where Markdown is not parsed.
    """
    return _layout(body).inline


@lru_cache(maxsize=256)
def mask_code(body: str) -> str:
    """The body with code blocks, fences and inline code spans blanked (HTML blocks stay: readers see them).

    Data bindings are looked for in this text: `{{ price.input }}` inside
    backticks is an example for readers, not a binding.
    """
    layout = _layout(body)
    chars = list(body)
    for start, end in layout.code:
        _blank(chars, start, end)
    for start, end in layout.inline:
        _mask_code_spans(chars, start, end)
    return "".join(chars)


def mask_prose(body: str) -> str:
    """The body with everything but readable prose blanked (same length, newlines kept)."""
    chars = [c if c == "\n" else " " for c in body]
    code_free = mask_code(body)
    for start, end in _layout(body).inline:
        segment = list(code_free[start:end])
        _mask_inline(segment)
        chars[start:end] = segment
    masked = "".join(chars)
    lines = masked.split("\n")
    for i, line in enumerate(lines):
        marker = _LINE_MARKERS.match(line)
        if marker and marker.end():
            lines[i] = " " * marker.end() + line[marker.end():]
    return "\n".join(lines)


def mask_plain(text: str) -> str:
    """Plain text (front-matter prose, printed escaped, not as Markdown) with only URLs blanked.

    Backticks, stars and brackets in such text are what readers see, so unlike
    `mask_prose` nothing else is taken away.
    """
    chars = list(text)
    for match in _BARE_URL.finditer(text):
        _blank(chars, match.start(), match.end())
    return "".join(chars)


def split_sentences(masked: str) -> list[Sentence]:
    """Sentences of masked prose; blank lines, table cells and sentence punctuation end one."""
    sentences: list[Sentence] = []
    position = 0
    for match in _SENTENCE_END.finditer(masked):
        if _ABBREVIATION.search(masked, max(0, match.start() - 8), match.start()):
            continue
        _add_sentence(sentences, masked, position, match.start())
        position = match.end()
    _add_sentence(sentences, masked, position, len(masked))
    return sentences


def line_and_column(body: str, offset: int, first_line: int) -> tuple[int, int]:
    """1-based file line and column of a body offset; `first_line` is the body's first file line."""
    line = body.count("\n", 0, offset)
    column = offset - (body.rfind("\n", 0, offset) + 1) + 1
    return first_line + line, column


def _add_sentence(sentences: list[Sentence], masked: str, start: int, end: int) -> None:
    text = masked[start:end]
    stripped = text.strip()
    if stripped:
        lead = len(text) - len(text.lstrip())
        sentences.append(Sentence(start + lead, stripped))


def _line_starts(body: str) -> list[int]:
    starts = [0]
    for match in re.finditer("\n", body):
        starts.append(match.end())
    return starts


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, min(end, len(chars))):
        if chars[i] != "\n":
            chars[i] = " "


def _mask_code_spans(chars: list[str], start: int, end: int) -> None:
    """CommonMark code spans: a run of n backticks closed by the next run of exactly n."""
    i = start
    while i < end:
        if chars[i] == "\\" and i + 1 < end and chars[i + 1] in _PUNCT:
            i += 2
            continue
        if chars[i] != "`":
            i += 1
            continue
        run = _run_length(chars, i, end, "`")
        j = i + run
        closing = -1
        while j < end:
            if chars[j] == "`":
                other = _run_length(chars, j, end, "`")
                if other == run:
                    closing = j + other
                    break
                j += other
            else:
                j += 1
        if closing < 0:
            i += run
            continue
        _blank(chars, i, closing)
        i = closing


def _run_length(chars: list[str], i: int, end: int, char: str) -> int:
    j = i
    while j < end and chars[j] == char:
        j += 1
    return j - i


def _mask_inline(segment: list[str]) -> None:
    """Blank link destinations, autolinks, inline HTML, URLs, entities and markup characters."""
    text = "".join(segment)
    for pattern in (_AUTOLINK, _HTML_TAG, _BARE_URL, _ENTITY):
        for match in pattern.finditer(text):
            _blank(segment, match.start(), match.end())
    text = "".join(segment)
    i = 0
    for special in _MARKUP.finditer(text):
        if special.start() < i:
            continue
        i = special.start()
        char = segment[i]
        if char == "\\" and i + 1 < len(segment) and segment[i + 1] in _PUNCT:
            segment[i] = " "
            i += 2
            continue
        if char == "]" and i + 1 < len(segment) and segment[i + 1] in "([":
            closing = _closing(text, i + 1)
            _blank(segment, i, closing)
            i = closing
            continue
        if char in "*[]!" and not (char == "!" and (i + 1 >= len(segment) or segment[i + 1] != "[")):
            segment[i] = " "
        elif char == "~" and i + 1 < len(segment) and segment[i + 1] == "~":
            segment[i] = segment[i + 1] = " "
            i += 1
        elif char == "_" and not (_is_word(segment, i - 1) and _is_word(segment, i + 1)):
            segment[i] = " "
        i += 1


def _closing(text: str, opening: int) -> int:
    """Offset just past the `)` or `]` that closes the bracket at `opening` (nesting aware)."""
    pairs = {"(": ")", "[": "]"}
    open_char = text[opening]
    close_char = pairs[open_char]
    depth = 0
    for j in range(opening, len(text)):
        if text[j] == "\\":
            continue
        if text[j] == open_char:
            depth += 1
        elif text[j] == close_char:
            depth -= 1
            if depth == 0:
                return j + 1
        elif text[j] == "\n" and j + 1 < len(text) and text[j + 1] == "\n":
            break
    return opening + 1


def _is_word(segment: list[str], i: int) -> bool:
    return 0 <= i < len(segment) and segment[i].isalnum()
