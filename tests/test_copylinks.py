"""Copy-as-wiki-link buttons, in Chromium with clipboard permission: each syntax gives the expected
text (titles with ], |, " and < escaped for each), the choice is remembered, the keyboard works,
success is announced, a refused clipboard shows the text selected; nothing in print or the e-book."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sphinx.testing.util import SphinxTestApp

from browser_support import chromium, serve

BASE = "https://reports.example.org/"
TITLE = 'Talk [one] | "two" <three>'
CHAPTER = f"""\
# Hostile titles

:::{{event}} hostile-2019
:name: Hostile Summit
:start: 2019-04-29
:::

## {TITLE}

:::{{session}} hostile-talk
:::

本文。
"""
URL = f"{BASE}s/hostile-talk.html"
EXPECTED = {
    "url": URL,
    "markdown": r'[Talk \[one\] | "two" <three>](' + URL + ")",
    "mediawiki": f'[{URL} Talk [one&#93; | "two" <three>]',
    "confluence": r'[Talk \[one\] \| "two" <three>|' + URL + "]",
    "myst": r'{external+reports:ref}`Talk [one] | "two" \<three\> <session-hostile-talk>`',
    "rst": r':external+reports:ref:`Talk [one] | "two" \<three\> <session-hostile-talk>`',
}


def build(src: Path, builder: str) -> SphinxTestApp:
    app = SphinxTestApp(builder, srcdir=src, status=StringIO(), warning=StringIO(),
                        confoverrides={"html_baseurl": BASE})
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def src(rootdir, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("copy") / "src"
    shutil.copytree(rootdir / "test-basic", path)
    (path / "reports" / "2019-04-hostile.md").write_text(CHAPTER, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site(src) -> Path:
    app = build(src, "html")
    assert app.warning.getvalue() == ""
    return Path(app.outdir)


@pytest.fixture(scope="module")
def browser():
    with chromium(why="the copy buttons are clicked in Debian's chromium") as launched:
        yield launched


def test_every_syntax(browser, site):
    with serve(site) as base:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto(urljoin(base, "reports/2019-04-hostile.html"))
        button = page.locator("#session-hostile-talk button.summit-copy")
        assert button.is_visible()
        for syntax, expected in EXPECTED.items():
            page.select_option("#summit-link-syntax", syntax)
            button.click()
            page.wait_for_function("() => document.querySelector('#session-hostile-talk .summit-copy-status')"
                                   ".textContent === 'コピーしました'")
            assert page.evaluate("navigator.clipboard.readText()") == expected, syntax
            page.evaluate("document.querySelector('#session-hostile-talk .summit-copy-status').textContent = ''")
        # Remembered on the next page; the keyboard works too (Enter on the focused button).
        page.goto(urljoin(base, "glossary.html"))
        assert page.input_value("#summit-link-syntax") == "rst"
        page.select_option("#summit-link-syntax", "markdown")
        page.locator("#project-nova button.summit-copy").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => navigator.clipboard.readText().then(t => t.startsWith('[Nova]'))")
        assert page.evaluate("navigator.clipboard.readText()") == f"[Nova]({BASE}p/nova.html)"
        context.close()


def test_a_refused_clipboard_shows_the_text(browser, site):
    with serve(site) as base:
        context = browser.new_context()  # no clipboard permission
        page = context.new_page()
        page.goto(urljoin(base, "reports/2019-04-hostile.html"))
        page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); }")
        page.locator("#session-hostile-talk button.summit-copy").click()
        field = page.locator("#session-hostile-talk input.summit-copy-text")
        field.wait_for()
        assert field.input_value() == URL
        assert page.evaluate("document.activeElement.classList.contains('summit-copy-text')")
        assert "コピーできませんでした" in page.locator("#session-hostile-talk .summit-copy-status").text_content()
        context.close()


def test_only_on_the_web(src):
    for builder in ("latex", "epub", "text"):
        out = Path(build(src, builder).outdir)
        text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*")
                       if p.suffix in (".tex", ".xhtml", ".txt"))
        assert "summit-copy" not in text and "リンクをコピー" not in text, builder
        assert not (out / "_static" / "summit-copy.js").exists(), builder
