"""Collect, then render: book-wide content is built when each page is resolved for writing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from . import fragments, labels
from sphinx_design.grids import gutter_option, row_columns_option
from sphinx_design.shared import create_component

from .dates import PartialDate, event_dates
from .directives import badge_classes, joined, link_nodes, metadata_field, xref
from .incremental import Sources
from .kinds import KINDS
from . import timeline
from .speakers import parse as speaker_parse
from .singlehtml import in_page
from .status import badge
from .nodes import metadata_fields, summit_deferred, summit_generated, summit_pageref, summit_session_meta
from .records import label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .catalog import Catalog
    from .domain import SummitDomain


class Renderer:
    """Builds the nodes of one page's generated content."""

    def __init__(self, builder: Builder, docname: str, catalog: Catalog) -> None:
        self.builder = builder
        self.docname = docname
        self.catalog = catalog
        self.paper = builder.format == "latex"

    def link(self, objtype: str, ident: str, text: str | None = None, page: bool = True) -> list[nodes.Node]:
        record = self.catalog.record(objtype, ident)
        text = text if text is not None else self.catalog.title(objtype, ident)
        inner = nodes.inline(text, text)
        try:
            ref = make_refnode(self.builder, self.docname, record.docname, label(objtype, ident), inner)
        except NoUri:
            return [inner]
        if "refuri" in ref:  # built after the post-transforms: the one-page fix is applied here too
            ref["refuri"] = in_page(ref["refuri"])
        result: list[nodes.Node] = [ref]
        if self.paper and page:
            result.append(summit_pageref(refdoc=record.docname, refid=label(objtype, ident)))
        return result

    def event_span(self, ident: str) -> str:
        return event_dates(self.catalog.events[ident])

    def sessions(self, session_ids: list[str]) -> list[nodes.Node]:
        """Sessions grouped by event in date order, each with its date; a count first."""
        total = nodes.paragraph("", labels.count(len(session_ids)), classes=["summit-count"])
        if not session_ids:
            return [total]
        groups = nodes.bullet_list(classes=["summit-backrefs"])
        for event, sids in self.catalog.sessions_by_event(session_ids):
            head = self.event_line(event) if event else nodes.paragraph("", labels.NO_EVENT)
            inner = nodes.bullet_list()
            for sid in sids:
                line = nodes.paragraph("", "", *self.link("session", sid))
                date = self.catalog.sessions[sid].date
                if date:
                    line += nodes.Text(labels.parenthesised(PartialDate.parse(date).japanese()))
                inner += nodes.list_item("", line)
            groups += nodes.list_item("", head, inner)
        return [total, groups]

    def badges(self, objtype: str, idents: list[str]) -> list[nodes.Node]:
        paragraph = nodes.paragraph()
        for ident in idents:
            if paragraph.children:
                paragraph += nodes.Text(" ")
            link = self.link(objtype, ident)
            if isinstance(link[0], nodes.reference):
                link[0].children[0]["classes"] = badge_classes(objtype)
            paragraph += link
        return [paragraph]

    def event_line(self, ident: str) -> nodes.paragraph:
        """An event's name, linked, with its dates."""
        line = nodes.paragraph("", "", *self.link("event", ident))
        span = self.event_span(ident)
        if span:
            line += nodes.Text(labels.parenthesised(span))
        return line

    def events(self, idents: list[str]) -> list[nodes.Node]:
        items = nodes.bullet_list()
        for ident in idents:
            items += nodes.list_item("", self.event_line(ident))
        return [items]

    def content(self, kind: str, target: str) -> list[nodes.Node] | None:
        """None removes the whole field: nothing to say."""
        return KINDS[kind].render(self, target)

    def cards(self) -> list[nodes.Node]:
        """One sphinx-design card per event, newest first, made of sphinx-design's own
        components (a grid of cards).  Web only: print and the e-book have the contents."""
        if self.builder.format != "html" or self.builder.name == "epub":
            return []
        row = create_component("grid-row", ["sd-row", *row_columns_option("1 1 2 2"), *gutter_option("3")])
        for ident in reversed(self.catalog.event_order):
            event = self.catalog.events[ident]
            title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
            title += nodes.paragraph("", "", *self.link("event", ident))
            body = create_component("card-body", ["sd-card-body"], children=[title])
            facts = [self.event_span(ident), event.location]
            body += nodes.paragraph("", labels.FACT_SEPARATOR.join(f for f in facts if f), classes=["sd-card-text"])
            line = nodes.paragraph(classes=["sd-card-text"])
            line += nodes.Text(labels.KINDS.get(event.kind, event.kind) or labels.KINDS["other"])
            cycle = self.catalog.resolve("release", event.cycle) if event.cycle else None
            if cycle:
                line += nodes.Text(labels.CARD_CYCLE)
                line += self.badges("release", [cycle])[0].children
            line += nodes.Text(labels.CARD_SEPARATOR + labels.sessions(len(self.catalog.event_sessions.get(ident, []))))
            body += line
            card = create_component("card", ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm",
                                             "summit-card"], children=[body])
            row += create_component("grid-item", ["sd-col", "sd-d-flex-row"], children=[card])
        return [create_component("grid-container", ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"],
                                 children=[row])]

    def uri(self, objtype: str, ident: str) -> str:
        record = self.catalog.record(objtype, ident)
        return in_page(f"{self.builder.get_relative_uri(self.docname, record.docname)}#{label(objtype, ident)}")

    def timeline(self) -> list[nodes.Node]:
        """Release cycles and events on a time axis (timeline.py): SVG on the web and in the
        e-book, TikZ in print, the list of events for the other builders."""
        catalog = self.catalog
        plan = timeline.layout(
            [(r.id, r.name, r.version, r.released) for r in catalog.releases.values()],
            [(e.id, e.name, e.start, e.end) for e in (catalog.events[i] for i in catalog.event_order)],
            timeline.print_label if self.paper else timeline.web_label)
        if plan is None:
            return []
        if self.paper:
            refs = {f"event:{ident}": rf"\detokenize{{{catalog.events[ident].docname}:{label('event', ident)}}}"
                    for ident in catalog.events}
            return [nodes.raw("", timeline.tikz(plan, refs, self.builder.config.latex_engine), format="latex")]
        if self.builder.format != "html" or self.builder.name in ("json", "pickle"):
            return self.events(catalog.event_order)
        href = {f"{objtype}:{ident}": self.uri(objtype, ident)
                for objtype in ("event", "release") for ident in catalog.table(objtype)}
        if self.builder.name == "epub":
            # An image file: inline SVG in XHTML would need a manifest property Sphinx does not write.
            image = Path(self.builder.outdir) / "_images" / "summit-timeline.svg"
            image.parent.mkdir(parents=True, exist_ok=True)
            image.write_text(timeline.svg(plan, {}, labels.TIMELINE, standalone=True), encoding="utf-8")
            uri = relative_uri(self.builder.get_target_uri(self.docname), "_images/summit-timeline.svg")
            return [nodes.image("", uri=uri, candidates={"*": uri}, alt=labels.TIMELINE, classes=["summit-timeline"]),
                    *self.events(catalog.event_order)]
        return [nodes.container("", nodes.raw("", timeline.svg(plan, href, labels.TIMELINE), format="html"),
                                classes=["summit-timeline"])]

    def finder(self) -> list[nodes.Node]:
        """Every session as a static list (complete without JavaScript); on the web, with the data
        summit-finder.js filters it by (embedded: works from any static host, even file://)."""
        catalog = self.catalog
        aliases = self.builder.config.summit_speaker_aliases
        organisations = self.builder.config.summit_organisations
        items = nodes.bullet_list(classes=["summit-finder-list"])
        records = []
        for sid in catalog.session_order:
            session = catalog.sessions[sid]
            event = catalog.events.get(session.event)
            line = nodes.paragraph("", "", *self.link("session", sid, page=False))
            when = PartialDate.parse(session.date).japanese() if session.date else ""
            context = labels.LIST_SEPARATOR.join(f for f in (event.name if event else "", when) if f)
            if context:
                line += nodes.Text(labels.parenthesised(context))
            projects = [catalog.title("project", p) for p in catalog.session_projects.get(sid, [])]
            releases = [catalog.title("release", r) for r in catalog.session_releases.get(sid, [])]
            facts = [f"{labels.SESSION_FIELDS['projects']}: {labels.LIST_SEPARATOR.join(projects)}" if projects else "",
                     f"{labels.SESSION_FIELDS['releases']}: {labels.LIST_SEPARATOR.join(releases)}" if releases else "",
                     labels.TRACKS.get(session.track, session.track) if session.track else "",
                     f"{labels.SESSION_FIELDS['speakers']}: {labels.LIST_SEPARATOR.join(session.speakers)}"
                     if session.speakers else ""]
            shown = labels.CARD_SEPARATOR.join(f for f in facts if f)
            item = nodes.list_item("", line, ids=[f"finder-{sid}"])
            if shown:
                item += nodes.paragraph("", shown, classes=["summit-finder-facts"])
            items += item
            speakers = [speaker_parse(s, aliases) for s in session.speakers]
            records.append({
                "id": sid, "event": session.event, "track": session.track,
                "projects": catalog.session_projects.get(sid, []), "releases": catalog.session_releases.get(sid, []),
                "speakers": sorted({n for s in speakers for n in (s.name, s.organisation) if n}),
                "text": " ".join([session.title, context, shown]).lower(),
            })
        if self.builder.format != "html" or self.builder.name in ("epub", "json", "pickle"):
            return [items]
        within = {}
        for pid in catalog.projects:
            chain, node = [pid], catalog.parents.get(pid)
            while node is not None and node not in chain:
                chain.append(node)
                node = catalog.parents.get(node)
            within[pid] = chain
        used_projects = sorted({p for r in records for p in r["projects"]}, key=catalog.project_key)
        data = {
            "sessions": records, "within": within,
            "options": {
                "event": [[e, catalog.events[e].name] for e in catalog.event_order],
                "project": [[p, catalog.title("project", p)] for p in
                            sorted({a for p in used_projects for a in within[p]}, key=catalog.project_key)],
                "release": [[r, catalog.title("release", r)] for r in
                            sorted({r for rec in records for r in rec["releases"]},
                                   key=lambda r: (catalog.releases[r].released or "9999", r))],
                "track": [[t, labels.TRACKS.get(t, t)] for t in sorted({r["track"] for r in records if r["track"]})],
                "speaker": [[s.name, s.name] for s in catalog.speakers(aliases, organisations)],
            },
            "ui": labels.FINDER_UI,
        }
        script = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
        return [nodes.raw("", f'<script type="application/json" id="summit-finder-data">{script}</script>',
                          format="html"), items]

    def title_page(self) -> list[nodes.Node]:
        """The e-book's title page, as the booklet's: edition, author and the events inside."""
        config = self.builder.config
        return [
            nodes.paragraph("", config.release, classes=["summit-edition"]),
            nodes.paragraph("", config.author, classes=["summit-author"]),
            nodes.rubric("", labels.EVENTS_INSIDE),
            *self.events(self.catalog.event_order),
        ]

    def overview(self) -> list[nodes.Node]:
        """Projects x events: how many sessions of each event concern each project."""
        catalog = self.catalog
        events = catalog.event_order
        columns = len(events) + 2
        table = nodes.table(classes=["summit-overview", "longtable"])
        group = nodes.tgroup(cols=columns)
        table += group
        group += nodes.colspec(colwidth=30)
        for _ in range(columns - 1):
            group += nodes.colspec(colwidth=10)
        head = nodes.row()
        head += nodes.entry("", nodes.paragraph("", labels.OBJECT_TYPES["project"]))
        for number, ident in enumerate(events, start=1):
            cell = nodes.paragraph()
            # Print numbers the columns (names do not fit a narrow column) and adds a legend.
            cell += self.link("event", ident, str(number) if self.paper else catalog.events[ident].name, page=False)
            head += nodes.entry("", cell)
        head += nodes.entry("", nodes.paragraph("", labels.TOTAL))
        group += nodes.thead("", head)
        body = nodes.tbody()
        per_event = {ident: set(catalog.event_sessions.get(ident, [])) for ident in events}
        for pid in sorted(catalog.project_sessions, key=catalog.project_key):
            sessions = catalog.project_sessions[pid]
            row = nodes.row()
            name = nodes.paragraph("", "", *self.link("project", pid, page=False))
            state = catalog.projects[pid].status[0]
            if state and state != "active":  # what became of it, beside the name
                name += [nodes.Text(" "), badge(state)]
            row += nodes.entry("", name)
            for ident in events:
                n = sum(1 for sid in sessions if sid in per_event[ident])
                row += nodes.entry("", nodes.paragraph("", "", *(self.link("project", pid, str(n), page=False) if n else [])))
            row += nodes.entry("", nodes.paragraph("", str(len(sessions))))
            body += row
        group += body
        if not self.paper:
            return [table]
        # Print: a wider first column for the names; equal narrow ones for the counts.
        share = f"{0.64 / (columns - 1):.3f}"
        spec = r"|\Y{0.32}|" + "".join(rf"\Y{{{share}}}|" for _ in range(columns - 1))
        legend = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for ident in events:
            legend += nodes.list_item("", self.event_line(ident))
        return [legend, addnodes.tabular_col_spec(spec=spec), table]


