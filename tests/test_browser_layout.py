"""Data tables in headless Chromium at a desktop and a phone width.

At 1280px every table fits its column (no sideways scrolling, nothing clipped at
the right edge); at 390px the page never scrolls sideways, no cell's text is
clipped or split inside a word, tables that still scroll keep their first column
in view, and the comparison's cost table fits whole (a clipped "Cheaper" cell
once read "GPT-4.1" where it said "GPT-4.1 mini").
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

KEY = "openai/gpt-4.1-mini"


@pytest.fixture(scope="module")
def site(served_sample):
    """(base URL, paths to check, the GPT-4.1 vs GPT-4.1 mini page) of the served sample."""
    base, catalog = served_sample
    model = catalog.models[KEY]
    pair = next(catalog.pairs[p] for p in model.pairs if {catalog.pairs[p].a, catalog.pairs[p].b} == {KEY, "openai/gpt-4.1"})
    paths = ["", "models/", model.url, pair.url, "providers/openai/", "providers/openrouter/",
             f"brackets/{model.meta.bracket}/"]
    return base, paths, pair.url


@pytest.fixture
def tab(chromium, request):
    context = chromium.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def _open(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_load_state("load")
    page.wait_for_function("document.querySelectorAll('.mr-scroll table:not([data-words-ready])').length === 0")


# Every box from a table up to the article that is wider inside than out.
_TABLES_THAT_SCROLL = """() => [...document.querySelectorAll('article table')].flatMap((table, i) => {
  const boxes = [];
  for (let el = table; el && el.tagName !== 'ARTICLE'; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth) boxes.push(`table ${i} (${table.closest('.mr-scroll')?.className}): `
      + `${el.tagName.toLowerCase()}.${el.className} is ${el.scrollWidth}px wide in ${el.clientWidth}px`);
  }
  return boxes;
})"""

# Cells whose content is clipped, and words (outside <code>, whose identifiers may
# break after "/" or "-") that the browser split over two lines.
_CUT_CELLS = """() => {
  const problems = [];
  document.querySelectorAll('article table').forEach((table, i) => {
    table.querySelectorAll('th, td').forEach(cell => {
      if (cell.scrollWidth > cell.clientWidth) problems.push(`table ${i}: "${cell.innerText}" is clipped`);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.parentElement.closest('code')) continue;
        for (const match of node.nodeValue.matchAll(/\\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
          if (lines.size > 1) problems.push(`table ${i}: "${match[0]}" is split over ${lines.size} lines`);
        }
      }
    });
  });
  return problems;
}"""

# For each table that scrolls: how far its first cell moves when scrolled to the end.
_FIRST_COLUMN_DRIFT = """() => [...document.querySelectorAll('article .md-typeset__scrollwrap')]
  .filter(box => box.scrollWidth > box.clientWidth)
  .map(box => {
    const cell = box.querySelector('tbody tr > :first-child');
    const before = cell.getBoundingClientRect().left;
    box.scrollLeft = box.scrollWidth;
    const drift = Math.round(Math.abs(cell.getBoundingClientRect().left - before));
    box.scrollLeft = 0;
    return [cell.innerText, drift];
  })"""


@pytest.mark.parametrize("tab", [1280], indirect=True)
def test_tables_fit_the_content_column_on_a_desktop(tab, site):
    base, paths, _ = site
    for path in paths:
        _open(tab, base + path)
        assert tab.locator("article table").count() > 0, f"/{path} has no table to check"
        assert tab.evaluate(_TABLES_THAT_SCROLL) == [], f"/{path} at 1280px"


@pytest.mark.parametrize("tab", [390], indirect=True)
def test_tables_on_a_phone_scroll_inside_their_box_without_cutting_words(tab, site):
    base, paths, compare = site
    for path in paths:
        _open(tab, base + path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"/{path} is {overflow}px wider than a 390px screen"
        assert tab.evaluate(_CUT_CELLS) == [], f"/{path} at 390px"
        moved = [(name, drift) for name, drift in tab.evaluate(_FIRST_COLUMN_DRIFT) if drift > 1]
        assert moved == [], f"/{path}: the first column scrolls out of view"
    _open(tab, base + compare)
    assert tab.evaluate(_TABLES_THAT_SCROLL.replace("article table", "article .mr-volumes table")) == []
