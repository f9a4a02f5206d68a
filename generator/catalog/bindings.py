"""Data-bound prose: `{{ ... }}` in review and comparison prose becomes a value from the data.

An editor who writes "costs {{ price.input }} per million input tokens" never has
to update that sentence when the price changes: the number is computed from the
catalog at build time and formatted by `generator.formatting`, exactly like the
spec card. The syntax (documented for editors in content/pages/data-bindings.md):

    {{ FIELD }}                       a field of the page's own model
    {{ MODEL: FIELD }}                a field of another model (key, name or alias)
    {{ cost VOLUME [IN/OUT] }}        monthly bill at VOLUME tokens, e.g. 10M, 80/20 split
    {{ ratio WHAT OTHER }}            dearer / cheaper price between this model and OTHER
    {{ cheaper WHAT OTHER }}          how much cheaper the cheaper of the two is, in percent

FIELD is one of `FIELDS`; WHAT is input, output or blended. Bindings work in the
Markdown body (`expand_bindings`) and in the front-matter prose readers see
(`fields.py`: summary, strengths, limitations, quirks, FAQ answers, a comparison's
verdict; `expand_text`). In a body a binding inside a code span or code block is
left alone (that is how the docs show examples); everywhere `\\{{` is literal
braces. `check` reports every binding that does not resolve, at its line and
column; the expanders are only ever called after a clean check, so for them a bad
binding is a bug and raises.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from .catalog import Catalog, Model
from ..base.costs import blended_price, monthly_cost, percent_cheaper, ratio
from ..base.diagnostics import Diagnostic, error
from ..base.formatting import (format_computed_amount, format_cost, format_count, format_percent, format_price,
                          format_ratio, format_tokens, format_tokens_short)
from ..check.claims.extract import inline_ranges, mask_code
from ..check.claims.numbers import parse_volume

__all__ = ["Binding", "BindingProblem", "FIELDS", "binding_problems", "binding_spans", "bound_models",
           "check_bindings",
           "escape_value", "expand_bindings", "expand_text", "resolve_binding"]

_OPEN = re.compile(r"(?<!\\)\{\{")
_BINDING = re.compile(r"(?<!\\)\{\{([^{}\n]*)\}\}")
_SPLIT = re.compile(r"(\d{1,3})/(\d{1,3})")
_DIMENSIONS = ("input", "output", "blended")
_COMPARISONS = ("ratio", "cheaper")
_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]#|])")
_LINE_START_MARKER = re.compile(r"^(\s*|\s*\d+)((?<!\d)[-+]|(?<=\d)[.)])(?=\s|$)")


@dataclass(frozen=True)
class Binding:
    """One `{{ ... }}` in a body: where it is (body offsets) and what is inside."""

    start: int
    end: int
    source: str


class BindingProblem(Exception):
    """A binding that does not resolve; `code` is the diagnostic code `check` reports."""

    def __init__(self, code: str, message: str, hint: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


def _price_field(getter: Callable[[Model], Decimal | None], what: str) -> Callable[[Model, Catalog], str]:
    def field(model: Model, catalog: Catalog) -> str:
        value = getter(model)
        if value is None:
            raise BindingProblem("binding-unknown-field", f"{model.meta.name} has no {what} in its data",
                                 "add it to the review's front matter or bind another field")
        return format_price(value)
    return field


def _both_prices(model: Model, catalog: Catalog) -> str:
    price = model.meta.pricing
    return f"{format_price(price.input)} input / {format_price(price.output)} output per 1M tokens"


FIELDS: dict[str, Callable[[Model, Catalog], str]] = {
    "name": lambda m, c: m.meta.name,
    "price": _both_prices,
    "price.input": _price_field(lambda m: m.meta.pricing.input, "input price"),
    "price.output": _price_field(lambda m: m.meta.pricing.output, "output price"),
    "price.cached_input": _price_field(lambda m: m.meta.pricing.cached_input, "cached-input price"),
    "price.batch.input": _price_field(lambda m: m.meta.pricing.batch.input if m.meta.pricing.batch else None,
                                      "batch price"),
    "price.batch.output": _price_field(lambda m: m.meta.pricing.batch.output if m.meta.pricing.batch else None,
                                       "batch price"),
    "price.blended": lambda m, c: format_computed_amount(m.blended),
    "context": lambda m, c: format_tokens(m.meta.context_window),
    "context.short": lambda m, c: format_tokens_short(m.meta.context_window),
    "context.exact": lambda m, c: f"{format_count(m.meta.context_window)} tokens",
    "max_output": lambda m, c: format_tokens(m.meta.max_output),
    "max_output.short": lambda m, c: format_tokens_short(m.meta.max_output),
    "max_output.exact": lambda m, c: f"{format_count(m.meta.max_output)} tokens",
}


def binding_spans(text: str, markdown: bool = True) -> tuple[list[Binding], list[tuple[int, str]]]:
    """Every binding (outside code, in Markdown), and the offsets of `{{` that never close on their line."""
    code_free = mask_code(text) if markdown else text
    bindings = [Binding(m.start(), m.end(), m.group(1)) for m in _BINDING.finditer(code_free)]
    covered = {b.start for b in bindings}
    unclosed = [(m.start(), "'{{' opens a data binding but has no '}}' on the same line")
                for m in _OPEN.finditer(code_free) if m.start() not in covered
                and not any(b.start < m.start() < b.end for b in bindings)]
    return bindings, unclosed


def resolve_binding(source: str, catalog: Catalog, page_model: str | None) -> str:
    """The formatted value of one binding's inside text; raises `BindingProblem`."""
    model_name, verb, args = _parse(source)
    if not verb:
        raise BindingProblem("binding-syntax", "empty data binding '{{ }}'", "write e.g. {{ price.input }}")
    model = _model(model_name, catalog) if model_name else _page_model(catalog, page_model)
    if verb == "cost":
        return _resolve_cost(model, catalog, args)
    if verb in _COMPARISONS:
        return _resolve_comparison(verb, model, catalog, args)
    if not args and verb in FIELDS:
        return FIELDS[verb](model, catalog)
    rest = " ".join([verb, *args])
    known = [*FIELDS, "cost", *_COMPARISONS]
    close = difflib.get_close_matches(verb, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(FIELDS)}; or cost, ratio, cheaper"
    raise BindingProblem("binding-unknown-field", f"'{rest}' is not a field a binding can show", hint)


