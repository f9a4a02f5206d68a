"""Comparing a claim with the catalog: is the number what the data implies?

Every figure the data implies is computed with `generator.costs` (the same
functions the cost tables use) and written with `generator.base.formatting`. A number
is consistent when it is within the configured relative tolerance
(`site_config` `claims.tolerance`, `claims.hedged_tolerance` after "about",
"roughly", ...), or when the data rounds to it at the precision the editor wrote
it ("1M" for 1,047,576; "128K" for 131,072; "$0.08" for $0.075), a rounding
allowance capped at `ROUNDING_CAP` of the claimed value. A claim with several
candidate models (see `attribute.py`) is a contradiction only if it contradicts
all of them; the message describes the first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from .subject import CatalogFacts, ModelFacts
from ...base import (blended_price, format_cost, format_count, format_percent, format_price, format_ratio,
                     format_tokens_short, MILLION, monthly_cost)
from ...load import UNKNOWN, Claims
from .patterns import CostClaim, DateClaim, LimitClaim, PriceClaim, RatioClaim, ScoreClaim

ROUNDING_CAP = Decimal("0.10")
_KIBI = {1_000: 1_024, 1_000_000: 1_048_576}
_BATCH = re.compile(r"\bbatch", re.IGNORECASE)
_CACHED = re.compile(r"\bcach", re.IGNORECASE)
_LONG = re.compile(r"\blong[\s-]+(?:context|prompts?)|\babove\s+\d|\bbeyond\s+\d|\bover\s+\d", re.IGNORECASE)
_HISTORY = re.compile(r"\b(?:down\s+from|up\s+from|previously|formerly|originally|used\s+to|was|were|launch(?:ed)?|"
                      r"until|before|cut\s+from|dropped\s+from|raised\s+from|at\s+launch)\b", re.IGNORECASE)


_EVENT_NAMES = {"released": "release date", "cutoff": "knowledge cutoff", "deprecated": "deprecation date",
                "retired": "retirement date"}


@dataclass(frozen=True)
class Contradiction:
    message: str
    hint: str


class Verifier:
    def __init__(self, catalog: CatalogFacts, rules: Claims):
        self.catalog = catalog
        self.rules = rules
        self._hedge = re.compile(
            r"(?:^|[\s(])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in rules.hedge_words if w != "~")
            + r")\s*\$?\s*$|~\s*\$?\s*$", re.IGNORECASE)

    def hedged(self, text: str, at: int) -> bool:
        return bool(self._hedge.search(text[max(0, at - 30):at]))

    def _close(self, actual: Decimal, claimed: Decimal, halfwidth: Decimal, hedged: bool) -> bool:
        tolerance = self.rules.hedged_tolerance if hedged else self.rules.tolerance
        allowed = max(abs(claimed) * tolerance, min(halfwidth, abs(claimed) * ROUNDING_CAP))
        return abs(actual - claimed) <= allowed

    def _fits(self, actual: Decimal, claimed: Decimal, bound: str, halfwidth: Decimal, hedged: bool) -> bool:
        """The data agrees with a stated value ("eq", within rounding and tolerance), or lies on the
        side a bound names: "le" for "under $1", "less than half"; "ge" for "over 1M", "more than 5x"."""
        if bound == "le":
            return actual <= claimed * (1 + self.rules.tolerance)
        if bound == "ge":
            return actual >= claimed * (1 - self.rules.tolerance)
        return self._close(actual, claimed, halfwidth, hedged)

    # -- prices -----------------------------------------------------------------
    def price(self, claim: PriceClaim, text: str, keys: list[str], page_model: str | None) -> Contradiction | None:
        hedged = self.hedged(text, claim.number_at)
        models = [self.catalog.models[k] for k in keys]
        if any(all(self._price_fits(claim, text, p, m, hedged) for p in claim.prices) for m in models):
            return None
        model = models[0]
        price = model.meta.pricing
        sides = {p.side for p in claim.prices}
        if sides == {"cached"} and price.cached_input is not None:
            data = f"{model.meta.name}'s cached input costs {format_price(price.cached_input)} per 1M tokens"
            fields = ["price.cached_input"]
        else:
            data = (f"{model.meta.name} costs {format_price(price.input)} input / "
                    f"{format_price(price.output)} output per 1M tokens")
            fields = [f"price.{p.side}" if p.side in ("input", "output") else "price" for p in claim.prices]
        return Contradiction(_quote(text, claim) + " contradicts the data: " + data,
                             _bind_hint(fields, model.key, page_model))

    def _price_fits(self, claim: PriceClaim, text: str, price, model: ModelFacts, hedged: bool) -> bool:
        allowed = self._allowed_prices(price.side, model, text)
        if not allowed:
            return True
        halfwidth = Decimal("0.5") * Decimal(10) ** -price.decimals
        return any(self._fits(a, price.value, claim.bound, halfwidth, hedged) for a in allowed)

    def _allowed_prices(self, side: str, model: ModelFacts, text: str) -> list[Decimal]:
        meta = model.meta
        pricing = meta.pricing
        sides = ("input", "output", "cached") if side == "any" else (side,)
        allowed: list[Decimal] = []
        for one in sides:
            if one == "cached":
                allowed += [p for p in [pricing.cached_input, *(o.cached_input for o in meta.offers)] if p is not None]
                if side == "cached" and _LONG.search(text) and meta.pricing.long_context:
                    allowed += [p for p in [meta.pricing.long_context.cached_input] if p is not None]
                continue
            allowed.append(getattr(pricing, one))
            allowed += [getattr(o, one) for o in meta.offers]
            if _CACHED.search(text) and one == "input" and pricing.cached_input is not None:
                allowed.append(pricing.cached_input)
            if _BATCH.search(text) and pricing.batch:
                allowed.append(getattr(pricing.batch, one))
            if _LONG.search(text) and pricing.long_context:
                allowed.append(getattr(pricing.long_context, one))
            if _HISTORY.search(text):
                allowed += [getattr(h, one) for h in meta.price_history]
        if side == "any":
            allowed.append(model.blended)
        if side == "cached" and not allowed:
            return []
        return allowed

    # -- limits -----------------------------------------------------------------
    def limit(self, claim: LimitClaim, text: str, keys: list[str], page_model: str | None) -> Contradiction | None:
        hedged = self.hedged(text, claim.number_at)
        models = [self.catalog.models[k] for k in keys]
        if any(isinstance(limit, int) and self._limit_fits(claim, limit, hedged)
               for limit in (self._limit_of(claim, m) for m in models)):
            return None
        model = models[0]
        value = self._limit_of(claim, model)
        if not isinstance(value, int):
            # An output limit no source gives: a number in prose would be the only place it is stated.
            return Contradiction(f"{_quote(text, claim)} cannot be backed by the data: {model.meta.name}'s output "
                                 f"limit is unknown (max_output: unknown)",
                                 f"remove the number, or set max_output in content/models/{model.key}.md "
                                 f"from a source that gives it")
        if claim.limit == "context":
            data = f"{model.meta.name} has a context window of {format_count(value)} tokens ({format_tokens_short(value)})"
            field = "context"
        else:
            data = (f"{model.meta.name} writes at most {format_count(value)} tokens "
                    f"({format_tokens_short(value)}) per response")
            field = "max_output"
        return Contradiction(_quote(text, claim) + " contradicts the data: " + data,
                             _bind_hint([field], model.key, page_model))

    @staticmethod
    def _limit_of(claim: LimitClaim, model: ModelFacts) -> int | str:
        return model.meta.context_window if claim.limit == "context" else model.meta.max_output

    def _limit_fits(self, claim: LimitClaim, actual: int, hedged: bool) -> bool:
        units: list[Decimal | int] = [claim.scale, *([_KIBI[claim.scale]] if claim.scale in _KIBI else [])]
        if claim.scale == 1 and claim.value % 1000 == 0:
            units.append(Decimal("1.024"))
        value = Decimal(actual)
        return any(self._fits(value, claim.value * unit, claim.bound, _limit_halfwidth(claim) * unit, hedged)
                   for unit in units)

    # -- ratios -----------------------------------------------------------------
    def ratio(self, claim: RatioClaim, text: str, models: tuple[str, str],
              page_model: str | None) -> Contradiction | None:
        """Direction first ("cheaper" when it is dearer), then size; a claim fits if any scope it may mean fits."""
        a, b = (self.catalog.models[k] for k in models)
        if not claim.sized and claim.quantity == "price" and (_BATCH.search(text) or _CACHED.search(text)
                                                              or _HISTORY.search(text)):
            return None  # "batch jobs make it cheaper than B": not the list prices this compares
        hedged = self.hedged(text, claim.number_at)
        dimensions = ("input", "output", "blended") if claim.dimension == "any" else (claim.dimension,)
        if claim.quantity != "price":
            dimensions = (claim.quantity,)
        values = {d: (self._value_in(a, d), self._value_in(b, d)) for d in dimensions}
        actual = {d: va / vb for d, (va, vb) in values.items() if va and vb and va > 0 and vb > 0}
        if not actual or any(self._ratio_fits(claim, r, hedged) for r in actual.values()):
            return None
        shown = {d: r for d, r in actual.items() if d != "blended"} or actual
        wrong_way = not claim.undirected and all(self._wrong_way(claim, r) for r in actual.values())
        if wrong_way or not claim.sized:
            said = _said(claim)
            facts = "; ".join(_describe_direction(a, b, d, values[d]) for d in shown)
            return Contradiction(f"{_quote(text, claim)} says {a.meta.name} {said} {b.meta.name}, "
                                 f"but the data says the opposite: {facts}", _ratio_hint(claim, a, b, page_model))
        if claim.quantity != "price":
            facts = "; ".join(_describe_direction(a, b, d, values[d]) for d in shown)
            return Contradiction(_quote(text, claim) + " contradicts the data: " + facts, "fix the number")
        return Contradiction(_quote(text, claim) + " contradicts the data: " + _describe_ratios(a, b, shown, claim.percent),
                             _ratio_hint(claim, a, b, page_model))

    def _wrong_way(self, claim: RatioClaim, actual: Decimal) -> bool:
        """The claim says less and the data says at least as much (or the reverse), beyond the tolerance."""
        if claim.ratio < 1:
            return actual >= 1
        return actual <= 1

    def _value_in(self, model: ModelFacts, dimension: str) -> Decimal | None:
        pricing = model.meta.pricing
        if dimension == "speed":
            return Decimal(str(pricing.speed)) if pricing.speed is not None else None
        if dimension == "context":
            return Decimal(model.meta.context_window)
        return self._price_in(model, dimension)

    def _price_in(self, model: ModelFacts, dimension: str) -> Decimal:
        pricing = model.meta.pricing
        if dimension == "blended":
            return blended_price(pricing.input, pricing.output, self.catalog.config.volumes.input_share)
        return getattr(pricing, dimension)

    def _ratio_fits(self, claim: RatioClaim, actual: Decimal, hedged: bool) -> bool:
        if not claim.sized:
            return actual < 1 if claim.ratio < 1 else actual > 1
        if claim.percent:
            if (actual < 1) != (claim.ratio < 1) and actual != 1:
                return False
            claimed = (claim.ratio - 1) * 100 if claim.ratio > 1 else (1 - claim.ratio) * 100
            real = (actual - 1) * 100 if claim.ratio > 1 else (1 - actual) * 100
            return self._fits(real, claimed, claim.bound, claim.halfwidth, hedged)
        if claim.undirected:
            return self._fits(max(actual, 1 / actual), claim.ratio, claim.bound, claim.halfwidth, hedged)
        claimed, real = (claim.ratio, actual) if claim.ratio >= 1 else (1 / claim.ratio, 1 / actual)
        if self._fits(real, claimed, claim.bound, claim.halfwidth, hedged):
            return True
        return claim.bound == "eq" and claim.loose_more and self._close(real, claimed + 1, claim.halfwidth, hedged)

    # -- dates ------------------------------------------------------------------
    def date(self, claim: DateClaim, text: str, keys: list[str], page_model: str | None) -> Contradiction | None:
        """Compared at the coarser of the written precision and the data's; no data date, no verdict,
        but a date the data gives as `unknown` cannot back one."""
        models = [self.catalog.models[k] for k in keys]
        field = {"released": "released", "cutoff": "knowledge_cutoff", "deprecated": "lifecycle.date",
                 "retired": "lifecycle.date"}[claim.event]
        if all(_event_value(m, claim.event) == UNKNOWN for m in models):
            # The data says it does not know: a date in prose would be the only place it is stated.
            return Contradiction(f"{_quote(text, claim)} cannot be backed by the data: {models[0].meta.name}'s "
                                 f"{_EVENT_NAMES[claim.event]} is unknown "
                                 f"({field}: unknown)",
                                 f"remove the date, or set {field} in content/models/{models[0].key}.md "
                                 "from a source that gives it")
        known = [(m, d) for m in models for d in [_event_date(m, claim.event)] if d is not None]
        if not known or len(known) < len(models) or any(_same_date(claim, d) for _, d in known):
            return None
        model, data = known[0]
        what = {"released": "was released on", "cutoff": "has a knowledge cutoff of",
                "deprecated": "was deprecated on", "retired": "was retired on"}[claim.event]
        return Contradiction(f"{_quote(text, claim)} contradicts the data: {model.meta.name} {what} "
                             f"{_written(data)}", f"fix the date to match `{field}` ({model.key})")

    # -- benchmark scores -------------------------------------------------------
    @property
    def benchmarks(self) -> tuple[str, ...]:
        """Every benchmark name the reviews list: the score finder's vocabulary."""
        if not hasattr(self, "_benchmarks"):
            self._benchmarks = tuple(sorted({b.name for m in self.catalog.models.values()
                                             for b in m.meta.benchmarks}))
        return self._benchmarks

    def score(self, claim: ScoreClaim, text: str, keys: list[str], page_model: str | None) -> Contradiction | None:
        """Held to the rounding the editor wrote ("87%" for 87.4), the hedged tolerance after "about"."""
        hedged = self.hedged(text, claim.number_at)
        models = [self.catalog.models[k] for k in keys]
        wanted = claim.benchmark.casefold()
        found = [(m, [b for b in m.meta.benchmarks if " ".join(b.name.split()).casefold() == wanted])
                 for m in models]
        if any(not scores for _, scores in found):
            return None  # a model without that benchmark in the data: nothing to hold the claim to
        halfwidth = Decimal("0.5") * Decimal(10) ** -claim.decimals
        tolerance = self.rules.hedged_tolerance if hedged else Decimal(0)

        def fits(actual: Decimal) -> bool:
            if claim.bound == "le":
                return actual <= claim.value + halfwidth
            if claim.bound == "ge":
                return actual >= claim.value - halfwidth
            return abs(actual - claim.value) <= max(halfwidth, abs(claim.value) * tolerance)

        if any(fits(Decimal(str(b.score))) for _, scores in found for b in scores):
            return None
        model, scores = found[0]
        shown = ", ".join(f"{b.score}{b.unit if b.unit == '%' else ' ' + b.unit}" for b in scores)
        return Contradiction(f"{_quote(text, claim)} contradicts the data: {model.meta.name} scores {shown} "
                             f"on {scores[0].name}", "fix the number to match `benchmarks`")

    # -- monthly costs ----------------------------------------------------------
    def monthly(self, claim: CostClaim, text: str, keys: list[str], page_model: str | None) -> Contradiction | None:
        hedged = self.hedged(text, claim.number_at)
        share = claim.share if claim.share is not None else self.catalog.config.volumes.input_share
        models = [self.catalog.models[k] for k in keys]
        bills = [self._bill(claim, m, share) for m in models]
        halfwidth = Decimal("0.5") * Decimal(10) ** -claim.decimals
        if any(self._fits(bill, claim.amount, claim.bound, halfwidth, hedged) for bill in bills):
            return None
        # A sentence can name two models ("$3.75 rather than $10"); the bill nearest the
        # claimed amount is the one the editor meant, so the message and the binding use it.
        model, bill = min(zip(models, bills), key=lambda pair: abs(pair[1] - claim.amount))
        if claim.input_tokens is not None:
            how = (f"{format_count(claim.input_tokens)} input and {format_count(claim.tokens - claim.input_tokens)} "
                   f"output tokens")
        else:
            split = f"{share * 100:.0f}/{(1 - share) * 100:.0f}"
            how = f"{format_tokens_short(claim.tokens)} tokens at a {split} input/output split"
        message = (f'claim "{text[claim.start:claim.end]}" for "{claim.volume}" contradicts the data: '
                   f"{how} cost {format_cost(bill)} a month with {model.meta.name}")
        binding = f"cost {format_tokens_short(claim.tokens)}" + (f" {split}" if claim.share is not None else "")
        hint = ("fix the number" if claim.input_tokens is not None
                else "fix the number, or bind it: " + _binding(binding, model.key, page_model))
        return Contradiction(message, hint)

    @staticmethod
    def _bill(claim: CostClaim, model: ModelFacts, share: Decimal) -> Decimal:
        pricing = model.meta.pricing
        if claim.input_tokens is not None:
            output_tokens = claim.tokens - claim.input_tokens
            return (Decimal(claim.input_tokens) * pricing.input + Decimal(output_tokens) * pricing.output) / MILLION
        return monthly_cost(pricing.input, pricing.output, claim.tokens, share).usd


