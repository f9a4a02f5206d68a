"""Schemas of everything an editor or publisher writes: reviews, comparisons, site config."""

from .review import (Benchmark, Capabilities, Comparison, FaqEntry, Grade, Lifecycle,
                     LongContextPrice, Modalities, Offer, Page, PriceChange, PricePair, Pricing,
                     Review, Source, Status, UNKNOWN)
from .site import (Bracket, Claims, GradeLabel, Grading, PairPolicy, Provider, Site, SiteConfig,
                   Staleness, Volumes)

__all__ = [
    "Benchmark", "Bracket", "Capabilities", "Claims", "Site", "Comparison", "FaqEntry", "Grade", "GradeLabel",
    "Grading", "Lifecycle", "LongContextPrice", "Modalities", "Offer", "Page", "PairPolicy",
    "PriceChange", "PricePair", "Pricing", "Provider", "Review", "SiteConfig", "Source",
    "Staleness", "Status", "UNKNOWN", "Volumes",
]
