"""Load stage: files become typed records with source positions.

`loader` reads content (reviews, comparisons, pages), `config` reads site_config/,
each through `source` (bytes -> one file's text, line index and YAML nodes by path),
`frontmatter` (text cut at its fences) and `yamlpos` (YAML ->
values with positions), validated against `schema` (the records' types) by
`validate`. `pairs` names comparison pages from their two models. Nothing after
this stage reads a content file again.
"""

from __future__ import annotations

from .config import load_site_config
from .frontmatter import decode, split_front_matter
from .loader import (ComparisonRecord, Content, display_path, Document, hint_bare_references, is_ignored,
                     load_comparison, load_content, load_page, load_review, PageRecord, review_key,
                     ReviewRecord)
from .pairs import ambiguous_ids, ordered, ordered_slug, pair_slug
from .safety import case_clashes, leaves_project, linked_folders
from .schema import (Benchmark, Bracket, Comparison, Offer, Page, PriceChange, Pricing, Provider, Review,
                     Site, SiteConfig, Status, UNKNOWN)
from .schema.site import Claims
from .source import find_node, SourceText, yaml_source
from .yamlpos import Loc, parse_yaml, Positions

__all__ = ["ambiguous_ids", "Benchmark", "Bracket", "case_clashes", "Claims", "Comparison",
           "ComparisonRecord", "Content", "decode", "display_path", "Document", "find_node",
           "hint_bare_references", "is_ignored", "leaves_project", "linked_folders", "load_comparison",
           "load_content", "load_page", "load_review", "load_site_config", "Loc", "Offer", "ordered",
           "ordered_slug", "Page", "PageRecord", "pair_slug", "parse_yaml", "Positions", "PriceChange",
           "Pricing", "Provider", "Review", "review_key", "ReviewRecord", "Site", "SiteConfig", "SourceText",
           "split_front_matter", "Status", "UNKNOWN", "yaml_source"]
