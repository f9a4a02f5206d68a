"""The authored shape of a review's front matter.

This is what an editor writes, nothing more: provider and model id come from the
file's path, and everything the site computes (costs, peers, ratios, FAQ answers)
lives in `generator.catalog`. Every object forbids unknown keys, so a typo such as
`contxt_window` is an error with a did-you-mean instead of a silently missing value.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .types import (schema_error, Cutoff, Date, Flag, Money, ModelRef, Number, PositiveNumber, Slug,
                    Text, Tokens, Url, _describe, _positive_int, _to_date, _to_int)

UNKNOWN = "unknown"


def _to_release(value: Any) -> dt.date | str:
    """A release date, or the word `unknown` when no source gives one (never a guess)."""
    if isinstance(value, str) and value.strip().lower() == UNKNOWN:
        return UNKNOWN
    return _to_date(value)


ReleaseDate = Annotated[dt.date | str, BeforeValidator(_to_release),
                        WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"const": UNKNOWN}]})]


def _to_output_limit(value: Any) -> int | str:
    """An output limit in tokens, or `unknown` when no source gives one: never the context
    window or another guess standing in for it."""
    if isinstance(value, str) and value.strip().lower() == UNKNOWN:
        return UNKNOWN
    if value is None or isinstance(value, str) and not re.fullmatch(r"\s*\d[\d,_]*\s*[kKmM]?\s*", value):
        raise schema_error("wrong-type", f"expected a whole number of tokens, or 'unknown' when no source gives "
                                         f"the output limit; got {_describe(value)}")
    return _positive_int(_to_int(value))


OutputLimit = Annotated[int | str, BeforeValidator(_to_output_limit),
                        WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1}, {"const": UNKNOWN}]})]


class Strict(BaseModel):
    """Base for every authored object: unknown keys fail, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Status(str, enum.Enum):
    ACTIVE = "active"
    DEPRECATED = "deprecated"
    RETIRED = "retired"


Modality = Literal["text", "image", "audio", "video", "pdf", "file"]


class Lifecycle(Strict):
    """Where the model is in its life. A deprecated or retired model says since when."""

    status: Status = Field(description="active, deprecated or retired")
    date: ReleaseDate | None = Field(None, description="when it was deprecated or retired, or 'unknown'")
    successor: ModelRef | None = Field(None, description="provider/model-id of the model that replaces it")
    retires: Date | None = Field(None, description="the announced day the provider retires it")

    @model_validator(mode="after")
    def _dated_when_not_active(self) -> "Lifecycle":
        if self.status is not Status.ACTIVE and self.date is None:
            raise schema_error("invalid-value", f"a {self.status.value} model needs 'date:' saying when that happened")
        return self


class Modalities(Strict):
    input: list[Modality] = Field(min_length=1, description="what the model reads")
    output: list[Modality] = Field(min_length=1, description="what the model writes")


class Capabilities(Strict):
    tool_calling: Flag
    structured_output: Flag
    reasoning: Flag
    fine_tuning: Flag
    open_weights: Flag


class PricePair(Strict):
    """Input and output price of one tier, USD per 1M tokens."""

    input: Money
    output: Money


class LongContextPrice(Strict):
    """Prices that apply once a prompt exceeds `above_tokens`."""

    above_tokens: Tokens
    input: Money
    output: Money
    cached_input: Money | None = None


class Pricing(Strict):
    """List prices from the model's own provider, USD per 1M tokens."""

    input: Money
    output: Money
    cached_input: Money | None = None
    batch: PricePair | None = None
    priority: PricePair | None = Field(None, description="priority-processing prices")
    flex: PricePair | None = Field(None, description="flex-processing prices (slower, cheaper)")
    long_context: LongContextPrice | None = None
    speed: PositiveNumber | None = Field(None, description="measured output speed, tokens per second")
    ttft_ms: Tokens | None = Field(None, description="measured time to first token, milliseconds")
    via: Slug | None = Field(None, description="whose prices these are, when the maker publishes none")
    verified: Date = Field(description="the day these prices were last checked at the source")


