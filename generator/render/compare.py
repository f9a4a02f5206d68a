"""The comparison page "A vs B", and the price statements review pages reuse.

Every sentence with a number in it is built here from the catalog: which model is
cheaper on input, output and at the configured split ("5.0× cheaper on output"),
the bill at each monthly volume, grades and shared benchmarks, and, when no editor
wrote a verdict in `content/comparisons/`, a verdict derived from those facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..catalog import Model, Pair
from ..base import MonthlyCost, percent_cheaper, ratio
from ..base import (format_computed_amount, format_count, format_percent, format_price, format_ratio,
                          format_tokens_short)
from .format import CAPABILITY_LABELS, format_grade, format_share
from .index import SiteIndex, benchmarks_by_name

# From this factor on a gap reads as "5.0× cheaper"; below it as "25% cheaper".
RATIO_FROM = Decimal("1.5")


def cheaper_by(cheap: Decimal, dear: Decimal) -> str:
    """How much cheaper `cheap` is than `dear`: "5.0× cheaper", "25% cheaper", "free"."""
    if cheap == dear:
        return "the same price"
    if cheap == 0:
        return "free"
    factor = ratio(dear, cheap)
    assert factor is not None
    if factor >= RATIO_FROM:
        return f"{format_ratio(factor)} cheaper"
    return f"{format_percent(percent_cheaper(cheap, dear) or Decimal(0))} cheaper"


def dearer_by(dear: Decimal, cheap: Decimal) -> str:
    """How much more `dear` costs than `cheap`: "3.0× the price", "25% more expensive"."""
    if cheap == dear:
        return "the same price"
    if cheap == 0:
        return "paid (the other is free)"
    factor = ratio(dear, cheap)
    assert factor is not None
    if factor >= RATIO_FROM:
        return f"{format_ratio(factor)} the price"
    return f"{format_percent((dear - cheap) / cheap * 100)} more expensive"


def relative_price(other: Decimal, this: Decimal) -> str:
    """An alternative's blended price against this model's, from the reader's side of the table."""
    return cheaper_by(other, this) if other <= this else dearer_by(other, this)


@dataclass(frozen=True)
class PriceGap:
    """One price dimension of a pair: who is cheaper and the sentence saying by how much."""

    dimension: str
    a: Decimal | None
    b: Decimal | None
    cheaper: Model | None
    statement: str
    phrase: str = ""                 # where the gap lies in a sentence: "on output", "at a 50/50 input/output mix"
    relation: str = ""               # "5.0× cheaper", "the same price"
    shown: tuple[str, str] = ("", "")  # the cheaper price as shown, then the dearer one


@dataclass(frozen=True)
class VolumeCost:
    """The monthly bill of both models at one configured volume."""

    tokens: int
    a: MonthlyCost
    b: MonthlyCost
    cheaper: Model | None
    saving: Decimal


@dataclass(frozen=True)
class SharedBenchmark:
    name: str
    unit: str
    a: Decimal
    b: Decimal
    higher: Model | None


@dataclass(frozen=True)
class ComparisonPage:
    pair: Pair
    a: Model
    b: Model
    title: str
    description: str
    gaps: list[PriceGap]
    price_statements: list[str]      # the gaps, grouped where they say the same (`price_statements`)
    volumes: list[VolumeCost]
    benchmarks: list[SharedBenchmark]
    performance: list[str]
    verdict: list[str]               # the editor's verdict paragraph, or derived sentences
    editorial: bool


def price_gap(a: Model, b: Model, dimension: str, price_a: Decimal | None, price_b: Decimal | None,
              phrase: str = "", computed: bool = False) -> PriceGap:
    """`phrase` places the dimension in a sentence ("on output"); it defaults to "on <dimension>".

    `computed` marks a price the site derived (the blended price): it reads to the
    cent, as every computed amount does (`shown_prices`).
    """
    phrase = phrase or f"on {dimension}"
    if price_a is None or price_b is None:
        return PriceGap(dimension, price_a, price_b, None, "")
    if price_a == price_b:
        shown = shown_prices(price_a, price_b, computed)
        return PriceGap(dimension, price_a, price_b, None,
                        f"{a.meta.name} and {b.meta.name} both cost {shown[0]} per 1M tokens {phrase}.",
                        phrase, cheaper_by(price_a, price_b), shown)
    cheap, dear = (a, b) if price_a < price_b else (b, a)
    low, high = sorted((price_a, price_b))
    low_text, high_text = shown_prices(low, high, computed)
    relation = cheaper_by(low, high)
    return PriceGap(dimension, price_a, price_b, cheap,
                    f"{cheap.meta.name} is {relation} {phrase}: "
                    f"{low_text} against {high_text} per 1M tokens for {dear.meta.name}.",
                    phrase, relation, (low_text, high_text))


