"""Generated pages reach MkDocs as HTML: markdown-it gives what Python-Markdown would, parsed once."""

from __future__ import annotations

import re

import markdown
import pytest
from claims_catalog import resolved_catalog, write_catalog
from conftest import TODAY, valid_review
from selectolax.lexbor import LexborHTMLParser

from generator.catalog.bindings import expand_bindings
from generator.render.html import slugify, to_html

EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "footnotes"]
CONFIGS = {"toc": {"permalink": True}}

DOCUMENTS = [
    "# Title\n\nSome *text*.\n\n## Our review\n\nMore.\n\n### Price history\n\n## Our review\n\nAgain.\n",
    "## Prices & costs: 1M tokens\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    '<div class="mr-card">\n<p>raw <b>html</b> *not emphasis*</p>\n</div>\n\n## After\n\ntext\n',
    "## Über `code` 2.0\n\n- one\n- two\n\n> quote\n> + continues the sentence\n",
    "!!! note\n    An admonition.\n\nA footnote[^1].\n\n[^1]: The note.\n",
    "## A\n\n## A\n\n## A_1\n",
]


def _normalise(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r">\s*<", "><", html).strip()


def _python_markdown(source: str):
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    return md.convert(source), md.toc_tokens


def _strip_html_key(tokens):
    return [{"level": t["level"], "id": t["id"], "name": t["name"], "children": _strip_html_key(t["children"])}
            for t in tokens]


@pytest.mark.parametrize("source", DOCUMENTS)
def test_headings_ids_and_toc_match_python_markdown(source):
    ours = to_html(source)
    html, toc = _python_markdown(source)
    assert ours.toc == _strip_html_key(toc)
    ours_tree, theirs_tree = LexborHTMLParser(ours.html), LexborHTMLParser(html)
    for level in ("h1", "h2", "h3"):
        assert [h.html for h in ours_tree.css(level)] == [h.html for h in theirs_tree.css(level)]
    assert ours_tree.body.text(deep=True).split() == theirs_tree.body.text(deep=True).split()


def test_raw_html_blocks_pass_through_untouched():
    source = '<table class="mr-table">\n<tr><td>*x* _y_</td></tr>\n</table>\n'
    assert to_html(source).html == source


def test_a_list_needs_a_blank_line_before_it_as_in_python_markdown():
    page = LexborHTMLParser(to_html("cost = a × b\n+ c × d\n").html)
    assert page.css("li") == []
    page = LexborHTMLParser(to_html("- one\nstill one\n- two\n").html)
    assert [li.text(strip=True) for li in page.css("li")] == ["one\nstill one", "two"]


def test_slugify_is_python_markdowns():
    from markdown.extensions.toc import slugify as theirs
    for text in ["Pricing by channel", "GPT-4.1 mini vs. o3", "Über — naïve", "  a  -- b  "]:
        assert slugify(text) == theirs(text, "-")


@pytest.fixture
def evil_catalog(site):
    write_catalog(site)
    site.review("openai/evil", valid_review(name="GPT *x* _y_ <b>[z](https://evil.example)</b> & `c` | #1",
                                            family="evil"))
    return resolved_catalog(site)


@pytest.mark.parametrize("body", [
    "Compared with {{ openai/evil: name }}, it is cheap.\n",
    "## How {{ openai/evil: name }} compares\n",
    "- against {{ openai/evil: name }}\n",
    "| model | note |\n|---|---|\n| {{ openai/evil: name }} | x |\n",
    '<div class="note">\n{{ openai/evil: name }}\n</div>\n',
])
def test_a_bound_name_stays_text_through_markdown_it(evil_catalog, body):
    page = LexborHTMLParser(to_html(expand_bindings(body, evil_catalog, None)).html)
    assert [n.tag for n in page.body.traverse() if n.tag in ("em", "strong", "b", "code")] == []
    assert "GPT *x* _y_ <b>[z](https://evil.example)</b> & `c` | #1" in page.body.text()


def test_generated_pages_get_no_python_markdown_pass(site, monkeypatch):
    """Python-Markdown sees hand-written docs/ pages in full and never sees generated pages
    (`modelreview build` finishes them itself, outside MkDocs' page loop)."""
    from mkdocs.structure.pages import Page

    from generator.project import Project
    from generator.publish.build import build_site
    from render_sample import add_publishing, write_sample

    add_publishing(write_sample(site))
    (site.root / "docs").mkdir(exist_ok=True)
    (site.root / "docs/handwritten.md").write_text("# Hand written\n\n## A section\n\nText *here*.\n")
    seen: dict[str, str] = {}
    original = Page.render

    def spy(self, config, files):
        seen[self.file.src_uri] = self.markdown
        return original(self, config, files)

    monkeypatch.setattr(Page, "render", spy)
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, result.error
    assert seen.pop("handwritten.md").startswith("# Hand written")
    generated = ("models/", "compare/", "providers/", "brackets/", "index.md")
    assert [uri for uri in seen if uri.startswith(generated)] == []
    review = LexborHTMLParser((result.site_dir / "models/openai/gpt-4.1-mini/index.html").read_text())
    toc = [a.text(strip=True) for a in review.css("nav.md-nav--secondary a.md-nav__link")]
    assert "Pricing by channel" in toc and "Price history" in toc
    assert review.css_first("h2#pricing-by-channel a.headerlink") is not None
    hand = LexborHTMLParser((result.site_dir / "handwritten/index.html").read_text())
    assert hand.css_first("h2#a-section") is not None and hand.css_first("article em") is not None
