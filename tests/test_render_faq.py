"""FAQ answers derived from data, and the editor's entries after them."""

from __future__ import annotations

import pytest

from generator.render.compare import comparison_page
from generator.render.faq import comparison_faq, review_faq
from generator.render.index import SiteIndex
from render_sample import sample_catalog, write_sample
from conftest import valid_review


@pytest.fixture
def index(site):
    return SiteIndex.of(sample_catalog(write_sample(site)))


def test_review_faq_answers_come_from_data(index):
    items = review_faq(index, index.model("openai/gpt-4.1-mini"))
    assert [(i.question, i.answer, i.derived) for i in items] == [
        ("How much does GPT-4.1 mini cost compared with its Value-bracket peers?",
         "GPT-4.1 mini costs $0.40 per 1M input tokens and $1.60 per 1M output tokens, or $1.00 per 1M tokens "
         "at a 50/50 input/output mix. Of the 3 Value-bracket models we review it is the cheapest at that mix. "
         "The most expensive is Claude Haiku 4.5 at $3.00.", True),
        ("What is the context window of GPT-4.1 mini?",
         "GPT-4.1 mini reads up to 1,047,576 tokens (1M tokens) per request and writes up to 32,768 tokens "
         "per response.", True),
        ("How good is GPT-4.1 mini?",
         "We grade GPT-4.1 mini Strong (2.58/3), last benchmarked on 2026-04-11. That is the highest grade "
         "among the 2 graded Value-bracket models we review.", True),
        ("Does GPT-4.1 mini have known quirks?",
         "Answer quality drops on very long prompts before retrieval does.", True),
        ("What are the main competitors of GPT-4.1 mini?",
         "The main competitors of GPT-4.1 mini are GPT-4.1 nano (OpenAI, 4.0× cheaper), Gemini 2.5 Flash "
         "(Google, 40% more expensive) and Claude Haiku 4.5 (Anthropic, 3.0× the price). Price differences "
         "are at a 50/50 input/output mix.", True),
        ("Can I fine-tune GPT-4.1 mini?", "Yes, through the OpenAI API.", False),
    ]


def test_middle_of_bracket_and_ungraded_model(index):
    gemini = {i.question: i.answer for i in review_faq(index, index.model("google/gemini-2.5-flash"))}
    assert gemini["How much does Gemini 2.5 Flash cost compared with its Value-bracket peers?"].endswith(
        "Of the 3 Value-bracket models we review it is the 2nd cheapest at that mix. The cheapest is GPT-4.1 mini "
        "at $1.00; the most expensive is Claude Haiku 4.5 at $3.00.")
    assert gemini["How good is Gemini 2.5 Flash?"].endswith(
        "That ranks 2nd of the 2 graded Value-bracket models we review.")
    haiku = [i.question for i in review_faq(index, index.model("anthropic/claude-haiku-4.5"))]
    assert "How good is Claude Haiku 4.5?" not in haiku          # no grade, no invented answer
    assert {i.answer for i in review_faq(index, index.model("anthropic/claude-haiku-4.5"))} >= {
        "This review records no quirks for Claude Haiku 4.5."}


def test_only_model_in_its_bracket(index):
    answer = review_faq(index, index.model("openai/gpt-4.1"))[0].answer
    assert answer.endswith("It is the only Premium-bracket model we review so far.")


def test_long_context_tier_is_explained(site):
    write_sample(site)
    site.review("openai/gpt-4.1-mini", valid_review(
        name="GPT-4.1 mini", family="gpt-4.1", context_window=1047576, max_output=32768,
        pricing={"long_context": {"above_tokens": 200000, "input": 0.8, "output": 3.2}}))
    index = SiteIndex.of(sample_catalog(site))
    answer = review_faq(index, index.model("openai/gpt-4.1-mini"))[1].answer
    assert answer.endswith("Prompts longer than 200,000 tokens are billed at $0.80 input and $3.20 output "
                           "per 1M tokens.")


def test_comparison_faq(index):
    page = comparison_page(index, index.catalog.pairs["gpt-4.1-vs-gpt-4.1-mini"])
    items = comparison_faq(index, page)
    assert [i.question for i in items] == ["Which is cheaper, GPT-4.1 or GPT-4.1 mini?",
                                           "Which has the larger context window?",
                                           "Which performs better, GPT-4.1 or GPT-4.1 mini?"]
    assert items[0].answer == (
        "GPT-4.1 mini is 5.0× cheaper at a 50/50 input/output mix: $1.00 against $5.00 per 1M tokens for GPT-4.1. "
        "At 1M tokens a month GPT-4.1 costs $5.00 and GPT-4.1 mini $1.00; at 10M tokens a month GPT-4.1 costs "
        "$50.00 and GPT-4.1 mini $10.00; at 100M tokens a month GPT-4.1 costs $500.00 and GPT-4.1 mini $100.00.")
    assert items[1].answer == "Both read up to 1,047,576 tokens per request."


