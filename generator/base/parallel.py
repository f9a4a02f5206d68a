"""Spreading per-file work over the machine's cores, for large catalogs only.

Workers are forked, so they start with the parent's memory (the file list, the
resolved catalog, a claim checker) and only their results travel back by pickle.
That is why jobs take index ranges, not items: nothing large is ever sent out.

Forking a process that runs other threads can deadlock the child, so work stays in
this process whenever another thread is alive (the preview server, a test runner's
helpers), on platforms without fork, and below `min_items`.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from dataclasses import dataclass
from typing import Callable, TypeVar

R = TypeVar("R")
Job = Callable[[int, int], list[R]]

_job: Job | None = None  # the job forked workers run; set just before the pool forks


def map_ranges(job: Job[R], count: int, min_items: int = 400) -> list[R]:
    """`job(0, count)`, split into one contiguous range per core; results in order."""
    workers = min(os.cpu_count() or 1, max(1, count // max(1, min_items // 2)))
    if workers < 2 or not _can_fork():
        return job(0, count)
    bounds = [count * i // workers for i in range(workers + 1)]
    global _job
    _job = job
    try:
        with multiprocessing.get_context("fork").Pool(workers - 1) as pool:
            pending = [pool.apply_async(_run, (bounds[i], bounds[i + 1])) for i in range(1, workers)]
            results = job(bounds[0], bounds[1])
            for item in pending:
                results.extend(item.get())
        return results
    finally:
        _job = None


@dataclass(frozen=True)
class _Stopped:
    """A worker's range ended early at `index`: `error` to raise as it is, or None to run the rest here."""

    index: int
    error: BaseException | None


def map_each(call: Callable[[int], R], count: int, min_items: int = 400,
             passed: tuple[type[BaseException], ...] = ()) -> list[R]:
    """[call(0), …, call(count - 1)] across cores (`map_ranges`), in order.

    Indices are dealt out round-robin, so each core gets every n-th item: lists are
    often grouped by kind (a site's 1,100 long reviews first, then its cheap comparison
    pages), and contiguous ranges left one core with most of the work.

    A worker stops at the first index whose call raises; that index and the rest of its
    range are called again here, in this process, so the failure is raised with its own
    traceback in the caller. An exception of a type in `passed` is sent back and raised
    here as it was instead (one the caller handles as a whole, not per item).
    """
    stride = os.cpu_count() or 1
    order = [index for first in range(stride) for index in range(first, count, stride)]

    def job(start: int, end: int) -> list[tuple[int, R] | _Stopped]:
        done: list[tuple[int, R] | _Stopped] = []
        for index in order[start:end]:
            try:
                done.append((index, call(index)))
            except passed as error:
                return done + [_Stopped(index, error)]
            except Exception:
                return done + [_Stopped(index, None)]
        return done

    results: dict[int, R] = {}
    for item in map_ranges(job, count, min_items=min_items):
        if isinstance(item, _Stopped):
            if item.error is not None:
                raise item.error
            continue
        results[item[0]] = item[1]
    return [results[index] if index in results else call(index) for index in range(count)]


def _run(start: int, end: int) -> list:
    assert _job is not None
    return _job(start, end)


def _can_fork() -> bool:
    if os.environ.get("MODELREVIEW_SERIAL"):
        return False
    return hasattr(os, "fork") and threading.active_count() == 1
