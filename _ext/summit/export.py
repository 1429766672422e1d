"""What the HTML build leaves for wikis: permanent short URLs and a JSON export of the book.

Both are derived from the catalog after writing; neither enters a doctree.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalog import Catalog
from .records import label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from .domain import SummitDomain

#: objtype -> folder of its short URL: s/<id>.html, p/<id>.html, ...
SHORT = {"session": "s", "project": "p", "release": "r", "event": "e"}
EXPORT_NAME = "summit.json"
SCHEMA = Path(__file__).parent / "schema" / "summit.schema.json"
EXPORT_VERSION = 1

_REDIRECT = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">{canonical}
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def _page_uri(builder: StandaloneHTMLBuilder, docname: str, anchor: str) -> str:
    return f"{builder.get_target_uri(docname)}#{anchor}"


def _absolute(baseurl: str, uri: str) -> str:
    return f"{baseurl.rstrip('/')}/{uri}" if baseurl else uri


def objects(catalog: Catalog) -> list[tuple[str, str]]:
    return [(objtype, ident)
            for objtype, table in (("event", catalog.events), ("session", catalog.sessions),
                                   ("project", catalog.projects), ("release", catalog.releases))
            for ident in sorted(table)]


def write_redirects(builder: StandaloneHTMLBuilder, catalog: Catalog) -> None:
    """A page per object at a predictable path, sending the reader to wherever it lives now."""
    outdir = Path(builder.outdir)
    baseurl = builder.config.html_baseurl
    current = {f"{SHORT[objtype]}/{ident}.html" for objtype, ident in objects(catalog)}
    for folder in SHORT.values():
        for stale in sorted((outdir / folder).glob("*.html")):
            if f"{folder}/{stale.name}" not in current:  # the object was deleted or renamed
                stale.unlink()
    for objtype, ident in objects(catalog):
        record = catalog.record(objtype, ident)
        uri = _page_uri(builder, record.docname, label(objtype, ident))
        short = f"{SHORT[objtype]}/{ident}.html"
        target = posixpath.relpath(uri.split("#")[0] or ".", SHORT[objtype]) + "#" + uri.split("#")[1]
        page = _REDIRECT.format(
            title=html.escape(catalog.title(objtype, ident)),
            canonical=f'\n<link rel="canonical" href="{html.escape(_absolute(baseurl, uri))}">' if baseurl else "",
            target=html.escape(target),
        )
        path = outdir / short
        path.parent.mkdir(exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != page:
            path.write_text(page, encoding="utf-8")


def export(builder: StandaloneHTMLBuilder, catalog: Catalog) -> dict[str, Any]:
    """The book's declarations as data; URLs absolute when ``html_baseurl`` is set."""
    baseurl = builder.config.html_baseurl

    def url(objtype: str, ident: str) -> dict[str, str]:
        record = catalog.record(objtype, ident)
        return {
            "url": _absolute(baseurl, _page_uri(builder, record.docname, label(objtype, ident))),
            "permalink": _absolute(baseurl, f"{SHORT[objtype]}/{ident}.html"),
        }

    return {
        "version": EXPORT_VERSION,
        "title": builder.config.project,
        "baseurl": baseurl,
        "events": [
            {"id": e.id, "name": e.name, "kind": e.kind, "start": e.start, "end": e.end,
             "location": e.location, "cycle": catalog.resolve("release", e.cycle) if e.cycle else None,
             "sessions": catalog.event_sessions.get(e.id, []), **url("event", e.id)}
            for e in (catalog.events[i] for i in catalog.event_order)
        ],
        "sessions": [
            {"id": s.id, "title": s.title, "event": s.event or None, "date": s.date or None,
             "projects": catalog.resolve_all("project", s.projects + s.mentioned_projects),
             "releases": catalog.resolve_all("release", s.releases + s.mentioned_releases),
             "speakers": list(s.speakers), "track": s.track or None, "links": list(s.links),
             **url("session", s.id)}
            for s in (catalog.sessions[i] for i in catalog.session_order)
        ],
        "projects": [
            {"id": p.id, "name": p.name, "aliases": list(p.aliases),
             "parent": catalog.parents.get(p.id), "homepage": p.url or None,
             "sessions": catalog.project_sessions.get(p.id, []), **url("project", p.id)}
            for p in sorted(catalog.projects.values(), key=lambda p: (p.name.casefold(), p.id))
        ],
        "releases": [
            {"id": r.id, "name": r.name, "version": r.version or None, "released": r.released or None,
             "aliases": list(r.aliases), "sessions": catalog.release_sessions.get(r.id, []),
             **url("release", r.id)}
            for r in sorted(catalog.releases.values(), key=lambda r: (r.released or "9999", r.id))
        ],
    }


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    domain: SummitDomain = app.env.domains["summit"]
    catalog = domain.catalog
    write_redirects(app.builder, catalog)  # type: ignore[arg-type]
    data = json.dumps(export(app.builder, catalog), ensure_ascii=False, indent=1, sort_keys=True)  # type: ignore[arg-type]
    (Path(app.outdir) / EXPORT_NAME).write_text(data + "\n", encoding="utf-8")
    (Path(app.outdir) / SCHEMA.name).write_text(SCHEMA.read_text(encoding="utf-8"), encoding="utf-8")