def _unsearchable(content: list[nodes.Node]) -> list[nodes.Node]:
    """Generated lists repeat what other pages say: keep them out of the search index
    (hits on the glossary for every session title would bury the session itself)."""
    for node in content:
        if isinstance(node, nodes.Element):
            node["classes"].append("no-search")
    return content


#: Generated content that grows with the book: lists with a few nodes per session.
DEFERRED = frozenset(kind.name for kind in KINDS.values() if kind.deferred)


def resolve_generated(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain: SummitDomain = app.env.domains["summit"]
    renderer: Renderer | None = None
    defer = app.builder.format == "html"
    for node in list(doctree.findall(summit_generated)):
        if defer and node["kind"] in DEFERRED:
            # Built while the page is written, one list at a time: a glossary holding every
            # list as nodes at once costs more memory than all the text it shows.
            node.replace_self(summit_deferred(kind=node["kind"], target=node["target"], docname=docname))
            continue
        if renderer is None:
            renderer = Renderer(app.builder, docname, domain.catalog)
        content = renderer.content(node["kind"], node["target"])
        field = node.parent.parent if isinstance(node.parent, nodes.field_body) else None
        if content is None and field is not None:
            field.parent.remove(field)
        else:
            node.replace_self(_unsearchable(content or []))


def visit_deferred(translator: nodes.NodeVisitor, node: summit_deferred) -> None:
    """Write the list kept from the last build if its inputs are the same (fragments.py); otherwise
    fill the node for the writer to walk, and ``depart_deferred`` keeps what it wrote."""
    builder = translator.builder  # type: ignore[attr-defined]
    catalog = builder.env.domains["summit"].catalog
    cache = fragments.of(builder)
    if cache.sources is None or cache.sources.catalog is not catalog:
        cache.sources = Sources(catalog)
    kind, target, page = node["kind"], node["target"], node["docname"]
    # What the list is made of, and the writer's state where it starts (HTML writers make a
    # paragraph compact or not from the enclosing list's state).
    made_of = (kind, target, KINDS[kind].depends(cache.sources, target), type(translator).__qualname__,
               getattr(translator, "compact_simple", None), getattr(translator, "compact_field_list", None),
               getattr(translator, "compact_p", None))
    node["key"] = fragments.key(*made_of)
    kept = cache.get(page, node["key"])
    if kept is not None:
        translator.body.append(kept)  # type: ignore[attr-defined]
        raise nodes.SkipNode
    node["start"] = len(translator.body)  # type: ignore[attr-defined]
    renderer = Renderer(builder, page, catalog)
    node.extend(_unsearchable(renderer.content(kind, target) or []))


def depart_deferred(translator: nodes.NodeVisitor, node: summit_deferred) -> None:
    """Keep what was written, and let the page hold that one string; empty the node again,
    freeing the written nodes at once.

    Parent links make every node tree a reference cycle, which only the garbage collector's
    rare full passes would reclaim: the glossary's lists would pile up until the page is done.
    """
    body: list[str] = translator.body  # type: ignore[attr-defined]
    html = "".join(body[node["start"]:])
    body[node["start"]:] = [html]  # one string for the page too: not thousands of small ones
    fragments.of(translator.builder).put(node["docname"], node["key"], html)  # type: ignore[attr-defined]
    for child in node.findall(include_self=False):
        child.parent = None
    node.children = []


class SessionMetadata(SphinxPostTransform):
    """The metadata block under each session heading, built as the page is written.

    Read doctrees wait in memory until the writing phase: as one ``summit_session_meta`` node
    a session costs little there, where its field list would be some thirty nodes.  Runs before
    Sphinx resolves references (priority 10), so the badges resolve, and warn, as any link.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for meta in list(self.document.findall(summit_session_meta)):
            meta.replace_self(session_metadata(meta))


def session_metadata(meta: summit_session_meta) -> nodes.container:
    """The block, from standard nodes only; kept out of the search index like every metadata block."""
    block = nodes.container(classes=["summit-session", "no-search"])
    fields = metadata_fields()
    source, line = meta.source, meta.line
    for key in ("projects", "releases"):
        if meta[key]:
            badges = [xref(key[:-1], name, source, line, badge=True) for name in meta[key]]
            fields += metadata_field(labels.SESSION_FIELDS[key], *joined(badges))
    if meta["speakers"]:
        fields += metadata_field(labels.SESSION_FIELDS["speakers"], nodes.Text("、".join(meta["speakers"])))
    if meta["track"]:
        fields += metadata_field(labels.SESSION_FIELDS["track"],
                                 nodes.Text(labels.TRACKS.get(meta["track"], meta["track"])))
    if meta["date"]:
        fields += metadata_field(labels.SESSION_FIELDS["date"],
                                 nodes.Text(PartialDate.parse(meta["date"]).japanese()))
    if meta["links"]:
        fields += metadata_field(labels.SESSION_FIELDS["links"], *link_nodes(meta["links"]))
    if fields.children:
        block += fields
    block.source, block.line = source, line
    return block
