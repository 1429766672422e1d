"""Bench-only emulation of changes proposed to the summit extension, to measure them first.

Loaded after ``summit`` by bench/variants.py when ``bench_variant`` (in conf.py) asks for it:

- ``noexport``: no ``write_exports`` (JSON export, short-URL pages) at all: bounds its cost.

``toc_object_entries = False`` (a plain Sphinx option) emulates entries without TOC items.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _drop_export(app: Sphinx) -> None:
    if "noexport" not in app.config.bench_variant:
        return
    listeners = app.events.listeners["build-finished"]
    listeners[:] = [entry for entry in listeners if getattr(entry.handler, "__name__", "") != "write_exports"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("bench_variant", [], "", types=[list])
    app.connect("builder-inited", _drop_export)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
