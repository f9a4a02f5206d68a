"""Which catalog data one page's making reads, noted as it happens.

A generated page is a pure function of the catalog, its index and the site config
(the templates, theme and code are the same for every page, in the build cache's
global key). Computing the page (`SiteRenderer.page_input`, the Jinja render and
`lastmod`) inside `recording(...)` notes every piece of that data it touched, as a
*read*: a model's field, a review's front-matter field, a pair's field, a lookup in
one of the catalog's or the index's mappings (or a walk over a whole mapping).
If every read gives the same value in a later build, the page comes out the same,
so the build cache can reuse it without computing anything but those values
(`page_keys.PageKeys`), and a price edit re-renders only the pages that showed
that price, not every page that merely links to the model.

Reads are noted by replacing `__getattribute__` on the catalog's classes for the
duration of one page, in the one thread that renders it. The rules err towards
noting too much: an attribute the tables below do not know (a method of pydantic's,
`__dict__`, anything new) is noted as a read of the whole object, which costs a
re-render, never a stale page. What a read is made of:

    ("page", uri)                    the page's place in the page list
    ("m", key, field)                a `Model` field (`peers`, `blended`, ...); field "*": all of it
    ("r", key, field)                a `ReviewRecord` field other than its identity and meta
    ("meta", key, field)             a front-matter field of review `key` (`pricing`, `name`, ...)
    ("p", slug, field)               a `Pair` field
    ("cat", name, item)              `catalog.<name>[item]` (item ALL: the mapping walked)
    ("cat", name)                    `catalog.config` or `catalog.pages`; ("cat", "*"): anything else
    ("idx", name, item)              `index.<name>[item]`, likewise
    ("idx", name)                    `index.latest`, `index.site_date`; ("idx", "*"): anything else

A model, pair or record reached through a read is not part of that read's value:
what the page then reads *of it* is noted on its own.
"""

from __future__ import annotations

import functools
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from dataclasses import fields
from typing import Any

from ..catalog import Catalog, Model, Pair
from ..load import Review, ReviewRecord
from .index import SiteIndex

Read = tuple[Any, ...]
ALL = "\0all"         # the item of a read that walked a whole mapping

_get = object.__getattribute__


class Reads:
    """The reads of one page, in the order first made (a dict as an ordered set: the
    order a render makes them in is the same in every process, a set's is not)."""

    def __init__(self) -> None:
        self.seen: dict[Read, None] = {}

    def add(self, read: Read) -> None:
        self.seen[read] = None

    def as_tuple(self) -> tuple[Read, ...]:
        return tuple(self.seen)


class Recording(Mapping[Any, Any]):
    """A catalog or index mapping that notes each lookup, and a walk over it as one read."""

    __slots__ = ("_data", "_where", "_reads")

    def __init__(self, data: Mapping[Any, Any], where: Read, reads: Reads):
        self._data, self._where, self._reads = data, where, reads

    def __getitem__(self, item: Any) -> Any:
        self._reads.add(self._where + (item,))
        return self._data[item]

    def get(self, item: Any, default: Any = None) -> Any:
        self._reads.add(self._where + (item,))
        return self._data.get(item, default)

    def __contains__(self, item: object) -> bool:
        self._reads.add(self._where + (item,))
        return item in self._data

    def _walk(self) -> Mapping[Any, Any]:
        self._reads.add(self._where + (ALL,))
        return self._data

    def __iter__(self) -> Iterator[Any]:
        return iter(self._walk())

    def __len__(self) -> int:
        return len(self._walk())

    def keys(self) -> KeysView[Any]:
        return self._walk().keys()

    def values(self) -> ValuesView[Any]:
        return self._walk().values()

    def items(self) -> ItemsView[Any, Any]:
        return self._walk().items()


_reads: Reads = None  # type: ignore[assignment]   # the page being recorded (set only while one is)
_seen: dict[Read, None] = None  # type: ignore[assignment]   # its `seen`
_owners: dict[int, str] = {}                 # id(review front matter) → its model's key
_prepared: Catalog | None = None             # the catalog `_owners` is for

