"""Charts drawn at build time as inline SVG: no chart library reaches the browser.

    price_grade_chart     blended price against grade, one series per bracket
                          (bracket pages: its members; home: every graded model)
    price_history_chart   a model's input and output list prices as a step chart
    cost_bars_chart       the monthly bill of both models of a comparison, per volume

Each chart is a `<figure>` whose `<svg role="img">` carries a `<title>` and a
`<desc>` (the text alternative, naming the extremes a reader would look for); the
exact numbers sit in the table next to it, so the chart never holds a number the
page does not print. Lines, marks and text use `currentColor` and CSS custom
properties (`--mr-chart-N`, see readers.css), so the light and dark schemes both
read. Coordinates are floats: they place marks, they are never shown as amounts.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from markupsafe import Markup, escape

from ..base import format_computed_amount, format_cost, format_price, format_tokens_short
from ..catalog import Model
from .compare import ComparisonPage

WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 58, 16, 30, 46   # the legend sits in the top margin
MAX_LABELLED_POINTS = 10


@dataclass(frozen=True)
class Point:
    label: str
    x: float
    y: float
    series: int


def price_grade_chart(models: list[Model], series_of: Callable[[Model], int], series_names: list[str],
                      scale: Decimal, chart_id: str, title: str) -> Markup:
    """Graded models only; an empty string when fewer than two have a grade."""
    graded = [m for m in models if m.meta.grade is not None]
    if len(graded) < 2:
        return Markup("")
    points = [Point(m.meta.name, float(m.blended), float(m.meta.grade.score), series_of(m))  # type: ignore[union-attr]
              for m in graded]
    xs = [p.x for p in points]
    log = min(xs) > 0 and max(xs) / min(xs) > 20
    x_axis = _log_axis(min(xs), max(xs)) if log else _linear_axis(0, max(xs))
    y_axis = _linear_axis(0, float(scale), fixed_max=True)
    cheapest = min(graded, key=lambda m: (m.blended, m.key))
    best = max(graded, key=lambda m: (m.meta.grade.score, -m.blended))  # type: ignore[union-attr]
    desc = (f"{len(graded)} graded models. Cheapest: {cheapest.meta.name} at {format_computed_amount(cheapest.blended)} "
            f"per 1M tokens, grade {_num(cheapest.meta.grade.score)}. Highest grade: {best.meta.name}, "  # type: ignore[union-attr]
            f"{_num(best.meta.grade.score)} of {_num(scale)}, at {format_computed_amount(best.blended)}. "  # type: ignore[union-attr]
            "The table beside the chart lists every model's price and grade.")
    body = [_frame(x_axis, y_axis, "Blended price per 1M tokens (USD" + (", log scale)" if log else ")"),
                   f"Grade (0 to {_num(scale)})")]
    placed: list[tuple[float, float, float, float]] = []
    for p in sorted(points, key=lambda p: (p.x, p.series, p.label)):
        cx, cy = x_axis.place(p.x, _plot_x()), y_axis.place(p.y, _plot_y(), invert=True)
        body.append(f'<circle class="mr-chart__mark mr-chart__s{p.series}" cx="{cx:.1f}" cy="{cy:.1f}" r="5">'
                    f"<title>{escape(p.label)}</title></circle>")
        if len(points) <= MAX_LABELLED_POINTS:
            body.append(_point_label(p.label, cx, cy, placed))
    used = sorted({p.series for p in points})
    body.append(_legend([(series_names[s], s) for s in used]) if len(used) > 1 else "")
    return _figure(chart_id, title, desc, "".join(body))


def price_history_chart(model: Model, until: dt.date, chart_id: str) -> Markup:
    """Input and output list prices over time; an empty string before the first change."""
    history = model.meta.price_history
    if len(history) < 2:
        return Markup("")
    start, end = history[0].date, max(until, history[-1].date)
    days = max((end - start).days, 1)
    x_axis = _Axis(0, days, [(0, start.isoformat()), (days, end.isoformat())])
    top = max(float(max(h.input, h.output)) for h in history)
    y_axis = _linear_axis(0, top)
    series = [("Input", 0, [h.input for h in history]), ("Output", 1, [h.output for h in history])]
    body = [_frame(x_axis, y_axis, "Date the price took effect", "USD per 1M tokens")]
    for name, number, prices in series:
        path = []
        for i, (entry, price) in enumerate(zip(history, prices)):
            x = x_axis.place((entry.date - start).days, _plot_x())
            y = y_axis.place(float(price), _plot_y(), invert=True)
            path.append(f"M{x:.1f},{y:.1f}" if i == 0 else f"H{x:.1f}V{y:.1f}")
        path.append(f"H{x_axis.place(days, _plot_x()):.1f}")
        body.append(f'<path class="mr-chart__line mr-chart__s{number}" d="{"".join(path)}" fill="none"/>')
    body.append(_legend([(name, number) for name, number, _ in series]))
    first, last = history[0], history[-1]
    desc = (f"{model.meta.name} list prices from {first.date.isoformat()} to {end.isoformat()}: input from "
            f"{format_price(first.input)} to {format_price(last.input)}, output from {format_price(first.output)} to "
            f"{format_price(last.output)} per 1M tokens, over {len(history)} price entries. "
            "The price history table lists each one.")
    return _figure(chart_id, f"{model.meta.name}: price history", desc, "".join(body))


def cost_bars_chart(page: ComparisonPage, chart_id: str) -> Markup:
    """Horizontal bars, one pair per volume; each volume has its own scale, labelled with its bills."""
    models = [page.a, page.b]
    row, gap = 18, 16
    height = 10 + len(page.volumes) * (2 * row + gap) + 44
    left = 150
    width = WIDTH - left - 70
    body = []
    y = 10
    for volume in page.volumes:
        bills = [volume.a.usd, volume.b.usd]
        top = float(max(bills)) or 1.0
        body.append(f'<text class="mr-chart__axis-label" x="{left - 8}" y="{y + row + 4}" text-anchor="end">'
                    f"{escape(format_tokens_short(volume.tokens))} tokens</text>")
        for n, (model, bill) in enumerate(zip(models, bills)):
            length = width * float(bill) / top
            body.append(f'<rect class="mr-chart__bar mr-chart__s{n}" x="{left}" y="{y + n * row + 2}" '
                        f'width="{length:.1f}" height="{row - 4}"><title>{escape(model.meta.name)}</title></rect>'
                        f'<text class="mr-chart__value" x="{left + length + 6:.1f}" y="{y + n * row + row - 5}">'
                        f"{escape(format_cost(bill))}</text>")
        body.append(f'<line class="mr-chart__axis" x1="{left}" x2="{left}" y1="{y}" y2="{y + 2 * row}"/>')
        y += 2 * row + gap
    body.append(f'<text class="mr-chart__axis-label" x="{left + width / 2:.0f}" y="{y + 4}" text-anchor="middle">'
                "Monthly cost in USD (each volume on its own scale)</text>")
    body.append(_legend([(m.meta.name, n) for n, m in enumerate(models)], y=y + 28, x=left))
    cheaper = [v for v in page.volumes if v.cheaper]
    verdict = (f"{cheaper[0].cheaper.meta.name} costs less at every volume." if cheaper and len(cheaper) == len(page.volumes)  # type: ignore[union-attr]
               and len({v.cheaper.key for v in cheaper}) == 1 else "Both cost the same." if not cheaper  # type: ignore[union-attr]
               else "Which costs less depends on the volume.")
    desc = (f"Monthly bills of {page.a.meta.name} and {page.b.meta.name} at "
            + ", ".join(format_tokens_short(v.tokens) for v in page.volumes)
            + f" tokens a month. {verdict} The table beside the chart lists each bill.")
    return _figure(chart_id, f"Monthly cost: {page.a.meta.name} and {page.b.meta.name}", desc, "".join(body),
                   height=height)


# What the templates call (Jinja globals)

def bracket_price_chart(summary, scale: Decimal) -> Markup:
    """A bracket page's chart: its members, one series."""
    return price_grade_chart(summary.models, lambda m: 0, [summary.bracket.name], scale,
                             f"chart-{summary.bracket.key}", f"{summary.bracket.name} bracket: price against grade")


