"""The authoring directives: ``event``, ``session``, ``project``, ``release`` and ``editorial``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import roles
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.directives import ObjectDescription
from sphinx.util.docutils import SphinxDirective
from sphinx_design.badges_buttons import create_bdg_classes

from . import labels
from .dates import PartialDate, japanese_span
from .internals import label_owner
from .kinds import DIRECTIVES
from .log import warn
from .nodes import metadata_fields, summit_generated, summit_session_count, summit_session_meta
from .records import EventRecord, ProjectRecord, ReleaseRecord, label, object_anchor
from .status import badge, since_text
from .text import (
    is_iso_date,
    is_safe_url,
    is_valid_id,
    proposed_id,
    slugify,
    split_argument,
    split_links,
    split_list,
    split_options,
    split_status,
)

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.addnodes import desc_signature

    from .domain import SummitDomain


class _Declaration:
    """Shared option handling: values exactly as written, checked in ``run()``.

    No ``option_spec``: the option block reaches ``run()`` as the first content lines.
    """

    known_options: ClassVar[tuple[str, ...]] = ()
    list_options: ClassVar[tuple[str, ...]] = ()

    def read_options(self: Any) -> dict[str, str]:
        """Take the option block off the content; warn about what is wrong in it."""
        self.reclaim_rst_options()
        written, repeated, count = split_options(list(self.content))
        self.content = self.content[count:]
        self.content_offset += count
        for name in repeated:
            warn(f"option :{name}: given twice; the last value is used", "option", self.get_location())
        for name, value in written.items():
            if name in self.known_options and not value:
                warn(f"option :{name}: is empty", "option", self.get_location())
            if name not in self.known_options:
                allowed = ", ".join(f":{o}:" for o in self.known_options)
                warn(f"unknown option :{name}: of {{{self.name}}} (allowed: {allowed})", "option",
                     self.get_location())
        return {name: written[name] for name in self.known_options if name in written}

    def reclaim_rst_options(self: Any) -> None:
        """In a reST document the option lines arrive inside the argument: put them back in
        front of the content, where MyST leaves them, so both read the same block."""
        if not self.arguments:
            return
        argument, options = split_argument(self.arguments[-1])
        if not options:
            return
        self.arguments = [*self.arguments[:-1], *([argument] if argument else [])]
        source, _ = self.get_source_info()
        self.content = StringList(options, source) + self.content
        self.content_offset -= len(options)

    def read_list(self: Any, options: dict[str, str], name: str) -> tuple[str, ...]:
        items, empty = split_list(options.get(name, ""))
        if empty:
            warn(f"empty item in :{name}: (a doubled or trailing comma?)", "option", self.get_location())
        return tuple(items)

    def read_date(self: Any, options: dict[str, str], name: str) -> PartialDate | None:
        text = options.get(name, "")
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError as error:
            warn(f":{name}: {error}", "date", self.get_location())
            return None

    def read_id(self: Any, argument: str, what: str, fallback: str = "") -> str:
        """The declared id, or the proposed slug after a warning."""
        argument = argument.strip()
        if not argument:
            if fallback:
                return fallback
            warn(f"{{{self.name}}} needs an id argument", "id", self.get_location())
            return ""
        if is_valid_id(argument):
            return argument
        proposal = proposed_id(argument, what)
        warn(f"invalid {what} id {argument!r}: use lower-case ASCII letters, digits and hyphens, "
             f"e.g. {proposal!r}", "id", self.get_location())
        return proposal

    def summit_domain(self: Any) -> SummitDomain:
        return self.env.domains["summit"]


def metadata_field(name: str, *body: Node) -> nodes.field:
    field_name = nodes.field_name(name, name)
    paragraph = nodes.paragraph("", "", *body)
    return nodes.field("", field_name, nodes.field_body("", paragraph))


def xref(
    objtype: str, target: str, source: str | None, line: int | None, *, badge: bool, quiet: bool = False
) -> addnodes.pending_xref:
    """A link to a declared object; as a badge it shows the declared name, not the spelling used.

    ``quiet`` when another check already reports the name (an unknown parent).
    """
    classes = badge_classes(objtype) if badge else []
    ref = addnodes.pending_xref(
        "", nodes.inline(target, target, classes=classes),
        refdomain="summit", reftype=objtype, reftarget=target, refexplicit=False,
        refwarn=True, summit_canonical=badge, summit_quiet=quiet,
    )
    ref.source, ref.line = source, line
    return ref


def badge_classes(objtype: str) -> list[str]:
    """sphinx-design badge classes (HTML); LaTeX ignores what it has no macro for."""
    colour = "primary" if objtype == "project" else "info"
    return ["summit-badge", f"summit-badge-{objtype}", *create_bdg_classes(colour, outline=True)]


def status_nodes(status: tuple[str, str, str], source: str | None, line: int | None) -> list[Node]:
    """The state as a badge, from when (a date, or the release as a link), and the source."""
    state, since, url = status
    result: list[Node] = [badge(state)]
    if since:
        result.append(nodes.Text(" "))
        if is_iso_date(since):
            result.append(nodes.Text(since_text(since) + labels.SPAN))
        else:
            result += [xref("release", since, source, line, badge=False), nodes.Text(labels.SPAN)]
    if url:
        result += [nodes.Text(" "), nodes.reference(labels.STATUS_SOURCE, labels.STATUS_SOURCE, refuri=url)]
    return result


def link_nodes(urls: Iterable[str], location: Any = None) -> list[Node]:
    """URLs as links, each shown as its text; a URL of another scheme stays text.

    Warns at ``location`` about such a URL; without one (the page is being written, the
    warning was given when the source was read) it does not.
    """
    result: list[Node] = []
    for url in urls:
        if result:
            result.append(nodes.Text(" "))
        if is_safe_url(url):
            result.append(nodes.reference(url, url, refuri=url))
        else:
            if location is not None:
                warn(f"{url!r} is not an http(s) or mailto URL: shown as text, not linked", "option", location)
            result.append(nodes.Text(url))
    return result


def note_label(env: Any, name: str, title: str) -> None:
    """Register ``name`` as a titled std label, so ``{ref}`` and intersphinx work without us.

    A label held by another document is a duplicate id, which the catalog reports with both
    places; registering it again would only add Sphinx's vaguer warning.
    """
    owner = label_owner(env, name)
    if owner is not None and owner != env.docname:
        return
    env.domains.standard_domain.note_hyperlink_target(name, env.docname, name, title)


def joined(items: list[Node], separator: str = " ") -> list[Node]:
    result: list[Node] = []
    for item in items:
        if result:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


class EventDirective(_Declaration, SphinxDirective):
    """The event a chapter reports on: one per chapter, right under its title."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    known_options = ("name", "kind", "start", "end", "location", "cycle", "source")

    def run(self) -> list[Node]:
        options = self.read_options()
        ident = self.read_id(self.arguments[0] if self.arguments else "", "event")
        docname = self.env.docname
        chapters = self.config.summit_chapter_dirs
        if chapters and not any(docname.startswith(d.rstrip("/") + "/") for d in chapters):
            warn(f"event {ident!r} outside the chapter folders ({', '.join(chapters)})",
                 "structure", self.get_location())
        kind = options.get("kind", "")
        if kind and kind not in labels.KINDS:
            warn(f"unknown kind {kind!r} (one of: {', '.join(labels.KINDS)})", "option", self.get_location())
        start, end = self.read_date(options, "start"), self.read_date(options, "end")
        if start and end and end.last < start.first:
            warn(f"event ends ({end.iso()}) before it starts ({start.iso()})", "date", self.get_location())
        name = options.get("name") or ident

        domain = self.summit_domain()
        registered = False
        if ident and docname in domain.events:
            other = domain.events[docname]
            warn(f"second event {ident!r} in one chapter (the first is {other.id!r} at line "
                 f"{other.lineno}); it is shown but not registered", "structure", self.get_location())
        elif ident:
            domain.note_event(EventRecord(
                ident, docname, self.lineno, name, kind,
                start.iso() if start else "", end.iso() if end else "",
                options.get("location", ""), options.get("cycle", ""), options.get("source", ""),
            ))
            registered = True

        # Metadata blocks stay out of the search index: their labels would make every chapter a
        # hit for プロジェクト or 登壇者; names in them are found through their glossary entries.
        block = nodes.container(classes=["summit-event", "no-search"])
        self.set_source_info(block)
        heading = nodes.paragraph(classes=["summit-event-name"])
        if registered:
            target = nodes.target("", "", ids=[label("event", ident), object_anchor("event", ident)])
            heading += target
            note_label(self.env, label("event", ident), name)
            index = addnodes.index(entries=[("single", labels.index_entry(name, "event"), label("event", ident), "", None)])
            block += index
        heading += nodes.strong(name, name)
        block += heading

        fields = metadata_fields()
        span = japanese_span(start, end)
        if span:
            fields += metadata_field(labels.EVENT_FIELDS["dates"], nodes.Text(span))
        if options.get("location"):
            fields += metadata_field(labels.EVENT_FIELDS["location"], nodes.Text(options["location"]))
        if kind:
            fields += metadata_field(labels.EVENT_FIELDS["kind"], nodes.Text(labels.KINDS.get(kind, kind)))
        if options.get("cycle"):
            source, line = self.get_source_info()
            fields += metadata_field(labels.EVENT_FIELDS["cycle"], xref("release", options["cycle"], source, line, badge=True))
        if options.get("source"):
            fields += metadata_field(labels.EVENT_FIELDS["source"], *self.cite(options["source"]))
        fields += metadata_field(labels.EVENT_FIELDS["sessions"], summit_session_count("", "", event=ident))
        block += fields
        if self.content:
            warn("{event} takes no body; the text is kept after the event block", "content",
                 self.get_location())
            block += self.parse_content_to_nodes()
        return [block]

    def cite(self, key: str) -> list[Node]:
        """Cite through sphinxcontrib-bibtex's own role, so its domain sees the citation."""
        role, messages = roles.role("cite:p", self.state_machine.language, self.lineno, self.state.reporter)
        if role is None:
            return [nodes.Text(key)]
        result, problems = role("cite:p", f"{{cite:p}}`{key}`", key, self.lineno, self.state.inliner, {}, [])
        return [*result, *problems]


