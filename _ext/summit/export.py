"""What the web site leaves for wikis: permanent short URLs and a JSON export of the book.

Both are derived from the catalog after writing; neither enters a doctree.  Written for the
site builders only (``SITE_BUILDERS``), listed in a manifest, and only what the manifest lists
is ever removed again.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.osutil import relative_uri

from . import feeds, state
from . import labels
from .catalog import Catalog
from .dates import PartialDate, event_dates
from .descriptions import trim
from .digest import digest
from .log import warn
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
<meta name="description" content="{description}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:type" content="website">{og_url}
<meta property="og:site_name" content="{site}">
<meta property="og:locale" content="ja_JP">
<meta name="twitter:card" content="summary">
<meta http-equiv="refresh" content="0; url={target}">{feed}
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


#: The builders whose output is a web site a wiki links into.  Others with ``format == "html"``
#: are not: epub packs every file it finds (and warns on unknown types), singlehtml has one
#: page, json and pickle are data for another renderer.
SITE_BUILDERS = frozenset({"html", "dirhtml"})


def wanted(app: Sphinx) -> bool:
    return app.builder.name in SITE_BUILDERS and bool(app.config.summit_exports)


def _page_uri(builder: StandaloneHTMLBuilder, docname: str, anchor: str) -> str:
    return f"{builder.get_target_uri(docname)}#{anchor}"


def _absolute(baseurl: str, uri: str) -> str:
    return f"{baseurl.rstrip('/')}/{uri}" if baseurl else uri


def objects(catalog: Catalog) -> list[tuple[str, str]]:
    return [(objtype, ident) for objtype, table in catalog.tables() for ident in sorted(table)]


def _manifest(builder: StandaloneHTMLBuilder) -> Path:
    """What the exports of the last complete build wrote, beside the environment: the digest
    of their inputs and of each file.  Only files listed here are ever deleted."""
    return Path(builder.doctreedir) / f"summit-exports-{builder.name}.json"


def _load_manifest(builder: StandaloneHTMLBuilder) -> tuple[str | None, dict[str, str]]:
    try:
        last = json.loads(_manifest(builder).read_text(encoding="utf-8"))
        inputs, files = last["inputs"], last["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None, {}
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        return None, {}
    return inputs, files


def _inputs(builder: StandaloneHTMLBuilder, declared: dict[str, str], schema: str,
            collisions: set[str]) -> str:
    """A digest of everything the exports are made of: the declarations and the settings.

    The declarations are the per-document digests ``env-get-updated`` already took
    (incremental.py): each document's records, links and generated lists.
    """
    config = (builder.name, builder.config.html_baseurl, builder.config.html_file_suffix,
              builder.config.html_link_suffix, builder.config.project, EXPORT_VERSION,
              sorted(builder.config.summit_speaker_aliases.items()), list(builder.config.summit_organisations),
              schema, sorted(collisions), builder.config.author, builder.config.epub_identifier,
              builder.config.root_doc, os.environ.get("SOURCE_DATE_EPOCH"))
    return digest((sorted(declared.items()), config))


def document_pages(builder: StandaloneHTMLBuilder) -> dict[str, str]:
    """Output path -> docname of the documents in the short-URL folders: never ours to touch."""
    outdir = Path(builder.outdir)
    pages = {}
    for docname in builder.env.found_docs:
        if docname.split("/", 1)[0] in SHORT.values():
            pages[Path(builder.get_outfilename(docname)).relative_to(outdir).as_posix()] = docname
    return pages


def collisions(builder: StandaloneHTMLBuilder, catalog: Catalog) -> set[str]:
    """Short URLs that are a document's page: warned about at the declaration (checks.py, on
    every build) and left to the document."""
    documents = document_pages(builder)
    found = set()
    for objtype, ident in objects(catalog):
        short = f"{SHORT[objtype]}/{ident}.html"
        if short in documents:
            record = catalog.record(objtype, ident)
            warn(f"the short URL {short} of {objtype} {ident!r} is the page of document "
                 f"{documents[short]!r}: the short URL is not written (rename the document or the id)",
                 "export", (record.docname, record.lineno))
            found.add(short)
    return found


def preview(builder: StandaloneHTMLBuilder, catalog: Catalog, objtype: str, ident: str) -> str:
    """What a link preview of a short URL says: the object itself, not its chapter; plain text."""
    record = catalog.record(objtype, ident)
    if objtype == "session":
        event = catalog.events.get(record.event)
        when = PartialDate.parse(record.date).japanese() if record.date else (event_dates(event) if event else "")
        head = labels.LIST_SEPARATOR.join(f for f in (event.name if event else "", when) if f)
        names = [catalog.title("project", p) for p in catalog.session_projects.get(ident, [])]
        projects = labels.LIST_SEPARATOR.join(names[:3]) + (labels.AND_OTHERS if len(names) > 3 else "")
        facts = [head, f"{labels.OBJECT_TYPES['project']}: {projects}" if projects else ""]
        text = labels.CARD_SEPARATOR.join(f for f in facts if f)
        # the session's own first sentence, then where and what (a card shows about 160 characters)
        return trim(f"{trim(record.summary, 100)}{labels.parenthesised(text)}" if record.summary else text, 160)
    if objtype == "project":
        count = labels.sessions(len(catalog.project_sessions.get(ident, [])))
        return trim(f"{record.summary}{labels.parenthesised(count)}" if record.summary else count)
    if objtype == "release":
        facts = [record.version, record.released and PartialDate.parse(record.released).japanese(),
                 labels.sessions(len(catalog.release_sessions.get(ident, [])))]
        return labels.CARD_SEPARATOR.join(f for f in facts if f)
    facts = [event_dates(record), record.location, labels.KINDS.get(record.kind, ""),
             labels.sessions(len(catalog.event_sessions.get(ident, [])))]
    return labels.FACT_SEPARATOR.join(f for f in facts if f)


def redirect_pages(builder: StandaloneHTMLBuilder, catalog: Catalog) -> dict[str, str]:
    """Short path -> page: one per object, sending the reader to wherever it lives now."""
    baseurl = builder.config.html_baseurl
    pages = {}
    for objtype, ident in objects(catalog):
        record = catalog.record(objtype, ident)
        short = f"{SHORT[objtype]}/{ident}.html"
        page_uri, anchor = builder.get_target_uri(record.docname), label(objtype, ident)
        # relative_uri keeps dirhtml's trailing slash (posixpath.relpath drops it)
        target = f"{relative_uri(short, page_uri)}#{anchor}"
        canonical = _absolute(baseurl, f"{page_uri}#{anchor}")
        pages[short] = _REDIRECT.format(
            title=html.escape(catalog.title(objtype, ident)),
            description=html.escape(preview(builder, catalog, objtype, ident)),
            og_url=(f'\n<meta property="og:url" content="{html.escape(_absolute(baseurl, short))}">'
                    if baseurl else ""),
            site=html.escape(builder.config.project),
            canonical=f'\n<link rel="canonical" href="{html.escape(canonical)}">' if baseurl else "",
            target=html.escape(target),
            feed=(f'\n<link rel="alternate" type="{feeds.ATOM}" title="{html.escape(catalog.title(objtype, ident))}" '
                  f'href="{html.escape(relative_uri(short, feeds.project_feed(ident)))}">'
                  if objtype == "project" else ""),
        )
    return pages


def _write_files(outdir: Path, files: dict[str, str], before: dict[str, str], keep: set[str]) -> dict[str, str]:
    """Write what is new or changed; delete what the last build wrote and this one does not,
    except the paths in ``keep`` (documents' pages).  Returns the digest of every file written."""
    for stale in sorted(set(before) - set(files) - keep):
        (outdir / stale).unlink(missing_ok=True)
    written = {}
    for path, text in files.items():
        written[path] = digest(text)
        target = outdir / path
        if before.get(path) != written[path] or not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return written


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
             "status": dict(zip(("state", "since", "source"), p.status, strict=True)) if p.status[0] else None,
             "sessions": catalog.project_sessions.get(p.id, []), **url("project", p.id)}
            for p in (catalog.projects[pid] for pid in sorted(catalog.projects, key=catalog.project_key))
        ],
        "speakers": [
            {"name": s.name, "organisation": s.organisation or None, "is_organisation": s.is_organisation,
             "sessions": list(s.sessions)}
            for s in catalog.speakers(builder.config.summit_speaker_aliases, builder.config.summit_organisations)
        ],
        "releases": [
            {"id": r.id, "name": r.name, "version": r.version or None, "released": r.released or None,
             "aliases": list(r.aliases), "sessions": catalog.release_sessions.get(r.id, []),
             **url("release", r.id)}
            for r in sorted(catalog.releases.values(), key=lambda r: (r.released or "9999", r.id))
        ],
    }