def _event_value(model: ModelFacts, event: str) -> dt.date | str | None:
    meta = model.meta
    if event == "released":
        return meta.released
    if event == "cutoff":
        return meta.knowledge_cutoff
    lifecycle = meta.lifecycle
    return lifecycle.date if lifecycle.status.value == event else None


def _event_date(model: ModelFacts, event: str) -> tuple[int, int | None, int | None] | None:
    value = _event_value(model, event)
    if value is None or value == UNKNOWN:
        return None
    parts = [int(p) for p in str(value).split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _same_date(claim: DateClaim, data: tuple[int, int | None, int | None]) -> bool:
    for written, known in zip((claim.year, claim.month, claim.day), data):
        if written is None or known is None:
            return True
        if written != known:
            return False
    return True


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]


def _written(data: tuple[int, int | None, int | None]) -> str:
    year, month, day = data
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTH_NAMES[month - 1]} {year}"
    return f"{day} {_MONTH_NAMES[month - 1]} {year} ({year}-{month:02d}-{day:02d})"


def _limit_halfwidth(claim: LimitClaim) -> Decimal:
    """"1M" allows ±0.5M, "1.05M" ±0.005M; exact counts allow rounding of their trailing zeros."""
    if claim.scale != 1:
        return Decimal("0.5") * Decimal(10) ** -claim.decimals
    digits = str(int(claim.value))
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal("0.5") * Decimal(10) ** zeros if zeros else Decimal(0)