class PriceChange(Strict):
    """One entry of the price history: the prices in force from `date`."""

    date: Date
    input: Money
    output: Money
    cached_input: Money | None = None
    batch: PricePair | None = None
    priority: PricePair | None = None
    flex: PricePair | None = None
    long_context: LongContextPrice | None = None


class Offer(Strict):
    """The same model bought through another provider or route."""

    provider: Slug = Field(description="a provider key from site_config/providers.yaml")
    route: Text | None = Field(None, description="the model id at that provider, when it differs")
    mode: Text | None = Field(None, description="the mode this route runs the model in, e.g. thinking")
    input: Money
    output: Money
    cached_input: Money | None = None
    batch: PricePair | None = None
    long_context: LongContextPrice | None = None
    retires: Date | None = Field(None, description="the announced day this route is retired")
    speed: PositiveNumber | None = Field(None, description="output speed, tokens per second")
    ttft_ms: Tokens | None = Field(None, description="time to first token, milliseconds")
    verified: Date


class Benchmark(Strict):
    name: Text
    score: Number
    unit: Text = Field(description="e.g. '%', 'Elo', 'pass@1'")
    source: Url
    date: Date


class Grade(Strict):
    """The site's overall grade, on the scale in site_config/grading.yaml."""

    score: PositiveNumber
    benchmarked: Date


class FaqEntry(Strict):
    question: Text
    answer: Text


class Source(Strict):
    title: Text
    url: Url
    accessed: Date | None = None


class Review(Strict):
    """Front matter of `content/models/<provider>/<model-id>.md`."""

    name: Text = Field(description="display name, e.g. 'GPT-4.1 mini'")
    snapshot: Text | None = Field(None, description="dated snapshot id, e.g. gpt-4.1-mini-2025-04-14")
    family: Slug = Field(description="model family, e.g. gpt-4.1")
    bracket: Slug = Field(description="a bracket key from site_config/brackets.yaml")
    aliases: list[Text] = Field(default_factory=list, description="other names readers search for")
    released: ReleaseDate = Field(description="release date, or 'unknown' when no source gives one")
    first_listed: Date | None = Field(None, description="the day a catalog first listed it (when released is unknown)")
    lifecycle: Lifecycle = Field(default_factory=lambda: Lifecycle(status=Status.ACTIVE))
    access: list[Text] = Field(default_factory=list, description="channels: API, chat apps, clouds")
    context_window: Tokens
    max_output: OutputLimit = Field(description="longest response in tokens, or 'unknown' when no source gives it")
    knowledge_cutoff: Cutoff | None = None
    modalities: Modalities
    capabilities: Capabilities
    pricing: Pricing
    price_history: list[PriceChange] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list)
    benchmarks: list[Benchmark] = Field(default_factory=list)
    grade: Grade | None = None
    strengths: list[Text] = Field(default_factory=list)
    limitations: list[Text] = Field(default_factory=list)
    quirks: list[Text] = Field(default_factory=list)
    alternatives: list[ModelRef] = Field(default_factory=list)
    compare_with: list[ModelRef] = Field(default_factory=list)
    faq: list[FaqEntry] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    author: Text | None = None
    reviewed: Date
    summary: Text | None = Field(None, description="one paragraph shown under the title")
    pinned: list[Text] = Field(default_factory=list,
                               description="fields `modelreview sync` must leave alone, e.g. pricing.input")


class Comparison(Strict):
    """Front matter of `content/comparisons/<a>-vs-<b>.md`: the editor's verdict."""

    title: Text | None = None
    models: list[ModelRef] = Field(min_length=2, max_length=2, description="the two models, provider/model-id")
    verdict: Text = Field(description="one paragraph: which to choose, and when")
    author: Text | None = None
    reviewed: Date


class Page(Strict):
    """Front matter of a hand-written page in `content/pages/` (optional)."""

    title: Text
    description: Text | None = None
