"""Sphinx extension loaded only by the benchmark books: which documents a build read and wrote.

Counting Sphinx's log lines depends on its verbosity and wording; these two events are exactly
"re-read" and "re-written".  The lists go to the JSON file named by ``$BENCH_PROBE`` (if set).
"""

from __future__ import annotations

import json
import os
import resource
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_seen: dict[str, list[str]] = {"read": [], "written": []}
_peak_mb: dict[str, float] = {}  # ru_maxrss when reading ended and when the build ended


def _peak(phase: str) -> None:
    _peak_mb[phase] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _seen["read"].extend(docnames)


def _written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    _seen["written"].append(docname)


def _dump(app: Sphinx, exception: Exception | None) -> None:
    _peak("finished")
    path = os.environ.get("BENCH_PROBE")
    if path:
        with open(path, "w", encoding="utf-8") as stream:
            json.dump({key: sorted(set(value)) for key, value in _seen.items()} | {"peak_mb": _peak_mb}, stream)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-before-read-docs", _read)
    app.connect("doctree-resolved", _written)  # in the main process, also under -j N
    app.connect("env-updated", lambda app, env: _peak("read"))
    app.connect("build-finished", _dump)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
