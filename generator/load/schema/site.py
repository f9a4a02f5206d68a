"""The schema of `site_config/`: providers, brackets, grading scale, cost volumes,
staleness thresholds, comparison-pair policy and claim-checking tolerances.

Each YAML file in `site_config/` fills one field of `SiteConfig`; the loader reports
errors in them at file:line exactly as for reviews.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .review import Strict
from .types import schema_error, Flag, Money, PositiveNumber, Slug, Text, Tokens, Url


class Provider(Strict):
    key: Slug
    name: Text
    homepage: Url


class Bracket(Strict):
    """A price/capability tier; bracket peers are compared on bracket pages."""

    key: Slug
    name: Text
    description: Text
    max_output_price: Money | None = Field(
        default=None, description="highest output list price (USD per 1M tokens) in this bracket; "
                                  "brackets are in ascending order and the last has none")


class GradeLabel(Strict):
    label: Text
    from_: PositiveNumber = Field(alias="from", description="lowest score that earns this label")


class Grading(Strict):
    """The site's grading scale, e.g. 0 to 3 with "Strong" from 2.5."""

    max: PositiveNumber
    labels: list[GradeLabel] = Field(min_length=1)

    @model_validator(mode="after")
    def _labels_within_scale(self) -> "Grading":
        for label in self.labels:
            if label.from_ > self.max:
                raise schema_error("out-of-range", f"label '{label.label}' starts at {label.from_}, above the scale's max {self.max}")
        return self

    def label_for(self, score: Decimal) -> str:
        """The label of the highest threshold the score reaches."""
        ordered = sorted(self.labels, key=lambda item: item.from_, reverse=True)
        for item in ordered:
            if score >= item.from_:
                return item.label
        return ordered[-1].label


class Volumes(Strict):
    """Monthly token volumes for cost tables and the share of them that is input."""

    monthly_tokens: list[Tokens] = Field(default_factory=lambda: [1_000_000, 10_000_000, 100_000_000],
                                         min_length=1)
    input_share: PositiveNumber = Field(Decimal("0.5"), description="0.5 means a 50/50 input/output split")

    @model_validator(mode="after")
    def _share_is_a_fraction(self) -> "Volumes":
        if self.input_share > 1:
            raise schema_error("invalid-value", f"input_share is a fraction between 0 and 1, got {self.input_share}")
        return self


class Staleness(Strict):
    """After how many days prices and benchmarks earn a warning."""

    price_days: Tokens = 90
    benchmark_days: Tokens = 365


class PairPolicy(Strict):
    """Which pairs of models get an "A vs B" page."""

    same_bracket: Flag = True
    same_family: Flag = True
    compare_with: Flag = True
    editorial: Flag = True
    max_pairs_per_model: Tokens = 4
    # Comparisons listed per page of the /compare/ index; a 2,500-review catalog has
    # about 11,000 pairs, too many links for one page on a phone.
    index_page_size: Tokens = 500


ClaimKind = Literal["price", "limit", "ratio", "monthly_cost", "date", "score"]
ClaimSeverity = Literal["error", "warning", "off"]


def _every_claim_an_error() -> dict[ClaimKind, ClaimSeverity]:
    return {"price": "error", "limit": "error", "ratio": "error", "monthly_cost": "error", "date": "error",
            "score": "error"}


class Limits(Strict):
    """Sizes past which a content or config file is refused before it is parsed (hostile or runaway files)."""

    front_matter_bytes: Tokens = Field(1_000_000, description="largest front matter, in bytes")
    file_bytes: Tokens = Field(5_000_000, description="largest file, front matter and body, in bytes")


class Claims(Strict):
    """How strictly numbers in prose are held to the data."""

    tolerance: PositiveNumber = Field(Decimal("0.02"), description="relative tolerance for exact-looking numbers")
    hedged_tolerance: PositiveNumber = Field(Decimal("0.15"), description="tolerance after 'about', 'roughly', '~'")
    hedge_words: list[Text] = Field(default_factory=lambda: ["about", "around", "roughly", "approximately",
                                                             "nearly", "almost", "some", "~", "close to"])
    severity: dict[ClaimKind, ClaimSeverity] = Field(default_factory=_every_claim_an_error)


class Resolution(Strict):
    """What catalog data cannot settle about who makes a model (`site_config/resolution.yaml`).

    `modelreview import` reads it; `import --explain ID` says when an entry decided.
    """

    makers: dict[str, Slug] = Field(default_factory=dict,
                                    description="an id's first word -> the maker's provider key, e.g. hermes: nousresearch")
    same_model: dict[str, Text] = Field(default_factory=dict,
                                        description="a listing id (or provider/id) -> maker/model it is, "
                                                    "e.g. amazon-bedrock/deepseek.r1-v1:0: deepseek/deepseek-r1")


class Site(Strict):
    name: Text
    url: Url
    description: Text
    author: Text | None = None


class SiteConfig(Strict):
    site: Site
    providers: list[Provider] = Field(min_length=1)
    brackets: list[Bracket] = Field(min_length=1)
    grading: Grading
    volumes: Volumes = Field(default_factory=Volumes)
    staleness: Staleness = Field(default_factory=Staleness)
    pairs: PairPolicy = Field(default_factory=PairPolicy)
    claims: Claims = Field(default_factory=Claims)
    resolution: Resolution = Field(default_factory=Resolution)
    limits: Limits = Field(default_factory=Limits)

    @field_validator("brackets")
    @classmethod
    def _price_bands_ascend(cls, brackets: list[Bracket]) -> list[Bracket]:
        """Bands are cut by ascending limits; a bracket without one must be the last.

        A site may also set no limits at all: its brackets are then editorial groups
        and no price is out of place in any of them.
        """
        limits = [b.max_output_price for b in brackets]
        if any(limit is not None for limit in limits) and None in limits[:-1]:
            raise schema_error("invalid-value", f"only the last bracket may have no max_output_price "
                             f"('{brackets[limits.index(None)].key}' has none)")
        given = [limit for limit in limits if limit is not None]
        if given != sorted(set(given)):
            raise schema_error("invalid-value", "max_output_price must rise from each bracket to the next")
        return brackets

    def provider(self, key: str) -> Provider | None:
        return next((p for p in self.providers if p.key == key), None)

    def bracket(self, key: str) -> Bracket | None:
        return next((b for b in self.brackets if b.key == key), None)
