"""The web version as a reader and a wiki see it: links, short URLs, the JSON export, the landing page.

No browser: the built HTML is parsed. The book is built as ``make html`` builds it.
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sphinx.util.inventory import InventoryFile

from browser_support import BASEURL, build_book

SHORT = {"session": "s", "project": "p", "release": "r", "event": "e"}
#: Labels Sphinx's std domain always declares, whether or not the Python module index is written
SPHINX_LABELS_WITHOUT_PAGE = {"modindex", "py-modindex"}
PLURAL = {"session": "sessions", "project": "projects", "release": "releases", "event": "events"}


class Page(HTMLParser):
    """What link checking needs of one HTML page: its ids, its links, its redirects."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag.attribute, value)
        self.refresh: list[str] = []  # targets of <meta http-equiv="refresh">
        self.canonical: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if name in attributes:
                self.links.append((f"{tag}.{name}", attributes[name]))
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            match = re.fullmatch(r"\s*\d+\s*;\s*url=(.*)", attributes.get("content", ""), re.IGNORECASE)
            assert match, attributes
            self.refresh.append(match.group(1).strip())
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical.append(attributes.get("href", ""))


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def pages_of(html: Path) -> dict[str, Page]:
    """Every HTML page of the site, by its path relative to the site's root."""
    return {path.relative_to(html).as_posix(): parse(path) for path in sorted(html.rglob("*.html"))
            if path.relative_to(html).parts[0] not in ("_static", "_sources")}


def is_local(url: str) -> bool:
    return not (urlsplit(url).scheme or url.startswith("//"))


def resolve(page: str, url: str) -> tuple[str, str]:
    """A local URL written in ``page`` as (file relative to the site's root, fragment)."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if path.endswith("/") or target == ".":
        target = posixpath.join("" if target == "." else target, "index.html")
    return target, unquote(parts.fragment)


def broken(html: Path, pages: dict[str, Page], page: str, url: str) -> str | None:
    """Why a local link of ``page`` does not resolve, or None when it does."""
    target, fragment = resolve(page, url)
    if target.startswith("../"):
        return "leaves the site"
    if not (html / target).is_file():
        return f"no file {target}"
    if fragment and target.endswith(".html") and fragment not in pages[target].ids:
        return f"no id {fragment!r} in {target}"
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return pages_of(site)


@pytest.fixture(scope="module")
def export(site) -> dict:
    return json.loads((site / "summit.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def inventory(site) -> dict:
    return InventoryFile.loads((site / "objects.inv").read_bytes(), uri="").data


@pytest.fixture(scope="module")
def based(tmp_path_factory) -> Path:
    """The book built for publication at a known address (SUMMIT_BASEURL set)."""
    return build_book(tmp_path_factory.mktemp("web-baseurl"), baseurl=BASEURL)


def objects(export: dict):
    """(objtype, record) for every object of the export."""
    for objtype, key in PLURAL.items():
        for record in export[key]:
            yield objtype, record


# -- links ---------------------------------------------------------------------------------------

def test_the_site_has_every_kind_of_page(pages):
    """The link walk below really covers chapters, indices, search and the short URL pages."""
    for page in ("index.html", "genindex.html", "search.html", "glossary.html", "releases.html",
                 "summit-projects.html", "summit-releases.html", "reports/2018-05-vancouver.html",
                 "s/yvr18-cern-cells-v1-to-v2.html", "p/cells-v2.html", "r/rocky.html", "e/vancouver-2018.html"):
        assert page in pages, page


def test_every_internal_link_resolves(site, pages):
    """Every local href/src of every page (short URL pages included) reaches a file and its anchor."""
    checked = 0
    failures = []
    for page, parsed in pages.items():
        for attribute, url in parsed.links:
            if not is_local(url) or url.startswith(("mailto:", "javascript:")):
                continue
            checked += 1
            reason = broken(site, pages, page, url)
            if reason:
                failures.append(f"{page}: {attribute}={url!r}: {reason}")
    assert checked > 4000
    assert failures == []


def test_every_redirect_resolves(site, pages):
    """The meta refresh of every short URL page reaches an existing page and anchor."""
    redirects = {page: parsed.refresh for page, parsed in pages.items() if parsed.refresh}
    assert len(redirects) >= 300
    failures = [f"{page}: refresh to {url!r}: {reason}"
                for page, urls in redirects.items() for url in urls
                if (reason := broken(site, pages, page, url))]
    assert failures == []


def test_every_inventory_entry_resolves(site, pages, inventory):
    """Every objects.inv entry (what intersphinx links to) names an existing page and anchor."""
    failures = []
    for objtype, entries in inventory.items():
        for name, item in entries.items():
            if objtype == "std:label" and name in SPHINX_LABELS_WITHOUT_PAGE:
                continue
            reason = broken(site, pages, "objects.inv", item.uri)
            if reason:
                failures.append(f"{objtype} {name}: {item.uri}: {reason}")
    assert len(inventory["std:label"]) > 300
    assert failures == []


# -- short URLs ----------------------------------------------------------------------------------

def test_short_url_for_every_object(site, pages, export):
    """s/ p/ r/ e/<id>.html exist for every object and send the reader to its page and anchor."""
    count = 0
    for objtype, record in objects(export):
        short = f"{SHORT[objtype]}/{record['id']}.html"
        assert short in pages, short
        assert record["permalink"] == short
        page = pages[short]
        links = [url for attribute, url in page.links if attribute == "a.href"]
        assert len(page.refresh) == 1 and len(links) == 1, short
        expected = record["url"]
        assert f"#{objtype}-{record['id']}" in expected
        for url in (page.refresh[0], links[0]):
            target, fragment = resolve(short, url)
            assert f"{target}#{fragment}" == expected, (short, url)
        count += 1
    assert count == sum(len(export[key]) for key in PLURAL.values())
    # nothing else in those folders: a stale page would send readers to an object that is gone
    assert {page for page in pages if page.split("/")[0] in SHORT.values()} == {
        f"{SHORT[objtype]}/{record['id']}.html" for objtype, record in objects(export)}


def test_short_url_pages_are_titled_and_not_indexed(site, export):
    """A short URL page carries the object's title and asks search engines not to index it."""
    session = next(s for s in export["sessions"] if s["id"] == "yvr18-cern-cells-v1-to-v2")
    text = (site / "s" / f"{session['id']}.html").read_text(encoding="utf-8")
    assert f"<title>{session['title']}</title>" in text
    assert '<meta name="robots" content="noindex">' in text
    assert "canonical" not in text  # no base URL: no absolute address to give


