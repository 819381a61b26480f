"""Run one function over many files in worker processes, with no path that waits for ever.

Each worker has one pipe and checks one file at a time: the parent sends a file's index and
waits on every worker's pipe and on its process at once (multiprocessing.connection.wait).
So the parent always knows which file a worker is on, and a worker that dies (a crash, the
kernel's out-of-memory killer, a kill) is noticed at once and named by that file, instead
of leaving the run waiting, as multiprocessing.Pool does.  What crosses a pipe is plain data
(see runner.Outcome); a reply that cannot be read back is reported like a dead worker.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.connection import wait

_TASK = None  # the function a worker runs, set before the fork (or pickled, with spawn)


def _serve(task, conn):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        index, item = job
        try:
            reply = (index, True, task(item))
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - the task failed, or its result will not pickle
            conn.send((index, False, f"its worker process failed ({type(exc).__name__}: {exc})"))


def _died(proc) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"a worker process was killed ({name}) while checking this file"
    return f"a worker process stopped (exit code {code}) while checking this file"


def run(task, items, processes: int, on_lost):
    """[task(item) for item in items], in `processes` workers.  An item whose worker died or
    whose reply could not be read gets on_lost(item, why) instead; the others go on."""
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    results = [None] * len(items)
    todo = list(range(len(items)))[::-1]  # popped from the end: in order
    workers = {}  # connection -> [process, index being checked or None]

    def start():
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(task, child), daemon=True)
        proc.start()
        child.close()
        workers[parent] = [proc, None]
        return parent

    def feed(conn):
        if todo:
            i = todo.pop()
            workers[conn][1] = i
            conn.send((i, items[i]))
        else:
            workers[conn][1] = None

    try:
        for _ in range(min(processes, len(items))):
            feed(start())
        while any(w[1] is not None for w in workers.values()):
            busy = {c: w for c, w in workers.items() if w[1] is not None}
            sentinels = {w[0].sentinel: c for c, w in busy.items()}
            for ready in wait([*busy, *sentinels]):
                conn = sentinels.get(ready, ready)
                proc, i = workers.get(conn, (None, None))
                if i is None:
                    continue  # answered already in this round
                try:
                    got = conn.recv() if conn.poll() else None
                except (EOFError, OSError):
                    got = None  # the worker is gone
                except Exception as exc:  # noqa: BLE001 - a reply that cannot be unpickled
                    got = (i, False, f"its result could not be read back ({type(exc).__name__}: {exc})")
                if got is not None and got[0] == i and got[1]:
                    results[i] = got[2]
                    feed(conn)
                    continue
                why = got[2] if got is not None and got[0] == i else None
                if why is None:
                    proc.join(5)
                    why = _died(proc)
                results[i] = on_lost(items[i], why)
                proc.kill()
                conn.close()
                del workers[conn]
                if todo:
                    feed(start())
    finally:
        for conn, (proc, _) in workers.items():
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for proc, _ in workers.values():
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join()
    return results
