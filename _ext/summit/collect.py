"""After parsing: bind each ``{session}`` to its section and record what the document declares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import clean_astext

from . import labels
from .dates import PartialDate, within
from .directives import note_label
from .log import warn
from .descriptions import first_sentence, prose
from .persistence import keep_read_warnings
from .nodes import summit_generated, summit_session_count, summit_session_meta
from .records import SessionRecord, label, object_anchor

if TYPE_CHECKING:
    from .domain import SummitDomain


def section_title(section: nodes.section) -> str:
    """The heading as a reader sees it, without editorial notes."""
    title = section.next_node(nodes.title)
    if title is None:
        return ""
    parts = [
        node.astext() for node in title.findall(nodes.Text)
        if not any("summit-ednote" in a.get("classes", ()) for a in _ancestors(node, title))
    ]
    return " ".join("".join(parts).split())


def _ancestors(node: nodes.Node, stop: nodes.Node) -> list[nodes.Element]:
    result = []
    parent = node.parent
    while parent is not None and parent is not stop:
        result.append(parent)
        parent = parent.parent
    return result


class CollectSessions(SphinxTransform):
    """Runs before Sphinx's domain processing (850) so index nodes and ids are in place."""

    default_priority = 400

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        domain: SummitDomain = self.env.domains["summit"]
        event = domain.events.get(docname)
        sessions: dict[nodes.section, SessionRecord] = {}
        refs: set[tuple[str, str]] = set()
        for meta in list(self.document.findall(summit_session_meta)):
            # The block itself is built when the page is written (render.SessionMetadata):
            # until then the doctree keeps one node per session, not a field list of nodes.
            bound = self.bind(meta, event.id if event else "", sessions)
            if bound is not None:
                sessions[bound[1]] = bound[0]
            refs.update((key[:-1], name) for key in ("projects", "releases") for name in meta[key])

        # Names given by roles inside a session's section concern that session.
        mentions: dict[str, dict[str, list[str]]] = {}
        for ref in self.document.findall(addnodes.pending_xref):
            if ref.get("refdomain") != "summit":
                continue
            refs.add((ref["reftype"], ref["reftarget"]))
            if ref["reftype"] not in ("project", "release") or ref.get("summit_canonical"):
                continue
            section = _session_section(ref, sessions)
            if section is not None:
                by_type = mentions.setdefault(sessions[section].id, {})
                by_type.setdefault(ref["reftype"], []).append(ref["reftarget"])

        records = []
        for section, record in sessions.items():
            mentioned = mentions.get(record.id, {})
            others = {other for other in sessions if other is not section}
            records.append(record._replace(
                mentioned_projects=tuple(mentioned.get("project", ())),
                mentioned_releases=tuple(mentioned.get("release", ())),
                summary=first_sentence(prose(section, others)),
            ))
        self.summarise_projects(domain, docname)
        for counter in list(self.document.findall(summit_session_count)):
            counter.replace_self(nodes.Text(labels.sessions(len(records))))
        shown = {(node["kind"], node["target"]) for node in self.document.findall(summit_generated)}
        domain.set_document(docname, records, refs, shown)
        if records and event is None:
            first = records[0]
            warn(f"{len(records)} session(s) in a document without an {{event}} (first: {first.id!r})",
                 "structure", (docname, first.lineno))
        keep_read_warnings(self.env, docname)  # the last of this document's read-time warnings

    def summarise_projects(self, domain: SummitDomain, docname: str) -> None:
        """The first sentence of each project's definition, now that its content is parsed."""
        projects = domain.projects.get(docname)
        if not projects:
            return
        summaries = {}
        for desc in self.document.findall(addnodes.desc):
            if desc.get("domain") != "summit" or desc.get("objtype") != "project":
                continue
            signature = desc.next_node(addnodes.desc_signature)
            content = desc.next_node(addnodes.desc_content)
            ids = signature["ids"] if signature is not None else []
            for record in projects:
                if label("project", record.id) in ids and content is not None:
                    summaries[record.id] = first_sentence(prose(content))
        domain.projects[docname] = [r._replace(summary=summaries.get(r.id, r.summary)) for r in projects]

    def bind(
        self, meta: summit_session_meta, event: str, bound: dict[nodes.section, SessionRecord]
    ) -> tuple[SessionRecord, nodes.section] | None:
        ident = meta["session"]
        location = meta
        section = meta.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        if not ident:
            return None
        if section is None:
            warn(f"session {ident!r} is outside any section: put it under its own heading",
                 "structure", location)
            return None
        if isinstance(section.parent, nodes.document):
            warn(f"session {ident!r} is directly under the chapter title: give it its own heading",
                 "structure", location)
            return None
        if section in bound:
            warn(f"second session {ident!r} in the section of {bound[section].id!r}: "
                 "each session needs its own heading", "structure", location)
            return None
        for other in bound.values():
            if other.id == ident:
                warn(f"duplicate session id {ident!r}: also declared at line {other.lineno}",
                     "duplicate", location)
                return None

        heading = section.next_node(nodes.title)
        for raw in list(heading.findall(nodes.raw)) if heading is not None else ():
            # A session title is text: markup the author typed (<img ...>) is shown, not run.
            raw.replace_self(nodes.Text(raw.astext()))
        title = section_title(section)
        if not title:
            # An empty heading (``## #`` in CommonMark) would give the session no name: indices,
            # back-references and objects.inv need one, and a wiki cannot link a blank.
            warn(f"session {ident!r} has an empty heading: its id is shown as its title",
                 "structure", location)
            title = ident
        if meta["date"] and event:
            record = self.env.domains["summit"].events[self.env.docname]
            start = PartialDate.parse(record.start) if record.start else None
            end = PartialDate.parse(record.end) if record.end else None
            if (start or end) and not within(PartialDate.parse(meta["date"]), start, end):
                warn(f"session date {meta['date']} is outside its event "
                     f"({record.start or '?'} to {record.end or record.start})", "date", location)

        anchor = label("session", ident)
        for stable in (anchor, object_anchor("session", ident)):
            other = self.document.ids.get(stable)
            if other is not None and other is not section:
                # A plain heading whose automatic id happens to be ours gives it up.
                other["ids"].remove(stable)
                if not other["ids"]:
                    self.document.set_id(other)
            self.document.ids[stable] = section
        section["ids"][:0] = [i for i in (anchor, object_anchor("session", ident)) if i not in section["ids"]]
        note_label(self.env, anchor, title)
        # One entry: listing the sessions again under their event would repeat the chapter's contents.
        index = addnodes.index(entries=[("single", labels.index_entry(title, "session"), anchor, "", None)])
        title_node = section.next_node(nodes.title)
        section.insert(section.index(title_node) + 1 if title_node else 0, index)

        return SessionRecord(
            ident, self.env.docname, meta.line or 0, title, event,
            meta["projects"], meta["releases"], meta["speakers"], meta["track"], meta["date"],
            meta["links"], (), (),
        ), section


def _session_section(node: nodes.Node, sessions: dict[nodes.section, SessionRecord]) -> nodes.section | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and parent in sessions:
            return parent
        parent = parent.parent
    return None


def name_blank_titles(app: object, doctree: nodes.document) -> None:
    """A page titled with blanks or markup only (``# 　``, ``# <b>``) would enter objects.inv with a blank name,
    which inventory readers misparse: give it Sphinx's own placeholder for untitled pages."""
    env = doctree.settings.env
    docname = env.docname
    for titles in (env.titles, env.longtitles):
        title = titles.get(docname)
        if title is not None and not clean_astext(title).strip():  # what objects.inv will carry
            titles[docname] = nodes.title("", "<no title>")