def shown_prices(low: Decimal, high: Decimal, computed: bool) -> tuple[str, str]:
    """Two prices as a sentence shows them: list prices exactly, computed ones to the cent.

    Two different computed prices that round to the same cent ($0.375 and $0.38)
    keep their exact digits, so "cheaper" is never followed by "$0.38 against $0.38".
    """
    if computed:
        low_text, high_text = format_computed_amount(low), format_computed_amount(high)
        if low_text != high_text or low == high:
            return low_text, high_text
    return format_price(low), format_price(high)


def price_gaps(a: Model, b: Model, input_share: Decimal) -> list[PriceGap]:
    pa, pb = a.meta.pricing, b.meta.pricing
    gaps = [price_gap(a, b, "input", pa.input, pb.input),
            price_gap(a, b, "output", pa.output, pb.output)]
    if pa.cached_input is not None and pb.cached_input is not None:
        gaps.append(price_gap(a, b, "cached input", pa.cached_input, pb.cached_input))
    split = format_share(input_share)
    gaps.append(price_gap(a, b, f"{split} mix", a.blended, b.blended, f"at a {split} input/output mix",
                          computed=True))
    return gaps


def price_statements(a: Model, b: Model, gaps: list[PriceGap]) -> list[str]:
    """The gaps as a reader wants them: one sentence per verdict, not one per dimension.

    When the same model is cheaper by the same margin on several dimensions (a
    family priced at a fixed ratio is 5.0× cheaper on input, output, cached input
    and the mix alike), the margin is said once and every price pair stays:
    "GPT-4.1 mini is 5.0× cheaper than GPT-4.1 on input ($0.40 against $2.00 per
    1M tokens), on output ($1.60 against $8.00) and …". Groups keep the order of
    their first dimension.
    """
    groups: dict[tuple[str | None, str], list[PriceGap]] = {}
    for gap in gaps:
        if gap.statement:
            groups.setdefault((gap.cheaper.key if gap.cheaper else None, gap.relation), []).append(gap)
    sentences = []
    for group in groups.values():
        if len(group) == 1:
            sentences.append(group[0].statement)
            continue
        first = group[0]
        if first.cheaper is None:
            parts = [f"{g.phrase} ({g.shown[0]}{' per 1M tokens' if g is first else ''})" for g in group]
            sentences.append(f"{a.meta.name} and {b.meta.name} cost the same {_join(parts)}.")
        else:
            dear = b if first.cheaper is a else a
            parts = [f"{g.phrase} ({g.shown[0]} against {g.shown[1]}{' per 1M tokens' if g is first else ''})"
                     for g in group]
            sentences.append(f"{first.cheaper.meta.name} is {first.relation} than {dear.meta.name} {_join(parts)}.")
    return sentences


def volume_costs(a: Model, b: Model) -> list[VolumeCost]:
    rows = []
    for cost_a, cost_b in zip(a.costs, b.costs):
        cheaper = None if cost_a.usd == cost_b.usd else (a if cost_a.usd < cost_b.usd else b)
        rows.append(VolumeCost(cost_a.tokens, cost_a, cost_b, cheaper, abs(cost_a.usd - cost_b.usd)))
    return rows


def shared_benchmarks(a: Model, b: Model) -> list[SharedBenchmark]:
    """Benchmarks both models report on the same scale, in A's order."""
    theirs = benchmarks_by_name(b)
    shared = []
    for bench in a.meta.benchmarks:
        other = theirs.get((bench.name.casefold(), bench.unit))
        if other is None:
            continue
        higher = None if bench.score == other.score else (a if bench.score > other.score else b)
        shared.append(SharedBenchmark(bench.name, bench.unit, bench.score, other.score, higher))
    return shared


def performance_statements(a: Model, b: Model, benchmarks: list[SharedBenchmark], scale_max: Decimal) -> list[str]:
    """Grades first, then the shared-benchmark tally; only what the data says."""
    out = []
    ga, gb = a.meta.grade, b.meta.grade
    if ga and gb:
        grade_a = format_grade(a.grade_label, ga.score, scale_max)
        grade_b = format_grade(b.grade_label, gb.score, scale_max)
        if ga.score == gb.score:
            out.append(f"Both are graded {grade_a}.")
        else:
            (hi, hi_grade), (lo, lo_grade) = sorted([(a, grade_a), (b, grade_b)],
                                                    key=lambda item: item[0].meta.grade.score, reverse=True)  # type: ignore[union-attr]
            out.append(f"{hi.meta.name} grades higher: {hi_grade} against {lo_grade} for {lo.meta.name}.")
    elif ga or gb:
        graded = a if ga else b
        out.append(f"Only {graded.meta.name} has a grade so far: "
                   f"{format_grade(graded.grade_label, graded.meta.grade.score, scale_max)}.")  # type: ignore[union-attr]
    else:
        out.append("Neither model has a grade yet.")
    out.append(benchmark_tally(a, b, benchmarks))
    return out


