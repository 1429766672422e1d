"""Our domain indices reuse the general index's site navigation: computed once, pages unchanged."""

from __future__ import annotations

import shutil
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.testing.util import SphinxTestApp

from helpers import warnings
from summit import navigation

PAGES = ["summit-projects", "summit-releases", "genindex", "search", "index", "reports/2018-05-vancouver"]


def build(rootdir: Path, target: Path, monkeypatch: pytest.MonkeyPatch, *, share: bool) -> Counter[str]:
    """Build test-basic with the book's theme; count the navigation trees computed per page."""
    shutil.copytree(rootdir / "test-basic", target)
    computed: Counter[str] = Counter()
    original = StandaloneHTMLBuilder._get_local_toctree

    def counting(self: StandaloneHTMLBuilder, docname: str, collapse: bool = True, **kwargs: object) -> str:
        computed[docname] += 1
        return original(self, docname, collapse, **kwargs)

    monkeypatch.setattr(StandaloneHTMLBuilder, "_get_local_toctree", counting)
    app = SphinxTestApp("html", srcdir=target, confoverrides={"html_theme": "furo"},
                        status=StringIO(), warning=StringIO())
    try:
        if not share:
            for listener in list(app.events.listeners["html-page-context"]):
                if listener.handler is navigation.share:
                    app.disconnect(listener.id)
        app.build()
        assert warnings(app) == []
    finally:
        app.cleanup()
    monkeypatch.undo()
    return computed


def test_domain_indices_reuse_the_general_index_navigation(rootdir, tmp_path, monkeypatch):
    shared = build(rootdir, tmp_path / "shared", monkeypatch, share=True)
    alone = build(rootdir, tmp_path / "alone", monkeypatch, share=False)
    # Without sharing every page computes its own; with it, our two indices compute none.
    assert all(alone[page] >= 1 for page in PAGES), alone
    assert shared["summit-projects"] == shared["summit-releases"] == 0, shared
    for page in PAGES[2:]:
        assert shared[page] == alone[page], page  # Sphinx's own pages keep their own
    # And the pages are byte for byte what they would have been.
    for page in PAGES:
        mine = (tmp_path / "shared" / "_build" / "html" / f"{page}.html").read_bytes()
        assert mine == (tmp_path / "alone" / "_build" / "html" / f"{page}.html").read_bytes(), page
        assert b'class="sidebar-tree"' in mine, page


def test_a_second_build_sees_new_titles(rootdir, tmp_path):
    """The shared navigation lives for one build: a renamed chapter shows in the next one."""
    src = tmp_path / "book"
    shutil.copytree(rootdir / "test-basic", src)
    app = SphinxTestApp("html", srcdir=src, confoverrides={"html_theme": "furo"},
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
        chapter = src / "reports" / "2018-05-vancouver.md"
        text = chapter.read_text(encoding="utf-8")
        title = text.splitlines()[0]
        assert title.startswith("# ")
        chapter.write_text(text.replace(title, "# 改題した章", 1), encoding="utf-8")
        app.build()
        page = (Path(app.outdir) / "summit-projects.html").read_text(encoding="utf-8")
        start = page.index('class="sidebar-tree"')
        sidebar = page[start:page.index("</div>", start)]
        assert "改題した章" in sidebar
        assert f">{title[2:]}<" not in sidebar
    finally:
        app.cleanup()
