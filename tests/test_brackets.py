"""Price bands: a model belongs in the first bracket whose limit its output price does not exceed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import REPO
from generator.check.brackets import bracket_for_price, price_band
from generator.load.config import load_site_config

BRACKETS = load_site_config(REPO / "site_config", REPO)[0].brackets


@pytest.mark.parametrize("price, key", [("0", "budget"), ("1.00", "budget"), ("1.01", "value"), ("5", "value"),
                                        ("5.0001", "premium"), ("20", "premium"), ("20.01", "frontier"),
                                        ("600", "frontier")])
def test_a_price_on_a_limit_belongs_to_the_lower_bracket(price, key):
    assert bracket_for_price(BRACKETS, Decimal(price)) == key


def test_each_band_starts_where_the_previous_one_ends():
    assert [price_band(BRACKETS, b.key) for b in BRACKETS] == [
        (None, Decimal("1.00")), (Decimal("1.00"), Decimal("5.00")), (Decimal("5.00"), Decimal("20.00")),
        (Decimal("20.00"), None)]
    assert price_band(BRACKETS, "no-such-bracket") == (None, None)


def test_a_site_without_limits_has_editorial_brackets_and_no_band_warnings(site):
    from conftest import TODAY, valid_review
    from generator.project import Project, check_project
    path = site.root / "site_config" / "brackets.yaml"
    path.write_text("\n".join(line for line in path.read_text().splitlines() if "max_output_price" not in line))
    site.review("openai/alpha", valid_review(name="Alpha", bracket="budget", pricing={"output": 40}))
    assert check_project(Project.at(site.root), today=TODAY).diagnostics == []
