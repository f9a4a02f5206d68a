"""The theme around a generated page, rendered once per kind of page instead of once per page.

Material's template is the single largest cost of finishing a page, yet for two review
pages at the same depth it writes the same bytes except in a few places: the title,
the description, the canonical URL, the table of contents and the content. A `Frame`
is that output cut at those places. It is made from one render of a page whose
values were replaced by probes (strings no real value contains, each with an entity
and a tag so that every form the template prints them in, raw, `striptags` or
escaped, can be told apart), and is trusted only after filling it reproduces,
byte for byte, the real render of the two pages of its kind that the theme
rendered first. A kind whose frame cannot be cut or does not reproduce those pages
is rendered in full, page by page.

A kind is everything the template can branch on besides those values: the page's
depth (relative links), template, other front-matter values, nav membership and
neighbours, whether it has a table of contents and whether its content has an h1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from markupsafe import Markup, escape
from mkdocs.commands.build import get_context
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render import PageHTML
from .finish import Theme

_TITLE = "\x01title&amp;<b>t</b>\x01"
_DESCRIPTION = "\x01description&amp;<b>d</b>\x01"
_CANONICAL = "\x01canonical\x01"
_CONTENT = "\x01content\x01"
_CONTENT_H1 = "\x01content<h1\x01"   # for content with an h1: the theme adds its own title when there is none
_FORMS: dict[str, Callable[[str], str]] = {
    "raw": lambda value: value,
    "striptags": lambda value: Markup(value).striptags(),
    "escaped": lambda value: str(escape(value)),
}
Part = str | tuple[str, str]     # literal text, or (field, form)


@dataclass(frozen=True)
class Frame:
    parts: tuple[Part, ...]

    def fill(self, values: dict[str, str]) -> str:
        return "".join(part if isinstance(part, str) else _FORMS[part[1]](values[part[0]]) for part in self.parts)


class FrameMismatch(Exception):
    """A spot check found a framed page that differs from the theme's own render."""


class Frames:
    """Finishes pages through frames where a frame reproduces the theme exactly, else in full.

    Every `check_every`-th framed page is also rendered in full and compared: a frame
    that got it wrong raises `FrameMismatch`, and the build finishes every page in full.
    """

    def __init__(self, theme: Theme, enabled: bool = True, check_every: int = 40):
        self.theme = theme
        self.enabled = enabled
        self.check_every = check_every
        self._first: dict[tuple, tuple[Page, dict[str, Any], PageHTML, str, bytes]] = {}
        self._frames: dict[tuple, Frame | None] = {}
        self.framed = 0
        # toc.html as base.html includes it: with the `lang` macros and `features` in scope
        self._toc_template = theme.env.from_string(
            '{% import "partials/language.html" as lang with context %}'
            '{% set features = config.theme.features or [] %}{% include "partials/toc.html" %}')

    def finish(self, page: Page, meta: dict[str, Any], body: PageHTML, lastmod: str) -> bytes:
        kind = self._kind(page, meta, body) if self.enabled else None
        if kind is None:
            return self.theme.finish(page, meta, body, lastmod)
        if kind in self._frames:
            frame = self._frames[kind]
            if frame is None:
                return self.theme.finish(page, meta, body, lastmod)
            self.framed += 1
            filled = self._fill(frame, page, meta, body).encode("utf-8", errors="xmlcharrefreplace")
            if self.framed % self.check_every == 0 and filled != self.theme.finish(page, meta, body, lastmod):
                raise FrameMismatch(page.file.src_uri)
            return filled
        output = self.theme.finish(page, meta, body, lastmod)
        first = self._first.pop(kind, None)
        if first is None:
            self._first[kind] = (page, meta, body, lastmod, output)
            return output
        frame = self._cut(*first[:4])
        trusted = frame is not None and all(
            self._fill(frame, p, m, b).encode("utf-8", errors="xmlcharrefreplace") == out
            for p, m, b, out in ((first[0], first[1], first[2], first[4]), (page, meta, body, output)))
        self._frames[kind] = frame if trusted else None
        return output

    def _kind(self, page: Page, meta: dict[str, Any], body: PageHTML) -> tuple | None:
        if not page.file.inclusion.is_not_in_nav() or page.previous_page or page.next_page:
            return None       # pages in the nav mark themselves active in it: always in full
        others = {k: v for k, v in meta.items() if k not in ("title", "description")}
        skip = body.toc[0].get("id") if body.toc else None      # the theme's skip link goes to it
        return (page.url.count("/"), json.dumps(others, sort_keys=True, default=str), skip,
                isinstance(meta.get("title"), str), isinstance(meta.get("description"), str),
                bool(body.toc), "<h1" in body.html)

    def _values(self, page: Page, meta: dict[str, Any], body: PageHTML) -> dict[str, str]:
        return {"title": meta.get("title", ""), "description": meta.get("description", ""),
                "canonical": page.canonical_url or "", "content": body.html, "toc": self._toc(page, body)}

    def _fill(self, frame: Frame, page: Page, meta: dict[str, Any], body: PageHTML) -> str:
        return frame.fill(self._values(page, meta, body))

    def _toc(self, page: Page, body: PageHTML) -> str:
        """The secondary sidebar's table of contents, as the theme's own partial writes it."""
        theme = self.theme
        page.toc = get_toc(body.toc)  # type: ignore[arg-type]
        page.active = True
        try:
            context = get_context(theme.nav, theme.documentation, theme.config, page)
            return self._toc_template.render(context)
        finally:
            page.active = False

    def _cut(self, page: Page, meta: dict[str, Any], body: PageHTML, lastmod: str) -> Frame | None:
        """The theme's output for `page` with its values probed, cut at each probe; None when a
        value shows up in a form the frame cannot reproduce."""
        toc = self._toc(page, body)
        real_canonical = page.canonical_url
        probe_meta = {**meta}
        if "title" in meta:
            probe_meta["title"] = _TITLE
        if "description" in meta:
            probe_meta["description"] = _DESCRIPTION
        page.canonical_url = _CANONICAL if real_canonical else None
        try:
            probe = _CONTENT_H1 if "<h1" in body.html else _CONTENT
            text = self.theme.finish(page, probe_meta, PageHTML(probe, body.toc), lastmod).decode("utf-8")
        finally:
            page.canonical_url = real_canonical
        if not toc or text.count(toc) != 1:
            return None
        before, after = text.split(toc)
        parts: list[Part] = []
        for index, piece in enumerate((before, after)):
            if index:
                parts.append(("toc", "raw"))
            cut = _cut_probes(piece)
            if cut is None:
                return None
            parts.extend(cut)
        return Frame(tuple(parts))


def _cut_probes(text: str) -> list[Part] | None:
    probes = [(field, form, _FORMS[form](probe)) for field, probe in
              (("title", _TITLE), ("description", _DESCRIPTION)) for form in _FORMS]
    probes += [("canonical", "raw", _CANONICAL), ("content", "raw", _CONTENT), ("content", "raw", _CONTENT_H1)]
    parts: list[Part] = []
    position = 0
    while True:
        found = [(text.find(shown, position), field, form, shown) for field, form, shown in probes]
        found = [item for item in found if item[0] >= 0]
        if not found:
            break
        start, field, form, shown = min(found, key=lambda item: (item[0], -len(item[3])))
        parts.append(text[position:start])
        parts.append((field, form))
        position = start + len(shown)
    parts.append(text[position:])
    if any(isinstance(part, str) and "\x01" in part for part in parts):
        return None           # a probe printed in a form we do not know: render such pages in full
    return parts
