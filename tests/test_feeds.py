"""Atom feeds (the book, each project) and the sitemap: read back with feedparser, checked against
RFC 4287's required elements, absolute with SUMMIT_BASEURL and relative (and resolvable) without,
the same bytes from two builds of the same sources."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from browser_support import BASEURL, build_book

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def relative(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("feeds-relative"))


@pytest.fixture(scope="module")
def absolute(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("feeds-absolute"), baseurl=BASEURL)


def rfc4287(path: Path) -> ET.Element:
    """The elements RFC 4287 requires (4.1.1, 4.1.2): feed id, title, updated, an author; entry id,
    title, updated and an alternate link (there is no content)."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{A}{name}") is not None and root.find(f"{A}{name}").text, name
    assert root.find(f"{A}author/{A}name").text
    for entry in root.findall(f"{A}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert entry.find(f"{A}{name}") is not None, name
        assert entry.find(f"{A}link[@rel='alternate']") is not None
    return root


def test_book_feed(absolute):
    path = absolute / "feeds" / "book.atom"
    rfc4287(path)
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.title == "OpenStack イベント参加報告集"
    export = json.loads((absolute / "summit.json").read_text(encoding="utf-8"))
    events = sorted(export["events"], key=lambda e: e["start"] or "", reverse=True)
    assert [entry.title for entry in feed.entries] == [e["name"] for e in events]  # newest event first
    assert [entry.link for entry in feed.entries] == [e["url"] for e in events]
    assert all(entry.id.startswith("urn:uuid:") for entry in feed.entries)
    assert "2018年5月21日〜24日" in feed.entries[0].summary and "23 セッション" in feed.entries[0].summary
    assert feed.feed.updated == "2018-05-24T00:00:00Z"  # the newest entry's date, not the build's
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == urljoin(BASEURL, "feeds/book.atom")


def test_project_feeds_follow_the_sessions(absolute):
    export = json.loads((absolute / "summit.json").read_text(encoding="utf-8"))
    sessions = {s["id"]: s for s in export["sessions"]}
    for project in export["projects"]:
        path = absolute / "feeds" / "p" / f"{project['id']}.atom"
        rfc4287(path)
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, (project["id"], feed.get("bozo_exception"))
        assert sorted(entry.link for entry in feed.entries) == sorted(sessions[s]["url"] for s in project["sessions"])
    nova = feedparser.parse((absolute / "feeds" / "p" / "nova.atom").read_bytes())
    dates = [entry.updated for entry in nova.entries]
    assert dates == sorted(dates, reverse=True)  # newest first
    # The project's short URL names its feed for autodiscovery.
    assert 'type="application/atom+xml" title="Nova" href="../feeds/p/nova.atom"' in (
        absolute / "p" / "nova.html").read_text(encoding="utf-8")


def test_without_a_baseurl_links_resolve_from_the_feed(relative):
    for path in (relative / "feeds" / "book.atom", relative / "feeds" / "p" / "neutron.atom"):
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0
        for href in [entry.link for entry in feed.entries] + [feed.feed.link]:
            assert not urlsplit(href).scheme, href
            target = (path.parent / urlsplit(href).path).resolve()
            assert target.exists(), href
            fragment = urlsplit(href).fragment
            if fragment:
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), href
    assert not (relative / "sitemap.xml").exists()  # a sitemap needs absolute URLs


def test_autodiscovery_in_every_page_head(relative):
    for page in ("index.html", "glossary.html", "reports/2018-05-vancouver.html"):
        text = (relative / page).read_text(encoding="utf-8")
        head = text[:text.index("</head>")]
        depth = page.count("/")
        assert (f'<link rel="alternate" type="application/atom+xml" title="OpenStack イベント参加報告集" '
                f'href="{"../" * depth}feeds/book.atom">') in head, page


def test_sitemap(absolute):
    root = ET.parse(absolute / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locs = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert all(loc.startswith(BASEURL) for loc in locs)
    for page in ("index.html", "glossary.html", "reports/2018-05-vancouver.html", "summit-speakers.html",
                 "genindex.html"):
        assert urljoin(BASEURL, page) in locs, page
    for loc in locs:
        assert (absolute / urlsplit(loc).path.removeprefix(urlsplit(BASEURL).path)).exists(), loc
    assert not any("/s/" in loc for loc in locs)  # redirects are not pages


def test_two_builds_give_the_same_feeds(absolute, tmp_path):
    again = build_book(tmp_path, baseurl=BASEURL)
    for name in ("feeds/book.atom", "feeds/p/nova.atom", "feeds/p/neutron.atom", "sitemap.xml"):
        assert (again / name).read_bytes() == (absolute / name).read_bytes(), name
