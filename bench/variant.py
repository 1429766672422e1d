"""Bench-only emulations of changes proposed to the summit extension, to measure them first.

Loaded after ``summit`` by bench/variants.py; ``bench_variant`` (in conf.py) lists what to emulate.
They patch the imported extension in the build process only; ``_ext/`` is not touched.

- ``noexport``: no ``write_exports`` (JSON export, short-URL pages): bounds its per-build cost.
- ``rawlists``: back-reference lists rendered for HTML as one ``raw`` node of markup instead
  of ~6 docutils nodes per session (same links and dates): the glossary's transient memory.
- ``indexrows``: the domain indices list projects/releases without a row per session (the
  glossary and releases pages already list them): their rendering on every build.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _drop_export(app: Sphinx) -> None:
    listeners = app.events.listeners["build-finished"]
    listeners[:] = [entry for entry in listeners if getattr(entry.handler, "__name__", "") != "write_exports"]


def _raw_lists() -> None:
    from summit import labels, render
    from summit.dates import PartialDate
    from summit.records import label

    original = render.Renderer.sessions

    def link(self: Any, objtype: str, ident: str) -> str:
        record = self.catalog.record(objtype, ident)
        anchor = label(objtype, ident)
        uri = f"#{anchor}" if record.docname == self.docname else \
            f"{self.builder.get_relative_uri(self.docname, record.docname)}#{anchor}"
        title = html.escape(self.catalog.title(objtype, ident))
        return f'<a class="reference internal" href="{html.escape(uri)}"><span>{title}</span></a>'

    def sessions(self: Any, session_ids: list[str]) -> list[nodes.Node]:
        if self.builder.format != "html" or not session_ids:
            return original(self, session_ids)
        total = nodes.paragraph("", labels.count(len(session_ids)), classes=["summit-count", "no-search"])
        parts = ['<ul class="summit-backrefs no-search">\n']
        for event, sids in self.catalog.sessions_by_event(session_ids):
            head = f"{link(self, 'event', event)}（{self.event_span(event)}）" if event else labels.NO_EVENT
            parts.append(f"<li><p>{head}</p>\n<ul>\n")
            for sid in sids:
                date = self.catalog.sessions[sid].date
                when = f"（{PartialDate.parse(date).japanese()}）" if date else ""
                parts.append(f"<li><p>{link(self, 'session', sid)}{when}</p></li>\n")
            parts.append("</ul>\n</li>\n")
        parts.append("</ul>\n")
        return [total, nodes.raw("", "".join(parts), format="html", classes=["no-search"])]

    render.Renderer.sessions = sessions  # type: ignore[method-assign]


def _index_rows() -> None:
    from summit import indices

    indices._session_rows = lambda catalog, session_ids, docnames: []  # type: ignore[assignment]


def _apply(app: Sphinx) -> None:
    wanted = app.config.bench_variant
    if "noexport" in wanted:
        _drop_export(app)
    if "rawlists" in wanted:
        _raw_lists()
    if "indexrows" in wanted:
        _index_rows()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("bench_variant", [], "", types=[list])
    app.connect("builder-inited", _apply)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
