"""Worker processes that run one item at a time, so that whatever one item does (a crash in native
code, a hang, a runaway allocation stopped by its time limit) ends that item's work, never the run.
A worker that dies or runs out of time is replaced, and the item gets the result `crashed` or
`timed_out` gives it. Workers die with the process that started them."""
from __future__ import annotations

import os
import signal
import sys
import time
from typing import Callable


class Pool:
    def __init__(self, function: Callable, workers: int):
        import multiprocessing

        # fork: a worker starts at once, with everything this process imported
        self.context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
        self.function = function
        self.size = max(1, workers)
        self.idle: list = []  # started when an item needs them

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        for worker in self.idle:
            worker.stop()
        self.idle = []

    def _start(self) -> "_Worker":
        return _Worker(self.context, self.function)

    def _replace(self, worker: "_Worker", queue: list) -> None:
        worker.stop()
        if queue:
            self.idle.append(self._start())

    def map(self, items: list, timeout: Callable, crashed: Callable, timed_out: Callable,
            done: Callable = lambda: None) -> list:
        """`function(item)` for every item, in order. `timeout(item)`: the seconds an item may take;
        `crashed(item, how)` and `timed_out(item)`: the result of an item whose worker died, or ran
        out of time and was killed."""
        from multiprocessing.connection import wait

        results: list = [None] * len(items)
        queue = list(range(len(items)))[::-1]
        while len(self.idle) < min(self.size, len(items)):
            self.idle.append(self._start())
        busy: dict = {}  # connection -> worker
        try:
            while queue or busy:
                while queue and self.idle:
                    worker = self.idle.pop()
                    try:
                        worker.submit(queue[-1], items[queue[-1]], timeout(items[queue[-1]]))
                    except OSError:  # it died while idle: the item goes to a new one
                        worker.stop()
                        self.idle.append(self._start())
                        continue
                    queue.pop()
                    busy[worker.conn] = worker
                now = time.monotonic()
                deadline = min(w.deadline for w in busy.values())
                for conn in wait(list(busy), timeout=max(0.0, deadline - now)):
                    worker = busy.pop(conn)
                    try:
                        results[worker.index] = conn.recv()
                        self.idle.append(worker)
                    except (EOFError, OSError):
                        results[worker.index] = crashed(items[worker.index], worker.death())
                        self._replace(worker, queue)
                    done()
                now = time.monotonic()
                for conn, worker in list(busy.items()):
                    if worker.deadline <= now:
                        del busy[conn]
                        results[worker.index] = timed_out(items[worker.index])
                        self._replace(worker, queue)
                        done()
        finally:
            for worker in busy.values():
                worker.stop()
        return results


class _Worker:
    def __init__(self, context, function: Callable):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, function, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.index = -1
        self.deadline = 0.0

    def submit(self, index: int, item, seconds: float) -> None:
        self.index, self.deadline = index, time.monotonic() + seconds
        self.conn.send(item)

    def death(self) -> str:
        """How the worker ended, for the report."""
        self.process.join(5)  # it has closed its end: it is ending, if not gone
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"the process linting this file was killed by {signal.Signals(-code).name}"
            except ValueError:
                pass
        return f"the process linting this file exited unexpectedly (status {code})"

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(conn, function: Callable, parent: int) -> None:
    import gc

    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ^C is the parent's to handle: it stops the workers
    # what the parent imported is never garbage, and collecting it would copy its pages into this
    # process; and an item allocates millions of small objects that reference counting frees (the
    # Python surface cuts its analyses' cycles when a unit ends), which the cyclic collector, run
    # while the item works, would walk again and again with the whole live tree: it runs between
    # items, when enough has survived them
    gc.freeze()
    gc.disable()
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(function(item))
        if gc.get_count()[0] > COLLECT_AFTER:
            gc.collect()


# objects that outlived the items since the last collection (the cyclic collector's own first threshold)
COLLECT_AFTER = 10_000


def _die_with(parent: int) -> None:
    """End this process as soon as `parent` ends, even when it is killed."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        else:
            if os.getppid() != parent:  # it ended before the request took effect
                os._exit(1)
            return
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
