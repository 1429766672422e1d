"""The web version in a real browser: search, the links readers click, fonts, screenshots.

Debian's Chromium driven by Playwright (never `playwright install`), the book served over HTTP on
127.0.0.1. Skipped when Chromium or Playwright is missing, failing instead under CI=true.
Screenshots and the search table go to $SUMMIT_SCREENSHOTS (default: a pytest temporary folder).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from browser_support import (QUERIES, need_playwright, SEARCH_DONE, build_book, fontconfig_env, launch, measure, search,
                             serve, table)
from conftest import need_tool

#: Families that have Japanese glyphs: the page must not fall back to tofu.
JAPANESE_FONTS = re.compile(r"Harano ?Aji|Noto (Sans|Serif) CJK|Source Han|IPA|Takao|VL Gothic|Droid Sans Fallback",
                            re.IGNORECASE)
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("browser-book"))


@pytest.fixture(scope="module")
def export(site) -> dict:
    return json.loads((site / "summit.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    need_tool("chromium", why="the browser tests drive Debian's chromium")
    sync_api = need_playwright()
    env = fontconfig_env(tmp_path_factory.mktemp("fontconfig"))
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright, env=env)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="ja-JP")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], "JavaScript errors on the page"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("SUMMIT_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- helpers -------------------------------------------------------------------------------------

def position(page, element_id: str) -> dict | None:
    """Where the element with ``element_id`` is in the viewport, or None when there is none."""
    return page.evaluate(
        """id => { const e = document.getElementById(id); if (!e) return null;
                   const r = e.getBoundingClientRect();
                   return {top: r.top, bottom: r.bottom, height: innerHeight}; }""",
        element_id,
    )


def settle(page) -> None:
    """Wait until the page stops scrolling: furo scrolls to an anchor smoothly, over about a second."""
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => { const y = scrollY, same = window.__lastScrollY === y; window.__lastScrollY = y; return same; }",
        polling=250, timeout=30_000)


def assert_landed(page, expected_path: str, element_id: str) -> None:
    """The page is ``expected_path`` and the element ``element_id`` exists and is scrolled into view."""
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.endswith("/" + expected_path), page.url
    assert urlsplit(page.url).fragment == element_id, page.url
    assert position(page, element_id) is not None, f"no element id={element_id!r} on {page.url}"
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= -2 && r.top < innerHeight; }", arg=element_id, timeout=30_000)
    settle(page)
    where = position(page, element_id)
    assert -2 <= where["top"] < where["height"], where


def click_link(page, href: str, within: str = "body") -> None:
    """Click the (first visible) link written as ``href`` inside ``within``, as a reader would."""
    link = page.locator(f'{within} a[href="{href}"]').first
    link.scroll_into_view_if_needed()
    with page.expect_navigation():
        link.click()


def object_hits(hits, path: str, objtype: str, ident: str):
    """The hits that go to the object's page and anchor (its stable id or its domain anchor)."""
    anchors = {f"{objtype}-{ident}", f"summit-{objtype}-{ident}"}
    return [hit for hit in hits
            if urlsplit(hit.href).path == path and urlsplit(hit.href).fragment in anchors]


# -- search --------------------------------------------------------------------------------------

def test_search_japanese_word_lands_on_its_section(page, base):
    """Searching キーノート lists hits; clicking one on a chapter lands on the anchored section."""
    hits = search(page, base, "キーノート")
    assert hits, "no hit for キーノート"
    chapters = [hit for hit in hits if hit.href.startswith("reports/")]
    assert chapters, hits
    anchored = [hit for hit in chapters if "#" in hit.href]
    sessions = [hit for hit in anchored if re.search(r"#(summit-)?session-", hit.href)]
    hit = (sessions or anchored or chapters)[0]
    click_link(page, hit.href, "#search-results")
    path, _, fragment = hit.href.partition("#")
    if fragment:
        assert_landed(page, path, fragment)
    else:
        assert urlsplit(page.url).path.endswith("/" + path)
    assert "キーノート" in page.inner_text("article")


def test_search_session_title_word(page, base, export):
    """A word of a session title finds that session, and its hit lands on the session's section."""
    word = "コンテナマイグレーション"
    wanted = [s for s in export["sessions"] if word in s["title"]]
    assert wanted, word
    hits = search(page, base, word)
    for session in wanted:
        path = session["url"].split("#")[0]
        found = object_hits(hits, path, "session", session["id"])
        assert found, (session["id"], hits)
    session = wanted[0]
    hit = object_hits(hits, session["url"].split("#")[0], "session", session["id"])[0]
    click_link(page, hit.href, "#search-results")
    assert_landed(page, hit.href.split("#")[0], urlsplit(hit.href).fragment)
    assert page.locator(f"#session-{session['id']}").count() == 1


@pytest.mark.parametrize("name", ["Tacker", "OVN"])
def test_search_project_name(page, base, export, name):
    """A project's name finds its glossary entry; the hit lands on the entry."""
    project = next(p for p in export["projects"] if p["name"] == name)
    path = project["url"].split("#")[0]
    hits = search(page, base, name)
    found = object_hits(hits, path, "project", project["id"])
    assert found, hits
    click_link(page, found[0].href, "#search-results")
    assert_landed(page, path, urlsplit(found[0].href).fragment)
    assert name in page.locator(f"#project-{project['id']}").inner_text()


# -- links readers click -------------------------------------------------------------------------