class SessionDirective(_Declaration, SphinxDirective):
    """Declares the enclosing section as a session; the collect pass binds and renders it."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    known_options = ("projects", "releases", "speakers", "track", "date", "links")

    def run(self) -> list[Node]:
        options = self.read_options()
        ident = self.read_id(self.arguments[0] if self.arguments else "", "session")
        date = self.read_date(options, "date")
        links = split_links(options.get("links", ""))
        meta = summit_session_meta(
            "",
            session=ident,
            projects=self.read_list(options, "projects"),
            releases=self.read_list(options, "releases"),
            speakers=self.read_list(options, "speakers"),
            track=options.get("track", ""),
            date=date.iso() if date else "",
            links=tuple(links),
        )
        self.set_source_info(meta)
        link_nodes(links, self.get_location())  # warns now; the block is built when written
        result: list[Node] = [meta]
        if self.content:
            warn("{session} takes no body; the text is kept after the session block", "content",
                 self.get_location())
            result += self.parse_content_to_nodes()
        return result


class _EntryDirective(_Declaration, ObjectDescription[str]):
    """A glossary or release entry: an object description with generated fields."""

    objtype: ClassVar[str]
    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {}
    ident: str = ""

    def run(self) -> list[Node]:
        # Registered under short names too: the desc node must still say it is ours.
        self.name = f"summit:{self.objtype}"
        return super().run()

    def get_signatures(self) -> list[str]:
        self.values = self.read_options()
        name = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not name:
            warn(f"{{{self.name}}} needs a name argument", "id", self.get_location())
        return [name] if name else []

    def handle_signature(self, sig: str, signode: desc_signature) -> str:
        signode += addnodes.desc_name(sig, sig)
        return sig

    def add_target_and_index(self, name: str, sig: str, signode: desc_signature) -> None:
        given = self.values.get("id", "")
        if given:
            ident = self.read_id(given, self.objtype)
        else:
            ident = slugify(name)
            if not ident or not name.isascii():
                ident = proposed_id(name, self.objtype)
                warn(f"{self.objtype} {name!r} is not ASCII: give it an :id: (e.g. {ident!r})",
                     "id", self.get_location())
        if not ident:
            return
        self.ident = ident
        anchor = label(self.objtype, ident)
        signode["ids"][:0] = [anchor, object_anchor(self.objtype, ident)]
        note_label(self.env, anchor, name)
        self.note(ident, name)
        self.indexnode["entries"].append(
            ("single", labels.index_entry(name, self.objtype), anchor, "", None))

    # No table-of-contents entry per glossary or release entry: hundreds of them would crowd the
    # page's contents and be copied into every page's navigation (a cost that grows with the book).
    def _object_hierarchy_parts(self, sig_node: desc_signature) -> tuple[str, ...]:
        return ()

    def _toc_entry_name(self, sig_node: desc_signature) -> str:
        return ""

    def note(self, ident: str, name: str) -> None:
        raise NotImplementedError

    def field(self, key: str, *body: Node) -> nodes.field:
        return metadata_field(self.field_labels[key], *body)

    def generated_field(self, key: str, kind: str) -> nodes.field:
        placeholder = summit_generated(kind=kind, target=self.ident)
        self.set_source_info(placeholder)
        field = nodes.field("", nodes.field_name("", self.field_labels[key]), nodes.field_body("", placeholder))
        return field


class ProjectDirective(_EntryDirective):
    objtype = "project"
    known_options = ("id", "aliases", "parent", "url", "status")
    field_labels = labels.PROJECT_FIELDS

    def get_signatures(self) -> list[str]:
        signatures = super().get_signatures()
        self.aliases = self.read_list(self.values, "aliases")  # read (and warned about) once
        self.status = self.read_status()
        return signatures

    def read_status(self) -> tuple[str, str, str]:
        status, problems = split_status(self.values.get("status", ""))
        for problem in problems:
            warn(problem, "option", self.get_location())
        state, since, source = status
        if since and is_iso_date(since) and self.read_date({"status": since}, "status") is None:
            since = ""  # an impossible date: warned about, not shown
        return (state, since, source) if state else ("", "", "")

    def note(self, ident: str, name: str) -> None:
        self.summit_domain().note_project(ProjectRecord(
            ident, self.env.docname, self.lineno, name,
            self.aliases, self.values.get("parent", ""), self.values.get("url", ""), self.status,
        ))

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        fields = metadata_fields()
        source, line = self.get_source_info()
        if self.status[0]:
            fields += self.field("status", *status_nodes(self.status, source, line))
        aliases = self.aliases
        if aliases:
            fields += self.field("aliases", nodes.Text("、".join(aliases)))
        if self.values.get("parent"):
            fields += self.field("parent", xref("project", self.values["parent"], source, line,
                                                badge=True, quiet=True))
        if self.values.get("url"):
            fields += self.field("url", *link_nodes([self.values["url"]], self.get_location()))
        if self.ident:
            fields += self.generated_field("children", "project-children")
            fields += self.generated_field("sessions", "project-sessions")
        content_node += fields


class ReleaseDirective(_EntryDirective):
    objtype = "release"
    known_options = ("id", "version", "released", "aliases")

    field_labels = labels.RELEASE_FIELDS

    def get_signatures(self) -> list[str]:
        signatures = super().get_signatures()
        self.released = self.read_date(self.values, "released")
        return signatures

    def note(self, ident: str, name: str) -> None:
        released = self.released
        self.summit_domain().note_release(ReleaseRecord(
            ident, self.env.docname, self.lineno, name, self.values.get("version", ""),
            released.iso() if released else "", self.read_list(self.values, "aliases"),
        ))

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        fields = metadata_fields()
        if self.values.get("version"):
            fields += self.field("version", nodes.Text(self.values["version"]))
        released = self.released
        if released:
            fields += self.field("released", nodes.Text(released.japanese()))
        if self.ident:
            fields += self.generated_field("events", "release-events")
            fields += self.generated_field("sessions", "release-sessions")
        content_node += fields


class EditorialDirective(SphinxDirective):
    """A block-level editor's note (an omitted photo, left-out blog chrome), shown as 編注."""

    has_content = True

    def run(self) -> list[Node]:
        note = nodes.admonition(classes=["summit-editorial"])
        self.set_source_info(note)
        note += nodes.title(labels.EDITORIAL, labels.EDITORIAL)
        note += self.parse_content_to_nodes()
        return [note]


class GeneratedDirective(SphinxDirective):
    """Book-wide content computed at write time: ``{summit-cards}``, ``{summit-overview}``,
    ``{summit-titlepage}`` (kinds.py lists them)."""

    has_content = False
    kinds: ClassVar[dict[str, str]] = DIRECTIVES

    def run(self) -> list[Node]:
        placeholder = summit_generated(kind=self.kinds[self.name], target="")
        self.set_source_info(placeholder)
        return [placeholder]