# -- JSON export ---------------------------------------------------------------------------------

def test_export_validates_against_its_schema(site, export):
    """summit.json is valid against the summit.schema.json written next to it (Draft 2020-12)."""
    from jsonschema import Draft202012Validator

    schema = json.loads((site / "summit.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in Draft202012Validator(schema).iter_errors(export)]
    assert errors == []
    assert export["baseurl"] == ""


def test_export_matches_the_inventory(export, inventory):
    """The JSON and objects.inv list exactly the same sessions, projects, releases and events."""
    for objtype, key in PLURAL.items():
        in_json = [record["id"] for record in export[key]]
        assert len(in_json) == len(set(in_json)), objtype
        assert set(in_json) == set(inventory[f"summit:{objtype}"]), objtype
        for ident in in_json:
            label = inventory["std:label"][f"{objtype}-{ident}"]
            assert next(r for r in export[key] if r["id"] == ident)["url"] == label.uri
    assert len(export["sessions"]) >= 80


def test_export_cross_references_agree(export):
    """Events list their sessions and sessions their event; projects and releases list theirs."""
    sessions = {s["id"]: s for s in export["sessions"]}
    listed = [sid for event in export["events"] for sid in event["sessions"]]
    assert sorted(listed) == sorted(sid for sid, s in sessions.items() if s["event"])
    for event in export["events"]:
        assert all(sessions[sid]["event"] == event["id"] for sid in event["sessions"])
    for objtype in ("project", "release"):
        for record in export[PLURAL[objtype]]:
            expected = sorted(sid for sid, s in sessions.items() if record["id"] in s[PLURAL[objtype]])
            assert sorted(record["sessions"]) == expected, record["id"]


def test_every_session_url_reaches_its_section(site, export):
    """The url of every session in the JSON is a page holding the section id="session-<id>"."""
    for session in export["sessions"]:
        page, anchor = session["url"].split("#")
        assert anchor == f"session-{session['id']}"
        assert f'id="session-{session["id"]}"' in (site / page).read_text(encoding="utf-8")


def test_base_url_makes_every_address_absolute(based, export):
    """With SUMMIT_BASEURL set, every url and permalink is absolute and short URL pages are canonical."""
    data = json.loads((based / "summit.json").read_text(encoding="utf-8"))
    assert data["baseurl"] == BASEURL
    relative = {(objtype, r["id"]): r for objtype, r in objects(export)}
    count = 0
    for objtype, record in objects(data):
        before = relative[objtype, record["id"]]
        assert record["url"] == BASEURL + before["url"]
        assert record["permalink"] == BASEURL + before["permalink"]
        short = parse(based / before["permalink"])
        assert short.canonical == [record["url"]], before["permalink"]
        # the reader is still sent on relatively: the pages work wherever the folder is copied
        assert resolve(before["permalink"], short.refresh[0]) == tuple(before["url"].split("#"))
        count += 1
    assert count == len(relative)


# -- landing page --------------------------------------------------------------------------------

def japanese_dates(start: str, end: str) -> list[str]:
    """What a card must show of an event's dates: the start in full, of the end what differs."""
    def japanese(iso: str) -> str:
        return "".join(f"{int(n)}{unit}" for n, unit in zip(iso.split("-"), "年月日", strict=False))

    shown = [japanese(start)] if start else []
    if end and end != start:
        tail = japanese(end)
        if end[:4] == start[:4]:
            tail = tail.split("年", 1)[1]
            if end[:7] == start[:7] and len(end) == 10:
                tail = tail.split("月", 1)[1]
        shown.append(tail)
    return shown


def test_landing_page_has_a_card_per_event(site, export):
    """index.html shows one card per event with its name, dates and session count, linking to it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = soup.select("article .sd-card")
    assert len(cards) == len(export["events"]) == 5
    by_link = {}
    for card in cards:
        links = [a["href"] for a in card.select("a.reference") if "#event-" in a["href"]]
        assert len(links) == 1, card
        by_link[links[0]] = " ".join(card.get_text(" ").split())
    for event in export["events"]:
        text = by_link.pop(event["url"])
        assert event["name"] in text
        for date in japanese_dates(event["start"], event["end"]):
            assert date in text, (event["id"], date, text)
        assert f"{len(event['sessions'])} セッション" in text, (event["id"], text)
    assert by_link == {}


def test_landing_page_links_the_reference_pages(pages):
    """From index.html a reader reaches the glossary, both domain indices and the general index."""
    links = {url for attribute, url in pages["index.html"].links if attribute == "a.href"}
    for page in ("glossary.html", "summit-projects.html", "summit-releases.html", "genindex.html"):
        assert page in links, page
