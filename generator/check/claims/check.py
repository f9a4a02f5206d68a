"""The claim check: every review and comparison body, sentence by sentence.

For each sentence of prose (code, link targets, HTML and data bindings masked
out, see `extract.py`) the finders list its claims, `attribute.py` says which
model each is about, and `verify.py` compares it with the catalog. A
contradiction becomes a diagnostic at the claim's exact line and column, with
the severity `site_config` gives its kind (`claims.severity`; "off" skips it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .subject import CatalogFacts
from ...base import Diagnostic, error, warning
from .attribute import Mention, ModelNames, attribute_ratio, attribute_single
from ..binding_syntax import binding_spans
from .extract import Sentence, line_and_column, mask_plain, mask_prose, split_sentences
from .fields import Locate, locator, prose_fields
from .limits import find_limits
from .monthly import find_monthly_costs
from .dates import find_dates
from .patterns import Claim, CostClaim, DateClaim, LimitClaim, PriceClaim, RatioClaim, ScoreClaim
from .prices import find_prices
from .ratios import find_ratios
from .scores import find_scores
from .verify import Contradiction, Verifier

# "Both read 1,047,576 tokens": on a comparison page, a claim about both of its models.
_BOTH = re.compile(r"\b(?:both|either|each\s+model|the\s+two(?:\s+models)?)\b", re.IGNORECASE)
# Every claim has a digit, or a number word ("five times", "half the price", "a million tokens").
_MAY_CLAIM = re.compile(r"\d|\b(?:half|twice|double|triple|treble|quadruple|third|quarter|fifth|sixth|eighth|"
                        r"tenth|twentieth|million|thousand|two|three|four|five|six|seven|eight|nine|ten|"
                        r"twenty|fifty|hundred)\b", re.IGNORECASE)
_MAY_COMPARE = re.compile(r"\bthan\b", re.IGNORECASE)
_MAY_LIMIT = re.compile(r"token|context|window|output|respons|repl|completion", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\|")
CODES = {"price": "claim-price", "limit": "claim-limit", "ratio": "claim-ratio", "monthly_cost": "claim-monthly-cost",
         "date": "claim-date", "score": "claim-score"}


@dataclass(frozen=True)
class Body:
    """One text to check: where it comes from and whose it is.

    A Markdown body (`markdown=True`) maps offsets to lines from `first_line`; a
    front-matter string is plain text and carries a `locate` from `fields.locator`.
    """

    display: str
    text: str
    first_line: int
    page_model: str | None
    pair: tuple[str, str] | None
    markdown: bool = True
    locate: Locate | None = None
    asserts: bool = True    # False: bindings only, no claims (a FAQ question)

    def position(self, offset: int) -> tuple[int, int]:
        """The file line and column of an offset in `text`."""
        if self.locate is not None:
            return self.locate(offset)
        return line_and_column(self.text, offset, self.first_line)


def check_contradictions(catalog: CatalogFacts) -> list[Diagnostic]:
    checker = ClaimChecker(catalog)
    return [d for body in texts(catalog) for d in checker.check(body)]


class ClaimChecker:
    """Everything built once per catalog (the name index, the verifier), applied body by body."""

    def __init__(self, catalog: CatalogFacts):
        self.rules = catalog.config.claims
        self.names = ModelNames(catalog)
        self.verifier = Verifier(catalog, self.rules)

    def check(self, body: Body) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        if not body.asserts:
            return found
        for sentence, carry in with_previous(body.text, self.names, body.page_model, body.markdown):
            for claim, problem in contradictions(sentence.text, self.names, self.verifier, body.page_model,
                                                 body.pair, carry):
                severity = self.rules.severity.get(claim.kind, "error")  # type: ignore[call-overload]
                if severity == "off":
                    continue
                line, column = body.position(sentence.start + claim.start)
                make = error if severity == "error" else warning
                found.append(make(body.display, line, column, CODES[claim.kind], problem.message, problem.hint))
        return found


def bodies(catalog: CatalogFacts) -> Iterator[Body]:
    for key, model in catalog.models.items():
        record = model.record
        yield Body(record.display, record.body, record.body_first_line, key, None)
    for pair in catalog.pairs.values():
        if pair.editorial is not None:
            editorial = pair.editorial
            yield Body(editorial.display, editorial.body, editorial.body_first_line, None, (pair.a, pair.b))


def texts(catalog: CatalogFacts) -> Iterator[Body]:
    """Every body, then every front-matter string readers see (`fields.py`)."""
    yield from bodies(catalog)
    for record, field, page_model, pair in prose_fields(catalog):
        yield Body(record.display, field.text, 0, page_model, pair, markdown=False,
                   locate=locator(record.positions, field.loc, field.text), asserts=field.asserts)


def prose_sentences(body: str) -> list[Sentence]:
    """Sentences of readable prose, with data bindings blanked: bound values are right by construction."""
    return split_sentences(_masked(body))


def with_previous(body: str, names: ModelNames, page_model: str | None,
                  markdown: bool = True) -> Iterator[tuple[Sentence, Carry]]:
    """Each sentence with (lazily) the other models the previous sentence of its paragraph named.

    "Mistral Small 4 exists. At $0.60/MTok output, it is the cheapest": the
    second sentence is about the model the first one introduced, not the page's.
    """
    masked = _masked(body, markdown)
    previous: Sentence | None = None
    for sentence in split_sentences(masked):
        same_paragraph = previous is not None and not _PARAGRAPH_BREAK.search(masked, previous.end, sentence.start)
        yield sentence, Carry(names, previous.text if same_paragraph and previous else None, page_model)
        previous = sentence


class Carry:
    """The models a previous sentence named, found only if a claim needs them (name lookup is the slow part)."""

    def __init__(self, names: ModelNames, text: str | None, page_model: str | None):
        self._names, self._text, self._page_model = names, text, page_model

    def mentions(self) -> list[Mention]:
        if self._text is None:
            return []
        return [m for m in self._names.mentions(self._text, self._page_model)
                if not m.pronoun and not m.generic and m.key != self._page_model]


def _masked(body: str, markdown: bool = True) -> str:
    masked = list(mask_prose(body) if markdown else mask_plain(body))
    for binding in binding_spans(body, markdown)[0]:
        masked[binding.start:binding.end] = " " * (binding.end - binding.start)
    return "".join(masked)


def find_claims(text: str, benchmarks: tuple[str, ...] = ()) -> list[Claim]:
    """Every claim in one sentence, prices first so their dollars are never read as bills.

    `benchmarks` names the benchmarks score claims may name (`Verifier.benchmarks`).
    """
    if not _MAY_CLAIM.search(text) and not _MAY_COMPARE.search(text):
        return []
    dollars = "$" in text
    prices = find_prices(text) if dollars else []
    claims: list[Claim] = [*prices, *(find_limits(text) if _MAY_LIMIT.search(text) else []), *find_ratios(text)]
    if dollars:
        claims += find_monthly_costs(text, [(c.start, c.end) for c in prices])
    taken = [(c.start, c.end) for c in claims]
    for extra in (*find_dates(text), *find_scores(text, benchmarks)):
        if not any(s < extra.end and extra.start < e for s, e in taken):
            claims.append(extra)
    return sorted(claims, key=lambda c: c.start)


def contradictions(text: str, names: ModelNames, verifier: Verifier, page_model: str | None,
                   pair: tuple[str, str] | None, previous: Carry | None = None
                   ) -> Iterator[tuple[Claim, Contradiction]]:
    """The claims of one sentence that the data contradicts; `previous` holds the previous sentence's models."""
    claims = find_claims(text, verifier.benchmarks)
    if not claims:
        return
    mentions = names.mentions(text, page_model, pair)
    named = any(not m.pronoun and not m.generic and not m.nickname for m in mentions)
    carry = [] if named or page_model is None or previous is None else previous.mentions()
    for claim in claims:
        problem: Contradiction | None = None
        if isinstance(claim, RatioClaim):
            models = None if carry else attribute_ratio(claim, text, mentions, page_model, pair)
            problem = verifier.ratio(claim, text, models, page_model) if models else None
        else:
            keys = attribute_single(claim, text, mentions, page_model)
            if isinstance(claim, (DateClaim, ScoreClaim)) and _other_subject(text, claim, mentions, verifier):
                keys = []
            if carry:
                keys = [] if any(m.key is None for m in carry) else keys + [m.key for m in carry if m.key]
            if not keys and pair and not named and _BOTH.search(text):
                problem = next(filter(None, (_verify_single(verifier, claim, text, [key], page_model)
                                             for key in pair)), None)
            elif keys:
                problem = _verify_single(verifier, claim, text, keys, page_model)
        if problem is not None:
            yield claim, problem


