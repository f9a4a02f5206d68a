"""A synthetic but schema-valid review corpus, for benchmarks at realistic scale.

`write_corpus(content_dir, n, seed)` writes `n` reviews (plus one editorial comparison
per 50 models) that pass `modelreview check` with no errors and no warnings against
the real `site_config/`. Files go through `generator.authoring.writer`, the same writer the
importers use, so the benchmark parses the shape real files have.

Models come in families of four sizes from one provider; prices follow the size, and
the bracket follows the output price, so bracket peers, family pairs, `compare_with`
references and editorial verdicts all produce comparison pages, as real data would.
Same `(n, seed, today)`, same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.check.brackets import bracket_for_price  # noqa: E402
from generator.load.config import load_site_config  # noqa: E402
from generator.load.pairs import pair_slug  # noqa: E402
from generator.project import current_date  # noqa: E402
from generator.authoring.writer import dump_yaml, write_review_text  # noqa: E402

# Real provider keys from site_config/providers.yaml.
PROVIDERS = ["openai", "anthropic", "google", "mistral", "deepseek", "xai", "cohere", "moonshotai",
             "zhipuai", "minimax", "stepfun", "upstage", "sarvam", "sakana", "poolside", "inception",
             "perplexity", "xiaomi", "llama", "nvidia"]
RESELLERS = ["openrouter", "togetherai", "fireworks-ai", "deepinfra", "groq", "amazon-bedrock", "azure"]
SIZES = [  # (suffix, input price range USD/1M, output/input ratio, context window)
    ("nano", (0.02, 0.15), 4, 128_000),
    ("mini", (0.15, 0.60), 4, 400_000),
    ("", (0.80, 3.00), 5, 1_000_000),
    ("pro", (3.00, 15.00), 5, 2_000_000),
]
BENCHMARKS = [
    ("MMLU-Pro", "%", "https://github.com/TIGER-AI-Lab/MMLU-Pro"),
    ("GPQA Diamond", "%", "https://github.com/idavidrein/gpqa"),
    ("Aider Polyglot", "%", "https://aider.chat/docs/leaderboards/"),
    ("SWE-bench Verified", "%", "https://www.swebench.com/"),
    ("LiveCodeBench", "pass@1", "https://livecodebench.github.io/"),
]
WORDS = ["amber", "basalt", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "juniper",
         "kestrel", "lumen", "meridian", "nimbus", "onyx", "quartz", "raven", "sierra", "tundra", "vertex"]
STRENGTHS = ["Follows long, detailed instructions to the letter.", "Produces valid JSON for extraction work.",
             "Keeps answers short when asked to.", "Handles tool calls with few retries.",
             "Reads scanned documents and screenshots well.", "Stays consistent across long conversations."]
LIMITATIONS = ["Loses track of details deep inside very long prompts.", "Weak at multi-step arithmetic.",
               "Verbose unless told to be brief.", "Refuses borderline requests more often than peers.",
               "Slow to return the first token under load."]
QUIRKS = ["Tends to restate the question before answering.", "Prefers bulleted lists over prose.",
          "Occasionally switches to British spelling mid-answer."]


def write_corpus(content_dir: Path, n: int, seed: int = 0, today: dt.date | None = None) -> None:
    """Write `n` reviews (and their editorial comparisons) below `content_dir`.

    `today` anchors every date so nothing is in the future or stale; it defaults to
    the day `check` judges against (today, or MODELREVIEW_TODAY when pinned).
    """
    rng = random.Random(seed)
    today = today or current_date()
    models = _plan(n, rng, today)
    keys = [m["key"] for m in models]
    for i, model in enumerate(models):
        peers = [k for k in keys[max(0, i - 6): i + 6] if k != model["key"]]
        front = _front(model, rng, today, peers)
        path = content_dir / "models" / f"{model['key']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write_review_text(front, _body(model, rng)), encoding="utf-8")
    _write_comparisons(content_dir / "comparisons", models, rng, today)


def _plan(n: int, rng: random.Random, today: dt.date) -> list[dict[str, Any]]:
    """Who the models are: provider, family, size, prices, release date; ids unique."""
    models: list[dict[str, Any]] = []
    family_no = 0
    while len(models) < n:
        provider = PROVIDERS[family_no % len(PROVIDERS)]
        word = WORDS[(family_no // len(PROVIDERS)) % len(WORDS)]
        family = f"{word}-{family_no}"
        released = today - dt.timedelta(days=rng.randint(120, 700))
        for suffix, (low, high), ratio, context in SIZES:
            if len(models) == n:
                break
            model_id = f"{family}-{suffix}" if suffix else family
            price_in = Decimal(str(round(rng.uniform(low, high), 2 if low >= 0.15 else 3)))
            price_out = (price_in * ratio).quantize(Decimal("0.001")).normalize()
            models.append({
                "key": f"{provider}/{model_id}", "provider": provider, "model_id": model_id,
                "family": family, "name": _title(model_id), "input": price_in, "output": price_out,
                "context": context, "released": released,
            })
        family_no += 1
    return models


def _front(model: dict[str, Any], rng: random.Random, today: dt.date, neighbours: list[str]) -> dict[str, Any]:
    released: dt.date = model["released"]
    verified = today - dt.timedelta(days=rng.randint(1, 60))
    price_in, price_out = model["input"], model["output"]
    front: dict[str, Any] = {
        "name": model["name"],
        "snapshot": f"{model['model_id']}-{released:%Y-%m-%d}",
        "family": model["family"],
        "bracket": bracket_for_price(_brackets(), Decimal(str(price_out))),
        "aliases": [model["name"] + " Latest"],
        "released": released,
        "access": ["API", "Chat app"] if rng.random() < 0.5 else ["API"],
        "context_window": model["context"],
        "max_output": min(model["context"] // 4, 128_000),
        "knowledge_cutoff": f"{(released - dt.timedelta(days=200)):%Y-%m}",
        "modalities": {"input": ["text", "image"] if rng.random() < 0.6 else ["text"], "output": ["text"]},
        "capabilities": {"tool_calling": True, "structured_output": rng.random() < 0.8,
                         "reasoning": rng.random() < 0.4, "fine_tuning": rng.random() < 0.2,
                         "open_weights": rng.random() < 0.3},
        "pricing": {"input": price_in, "output": price_out,
                    "cached_input": (price_in / 4).quantize(Decimal("0.0001")).normalize(),
                    "speed": rng.randint(40, 250), "ttft_ms": rng.randint(150, 1500), "verified": verified},
        "price_history": [{"date": released, "input": price_in, "output": price_out}],
        "offers": [_offer(reseller, model, rng, verified) for reseller in rng.sample(RESELLERS, 2)],
        "benchmarks": [_benchmark(b, rng, released, today) for b in rng.sample(BENCHMARKS, 3)],
        "grade": {"score": Decimal(str(round(rng.uniform(1.2, 2.95), 2))), "benchmarked": verified},
        "strengths": rng.sample(STRENGTHS, 2),
        "limitations": rng.sample(LIMITATIONS, 2),
        "quirks": rng.sample(QUIRKS, 1),
        "alternatives": rng.sample(neighbours, min(2, len(neighbours))),
        "compare_with": [rng.choice(neighbours)] if neighbours and rng.random() < 0.3 else [],
        "faq": [{"question": f"Who makes {model['name']}?",
                 "answer": f"It is published by the provider '{model['provider']}'."}],
        "sources": [{"title": "Provider model page", "url": f"https://example.com/{model['key']}",
                     "accessed": verified}],
        "author": "Benchmark corpus",
        "reviewed": verified,
        "summary": f"A synthetic {model['name']} review, generated to measure the site at scale.",
    }
    return {k: v for k, v in front.items() if v != []}


def _offer(reseller: str, model: dict[str, Any], rng: random.Random, verified: dt.date) -> dict[str, Any]:
    markup = Decimal(str(rng.choice([1, 1, 1.1, 1.25])))
    return {"provider": reseller, "route": model["key"],
            "input": (model["input"] * markup).quantize(Decimal("0.001")).normalize(),
            "output": (model["output"] * markup).quantize(Decimal("0.001")).normalize(),
            "speed": rng.randint(40, 300), "ttft_ms": rng.randint(150, 2000), "verified": verified}


def _benchmark(spec: tuple[str, str, str], rng: random.Random, released: dt.date, today: dt.date) -> dict[str, Any]:
    name, unit, source = spec
    return {"name": name, "score": Decimal(str(round(rng.uniform(20, 90), 1))), "unit": unit, "source": source,
            "date": min(today, released + dt.timedelta(days=rng.randint(0, 90)))}


def _body(model: dict[str, Any], rng: random.Random) -> str:
    """Prose without figures, so the claim checks have nothing to disagree with."""
    strengths = rng.sample(STRENGTHS, 3)
    return (f"{model['name']} is a generated model used to measure how the site behaves with a large "
            "catalog. Its numbers are made up but consistent with each other.\n\n"
            "## Where it fits\n\n"
            + "".join(f"- {s}\n" for s in strengths)
            + "\n## Our verdict\n\nPick it when its bracket peers cost more for the same work; skip it when "
            "the job needs deliberate reasoning over long documents.\n")


def _write_comparisons(folder: Path, models: list[dict[str, Any]], rng: random.Random, today: dt.date) -> None:
    """One editorial verdict per 50 models, between the two members of a family's middle sizes."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(models) - 1, 50):
        a, b = models[start], models[start + 1]
        front = {"title": f"{a['name']} vs {b['name']}", "models": [a["key"], b["key"]],
                 "verdict": f"Choose {b['name']} for short, cheap calls and {a['name']} when the prompt "
                            "is long or the answer must be exact.",
                 "author": "Benchmark corpus", "reviewed": today - dt.timedelta(days=rng.randint(1, 30))}
        text = "---\n" + dump_yaml(front) + "---\n\nBoth models come from the same family.\n"
        (folder / f"{pair_slug(a['key'], b['key'])}.md").write_text(text, encoding="utf-8")


def _title(model_id: str) -> str:
    return " ".join(part.capitalize() for part in model_id.split("-"))


@functools.lru_cache(maxsize=1)
def _brackets():
    """The shipped site_config's price bands: the corpus is checked against them."""
    config, _ = load_site_config(REPO / "site_config", REPO)
    assert config is not None, "site_config/ must load to write a corpus"
    return config.brackets


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description="Write a synthetic review corpus.")
    parser.add_argument("content_dir", type=Path)
    parser.add_argument("-n", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_corpus(args.content_dir, args.n, args.seed)

