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


def _run(start: int, end: int) -> list:
    assert _job is not None
    return _job(start, end)


def _can_fork() -> bool:
    if os.environ.get("MODELREVIEW_SERIAL"):
        return False
    return hasattr(os, "fork") and threading.active_count() == 1
