"""Filters: how values read on the page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.render.format import (format_bill, format_date, format_grade, format_modalities, format_ms,
                                     format_score, format_share, format_speed, markdown_text, sortable)


def test_grade_reads_label_score_and_scale():
    assert format_grade("Strong", Decimal("2.58"), Decimal("3")) == "Strong (2.58/3)"
    assert format_grade("Strong", Decimal("2.50"), Decimal("3.0")) == "Strong (2.5/3)"
    assert format_grade(None, None, Decimal("3")) == "Not graded"


@pytest.mark.parametrize("usd, text", [
    (Decimal("1"), "$1.00"),
    (Decimal("1234.5"), "$1,234.50"),
    (Decimal("0.375"), "$0.38"),          # half up, not banker's rounding
    (Decimal("0.004"), "< $0.01"),        # a real cost never reads as free
    (Decimal("0"), "$0.00"),
])
def test_bill(usd, text):
    assert format_bill(usd) == text


def test_share_reads_as_split():
    assert format_share(Decimal("0.5")) == "50/50"
    assert format_share(Decimal("0.8")) == "80/20"
    assert format_share(Decimal("0.75")) == "75/25"


def test_scores_keep_units():
    assert format_score(Decimal("32.4"), "%") == "32.4%"
    assert format_score(Decimal("1287"), "Elo") == "1,287 Elo"
    assert format_score(Decimal("0.61"), "pass@1") == "0.61 pass@1"


def test_small_formatters():
    assert format_modalities(["text", "image", "pdf"]) == "Text, image, PDF"
    assert format_speed(Decimal("102")) == "102 tokens/s"
    assert format_speed(None) == "—"
    assert format_ms(1250) == "1,250 ms"
    assert format_date(dt.date(2025, 4, 14)) == "2025-04-14"
    assert format_date("2024-04") == "2024-04"
    assert format_date(None) == "—"


def test_sort_keys_are_plain_values():
    assert sortable(Decimal("0.40")) == "0.40"
    assert sortable(Decimal("1E+1")) == "10"
    assert sortable(dt.date(2025, 4, 14)) == "2025-04-14"
    assert sortable(None) == ""


def test_markdown_text_neutralises_markup():
    assert str(markdown_text("*Mini* <b> O'Neil [x](y) #1")) == r"\*Mini\* &lt;b&gt; O&#39;Neil \[x\]\(y\) \#1"