def bound_models(text: str, catalog: Catalog) -> set[str]:
    """Keys of the other models whose data `text`'s bindings show.

    The preview re-renders a page when a model it binds changes; erring on the side of
    a stale-marked page is harmless, so bindings in code spans count too.
    """
    if "{{" not in text:
        return set()
    found: set[str] = set()
    for match in _BINDING.finditer(text):
        model_name, verb, args = _parse(match.group(1))
        names = [model_name] if model_name else []
        if verb in _COMPARISONS and len(args) > 1:
            names.append(_other_name(args))
        for name in names:
            model = catalog.find(name)
            if model is not None:
                found.add(model.key)
    return found


def expand_bindings(body: str, catalog: Catalog, page_model: str | None) -> str:
    """The Markdown body with every binding replaced by its value; call after a clean `check`.

    `page_model` is the review's `provider/model-id`, or None for a comparison.
    Values are escaped for where they land (`escape_value`), so a model named
    `*Mini* <beta>` reads as written. A binding that does not resolve raises
    `ValueError`: `check` reports those as errors first, so reaching one here
    means the caller skipped the check.
    """
    return _substitute(body, catalog, page_model, markdown=True)


def escape_value(value: str, in_markdown: bool, at_line_start: bool = False) -> str:
    """A bound value as text, for Markdown prose or (`in_markdown=False`) an HTML block.

    Names come from front matter and may hold `*`, `_`, `[`, `<` or `&`; inserted
    raw they would become emphasis, links or tags. In Markdown prose the signs
    Python-Markdown honours a backslash escape for (with the tables extension's
    `|`) are backslashed and `& < >` become entities; at the start of a line a
    leading list or heading marker is backslashed too. In an HTML block Markdown
    is not parsed, so a backslash would show: there only HTML is escaped. Values
    made of digits, `$ , . % × /` and words (every number the site formats) come
    back unchanged.
    """
    if not in_markdown:
        return html.escape(value, quote=True)
    escaped = _MARKDOWN_SIGNS.sub(r"\\\1", html.escape(value, quote=False))
    if at_line_start:
        escaped = _LINE_START_MARKER.sub(r"\1\\\2", escaped, count=1)
    return escaped


def expand_text(text: str, catalog: Catalog, page_model: str | None) -> str:
    """A front-matter string (summary, strength, FAQ answer, verdict) with its bindings expanded.

    Such text is plain: the templates HTML-escape it when they print it, so values
    go in as they are (escaping them here would print `&amp;`), and `\\{{` becomes
    the literal `{{` the editor asked for. Raises `ValueError` like `expand_bindings`.
    """
    if "{{" not in text:
        return text
    return _substitute(text, catalog, page_model, markdown=False).replace("\\{{", "{{")


def _substitute(text: str, catalog: Catalog, page_model: str | None, markdown: bool) -> str:
    """`text` with its bindings' values; in a Markdown body each value is escaped for its place."""
    bindings, unclosed = binding_spans(text, markdown)
    if unclosed:
        raise ValueError(f"unchecked text: {unclosed[0][1]}")
    inline = inline_ranges(text) if markdown and bindings else ()
    parts: list[str] = []
    position = 0
    for binding in bindings:
        try:
            value = resolve_binding(binding.source, catalog, page_model)
        except BindingProblem as problem:
            raise ValueError(f"unchecked binding '{{{{{binding.source}}}}}': {problem.message}") from None
        if markdown:
            line_start = text.rfind("\n", 0, binding.start) + 1
            value = escape_value(value, any(start <= binding.start < end for start, end in inline),
                                 not text[line_start:binding.start].strip())
        parts.append(text[position:binding.start])
        parts.append(value)
        position = binding.end
    parts.append(text[position:])
    return "".join(parts)


