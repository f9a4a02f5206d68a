"""The questions every review page answers from data, and the check that editors don't ask them again.

The render stage answers these questions (render/faq.py); the check stage needs
the same wording to tell an editor that their own FAQ entry repeats one. Both
read from here which questions a page asks and how they are worded, so the page
and the warning cannot drift apart.
"""

from __future__ import annotations

from typing import Iterator

from .catalog import Catalog, Model
from ..base import Diagnostic, warning


def competitor_keys(catalog: Catalog, model: Model) -> list[str]:
    """The editor's alternatives first, then bracket peers by price; only reviewed models."""
    keys = dict.fromkeys([*model.meta.alternatives, *model.peers])
    return [k for k in keys if k in catalog.models]


def derived_questions(catalog: Catalog, model: Model) -> list[tuple[str, str]]:
    """(topic, question) for each question the page answers from data, in page order; the
    grade and competitors questions only when the model has a grade and competitors."""
    name = model.meta.name
    asked = [("cost", f"How much does {name} cost compared with its {model.bracket.name}-bracket peers?"),
             ("context", f"What is the context window of {name}?")]
    if model.meta.grade is not None:
        asked.append(("grade", f"How good is {name}?"))
    asked.append(("quirks", f"Does {name} have known quirks?"))
    if competitor_keys(catalog, model):
        asked.append(("competitors", f"What are the main competitors of {name}?"))
    return asked


def question_key(question: str) -> str:
    """Case, spacing and the question mark don't make a question a different one."""
    return " ".join(question.casefold().split()).rstrip("?").rstrip()


def check_faq(catalog: Catalog) -> list[Diagnostic]:
    """Warn about editor FAQ entries the page drops: ones that repeat a derived question, or each other."""
    found: list[Diagnostic] = []
    for model in catalog.models.values():
        found.extend(_repeated_questions(catalog, model))
    return found


def shown_entries(catalog: Catalog, model: Model) -> list[int]:
    """Indexes of the editor's FAQ entries the page shows."""
    return [i for i, why in enumerate(_hidden_because(catalog, model)) if why is None]


def _repeated_questions(catalog: Catalog, model: Model) -> Iterator[Diagnostic]:
    for i, why in enumerate(_hidden_because(catalog, model)):
        question = model.meta.faq[i].question
        if why == "derived":
            yield warning(*_question_at(model, i), "faq-repeats-derived",
                          f"the page already answers '{question}' from the data, so this entry is not shown",
                          "delete it, or ask a question the generated FAQ does not")
        elif why == "duplicate":
            yield warning(*_question_at(model, i), "faq-duplicate",
                          f"'{question}' is asked earlier in this FAQ, so this entry is not shown",
                          "merge the two answers into the first entry")


def _hidden_because(catalog: Catalog, model: Model) -> list[str | None]:
    """Per editor entry: None when shown, else "derived" or "duplicate".

    A derived answer wins over the editor's: it is computed from the data, so it
    cannot go stale. Of two editor entries asking the same thing the first is kept.
    A page asking one question twice would leave readers to guess which answer is current.
    """
    derived = {question_key(question) for _, question in derived_questions(catalog, model)}
    seen: set[str] = set()
    fates: list[str | None] = []
    for entry in model.meta.faq:
        key = question_key(entry.question)
        fates.append("derived" if key in derived else "duplicate" if key in seen else None)
        seen.add(key)
    return fates


def _question_at(model: Model, index: int) -> tuple[str, int, int]:
    line, column = model.record.positions.of_value(("faq", index, "question"))
    return model.record.display, line, column
