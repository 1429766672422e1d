"""Which unchanged pages must be re-written because book-wide content they show changed.

Sphinx re-writes only re-read documents; a glossary entry's back-references or a chapter's
badges depend on other documents.  After each read we digest, per page, exactly the data its
generated content and links are made from, and return the pages whose digest moved.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from .log import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .catalog import Catalog
    from .domain import SummitDomain


def _link_state(catalog: Catalog, objtype: str, name: str) -> tuple[object, ...]:
    ident = catalog.resolve(objtype, name)
    if ident is None:
        return (objtype, name, None)
    record = catalog.record(objtype, ident)
    return (objtype, name, ident, record.docname, catalog.title(objtype, ident))


class _States:
    """What each page's digest is made of; a session's state is computed once, not once per
    list that shows it (a glossary shows most sessions several times)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.sessions: dict[str, tuple[object, ...]] = {}

    def session(self, sid: str) -> tuple[object, ...]:
        state = self.sessions.get(sid)
        if state is None:
            session = self.catalog.sessions[sid]
            event = self.catalog.events.get(session.event)
            state = self.sessions[sid] = (
                sid, session.docname, session.title, session.date,
                event and (event.id, event.docname, event.name, event.start, event.end))
        return state

    def generated(self, kind: str, target: str) -> tuple[object, ...]:
        catalog = self.catalog
        if kind in ("project-sessions", "release-sessions"):
            table = catalog.project_sessions if kind == "project-sessions" else catalog.release_sessions
            return tuple(self.session(sid) for sid in table.get(target, ()))
        if kind == "project-children":
            return tuple((c, catalog.projects[c].docname, catalog.projects[c].name)
                         for c in catalog.children.get(target, ()))
        if kind == "release-events":
            return tuple((e, catalog.events[e].docname, catalog.events[e].name, catalog.events[e].start,
                          catalog.events[e].end) for e in catalog.release_events.get(target, ()))
        if kind == "event-cards":
            return tuple((e.id, e.docname, e.name, e.start, e.end, e.location, e.kind,
                          catalog.resolve("release", e.cycle) if e.cycle else None,
                          len(catalog.event_sessions.get(e.id, ())))
                         for e in (catalog.events[i] for i in catalog.event_order))
        if kind == "overview":
            events = {i: (catalog.events[i].docname, catalog.events[i].name) for i in catalog.event_order}
            return (tuple(events.items()),
                    tuple((pid, catalog.projects[pid].name, catalog.projects[pid].docname,
                           tuple(catalog.sessions[s].event for s in sids))
                          for pid, sids in sorted(catalog.project_sessions.items())))
        raise ValueError(kind)

    def fingerprint(self, domain: SummitDomain, docname: str) -> str:
        state = (
            sorted(_link_state(self.catalog, objtype, name) for objtype, name in domain.refs.get(docname, ())),
            sorted((kind, target, self.generated(kind, target))
                   for kind, target in domain.generated.get(docname, ())),
        )
        return hashlib.sha1(repr(state).encode("utf-8")).hexdigest()


def _store(app: Sphinx) -> Path:
    """Per builder and outside the environment: Sphinx pickles the environment *before* writing,
    so digests kept there would claim pages are current even when the writing was interrupted."""
    return Path(app.doctreedir) / f"summit-written-{app.builder.name}.json"


def outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain: SummitDomain = env.domains["summit"]
    # Cross-document mistakes are reported on every build, not only when their page is re-read.
    for message, subtype, location in domain.catalog.problems:
        warn(message, subtype, location)
    try:
        previous = json.loads(_store(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    states = _States(domain.catalog)
    current = {docname: states.fingerprint(domain, docname) for docname in sorted(env.all_docs)}
    domain.written_state = current
    return [docname for docname, digest in current.items() if previous.get(docname) != digest]


def note_removed(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                 removed: set[str]) -> list[str]:
    env.domains["summit"].removed_docs = set(removed)
    return []


def finish(app: Sphinx, exception: Exception | None) -> None:
    """After a complete build: remember what the pages show now; drop pages of deleted chapters."""
    if exception is not None:
        return
    domain: SummitDomain = app.env.domains["summit"]
    if domain.written_state is not None:
        _store(app).write_text(json.dumps(domain.written_state, sort_keys=True), encoding="utf-8")
    outfile = getattr(app.builder, "get_outfilename", None)
    for docname in sorted(domain.removed_docs):
        # Sphinx leaves a deleted chapter's page behind, with sessions that exist nowhere else.
        if outfile is not None:
            Path(outfile(docname)).unlink(missing_ok=True)
