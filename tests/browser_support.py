"""Shared by the web, wiki and browser tests: building the real book, serving it, driving Chromium.

Also the list of search queries a reader types, so the search can be measured before and after a
change: ``python tests/browser_support.py _build/html`` prints the table for an existing build.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Where texlive-lang-japanese puts the fonts the book is designed with (fontconfig may not see them).
TEXLIVE_HARANOAJI = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/haranoaji")
BASEURL = "https://reports.example.org/"


def build_book(out: Path, baseurl: str | None = None, builder: str = "html") -> Path:
    """Build the real book as ``make html`` does (-n -W --keep-going); return the HTML folder.

    ``SUMMIT_BASEURL`` is taken from ``baseurl`` only, never from the caller's environment.
    """
    env = {k: v for k, v in os.environ.items() if k != "SUMMIT_BASEURL"}
    if baseurl is not None:
        env["SUMMIT_BASEURL"] = baseurl
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", builder, str(DOCS), str(out), "-c", str(ROOT),
         "-n", "-W", "--keep-going", "-q"],
        capture_output=True, text=True, check=False, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    return out / builder


# -- serving -------------------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yield the base URL (ending in ``/``)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# -- fonts ---------------------------------------------------------------------------------------

def fontconfig_env(workdir: Path) -> dict[str, str] | None:
    """Environment for Chromium so that it finds HaranoAji, or None when fontconfig already does.

    A CI machine with texlive-lang-japanese but no fontconfig entry for TeX's fonts would otherwise
    render the Japanese text with whatever fallback it has (or tofu).
    """
    if shutil.which("fc-list"):
        listed = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
        if "haranoaji" in listed.casefold():
            return None
    if not TEXLIVE_HARANOAJI.is_dir():
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    system = os.environ.get("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    conf = workdir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{system}</include>\n'
        f"  <dir>{TEXLIVE_HARANOAJI}</dir>\n"
        f"  <cachedir>{workdir / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def need_playwright() -> Any:
    """Playwright's sync API; skipped where it is missing, failing under CI, which installs it."""
    import pytest

    try:
        from playwright import sync_api
    except ImportError as error:
        message = f"playwright not importable ({error}): pip install -r requirements-test.txt"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must install it: {message}")
        pytest.skip(message)
    return sync_api


@contextlib.contextmanager
def chromium(why: str, env: dict[str, str] | None = None) -> Iterator[Any]:
    """A launched browser for a test module (``why``: what the tests need it for)."""
    from conftest import need_tool

    need_tool("chromium", why=why)
    sync_api = need_playwright()
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright, env=env)
        try:
            yield browser
        finally:
            browser.close()


def launch(playwright: Any, env: dict[str, str] | None = None) -> Any:
    """Debian's Chromium, headless, without anything that talks to the network on its own."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    options: dict[str, Any] = {"executable_path": executable, "headless": True, "args": CHROMIUM_ARGS}
    if env is not None:
        options["env"] = env
    return playwright.chromium.launch(**options)


# -- search --------------------------------------------------------------------------------------

#: True once Sphinx's searchtools has written every hit: _finishSearch() replaces the title's text,
#: which detaches the pulsing dots. Independent of the (translated, possibly empty) status message.
#: Not ``Search._pulse_status === -1``: stopPulse() sets -1, but the pulse timer already queued sets
#: it back to 0 within 500 ms and keeps pulsing, so a wait that starts later never sees -1.
SEARCH_DONE = """() => typeof Search !== "undefined" && Search.title && Search.dots
    && !Search.title.contains(Search.dots)"""


class Hit(NamedTuple):
    text: str
    href: str  # as written in the result list, relative to search.html


def search(page: Any, base: str, query: str, timeout: float = 60_000) -> list[Hit]:
    """Run the book's own search for ``query`` in ``page``; the hits in the order shown."""
    from urllib.parse import quote

    page.goto(f"{base}search.html?q={quote(query)}")
    page.wait_for_function(SEARCH_DONE, timeout=timeout)
    hits = page.eval_on_selector_all(
        "#search-results ul.search li > a",
        "links => links.map(a => [a.textContent, a.getAttribute('href')])",
    )
    return [Hit(text, href) for text, href in hits]


class Query(NamedTuple):
    text: str
    #: what the query is: "word" (a single word of the search index as it stands), "compound" (a
    #: natural compound the index splits), "title" (a session title word), "project" (a name)
    kind: str
    #: where it occurs in the book, for the reader of the table
    note: str = ""


#: What readers type, without spaces, as they would into any Japanese search box. Each occurs in the
#: book's text (checked by test_browser.test_queries_occur_in_the_book), so a miss is the search's fault.
QUERIES: list[Query] = [
    # single words the search index holds as they are
    Query("キーノート", "word", "session titles, chapter text"),
    Query("講演", "word"),
    Query("デモ", "word"),
    Query("ブース", "word", "Barcelona booths"),
    Query("セキュリティグループ", "word"),
    Query("ロードバランサ", "word"),
    Query("ライトニングトーク", "word"),
    Query("ストレージ", "word"),
    # natural compounds (a word plus a suffix, two nouns): what readers type most
    Query("登壇者", "compound", "68 times in the text"),
    Query("参加者", "compound"),
    Query("基調講演", "compound"),
    Query("仮想ネットワーク", "compound"),
    Query("仮想マシン", "compound"),
    Query("相互運用性テスト", "compound", "Paris / Vancouver 2015"),
    Query("ネットワーク性能", "compound"),
    Query("開発者会議", "compound"),
    Query("ユーザ会", "compound", "the 2012 chapter, event name"),
    Query("勉強会", "compound"),
    # session title words and project names
    Query("コンテナマイグレーション", "title", "bcn16-live-container-migration"),
    Query("Tacker", "project"),
    Query("OVN", "project"),
    Query("Cells v2", "project"),
]


class Measured(NamedTuple):
    query: Query
    hits: list[Hit]
    #: hits whose page contains the query as typed (spaces ignored): the reader finds what they typed
    exact: int


def _page_text(site: Path, href: str, cache: dict[str, str]) -> str:
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(href).path)
    if path not in cache:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        main = soup.find(attrs={"role": "main"}) or soup
        cache[path] = "".join(main.get_text().split()).casefold()
    return cache[path]


def measure(page: Any, base: str, site: Path, queries: list[Query] = QUERIES) -> list[Measured]:
    """Run every query in the browser; count its hits and those whose page has the query."""
    cache: dict[str, str] = {}
    results = []
    for query in queries:
        hits = search(page, base, query.text)
        wanted = "".join(query.text.split()).casefold()
        exact = sum(1 for hit in hits if wanted in _page_text(site, hit.href, cache))
        results.append(Measured(query, hits, exact))
    return results


def table(results: list[Measured]) -> str:
    """One line per query: kind, hit or no hit, hits, hits on a page with the query, the first hit."""
    lines = ["query\tkind\tresult\thits\twith query\tfirst hit"]
    for query, hits, exact in results:
        first = hits[0].href if hits else ""
        lines.append(f"{query.text}\t{query.kind}\t{'hit' if hits else 'no hit'}\t{len(hits)}\t{exact}\t{first}")
    found = sum(1 for result in results if result.hits)
    lines.append(f"# {found}/{len(results)} queries with at least one hit")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Print the search table for an existing HTML build: ``python tests/browser_support.py DIR``."""
    from playwright.sync_api import sync_playwright

    directory = Path(argv[1]) if len(argv) > 1 else ROOT / "_build" / "html"
    with serve(directory) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            print(table(measure(browser.new_page(), base, directory)), end="")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
