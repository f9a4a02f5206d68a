"""Running the catalog checks beside the preview, in a forked process.

The checks are pure CPU work over the catalog. In a thread they would share the
interpreter lock with the thread taking in the next save, doubling its latency
exactly when an editor is typing; a forked child runs on another core over a
copy-on-write snapshot of the catalog (the session freezes the long-lived heap,
which keeps those pages shared), sends back its diagnostics, and can simply be
killed when a newer save makes its answer useless.

Where `os.fork` does not exist the function runs in the calling thread.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import traceback
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Cancelled(Exception):
    """The run was stopped by `cancel()` before it answered."""


class ChildRun(Generic[T]):
    """One call of `function(*args)` in a child process; `result()` waits for it."""

    def __init__(self, function: Callable[..., T], *args: object):
        self._function, self._args = function, args
        self._pid: int | None = None
        self._cancelled = threading.Event()

    def result(self) -> T:
        """The function's return value; its exception (as text) is raised as RuntimeError."""
        if not hasattr(os, "fork"):
            return self._function(*self._args)
        if self._cancelled.is_set():
            raise Cancelled()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, answer, leave without running any cleanup
            os.close(read)
            _settle_child()
            try:
                answer = pickle.dumps(("ok", self._function(*self._args)))
            except BaseException:
                answer = pickle.dumps(("error", traceback.format_exc()))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(answer)
            os._exit(0)
        self._pid = pid
        if self._cancelled.is_set():  # cancelled while forking: `cancel` saw no pid to kill
            self.cancel()
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        self._pid = None
        if self._cancelled.is_set() or not data:
            raise Cancelled()
        kind, value = pickle.loads(data)
        if kind == "error":
            raise RuntimeError(value)
        return value

    def cancel(self) -> None:
        self._cancelled.set()
        pid = self._pid
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


CHILD_SECONDS = 300
CHILD_NICENESS = 10


def _settle_child() -> None:
    """Make the child safe to run alone: it was forked from a process with other threads.

    Only the forking thread survives a fork, so the child must not wait on anything
    those threads might have held: it does no work in parallel of its own (no pool to
    fork from a fork), takes the default action on Ctrl-C and SIGTERM (the parent's
    Python handlers set events nobody in the child waits for), and gives up after
    `CHILD_SECONDS` whatever happens, so a stuck child can never outlive its use.
    It also runs at a lower priority (`CHILD_NICENESS`): on a busy machine the preview
    serving an edit comes first, the background check second.
    """
    os.environ["MODELREVIEW_SERIAL"] = "1"
    try:
        os.nice(CHILD_NICENESS)
    except OSError:
        pass
    for name in ("SIGINT", "SIGTERM"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.alarm(CHILD_SECONDS)