# "The SWE-bench Verified set was released in 2024", "its competitors score 60%": a date or a
# score whose subject is not a model, or is some models we cannot name.
_THING = re.compile(r"\b(?:benchmarks?|data\s*sets?|sets?|papers?|APIs?|apps?|features?|updates?|versions?|snapshots?|"
                    r"tools?|SDKs?|plans?|tiers?|library|libraries|leaderboards?|suites?|tests?|reports?|products?|"
                    r"services?|modes?|endpoints?)\b", re.IGNORECASE)


def _other_subject(text: str, claim: Claim, mentions: list[Mention], verifier: Verifier) -> bool:
    before = [m for m in mentions if m.end <= claim.start]
    last = before[-1] if before else None
    if last is not None and last.generic:
        return True
    gap = text[last.end if last else 0:claim.start]
    return bool(_THING.search(gap) or any(b.casefold() in gap.casefold() for b in verifier.benchmarks))


def _verify_single(verifier: Verifier, claim: Claim, text: str, keys: list[str],
                   page_model: str | None) -> Contradiction | None:
    if isinstance(claim, PriceClaim):
        return verifier.price(claim, text, keys, page_model)
    if isinstance(claim, LimitClaim):
        return verifier.limit(claim, text, keys, page_model)
    if isinstance(claim, CostClaim):
        return verifier.monthly(claim, text, keys, page_model)
    if isinstance(claim, DateClaim):
        return verifier.date(claim, text, keys, page_model)
    if isinstance(claim, ScoreClaim):
        return verifier.score(claim, text, keys, page_model)
    return None
