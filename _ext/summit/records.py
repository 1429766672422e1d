"""What the domain stores per document: plain, picklable records."""

from __future__ import annotations

from typing import NamedTuple


class EventRecord(NamedTuple):
    id: str
    docname: str
    lineno: int
    name: str
    kind: str
    start: str
    end: str
    location: str
    cycle: str
    source: str


class SessionRecord(NamedTuple):
    id: str
    docname: str
    lineno: int
    title: str
    event: str
    projects: tuple[str, ...]
    releases: tuple[str, ...]
    speakers: tuple[str, ...]
    track: str
    date: str
    links: tuple[str, ...]
    #: names given through ``{project}``/``{release}`` roles inside the session's section
    mentioned_projects: tuple[str, ...]
    mentioned_releases: tuple[str, ...]
    #: the first sentence of the session's own text, for link previews (descriptions.py)
    summary: str = ""


class ProjectRecord(NamedTuple):
    id: str
    docname: str
    lineno: int
    name: str
    aliases: tuple[str, ...]
    parent: str
    url: str
    #: (state, since, source URL): what became of the project; ("", "", "") when not known
    status: tuple[str, str, str] = ("", "", "")
    #: the first sentence of its definition, for link previews (descriptions.py)
    summary: str = ""


class ReleaseRecord(NamedTuple):
    id: str
    docname: str
    lineno: int
    name: str
    version: str
    released: str
    aliases: tuple[str, ...]


Record = EventRecord | SessionRecord | ProjectRecord | ReleaseRecord

#: objtype -> (std label prefix, anchor of the domain object)
ANCHOR_PREFIX = {"event": "event-", "session": "session-", "project": "project-", "release": "release-"}


def label(objtype: str, ident: str) -> str:
    """The stable HTML id and std label: ``session-<id>``."""
    return ANCHOR_PREFIX[objtype] + ident


def object_anchor(objtype: str, ident: str) -> str:
    """The domain object's anchor, a second id on the same element.

    Sphinx's search index shortens an anchor of the form ``<objtype>-<name>`` and rebuilds it
    in the browser from the *display* name, which for a Japanese title points nowhere.
    """
    return "summit-" + label(objtype, ident)
