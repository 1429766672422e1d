"""A wiki links into the book as docs/linking.md says: intersphinx only, without our extension.

The wiki is tests/roots/test-wiki (myst_parser + sphinx.ext.intersphinx); it reads the objects.inv
of the real book, built here, and is published elsewhere than the book (at BASEURL).
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_support import BASEURL, build_book
from helpers import html, warnings

#: (how the wiki links, label in the book, the link text the wiki must show; None: the book's title)
LINKS = [
    ("{ref}", "session-yvr18-cern-cells-v1-to-v2", None),
    ("{external+reports:ref}", "project-tacker", None),
    ("{external+reports:ref} with a title", "project-cells-v2", "Cells v2 の解説"),
    ("<inv:...> autolink", "release-rocky", None),
    ("[text](inv:...)", "event-vancouver-2018", "バンクーバー 2018 の報告"),
]
PLURAL = {"session": "sessions", "project": "projects", "release": "releases", "event": "events"}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    return build_book(tmp_path_factory.mktemp("wiki-book"))


@pytest.fixture(scope="module")
def export(book) -> dict:
    return json.loads((book / "summit.json").read_text(encoding="utf-8"))


def mapping(book: Path) -> dict:
    return {"intersphinx_mapping": {"reports": (BASEURL, str(book / "objects.inv"))}}


@pytest.fixture(scope="module")
def wiki(build_root, book):
    return build_root("wiki", "html", confoverrides=mapping(book))


def in_book(export: dict, label: str) -> dict:
    objtype, ident = label.split("-", 1)
    return next(record for record in export[PLURAL[objtype]] if record["id"] == ident)


def external_links(app) -> dict[str, tuple[str, str]]:
    """The wiki's links to the book: {href: (text, title attribute)}."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html(app, "index"), "html.parser")
    return {a["href"]: (a.get_text(), a.get("title", ""))
            for a in soup.select("a.reference") if a["href"].startswith(BASEURL)}


def test_the_wiki_does_not_load_the_extension(wiki):
    """The wiki proves the claim of docs/linking.md: no summit extension is needed to link in."""
    assert "summit" not in wiki.extensions
    assert "summit" not in wiki.env.domains


def test_wiki_builds_without_warnings(wiki):
    """All three ways of linking resolve under nitpicky: no warning at all."""
    assert wiki.config.nitpicky
    assert warnings(wiki) == []


@pytest.mark.parametrize(("how", "label", "text"), LINKS, ids=[link[0] for link in LINKS])
def test_link_goes_to_the_book_with_its_title(wiki, book, export, how, label, text):
    """Each link points at the object's page and stable anchor in the book and shows its title."""
    record = in_book(export, label)
    expected = BASEURL + record["url"]
    assert record["url"].endswith(f"#{label}")
    links = external_links(wiki)
    assert expected in links, (how, sorted(links))
    shown, title = links[expected]
    want = text if text is not None else (record.get("title") or record["name"])
    assert shown == want, how
    assert shown.strip() not in ("", "-")
    assert export["title"] in title, title  # the tooltip names the book it leads to
    # and the address exists in the book as built
    address = urlsplit(expected)
    assert f'id="{address.fragment}"' in (book / address.path.removeprefix("/")).read_text(encoding="utf-8")


def test_all_links_of_the_wiki_page_are_checked(wiki):
    """The page has exactly the five links to the book listed above and no other."""
    assert len(external_links(wiki)) == len(LINKS)


def test_an_unknown_label_is_reported(book, rootdir, tmp_path):
    """Control: a label the book does not have makes the wiki build warn (so 'no warning' means something)."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-wiki", srcdir)
    with (srcdir / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n{external+reports:ref}`session-no-such-session`\n")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(),
                        confoverrides=mapping(book))
    try:
        app.build()
    finally:
        app.cleanup()
    found = warnings(app)
    assert len(found) == 1 and "session-no-such-session" in found[0], found