def check_bindings(catalog: Catalog) -> list[Diagnostic]:
    """A diagnostic at file:line:column for every binding that fails, in bodies and front-matter prose."""
    from ..check.claims.check import texts  # check.py builds on this module

    found: list[Diagnostic] = []
    for text in texts(catalog):
        found += binding_problems(catalog, text.display, text.text, text.page_model, text.position, text.markdown)
    return found


def binding_problems(catalog: Catalog, display: str, text: str, page_model: str | None,
                     locate: Callable[[int], tuple[int, int]], markdown: bool = True) -> list[Diagnostic]:
    """The binding diagnostics of one body or front-matter string; `locate` maps an offset to (line, column)."""
    if "{{" not in text:
        return []
    found: list[Diagnostic] = []
    bindings, unclosed = binding_spans(text, markdown)
    for offset, message in unclosed:
        found.append(error(display, *locate(offset), "binding-syntax", message,
                           "close it with '}}', or write '\\{{' for literal braces"))
    for binding in bindings:
        try:
            resolve_binding(binding.source, catalog, page_model)
        except BindingProblem as problem:
            found.append(error(display, *locate(binding.start), problem.code,
                               f"{{{{{binding.source}}}}}: {problem.message}", problem.hint))
    return found


def _parse(source: str) -> tuple[str | None, str, list[str]]:
    """A binding's inside text as (model name or None, verb or field, arguments)."""
    model_name, rest = _split_model(" ".join(source.split()))
    verb, *args = rest.split(" ")
    return model_name, verb, args


def _other_name(args: list[str]) -> str:
    """The other model of `ratio`/`cheaper`: everything after the dimension (names have spaces)."""
    return " ".join(args[1:])


def _split_model(text: str) -> tuple[str | None, str]:
    """"openai/gpt-4.1: price.output" -> ("openai/gpt-4.1", "price.output"); keys may hold ':'."""
    if ": " not in text:
        return None, text
    model, rest = text.split(": ", 1)
    return model.strip(), rest.strip()


def _model(name: str, catalog: Catalog) -> Model:
    model = catalog.find(name)
    if model is None:
        close = difflib.get_close_matches(name.casefold(), list(catalog.names), n=1)
        hint = f"did you mean '{catalog.names[close[0]]}'?" if close else "use provider/model-id, e.g. openai/gpt-4.1"
        raise BindingProblem("binding-unknown-model", f"no model '{name}' in the catalog", hint)
    return model


def _page_model(catalog: Catalog, page_model: str | None) -> Model:
    if page_model is None or page_model not in catalog.models:
        raise BindingProblem("binding-unknown-model", "this page has no model of its own",
                             "name the model, e.g. {{ openai/gpt-4.1: price.input }}")
    return catalog.models[page_model]


def _resolve_cost(model: Model, catalog: Catalog, args: list[str]) -> str:
    usage = "write {{ cost 10M }} or {{ cost 10M 80/20 }} (input/output percent)"
    if not 1 <= len(args) <= 2:
        raise BindingProblem("binding-syntax", "cost takes a monthly volume and an optional input/output split", usage)
    tokens = parse_volume(args[0])
    if tokens is None:
        raise BindingProblem("binding-syntax", f"'{args[0]}' is not a token volume", usage)
    share = catalog.config.volumes.input_share
    if len(args) == 2:
        split = _SPLIT.fullmatch(args[1])
        if not split or int(split.group(1)) + int(split.group(2)) != 100:
            raise BindingProblem("binding-syntax", f"'{args[1]}' is not an input/output split adding up to 100",
                                 usage)
        share = Decimal(split.group(1)) / 100
    price = model.meta.pricing
    return format_cost(monthly_cost(price.input, price.output, tokens, share).usd)


def _resolve_comparison(verb: str, model: Model, catalog: Catalog, args: list[str]) -> str:
    usage = f"write {{{{ {verb} output openai/gpt-4.1 }}}}: input, output or blended, then the other model"
    if len(args) < 2 or args[0] not in _DIMENSIONS:
        raise BindingProblem("binding-syntax", f"{verb} needs input, output or blended and another model", usage)
    other = _model(_other_name(args), catalog)
    if other.key == model.key:
        raise BindingProblem("binding-syntax", f"{verb} compares two different models, got {model.key} twice", usage)
    mine, theirs = _dimension_price(model, catalog, args[0]), _dimension_price(other, catalog, args[0])
    low, high = sorted((mine, theirs))
    if verb == "ratio":
        value = ratio(high, low)
        if value is None:
            raise BindingProblem("binding-unknown-field", f"no ratio: {args[0]} is free for one of the models")
        return format_ratio(value)
    percent = percent_cheaper(low, high)
    if percent is None:
        raise BindingProblem("binding-unknown-field", f"no percentage: {args[0]} is free for both models")
    return format_percent(percent)


def _dimension_price(model: Model, catalog: Catalog, dimension: str) -> Decimal:
    price = model.meta.pricing
    if dimension == "input":
        return price.input
    if dimension == "output":
        return price.output
    return blended_price(price.input, price.output, catalog.config.volumes.input_share)