_SAID = {("price", True): "is cheaper than", ("price", False): "is dearer than", ("speed", True): "is slower than",
         ("speed", False): "is faster than", ("context", True): "has a smaller window than",
         ("context", False): "has a larger window than"}


def _said(claim: RatioClaim) -> str:
    said = _SAID[(claim.quantity, claim.ratio < 1)]
    scope = f" on {claim.dimension}" if claim.quantity == "price" and claim.dimension != "any" else ""
    return said.replace(" than", scope + " than") if scope else said


def _describe_direction(a: ModelFacts, b: ModelFacts, dimension: str, values: tuple[Decimal | None, Decimal | None]) -> str:
    """"GPT-4.1 mini is 7% dearer than Mistral Large 3 on output ($1.60 against $1.50)"."""
    va, vb = values
    assert va is not None and vb is not None
    if dimension == "context":
        return (f"{a.meta.name} reads {format_count(int(va))} tokens against {b.meta.name}'s "
                f"{format_count(int(vb))}")
    if dimension == "speed":
        return f"{a.meta.name} writes {va} tokens per second against {b.meta.name}'s {vb}"
    ratio = va / vb
    if ratio == 1:
        how = "the same price as"
    elif ratio > 1:
        how = f"{format_percent((ratio - 1) * 100)} dearer than"
    else:
        how = f"{format_percent((1 - ratio) * 100)} cheaper than"
    return (f"{a.meta.name} is {how} {b.meta.name} on {dimension} "
            f"({format_price(va)} against {format_price(vb)})")


