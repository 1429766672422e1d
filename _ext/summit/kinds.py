"""The registry of generated content: every kind of book-wide content a page can show.

Each kind says how it renders (a :class:`~summit.render.Renderer` method) and what it is made
of (the data whose digest decides whether an unchanged page must be re-written).  The renderer,
the incremental logic and the directives all read this table, so a new kind cannot be added
to one of them and forgotten in another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils import nodes

    from .incremental import Sources
    from .render import Renderer


@dataclass(frozen=True)
class Kind:
    name: str
    #: the nodes; None removes the whole field it sits in (nothing to say)
    render: Callable[[Renderer, str], list[nodes.Node] | None]
    #: what the content shows, as plain data: when it changes, the page is re-written
    depends: Callable[[Sources, str], tuple[object, ...]]
    #: HTML: built while the page is written, one at a time (lists that grow with the book)
    deferred: bool = False
    #: the directive an author places it with; None for the fields of entries
    directive: str | None = None


def _events(sources: Sources, idents: list[str] | tuple[str, ...]) -> tuple[object, ...]:
    events = sources.catalog.events
    return tuple((e, events[e].docname, events[e].name, events[e].start, events[e].end, events[e].location)
                 for e in idents)


def _overview(sources: Sources, target: str) -> tuple[object, ...]:
    catalog = sources.catalog
    events = {i: (catalog.events[i].docname, catalog.events[i].name) for i in catalog.event_order}
    return (tuple(events.items()),
            tuple((pid, catalog.projects[pid].name, catalog.projects[pid].docname, catalog.projects[pid].status,
                   tuple(catalog.sessions[s].event for s in sids))
                  for pid, sids in sorted(catalog.project_sessions.items())))


def _cards(sources: Sources, target: str) -> tuple[object, ...]:
    catalog = sources.catalog
    return tuple((e.id, e.docname, e.name, e.start, e.end, e.location, e.kind,
                  catalog.resolve("release", e.cycle) if e.cycle else None,
                  len(catalog.event_sessions.get(e.id, ())))
                 for e in (catalog.events[i] for i in catalog.event_order))


def _children(sources: Sources, target: str) -> tuple[object, ...]:
    projects = sources.catalog.projects
    return tuple((c, projects[c].docname, projects[c].name) for c in sources.catalog.children.get(target, ()))


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("project-sessions",
         lambda r, target: r.sessions(r.catalog.project_sessions.get(target, [])),
         lambda s, target: tuple(s.session(sid) for sid in s.catalog.project_sessions.get(target, ())),
         deferred=True),
    Kind("release-sessions",
         lambda r, target: r.sessions(r.catalog.release_sessions.get(target, [])),
         lambda s, target: tuple(s.session(sid) for sid in s.catalog.release_sessions.get(target, ())),
         deferred=True),
    Kind("project-children",
         lambda r, target: r.badges("project", r.catalog.children[target]) if r.catalog.children.get(target)
         else None,
         _children),
    Kind("release-events",
         lambda r, target: r.events(r.catalog.release_events[target]) if r.catalog.release_events.get(target)
         else None,
         lambda s, target: _events(s, s.catalog.release_events.get(target, ()))),
    Kind("event-cards", lambda r, target: r.cards(), _cards, directive="summit-cards"),
    Kind("overview", lambda r, target: r.overview(), _overview, directive="summit-overview"),
    Kind("timeline", lambda r, target: r.timeline(),
         lambda s, target: (_events(s, s.catalog.event_order),
                            tuple((r.id, r.docname, r.name, r.version, r.released)
                                  for r in sorted(s.catalog.releases.values(), key=lambda r: r.id))),
         directive="summit-timeline"),
    Kind("finder", lambda r, target: r.finder(),
         lambda s, target: (tuple(s.catalog.sessions[sid] for sid in s.catalog.session_order),
                            tuple((p.id, p.name, p.parent) for p in sorted(s.catalog.projects.values())),
                            tuple((r.id, r.name, r.released) for r in sorted(s.catalog.releases.values())),
                            _events(s, s.catalog.event_order)),
         directive="summit-finder"),
    Kind("title-page", lambda r, target: r.title_page(),
         lambda s, target: _events(s, s.catalog.event_order), directive="summit-titlepage"),
)}

#: directive name -> kind, for GeneratedDirective
DIRECTIVES: dict[str, str] = {kind.directive: kind.name for kind in KINDS.values() if kind.directive}
