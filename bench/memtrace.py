"""Bench-only Sphinx extension: at which step of a build the peak memory is reached.

ru_maxrss only grows, so recording it at every step and taking the differences shows which
step raised the peak: the end of reading, each page about to be rendered (``html-page-context``:
documents, genindex, domain indices, search), and the end of the build (``build-finished``
listeners such as summit's exports run before ours).  Written to ``$BENCH_MEMTRACE`` as JSON.
"""

from __future__ import annotations

import json
import os
import resource
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_trace: list[tuple[str, float]] = []


def _mark(label: str) -> None:
    _trace.append((label, round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)))


def _dump(app: Sphinx, exception: Exception | None) -> None:
    _mark("build-finished")
    path = os.environ.get("BENCH_MEMTRACE")
    if path:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump(_trace, stream)


def setup(app: Sphinx) -> dict[str, Any]:
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