def record_lines(data: dict[str, Any]) -> str:
    """JSON with one record per line: as readable and diffable as an indented dump, written by
    the json module's C encoder (``indent`` makes it fall back to pure Python: 0.3 s at 2000
    sessions on every rebuild whose declarations changed)."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    members = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            records = ",\n".join(f"  {dumps(item)}" for item in value)
            members.append(f" {dumps(key)}: [\n{records}\n ]")
        else:
            members.append(f" {dumps(key)}: {dumps(value)}")
    return "{\n" + ",\n".join(members) + "\n}\n"


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """After every site build; cheap when no declaration changed (an author's usual edit).

    Every object has a short-URL page: an edit must not cost a pass over thousands of files.
    Where exports are not wanted (another builder, ``summit_exports = False``), what an earlier
    build of this builder exported is removed.
    """
    if exception is not None or app.builder.format != "html":
        return
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    outdir = Path(builder.outdir)
    inputs, before = _load_manifest(builder)
    if not wanted(app):
        if before:  # switched off since: take back exactly what we wrote
            _write_files(outdir, {}, before, set(document_pages(builder)))
            _manifest(builder).unlink(missing_ok=True)
        return
    domain: SummitDomain = app.env.domains["summit"]
    catalog = domain.catalog
    build = state.of(app.env)
    clashes = build.collisions  # found (and warned about) by checks.py
    schema = SCHEMA.read_text(encoding="utf-8")
    declared = build.written["declared"] if build.written is not None else {}
    current = _inputs(builder, declared, schema, clashes)
    if current == inputs and _all_present(outdir, list(before)):
        build.exported = before
        return
    files = {path: page for path, page in redirect_pages(builder, catalog).items() if path not in clashes}
    files[EXPORT_NAME] = record_lines(export(builder, catalog))
    files[SCHEMA.name] = schema
    files[feeds.BOOK_FEED] = feeds.book_feed(builder, catalog)
    files.update(feeds.project_feeds(builder, catalog))
    pages = sorted(app.env.all_docs) + ["genindex"] + [f"summit-{index.name}" for index in domain.indices]
    site_map = feeds.sitemap(builder, pages)
    if site_map is not None:
        files[feeds.SITEMAP] = site_map
    build.exported = _write_files(outdir, files, before, set(document_pages(builder)))
    _manifest(builder).write_text(json.dumps({"inputs": current, "files": build.exported}, sort_keys=True),
                                  encoding="utf-8")
