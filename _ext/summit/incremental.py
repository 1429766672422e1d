"""Which unchanged pages must be re-written because book-wide content they show changed.

Sphinx re-writes only re-read documents; a glossary entry's back-references or a chapter's
badges depend on other documents.  After each read we digest, per page, exactly the data its
generated content and links are made from, and return the pages whose digest moved.
"""

from __future__ import annotations

import hashlib
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


def _session_state(catalog: Catalog, sid: str) -> tuple[object, ...]:
    session = catalog.sessions[sid]
    event = catalog.events.get(session.event)
    return (sid, session.docname, session.title, session.date,
            event and (event.id, event.docname, event.name, event.start, event.end))


def _generated_state(catalog: Catalog, kind: str, target: str) -> tuple[object, ...]:
    if kind in ("project-sessions", "release-sessions"):
        table = catalog.project_sessions if kind == "project-sessions" else catalog.release_sessions
        return tuple(_session_state(catalog, sid) for sid in table.get(target, ()))
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


def fingerprint(domain: SummitDomain, docname: str) -> str:
    catalog = domain.catalog
    state = (
        sorted(_link_state(catalog, objtype, name) for objtype, name in domain.refs.get(docname, ())),
        sorted((kind, target, _generated_state(catalog, kind, target))
               for kind, target in domain.generated.get(docname, ())),
    )
    return hashlib.sha1(repr(state).encode("utf-8")).hexdigest()


def outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain: SummitDomain = env.domains["summit"]
    # Cross-document mistakes are reported on every build, not only when their page is re-read.
    for message, subtype, location in domain.catalog.problems:
        warn(message, subtype, location)
    previous = domain.fingerprints
    current = {docname: fingerprint(domain, docname) for docname in sorted(env.all_docs)}
    domain.data["fingerprints"] = current
    return [docname for docname, digest in current.items() if previous.get(docname) != digest]
