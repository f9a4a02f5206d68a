"""Check stage: rules that need more than one file, or the site config, or today's date.

Each rule is a small function yielding diagnostics; `check_content` runs them all.
Schema rules that fit inside one file live in `schema/`; this module owns
cross-references, date order, price history and staleness.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Callable, Iterator

from .brackets import bracket_for_price, price_band
from ..base import Diagnostic, error, format_price, warning
from ..load import ambiguous_ids, ComparisonRecord, Content, Loc, pair_slug, ReviewRecord, SiteConfig

ReviewRule = Callable[[ReviewRecord, "Context"], Iterator[Diagnostic]]


class Context:
    """What the rules may look at: all reviews by key, the config, and today."""

    def __init__(self, content: Content, config: SiteConfig, today: dt.date):
        self.content = content
        self.config = config
        self.today = today
        self.reviews = {r.key: r for r in content.reviews}
        self.provider_keys = {p.key for p in config.providers}
        self.bracket_keys = {b.key for b in config.brackets}
        self.ambiguous = ambiguous_ids(self.reviews)


class CheckMemo:
    """Each review's rule findings from the last run, for a caller that checks again and again.

    A review's rules read the review itself, the config, today's date and which model keys
    exist (as reviews, or as files that did not load: references resolve to either); when
    none of those changed, the same record object gets the same findings. Only the hint of
    an `unknown-model` finding reads which of them loaded (it suggests a loaded review), so
    such findings are redone when that changes, and a save that breaks a file (its key
    moves from loaded to not) re-checks little more than that file. The preview keeps
    one, so a save re-checks only the saved file.
    It also keeps the catalog's name index (`_NameIndex`), so the whole-catalog name check
    looks only at the saved reviews' names while they are the ones it already knows."""

    def __init__(self) -> None:
        self.inputs: tuple[object, ...] = ()
        self.found: dict[str, tuple[ReviewRecord, list[Diagnostic]]] = {}
        self.loaded: frozenset[str] = frozenset()
        self.names: _NameIndex | None = None


def check_content(content: Content, config: SiteConfig, today: dt.date,
                  memo: CheckMemo | None = None) -> list[Diagnostic]:
    """Every cross-file diagnostic for the loaded content (load diagnostics are not repeated)."""
    ctx = Context(content, config, today)
    loaded = frozenset(ctx.reviews)
    inputs = (config, today, loaded | frozenset(content.unloaded))
    known = memo.found if memo is not None and _same_inputs(memo.inputs, inputs) else {}
    same_loaded = memo is not None and memo.loaded == loaded
    found: list[Diagnostic] = []
    now: dict[str, tuple[ReviewRecord, list[Diagnostic]]] = {}
    for review in content.reviews:
        before = known.get(review.key)
        if (before is not None and before[0] is review
                and (same_loaded or not any(d.code == "unknown-model" for d in before[1]))):
            mine = before[1]
        else:
            mine = [d for rule in REVIEW_RULES for d in rule(review, ctx)]
        now[review.key] = (review, mine)
        found.extend(mine)
    if memo is not None:
        memo.inputs, memo.found, memo.loaded = inputs, now, loaded
    found.extend(_unique_names(content.reviews, memo))
    for comparison in content.comparisons:
        found.extend(_comparison_refs(comparison, ctx))
    return found


