"""Atom feeds and a sitemap, for the site builders (export.py writes them with the manifest).

- ``feeds/book.atom``: one entry per chapter, newest event first (its dates, place, kind and
  session count as the summary);
- ``feeds/p/<id>.atom``: one per project, its sessions, newest first;
- ``sitemap.xml``: every page, only when ``html_baseurl`` is set (a sitemap must give absolute
  URLs).

Links are absolute with ``html_baseurl`` (``SUMMIT_BASEURL``), otherwise relative to the feed's own
URL (RFC 4287 resolves them against the document).  Ids are ``urn:uuid:`` names derived from the
book's identifier and the object's id, so they never change with the address the book is served
from.  Nothing depends on the time of the build: ``updated`` is the newest date the entries
carry, or SOURCE_DATE_EPOCH when no entry has a date.  Written by hand, after ablog's feeds
(``ablog/post.py``): sphinx-sitemap writes into every builder's output (the e-book included)
and warns without ``html_baseurl``, which ``-W`` turns into a failed build.
"""

from __future__ import annotations

import os
import time
import uuid
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from sphinx.util.osutil import relative_uri

from . import labels
from .dates import PartialDate, event_dates
from .records import label

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder

    from .catalog import Catalog

BOOK_FEED = "feeds/book.atom"
SITEMAP = "sitemap.xml"
ATOM = "application/atom+xml"


def project_feed(pid: str) -> str:
    return f"feeds/p/{pid}.atom"


@lru_cache(maxsize=8)
def _namespace(identifier: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, identifier)


def _id(builder: StandaloneHTMLBuilder, what: str) -> str:
    namespace = _namespace(builder.config.epub_identifier or builder.config.project)
    return f"urn:uuid:{uuid.uuid5(namespace, what)}"


def _stamp(day: str) -> str:
    """An ISO partial date as an RFC 3339 date-time: its first day, at midnight UTC."""
    return f"{PartialDate.parse(day).first.isoformat()}T00:00:00Z"


def _fallback_stamp() -> str:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def _url(builder: StandaloneHTMLBuilder, where: str, docname: str, anchor: str = "") -> str:
    """Absolute with html_baseurl; else relative to the file at ``where``."""
    uri, fragment = builder.get_target_uri(docname), f"#{anchor}" if anchor else ""
    base = builder.config.html_baseurl
    # relative_uri drops a fragment: it is added after
    return (f"{base.rstrip('/')}/{uri}" if base else relative_uri(where, uri) or "./") + fragment


def _feed(builder: StandaloneHTMLBuilder, path: str, title: str, page: str,
          entries: list[tuple[str, str, str, str, str]]) -> str:
    """``entries``: (id, title, updated, link, summary), already in order."""
    updated = max((e[2] for e in entries), default=_fallback_stamp())
    base = builder.config.html_baseurl
    self_link = f"{base.rstrip('/')}/{path}" if base else path.rsplit("/", 1)[-1]
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
             f"  <id>{_id(builder, path)}</id>",
             f"  <title>{escape(title)}</title>",
             f"  <updated>{updated}</updated>",
             f"  <author><name>{escape(builder.config.author)}</name></author>",
             f"  <link rel=\"self\" type=\"{ATOM}\" href={quoteattr(self_link)}/>",
             f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(page)}/>"]
    for ident, entry_title, entry_updated, link, summary in entries:
        lines += ["  <entry>",
                  f"    <id>{ident}</id>",
                  f"    <title>{escape(entry_title)}</title>",
                  f"    <updated>{entry_updated}</updated>",
                  f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>",
                  f"    <summary>{escape(summary)}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def book_feed(builder: StandaloneHTMLBuilder, catalog: Catalog) -> str:
    entries = []
    for ident in reversed(catalog.event_order):
        event = catalog.events[ident]
        facts = [event_dates(event), event.location, labels.KINDS.get(event.kind, ""),
                 labels.sessions(len(catalog.event_sessions.get(ident, [])))]
        stamp = _stamp(event.end or event.start) if (event.end or event.start) else _fallback_stamp()
        entries.append((_id(builder, f"event:{ident}"), event.name, stamp,
                        _url(builder, BOOK_FEED, event.docname, label("event", ident)),
                        labels.FACT_SEPARATOR.join(f for f in facts if f)))
    page = _url(builder, BOOK_FEED, builder.config.root_doc)
    return _feed(builder, BOOK_FEED, builder.config.project, page, entries)


def project_feeds(builder: StandaloneHTMLBuilder, catalog: Catalog) -> dict[str, str]:
    feeds = {}
    # Every project feed is in one folder, so a session's entry is the same in each feed showing it.
    entry: dict[str, tuple[str, str, str, str, str]] = {}
    for pid, project in catalog.projects.items():
        path = project_feed(pid)
        entries = []
        sessions = catalog.project_sessions.get(pid, [])
        for sid in sorted(sessions, key=lambda s: _session_day(catalog, s), reverse=True):
            if sid not in entry:
                session = catalog.sessions[sid]
                event = catalog.events.get(session.event)
                day = _session_day(catalog, sid)
                when = (PartialDate.parse(session.date).japanese() if session.date
                        else (event_dates(event) if event else ""))
                summary = labels.FACT_SEPARATOR.join(f for f in (event.name if event else "", when) if f)
                entry[sid] = (_id(builder, f"session:{sid}"), session.title or sid,
                              _stamp(day) if day else _fallback_stamp(),
                              _url(builder, path, session.docname, label("session", sid)), summary)
            entries.append(entry[sid])
        page = _url(builder, path, project.docname, label("project", pid))
        feeds[path] = _feed(builder, path, f"{project.name} — {builder.config.project}", page, entries)
    return feeds


def _session_day(catalog: Catalog, sid: str) -> str:
    session = catalog.sessions[sid]
    event = catalog.events.get(session.event)
    return session.date or (event.end or event.start if event else "") or ""


def autodiscovery(builder: StandaloneHTMLBuilder, pagename: str) -> str:
    """The ``<link rel="alternate">`` of the book's feed, for a page's head."""
    href = relative_uri(builder.get_target_uri(pagename), BOOK_FEED)
    return f'<link rel="alternate" type="{ATOM}" title={quoteattr(builder.config.project)} href={quoteattr(href)}>\n'


def sitemap(builder: StandaloneHTMLBuilder, pages: list[str]) -> str | None:
    base = builder.config.html_baseurl
    if not base:
        return None
    urls = "".join(f"  <url><loc>{escape(base.rstrip('/') + '/' + builder.get_target_uri(p))}</loc></url>\n"
                   for p in pages)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")


def add_autodiscovery(app, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Every page of the site names the book's feed in its head (``html-page-context``)."""
    from .export import wanted

    if wanted(app):
        context["metatags"] = context.get("metatags", "") + autodiscovery(app.builder, pagename)
