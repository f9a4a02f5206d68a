"""Benchmark score claims: a number named with its benchmark.

"87.5% on MMLU", "scores 23.6 on SWE-bench Verified", "an MMLU of 87.5", "MMLU
score: 87.5%". The benchmark names are the ones the catalog's reviews list (the
vocabulary, not the scores: the finder still never reads a model's data), longest
first, so "SWE-bench Verified" is never read as "SWE-bench". A change ("up 5
points on MMLU", "3% higher on MMLU") is not a score and is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbers import NUMBER, decimals, parse_decimal
from .patterns import BOUND, ScoreClaim, bound_kind

_NUM = rf"(?P<num>{NUMBER})(?![\d,]|\.\d)(?P<pct>\s?(?:%|percent|per\s+cent))?(?![\w])"
_CHANGE_BEFORE = re.compile(r"(?:\bup|\bdown|\bby|\bgains?|\bgained|\blost|\bloses|\bdrops?|\bimproves?|"
                            r"\bimproved|\badds?|\bextra|\banother|\+|-|±)\s*$",
                            re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:percentage\s+)?(?:points?|pts|pp)\b|\s*(?:more|less|higher|lower|better|worse|"
                           r"ahead|behind|than)\b", re.IGNORECASE)
_BOUND_BEFORE = re.compile(rf"{BOUND}\s+$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# "Aider Polyglot: 225 exercises": a count of something, not a score.
_COUNT_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:exercises|problems|questions|tasks|items|subjects|languages|samples|"
                          r"examples|prompts|tests|cases|runs|shots|attempts|entries|models|repos|repositories|issues)\b",
                          re.IGNORECASE)
# Without a % sign, "3 on MMLU" is a score only after a scoring word ("scores 87.5 on MMLU"), not "ranks 3 on MMLU".
_SCORE_VERB_BEFORE = re.compile(r"\b(?:scores?|scored|scoring|reach(?:es|ed)?|posts?|posted|gets?|got|manages?|managed|"
                                r"achieves?|achieved|hits?|records?|recorded|of|with)\s+(?:(?:about|around|roughly|"
                                r"approximately|nearly|almost|some|just|over|under|above|below|at\s+least|at\s+most)\s+)*$",
                                re.IGNORECASE)


@lru_cache(maxsize=8)
def _patterns(benchmarks: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    names = sorted({b for b in benchmarks if b.strip()}, key=len, reverse=True)
    if not names:
        return None
    bench = "(?P<bench>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])"
    number_first = re.compile(
        rf"(?<![\w.$]){_NUM}(?:\s+(?:accuracy|pass@1|score))?\s+(?:on|in|at|for)\s+(?:the\s+)?{bench}",
        re.IGNORECASE)
    name_first = re.compile(
        rf"(?<![\w-]){bench}(?:\s+(?:score|result|accuracy|pass@1))?(?:\s+(?:of|at|is|was|sits\s+at|stands\s+at|"
        rf"reaches|hits)|\s*[:=])\s+(?:(?:a|an|about|around|roughly|approximately|nearly|almost|some|~|"
        rf"just\s+over|just\s+under|over|under|above|below|at\s+least|at\s+most)\s+)*{_NUM}",
        re.IGNORECASE)
    return number_first, name_first


def find_scores(text: str, benchmarks: tuple[str, ...]) -> list[ScoreClaim]:
    patterns = _patterns(benchmarks)
    if patterns is None or not _DIGIT.search(text):
        return []
    claims: list[ScoreClaim] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            num_at, num_end = match.start("num"), match.end("pct") if match.group("pct") else match.end("num")
            if _CHANGE_BEFORE.search(text, max(0, num_at - 20), num_at) or _CHANGE_AFTER.match(text, num_end):
                continue
            if not match.group("pct") and _COUNT_AFTER.match(text, num_end):
                continue
            if pattern is patterns[0] and not match.group("pct") and \
                    not _SCORE_VERB_BEFORE.search(text, max(0, num_at - 40), num_at):
                continue
            value = parse_decimal(match.group("num"))
            if value is None or any(c.start < match.end() and match.start() < c.end for c in claims):
                continue
            bounded = _BOUND_BEFORE.search(text, max(0, num_at - 30), num_at)
            if pattern is patterns[1]:
                bounded = re.search(rf"{BOUND}\s+$", text[match.end("bench"):num_at], re.IGNORECASE)
            claims.append(ScoreClaim(kind="score", start=match.start(), end=match.end(), number_at=num_at,
                                     benchmark=" ".join(match.group("bench").split()), value=value,
                                     decimals=decimals(match.group("num")),
                                     bound=bound_kind(bounded.group("bound") if bounded else None)))
    return sorted(claims, key=lambda c: c.start)
