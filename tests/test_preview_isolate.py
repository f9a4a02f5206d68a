"""Catalog checks in a child process: answers come back, failures are reported, runs can be stopped."""

from __future__ import annotations

import os
import threading
import time

import pytest

from generator.base.diagnostics import error
from generator.preview.isolate import Cancelled, ChildRun


def _diagnostics(n: int):
    return [error("content/models/a/b.md", i, 1, "claim-price", f"claim {i}") for i in range(n)], os.getpid()


def _fails():
    raise ValueError("no such binding")


def _sleeps():
    time.sleep(30)


def test_the_answer_comes_from_another_process():
    found, pid = ChildRun(_diagnostics, 3).result()
    assert pid != os.getpid()
    assert [(d.line, d.message) for d in found] == [(0, "claim 0"), (1, "claim 1"), (2, "claim 2")]


def test_an_exception_in_the_child_arrives_as_its_traceback():
    with pytest.raises(RuntimeError, match=r"(?s)Traceback.*ValueError: no such binding"):
        ChildRun(_fails).result()


def test_cancel_stops_a_running_child_at_once():
    run = ChildRun(_sleeps)
    outcome: list[object] = []

    def wait() -> None:
        try:
            outcome.append(run.result())
        except Cancelled as stopped:
            outcome.append(stopped)

    waiter = threading.Thread(target=wait)
    started = time.monotonic()
    waiter.start()
    time.sleep(0.3)
    run.cancel()
    waiter.join(timeout=5)
    assert isinstance(outcome[0], Cancelled)
    assert time.monotonic() - started < 5


def test_the_child_runs_at_a_lower_priority_than_the_preview():
    from generator.preview.isolate import CHILD_NICENESS
    assert ChildRun(os.nice, 0).result() == min(19, os.nice(0) + CHILD_NICENESS)
