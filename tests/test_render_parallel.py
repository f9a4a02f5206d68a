"""Pages rendered in forked workers are the pages a serial render gives, in the same order."""

from __future__ import annotations

import threading

import pytest
from render_sample import add_publishing, sample_catalog, write_sample

from generator.publish import render_pages as module
from generator.render import SiteRenderer


@pytest.fixture
def renderer(site):
    add_publishing(write_sample(site))
    return SiteRenderer(sample_catalog(site), site.root / "templates")


def _fork_even_with_threads(monkeypatch):
    from generator.base import parallel
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def test_parallel_render_equals_serial(renderer, monkeypatch):
    serial = module.render_pages(renderer, min_items=10**9)
    _fork_even_with_threads(monkeypatch)
    forked = module.render_pages(renderer, min_items=2)
    assert list(forked) == list(serial) == list(renderer.pages)
    assert {u: (m, b.html, b.toc) for u, (m, b) in forked.items()} == \
        {u: (m, b.html, b.toc) for u, (m, b) in serial.items()}


def test_a_failure_in_a_worker_is_raised_in_the_parent(renderer, monkeypatch):
    _fork_even_with_threads(monkeypatch)
    last = list(renderer.pages)[-1]
    original = SiteRenderer.render_html

    def broken(self, uri):
        if uri == last:
            raise ZeroDivisionError("boom")
        return original(self, uri)

    monkeypatch.setattr(SiteRenderer, "render_html", broken)
    with pytest.raises(ZeroDivisionError):
        module.render_pages(renderer, min_items=2)


class _Whole(Exception):
    """An exception the caller handles as a whole (as the build does a frame mismatch)."""


def test_map_each_keeps_order_reruns_a_failure_here_and_passes_chosen_errors_through(monkeypatch):
    import os

    from generator.base import map_each
    _fork_even_with_threads(monkeypatch)
    assert map_each(lambda i: i * i, 40, min_items=2) == [i * i for i in range(40)]

    parent = os.getpid()
    calls_here: list[int] = []

    def flaky(i: int) -> int:         # fails in the worker only; here it works
        if os.getpid() != parent:
            if i == 31:                # items are dealt round-robin: on two cores the worker has the odd ones
                raise ValueError(i)
        else:
            calls_here.append(i)
        return i

    assert map_each(flaky, 40, min_items=2) == list(range(40))
    assert 31 in calls_here and 29 not in calls_here   # only the worker's failed tail ran here

    def whole(i: int) -> int:
        if os.getpid() != parent and i % 2 == 1:
            raise _Whole(i)
        return i

    with pytest.raises(_Whole):
        map_each(whole, 40, min_items=2, passed=(_Whole,))
