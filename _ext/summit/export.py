"""What the HTML build leaves for wikis: permanent short URLs and a JSON export of the book.

Both are derived from the catalog after writing; neither enters a doctree.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
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


def _manifest(builder: StandaloneHTMLBuilder) -> Path:
    """What the last complete build wrote, beside the environment: the digest of its inputs and
    of each short-URL page (a fresh output folder is noticed: pages are checked to exist)."""
    return Path(builder.doctreedir) / f"summit-exports-{builder.name}.json"


def _inputs(builder: StandaloneHTMLBuilder, domain: SummitDomain, schema: str) -> str:
    """A digest of everything the exports are made of: the declarations and the settings.

    The declarations are the per-document digests ``env-get-updated`` already took
    (incremental.py): each document's records, links and generated lists.
    """
    declared = sorted(domain.written_state["declared"].items())  # type: ignore[index]
    config = (builder.name, builder.config.html_baseurl, builder.config.html_file_suffix,
              builder.config.html_link_suffix, builder.config.project, EXPORT_VERSION,
              schema)
    return hashlib.sha1(repr((declared, config)).encode("utf-8")).hexdigest()


def redirect_pages(builder: StandaloneHTMLBuilder, catalog: Catalog) -> dict[str, str]:
    """Short path -> page: one per object, sending the reader to wherever it lives now."""
    baseurl = builder.config.html_baseurl
    pages = {}
    for objtype, ident in objects(catalog):
        record = catalog.record(objtype, ident)
        page_uri, anchor = builder.get_target_uri(record.docname), label(objtype, ident)
        target = f"{posixpath.relpath(page_uri or '.', SHORT[objtype])}#{anchor}"
        canonical = _absolute(baseurl, f"{page_uri}#{anchor}")
        pages[f"{SHORT[objtype]}/{ident}.html"] = _REDIRECT.format(
            title=html.escape(catalog.title(objtype, ident)),
            canonical=f'\n<link rel="canonical" href="{html.escape(canonical)}">' if baseurl else "",
            target=html.escape(target),
        )
    return pages


def write_redirects(builder: StandaloneHTMLBuilder, catalog: Catalog, written: dict[str, str] | None) -> dict[str, str]:
    """Write the short-URL pages that are new or changed, remove those of deleted objects;
    return the digest of each page.  ``written``: the digests of the last build, if known."""
    outdir = Path(builder.outdir)
    pages = redirect_pages(builder, catalog)
    if written is None:  # no record of earlier builds: look at what the folders hold
        written = {f"{folder}/{path.name}": "" for folder in SHORT.values()
                   for path in sorted((outdir / folder).glob("*.html"))}
    for stale in sorted(set(written) - set(pages)):  # the object was deleted or renamed
        (outdir / stale).unlink(missing_ok=True)
    digests = {}
    for short, page in pages.items():
        digest = digests[short] = hashlib.sha1(page.encode("utf-8")).hexdigest()
        path = outdir / short
        if written.get(short) != digest or not path.exists():
            path.parent.mkdir(exist_ok=True)
            path.write_text(page, encoding="utf-8")
    return digests


def _all_present(outdir: Path, paths: list[str]) -> bool:
    """Whether the files exist: a listing per folder, not a stat per file."""
    folders: dict[str, set[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if folder not in folders:
            try:
                folders[folder] = set(os.listdir(outdir / folder))
            except OSError:
                return False
        if name not in folders[folder]:
            return False
    return True


def _write_if_changed(path: Path, text: str) -> None:
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")


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
             "projects": catalog.session_projects[s.id], "releases": catalog.session_releases[s.id],
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
    """After every HTML build; cheap when no declaration changed (an author's usual edit).

    Every object has a short-URL page: an edit must not cost a pass over thousands of files.
    """
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    domain: SummitDomain = app.env.domains["summit"]
    outdir = Path(builder.outdir)
    try:
        last = json.loads(_manifest(builder).read_text(encoding="utf-8"))
        inputs, written = last["inputs"], last["pages"]
    except (OSError, ValueError, KeyError, TypeError):
        inputs, written = None, None
    schema = SCHEMA.read_text(encoding="utf-8")
    current = _inputs(builder, domain, schema)
    if current == inputs and _all_present(outdir, [EXPORT_NAME, SCHEMA.name, *written]):
        return
    catalog = domain.catalog
    written = write_redirects(builder, catalog, written)
    data = json.dumps(export(builder, catalog), ensure_ascii=False, indent=1, sort_keys=True)
    _write_if_changed(outdir / EXPORT_NAME, data + "\n")
    _write_if_changed(outdir / SCHEMA.name, schema)
    _manifest(builder).write_text(json.dumps({"inputs": current, "pages": written}, sort_keys=True),
                                  encoding="utf-8")
