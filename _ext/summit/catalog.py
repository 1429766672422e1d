"""The book-wide view derived from the per-document records, computed once per build.

Every cross-document question (which sessions concern a project, which events a release
served, which name an alias stands for) is answered from here in O(1) after one linear pass.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from .dates import PartialDate
from .records import EventRecord, ProjectRecord, ReleaseRecord, SessionRecord
from .speakers import SpeakerEntry
from .speakers import entries as speaker_entries
from .text import fold

Problem = tuple[str, str, tuple[str, int]]  # message, subtype, (docname, line)


def _date_key(text: str) -> tuple[int, Any]:
    try:
        return (0, PartialDate.parse(text).first)
    except ValueError:
        return (1, None)


class Catalog:
    """Lookups over all declarations; ``problems`` holds the cross-document mistakes found."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.problems: list[Problem] = []
        #: speakers index per alias setting (speakers()), made on first use
        self._speakers: tuple[tuple[Any, ...], list[SpeakerEntry]] | None = None
        self.events: dict[str, EventRecord] = {}
        self.sessions: dict[str, SessionRecord] = {}
        self.projects: dict[str, ProjectRecord] = {}
        self.releases: dict[str, ReleaseRecord] = {}
        # Sorted docnames: a parallel read merges in any order, the output must not depend on it.
        for docname in sorted(data["events"]):
            self._add("event", self.events, [data["events"][docname]])
        for docname in sorted(data["projects"]):
            self._add("project", self.projects, data["projects"][docname])
        for docname in sorted(data["releases"]):
            self._add("release", self.releases, data["releases"][docname])
        for docname in sorted(data["sessions"]):
            self._add("session", self.sessions, data["sessions"][docname])

        self.project_names = self._names("project", self.projects.values())
        self.release_names = self._names("release", self.releases.values())

        self.event_order = sorted(
            self.events, key=lambda i: (_date_key(self.events[i].start), self.events[i].docname, i)
        )
        rank = {ident: n for n, ident in enumerate(self.event_order)}
        self.event_sessions: dict[str, list[str]] = defaultdict(list)
        self.project_sessions: dict[str, list[str]] = defaultdict(list)
        self.release_sessions: dict[str, list[str]] = defaultdict(list)
        ordered = sorted(
            self.sessions.values(),
            key=lambda s: (rank.get(s.event, len(rank)), s.docname, s.lineno),
        )
        self.session_order = [s.id for s in ordered]
        #: per session, the projects and releases it concerns (declared or mentioned), in order
        self.session_projects: dict[str, list[str]] = {}
        self.session_releases: dict[str, list[str]] = {}
        for session in ordered:
            self.event_sessions[session.event].append(session.id)
            pids = self.session_projects[session.id] = self._resolve_all(
                self.project_names, session.projects + session.mentioned_projects)
            for pid in pids:
                self.project_sessions[pid].append(session.id)
            rids = self.session_releases[session.id] = self._resolve_all(
                self.release_names, session.releases + session.mentioned_releases)
            for rid in rids:
                self.release_sessions[rid].append(session.id)

        self.release_events: dict[str, list[str]] = defaultdict(list)
        for ident in self.event_order:
            rid = self.release_names.get(fold(self.events[ident].cycle))
            if rid:
                self.release_events[rid].append(ident)

        self.parents: dict[str, str] = {}
        self.children: dict[str, list[str]] = defaultdict(list)
        self._link_parents()

    # -- building ---------------------------------------------------------------------

    def _add(self, objtype: str, table: dict[str, Any], records: Iterable[Any]) -> None:
        for record in records:
            other = table.get(record.id)
            if other is None:
                table[record.id] = record
                continue
            self.problems.append((
                f"duplicate {objtype} id {record.id!r}: also declared at "
                f"{other.docname}:{other.lineno}",
                "duplicate",
                (record.docname, record.lineno),
            ))

    def _names(self, objtype: str, records: Iterable[ProjectRecord | ReleaseRecord]) -> dict[str, str]:
        names: dict[str, str] = {}
        owners: dict[str, tuple[str, str]] = {}  # folded -> (id, what it is of that entry)
        records = list(records)
        # Ids and names first, so an alias never shadows another entry's own name.
        for what in ("id", "name", "alias"):
            for record in records:
                values = (record.id,) if what == "id" else (record.name,) if what == "name" else record.aliases
                for value in values:
                    key = fold(value)
                    if not key:
                        continue
                    owner = owners.get(key)
                    if owner is None:
                        owners[key] = (record.id, what)
                        names[key] = record.id
                    elif owner[0] != record.id:
                        other = self.projects.get(owner[0]) if objtype == "project" else self.releases.get(owner[0])
                        where = f"{other.docname}:{other.lineno}" if other else "?"
                        self.problems.append((
                            f"{objtype} {what} {value!r} of {record.name!r} is already the "
                            f"{owner[1]} of {other.name if other else owner[0]!r} ({where})",
                            "alias" if what == "alias" else "duplicate",
                            (record.docname, record.lineno),
                        ))
        return names

    @staticmethod
    def _resolve_all(names: Mapping[str, str], wanted: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(ident for ident in map(names.get, map(fold, wanted)) if ident))

    def _link_parents(self) -> None:
        for project in self.projects.values():
            if not project.parent:
                continue
            pid = self.project_names.get(fold(project.parent))
            if pid is None:
                self.problems.append((
                    f"unknown parent {project.parent!r} of project {project.name!r}"
                    + self.hint("project", project.parent),
                    "parent",
                    (project.docname, project.lineno),
                ))
            elif pid == project.id:
                self.problems.append((
                    f"project {project.name!r} is its own parent", "parent",
                    (project.docname, project.lineno),
                ))
            else:
                self.parents[project.id] = pid
        for start in sorted(self.parents):
            seen = [start]
            node = self.parents.get(start)
            while node is not None and node not in seen:
                seen.append(node)
                node = self.parents.get(node)
            if node == start:
                cycle = " -> ".join(self.projects[i].name for i in [*seen, start])
                project = self.projects[start]
                self.problems.append((
                    f"parent cycle: {cycle}", "parent", (project.docname, project.lineno)
                ))
        for pid in sorted(self.parents, key=self.project_key):
            if not self._in_cycle(pid):
                self.children[self.parents[pid]].append(pid)

    def _in_cycle(self, start: str) -> bool:
        seen = {start}
        node = self.parents.get(start)
        while node is not None:
            if node in seen:
                return True
            seen.add(node)
            node = self.parents.get(node)
        return False

    # -- lookups ----------------------------------------------------------------------

    def resolve(self, objtype: str, name: str) -> str | None:
        """The id that ``name`` (id, name or alias, any case) stands for."""
        if objtype == "project":
            return self.project_names.get(fold(name))
        if objtype == "release":
            return self.release_names.get(fold(name))
        table = self.sessions if objtype == "session" else self.events
        ident = name.strip().lower()
        return ident if ident in table else None

    def table(self, objtype: str) -> dict[str, Any]:
        """The objtype -> table mapping, in one place."""
        return {"event": self.events, "session": self.sessions,
                "project": self.projects, "release": self.releases}[objtype]

    def tables(self) -> list[tuple[str, dict[str, Any]]]:
        """Every objtype with its table, in the order the book lists them."""
        return [(objtype, self.table(objtype)) for objtype in ("event", "session", "project", "release")]

    def speakers(self, aliases: Mapping[str, str], organisations: Iterable[str] = ()) -> list[SpeakerEntry]:
        """Every person and organisation who presented, with their sessions (speakers.py)."""
        key = (tuple(sorted(aliases.items())), tuple(organisations))
        cached = self._speakers
        if cached is None or cached[0] != key:
            found = speaker_entries(((sid, self.sessions[sid].speakers) for sid in self.session_order), aliases,
                                    organisations)
            self._speakers = cached = (key, found)
        return cached[1]

    def project_key(self, pid: str) -> tuple[str, str]:
        """How projects are listed everywhere (overview, export, sub-projects): by folded name."""
        return (fold(self.projects[pid].name), pid)

    def record(self, objtype: str, ident: str) -> Any:
        return self.table(objtype).get(ident)

    def title(self, objtype: str, ident: str) -> str:
        """The display name: never blank (objects.inv cannot carry a blank name; readers need one)."""
        record = self.record(objtype, ident)
        return " ".join((record.title if objtype == "session" else record.name).split()) or ident

    def hint(self, objtype: str, name: str) -> str:
        """`` (did you mean ...?)`` with the closest declared names, or nothing."""
        if objtype in ("project", "release"):
            records = self.projects if objtype == "project" else self.releases
            keys = self.project_names if objtype == "project" else self.release_names
            shown = {key: records[ident].name for key, ident in keys.items() if ident in records}
        else:
            table = self.sessions if objtype == "session" else self.events
            shown = {ident: ident for ident in table}
        close = difflib.get_close_matches(fold(name), list(shown), n=3, cutoff=0.6)
        names = list(dict.fromkeys(shown[key] for key in close))
        return f" (did you mean {', '.join(repr(n) for n in names)}?)" if names else ""

    def sessions_by_event(self, session_ids: Iterable[str]) -> list[tuple[str, list[str]]]:
        """Group session ids (already in book order) by event, events in date order."""
        groups: dict[str, list[str]] = {}
        for sid in session_ids:
            groups.setdefault(self.sessions[sid].event, []).append(sid)
        return list(groups.items())
