"""Money arithmetic: exact Decimal results, the numbers the seed pages get right."""

from decimal import Decimal as D

from generator.base.costs import blended_price, monthly_cost, percent_cheaper, ratio, round_money, split_volume


def test_gpt_41_mini_costs_at_the_default_volumes():
    costs = [monthly_cost(D("0.40"), D("1.60"), tokens, D("0.5")).usd for tokens in (10**6, 10**7, 10**8)]
    assert costs == [D("1"), D("10"), D("100")]


def test_gpt_41_costs_five_times_as_much():
    mini = monthly_cost(D("0.40"), D("1.60"), 10**7, D("0.5")).usd
    full = monthly_cost(D("2.00"), D("8.00"), 10**7, D("0.5")).usd
    assert full == D("50") and ratio(full, mini) == D("5")


def test_split_gives_output_the_remainder():
    assert split_volume(1_000_001, D("0.5")) == (500_001, 500_000)
    assert split_volume(10**6, D("0.75")) == (750_000, 250_000)


def test_uneven_split_and_blend():
    assert monthly_cost(D("1"), D("5"), 10**6, D("0.75")).usd == D("2")
    assert blended_price(D("1"), D("5"), D("0.75")) == D("2")


def test_free_models_have_no_ratio():
    assert ratio(D("1"), D("0")) is None
    assert percent_cheaper(D("1"), D("0")) is None


def test_percent_cheaper_and_rounding():
    assert percent_cheaper(D("1.60"), D("2.00")) == D("20")
    assert round_money(D("0.125")) == D("0.13")