def test_an_editor_entry_repeating_a_derived_question_gives_way_to_the_derived_answer(site):
    write_sample(site)
    site.review("openai/gpt-4.1-nano", valid_review(
        name="GPT-4.1 nano", family="gpt-4.1", bracket="budget", context_window=1047576, max_output=32768,
        pricing={"input": 0.10, "output": 0.40},
        faq=[{"question": "what is the  CONTEXT window of gpt-4.1 nano", "answer": "A typed, stale answer."},
             {"question": "Can it read images?", "answer": "Yes."},
             {"question": "can it read images", "answer": "Asked twice; the first answer stays."}]))
    index = SiteIndex.of(sample_catalog(site))
    items = review_faq(index, index.model("openai/gpt-4.1-nano"))
    context = [i for i in items if "context window" in i.question.casefold()]
    assert [(i.question, i.derived) for i in context] == [("What is the context window of GPT-4.1 nano?", True)]
    assert "A typed, stale answer." not in [i.answer for i in items]
    assert [(i.question, i.answer) for i in items if not i.derived] == [("Can it read images?", "Yes.")]


@pytest.fixture
def tied(site):
    """A Value bracket where three models cost $1.00 blended and a deprecated one undercuts them all."""
    write_sample(site)
    site.review("mistral/large", valid_review(name="Mistral Large", pricing={"input": 0.50, "output": 1.50},
                                               grade={"score": 2.58, "benchmarked": "2026-04-11"}))
    site.review("mistral/magistral", valid_review(name="Magistral", pricing={"input": 0.50, "output": 1.50}))
    site.review("anthropic/claude-3-haiku", valid_review(
        name="Claude Haiku 3", pricing={"input": 0.25, "output": 1.25},
        lifecycle={"status": "deprecated", "date": "2026-01-05"}))
    return SiteIndex.of(sample_catalog(site))


def test_price_ties_are_joint_places_and_deprecated_models_are_marked(tied):
    answer = review_faq(tied, tied.model("openai/gpt-4.1-mini"))[0].answer
    assert answer.endswith(
        "Of the 6 Value-bracket models we review it is joint 2nd cheapest at that mix, tied with Mistral Large and "
        "Magistral. The cheapest is Claude Haiku 3 (deprecated) at $0.75; the most expensive is Claude Haiku 4.5 "
        "at $3.00. Of the active models it is joint cheapest.")
    flash = review_faq(tied, tied.model("google/gemini-2.5-flash"))[0].answer
    assert flash.endswith("it is the 5th cheapest at that mix. The cheapest is Claude Haiku 3 (deprecated) at $0.75; "
                          "the most expensive is Claude Haiku 4.5 at $3.00. The cheapest active models are "
                          "Mistral Large, Magistral and GPT-4.1 mini at $1.00.")
    deprecated = review_faq(tied, tied.model("anthropic/claude-3-haiku"))[0].answer
    assert deprecated.endswith("it is the cheapest at that mix. The most expensive is Claude Haiku 4.5 at $3.00. "
                               "The cheapest active models are Mistral Large, Magistral and GPT-4.1 mini at $1.00.")


def test_grade_ties_are_joint_places(tied):
    grades = {m: next(i.answer for i in review_faq(tied, tied.model(m)) if i.question.startswith("How good"))
              for m in ("openai/gpt-4.1-mini", "google/gemini-2.5-flash")}
    assert grades["openai/gpt-4.1-mini"].endswith(
        "That is the joint highest grade among the 3 graded Value-bracket models we review, tied with Mistral Large.")
    assert grades["google/gemini-2.5-flash"].endswith("That ranks 3rd of the 3 graded Value-bracket models we review.")


def test_competitors_say_when_one_is_deprecated(tied):
    answer = next(i.answer for i in review_faq(tied, tied.model("mistral/large")) if "competitors" in i.question)
    assert "Claude Haiku 3 (Anthropic, deprecated, 25% cheaper)" in answer


def test_shared_ranks_skip_after_a_tie():
    from decimal import Decimal as D

    from generator.render.index import BracketRank, shared_ranks
    ranks = shared_ranks([("a", D("0.75")), ("b", D("1.00")), ("c", D("1.0")), ("d", D("1.00")), ("e", D("3"))])
    assert ranks == {"a": BracketRank(1, 5), "b": BracketRank(2, 5, ("c", "d")), "c": BracketRank(2, 5, ("b", "d")),
                     "d": BracketRank(2, 5, ("b", "c")), "e": BracketRank(5, 5)}
    assert ranks["e"].last and not ranks["d"].last
    assert shared_ranks([("x", D(1)), ("y", D(1))])["x"].last      # all tied: first and last at once
