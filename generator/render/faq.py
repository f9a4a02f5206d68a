"""FAQ answers built from data, plus the editor's own entries.

Readers ask the same questions of every model (what does it cost next to its
peers, how long a prompt can it take, how good is it, what goes wrong, what else
should I look at). The answers are sentences assembled from the catalog, so they
change when the data changes and can never contradict the spec card. Editors'
answers and quirks may hold data bindings; they are expanded here, as plain text
the template escapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
from typing import Callable

from ..catalog import competitor_keys, derived_questions, Model, shown_entries
from ..base import format_computed_amount, format_count, format_price, format_tokens
from .compare import ComparisonPage, relative_price
from .format import format_bill, format_grade, format_share, listed_status
from .index import BracketRank, SiteIndex

MAX_COMPETITORS = 3
MAX_NAMED = 3          # models named in one "tied with …" or "the cheapest are …" list


@dataclass(frozen=True)
class FaqItem:
    question: str
    answer: str
    derived: bool      # computed from data (True) or written by the editor (False)


def review_faq(index: SiteIndex, model: Model) -> list[FaqItem]:
    """Derived answers (cost, context, grade, quirks, competitors), then the editor's entries.

    Editor entries that repeat a question are left out (`faq_questions.shown_entries`);
    `check` warns about each at its line.
    """
    items = [FaqItem(question, _ANSWERS[topic](index, model), True)
             for topic, question in derived_questions(index.catalog, model)]
    items += [FaqItem(model.prose.text("faq", i, "question"), model.prose.text("faq", i, "answer"), False)
              for i in shown_entries(index.catalog, model)]
    return items


def main_competitors(index: SiteIndex, model: Model) -> list[Model]:
    """The editor's alternatives first, then the nearest bracket peers by price."""
    return [index.model(k) for k in competitor_keys(index.catalog, model)][:MAX_COMPETITORS]


def _cost_answer(index: SiteIndex, model: Model) -> str:
    name, price = model.meta.name, model.meta.pricing
    split = format_share(index.catalog.config.volumes.input_share)
    ends = index.price_ends[model.meta.bracket]
    rank = index.ranks[model.key]
    answer = (f"{name} costs {format_price(price.input)} per 1M input tokens and {format_price(price.output)} "
              f"per 1M output tokens, or {format_computed_amount(model.blended)} per 1M tokens at a {split} "
              "input/output mix.")
    if rank.count == 1:
        return answer + f" It is the only {model.bracket.name}-bracket model we review so far."
    answer += (f" Of the {rank.count} {model.bracket.name}-bracket models we review it is "
               f"{_price_place(rank)} at that mix{_tied_with(index, rank)}.")
    said = [f"the {end} {'is' if len(group) == 1 else 'are'} {_names(group)} at {format_computed_amount(group[0].blended)}"
            for end, group in (("cheapest", ends.cheapest), ("most expensive", ends.dearest))
            if not _holds(group, model)]
    if said:
        text = "; ".join(said)
        answer += f" {text[:1].upper()}{text[1:]}."
    return answer + _cheapest_active(ends.cheapest_active, ends.cheapest, model)


def _holds(group: Sequence[Model], model: Model) -> bool:
    """`model in group` by identity of review: `in` would compare every field of every model."""
    return any(m.key == model.key for m in group)


def _cheapest_active(top: Sequence[Model], cheapest: Sequence[Model], model: Model) -> str:
    """When only deprecated or retired models undercut the rest, the cheapest model a reader can
    still choose (`top`: the active models at the lowest active price)."""
    if not top or any(not listed_status(m) for m in cheapest):
        return ""
    if _holds(top, model):
        return f" Of the active models it is {'joint' if len(top) > 1 else 'the'} cheapest."
    subject = "model is" if len(top) == 1 else "models are"
    return f" The cheapest active {subject} {_names(top)} at {format_computed_amount(top[0].blended)}."


def _price_place(rank: BracketRank) -> str:
    """"the cheapest", "joint 2nd cheapest", "the most expensive": ties are said, never ordered by key."""
    joint = "joint " if rank.tied_with else "the "
    if rank.rank == 1:
        return f"{joint}cheapest"
    if rank.last:
        return f"{joint}most expensive"
    return f"{joint}{_ordinal(rank.rank)} cheapest"


def _tied_with(index: SiteIndex, rank: BracketRank) -> str:
    return f", tied with {_names([index.model(k) for k in rank.tied_with])}" if rank.tied_with else ""


def _names(models: Sequence[Model]) -> str:
    """Names as a sentence lists them, each marked when deprecated or retired; long lists are cut to a count."""
    if len(models) > MAX_NAMED:     # name only those shown: a tie among free models can be long
        return f"{', '.join(_listed_name(m) for m in models[:MAX_NAMED])} and {len(models) - MAX_NAMED} others"
    return _join([_listed_name(m) for m in models])