def home_price_chart(models: dict[str, Model], brackets: list, scale: Decimal) -> Markup:
    """The home page's chart: every graded model, one series per bracket in config order."""
    order = {b.key: n for n, b in enumerate(brackets)}
    return price_grade_chart(list(models.values()), lambda m: order[m.meta.bracket], [b.name for b in brackets],
                             scale, "chart-price-grade", "Price against grade, by bracket")


def chart_globals() -> dict[str, Callable[..., Markup]]:
    return {"bracket_price_chart": bracket_price_chart, "home_price_chart": home_price_chart,
            "price_history_chart": price_history_chart, "cost_bars_chart": cost_bars_chart}


# Axes and frame

@dataclass(frozen=True)
class _Axis:
    low: float
    high: float
    ticks: list[tuple[float, str]]
    log: bool = False

    def place(self, value: float, span: tuple[float, float], invert: bool = False) -> float:
        if self.log:
            low, high, value = math.log10(self.low), math.log10(self.high), math.log10(max(value, self.low))
        else:
            low, high = self.low, self.high
        share = (value - low) / (high - low) if high > low else 0.5
        if invert:
            share = 1 - share
        return span[0] + share * (span[1] - span[0])


def _linear_axis(low: float, high: float, fixed_max: bool = False) -> _Axis:
    if fixed_max:
        step = 0.5 if high <= 5 else _nice(high / 5)
    else:
        step = _nice((high - low) / 4 or 1)
        high = math.ceil(high * 1.08 / step) * step or step   # headroom: no mark on the frame
    ticks = []
    value = low
    while value <= high + step / 1000:
        ticks.append((value, _tick_text(value, step)))
        value += step
    return _Axis(low, high, ticks)


