"""The labelled corpus: recall held at what it measures (195/196), no false positive on consistent prose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from claims_catalog import resolved_catalog, write_catalog

from generator.check.claims.attribute import ModelNames
from generator.check.claims.check import contradictions, with_previous
from generator.check.claims.patterns import CLAIM_KINDS
from generator.check.claims.verify import Verifier

CORPUS = yaml.safe_load((Path(__file__).parent / "claims_corpus.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def judge(tmp_path_factory):
    from conftest import REPO, Site
    import shutil
    root = tmp_path_factory.mktemp("corpus") / "project"
    shutil.copytree(REPO / "site_config", root / "site_config")
    (root / "content" / "models").mkdir(parents=True)
    site = Site(root)
    write_catalog(site)
    catalog = resolved_catalog(site)
    names, verifier = ModelNames(catalog), Verifier(catalog, catalog.config.claims)

    def flags(entry: dict[str, Any]) -> list[tuple[str, str]]:
        page, pair = _page(entry["page"])
        return [(claim.kind, problem.message) for sentence, carry in with_previous(entry["text"], names, page)
                for claim, problem in contradictions(sentence.text, names, verifier, page, pair, carry)]
    return flags


def _page(page: str) -> tuple[str | None, tuple[str, str] | None]:
    if page.startswith("compare:"):
        a, b = (p.strip() for p in page.removeprefix("compare:").split(","))
        return None, (a, b)
    return page, None


def test_the_corpus_is_big_enough_and_covers_every_kind_both_ways():
    assert len(CORPUS["contradictions"]) + len(CORPUS["consistent"]) >= 300
    everything = CORPUS["contradictions"] + CORPUS["consistent"]
    # Half the corpus is of the round-two kinds: direction, dates, scores, nicknames.
    assert sum(1 for e in everything if e.get("topic")) * 2 >= len(everything)
    for label in ("contradictions", "consistent"):
        topics = [e.get("topic") for e in CORPUS[label]]
        assert all(topics.count(t) >= 10 for t in ("direction", "date", "score", "nickname")), label
    for label in ("contradictions", "consistent"):
        kinds = [e["kind"] for e in CORPUS[label]]
        assert {k: kinds.count(k) >= 5 for k in CLAIM_KINDS} == {k: True for k in CLAIM_KINDS}
        others = [e for e in CORPUS[label] if e["page"].startswith("compare:") or _names_other_model(e)]
        assert len(others) >= 10, label


def _names_other_model(entry: dict[str, Any]) -> bool:
    own = {"openai/gpt-4.1-mini": "GPT-4.1 mini", "openai/gpt-4.1-nano": "GPT-4.1 nano", "openai/gpt-4o": "GPT-4o"}
    names = ["GPT-4.1 ", "GPT-4o", "GPT-5 mini", "Claude", "Gemini", "GPT-4.1 nano"]
    text = entry["text"].replace(own.get(entry["page"], "\0"), "")
    return any(n in text for n in names)


def test_recall_and_false_positives_meet_the_bar(judge, capsys):
    missed = [e for e in CORPUS["contradictions"] if not any(kind == e["kind"] for kind, _ in judge(e))]
    false_alarms = [(e["text"], judge(e)) for e in CORPUS["consistent"] if judge(e)]
    total = len(CORPUS["contradictions"])
    recall = (total - len(missed)) / total
    with capsys.disabled():
        print(f"\nclaims corpus: recall {recall:.1%} ({total - len(missed)}/{total}), "
              f"false positives {len(false_alarms)}/{len(CORPUS['consistent'])}")
        for topic in ("direction", "date", "score", "nickname"):
            bad = [e for e in CORPUS["contradictions"] if e.get("topic") == topic]
            good = [e for e in CORPUS["consistent"] if e.get("topic") == topic]
            caught = sum(1 for e in bad if e not in missed)
            alarms = sum(1 for e in good if judge(e))
            print(f"  {topic}: recall {caught}/{len(bad)}, false positives {alarms}/{len(good)}")
        for entry in missed:
            print(f"  missed [{entry['kind']}] {entry['text']}")
        for text, flags in false_alarms:
            print(f"  false alarm: {text} -> {flags}")
    assert false_alarms == []
    # Held at what it measures: 195 of 196 (99.5%). The one miss is a limit the nickname
    # sentence words as "reads only 128K", which the limit finder does not read yet.
    assert len(missed) <= 1


@pytest.mark.parametrize("entry", CORPUS["consistent"], ids=lambda e: e["text"][:60])
def test_no_consistent_sentence_is_flagged(judge, entry):
    assert judge(entry) == []


def test_every_contradiction_message_names_the_claim_and_the_data(judge):
    entry = {"page": "openai/gpt-4.1-mini", "text": "Its $0.20/$0.80 per 1M input/output tokens makes it cheap."}
    assert judge(entry) == [("price", 'claim "$0.20/$0.80 per 1M input/output tokens" contradicts the data: '
                                      "GPT-4.1 mini costs $0.40 input / $1.60 output per 1M tokens")]