def _same_inputs(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """The config must be the very object (a reloaded config is a new one); the rest compare by value."""
    return bool(before) and before[0] is now[0] and before[1:] == now[1:]


def _at(review: ReviewRecord | ComparisonRecord, loc: Loc) -> tuple[str, int, int]:
    line, col = review.positions.of_value(loc)
    return review.display, line, col


def _known_providers(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    if review.provider not in ctx.provider_keys:
        yield error(review.display, 1, 1, "unknown-provider",
                    f"provider folder '{review.provider}' is not in site_config/providers.yaml",
                    _suggest(review.provider, ctx.provider_keys))
    via = review.meta.pricing.via
    if via and via not in ctx.provider_keys:
        yield error(*_at(review, ("pricing", "via")), "unknown-provider",
                    f"pricing.via '{via}' is not in site_config/providers.yaml", _suggest(via, ctx.provider_keys))
    for i, offer in enumerate(review.meta.offers):
        if offer.provider not in ctx.provider_keys:
            yield error(*_at(review, ("offers", i, "provider")), "unknown-provider",
                        f"offer provider '{offer.provider}' is not in site_config/providers.yaml",
                        _suggest(offer.provider, ctx.provider_keys))


def _known_bracket(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    if review.meta.bracket not in ctx.bracket_keys:
        yield error(*_at(review, ("bracket",)), "unknown-bracket",
                    f"bracket '{review.meta.bracket}' is not in site_config/brackets.yaml",
                    _suggest(review.meta.bracket, ctx.bracket_keys))


def _model_refs(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    refs: list[tuple[Loc, str, str]] = []
    refs += [(("alternatives", i), ref, "alternative") for i, ref in enumerate(review.meta.alternatives)]
    refs += [(("compare_with", i), ref, "compare-with") for i, ref in enumerate(review.meta.compare_with)]
    if review.meta.lifecycle.successor:
        refs.append((("lifecycle", "successor"), review.meta.lifecycle.successor, "successor"))
    for loc, ref, what in refs:
        if ref == review.key:
            yield error(*_at(review, loc), "self-reference", f"the {what} '{ref}' is this review itself")
        elif ref not in ctx.reviews and ref not in ctx.content.unloaded:
            yield error(*_at(review, loc), "unknown-model",
                        f"the {what} '{ref}' has no review in content/models/",
                        _suggest(ref, ctx.reviews.keys() - {review.key}) or f"create content/models/{ref}.md")


def _limits(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    meta = review.meta
    if isinstance(meta.max_output, int) and meta.max_output > meta.context_window:
        yield error(*_at(review, ("max_output",)), "limit-order",
                    f"max_output {meta.max_output:,} is larger than the context window {meta.context_window:,}",
                    "a response cannot be longer than the whole context")
    long_context = meta.pricing.long_context
    if long_context and long_context.above_tokens >= meta.context_window:
        yield error(*_at(review, ("pricing", "long_context", "above_tokens")), "limit-order",
                    f"the long-context tier starts at {long_context.above_tokens:,} tokens, "
                    f"beyond the context window of {meta.context_window:,}")
    for i, offer in enumerate(meta.offers):
        if offer.long_context and offer.long_context.above_tokens >= meta.context_window:
            yield error(*_at(review, ("offers", i, "long_context", "above_tokens")), "limit-order",
                        f"the {offer.provider} long-context tier starts at {offer.long_context.above_tokens:,} "
                        f"tokens, beyond the context window of {meta.context_window:,}")


def _date_order(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    meta = review.meta
    released = meta.released if isinstance(meta.released, dt.date) else None
    if meta.knowledge_cutoff:
        cutoff = dt.date.fromisoformat(meta.knowledge_cutoff if len(meta.knowledge_cutoff) == 10
                                       else meta.knowledge_cutoff + "-01")
        if released and cutoff > released:
            yield error(*_at(review, ("knowledge_cutoff",)), "date-order",
                        f"knowledge cutoff {meta.knowledge_cutoff} is after the release date {meta.released}")
    if released and released > meta.reviewed:
        yield error(*_at(review, ("reviewed",)), "date-order",
                    f"reviewed {meta.reviewed} is before the model's release on {meta.released}")
    # An unknown release date is compared with nothing; the first-listed day stands in for
    # nothing either, it only has to be in the past like any other date.
    dated: list[tuple[Loc, dt.date, str]] = [
        (("reviewed",), meta.reviewed, "review date"),
        (("pricing", "verified"), meta.pricing.verified, "price check date"),
    ]
    dated += [(("offers", i, "verified"), o.verified, "offer check date") for i, o in enumerate(meta.offers)]
    dated += [(("benchmarks", i, "date"), b.date, "benchmark date") for i, b in enumerate(meta.benchmarks)]
    if released:
        dated.append((("released",), released, "release date"))
    if meta.first_listed:
        dated.append((("first_listed",), meta.first_listed, "first-listed date"))
    if meta.grade:
        dated.append((("grade", "benchmarked"), meta.grade.benchmarked, "benchmark date"))
    if isinstance(meta.lifecycle.date, dt.date):
        dated.append((("lifecycle", "date"), meta.lifecycle.date, "lifecycle date"))
    for loc, day, what in dated:
        if day > ctx.today and loc != ("lifecycle", "date"):
            yield error(*_at(review, loc), "future-date",
                        f"the {what} {day} is in the future (today is {ctx.today})")


def _price_history(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    history = review.meta.price_history
    for i in range(1, len(history)):
        if history[i].date <= history[i - 1].date:
            yield error(*_at(review, ("price_history", i, "date")), "price-history-order",
                        f"price history entry {history[i].date} is not after the one before it ({history[i - 1].date})",
                        "list price changes oldest first")
    if history:
        newest, pricing = history[-1], review.meta.pricing
        for name in ("input", "output", "cached_input"):
            then, now = getattr(newest, name), getattr(pricing, name)
            if then is not None and now is not None and then != now:
                yield error(*_at(review, ("price_history", len(history) - 1, name)), "price-history-mismatch",
                            f"the newest price-history {name} price is ${then}, but pricing.{name} is ${now}",
                            "append an entry with the current prices")
        if newest.date > ctx.today:
            yield error(*_at(review, ("price_history", len(history) - 1, "date")), "future-date",
                        f"the price-history date {newest.date} is in the future (today is {ctx.today})")


def _bracket_price(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    """The bracket page tells readers its price band; a model outside it contradicts the page."""
    bracket = ctx.config.bracket(review.meta.bracket)
    if bracket is None:
        return
    lower, upper = price_band(ctx.config.brackets, bracket.key)
    output = review.meta.pricing.output
    if (upper is not None and output > upper) or (lower is not None and output <= lower):
        band = " and ".join(f"{word} {format_price(limit)}"
                            for word, limit in (("above", lower), ("up to", upper)) if limit is not None)
        yield warning(*_at(review, ("bracket",)), "bracket-price",
                      f"the {bracket.name} bracket is for output prices {band} per 1M tokens, "
                      f"but this model's is {format_price(output)}",
                      f"use bracket: {bracket_for_price(ctx.config.brackets, output)}, "
                      "or change the limits in site_config/brackets.yaml")


def _grade_scale(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    grade = review.meta.grade
    if grade and grade.score > ctx.config.grading.max:
        yield error(*_at(review, ("grade", "score")), "out-of-range",
                    f"grade {grade.score} is above the scale's maximum of {ctx.config.grading.max}")


def _staleness(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    """Prices and benchmark results age; warn when the newest check is past the threshold."""
    limits = ctx.config.staleness
    meta = review.meta
    checks: list[tuple[Loc, dt.date, int, str]] = [
        (("pricing", "verified"), meta.pricing.verified, limits.price_days, "prices were last verified")]
    checks += [(("offers", i, "verified"), o.verified, limits.price_days,
                f"the {o.provider} offer was last verified") for i, o in enumerate(meta.offers)]
    benchmarked = _last_benchmarked(meta)
    if benchmarked:
        loc, day = benchmarked
        checks.append((loc, day, limits.benchmark_days, "the model was last benchmarked"))
    for loc, day, days, what in checks:
        age = (ctx.today - day).days
        if age > days:
            yield warning(*_at(review, loc), "stale-data", f"{what} {day}, {age} days ago (limit {days})",
                          "check the source again and update the date")


def _last_benchmarked(meta) -> tuple[Loc, dt.date] | None:
    """The newest of the grade's date and the benchmark results' dates, with where it is written."""
    dated: list[tuple[dt.date, Loc]] = [(b.date, ("benchmarks", i, "date")) for i, b in enumerate(meta.benchmarks)]
    if meta.grade:
        dated.append((meta.grade.benchmarked, ("grade", "benchmarked")))
    if not dated:
        return None
    day, loc = max(dated, key=lambda item: item[0])
    return loc, day


def _has_prose(review: ReviewRecord, ctx: Context) -> Iterator[Diagnostic]:
    if not review.body.strip():
        yield warning(review.display, review.body_first_line, 1, "no-prose",
                      "the review has no text yet; the page will show only data")


REVIEW_RULES: list[ReviewRule] = [_known_providers, _known_bracket, _bracket_price, _model_refs, _limits,
                                  _date_order, _price_history, _grade_scale, _staleness, _has_prose]


def _unique_names(reviews: list[ReviewRecord], memo: CheckMemo | None = None) -> Iterator[Diagnostic]:
    """A name, alias or snapshot id must point at one model, or prose attribution breaks.

    With a memo, the index of the last run is reused when it provably describes these
    reviews (`_NameIndex.describes`); its findings are then the same, with each
    claimant's position read from its current record."""
    index = memo.names if memo is not None else None
    if index is None or not index.describes(reviews):
        index = _NameIndex(reviews)
    if memo is not None:
        memo.names = index
    for name, claimants in index.duplicated:
        first = reviews[claimants[0][0]]
        for at, loc in claimants[1:]:
            yield error(*_at(reviews[at], loc), "duplicate-id",
                        f"'{name}' also names {first.key} ({first.display})",
                        "names, aliases and snapshot ids must be unique across the catalog")


def _names_of(review: ReviewRecord) -> tuple[tuple[str, Loc], ...]:
    """The review's names, casefolded, each with where it is first written."""
    seen: set[str] = set()
    names: list[tuple[str, Loc]] = [(review.meta.name, ("name",))]
    names += [(alias, ("aliases", i)) for i, alias in enumerate(review.meta.aliases)]
    if review.meta.snapshot:
        names.append((review.meta.snapshot, ("snapshot",)))
    kept: list[tuple[str, Loc]] = []
    for name, loc in names:
        folded = name.casefold()
        if folded not in seen:
            seen.add(folded)
            kept.append((folded, loc))
    return tuple(kept)


class _NameIndex:
    """Who claims each casefolded name (by place in the review list, with where it is written),
    and the names with more than one claimant, in the order the full check meets them."""

    def __init__(self, reviews: list[ReviewRecord]):
        self.records = list(reviews)
        self.names = [_names_of(review) for review in reviews]
        owners: dict[str, list[tuple[int, Loc]]] = defaultdict(list)
        for at, names in enumerate(self.names):
            for folded, loc in names:
                owners[folded].append((at, loc))
        self.duplicated = [(name, claimants) for name, claimants in owners.items() if len(claimants) > 1]

    def describes(self, reviews: list[ReviewRecord]) -> bool:
        """Whether these are the indexed reviews, in the same order, the re-read ones (another
        record object) with the same names at the same places; their records are taken in if so."""
        if len(reviews) != len(self.records):
            return False
        reread = [at for at, (review, before) in enumerate(zip(reviews, self.records)) if review is not before]
        if any(reviews[at].key != self.records[at].key or _names_of(reviews[at]) != self.names[at]
               for at in reread):
            return False
        for at in reread:
            self.records[at] = reviews[at]
        return True


def _comparison_refs(comparison: ComparisonRecord, ctx: Context) -> Iterator[Diagnostic]:
    keys = comparison.meta.models
    ok = True
    for i, key in enumerate(keys):
        if key in ctx.content.unloaded:
            ok = False  # its own file reports why it did not load
        elif key not in ctx.reviews:
            ok = False
            yield error(*_at(comparison, ("models", i)), "unknown-model",
                        f"'{key}' has no review in content/models/", _suggest(key, ctx.reviews.keys()))
    if keys[0] == keys[1]:
        yield error(*_at(comparison, ("models", 1)), "self-reference", "a comparison needs two different models")
        return
    if ok:
        expected = pair_slug(keys[0], keys[1], ctx.ambiguous)
        if comparison.slug != expected:
            yield error(comparison.display, 1, 1, "misplaced-file",
                        f"this comparison must be named {expected}.md",
                        "pages use one canonical order so each pair has one address")


def _suggest(value: str, known) -> str:
    import difflib
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