def _log_axis(low: float, high: float) -> _Axis:
    low_power, high_power = math.floor(math.log10(low)), math.ceil(math.log10(high))
    ticks = [(10.0 ** p, _tick_text(10.0 ** p, 10.0 ** p)) for p in range(low_power, high_power + 1)]
    return _Axis(10.0 ** low_power, 10.0 ** high_power, ticks, log=True)


def _nice(raw: float) -> float:
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _tick_text(value: float, step: float) -> str:
    """As many decimals as the step has: 0.5 steps read "1.5", 0.25 steps "0.75", whole steps "2"."""
    digits = f"{step:.6f}".rstrip("0").rstrip(".")
    places = len(digits.split(".")[1]) if "." in digits else 0
    return f"{value:.{places}f}"


def _plot_x() -> tuple[float, float]:
    return LEFT, WIDTH - RIGHT


def _plot_y() -> tuple[float, float]:
    return TOP, HEIGHT - BOTTOM


def _frame(x_axis: _Axis, y_axis: _Axis, x_label: str, y_label: str) -> str:
    x0, x1 = _plot_x()
    y0, y1 = _plot_y()
    parts = [f'<line class="mr-chart__axis" x1="{x0}" x2="{x1}" y1="{y1}" y2="{y1}"/>',
             f'<line class="mr-chart__axis" x1="{x0}" x2="{x0}" y1="{y0}" y2="{y1}"/>']
    for value, text in x_axis.ticks:
        x = x_axis.place(value, (x0, x1))
        anchor = "start" if x <= x0 + 1 and not x_axis.log and len(x_axis.ticks) == 2 else (
            "end" if x >= x1 - 1 and len(x_axis.ticks) == 2 else "middle")
        parts.append(f'<line class="mr-chart__tick" x1="{x:.1f}" x2="{x:.1f}" y1="{y1}" y2="{y1 + 4}"/>'
                     f'<text class="mr-chart__tick-label" x="{x:.1f}" y="{y1 + 16}" text-anchor="{anchor}">'
                     f"{escape(text)}</text>")
    for value, text in y_axis.ticks:
        y = y_axis.place(value, (y0, y1), invert=True)
        parts.append(f'<line class="mr-chart__grid" x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="mr-chart__tick-label" x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{escape(text)}</text>")
    parts.append(f'<text class="mr-chart__axis-label" x="{(x0 + x1) / 2:.0f}" y="{HEIGHT - 8}" '
                 f'text-anchor="middle">{escape(x_label)}</text>')
    parts.append(f'<text class="mr-chart__axis-label" transform="translate(14 {(y0 + y1) / 2:.0f}) rotate(-90)" '
                 f'text-anchor="middle">{escape(y_label)}</text>')
    return "".join(parts)


def _legend(entries: list[tuple[str, int]], y: float = 14, x: float = LEFT) -> str:
    parts = []
    for name, number in entries:
        parts.append(f'<rect class="mr-chart__bar mr-chart__s{number}" x="{x:.0f}" y="{y - 8:.0f}" width="10" height="10"/>'
                     f'<text class="mr-chart__legend" x="{x + 14:.0f}" y="{y + 1:.0f}">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return "".join(parts)


def _point_label(text: str, cx: float, cy: float, placed: list[tuple[float, float, float, float]]) -> str:
    """A name beside its mark, on the first side where it overlaps no earlier name; none if all sides do."""
    width, height = 6.0 * len(text), 12.0
    for dx, dy in ((8, -6), (8, 14), (-8, -6), (-8, 14), (8, 4), (-8, 4)):
        x = cx + dx if dx > 0 else cx + dx - width
        box = (x, cy + dy - height + 2, x + width, cy + dy + 2)
        inside = LEFT <= box[0] and box[2] <= WIDTH - RIGHT + 10 and TOP <= box[1] and box[3] <= HEIGHT - BOTTOM
        if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            placed.append(box)
            return (f'<text class="mr-chart__label" x="{box[0]:.1f}" y="{cy + dy:.1f}">{escape(text)}</text>')
    return ""


def _figure(chart_id: str, title: str, desc: str, body: str, height: int = HEIGHT) -> Markup:
    return Markup(
        f'<figure class="mr-chart" id="{chart_id}">'
        f'<svg class="mr-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        f"{body}</svg>"
        f'<figcaption class="mr-chart__caption">{escape(title)}</figcaption></figure>')


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f")