def test_glossary_back_reference_lands_on_the_session(page, base, export):
    """A session listed under the Cells v2 glossary entry is one click away, on its section."""
    page.goto(f"{base}glossary.html#project-cells-v2")
    links = page.locator("#project-cells-v2 + dd .summit-backrefs a[href*='#session-']")
    expected = next(p for p in export["projects"] if p["id"] == "cells-v2")["sessions"]
    assert links.count() == len(expected) >= 1
    href = links.last.get_attribute("href")
    title = links.last.inner_text()
    click_link(page, href, "#project-cells-v2 + dd")
    path, _, fragment = href.partition("#")
    assert_landed(page, path, fragment)
    assert fragment.removeprefix("session-") in expected
    assert page.locator(f"#{fragment} > h1, #{fragment} > h2, #{fragment} > h3, #{fragment} > h4").first \
        .inner_text().startswith(title)


def test_chapter_project_badge_lands_on_the_glossary_entry(page, base):
    """A project badge under a session heading opens the project's glossary entry."""
    page.goto(f"{base}reports/2018-05-vancouver.html")
    badge = page.locator("#session-yvr18-cern-cells-v1-to-v2 a.reference:has(.summit-badge-project)")
    assert badge.count() >= 4
    link = badge.filter(has_text=re.compile(r"^\s*Cells v2\s*$"))
    href = link.first.get_attribute("href")
    assert href == "../glossary.html#project-cells-v2"
    click_link(page, href, "#session-yvr18-cern-cells-v1-to-v2")
    assert_landed(page, "glossary.html", "project-cells-v2")
    assert "Cells v2" in page.locator("#project-cells-v2").inner_text()


# -- rendering -----------------------------------------------------------------------------------

def rendering_fonts(page, selector: str) -> list[str]:
    """The platform fonts Chromium actually drew the element's text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        cdp.send("CSS.enable")
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return [font["familyName"] for font in fonts if font["glyphCount"]]


def test_japanese_text_is_drawn_with_a_japanese_font(page, base):
    """The landing page's Japanese text is drawn with a Japanese font (HaranoAji on CI), not tofu."""
    page.goto(f"{base}index.html")
    page.wait_for_load_state("load")
    fonts = rendering_fonts(page, "article p")
    assert any(JAPANESE_FONTS.search(family) for family in fonts), fonts


#: (name, address, what the screenshot must show: a selector and a text it contains)
SCREENSHOTS = [
    ("landing", "index.html", "h1", "OpenStack イベント参加報告集"),
    ("landing-cards", "index.html", ".summit-card .sd-card-title", "OpenStack Summit Vancouver 2018"),
    ("chapter", "reports/2018-05-vancouver.html#session-yvr18-cern-cells-v1-to-v2",
     "#session-yvr18-cern-cells-v1-to-v2 .summit-session", "CERN"),
    ("glossary", "glossary.html#project-cells-v2", "#project-cells-v2", "Cells v2"),
    ("search", "search.html?q=Tacker", "#search-results ul.search li", "Tacker"),
]

#: Whether the element is on screen and not hidden behind anything: what a screenshot shows.
SHOWN = """([selector, text]) => {
  for (const e of document.querySelectorAll(selector)) {
    if (!e.textContent.includes(text)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
    const y = Math.min(Math.max(r.top + 4, 0), innerHeight - 1);
    const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), y);
    if (hit && (e.contains(hit) || hit.contains(e))) return true;
  }
  return false;
}"""


@pytest.mark.parametrize(("name", "address", "selector", "text"), SCREENSHOTS, ids=[shot[0] for shot in SCREENSHOTS])
def test_screenshot(page, base, shots, name, address, selector, text):
    """Screenshots of the main kinds of page for review, each taken when what it is meant to
    show is on screen and uncovered, in a Japanese font that has the glyphs."""
    page.goto(urljoin(base, address))
    fragment = urlsplit(address).fragment
    if fragment and fragment.startswith(("session-", "project-")):
        assert_landed(page, urlsplit(address).path, fragment)
    settle(page)
    if name == "search":
        page.wait_for_function(SEARCH_DONE, timeout=60_000)
        assert page.locator("#search-results ul.search li").count() >= 1
    page.evaluate("document.fonts.ready.then(() => true)")
    if name.startswith("landing-"):
        page.locator(selector).first.scroll_into_view_if_needed()
    assert page.evaluate(SHOWN, [selector, text]), f"{name}: {selector} with {text!r} is not on screen"
    path = shots / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- search quality ------------------------------------------------------------------------------

def index_terms(site: Path) -> set[str]:
    """The words of the search index (full text and titles), as the search compares them."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])


def single_index_word(query: str, terms: set[str]) -> bool:
    """Whether the search sees ``query`` as one word that the index holds as it is."""
    words = [w for w in re.split(r"[\W]+", query) if w]
    return len(words) == 1 and words[0].lower() in terms


def test_queries_occur_in_the_book(site):
    """Every measured query is in the book's text: a query without a hit is the search's failure."""
    from bs4 import BeautifulSoup

    text = ""
    for path in [*sorted((site / "reports").glob("*.html")), site / "glossary.html"]:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
        text += re.sub(r"\s+", "", article.get_text())
    missing = [q.text for q in QUERIES if re.sub(r"\s+", "", q.text).casefold() not in text.casefold()]
    assert missing == []
    assert len(QUERIES) >= 20


def test_search_quality(page, base, site, shots):
    """Measure: which reader queries find anything (table in search-queries.txt); index words must."""
    results = measure(page, base, site)
    report = table(results)
    (shots / "search-queries.txt").write_text(report, encoding="utf-8")
    print("\n" + report)
    terms = index_terms(site)
    failing = [r.query.text for r in results if single_index_word(r.query.text, terms) and not r.hits]
    assert failing == []
    assert sum(1 for query in QUERIES if single_index_word(query.text, terms)) >= 8
