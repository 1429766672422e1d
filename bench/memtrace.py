"""Bench-only Sphinx extension: at which step of a build the peak memory is reached, and
how long the cyclic garbage collector ran (``$BENCH_MEMTRACE.gc.json``).

ru_maxrss only grows, so recording it at every step and taking the differences shows which
step raised the peak: the end of reading, each page about to be rendered (``html-page-context``:
documents, genindex, domain indices, search), and the end of the build (``build-finished``
listeners such as summit's exports run before ours).  Written to ``$BENCH_MEMTRACE`` as JSON.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_trace: list[tuple[str, float]] = []
#: seconds spent in the cyclic garbage collector and number of collections, per generation
_gc = {"seconds": [0.0, 0.0, 0.0], "collections": [0, 0, 0]}
_gc_start = [0.0]


def _gc_timer(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_start[0] = time.perf_counter()
    else:
        _gc["seconds"][info["generation"]] += time.perf_counter() - _gc_start[0]
        _gc["collections"][info["generation"]] += 1


def _mark(label: str) -> None:
    _trace.append((label, round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)))


def _dump(app: Sphinx, exception: Exception | None) -> None:
    _mark("build-finished")
    path = os.environ.get("BENCH_MEMTRACE")
    if path:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(_trace, stream)
        with open(path + ".gc.json", "w", encoding="utf-8") as stream:
            json.dump(_gc, stream)


def setup(app: Sphinx) -> dict[str, Any]:
    gc.callbacks.append(_gc_timer)  # GC time grows with the live heap, not with our code
    app.connect("builder-inited", lambda app: _mark("start"))
    app.connect("env-updated", lambda app, env: _mark("read"))
    app.connect("html-page-context", lambda app, page, *args: _mark(f"page {page}"))
    app.connect("build-finished", _dump, priority=900)  # after the other build-finished listeners
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def jumps(path: str, n: int = 6) -> list[tuple[str, float]]:
    """The stretches that raised the peak most: ("from -> to", MB added between the two marks)."""
    with open(path, encoding="utf-8") as stream:
        trace = json.load(stream)
    steps = [(f"{a} -> {b}", round(mb - before, 1)) for (a, before), (b, mb) in zip(trace, trace[1:])]
    return sorted(steps, key=lambda s: -s[1])[:n]
