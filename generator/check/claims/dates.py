"""Date claims: release dates, knowledge cutoffs, deprecation and retirement dates.

"It was released in March 2025", "Its knowledge cutoff is June 2024", "deprecated
on 2026-07-02". A date is read at the precision the editor wrote it (a year, a
month or a day) and compared at that precision, or at the data's if the data is
coarser (a cutoff known only to the month). Only phrasings that tie the date to
the event are read: "since March 2025" or "the March 2025 snapshot" say nothing
checkable, and vague dates ("early 2025", "late last year") are left alone.
"""

from __future__ import annotations

import re

from .patterns import DateClaim

MONTHS = {name: i + 1 for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?:19|20)\d\d"
_DATE = (rf"(?P<date>(?P<iso>{_YEAR}-\d\d(?:-\d\d)?)(?![\d-])"
         rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR})"
         rf"|(?P<mdy>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})"
         rf"|(?P<my>{_MONTH}(?:\s+of)?,?\s+{_YEAR})"
         rf"|(?P<y>{_YEAR}))(?![\w-])")
_VAGUE = re.compile(r"(?:early|mid|late|end\s+of|start\s+of|beginning\s+of|spring|summer|autumn|fall|winter|"
                    r"the\s+first\s+half\s+of|the\s+second\s+half\s+of|q[1-4]|around|before|after|by|until|"
                    r"since|circa|c\.)[\s-]*$", re.IGNORECASE)
_LINK = r"(?:\s*:|\s+(?:is|was|of|in|on|at|from|—|–|-|dates\s+to|falls\s+in|sits\s+at|set\s+(?:at|to)|stands\s+at))+\s+"
_EVENT_PHRASES = {
    "released": [
        r"\b(?:(?:was|were|been|got|first)\s+)?(?:released|launched|introduced|unveiled|shipped|debuted)"
        r"(?:\s+(?:it|this\s+model|the\s+model))?(?:\s+(?:publicly|generally|to\s+the\s+public|by\s+\w+))?"
        r"\s+(?:in|on)\s+(?:the\s+)?",
        rf"\b(?:release|launch)(?:\s+date)?{_LINK}",
        r"\bcame\s+out\s+(?:in|on)\s+"],
    "cutoff": [
        rf"\b(?:knowledge|training(?:[\s-]+data)?)[\s-]+cut[\s-]?off(?:\s+date)?{_LINK}(?:the\s+end\s+of\s+)?",
        rf"\bcut[\s-]?off(?:\s+date)?{_LINK}",
        r"\b(?:training\s+data|knowledge)\s+(?:runs|goes|extends|reaches|stops|ends)\s+(?:up\s+)?"
        r"(?:to|through|until|in|at)\s+",
        r"\b(?:trained\s+on\s+data|knows\s+the\s+world)\s+(?:up\s+)?(?:to|through|until)\s+"],
    "deprecated": [
        r"\b(?:was\s+|been\s+|is\s+)?deprecated\s+(?:in|on)\s+",
        rf"\bdeprecation(?:\s+date)?{_LINK}"],
    "retired": [
        r"\b(?:was\s+|been\s+|is\s+|will\s+be\s+)?(?:retired|shut\s+down|switched\s+off|sunset)\s+(?:in|on)\s+",
        rf"\b(?:retirement|shutdown|sunset)(?:\s+date)?{_LINK}"],
}
_EVENTS = [(event, re.compile(phrase + _DATE, re.IGNORECASE))
           for event, phrases in _EVENT_PHRASES.items() for phrase in phrases]
_MAY_DATE = re.compile(_YEAR)


def find_dates(text: str) -> list[DateClaim]:
    if not _MAY_DATE.search(text):
        return []
    claims: list[DateClaim] = []
    for event, pattern in _EVENTS:
        for match in pattern.finditer(text):
            start = match.start("date")
            if _VAGUE.search(text, max(0, start - 25), start) or _continues(text, match.end()):
                continue
            parsed = parse_date(match.group("date"))
            if parsed is None or any(c.start < match.end() and match.start() < c.end for c in claims):
                continue
            year, month, day = parsed
            claims.append(DateClaim(kind="date", start=match.start(), end=match.end(), number_at=start,
                                    event=event, year=year, month=month, day=day))
    return sorted(claims, key=lambda c: c.start)


def _continues(text: str, end: int) -> bool:
    """"released in 2025 as a preview" is fine; "released in 2025 and 2026" or "2025–26" is not one date."""
    return bool(re.match(r"\s*(?:[-–—/]\s*\d|or\s+\d|and\s+\d|to\s+\d)", text[end:]))


def parse_date(written: str) -> tuple[int, int | None, int | None] | None:
    """(year, month or None, day or None) at the precision written; None if it is not a real date."""
    words = written.replace(",", " ").replace(".", " ").split()
    iso = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", written)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
        day = int(iso.group(3)) if iso.group(3) else None
    elif len(words) == 1:
        return int(words[0]), None, None
    else:
        words = [w for w in words if w.lower() != "of"]
        month_word = next(w for w in words if not w[0].isdigit())
        month_or_none = MONTHS.get(month_word.lower().rstrip("."))
        if month_or_none is None:
            return None
        month = month_or_none
        year = int(words[-1])
        days = [w for w in words[:-1] if w[0].isdigit()]
        day = int(re.sub(r"\D", "", days[0])) if days else None
    if not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    return year, month, day
