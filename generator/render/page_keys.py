"""What each page is made of, as a fingerprint, so a build can reuse a page nothing of changed.

A page is a pure function of its *input* (front matter, template name, template
context, from `SiteRenderer.page_input`), of the models its template looked up
in `catalog_models` while rendering (recorded by `ModelReads`), and of things
shared by every page (templates, theme, config, code: the publish stage's
global key). So a page's key is a hash of its input, pickled, where each
`Model` it holds is written as its key and its own fingerprint is hashed in
beside, and where the site-wide objects (config, the whole catalog or index)
are written as tokens that stand for fingerprints computed once per build.

Nothing here guesses which pages an edit touches: a page is reused only when the
exact data it was rendered from is byte-for-byte the same. That makes the key
cost one view computation per page (cheap next to Jinja, Markdown and the theme)
and leaves no dependency list to keep in sync with the templates.

Pickles are made deterministic where Python's are not: sets are written sorted,
since their order follows string hashes, which differ from process to process.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Callable

from pydantic import BaseModel

from ..catalog import Catalog, Model, Prose
from ..load import Bracket, Document, Provider, Site, SiteConfig

ALL_MODELS = "*"      # a read of the whole `catalog_models` (iteration, len, values)


@dataclass(frozen=True)
class PageInput:
    """Everything one page's template is rendered from, except `catalog_models` (see ModelReads)."""

    uri: str
    front: dict[str, Any]
    template: str
    context: dict[str, Any]


class ModelReads(Mapping[str, Model]):
    """`catalog.models` as templates see it, noting which keys a render looked at.

    A lookup of a key that is absent is noted too: the page would change if that
    model appeared. Anything that walks the whole mapping notes `ALL_MODELS`.
    """

    def __init__(self, models: Mapping[str, Model]):
        self._models = models
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Model:
        self.read.add(key)
        return self._models[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.read.add(key)
        return key in self._models

    def __iter__(self) -> Iterator[str]:
        self.read.add(ALL_MODELS)
        return iter(self._models)

    def __len__(self) -> int:
        self.read.add(ALL_MODELS)
        return len(self._models)


class PageKeys:
    """Fingerprints for the pages of one catalog; model fingerprints are computed once, lazily."""

    def __init__(self, catalog: Catalog, index: object):
        self.catalog = catalog
        self._index = index
        self._model_fps: dict[str, bytes] = {}
        self._digests: dict[str, bytes] = {}
        self._records: dict[int, str] = {}     # id(record) → digest; records are frozen and live as long
        self._pydantic = _subclasses(BaseModel)
        self._documents = _subclasses(Document)
        self._found = _Found()
        self._table = self._dispatch()

    def key(self, page: PageInput) -> str:
        """The fingerprint of `page`'s input (hex)."""
        data, found = self._pickle((page.uri, page.front, page.template, sorted(page.context.items())))
        digest = hashlib.blake2b(data, digest_size=20)
        self._hash_references(digest, found)
        return digest.hexdigest()

    def reads_key(self, reads: set[str] | list[str]) -> str:
        """The fingerprint of the models a render looked up (absent ones included)."""
        digest = hashlib.blake2b(digest_size=20)
        for key in sorted(reads):
            if key == ALL_MODELS:
                digest.update(b"*\0" + self._token_digest(WHOLE_SITE))
            elif key in self.catalog.models:
                digest.update(key.encode() + b"\0" + self.model_fingerprint(key))
            else:
                digest.update(key.encode() + b"\0absent")
        return digest.hexdigest()

    def model_fingerprint(self, key: str, _open: frozenset[str] = frozenset()) -> bytes:
        """A model's own data, and that of any model object it holds (models hold keys today)."""
        found = self._model_fps.get(key)
        if found is None:
            model = self.catalog.models[key]
            data, refs = self._pickle(tuple((f.name, getattr(model, f.name)) for f in fields(model)))
            digest = hashlib.blake2b(data, digest_size=20)
            refs.models -= _open | {key}
            self._hash_references(digest, refs, _open | {key})
            found = self._model_fps[key] = digest.digest()
        return found

    def _hash_references(self, digest: Any, found: "_Found", _open: frozenset[str] = frozenset()) -> None:
        for key in sorted(found.models - _open):
            digest.update(key.encode() + b"\0" + self.model_fingerprint(key, _open))
        for token in sorted(found.tokens):
            digest.update(token.encode() + b"\0" + self._token_digest(token))

    def _token_digest(self, token: str) -> bytes:
        found = self._digests.get(token)
        if found is None:
            digest = hashlib.blake2b(digest_size=20)
            digest.update(self.catalog.config.model_dump_json().encode())
            if token == WHOLE_SITE:    # every model, pair, page, name and best-value pick
                for key in self.catalog.models:
                    digest.update(key.encode() + b"\0" + self.model_fingerprint(key))
                data, _ = self._pickle((self.catalog.pairs, self.catalog.pages, self.catalog.names,
                                        self.catalog.best_value))
                digest.update(data)
            found = self._digests[token] = digest.digest()
        return found

    def _pickle(self, value: Any) -> tuple[bytes, "_Found"]:
        buffer = io.BytesIO()
        found = self._found = _Found()      # what the table's reducers note, for this pickle
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.dispatch_table = self._table
        pickler.dump(value)
        return buffer.getvalue(), found

    def _dispatch(self) -> dict[type, Callable[[Any], Any]]:
        """How our own types pickle for a key; everything else pickles as usual, at C speed.

        Models become references (their fingerprints are hashed beside), records their
        content digest, config objects and the whole-site objects tokens; pydantic values
        their JSON; sets are written sorted, their order following per-process string hashes.
        Made once per catalog; the reducers note what they meet in `self._found`.
        """
        def model(obj: Model) -> Any:
            self._found.models.add(obj.key)
            return _ref, ("model", obj.key)

        def record(obj: Document) -> Any:
            return _ref, ("record", self._record_digest(obj))

        def config(obj: Any) -> Any:
            self._found.tokens.add(CONFIG)
            return _ref, ("config", type(obj).__name__, getattr(obj, "key", ""))

        def site(obj: Any) -> Any:
            self._found.tokens.add(WHOLE_SITE)
            return _ref, ("site",)

        def pydantic(obj: BaseModel) -> Any:
            return _ref, (type(obj).__qualname__, obj.model_dump_json())

        def prose(obj: Prose) -> Any:
            return _ref, ("prose", obj.source, obj.resolved_body, obj.fields, sorted(obj.bound))

        table: dict[type, Callable[[Any], Any]] = {cls: pydantic for cls in self._pydantic}
        table.update({cls: record for cls in self._documents})
        table.update({cls: config for cls in (SiteConfig, Site, Provider, Bracket)})
        table.update({Model: model, Prose: prose, Catalog: site, type(self._index): site,
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


WHOLE_SITE = "site"    # the token for the catalog, its index, all its models or pairs
CONFIG = "config"      # the token for the site config


@dataclass
class _Found:
    """What one pickle referred to: models by key, and tokens."""

    models: set[str] = field(default_factory=set)
    tokens: set[str] = field(default_factory=set)


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
