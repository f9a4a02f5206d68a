"""Data-bound prose: `{{ ... }}` in review and comparison prose becomes a value from the data.

An editor who writes "costs {{ price.input }} per million input tokens" never has
to update that sentence when the price changes: the number is computed from the
catalog at build time and formatted by `generator.base.formatting`, exactly like the
spec card. The syntax (documented for editors in content/pages/data-bindings.md):

    {{ FIELD }}                       a field of the page's own model
    {{ MODEL: FIELD }}                a field of another model (key, name or alias)
    {{ cost VOLUME [IN/OUT] }}        monthly bill at VOLUME tokens, e.g. 10M, 80/20 split
    {{ ratio WHAT OTHER }}            dearer / cheaper price between this model and OTHER
    {{ cheaper WHAT OTHER }}          how much cheaper the cheaper of the two is, in percent

FIELD is one of `FIELDS`; WHAT is input, output or blended. Bindings work in the
Markdown body and in the front-matter prose readers see (`check.claims.fields`:
summary, strengths, limitations, quirks, FAQ answers, a comparison's verdict). In a
body a binding inside a code span or code block is left alone (that is how the docs
show examples); everywhere `\\{{` is literal braces. The syntax itself is read in
the check stage (`check.binding_syntax`).

`resolve_prose` is the catalog step that turns every binding of every page into
its value, or into a diagnostic at its line and column; render reads only the
resolved `Prose`. `expand_bindings` resolves one Markdown text on its own and
raises for a binding that does not resolve.
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from decimal import Decimal
from typing import Callable

from .catalog import Catalog, Model, Pair, Prose
from ..base import (blended_price, Diagnostic, error, format_computed_amount, format_cost, format_count,
                   format_percent, format_price, format_ratio, format_tokens, format_tokens_short, monthly_cost,
                   percent_cheaper, ratio)
from ..check import (BINDING, Locate, ProseField, binding_spans, comparison_prose, inline_ranges,
                     line_and_column, locator, other_name, parse_binding, parse_volume, review_prose)
from ..load import ComparisonRecord, ReviewRecord

__all__ = ["BindingProblem", "FIELDS", "bound_models", "check_bindings", "escape_value", "expand_bindings",
           "resolve_binding", "resolve_prose"]

_SPLIT = re.compile(r"(\d{1,3})/(\d{1,3})")
_DIMENSIONS = ("input", "output", "blended")
_COMPARISONS = ("ratio", "cheaper")
_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]#|])")
_LINE_START_MARKER = re.compile(r"^(\s*|\s*\d+)((?<!\d)[-+]|(?<=\d)[.)])(?=\s|$)")




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


def _output_field(show: Callable[[int], str]) -> Callable[[Model, Catalog], str]:
    """The output limit, formatted; a limit no source gives cannot be bound (a number would be invented)."""
    def field(model: Model, catalog: Catalog) -> str:
        value = model.meta.max_output
        if not isinstance(value, int):
            raise BindingProblem("binding-unknown-field", f"{model.meta.name}'s output limit is unknown "
                                 "(max_output: unknown)", "say so in words, or set max_output from a source")
        return show(value)
    return field


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
    "max_output": _output_field(format_tokens),
    "max_output.short": _output_field(format_tokens_short),
    "max_output.exact": _output_field(lambda n: f"{format_count(n)} tokens"),
}



def resolve_binding(source: str, catalog: Catalog, page_model: str | None) -> str:
    """The formatted value of one binding's inside text; raises `BindingProblem`."""
    model_name, verb, args = parse_binding(source)
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
    for match in BINDING.finditer(text):
        model_name, verb, args = parse_binding(match.group(1))
        names = [model_name] if model_name else []
        if verb in _COMPARISONS and len(args) > 1:
            names.append(other_name(args))
        for name in names:
            model = catalog.find(name)
            if model is not None:
                found.add(model.key)
    return found


