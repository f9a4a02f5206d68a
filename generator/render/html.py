"""Markdown → HTML for generated pages, so MkDocs never parses them a second time.

Generated pages are mostly raw HTML blocks with a few Markdown headings and the
editor's prose in between. Python-Markdown's raw-HTML parser re-reads every one of
those blocks (a third of a plain MkDocs build at catalog size); markdown-it-py
passes them through untouched. The output matches what MkDocs' configured
extensions give (toc with permalinks, tables, admonitions, footnotes; a list needs a
blank line before it, as in Python-Markdown): the same
heading ids (Python-Markdown's `toc` slugs, `_1`, `_2` for repeats), the same
`headerlink` anchors, and table-of-contents tokens in the shape
`mkdocs.structure.toc.get_toc` takes, nested by level like Python-Markdown's.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, list_block
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin

_IDCOUNT = re.compile(r"^(.*)_([0-9]+)$")
_TAGS = re.compile(r"<[^>]*>")


@dataclass
class PageHTML:
    """A page's body as HTML and its table of contents (a list of toc tokens)."""

    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)


def slugify(text: str) -> str:
    """Python-Markdown's `toc` slugify (ASCII, lower case, runs of space and dash → one dash)."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def _unique(slug: str, used: set[str]) -> str:
    while slug in used or not slug:
        match = _IDCOUNT.match(slug)
        slug = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{slug}_1"
    used.add(slug)
    return slug


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(footnote_plugin).use(admon_plugin)
    # Python-Markdown needs a blank line before a list: "+ tokens × ..." on the line after
    # a sentence continues the sentence. CommonMark would start a list there.
    md.block.ruler.at("list", _list_after_blank_line, {"alt": ["paragraph", "reference", "blockquote"]})
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_block_open", lambda *_: '<div class="footnote">\n<hr />\n<ol>\n')
    md.add_render_rule("footnote_block_close", lambda *_: "</ol>\n</div>\n")
    md.add_render_rule("footnote_open", lambda self, tokens, idx, *_: f'<li id="fn:{_note(tokens[idx])}">\n')
    md.add_render_rule("footnote_anchor", _footnote_backref)
    return md


def _note(token: Token) -> str:
    return str(token.meta["id"] + 1)


def _footnote_ref(self: Any, tokens: list[Token], idx: int, *_: Any) -> str:
    """Python-Markdown's footnote markup, which Material's stylesheet is written for."""
    n = _note(tokens[idx])
    return f'<sup id="fnref:{n}"><a class="footnote-ref" href="#fn:{n}">{n}</a></sup>'


def _footnote_backref(self: Any, tokens: list[Token], idx: int, *_: Any) -> str:
    n = _note(tokens[idx])
    return (f'&#160;<a class="footnote-backref" href="#fnref:{n}" '
            f'title="Jump back to footnote {n} in the text">&#8617;</a>')


def _list_after_blank_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's list rule, except that outside a list it never ends a paragraph."""
    if silent and state.parentType == "paragraph" and state.listIndent < 0:
        return False
    return list_block(state, start, end, silent)


def to_html(markdown: str) -> PageHTML:
    """Render `markdown` (no front matter) as MkDocs with mkdocs.yml's extensions would."""
    md = _parser()
    tokens = md.parse(markdown)
    used: set[str] = set()
    flat: list[dict[str, Any]] = []
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        inner = md.renderer.renderInline(inline.children or [], md.options, {})  # type: ignore[attr-defined]  # RendererHTML has it; the protocol does not name it
        text = html.unescape(_TAGS.sub("", inner)).strip()
        slug = _unique(slugify(text), used)
        token.attrSet("id", slug)
        inline.children = (inline.children or []) + [_permalink(slug)]
        flat.append({"level": int(token.tag[1]), "id": slug, "name": html.escape(text, quote=False),
                     "children": []})
    return PageHTML(md.renderer.render(tokens, md.options, {}), _nest(flat))


def _permalink(slug: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = f'<a class="headerlink" href="#{slug}" title="Permanent link">&para;</a>'
    return token


def _nest(flat: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headings as a tree: each one is a child of the nearest heading above it with a lower level."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for item in flat:
        while stack and stack[-1]["level"] >= item["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(item)
        stack.append(item)
    return root


# What the page JavaScript drives, by the class of its root element (templates/partials/).
_DRIVEN = {"calculator.js": ("mr-calc", "mr-filters", "mr-picker"), "picker.js": ("mr-picker",)}


def page_scripts(html: str) -> list[str]:
    """The optional scripts a finished page needs, for its front matter (`scripts:`).

    The theme loads calculator.js and picker.js only where they have something to drive;
    deciding it here, from the page's HTML, puts the choice in the page's data, where a
    frame of the theme (`publish.frames`) can see it, instead of in the template.
    """
    return [script for script, marks in _DRIVEN.items() if any(mark in html for mark in marks)]
