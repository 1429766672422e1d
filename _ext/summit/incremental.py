"""Which unchanged pages must be re-written because book-wide content they show changed.

Sphinx re-writes only re-read documents; a glossary entry's back-references or a chapter's
badges depend on other documents.  After each read we digest, per page, exactly the data its
generated content and links are made from, and return the pages whose digest moved.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import state
from .digest import digest
from .kinds import KINDS

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


class Sources:
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
        return KINDS[kind].depends(self, target)

    def fingerprint(self, domain: SummitDomain, docname: str) -> str:
        shown = (
            sorted(_link_state(self.catalog, objtype, name) for objtype, name in domain.refs.get(docname, ())),
            sorted((kind, target, self.generated(kind, target))
                   for kind, target in domain.generated.get(docname, ())),
        )
        return digest(shown)


def _store(app: Sphinx) -> Path:
    """Per builder and outside the environment: Sphinx pickles the environment *before* writing,
    so digests kept there would claim pages are current even when the writing was interrupted."""
    return Path(app.doctreedir) / f"summit-written-{app.builder.name}.json"


def declared(domain: SummitDomain, docname: str) -> str:
    """A digest of what a document contributes to the book-wide view: its records, links and
    generated lists.  When no document's digest moved, no page shows anything new."""
    contributed = (*(domain.data[table].get(docname) for table in ("events", "sessions", "projects", "releases")),
             sorted(domain.refs.get(docname, ())), sorted(domain.generated.get(docname, ())))
    return digest(contributed)


def _load(app: Sphinx) -> dict[str, Any] | None:
    try:
        stored = json.loads(_store(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) and set(stored) == {"env", "pages", "declared"} else None


def outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain: SummitDomain = env.domains["summit"]
    build = state.of(env)
    previous = _load(app)
    started_from = domain.data.get("stamp")
    if build.cleared:  # the environment changes, and is saved before writing begins
        domain.data["stamp"] = uuid.uuid4().hex
    if previous is not None and previous["env"] == started_from and previous["pages"].keys() == env.all_docs.keys():
        # The last complete build wrote the pages of exactly the environment this build started
        # from: only the documents read since can have changed what any page shows.
        now = dict(previous["declared"])
        now.update({docname: declared(domain, docname) for docname in build.cleared if docname in env.all_docs})
        if now == previous["declared"]:
            build.written = {**previous, "env": domain.data.get("stamp")}
            return []
    states = Sources(domain.catalog)
    pages = {docname: states.fingerprint(domain, docname) for docname in sorted(env.all_docs)}
    build.written = {
        "env": domain.data.get("stamp"),
        "pages": pages,
        "declared": {docname: declared(domain, docname) for docname in sorted(env.all_docs)},
    }
    before = previous["pages"] if previous is not None else {}
    return [docname for docname, digest in pages.items() if before.get(docname) != digest]


def finish(app: Sphinx, exception: Exception | None) -> None:
    """After a complete build: remember what the pages show now; drop pages of deleted chapters."""
    if exception is not None:
        return
    build = state.of(app.env)
    if build.written is not None:
        _store(app).write_text(json.dumps(build.written, sort_keys=True), encoding="utf-8")
    outfile = getattr(app.builder, "get_outfilename", None)
    for docname in sorted(build.removed):
        # Sphinx leaves a deleted chapter's page behind, with sessions that exist nowhere else.
        if outfile is not None:
            Path(outfile(docname)).unlink(missing_ok=True)
