"""Entity resolution: which model at which maker each catalog listing is.

Catalogs write one model many ways (`anthropic.claude-haiku-4-5-20251001-v1:0` on
Bedrock, `claude-haiku-4.5` at OpenRouter, `Meta-Llama-3-1-8B-Instruct-FP8` at a
reseller, `deepseek-v3.2:thinking` at another). `Resolver.resolve` turns one listing
into a `Resolution`: the maker (a providers.yaml key, or None when no maker can be
named), the model's key at that maker (date-less match key), the listing's mode
(`thinking`, `high` effort ...) and the dated snapshot it names, plus the steps that
led there, so `modelreview import --explain ID` can print them.

What it reads, in order:

1. the editable mapping in `site_config/resolution.yaml` (`same_model:` pins a
   listing to `maker/model`; `makers:` maps an id word such as `hermes` to a maker);
2. the maker's own listings: every listing sold by a maker provider (a lab of
   `labs.json`, or any provider a `makers:` word or id prefix names), the lab
   records of `labs.json`, and `seeds/`;
3. the listing's signals: id prefixes (`openai/`, Bedrock's `us.anthropic.`), the
   models.dev `family`, the id's first word (`claude`, `gemma`, `qwen` ...), and, when
   the id finds nothing at the maker, OpenRouter's `canonical_slug` if it extends the
   id (`qwen3-coder` -> `qwen3-coder-480b-a35b-07-25`);
4. normalised ids: packaging suffixes (`-v1:0`, `-fp8`, `-instruct`, `-maas`,
   `:free`) and prefixes (`azure-`, `meta-`) dropped for matching, then mode
   suffixes, then a dated-snapshot suffix.

A listing whose maker is named but who does not list the model stays where it is
(a reseller-only model), grouped with other resellers' copies of the same key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .ids import LAB_ALIASES, match_key, split_id
from .record import ImportedModel

# The first word of a model id -> the maker's providers.yaml key. Checked after
# id prefixes; `site_config/resolution.yaml` `makers:` adds to and overrides it.
FAMILY_MAKERS = {
    "claude": "anthropic", "gpt": "openai", "chatgpt": "openai", "o1": "openai", "o3": "openai",
    "o4": "openai", "codex": "openai", "gemini": "google", "gemma": "google", "llama": "llama",
    "qwen": "alibaba", "qwq": "alibaba", "qwen2": "alibaba", "qwen3": "alibaba", "mistral": "mistral",
    "magistral": "mistral", "devstral": "mistral", "codestral": "mistral", "ministral": "mistral",
    "pixtral": "mistral", "mixtral": "mistral", "voxtral": "mistral", "deepseek": "deepseek",
    "grok": "xai", "glm": "zhipuai", "kimi": "moonshotai", "nemotron": "nvidia", "minimax": "minimax",
    "command": "cohere", "c4ai": "cohere", "aya": "cohere", "mimo": "xiaomi", "step": "stepfun",
    "sonar": "perplexity", "nova": "nova", "sarvam": "sarvam",
}
# Makers whose own listing of a model is the review's home; FAMILY_MAKERS values join them.
LAB_KEYS = {"openai", "alibaba", "google", "anthropic", "nvidia", "mistral", "zhipuai", "minimax", "cohere",
            "moonshotai", "xiaomi", "deepseek", "deepreinforce", "xai", "meta", "perplexity", "stepfun",
            "sakana", "sarvam", "tencent", "llama", "nova", "zai"}
# labs.json writes some labs by another name than providers.yaml.
LAB_RENAMES = {"meta": "llama"}
# Equivalent makers: a GLM at `zai` and at `zhipuai` is one maker's model.
MAKER_GROUPS = {"zai": "zhipuai"}

_PACKAGING = re.compile(r"(?:-v\d-0|-fp8|-fp16|-bf16|-fp4|-int4|-int8|-awq|-gguf|-instruct|-it|-maas|"
                        r"-original|-0\d\d)$")
_LEAD = re.compile(r"^(?:azure-|meta-|nvidia-)")
MODES = ("thinking", "nothink", "non-thinking", "no-thinking", "think", "reasoning", "non-reasoning",
         "extended", "xhigh", "high", "medium", "low", "minimal", "fast", "free", "exacto", "floor", "nitro", "online")
_MODE = re.compile(r"-(" + "|".join(MODES) + r")$")
_VERSION = re.compile(r"-(?:latest|2[3-9](?:0[1-9]|1[0-2]))$")
_DATE = re.compile(r"-(\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{2})$")
_MONTH_DAY = re.compile(r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$")   # a canonical slug's `-07-25`


@dataclass(frozen=True)
class Resolution:
    maker: str | None          # providers.yaml key of the maker, None when unknown
    key: str                   # the model's date-less match key at its maker
    mode: str | None = None    # the mode this listing runs the model in
    at_maker: bool = False     # the maker lists the model itself (or seeds/labs.json do)
    steps: tuple[str, ...] = ()

    @property
    def group(self) -> tuple[str, str]:
        return (self.maker if self.at_maker and self.maker else "", self.key)


def normal(slug: str) -> str:
    """The match key with packaging suffixes and prefixes dropped (`claude-opus-4-0` is `claude-opus-4`)."""
    key = re.sub(r"(-\d+)-0$", r"\1", match_key(slug.lower()))
    key = re.sub(r"^(llama|gemma)(\d)", r"\1-\2", key)   # Bedrock's `llama4-scout` is `llama-4-scout`
    while True:
        stripped = _LEAD.sub("", _PACKAGING.sub("", key))
        if stripped == key or not stripped:
            return key
        key = stripped


def split_mode(key: str) -> tuple[str, str | None]:
    match = _MODE.search(key)
    if match and match.start() > 0:
        return key[:match.start()], match.group(1)
    return key, None


def split_date(key: str) -> tuple[str, str | None]:
    match = _DATE.search(key)
    if match and match.start() > 0 and not re.fullmatch(r"\d{2}-\d{2}", match.group(1)):
        return key[:match.start()], match.group(1)
    return key, None


@dataclass
class Resolver:
    """Built once per import from every listing, seeds and the mapping file."""

    provider_keys: set[str]
    makers: dict[str, str] = field(default_factory=dict)       # id word -> maker key (from config)
    same_model: dict[str, str] = field(default_factory=dict)   # listing id -> "maker/model"
    index: dict[str, dict[str, str]] = field(default_factory=dict)   # maker -> {key or dated key: key}

    def __post_init__(self) -> None:
        words = {**FAMILY_MAKERS, **self.makers}
        self.words = {w: self._maker(m) for w, m in words.items() if self._maker(m)}
        self.labs = {self._maker(k) for k in LAB_KEYS | set(words.values())} - {None}

    def _maker(self, key: str | None) -> str | None:
        if not key:
            return None
        key = LAB_RENAMES.get(key, LAB_ALIASES.get(key, key))
        key = MAKER_GROUPS.get(key, key)
        return key if key in self.provider_keys or key in MAKER_GROUPS.values() else None

    def key_of(self, record: ImportedModel) -> str:
        """The listing's match key, with a provider's own prefix dropped (`databricks-claude-opus-4-7`)."""
        key = normal(split_id(record.model_id, record.provider)[1])
        for provider in self._prefix_keys:
            rest = key[len(provider) + 1:]
            if key.startswith(provider + "-") and _words(rest) and _words(rest)[0] in self.words:
                return rest
        return key

    @property
    def _prefix_keys(self) -> list[str]:
        if not hasattr(self, "_sorted_keys"):
            self._sorted_keys = sorted((k for k in self.provider_keys if "-" not in k and k not in self.words),
                                       key=len, reverse=True)
        return self._sorted_keys

    def is_lab(self, provider: str) -> bool:
        return self._maker(provider) in self.labs

    def own_maker(self, record: ImportedModel) -> str | None:
        """The maker when `record` is a maker's own listing: a lab provider selling a model
        whose id names no other maker (NVIDIA's NIM also sells Llama and Qwen)."""
        maker = self._maker(record.provider)
        if maker not in self.labs:
            return None
        if record.lab and self._maker(record.lab) == maker and not split_id(record.model_id, record.provider)[0]:
            return maker   # a lab record (labs.json, seeds/): NVIDIA's Llama-Nemotron is NVIDIA's
        prefixes, slug = split_id(record.model_id, record.provider)
        named = [self._maker(p) for p in prefixes] + [self.words.get(w) for w in _words(self.key_of(record))[:1]]
        others = {m for m in named if m and m != maker}
        return None if others else maker

    def learn(self, records: list[ImportedModel]) -> None:
        """Index the makers' own listings (lab providers, labs.json records, seeds)."""
        listed: dict[str, set[str]] = {}
        for record in records:
            maker = self.own_maker(record)
            if maker is not None:
                listed.setdefault(maker, set()).add(self.key_of(record))
        # A dated snapshot is the undated model when the maker lists that too
        # (`claude-haiku-4-5-20251001`); two dated ids without an undated one are two
        # models (Claude 3.5 Sonnet of June and of October), and the bare name means
        # the newest.
        for maker, keys in listed.items():
            known = self.index.setdefault(maker, {})
            for key in sorted(keys, reverse=True):
                base, date = split_date(key)
                if date is None or base in keys or base in known.values():
                    known.setdefault(key, base if base in keys or base in known.values() else key)
                    known.setdefault(base, base)
                else:
                    known.setdefault(key, key)
                    known.setdefault(base, key)

    def resolve(self, record: ImportedModel) -> Resolution:
        steps: list[str] = []
        prefixes, slug = split_id(record.model_id, record.provider)
        pinned = self.same_model.get(f"{record.provider}/{record.model_id}") or self.same_model.get(record.model_id)
        if pinned and "/" in pinned:
            maker, model = pinned.split("/", 1)
            steps.append(f"site_config/resolution.yaml same_model pins it to {pinned}")
            key, mode = split_mode(normal(model))
            maker = self._maker(maker) or maker
            base = self.index.get(maker, {}).get(key, split_date(key)[0])
            listed = key in self.index.get(maker, {})
            if not listed:
                steps.append(f"{maker} does not list '{key}': filed at a reseller")
            return Resolution(maker, base, mode, listed, tuple(steps))
        key = self.key_of(record)
        if key != match_key(slug):
            steps.append(f"normalised '{slug}' to '{key}' (packaging and provider prefixes/suffixes dropped)")
        own = self.own_maker(record)
        if own and key in self.index.get(own, {}):
            base = self.index[own][key]
            steps.append(f"{record.provider} is the maker and lists it: {own}/{base}")
            return Resolution(own, base, None, True, tuple(steps))
        hints = self._hints(record, prefixes, key, steps)
        candidates = self._variants(key)
        for maker in hints or sorted(self.index):
            known = self.index.get(maker, {})
            for variant, mode in candidates:
                for guess in (variant, *(f"{w}-{variant}" for w, m in self.words.items() if m == maker)):
                    if guess in known:
                        steps.append(f"the maker {maker} lists it as '{known[guess]}'"
                                     + (f"; '{mode}' is the mode of this listing" if mode else ""))
                        return Resolution(maker, known[guess], mode, True, tuple(steps))
        base, mode = candidates[-1]
        exact = self._by_canonical(record, key, mode, hints, steps)
        if exact is not None:
            return exact
        if hints:
            steps.append(f"the maker {hints[0]} does not list '{base}': a reseller-only model, "
                         f"filed at a reseller")
        else:
            steps.append("no maker named by the id, family or mapping: filed at a reseller")
        return Resolution(hints[0] if hints else None, base, mode, False, tuple(steps))

    def _hints(self, record: ImportedModel, prefixes: list[str], key: str, steps: list[str]) -> list[str]:
        hints: list[str] = []
        for prefix in prefixes:
            maker = self._maker(prefix)
            if maker:
                hints.append(maker)
                steps.append(f"id prefix '{prefix}' names the maker {maker}")
        for word in _words(record.family) + _words(key):
            maker = self.words.get(word)
            if maker:
                hints.append(maker)
                steps.append(f"the word '{word}' names the maker {maker}")
                break
        return list(dict.fromkeys(hints))

    def _by_canonical(self, record: ImportedModel, key: str, mode: str | None, hints: list[str],
                      steps: list[str]) -> Resolution | None:
        """The model at its maker through OpenRouter's `canonical_slug`, when the id alone found none.

        The slug is the model written more exactly (`qwen/qwen3-coder` is
        `qwen/qwen3-coder-480b-a35b-07-25`, `meta-llama/llama-4-maverick` is
        `...-17b-128e-instruct`), often with a release date. It is trusted only when it
        extends the id's own key: a slug that names another model (`z-ai/glm-4.6v` ->
        `z-ai/glm-4.6-20251208`, a vision model filed under its text sibling) is ignored.
        """
        if not record.canonical:
            return None
        prefixes, slug = split_id(record.canonical, record.provider)
        exact = normal(_MONTH_DAY.sub("", split_date(normal(slug))[0]))
        own = split_mode(key)[0]
        if exact == own or not exact.startswith(own + "-"):
            return None
        makers = list(dict.fromkeys([*(m for p in prefixes for m in [self._maker(p)] if m), *hints]))
        for maker in makers:
            known = self.index.get(maker, {})
            for variant, _ in self._variants(exact):
                if variant in known:
                    steps.append(f"its canonical_slug '{record.canonical}' names it more exactly: the maker "
                                 f"{maker} lists it as '{known[variant]}'"
                                 + (f"; '{mode}' is the mode of this listing" if mode else ""))
                    return Resolution(maker, known[variant], mode, True, tuple(steps))
        return None

    def _variants(self, key: str) -> list[tuple[str, str | None]]:
        """(key, mode) to look up, most specific first; the last is the group key."""
        no_mode, mode = split_mode(key)
        out: list[tuple[str, str | None]] = [(key, None)]
        if mode:
            out.append((no_mode, mode))
        undated, _ = split_date(no_mode)
        if undated != no_mode:
            out.append((undated, mode))
        # A version suffix (`-2509`, `-latest`) names the model when the maker lists it bare;
        # it is looked up but never grouped on, so two versions stay two models.
        bare = _VERSION.sub("", undated)
        if bare != undated:
            out.insert(len(out) - 1, (bare, mode))
        return out


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    words = re.split(r"[-_.\s/]+", text.lower())
    return [w for w in words[:2] if w]
