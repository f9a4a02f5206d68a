"""Adapter for LiteLLM's `model_prices_and_context_window.json`.

Shape: `{key: {litellm_provider, mode, input_cost_per_token, ...}}` with prices in USD
per token (floats, sometimes strings). What we take and why:

* `mode` chat, completion and responses are language models; every other mode
  (embedding, image_generation, audio_speech, rerank, moderation, ...) is counted
  as not-chat, as are realtime-only endpoints.
* `litellm_provider` is mapped to a providers.yaml key (`PROVIDERS`); an entry of an
  unmapped provider is reported and skipped. The key's routing prefix (`azure/`,
  `bedrock/`, `openrouter/` ...) is removed to get the id at that provider.
* `max_input_tokens` is a prompt limit, not the context window (GPT-5: 272,000 of
  400,000), so it is kept as `max_input` and the context window stays unknown.
* `*_above_<N>k_tokens` prices become long-context tiers at N x 1,000 tokens;
  `*_batches` prices become batch prices, `*_priority` and `*_flex` priority and flex
  prices; regional prices are ignored.
* The file has no release dates and no snapshot date: `as_of` is the file's
  modification day.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from . import values
from .ids import lab_of, non_chat_kind, split_id
from .record import (DUPLICATE, CatalogError, CatalogRead, CatalogSource, ImportedModel, Skipped, Tier,
                     load_json)

TITLE = "LiteLLM model prices and context windows"
URL = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json"
CHAT_MODES = {"chat", "completion", "responses"}
PROVIDERS = {
    "openai": "openai", "text-completion-openai": "openai", "azure": "azure", "azure_text": "azure",
    "azure_ai": "azure-cognitive-services", "anthropic": "anthropic", "gemini": "google",
    "vertex_ai-anthropic_models": "google-vertex-anthropic", "bedrock": "amazon-bedrock",
    "bedrock_converse": "amazon-bedrock", "mistral": "mistral", "codestral": "mistral",
    "deepseek": "deepseek", "xai": "xai", "groq": "groq", "together_ai": "togetherai",
    "fireworks_ai": "fireworks-ai", "openrouter": "openrouter", "deepinfra": "deepinfra",
    "perplexity": "perplexity", "cohere": "cohere", "cohere_chat": "cohere", "nvidia_nim": "nvidia",
    "cerebras": "cerebras", "databricks": "databricks", "friendliai": "friendli",
    "github": "github-models", "huggingface": "huggingface", "novita": "novita-ai", "nebius": "nebius",
    "vercel_ai_gateway": "vercel", "ovhcloud": "ovhcloud", "scaleway": "scaleway",
    "cloudflare": "cloudflare-workers-ai", "moonshot": "moonshotai", "minimax": "minimax", "zai": "zai",
    "dashscope": "alibaba", "v0": "v0", "morph": "morph", "baseten": "baseten", "wandb": "wandb",
    "snowflake": "snowflake-cortex", "gradient_ai": "digitalocean", "lm_studio": "lmstudio",
    "ollama": "ollama-cloud", "llama": "llama", "inception": "inception", "chutes": "chutes",
    "siliconflow": "siliconflow", "sap": "sap-ai-core", "helicone": "helicone", "poe": "poe",
}
_ROUTING = set(PROVIDERS) | {"vertex_ai", "bedrock", "azure", "azure_ai", "text-completion-openai"}
_TIER = re.compile(r"input_cost_per_token_above_(\d+)k_tokens")
_MODALITIES = {"text", "image", "audio", "video", "pdf", "file"}


def read(path: Path, provider_keys: set[str]) -> CatalogRead:
    data, duplicates = load_json(path)
    if not isinstance(data, dict):
        raise CatalogError(f"{path} is not a LiteLLM price file: expected {{model: {{...}}}}")
    as_of = dt.date.fromtimestamp(path.stat().st_mtime)
    result = CatalogRead(CatalogSource("litellm", TITLE, URL, as_of))
    for key, entry in data.items():
        if key == "sample_spec":
            continue
        result.entries += 1
        if key in duplicates:
            result.skipped.append(Skipped(key, DUPLICATE))
        if not isinstance(entry, dict):
            result.skipped.append(Skipped(key, "the entry is not a group of fields"))
            continue
        mode = entry.get("mode")
        if mode not in CHAT_MODES:
            result.not_chat[str(mode or "no mode")] += 1
            continue
        endpoints = entry.get("supported_endpoints") or []
        outputs = tuple(entry.get("supported_output_modalities") or ())
        kind = "realtime" if endpoints and all("realtime" in e for e in endpoints) else non_chat_kind(key, outputs)
        if kind:
            result.not_chat[kind] += 1
            continue
        provider = _provider(entry.get("litellm_provider"))
        if provider is None or provider not in provider_keys:
            result.skipped.append(Skipped(key, f"LiteLLM provider '{entry.get('litellm_provider')}' has no "
                                               "key in site_config/providers.yaml"))
            continue
        try:
            result.records.append(_record(key, provider, entry, provider_keys))
        except ValueError as exc:
            result.skipped.append(Skipped(key, str(exc)))
    return result


def _provider(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    if name.startswith("vertex_ai"):
        return PROVIDERS.get(name, "google-vertex")
    return PROVIDERS.get(name)


def _record(key: str, provider: str, entry: dict[str, Any], provider_keys: set[str]) -> ImportedModel:
    model_id = _strip_routing(key)
    prefixes, _ = split_id(model_id, provider)
    notes: list[str] = []
    inputs = _modalities(entry, notes)
    deprecated = values.optional(values.day, entry.get("deprecation_date"), "deprecation date", notes)
    return ImportedModel(
        key=key, provider=provider, model_id=model_id, lab=lab_of(prefixes, provider_keys),
        input=values.price(entry.get("input_cost_per_token"), per_token=True),
        output=values.price(entry.get("output_cost_per_token"), per_token=True),
        cached_input=values.price(entry.get("cache_read_input_token_cost"), per_token=True),
        batch_input=values.price(entry.get("input_cost_per_token_batches"), per_token=True),
        batch_output=values.price(entry.get("output_cost_per_token_batches"), per_token=True),
        priority_input=values.price(entry.get("input_cost_per_token_priority"), per_token=True),
        priority_output=values.price(entry.get("output_cost_per_token_priority"), per_token=True),
        flex_input=values.price(entry.get("input_cost_per_token_flex"), per_token=True),
        flex_output=values.price(entry.get("output_cost_per_token_flex"), per_token=True),
        tiers=_tiers(entry),
        max_input=values.tokens(entry.get("max_input_tokens")),
        max_output=values.tokens(entry.get("max_output_tokens")),
        modalities_in=inputs, modalities_out=_outputs(entry, notes),
        tool_calling=values.flag(entry.get("supports_function_calling")),
        structured_output=values.flag(entry.get("supports_response_schema")),
        reasoning=values.flag(entry.get("supports_reasoning")),
        deprecated=deprecated, notes=tuple(notes),
    )


def _strip_routing(key: str) -> str:
    """`azure/gpt-4.1-mini` -> `gpt-4.1-mini`; `openrouter/openai/x` -> `openai/x`."""
    first, _, rest = key.partition("/")
    return rest if rest and first in _ROUTING else key


def _tiers(entry: dict[str, Any]) -> tuple[Tier, ...]:
    tiers = []
    for name, raw in entry.items():
        match = _TIER.fullmatch(name)
        if not match:
            continue
        size = match.group(1)
        output = values.price(entry.get(f"output_cost_per_token_above_{size}k_tokens"), per_token=True)
        low = values.price(raw, per_token=True)
        if low is None or output is None:
            continue
        cached = values.price(entry.get(f"cache_read_input_token_cost_above_{size}k_tokens"), per_token=True)
        tiers.append(Tier(int(size) * 1000, low, output, cached))
    return tuple(sorted(tiers, key=lambda t: t.above_tokens))


def _modalities(entry: dict[str, Any], notes: list[str]) -> tuple[str, ...]:
    """Declared input modalities, else text plus what the supports_* flags say."""
    declared = entry.get("supported_modalities")
    if declared:
        return _known(declared, notes)
    found = ["text"]
    for flag, modality in (("supports_vision", "image"), ("supports_pdf_input", "pdf"),
                           ("supports_audio_input", "audio"), ("supports_video_input", "video")):
        if entry.get(flag) is True:
            found.append(modality)
    return tuple(found)


def _outputs(entry: dict[str, Any], notes: list[str]) -> tuple[str, ...]:
    declared = entry.get("supported_output_modalities")
    return _known(declared, notes) if declared else ("text",)


def _known(items: Any, notes: list[str]) -> tuple[str, ...]:
    if not isinstance(items, list):
        raise ValueError("modalities are not a list")
    unknown = [m for m in items if m not in _MODALITIES]
    if unknown:
        notes.append(f"ignored unknown modalities: {', '.join(map(str, unknown))}")
    return tuple(m for m in items if m in _MODALITIES)
