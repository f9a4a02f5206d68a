"""What the preview adds to served pages: the reload script always, the error box on errors."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from generator.base.diagnostics import error, warning
from generator.preview.inject import CHANGES_PATH, ERROR_BOX_ID, decorate, error_box, headline
from generator.check.report import format_text

PAGE = "<!doctype html><html><head><title>t</title></head><body><p>Hello</p></BODY></html>"


def test_the_reload_script_goes_before_the_closing_body_tag_with_the_version():
    html = decorate(PAGE, 7, [])
    tree = HTMLParser(html)
    script = tree.css_first("body script#modelreview-livereload")
    assert script is not None
    assert "var version = 7," in script.text()
    assert f'"{CHANGES_PATH}?since="' in script.text()
    assert tree.css_first(f"#{ERROR_BOX_ID}") is None
    assert html.endswith("</script></BODY></html>")


def test_a_page_without_body_tag_still_gets_the_script():
    assert decorate("<p>bare</p>", 1, []).startswith("<p>bare</p><script")


def test_the_error_box_lists_each_error_as_the_terminal_words_it_and_escapes_it():
    errors = [error("content/models/a/b.md", 12, 3, "wrong-type", "expected a number, got <script>x</script>",
                    "write 0.4"),
              error("content/models/a/a.md", 2, 1, "unknown-key", "unknown field 'contxt'")]
    tree = HTMLParser(decorate(PAGE, 3, errors + [warning("content/models/a/c.md", 1, 1, "stale-data", "old")]))
    box = tree.css_first(f"body aside#{ERROR_BOX_ID}")
    assert box.attributes["role"] == "alert"
    assert box.css_first("strong").text() == \
        "2 errors in 2 files: the preview shows the last version without errors"
    items = [li.css_first("code").text() for li in box.css("li")]
    assert items == ["content/models/a/a.md:2:1: error[unknown-key]: unknown field 'contxt'",
                     "content/models/a/b.md:12:3: error[wrong-type]: expected a number, got <script>x</script>"]
    assert box.css("li")[1].css_first("small").text() == "hint: write 0.4"
    assert tree.css("script") and len(tree.css("script")) == 1  # the payload stayed text


def test_warnings_alone_show_no_box():
    assert error_box([warning("content/models/a/c.md", 1, 1, "stale-data", "old")]) == ""


def test_headline_is_the_first_line_of_check_text_output(tmp_path: Path):
    d = error("content/models/a/b.md", 4, 9, "unknown-bracket", "bracket 'valu' is not in site_config")
    whole_file = error("content/models/a/b.md", 0, 0, "bad-path", "misplaced")
    for diagnostic in (d, whole_file):
        text = format_text([diagnostic], lambda display: None)
        assert text.splitlines()[0] == headline(diagnostic)