def benchmark_tally(a: Model, b: Model, benchmarks: list[SharedBenchmark]) -> str:
    """Who scores higher on the benchmarks both report, in plain English for one, two or many.

    One benchmark is named ("On Aider Polyglot, the one benchmark they share, …");
    a clean sweep says "both" or "all 3"; a split counts only the sides that won
    something, and ties, so no "… and GPT-4.1 mini on 0".
    """
    count = len(benchmarks)
    if count == 0:
        return "They report no benchmark in common."
    if count == 1:
        only = benchmarks[0]
        outcome = f"{only.higher.meta.name} scores higher" if only.higher else "they score the same"
        return f"On {only.name}, the one benchmark they share, {outcome}."
    wins = [(m, sum(1 for s in benchmarks if s.higher is m)) for m in (a, b)]
    ties = sum(1 for s in benchmarks if s.higher is None)
    every = "both" if count == 2 else f"all {count}"
    winners = [(m, n) for m, n in wins if n]
    if not winners:
        return f"They score the same on {every} benchmarks they share."
    if len(winners) == 1 and not ties:
        return f"{winners[0][0].meta.name} scores higher on {every} benchmarks they share."
    parts = [f"{m.meta.name} scores higher on {n}" if i == 0 else f"{m.meta.name} on {n}"
             for i, (m, n) in enumerate(winners)]
    if ties:
        parts.append(f"they tie on {ties}")
    return f"Of the {count} benchmarks they share, {_join(parts)}."


def derived_verdict(a: Model, b: Model, gaps: list[PriceGap], volumes: list[VolumeCost],
                    scale_max: Decimal) -> list[str]:
    """Which to choose, from data alone: price, grade, context and capabilities."""
    sentences = []
    blended = gaps[-1]
    if blended.cheaper is not None and volumes:
        biggest = volumes[-1]
        sentences.append(f"Choose {blended.cheaper.meta.name} when cost decides: it is "
                         f"{cheaper_by(*sorted((a.blended, b.blended)))} at a {blended.dimension} and saves "
                         f"{format_computed_amount(biggest.saving)} a month at {format_tokens_short(biggest.tokens)} tokens.")
    else:
        sentences.append("Price does not separate them: both cost the same at the configured split.")
    ga, gb = a.meta.grade, b.meta.grade
    if ga and gb and ga.score != gb.score:
        better = a if ga.score > gb.score else b
        if better is blended.cheaper:
            sentences.append(f"{better.meta.name} is also graded higher "
                             f"({format_grade(better.grade_label, better.meta.grade.score, scale_max)}), "  # type: ignore[union-attr]
                             "so it wins on both counts.")
        else:
            sentences.append(f"Choose {better.meta.name} when quality decides: it is graded "
                             f"{format_grade(better.grade_label, better.meta.grade.score, scale_max)}.")  # type: ignore[union-attr]
    if a.meta.context_window != b.meta.context_window:
        longer, shorter = (a, b) if a.meta.context_window > b.meta.context_window else (b, a)
        long_text, short_text = (format_tokens_short(longer.meta.context_window),
                                 format_tokens_short(shorter.meta.context_window))
        if long_text == short_text:  # 1,048,576 and 1,047,576 are both "1M": show the real gap
            long_text, short_text = format_count(longer.meta.context_window), format_count(shorter.meta.context_window)
        sentences.append(f"{longer.meta.name} takes longer prompts: {long_text} tokens of context "
                         f"against {short_text}.")
    for first, second in ((a, b), (b, a)):
        only = exclusive_capabilities(first, second)
        if only:
            sentences.append(f"Only {first.meta.name} offers {_join(only).lower()}.")
    return sentences


def exclusive_capabilities(model: Model, other: Model) -> list[str]:
    mine, theirs = model.meta.capabilities, other.meta.capabilities
    return [label for field, label in CAPABILITY_LABELS.items()
            if getattr(mine, field) and not getattr(theirs, field)]


def comparison_page(index: SiteIndex, pair: Pair) -> ComparisonPage:
    a, b = index.model(pair.a), index.model(pair.b)
    config = index.catalog.config
    gaps = price_gaps(a, b, config.volumes.input_share)
    volumes = volume_costs(a, b)
    benchmarks = shared_benchmarks(a, b)
    editorial = pair.editorial
    title = (editorial.meta.title if editorial and editorial.meta.title else f"{a.meta.name} vs {b.meta.name}")
    verdict = ([pair.prose.text("verdict")] if editorial
               else derived_verdict(a, b, gaps, volumes, config.grading.max))
    description = f"{a.meta.name} or {b.meta.name}? Prices, monthly costs, grades, benchmarks and specs side by side."
    output_gap = gaps[1].statement
    if output_gap:
        description += " " + output_gap
    return ComparisonPage(pair, a, b, title, description, gaps, price_statements(a, b, gaps), volumes, benchmarks,
                          performance_statements(a, b, benchmarks, config.grading.max), verdict,
                          editorial is not None)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