def _listed_name(model: Model) -> str:
    """"Claude Haiku 3 (deprecated)": a reader choosing a model is not pointed at one on its way out unwarned."""
    status = listed_status(model)
    return f"{model.meta.name} ({status})" if status else model.meta.name


def _context_answer(index: SiteIndex, model: Model) -> str:
    meta = model.meta
    reads = (f"{meta.name} reads up to {format_count(meta.context_window)} tokens "
             f"({format_tokens(meta.context_window)}) per request")
    if isinstance(meta.max_output, int):
        answer = f"{reads} and writes up to {format_count(meta.max_output)} tokens per response."
    else:   # never the context window standing in for an output limit no source gives
        answer = f"{reads}; how many tokens it writes per response is unknown: no source we use gives its output limit."
    long_context = meta.pricing.long_context
    if long_context:
        answer += (f" Prompts longer than {format_count(long_context.above_tokens)} tokens are billed at "
                   f"{format_price(long_context.input)} input and {format_price(long_context.output)} output per 1M tokens.")
    return answer


def _grade_answer(index: SiteIndex, model: Model) -> str:
    grade = model.meta.grade
    assert grade is not None, "asked only of graded models (derived_questions)"
    label = format_grade(model.grade_label, grade.score, index.catalog.config.grading.max)
    answer = f"We grade {model.meta.name} {label}, last benchmarked on {grade.benchmarked.isoformat()}."
    rank = index.grade_ranks[model.key]
    bracket = model.bracket.name
    joint = "joint " if rank.tied_with else ""
    if rank.count == 1:
        answer += f" It is the only graded {bracket}-bracket model we review so far."
    elif rank.rank == 1:
        answer += (f" That is the {joint}highest grade among the {rank.count} graded {bracket}-bracket models "
                   f"we review{_tied_with(index, rank)}.")
    else:
        answer += (f" That ranks {joint}{_ordinal(rank.rank)} of the {rank.count} graded {bracket}-bracket models "
                   f"we review{_tied_with(index, rank)}.")
    return answer


def _quirks_answer(index: SiteIndex, model: Model) -> str:
    name = model.meta.name
    quirks = [model.prose.text("quirks", i) for i in range(len(model.meta.quirks))]
    if not quirks:
        answer = f"This review records no quirks for {name}."
    else:
        answer = " ".join(q if q[-1] in ".!?" else q + "." for q in quirks)
    return answer


def _competitors_answer(index: SiteIndex, model: Model) -> str:
    competitors = main_competitors(index, model)
    parts = [f"{c.meta.name} ({', '.join(filter(None, [c.provider.name, listed_status(c)]))}, "
             f"{relative_price(c.blended, model.blended)})" for c in competitors]
    split = format_share(index.catalog.config.volumes.input_share)
    answer = (f"The main competitors of {model.meta.name} are {_join(parts)}. "
              f"Price differences are at a {split} input/output mix.")
    return answer


# What answers each derived question (`faq_questions.derived_questions` says which are asked).
_ANSWERS: dict[str, Callable[[SiteIndex, Model], str]] = {
    "cost": _cost_answer, "context": _context_answer, "grade": _grade_answer,
    "quirks": _quirks_answer, "competitors": _competitors_answer,
}


def comparison_faq(index: SiteIndex, page: ComparisonPage) -> list[FaqItem]:
    a, b = page.a, page.b
    items = []
    blended = page.gaps[-1]
    if blended.statement:
        costs = "; ".join(f"at {format_tokens(v.tokens)} a month {a.meta.name} costs {format_bill(v.a.usd)} "
                          f"and {b.meta.name} {format_bill(v.b.usd)}" for v in page.volumes)
        items.append(FaqItem(f"Which is cheaper, {a.meta.name} or {b.meta.name}?",
                             f"{blended.statement} {costs[:1].upper()}{costs[1:]}.", True))
    wa, wb = a.meta.context_window, b.meta.context_window
    if wa == wb:
        context = f"Both read up to {format_count(wa)} tokens per request."
    else:
        longer, shorter = (a, b) if wa > wb else (b, a)
        context = (f"{longer.meta.name}: {format_count(longer.meta.context_window)} tokens, against "
                   f"{format_count(shorter.meta.context_window)} for {shorter.meta.name}.")
    items.append(FaqItem("Which has the larger context window?", context, True))
    items.append(FaqItem(f"Which performs better, {a.meta.name} or {b.meta.name}?", " ".join(page.performance), True))
    return items


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
