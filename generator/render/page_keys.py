"""The values of recorded page reads, hashed, so a build can tell which reads changed.

A page is a pure function of the catalog data its making reads (`page_reads`:
recorded while it was last rendered) and of things shared by every page
(templates, theme, config, code: the publish stage's global key). If each of its
reads gives what it gave, the page would be made the same way again, read the
same things and come out the same, so the build cache reuses it without computing
it (`publish.page_cache`). This module gives each read's value as a digest: from
a pickle where a model or pair stands as its key (what a page reads *of* it is a
read of its own), a record as a digest of its content, a pydantic value as its
JSON; each read's digest is computed once per build, however many pages made it.
A whole model's or pair's fingerprint lets the cache skip the reads of the ones
that did not change at all.

Nothing here guesses which pages an edit touches, and there is no dependency
list to keep in sync with the templates: whatever a page read is what it depends
on. Pickles are made deterministic where Python's are not: sets are written
sorted, since their order follows string hashes, which differ between processes.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Mapping
from dataclasses import fields
from typing import Any, Callable

from pydantic import BaseModel

from ..catalog import Catalog, Model, Pair, Prose
from ..load import Document
from .page_reads import ALL, Read


class PageKeys:
    """Fingerprints of recorded reads (`page_reads`) against one renderer's catalog."""

    def __init__(self, catalog: Catalog, index: object, pages: Mapping[str, Any]):
        self.catalog = catalog
        self._index = index
        self._pages = pages
        self._digests: dict[Read, bytes] = {}
        self._records: dict[int, str] = {}     # id(record) → digest; records are frozen and live as long
        self._whole: bytes | None = None
        self._owners: dict[str, bytes] = {}
        self._pydantic = _subclasses(BaseModel)
        self._documents = _subclasses(Document)
        self._table = self._dispatch()

    def digest(self, read: Read) -> bytes:
        """The current value of one read, hashed: the same bytes exactly when a page that
        made this read would get the same thing from it. Computed once per build."""
        found = self._digests.get(read)
        if found is None:
            found = self._digests[read] = self._digest(read)
        return found

    def owner(self, read: Read) -> str | None:
        """The whole a read reads part of (a model, a pair, one of the catalog's or the index's
        mappings, the page list), when that whole's `fingerprint` covers everything the read
        can see: then, if the fingerprint is what it was, so is the read."""
        kind = read[0]
        if kind in ("m", "meta") or (kind == "r" and read[2] not in _UNCOVERED):
            return "m\0" + read[1]
        if kind == "p":
            return "p\0" + read[1]
        if kind in ("cat", "idx") and len(read) == 3:
            return kind + "\0" + read[1]
        if kind == "page":
            return "page\0"
        return None

    def fingerprint(self, owner: str) -> bytes:
        """All of one model (its fields, its record's content and front matter), pair or
        mapping, hashed: checking the 7,000 wholes of a catalog is cheaper than checking the
        70,000 reads its pages make of them. Models and pairs inside a mapping stand as their
        keys, as in a read of it."""
        found = self._owners.get(owner)
        if found is None:
            kind, key = owner.split("\0", 1)
            if kind in ("m", "p"):
                thing: Any = (self.catalog.models if kind == "m" else self.catalog.pairs).get(key)
                found = _ABSENT_DIGEST if thing is None else self._value(_field_values(thing))
            elif kind == "page":
                found = _hash("\0".join(f"{uri}\0{ref!r}" for uri, ref in self._pages.items()).encode())
            else:
                found = self._value(getattr(self.catalog if kind == "cat" else self._index, key))
            self._owners[owner] = found
        return found

    def _digest(self, read: Read) -> bytes:
        """The current value of one read, hashed (see `page_reads` for what reads are)."""
        kind, rest = read[0], read[1:]
        if kind == "page":
            return _hash(repr(self._pages.get(rest[0])).encode())
        if kind in ("m", "r", "meta"):
            model = self.catalog.models.get(rest[0])
            if model is None:
                return _ABSENT_DIGEST
            owner: Any = model if kind == "m" else model.record if kind == "r" else model.meta
            return self._value(_field_values(owner) if rest[1] == "*" else getattr(owner, rest[1]))
        if kind == "p":
            pair = self.catalog.pairs.get(rest[0])
            if pair is None:
                return _ABSENT_DIGEST
            return self._value(_field_values(pair) if rest[1] == "*" else getattr(pair, rest[1]))
        if kind in ("cat", "idx") and rest[0] != "*":
            owner = self.catalog if kind == "cat" else self._index
            value = getattr(owner, rest[0])
            if len(rest) == 1 or rest[1] == ALL:
                return self._value(value)
            return self._value(value.get(rest[1], _ABSENT))
        return self.whole()

    def whole(self) -> bytes:
        """Everything a page could read: for a read no rule above names."""
        if self._whole is None:
            catalog = self.catalog
            models = tuple((key, _field_values(m), m.meta) for key, m in catalog.models.items())
            pairs = tuple((slug, _field_values(p)) for slug, p in catalog.pairs.items())
            self._whole = self._value((models, pairs, catalog.pages, catalog.names, catalog.best_value,
                                       catalog.config, sorted(self._pages.items())))
        return self._whole

    def _value(self, value: Any) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.dispatch_table = self._table
        pickler.dump(value)
        return _hash(buffer.getvalue())

    def _dispatch(self) -> dict[type, Callable[[Any], Any]]:
        """How our own types pickle for a digest; everything else pickles as usual, at C speed.

        Models and pairs become references (what a page reads of them is a read of its
        own), records their content digest, pydantic values their JSON, the catalog and
        its index everything; sets are written sorted, their order following per-process
        string hashes. Made once per catalog.
        """
        def model(obj: Model) -> Any:
            return _ref, ("model", obj.key)

        def pair(obj: Pair) -> Any:
            return _ref, ("pair", obj.slug)

        def record(obj: Document) -> Any:
            return _ref, ("record", self._record_digest(obj))

        def site(obj: Any) -> Any:
            return _ref, ("site", self.whole())

        def pydantic(obj: BaseModel) -> Any:
            return _ref, (type(obj).__qualname__, obj.model_dump_json())

        def prose(obj: Prose) -> Any:
            return _ref, ("prose", obj.source, obj.resolved_body, obj.fields, sorted(obj.bound))

        table: dict[type, Callable[[Any], Any]] = {cls: pydantic for cls in self._pydantic}
        table.update({cls: record for cls in self._documents})
        table.update({Model: model, Pair: pair, Prose: prose, Catalog: site, type(self._index): site,
                      set: _sorted_set, frozenset: _sorted_set})
        return table

    def _record_digest(self, record: Document) -> str:
        """A loaded file's fingerprint: its validated front matter (pydantic's own serializer,
        fast and complete), its body and its identity. Source positions (and the body's first line) are left out: they
        serve diagnostics, and no page shows them."""
        found = self._records.get(id(record))
        if found is None:
            digest = hashlib.blake2b(type(record).__name__.encode(), digest_size=20)
            digest.update(record.meta.model_dump_json().encode())
            rest = tuple((f.name, getattr(record, f.name)) for f in fields(record)
                         if f.name not in ("meta", "positions", "body_first_line"))
            digest.update(pickle.dumps(rest, protocol=5))
            found = self._records[id(record)] = digest.hexdigest()
        return found


_ABSENT = ("absent",)    # the value of a lookup that found nothing
_ABSENT_DIGEST = hashlib.blake2b(b"absent", digest_size=20).digest()   # of a model or pair not in the catalog
_UNCOVERED = ("positions", "body_first_line")   # record fields a record's digest leaves out


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _field_values(owner: Any) -> tuple[tuple[str, Any], ...]:
    """(name, value) of every field of a dataclass or pydantic object, in declaration order."""
    names = list(type(owner).model_fields) if isinstance(owner, BaseModel) else [f.name for f in fields(owner)]
    return tuple((name, getattr(owner, name)) for name in names)


def _ref(*parts: Any) -> None:
    """Stands in for a constructor in key pickles, which are hashed and never loaded."""


def _sorted_set(obj: set | frozenset) -> Any:
    # Sets pickle natively (the table is not consulted for them); a set inside a value is
    # rare (Prose.bound, handled above), and a wrong order would only cost a cache miss.
    return _ref, ("set", sorted(obj, key=repr))


def _subclasses(cls: type) -> list[type]:
    found, todo = [], [cls]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found