_MODEL_FIELDS = frozenset(f.name for f in fields(Model)) - {"record"}
_MODEL_FREE = frozenset({"record", "meta", "key", "url", "__class__"})   # identity, or noted deeper
_RECORD_FIELDS = frozenset(f.name for f in fields(ReviewRecord))
_RECORD_FREE = frozenset({"key", "provider", "model_id", "meta", "__class__"})
_META_FIELDS = frozenset(Review.model_fields)
_PAIR_FIELDS = frozenset(f.name for f in fields(Pair))
_PAIR_FREE = frozenset({"slug", "url", "__class__"})
_CATALOG_MAPS = frozenset({"models", "pairs", "names", "best_value"})
_CATALOG_VALUES = frozenset({"config", "pages"})
_CATALOG_FREE = frozenset({"by_provider", "by_bracket", "find", "__class__"})   # their bodies are noted
_INDEX_MAPS = frozenset({"providers", "bracket_members", "ranks", "grade_ranks", "reviews_by_provider",
                         "offers_by_provider", "pair_of", "active_bracket_members", "price_ends"})
_INDEX_VALUES = frozenset({"latest", "site_date"})
_INDEX_FREE = frozenset({"catalog", "pair", "model", "provider_name", "__class__"})


# The patched lookups run only while a page is recorded, so `_seen` is set whenever they do.
# They are the hot path of a cold build (millions of calls): the commonest names come first.

def _model_attr(self: Model, name: str) -> Any:
    if name == "meta":                 # the property, without its two patched lookups
        return _get(_get(self, "record"), "meta")
    if name == "key":
        return _get(_get(self, "record"), "key")
    if name not in _MODEL_FREE:
        _seen[("m", _get(_get(self, "record"), "key"), name if name in _MODEL_FIELDS else "*")] = None
    return _get(self, name)


def _record_attr(self: ReviewRecord, name: str) -> Any:
    if name not in _RECORD_FREE:
        _seen[("r", _get(self, "key"), name if name in _RECORD_FIELDS else "*")] = None
    return _get(self, name)


def _meta_attr(self: Review, name: str) -> Any:
    if name != "__class__":
        owner = _owners.get(id(self))
        if owner is None:        # front matter of no model in this catalog: depend on them all
            _seen[("cat", "*")] = None
        else:
            _seen[("meta", owner, name if name in _META_FIELDS else "*")] = None
    return _get(self, name)


def _pair_attr(self: Pair, name: str) -> Any:
    if name not in _PAIR_FREE:
        _seen[("p", _get(self, "slug"), name if name in _PAIR_FIELDS else "*")] = None
    return _get(self, name)


def _holder_attr(kind: str, maps: frozenset[str], values: frozenset[str], free: frozenset[str]) -> Any:
    """The patched lookup of the catalog (kind "cat") or the index ("idx"): its mappings come
    back recording their lookups, its plain values note a read, and anything else reads all."""
    def attr(self: Any, name: str) -> Any:
        value = _get(self, name)
        if name in free:
            return value
        if name in maps:
            return Recording(value, (kind, name), _reads)
        _seen[(kind, name) if name in values else (kind, "*")] = None
        return value
    return attr


_catalog_attr = _holder_attr("cat", _CATALOG_MAPS, _CATALOG_VALUES, _CATALOG_FREE)
_index_attr = _holder_attr("idx", _INDEX_MAPS, _INDEX_VALUES, _INDEX_FREE)


_PATCHES: dict[type, Any] = {Model: _model_attr, ReviewRecord: _record_attr, Review: _meta_attr,
                             Pair: _pair_attr, Catalog: _catalog_attr, SiteIndex: _index_attr}
# Restoring a class means deleting the patch: a class that defines its own __getattribute__
# would lose it, so none may (the import fails loudly if one ever does).
assert not any("__getattribute__" in vars(cls) for cls in _PATCHES), "a patched class has its own __getattribute__"


def prepare(catalog: Catalog, index: SiteIndex) -> None:
    """Ready this process to record pages of `catalog`: who owns each review's front
    matter, and the index's lazily computed lookups computed now (computed inside a
    page, they would note a walk of everything they were computed from)."""
    global _owners, _prepared
    if _prepared is catalog:
        return
    _owners = {id(model.record.meta): key for key, model in catalog.models.items()}
    for name, value in vars(SiteIndex).items():   # its cached properties, computed here, once
        if isinstance(value, functools.cached_property):
            getattr(index, name)
    _prepared = catalog          # held, so no later catalog can reuse its id


@contextmanager
def recording(reads: Reads) -> Iterator[Reads]:
    """Note into `reads` what the code run inside reads of the catalog (see the module's
    docstring). Not re-entrant, and for one thread: the build renders one page at a time
    per process."""
    global _reads, _seen
    if _reads is not None:
        raise RuntimeError("page reads are already being recorded")
    _reads, _seen = reads, reads.seen
    for cls, attr in _PATCHES.items():
        setattr(cls, "__getattribute__", attr)
    try:
        yield reads
    finally:
        for cls in _PATCHES:
            delattr(cls, "__getattribute__")
        _reads, _seen = None, None
