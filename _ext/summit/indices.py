"""Domain indices: per project and per release, the sessions that concern it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from . import labels
from .dates import PartialDate
from .records import label
from .status import status_text

if TYPE_CHECKING:
    from .catalog import Catalog


def _session_rows(catalog: Catalog, session_ids: Iterable[str], docnames: set[str] | None) -> list[IndexEntry]:
    rows = []
    for sid in session_ids:
        session = catalog.sessions[sid]
        if docnames is not None and session.docname not in docnames:
            continue
        event = catalog.events.get(session.event)
        when = PartialDate.parse(session.date).japanese() if session.date else ""
        rows.append(IndexEntry(session.title, 2, session.docname, label("session", sid), when, "",
                               event.name if event else ""))
    return rows


class ProjectIndex(Index):
    """Every project by name, each with its session count and then every session that concerns it."""

    name = "projects"
    localname = labels.PROJECT_INDEX
    shortname = labels.PROJECT_INDEX

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        catalog: Catalog = self.domain.catalog  # type: ignore[attr-defined]
        wanted = set(docnames) if docnames is not None else None
        content: dict[str, list[IndexEntry]] = {}
        for pid in sorted(catalog.projects, key=catalog.project_key):
            project = catalog.projects[pid]
            sessions = _session_rows(catalog, catalog.project_sessions.get(pid, ()), wanted)
            entries = content.setdefault(project.name[:1].upper(), [])
            entries.append(IndexEntry(project.name, 1 if sessions else 0, project.docname,
                                      label("project", pid), status_text(project.status), "",
                                      labels.sessions(len(sessions))))
            entries.extend(sessions)
        return sorted(content.items()), True


class ReleaseIndex(Index):
    """Per release series, in release order, the sessions that name it."""

    name = "releases"
    localname = labels.RELEASE_INDEX
    shortname = labels.RELEASE_INDEX

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        catalog: Catalog = self.domain.catalog  # type: ignore[attr-defined]
        wanted = set(docnames) if docnames is not None else None
        content: list[tuple[str, list[IndexEntry]]] = []

        def order(rid: str) -> tuple[str, str]:
            return (catalog.releases[rid].released or "9999", rid)

        for rid in sorted(catalog.releases, key=order):
            release = catalog.releases[rid]
            sessions = _session_rows(catalog, catalog.release_sessions.get(rid, ()), wanted)
            extra = release.version or ""
            row = IndexEntry(release.name, 1 if sessions else 0, release.docname, label("release", rid),
                             extra, "", labels.count(len(sessions)))
            content.append((release.name, [row, *sessions]))
        return content, False


class SpeakerIndex(Index):
    """Every person and organisation who presented, with their sessions (rules in speakers.py).

    A row links to the entry's first session: people have no page of their own, and LaTeX drops
    index rows without a target.
    """

    name = "speakers"
    localname = labels.SPEAKER_INDEX
    shortname = labels.SPEAKER_INDEX

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        catalog: Catalog = self.domain.catalog  # type: ignore[attr-defined]
        aliases = self.domain.env.config.summit_speaker_aliases
        wanted = set(docnames) if docnames is not None else None
        content: dict[str, list[IndexEntry]] = {}
        for entry in catalog.speakers(aliases, self.domain.env.config.summit_organisations):
            sessions = _session_rows(catalog, entry.sessions, wanted)
            if not sessions:
                continue
            first = catalog.sessions[entry.sessions[0]]
            initial = entry.name[:1].upper()
            group = initial if initial.isascii() and initial.isalpha() else labels.NON_LATIN_GROUP
            extra = labels.ORGANISATION if entry.is_organisation else entry.organisation
            content.setdefault(group, []).append(IndexEntry(
                entry.name, 1, first.docname, label("session", first.id), extra, "",
                labels.sessions(len(sessions))))
            content[group].extend(sessions)
        latin = sorted((k, v) for k, v in content.items() if k != labels.NON_LATIN_GROUP)
        other = [(labels.NON_LATIN_GROUP, content[labels.NON_LATIN_GROUP])] if labels.NON_LATIN_GROUP in content else []
        return latin + other, True
