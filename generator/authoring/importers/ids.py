"""Model ids across catalogs: file names, matching keys, makers, and what is not chat.

The same model is written many ways: `gpt-4.1-mini` at OpenAI, `openai/gpt-4.1-mini`
at OpenRouter, `anthropic.claude-3-5-haiku-20241022-v1:0` on Bedrock,
`claude-3-5-haiku@20241022` on Vertex, `Qwen/Qwen3-14B` on SiliconFlow. Three
functions tame that:

* `split_id` separates the maker prefix from the model's own id and turns the latter
  into a file-name slug (lowercase; `@`, `:` and other characters become `-`;
  Bedrock's `lab.` prefix and `-v1:0` version suffix go).
* `match_key` is the slug with `.` and `_` folded into `-`, so `claude-haiku-4.5`
  and `claude-haiku-4-5` meet. Grouping uses it; file names keep the slug.
* `lab_of` maps a prefix such as `mistralai` or `meta-llama` to a provider key.

`non_chat_kind` says why an entry is not a chat model (embeddings, images, speech,
rerank, moderation, realtime, OCR) from its id and output modalities.
"""

from __future__ import annotations

import re


# Prefixes catalogs put before a model id, mapped to the maker's providers.yaml key
# when the prefix is not itself a key.
LAB_ALIASES = {
    "mistralai": "mistral", "meta-llama": "llama", "meta": "llama", "x-ai": "xai",
    "deepseek-ai": "deepseek", "qwen": "alibaba", "z-ai": "zai", "zai-org": "zai",
    "thudm": "zhipuai", "minimaxai": "minimax", "moonshot": "moonshotai", "kimi": "moonshotai",
    "stepfun-ai": "stepfun", "amazon": "nova", "gemini": "google", "cohereforai": "cohere",
    "inceptionlabs": "inception", "xiaomimimo": "xiaomi",
}

_BEDROCK = re.compile(r"(?:(?:us|eu|apac|global|au|jp|ca)\.)?([a-z0-9-]+)\.(.+)")
# Bedrock's API version (`-v1:0`, `-v1`), not a model version (`nemotron-nano-9b-v2`).
_BEDROCK_VERSION = re.compile(r"-(?:v\d+:\d+|v1|\d+:\d+)$")
_NON_SLUG = re.compile(r"[^a-z0-9._-]+")

# Id words that mark a non-chat model even when it outputs text, checked in order.
_NON_CHAT_WORDS = [
    ("embedding", re.compile(r"embed")),
    ("rerank", re.compile(r"rerank")),
    ("moderation", re.compile(r"moderation|(?<![a-z])guard(?![a-z])|llama-guard|shieldgemma|safeguard")),
    ("audio", re.compile(r"(?<![a-z])tts(?![a-z])|whisper|transcri|speech|(?<![a-z])audio(?![a-z])|voice")),
    ("realtime", re.compile(r"realtime")),
    ("ocr", re.compile(r"(?<![a-z])ocr(?![a-z])")),
    ("image", re.compile(r"dall-e|(?<![a-z])image(?![a-z])|imagen|flux|stable-diffusion")),
]
_CHAT_OUTPUTS = {"text", "pdf", "file"}


def split_id(model_id: str, provider: str = "") -> tuple[list[str], str]:
    """(maker prefixes, slug) for an id as a provider writes it."""
    text = model_id.strip().lower().lstrip("~")
    parts = [p for p in text.split("/") if p]
    base = parts[-1] if parts else ""
    prefixes = parts[:-1]
    if provider == "amazon-bedrock":
        match = _BEDROCK.fullmatch(base)
        if match:
            prefixes.append(match.group(1))
            base = _BEDROCK_VERSION.sub("", match.group(2))
    return prefixes, slugify(base)


def slugify(text: str) -> str:
    """A file-name-safe id: lowercase letters, digits, '.', '_' and '-'."""
    slug = _NON_SLUG.sub("-", text.lower())
    slug = re.sub(r"-{2,}", "-", slug).strip("-._")
    return slug


def match_key(slug: str) -> str:
    """The key two listings of the same model share: '.' and '_' read as '-'."""
    return re.sub(r"[._]", "-", slug)


def lab_of(prefixes: list[str], provider_keys: set[str]) -> str | None:
    """The maker named by an id's prefixes, as a provider key, when we know it."""
    for prefix in prefixes:
        key = LAB_ALIASES.get(prefix, prefix)
        if key in provider_keys:
            return key
    return None


def non_chat_kind(model_id: str, outputs: tuple[str, ...] | list[str]) -> str | None:
    """Why this entry is not a chat model, or None when it is one.

    The id's words decide first (`text-embedding-3-small` outputs "text" too); then
    a model that writes no text at all is named after what it does write. A chat
    model that can also write images or audio stays a chat model.
    """
    lowered = model_id.lower()
    for kind, pattern in _NON_CHAT_WORDS:
        if pattern.search(lowered):
            return kind
    if outputs and "text" not in outputs:
        others = [m for m in outputs if m not in _CHAT_OUTPUTS]
        return others[0] if others else "no text output"
    return None