def _describe_ratios(a: ModelFacts, b: ModelFacts, ratios: dict[str, Decimal], percent: bool) -> str:
    parts = []
    for dimension, value in ratios.items():
        dearer, cheaper, factor = (a, b, value) if value >= 1 else (b, a, 1 / value)
        if percent:
            parts.append((f"{cheaper.meta.name} is {format_percent((1 - 1 / factor) * 100)} cheaper than "
                          f"{dearer.meta.name}", dimension))
        else:
            parts.append((f"{dearer.meta.name} costs {format_ratio(factor)} as much as {cheaper.meta.name}", dimension))
    if len({text for text, _ in parts}) == 1:
        scope = " on both input and output" if len(parts) > 1 else f" on {parts[0][1]}"
        return parts[0][0] + scope
    return "; ".join(f"{text} on {dimension}" for text, dimension in parts)


def _ratio_hint(claim: RatioClaim, a: ModelFacts, b: ModelFacts, page_model: str | None) -> str:
    what = claim.dimension if claim.dimension != "any" else "blended"
    verb = "cheaper" if claim.percent else "ratio"
    if b.key == page_model:
        a, b = b, a
    return "fix the number, or bind it: " + _binding(f"{verb} {what} {b.key}", a.key, page_model)


def _bind_hint(fields: list[str], key: str, page_model: str | None) -> str:
    return "fix the number, or bind it: " + " / ".join(_binding(f, key, page_model) for f in fields)


def _binding(field: str, key: str, page_model: str | None) -> str:
    return f"{{{{ {field} }}}}" if key == page_model else f"{{{{ {key}: {field} }}}}"


def _quote(text: str, claim) -> str:
    return f'claim "{" ".join(text[claim.start:claim.end].split())}"'
