"""Accessibility, measured with axe-core (pinned in tests/node/package-lock.json) in Chromium:
no violation of wcag2a, wcag2aa, wcag21aa or best-practice on any kind of page, light and dark,
desktop and phone width.  Skipped where Chromium or axe-core is missing, failing under CI=true."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urljoin

import pytest

from browser_support import SEARCH_DONE, build_book, chromium, serve

AXE = Path(__file__).resolve().parent / "node" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]
PAGES = {
    "landing": "index.html",
    "chapter": "reports/2018-05-vancouver.html",
    "chapter-with-code": "linking.html",
    "glossary": "glossary.html",
    "releases": "releases.html",
    "overview": "overview.html",
    "project-index": "summit-projects.html",
    "release-index": "summit-releases.html",
    "speaker-index": "summit-speakers.html",
    "general-index": "genindex.html",
    "search": "search.html?q=Tacker",
    "short-url-target": "s/yvr18-cern-cells-v1-to-v2.html",
    "session-finder": "finder.html?project=neutron&release=liberty",
}
VIEWS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.exists():
        message = f"axe-core not installed ({AXE}): npm ci --prefix tests/node"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must install it: {message}")
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser():
    with chromium(why="axe-core runs in Debian's chromium") as launched:
        yield launched


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with serve(build_book(tmp_path_factory.mktemp("a11y-book"))) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_violations(browser, base, axe, scheme, view):
    context = browser.new_context(viewport=VIEWS[view], color_scheme=scheme, locale="ja-JP")
    page = context.new_page()
    found = {}
    try:
        for name, address in PAGES.items():
            page.goto(urljoin(base, address))
            page.wait_for_load_state("load")
            if name == "search":
                page.wait_for_function(SEARCH_DONE, timeout=60_000)
            if name == "short-url-target":  # the redirect has landed on the session
                page.wait_for_url("**/reports/2018-05-vancouver.html#session-yvr18-cern-cells-v1-to-v2")
            page.add_script_tag(content=axe)
            violations = page.evaluate(
                """async rules => (await axe.run(document, {runOnly: rules})).violations.map(
                     v => `${v.id} (${v.impact}): ${v.nodes.length}x, e.g. ${v.nodes[0].target.join(' ')}`)""",
                RULES)
            if violations:
                found[name] = violations
    finally:
        context.close()
    assert found == {}, found


def test_timeline_links_take_the_keyboard(browser, base):
    """The timeline's links are reached with Tab and show where the focus is."""
    page = browser.new_page()
    page.goto(urljoin(base, "releases.html"))
    page.locator(".summit-timeline-svg a").first.focus()
    focused = page.evaluate("""() => { const e = document.activeElement;
        return [e.namespaceURI, e.tagName, getComputedStyle(e).outlineStyle]; }""")
    page.keyboard.press("Tab")
    moved = page.evaluate("() => document.activeElement.closest('svg') !== null")
    page.close()
    assert focused == ["http://www.w3.org/2000/svg", "a", "solid"], focused
    assert moved


def test_axe_finds_what_it_should(browser, axe, tmp_path):
    """The measurement can fail: a page with the markup we fix is reported."""
    page_file = tmp_path / "bad.html"
    page_file.write_text('<!DOCTYPE html><html lang="ja"><head><title>x</title></head><body><main><h1>x</h1>'
                         '<p class="caption" role="heading">章</p><p style="color:#17a2b8;background:#f8f9fb">'
                         "薄い文字</p></main></body></html>", encoding="utf-8")
    with serve(tmp_path) as url:
        page = browser.new_page()
        page.goto(urljoin(url, "bad.html"))
        page.add_script_tag(content=axe)
        ids = page.evaluate("async rules => (await axe.run(document, {runOnly: rules})).violations.map(v => v.id)",
                            RULES)
        page.close()
    assert {"aria-required-attr", "color-contrast"} <= set(ids)