def resolve_prose(catalog: Catalog, previous: Catalog | None = None) -> tuple[Catalog, list[Diagnostic]]:
    """The catalog with every review's and editorial comparison's prose resolved (`Prose`), and a
    diagnostic at file:line:column for every binding that does not resolve.

    This is the one place bindings become values: render reads only `Model.prose` and
    `Pair.prose`, so it never meets a binding and never fails on content. A binding that
    does not resolve stays as written; the catalog is then not rendered (it has an error).
    Prose without a binding is not copied, and a model whose prose was resolved from the
    same record and shows no other model's data is kept as it is (a catalog the preview
    patched keeps its unchanged models; `previous` lends its prose to a rebuilt one), so an
    edit pays only for prose that could change.
    """
    found: list[Diagnostic] = []
    models: dict[str, Model] = {}
    before = previous.models if previous is not None else {}
    for key, model in catalog.models.items():
        if model.prose.source is model.record and not model.prose.bound:
            models[key] = model   # resolved before, from this very record, and it binds no other model
            continue
        earlier = before.get(key)
        if earlier is not None and earlier.prose.source is model.record and earlier.prose == Prose(model.record):
            # A rebuilt catalog (perhaps with another config), the same record, and no binding in it.
            models[key] = dataclasses.replace(model, prose=earlier.prose)
            continue
        prose, problems = _resolve_record(catalog, model.record, key, list(review_prose(model.record)))
        models[key] = model if _same(prose, model.prose) else dataclasses.replace(model, prose=prose)
        found += problems
    pairs: dict[str, Pair] = {}
    for slug, pair in catalog.pairs.items():
        if pair.editorial is not None:
            prose, problems = _resolve_record(catalog, pair.editorial, None, list(comparison_prose(pair.editorial)))
            pair = pair if _same(prose, pair.prose) else dataclasses.replace(pair, prose=prose)
            found += problems
        pairs[slug] = pair
    return dataclasses.replace(catalog, models=models, pairs=pairs), found


def check_bindings(catalog: Catalog) -> list[Diagnostic]:
    """Only the diagnostics of `resolve_prose`: every binding that fails, in bodies and front-matter prose."""
    return resolve_prose(catalog)[1]


def expand_bindings(body: str, catalog: Catalog, page_model: str | None) -> str:
    """A Markdown body with every binding replaced by its value, each escaped for its place
    (`escape_value`), so a model named `*Mini* <beta>` reads as written.

    `page_model` is the review's `provider/model-id`, or None for a comparison. For text
    that `check` has not judged: a binding that does not resolve raises `ValueError`.
    """
    resolved, problems = _substitute(body, catalog, page_model, True, "<text>", lambda offset: (0, offset))
    if problems:
        raise ValueError(f"unchecked binding {problems[0].message}")
    return resolved


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


def _same(a: Prose, b: Prose) -> bool:
    """Equal prose of the same record object (comparing records field by field would cost more than it saves)."""
    return a.source is b.source and (a.resolved_body, a.fields, a.bound) == (b.resolved_body, b.fields, b.bound)


def _resolve_record(catalog: Catalog, record: ReviewRecord | ComparisonRecord, page_model: str | None,
                    fields: list[ProseField]) -> tuple[Prose, list[Diagnostic]]:
    """One file's prose resolved: its Markdown body and the front-matter strings that bind."""
    binding = [f for f in fields if "{{" in f.text]
    if "{{" not in record.body and not binding:
        return Prose(record), []

    def in_body(offset: int) -> tuple[int, int]:
        return line_and_column(record.body, offset, record.body_first_line)

    body, found = _substitute(record.body, catalog, page_model, True, record.display, in_body)
    resolved: dict[tuple[str | int, ...], str] = {}
    for f in binding:
        locate = locator(record.positions, f.loc, f.text)
        resolved[f.loc], problems = _substitute(f.text, catalog, page_model, False, record.display, locate)
        found += problems
    bound = frozenset().union(bound_models(record.body, catalog), *(bound_models(f.text, catalog) for f in binding))
    return Prose(record, body if body != record.body else None, resolved, bound), found


def _substitute(text: str, catalog: Catalog, page_model: str | None, markdown: bool, display: str,
                locate: Locate) -> tuple[str, list[Diagnostic]]:
    """`text` with its bindings' values, and a diagnostic for each binding that has none.

    In a Markdown body each value is escaped for its place; in plain text `\\{{` turns
    into the literal braces it stands for."""
    if "{{" not in text:
        return text, []
    bindings, unclosed = binding_spans(text, markdown)
    found = [error(display, *locate(offset), "binding-syntax", message,
                   "close it with '}}', or write '\\{{' for literal braces") for offset, message in unclosed]
    inline = inline_ranges(text) if markdown and bindings else ()
    parts: list[str] = []
    position = 0
    for binding in bindings:
        try:
            value = resolve_binding(binding.source, catalog, page_model)
        except BindingProblem as problem:
            found.append(error(display, *locate(binding.start), problem.code,
                               f"{{{{{binding.source}}}}}: {problem.message}", problem.hint))
            value = text[binding.start:binding.end]
        else:
            if markdown:
                line_start = text.rfind("\n", 0, binding.start) + 1
                value = escape_value(value, any(start <= binding.start < end for start, end in inline),
                                     not text[line_start:binding.start].strip())
        parts.append(text[position:binding.start])
        parts.append(value)
        position = binding.end
    parts.append(text[position:])
    resolved = "".join(parts)
    return (resolved if markdown else resolved.replace("\\{{", "{{")), found


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
    other = _model(other_name(args), catalog)
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
