"""Which model a claim is about.

A sentence is about the page's own model unless it names another one. Names come
from the catalog (`catalog.names`: names, aliases, snapshot ids, model ids, keys),
longest first, so "GPT-4.1 mini" is never read as "GPT-4.1". Words that clearly
name a model we do not know ("Claude 3 Haiku", "GPT-4o mini" when only GPT-4o is
reviewed, "its predecessor", "competitors") are *unknown* mentions: a claim that
leans on one is left alone, since we cannot check it. "it" and "this model" stand
for the page's model.

Attribution returns candidates, not a verdict: when the wording leaves two models
possible ("cheaper than GPT-4.1 at $0.40"), a claim is a contradiction only if it
contradicts every candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .subject import CatalogFacts
from .patterns import Claim, RatioClaim

# Lab and product words name a model only with a version or size ("Claude 3 Haiku", "Llama 3.1 8B");
# alone ("Mistral charges", "the Gemini API") they name a company or a product line.
_BRANDS = (r"GPT|Claude|Gemini|Gemma|Llama|Mistral|Mixtral|Magistral|Codestral|Ministral|Pixtral|Devstral|"
           r"DeepSeek|Qwen|QwQ|Grok|Command|Phi|Nova|Jamba|Kimi|GLM|Sonar")
_FAMILY_WORDS = r"Haiku|Sonnet|Opus|Flash|Nano|Mini|Turbo"
_VARIANT = (r"(?:[\s-](?i:\d[\w.]*|mini|nano|pro|flash|lite|turbo|haiku|sonnet|opus|small|medium|large|"
            r"instruct|preview|plus|max|ultra|fast|V\d[\w.]*|R\d)(?![\w-]))")
_UNKNOWN_MODEL = re.compile(rf"(?<![\w.-])(?:(?:{_BRANDS})(?:-?\d[\w.]*{_VARIANT}*|{_VARIANT}+)"
                            rf"|(?:{_FAMILY_WORDS}){_VARIANT}*|o[1-9](?:-?(?:mini|pro|preview))?)(?![\w-])")
_WORD = re.compile(r"[^\s—–]+")
_TRIM_LEAD = re.compile(r"^[(\"'“‘\[]+")
_TRIM = re.compile(r"(?:['’]s)?[.,;:!?)\]\"'”’]*$")
_CONTINUES_NAME = re.compile(rf"{_VARIANT}+", re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:predecessors?|successors?|flagships?|competitors?|competition|rivals?|peers?|"
                      r"alternatives?|siblings?|other\s+models?|most\s+models|models|others|the\s+rest|"
                      r"the\s+field|the\s+market|average)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|its|it's|it’s|this\s+model|the\s+model)\b", re.IGNORECASE)
_COMPARED = re.compile(r"(?:\bthan|\bvs\.?|\bversus|\bcompared\s+(?:to|with)|\brelative\s+to|\bagainst|\bover|"
                       r"\bunlike|\blike|\bbeside|\bbehind)\s+(?:the\s+|a\s+)?(?:full\s+|bigger\s+|larger\s+)?$",
                       re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;—–:()]|\s-\s|,\s*(?:but|while|whereas|although|though|so|yet|which|where|and)\b|"
                           r"\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)
_ATTACHED = re.compile(r"(?:'s|’s)?\s*(?:at|cost(?:s|ed)?|charg(?:es|ed|ing)|priced\s+at|list(?:s|ed)?\s+at|runs?|ran|"
                       r"is|are|was|were|with|of|offer(?:s|ed)?|has|have|had|:)?"
                       r"\s*(?:just\s+|only\s+|a\s+|an\s+)?", re.IGNORECASE)
# "a tenth of the input price": one model's cached price against its own input price.
_OWN_PRICE = re.compile(r"\bthe\s+(?:input|output|normal|standard|regular|usual|list|uncached)\s+(?:price|rate|cost)",
                        re.IGNORECASE)
_OBJECT_LINK = re.compile(r"^[\s,]*(?:\w+\s+){0,3}?(?:than|as|of|over|to|versus|vs\.?|what|compared\s+(?:to|with)|"
                          r"relative\s+to|against|from)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}$")


@dataclass(frozen=True)
class Mention:
    """A model named in a sentence; `key` is None for a model the catalog does not have."""

    start: int
    end: int
    key: str | None
    pronoun: bool = False
    generic: bool = False       # "its predecessor", "competitors": some model, but which?
    compared: bool = False      # "than GPT-4.1", "vs GPT-4.1": the object of a comparison
    nickname: bool = False      # "the mini": names a model, but does not make "it" mean someone new


# "the mini", "the nano", "the Flash": the last word of a model's name, standing for the model.
_NICKNAME_WORDS = ("mini", "nano", "flash", "lite", "turbo", "haiku", "sonnet", "opus", "pro")
_NICKNAME = re.compile(r"\bthe\s+(?P<nick>" + "|".join(_NICKNAME_WORDS) + r")\b(?![\w-])"
                       r"(?!\s+(?:plan|tier|subscription|version|account|app|line))", re.IGNORECASE)


class ModelNames:
    """Finds catalog models (and unknown model-like names) in sentences.

    Names are looked up word n-gram by word n-gram in a dict (longest first)
    rather than with one big alternation regex, so the cost per sentence does
    not grow with the size of the catalog.
    """

    def __init__(self, catalog: CatalogFacts):
        self._names = {_normal(n): key for n, key in catalog.names.items() if _usable(n)}
        self._first_words: dict[str, int] = {}   # first word of a name -> most words a name starting so has
        for name in self._names:
            words = name.split()
            first = _TRIM_LEAD.sub("", words[0])
            self._first_words[first] = max(self._first_words.get(first, 0), len(words))
        # Nicknames: "the mini" for each model whose name ends in "mini"; short aliases a
        # review declares ("4.1m") count on that review's own page.
        self._nick_models: dict[str, list[str]] = {}
        self._family: dict[str, str] = {}
        self._own_aliases: dict[str, re.Pattern[str]] = {}
        for key, model in catalog.models.items():
            meta = model.meta
            self._family[key] = meta.family
            last = meta.name.split()[-1].casefold() if meta.name.split() else ""
            if last in _NICKNAME_WORDS:
                self._nick_models.setdefault(last, []).append(key)
            short = [a for a in meta.aliases if a.strip() and not _usable(a) and len(a.strip()) >= 2]
            if short:
                self._own_aliases[key] = re.compile(
                    r"(?<![\w.-])(?:" + "|".join(re.escape(a.strip()) for a in short) + r")(?![\w-])")

    def mentions(self, text: str, page_model: str | None, pair: tuple[str, str] | None = None) -> list[Mention]:
        found = self._known(text)
        found += [m for m in self._nicknames(text, page_model, pair)
                  if not any(k.start < m.end and m.start < k.end for k in found)]
        for pattern, kind in ((_UNKNOWN_MODEL, "unknown"), (_GENERIC, "generic"), (_PRONOUN, "pronoun")):
            for match in pattern.finditer(text):
                if any(m.start <= match.start() < m.end or match.start() <= m.start < match.end() for m in found):
                    continue
                key = page_model if kind == "pronoun" else None
                found.append(Mention(match.start(), match.end(), key, pronoun=kind == "pronoun",
                                     generic=kind == "generic", compared=_is_compared(text, match.start())))
        return sorted(found, key=lambda m: m.start)

    def _nicknames(self, text: str, page_model: str | None, pair: tuple[str, str] | None) -> list[Mention]:
        """"the mini": the page's model if its name ends so, else the one such model of the page's
        family or pair; with several possible it is some model we cannot tell (silence)."""
        found: list[Mention] = []
        for match in _NICKNAME.finditer(text):
            models = self._nick_models.get(match.group("nick").casefold(), [])
            if not models:
                continue
            near = [k for k in models if k == page_model] or [k for k in models if pair and k in pair] or \
                   [k for k in models if page_model and self._family.get(k) == self._family.get(page_model)]
            key = near[0] if len(near) == 1 else None
            start = match.start()
            found.append(Mention(start, match.end(), key, compared=_is_compared(text, start), nickname=True))
        own = self._own_aliases.get(page_model or "")
        if own is not None:
            for match in own.finditer(text):
                found.append(Mention(match.start(), match.end(), page_model, compared=_is_compared(text, match.start()),
                                     nickname=True))
        return found

    def _known(self, text: str) -> list[Mention]:
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        found: list[Mention] = []
        i = 0
        while i < len(words):
            match = self._longest_name_at(text, words, i)
            if match is None:
                i += 1
                continue
            start, end, name_key, used = match
            key: str | None = name_key
            tail = _CONTINUES_NAME.match(text, end)
            if tail:  # "GPT-4o mini" when only GPT-4o is reviewed: some other model
                key, end = None, tail.end()
            found.append(Mention(start, end, key, compared=_is_compared(text, start)))
            while i < len(words) and words[i][0] < end:
                i += 1
            i = max(i, used)
        return found

    def _longest_name_at(self, text: str, words: list[tuple[int, int]], i: int
                         ) -> tuple[int, int, str, int] | None:
        first = _TRIM_LEAD.sub("", _TRIM.sub("", text[words[i][0]:words[i][1]]).casefold())
        longest = self._first_words.get(first, 0) or self._first_words.get(text[words[i][0]:words[i][1]].casefold(), 0)
        for j in range(min(len(words), i + longest), i, -1):
            start, end = words[i][0], words[j - 1][1]
            written = _TRIM.sub("", text[start:end])
            lead = len(text[start:end]) - len(text[start:end].lstrip("(\"'“‘["))
            written = written[lead:]
            if not written or not (any(c.isdigit() for c in written) or written[0].isupper() or "/" in written):
                continue
            key = self._names.get(_normal(written))
            if key:
                return start + lead, start + lead + len(written), key, j
        return None


def attribute_single(claim: Claim, text: str, mentions: list[Mention], page_model: str | None) -> list[str]:
    """Candidates for a one-model claim (price, limit, monthly cost); empty means "leave it alone".

    The nearest model named before the claim owns it; a model named in another
    clause ("GPT-4o is dated, but the 1M-token window...") only shares it with
    the page's model. A generic noun ("its predecessor") blocks attribution only
    when the claim hangs on it ("competitors at $2", "the predecessor's $0.80").
    """
    after = [m for m in mentions if m.start >= claim.end and not m.generic
             and not _clause_break(text[claim.end:m.start])]
    following = next(iter(after), None)
    if following and re.fullmatch(r"\s*(?:for|with|on)\s+(?:the\s+)?", text[claim.end:following.start]):
        return [following.key] if following.key else []
    before = [m for m in mentions if m.end <= claim.start
              and not (m.generic and not _ATTACHED.fullmatch(text[m.end:claim.start]))]
    if not before:
        if any(m.key is None for m in after):
            return []
        keys = ([page_model] if page_model else []) + [m.key for m in after if m.key]
        return _unique(keys) if page_model or len(_unique(keys)) == 1 else []
    nearest = before[-1]
    if nearest.key is None:
        return []
    if nearest.pronoun:
        earlier = [m for m in before[:-1] if not m.pronoun]
        if earlier and earlier[-1].key is None:
            return []
        return _unique([nearest.key] + ([earlier[-1].key] if earlier else []))
    shared = [page_model] if page_model and _clause_break(text[nearest.end:claim.start]) else []
    if nearest.compared:
        subject = next((m for m in reversed(before[:-1]) if not m.compared), None)
        if subject is not None and subject.key is None:
            return []
        fallback = subject.key if subject else page_model
        return _unique([nearest.key] + ([fallback] if fallback else []) + shared)
    return _unique([nearest.key] + shared)


def attribute_ratio(claim: RatioClaim, text: str, mentions: list[Mention], page_model: str | None,
                    pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """(A, B) for "A is N times B's price", or None when either side is unclear or unknown.

    A is the subject of the claim's clause (its first model that is not the
    object of a comparison), else of the sentence, else the page's model; B is
    the model the claim is linked to ("than B", "B's price"), else the object
    of a comparison before it, else the other model of the page or the pair.
    """
    if claim.undirected:
        return _two_models(mentions, page_model, pair)
    if _OWN_PRICE.search(text[claim.start:claim.end]):
        return None
    after = [m for m in mentions if m.start >= claim.end and not m.pronoun]
    linked = after[0] if after and _OBJECT_LINK.match(text[claim.end:after[0].start]) else None
    inside = [m for m in mentions if claim.start <= m.start < claim.end and not m.pronoun]
    if not claim.sized and linked is None:
        return None  # "cheaper than most", "cheaper than it used to be": no model named after "than"
    obj = linked or (inside[0] if inside else None)
    before = [m for m in mentions if m.end <= claim.start]
    clause_start = _clause_start(text, claim.start)
    subjects = [m for m in before if not m.compared]
    in_clause = [m for m in subjects if m.start >= clause_start]
    subject_mention = in_clause[0] if in_clause else (subjects[0] if subjects else None)
    compared_before = next((m for m in reversed(before) if m.compared), None)
    if obj is None and compared_before is not None:
        obj = compared_before
    if (obj and obj.key is None) or (subject_mention and subject_mention.key is None):
        return None
    subject = subject_mention.key if subject_mention else page_model
    if obj is None:
        if any(m.key is None for m in after):
            return None
        obj_key = _other(subject, page_model, pair, mentions)
    else:
        obj_key = obj.key
    if subject is None and pair and obj_key in pair:
        subject = pair[0] if obj_key == pair[1] else pair[1]
    if subject is None or obj_key is None or subject == obj_key:
        return None
    return subject, obj_key


def _two_models(mentions: list[Mention], page_model: str | None, pair: tuple[str, str] | None) -> tuple[str, str] | None:
    if any(m.key is None for m in mentions):
        return None
    keys = _unique(([page_model] if page_model else []) + [m.key for m in mentions if m.key])
    if len(keys) == 2:
        return keys[0], keys[1]
    if not keys or len(keys) == 1 and pair and keys[0] in pair:
        return pair if pair else None
    return None


def _other(subject: str | None, page_model: str | None, pair: tuple[str, str] | None,
           mentions: list[Mention]) -> str | None:
    if pair and subject in pair:
        return pair[1] if subject == pair[0] else pair[0]
    if page_model and subject and subject != page_model:
        return page_model
    others = _unique([m.key for m in mentions if m.key and m.key != subject and not m.pronoun])
    return others[0] if len(others) == 1 else None


def _clause_break(gap: str) -> bool:
    return bool(_CLAUSE_BREAK.search(gap))


def _clause_start(text: str, at: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text[:at])]
    return breaks[-1] if breaks else 0


def _is_compared(text: str, start: int) -> bool:
    return bool(_COMPARED.search(text[max(0, start - 40):start]))


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def _usable(name: str) -> bool:
    """Names that are ordinary words ("mini", "large") would turn every sentence into a mention."""
    return len(name) >= 3 and (any(c.isdigit() for c in name) or "-" in name or " " in name or "/" in name
                               or len(name) >= 5)


def _unique(keys: Sequence[str | None]) -> list[str]:
    seen: list[str] = []
    for key in keys:
        if key and key not in seen:
            seen.append(key)
    return seen
